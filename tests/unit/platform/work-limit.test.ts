import { describe, expect, it } from "vitest";
import { BusyError, workLimit } from "../../../app/platform/work-limit.server";

// The bound on heavy work at once: how many run, how many wait, and what
// happens to the ones beyond.

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe("workLimit", () => {
  it("runs up to its limit at once, queues the next in arrival order, and refuses the rest at once", async () => {
    const limit = workLimit("packs", { running: 1, waiting: 2 });
    const started: string[] = [];
    const first = gate();
    const work = (name: string, until?: Promise<void>) => limit.run(async () => (started.push(name), await until, name));
    const a = work("a", first.opened);
    const b = work("b");
    const c = work("c");
    await expect(work("d")).rejects.toThrow(BusyError);
    await expect(work("d")).rejects.toThrow("Too many packs are being made at once on this server");
    expect(started).toEqual(["a"]);
    expect(limit.state()).toEqual({ running: 1, waiting: 2 });
    first.open();
    expect(await Promise.all([a, b, c])).toEqual(["a", "b", "c"]);
    expect(started).toEqual(["a", "b", "c"]);
    expect(limit.state()).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the place of work that failed, and passes its error on", async () => {
    const limit = workLimit("packs", { running: 1, waiting: 0 });
    await expect(limit.run(async () => Promise.reject(new Error("the renderer broke")))).rejects.toThrow("the renderer broke");
    expect(limit.state()).toEqual({ running: 0, waiting: 0 });
    expect(await limit.run(async () => "made")).toBe("made");
  });

  it("runs two at once when allowed two", async () => {
    const limit = workLimit("packs", { running: 2, waiting: 0 });
    const g = gate();
    const both = [limit.run(() => g.opened), limit.run(() => g.opened)];
    expect(limit.state()).toEqual({ running: 2, waiting: 0 });
    await expect(limit.run(async () => "third")).rejects.toThrow(BusyError);
    g.open();
    await Promise.all(both);
    expect(limit.state()).toEqual({ running: 0, waiting: 0 });
  });
});
