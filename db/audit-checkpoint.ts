import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { and, eq, max } from "drizzle-orm";
import { z } from "zod";
import { canonicalJson, verifyAuditTrail, type VerifyResult } from "./audit";
import type { Queryable } from "./client";
import { auditEvents } from "./schema";

// Checkpoints: a chain's head (its last sequence number and hash), signed
// with an Ed25519 key the database never holds, sent out of the database
// (emails, downloads, printed minutes). The hash chain alone shows that
// nothing in the middle changed; a checkpoint kept elsewhere also shows that
// the newest events were not removed and the chain was not rewritten and
// re-hashed up to that point (docs/audit-trail.md, "Threat model").

const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export type CheckpointKey = { privateKey: KeyObject; publicKey: KeyObject; publicKeyBase64: string; keyId: string };

/** The key from its 32-byte seed, written in base64 (AUDIT_CHECKPOINT_KEY). */
export function checkpointKeyFromSeed(seedBase64: string): CheckpointKey {
  const seed = Buffer.from(seedBase64, "base64");
  if (seed.length !== 32) throw new Error("An audit checkpoint key is 32 bytes written in base64");
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  return withPublicKey(createPublicKey(privateKey), privateKey);
}

/** A public key alone (for verifying), from its 32 raw bytes in base64. */
export function publicKeyFromBase64(publicKeyBase64: string): Omit<CheckpointKey, "privateKey"> {
  const raw = Buffer.from(publicKeyBase64.trim(), "base64");
  if (raw.length !== 32) throw new Error("An audit checkpoint public key is 32 bytes written in base64");
  const publicKey = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
  return withPublicKey(publicKey);
}

function withPublicKey(publicKey: KeyObject, privateKey?: KeyObject) {
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  return {
    ...(privateKey ? { privateKey } : {}),
    publicKey,
    publicKeyBase64: raw.toString("base64"),
    keyId: createHash("sha256").update(raw).digest("hex").slice(0, 16),
  } as CheckpointKey;
}

export const checkpointSchema = z.object({
  v: z.literal(1),
  /** The chain: "platform" or a partnership's id. */
  chain: z.string().min(1),
  /** Whose chain, for people: a partnership's short name or "Platform". */
  label: z.string(),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().min(1),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;
type Unsigned = Omit<Checkpoint, "v" | "keyId" | "signature">;

const signedBytes = (c: Omit<Checkpoint, "signature">) => Buffer.from(canonicalJson(c), "utf8");

export function signCheckpoint(key: CheckpointKey, head: Unsigned): Checkpoint {
  const unsigned = { v: 1 as const, ...head, keyId: key.keyId };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), key.privateKey).toString("base64") };
}

/** Whether the checkpoint was signed by this key and not altered since. */
export function checkpointSignatureValid(c: Checkpoint, key: Pick<CheckpointKey, "publicKey" | "keyId">) {
  if (c.keyId !== key.keyId) return false;
  const { signature, ...unsigned } = c;
  try {
    return verify(null, signedBytes(unsigned), key.publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

/** A checkpoint as one line of text: what emails, downloads and minutes carry. */
export const checkpointLine = (c: Checkpoint) => JSON.stringify(c);

/**
 * The checkpoints in a text (a saved email, a download): every line that is a
 * JSON object is read; other lines (headings, notes) are ignored. A line
 * that looks like a checkpoint but is not one is reported, not skipped.
 */
export function parseCheckpoints(text: string): { checkpoints: Checkpoint[]; problems: string[] } {
  const checkpoints: Checkpoint[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line.startsWith("{")) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1} is not valid JSON`);
      return;
    }
    const parsed = checkpointSchema.safeParse(value);
    if (parsed.success) checkpoints.push(parsed.data);
    else problems.push(`line ${i + 1} is not a checkpoint (${parsed.error.issues.map((x) => `${x.path.join(".") || "value"}: ${x.message}`).join("; ")})`);
  });
  return { checkpoints, problems };
}

export type CheckpointCheck = { checkpoint: Checkpoint; ok: true } | { checkpoint: Checkpoint; ok: false; problem: string };

/** Whether the stored chain still reaches each checkpoint: the event at its sequence number has its hash. */
export async function checkAgainstCheckpoints(db: Queryable, checkpoints: readonly Checkpoint[], key: Pick<CheckpointKey, "publicKey" | "keyId">): Promise<CheckpointCheck[]> {
  const results: CheckpointCheck[] = [];
  for (const c of checkpoints) {
    if (!checkpointSignatureValid(c, key)) {
      results.push({ checkpoint: c, ok: false, problem: c.keyId === key.keyId ? "its signature does not match its contents (the checkpoint was altered or forged)" : `it was signed with key ${c.keyId}, not this key (${key.keyId})` });
      continue;
    }
    const [event] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(and(eq(auditEvents.chain, c.chain), eq(auditEvents.seq, c.seq)));
    if (!event) {
      const [{ length }] = await db.select({ length: max(auditEvents.seq) }).from(auditEvents).where(eq(auditEvents.chain, c.chain));
      results.push({ checkpoint: c, ok: false, problem: `the chain now ends at sequence ${length ?? 0}, before the checkpoint's ${c.seq}: events were removed` });
    } else if (event.hash !== c.hash) {
      results.push({ checkpoint: c, ok: false, problem: `event ${c.seq}'s hash is not the one signed: the chain was rewritten up to this point` });
    } else results.push({ checkpoint: c, ok: true });
  }
  return results;
}

/** The whole verdict: the chains' own integrity, then each checkpoint. */
export async function verifyWithCheckpoints(db: Queryable, checkpoints: readonly Checkpoint[], key: Pick<CheckpointKey, "publicKey" | "keyId">): Promise<{ trail: VerifyResult; checks: CheckpointCheck[] }> {
  return { trail: await verifyAuditTrail(db), checks: await checkAgainstCheckpoints(db, checkpoints, key) };
}
