import { afterEach, beforeEach, vi } from "vitest";
import { format } from "node:util";

// A test fails on any console.error it did not expect: the server runs in the
// test's process, so an error it logs (a failed query, a crashed loader) is
// noticed even when the response looked fine. A test that provokes one on
// purpose says so with expectConsoleError(pattern).

const expected: RegExp[] = [];
let unexpected: string[] = [];

/** Allows console.error lines matching `pattern` for the rest of this test. */
export function expectConsoleError(pattern: RegExp) {
  expected.push(pattern);
}

beforeEach(() => {
  expected.length = 0;
  unexpected = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const line = format(...args);
    if (!expected.some((p) => p.test(line))) unexpected.push(line);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  const lines = unexpected;
  unexpected = [];
  if (lines.length) throw new Error(`Unexpected console.error during the test:\n${lines.map((l) => l.slice(0, 2000)).join("\n---\n")}`);
});
