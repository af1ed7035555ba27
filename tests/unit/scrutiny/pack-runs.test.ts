import { describe, expect, it } from "vitest";
import { PACK_RUN_STALE_MS, packRunStanding, type PackRunProgress } from "../../../app/areas/scrutiny/rules/pack";

// Where a scrutiny pack being prepared by the worker stands, as its page says it.

const now = new Date("2026-11-22T10:00:00Z");
const run = (over: Partial<PackRunProgress>): PackRunProgress => ({ status: "queued", stage: null, progressDone: 0, progressTotal: 0, attempts: 0, error: null, pages: null, heartbeatAt: null, ...over });

describe("packRunStanding", () => {
  it("says a queued run is waiting, or waiting to be tried again after a failed attempt", () => {
    expect(packRunStanding(run({}), now)).toEqual({ words: "Waiting for the worker to start it.", value: null, max: 1, active: true });
    expect(packRunStanding(run({ attempts: 1, error: "The database went away" }), now).words).toBe("Waiting to be tried again: the last attempt failed (The database went away).");
  });

  it("counts the sections gathered, then the pages laid out, for a progress bar", () => {
    const beat = new Date(now.getTime() - 1000);
    expect(packRunStanding(run({ status: "running", stage: "gathering", progressDone: 2, progressTotal: 6, heartbeatAt: beat }), now)).toEqual({
      words: "Gathering the sections from the record: 2 of 6 done.",
      value: 2,
      max: 6,
      active: true,
    });
    expect(packRunStanding(run({ status: "running", stage: "laying_out", progressDone: 0, progressTotal: 0, heartbeatAt: beat }), now).words).toBe("Working out how the pages are laid out.");
    expect(packRunStanding(run({ status: "running", stage: "laying_out", progressDone: 212, progressTotal: 1800, heartbeatAt: beat }), now)).toEqual({
      words: "Laying out page 212 of 1,800.",
      value: 212,
      max: 1800,
      active: true,
    });
  });

  it("says a running run not heard from for a while will be tried again", () => {
    const words = packRunStanding(run({ status: "running", stage: "laying_out", progressDone: 3, progressTotal: 9, heartbeatAt: new Date(now.getTime() - PACK_RUN_STALE_MS - 1) }), now).words;
    expect(words).toBe("The worker stopped while making it: it will be tried again shortly.");
  });

  it("says when it is ready, and when it could not be made, and stops refreshing for both", () => {
    expect(packRunStanding(run({ status: "done", pages: 800 }), now)).toEqual({ words: "Ready: 800 pages.", value: 1, max: 1, active: false });
    expect(packRunStanding(run({ status: "done", pages: 1 }), now).words).toBe("Ready: 1 page.");
    const failed = packRunStanding(run({ status: "failed", attempts: 3, error: "Out of memory" }), now);
    expect(failed.words).toBe("It could not be made after 3 attempts: Out of memory. Ask for it again, or tell the platform's administrators.");
    expect(failed.active).toBe(false);
  });
});
