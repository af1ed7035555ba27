import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { PLATFORM_CHAIN } from "../../db/audit";
import { checkAgainstCheckpoints, checkpointKeyFromSeed, checkpointLine, signCheckpoint, type Checkpoint, type CheckpointKey } from "../../db/audit-checkpoint";
import type { Db } from "../../db/client";
import { auditCheckpoints, auditEvents, partnerships, users } from "../../db/schema";
import { isReminderDue } from "../areas/notifications/public";
import { appLink, listRoleHolders, peopleById, type Recipient, type ReminderMessage } from "../areas/notifications/public.server";
import { env } from "../platform/env.server";
import { formatDate, londonDate } from "../platform/time/dates";

// Each day an audit chain grows, its head is signed (db/audit-checkpoint.ts)
// and sent out of the database: to the partnership's secretariat and scrutiny
// members (the platform chain's to platform administrators), through the
// exactly-once message log. The scheduling pass calls this every hour; the
// first pass after 07:00 London time signs, later ones find the day done.

/** The signing key, from AUDIT_CHECKPOINT_KEY (outside production a key kept in DATA_DIR). */
export function checkpointKey(): CheckpointKey {
  // Made once per key (the audit trail explorer checks the latest checkpoint on every page).
  const seed = env().AUDIT_CHECKPOINT_KEY;
  if (cachedKey?.seed !== seed) cachedKey = { seed, key: checkpointKeyFromSeed(seed) };
  return cachedKey.key;
}
let cachedKey: { seed: string; key: CheckpointKey } | undefined;

type Row = typeof auditCheckpoints.$inferSelect;

export const checkpointOf = (row: Row): Checkpoint => ({
  v: 1,
  chain: row.chain,
  label: row.label,
  seq: row.seq,
  hash: row.hash,
  signedAt: row.signedAt.toISOString(),
  keyId: row.keyId,
  signature: row.signature,
});

/**
 * Signs the head of every chain that has grown since its last checkpoint, as
 * of the London day of `now` (one checkpoint per chain per day, whoever runs
 * first: two passes at once insert one). Returns the day's checkpoints.
 */
export async function takeDailyCheckpoints(db: Db, now: Date, key: CheckpointKey = checkpointKey()): Promise<Row[]> {
  const day = londonDate(now);
  const chains = [
    { chain: PLATFORM_CHAIN, label: "Platform" },
    ...(await db.select({ chain: partnerships.id, label: partnerships.shortName }).from(partnerships)).map((p) => ({ chain: p.chain as string, label: p.label })),
  ];
  const taken = new Set((await db.select({ chain: auditCheckpoints.chain }).from(auditCheckpoints).where(eq(auditCheckpoints.day, day))).map((r) => r.chain));
  for (const { chain, label } of chains) {
    if (taken.has(chain)) continue;
    const [head] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.chain, chain)).orderBy(desc(auditEvents.seq)).limit(1);
    if (!head) continue;
    const [last] = await db.select({ seq: auditCheckpoints.seq }).from(auditCheckpoints).where(eq(auditCheckpoints.chain, chain)).orderBy(desc(auditCheckpoints.day)).limit(1);
    if (last && last.seq === head.seq) continue; // nothing new since the last checkpoint
    const signed = signCheckpoint(key, { chain, label, seq: head.seq, hash: head.hash, signedAt: now.toISOString() });
    await db
      .insert(auditCheckpoints)
      .values({ chain, day, label, seq: signed.seq, hash: signed.hash, signedAt: now, keyId: signed.keyId, signature: signed.signature })
      .onConflictDoNothing();
  }
  return db.select().from(auditCheckpoints).where(eq(auditCheckpoints.day, day)).orderBy(asc(auditCheckpoints.chain));
}

/** A text file of checkpoints: a few lines saying what it is and how to check it, then one line per checkpoint. */
export function checkpointFileText(title: string, rows: readonly Row[], key: Pick<CheckpointKey, "publicKeyBase64" | "keyId"> = checkpointKey()) {
  return [
    `# Audit checkpoints: ${title}`,
    `# Signed with Ed25519 key ${key.keyId}; public key (base64): ${key.publicKeyBase64}`,
    "# Each line below records an audit chain's last event (seq, hash) on the day it was signed.",
    `# Check the database still reaches them: npm run audit:verify -- --checkpoint THIS-FILE --public-key ${key.publicKeyBase64}`,
    ...rows.map((r) => checkpointLine(checkpointOf(r))),
    "",
  ].join("\n");
}

/** Every checkpoint of a partnership's chain, oldest first, as a downloadable file. */
export async function partnershipCheckpointFile(db: Db, partnership: { id: string; name: string }) {
  const rows = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.chain, partnership.id)).orderBy(asc(auditCheckpoints.day));
  return checkpointFileText(partnership.name, rows);
}

/** The latest checkpoint of a partnership's chain, for printing in exports (undefined before the first). */
export async function latestCheckpoint(db: Db, partnershipId: string) {
  const [row] = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.chain, partnershipId)).orderBy(desc(auditCheckpoints.day)).limit(1);
  return row ? { day: row.day, seq: row.seq, keyId: row.keyId, line: checkpointLine(checkpointOf(row)) } : undefined;
}

/** Takes the day's checkpoints (from 07:00 London time) and the messages that send them out. */
export async function checkpointMessages(db: Db, now: Date): Promise<ReminderMessage[]> {
  const day = londonDate(now);
  if (!isReminderDue(day, now)) return [];
  const key = checkpointKey();
  const rows = await takeDailyCheckpoints(db, now, key);
  if (rows.length === 0) return [];
  const partnershipRows = await db
    .select({ id: partnerships.id, name: partnerships.name, slug: partnerships.slug })
    .from(partnerships)
    .where(inArray(partnerships.id, rows.map((r) => r.chain).filter((c) => c !== PLATFORM_CHAIN)));
  const byId = new Map(partnershipRows.map((p) => [p.id as string, p]));
  const messages: ReminderMessage[] = [];
  for (const row of rows) {
    const partnership = byId.get(row.chain);
    let recipients: { person: Recipient; reason: string }[];
    if (partnership) {
      const holders = (await listRoleHolders(db, partnership.id)).filter((h) => h.role === "secretariat" || h.role === "scrutiny_member");
      const people = await peopleById(db, [...new Set(holders.map((h) => h.userId))]);
      recipients = [...people.values()].map((person) => ({
        person,
        reason: holders.some((h) => h.userId === person.userId && h.role === "secretariat")
          ? `You run the secretariat of ${partnership.name}.`
          : `You sit on a scrutiny committee that oversees ${partnership.name}.`,
      }));
    } else {
      const admins = await db.select({ id: users.id }).from(users).where(and(eq(users.isPlatformAdmin, true), eq(users.kind, "adult")));
      recipients = [...(await peopleById(db, admins.map((a) => a.id))).values()].map((person) => ({ person, reason: "You administer the platform." }));
    }
    const chainName = partnership?.name ?? "the platform";
    const checkpoint = checkpointOf(row);
    const file = checkpointFileText(chainName, [row], key);
    for (const { person, reason } of recipients)
      messages.push({
        kind: "audit_checkpoint",
        partnershipId: partnership?.id ?? null,
        subjectId: row.chain,
        periodKey: row.day,
        stage: "daily",
        recipient: person,
        urgent: true, // the copy that leaves the database: not held for a digest
        template: "audit-checkpoint",
        subject: `${partnership ? row.label : "Platform"}: audit checkpoint for ${formatDate(row.day)}`,
        props: {
          recipientName: person.name,
          chainName,
          day: row.day,
          seq: row.seq,
          line: checkpointLine(checkpoint),
          publicKey: key.publicKeyBase64,
          keyId: key.keyId,
          ...(partnership ? { link: appLink(`/p/${partnership.slug}/audit-checkpoints.txt`) } : {}),
          reason,
        },
        attachments: [{ filename: `${partnership?.slug ?? "platform"}-audit-checkpoint-${row.day}.txt`, contentType: "text/plain; charset=utf-8", content: file }],
      });
  }
  return messages;
}

/** Whether the stored chain still reaches the partnership's latest checkpoint (signature and hash), for the audit trail explorer. */
export async function latestCheckpointCheck(db: Db, partnershipId: string) {
  const [row] = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.chain, partnershipId)).orderBy(desc(auditCheckpoints.day)).limit(1);
  if (!row) return undefined;
  const [check] = await checkAgainstCheckpoints(db, [checkpointOf(row)], checkpointKey());
  return { day: row.day, seq: row.seq, hash: row.hash, ok: check.ok, problem: check.ok ? null : check.problem };
}
