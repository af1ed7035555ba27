import { describe, expect, it } from "vitest";
import {
  checkpointKeyFromSeed,
  checkpointLine,
  checkpointSignatureValid,
  parseCheckpoints,
  publicKeyFromBase64,
  signCheckpoint,
} from "../../../db/audit-checkpoint";

const key = checkpointKeyFromSeed(Buffer.alloc(32, 1).toString("base64"));
const other = checkpointKeyFromSeed(Buffer.alloc(32, 2).toString("base64"));
const head = { chain: "3f6c1a52-0d4e-4a8b-9c61-2b7f0e5d9a10", label: "NELCP", seq: 412, hash: "a".repeat(64), signedAt: "2026-11-23T07:05:00.000Z" };

describe("audit checkpoints", () => {
  it("signs a chain's head so that its public key alone verifies it", () => {
    const c = signCheckpoint(key, head);
    expect(c).toMatchObject({ v: 1, ...head, keyId: key.keyId });
    expect(checkpointSignatureValid(c, key)).toBe(true);
    expect(checkpointSignatureValid(c, publicKeyFromBase64(key.publicKeyBase64))).toBe(true);
    // Ed25519 is deterministic: the same head signs the same way.
    expect(signCheckpoint(key, head).signature).toBe(c.signature);
  });

  it("refuses a checkpoint whose any field was changed after signing, or signed by another key", () => {
    const c = signCheckpoint(key, head);
    for (const changed of [{ seq: 413 }, { seq: 411 }, { hash: "b".repeat(64) }, { chain: "platform" }, { label: "CIP" }, { signedAt: "2026-11-24T07:05:00.000Z" }])
      expect(checkpointSignatureValid({ ...c, ...changed }, key), JSON.stringify(changed)).toBe(false);
    expect(checkpointSignatureValid({ ...c, signature: "not base64 at all!" }, key)).toBe(false);
    expect(checkpointSignatureValid(c, other)).toBe(false);
    // Re-signed with another key and relabelled with this key's id: still refused.
    const forged = { ...signCheckpoint(other, head), keyId: key.keyId };
    expect(checkpointSignatureValid(forged, key)).toBe(false);
  });

  it("names keys by a short fingerprint of the public key, the same from the seed or the public half", () => {
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(publicKeyFromBase64(key.publicKeyBase64).keyId).toBe(key.keyId);
    expect(other.keyId).not.toBe(key.keyId);
    expect(Buffer.from(key.publicKeyBase64, "base64")).toHaveLength(32);
    expect(() => checkpointKeyFromSeed(Buffer.alloc(31).toString("base64"))).toThrow("32 bytes");
    expect(() => publicKeyFromBase64("abc")).toThrow("32 bytes");
  });

  it("reads checkpoint lines out of a saved email or download, ignoring the prose around them", () => {
    const a = signCheckpoint(key, head);
    const b = signCheckpoint(key, { ...head, seq: 500, signedAt: "2026-11-24T07:05:00.000Z" });
    const text = `# Audit checkpoints: NELCP\r\nDear Priya,\r\n\r\n  ${checkpointLine(a)}  \r\nSigned with key x.\n${checkpointLine(b)}\n`;
    expect(parseCheckpoints(text)).toEqual({ checkpoints: [a, b], problems: [] });
    expect(parseCheckpoints("nothing here\n")).toEqual({ checkpoints: [], problems: [] });
  });

  it("reports a line that looks like a checkpoint but is not one, by line number", () => {
    const a = signCheckpoint(key, head);
    const broken = checkpointLine(a).slice(0, -5);
    const wrongShape = JSON.stringify({ ...a, seq: "412" });
    const { checkpoints, problems } = parseCheckpoints(`${checkpointLine(a)}\n${broken}\n${wrongShape}\n`);
    expect(checkpoints).toEqual([a]);
    expect(problems).toEqual(["line 2 is not valid JSON", expect.stringMatching(/^line 3 is not a checkpoint \(seq: /)]);
  });
});
