import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, computeEventHash, GENESIS_HASH, type HashedFields } from "../../../db/audit";

const event: HashedFields = {
  id: "5f0c8f8e-6f0a-4c53-9d53-3f0e1c1e2a11",
  chain: "platform",
  seq: 1,
  occurredAt: new Date("2026-03-31T07:00:00.123Z"),
  actorUserId: null,
  action: "user.sign_in",
  entityType: "user",
  entityId: "abc",
  partnershipId: null,
  before: null,
  after: { z: 1, a: [true, "é", { y: null, b: 2.5 }] },
  reason: null,
};

describe("canonical JSON", () => {
  it("sorts keys at every depth and adds no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"e":2,"f":1}]},"b":1}');
  });

  it("drops undefined members and writes null for missing values", () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("refuses values JSON cannot carry", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/non-finite/);
  });
});

describe("event hash", () => {
  it("is sha256 of the previous hash followed by the documented canonical event (docs/audit-trail.md)", () => {
    // Written out by hand exactly as the documentation describes it.
    const documented =
      '{"action":"user.sign_in","actorUserId":null,"after":{"a":[true,"é",{"b":2.5,"y":null}],"z":1},"before":null,' +
      '"chain":"platform","entityId":"abc","entityType":"user","id":"5f0c8f8e-6f0a-4c53-9d53-3f0e1c1e2a11",' +
      '"occurredAt":"2026-03-31T07:00:00.123Z","partnershipId":null,"reason":null,"seq":1}';
    const expected = createHash("sha256").update(GENESIS_HASH + documented, "utf8").digest("hex");
    expect(computeEventHash(GENESIS_HASH, event)).toBe(expected);
  });

  it("changes when any field or the previous hash changes", () => {
    const base = computeEventHash(GENESIS_HASH, event);
    expect(computeEventHash("1".repeat(64), event)).not.toBe(base);
    expect(computeEventHash(GENESIS_HASH, { ...event, seq: 2 })).not.toBe(base);
    expect(computeEventHash(GENESIS_HASH, { ...event, after: { z: 2, a: [] } })).not.toBe(base);
    expect(computeEventHash(GENESIS_HASH, { ...event, occurredAt: new Date("2026-03-31T07:00:00.124Z") })).not.toBe(base);
  });
});
