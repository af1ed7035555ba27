import { describe, expect, it } from "vitest";
import { SIGN_IN_THROTTLE, throttleDelayMs, throttleWaitMs } from "../../../app/areas/identity/rules";

const account = SIGN_IN_THROTTLE.account;

describe("the sign-in throttle", () => {
  it("costs nothing for the first few failures, then doubles the wait, up to five minutes", () => {
    expect([0, 1, 4].map((n) => throttleDelayMs(n, account))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => throttleDelayMs(n, account))).toEqual([1000, 2000, 4000, 8000]);
    expect(throttleDelayMs(14, account)).toBe(5 * 60_000);
    expect(throttleDelayMs(100, account)).toBe(5 * 60_000);
  });

  it("counts the wait from the last failure, and forgets a streak a quarter of an hour later", () => {
    const last = new Date("2026-11-22T09:00:00Z");
    const at = (ms: number) => new Date(last.getTime() + ms);
    expect(throttleWaitMs({ failures: 7, lastFailureAt: last }, account, at(1000))).toBe(3000);
    expect(throttleWaitMs({ failures: 7, lastFailureAt: last }, account, at(4000))).toBe(0);
    expect(throttleWaitMs({ failures: 40, lastFailureAt: last }, account, at(14 * 60_000))).toBe(0); // capped at five minutes
    expect(throttleWaitMs({ failures: 40, lastFailureAt: last }, account, at(60_000))).toBe(4 * 60_000);
    expect(throttleWaitMs(null, account, at(0))).toBe(0);
  });

  it("lets an address fail more often than an account: one office, many people", () => {
    expect(throttleDelayMs(19, SIGN_IN_THROTTLE.address)).toBe(0);
    expect(throttleDelayMs(20, SIGN_IN_THROTTLE.address)).toBe(1000);
  });
});
