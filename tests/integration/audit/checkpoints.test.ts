import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../../../app/audit/append.server";
import { checkpointKey, checkpointMessages, partnershipCheckpointFile, takeDailyCheckpoints } from "../../../app/audit/checkpoints.server";
import { recordReminders } from "../../../app/areas/notifications/public.server";
import { resetEnvCache } from "../../../app/platform/env.server";
import { computeEventHash, verifyAuditTrail } from "../../../db/audit";
import { checkpointLine, parseCheckpoints, signCheckpoint, checkpointKeyFromSeed } from "../../../db/audit-checkpoint";
import { openDatabase, type DatabaseHandle, type Db } from "../../../db/client";
import { auditCheckpoints, auditEvents, meetings, minutes, partnerships } from "../../../db/schema";
import { createTestDatabase } from "../../helpers/database";
import { pageText, startTestServer, type TestServer } from "../../helpers/server";

// The daily signed checkpoints of each audit chain, and `audit:verify
// --checkpoint`: what the hash chain alone cannot show (the newest events
// removed, or the chain rewritten and re-hashed by someone with the owner's
// access) shows against a checkpoint kept outside the database.

const run = promisify(execFile);
const KEY = Buffer.alloc(32, 42).toString("base64");
const at = (iso: string) => new Date(iso);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: DatabaseHandle;
let owner: DatabaseHandle | undefined;
let nelcp: { id: string; name: string; slug: string };
const saved = { AUDIT_CHECKPOINT_KEY: process.env.AUDIT_CHECKPOINT_KEY, DATA_DIR: process.env.DATA_DIR };

const db = () => app.db;
/** The owner's connection (on PostgreSQL the app's role may not touch the audit table's rows or triggers). */
const ownerDb = (): Db => owner?.db ?? app.db;

beforeAll(async () => {
  database = await createTestDatabase("seeded");
  Object.assign(process.env, { AUDIT_CHECKPOINT_KEY: KEY, DATA_DIR: database.dataDir });
  resetEnvCache();
  app = openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
  if (database.ownerUrl) owner = openDatabase({ databaseUrl: database.ownerUrl, dataDir: database.dataDir });
  [nelcp] = await db().select({ id: partnerships.id, name: partnerships.name, slug: partnerships.slug }).from(partnerships).where(eq(partnerships.slug, "nelcp"));
});

afterAll(async () => {
  await owner?.close();
  await app?.close();
  await database?.drop();
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  resetEnvCache();
});

async function head(chain: string) {
  const [row] = await db().select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.chain, chain)).orderBy(desc(auditEvents.seq)).limit(1);
  return row;
}

async function newEvent(partnershipId: string, reason: string) {
  await db().transaction((tx) => appendAudit(tx, { actorUserId: null, action: "meeting.cancel", entityId: crypto.randomUUID(), partnershipId, reason }));
}

/** As the tables' owner, with the append-only trigger off: what someone with direct database access could do. */
async function tamper(work: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) => Promise<void>) {
  await ownerDb().transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
    await work(tx);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
  });
}

/** `npm run audit:verify` in a child process, as an operator or auditor runs it. */
async function auditVerify(args: string[]) {
  if (database.kind === "pglite") await app.close(); // one process at a time on a data directory
  const env = { ...process.env, DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? "", APP_ENV: "test", AUDIT_CHECKPOINT_KEY: KEY };
  const result = await run("npm", ["run", "--silent", "audit:verify", "--", ...args], { env }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  if (database.kind === "pglite") app = openDatabase({ dataDir: database.dataDir });
  return result;
}

describe("daily checkpoints", () => {
  it("are taken from 07:00 London time, one per chain that has events, and sent to the secretariat and scrutiny members", async () => {
    expect(await checkpointMessages(db(), at("2026-11-23T06:59:00Z"))).toEqual([]);
    expect(await db().select().from(auditCheckpoints)).toEqual([]);

    const messages = await checkpointMessages(db(), at("2026-11-23T07:05:00Z"));
    const rows = await db().select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.chain));
    expect(rows).toHaveLength(4); // the platform and the three partnerships
    for (const row of rows) {
      expect(row.day).toBe("2026-11-23");
      expect(await head(row.chain)).toEqual({ seq: row.seq, hash: row.hash });
      expect(row.keyId).toBe(checkpointKey().keyId);
    }
    const to = (label: string) => messages.filter((m) => m.subject.startsWith(`${label}:`)).map((m) => m.recipient.email).sort();
    expect(to("NELCP")).toEqual(["secretariat@nelcp.example"]);
    expect(to("CIP")).toEqual(["f.siddiqui@leics.example", "h.pemberton@leics.example", "scrutiny-chair@leics.example", "scrutiny@leics.example"]);
    expect(to("Platform")).toEqual(["admin@platform.example"]);
    const toPriya = messages.find((m) => m.recipient.email === "secretariat@nelcp.example")!;
    expect(toPriya).toMatchObject({ kind: "audit_checkpoint", urgent: true, template: "audit-checkpoint", subject: "NELCP: audit checkpoint for 23 November 2026" });
    expect(toPriya.props.reason).toBe("You run the secretariat of North-East London Commissioning Partnership.");
    expect(messages.find((m) => m.recipient.email === "scrutiny@leics.example")!.props.reason).toMatch(/scrutiny committee that oversees/);
    // The signed line is in the email and in the attached file, which audit:verify reads.
    const attached = parseCheckpoints(toPriya.attachments![0].content).checkpoints;
    expect(attached).toHaveLength(1);
    expect(checkpointLine(attached[0])).toBe(toPriya.props.line);
    expect(attached[0]).toMatchObject({ chain: nelcp.id, label: "NELCP", seq: rows.find((r) => r.chain === nelcp.id)!.seq });
  });

  it("are recorded once however many passes run that day, and a quiet chain is not signed again", async () => {
    const first = await checkpointMessages(db(), at("2026-11-23T09:05:00Z"));
    expect((await recordReminders(db(), first)).length).toBe(first.length);
    expect(await recordReminders(db(), await checkpointMessages(db(), at("2026-11-23T10:05:00Z")))).toEqual([]);
    const [before] = await db().select().from(auditCheckpoints).where(and(eq(auditCheckpoints.chain, nelcp.id), eq(auditCheckpoints.day, "2026-11-23")));

    // Next day: only NELCP has grown.
    await newEvent(nelcp.id, "checkpoint test: a new event");
    const nextDay = await checkpointMessages(db(), at("2026-11-24T07:05:00Z"));
    const signed = await db().select().from(auditCheckpoints).where(eq(auditCheckpoints.day, "2026-11-24"));
    expect(signed.map((r) => r.label)).toEqual(["NELCP"]);
    expect(signed[0].seq).toBe(before.seq + 1);
    expect(nextDay.map((m) => m.recipient.email)).toEqual(["secretariat@nelcp.example"]);
    // Two passes racing for the same day keep one checkpoint per chain.
    await Promise.all([takeDailyCheckpoints(db(), at("2026-11-24T08:05:00Z")), takeDailyCheckpoints(db(), at("2026-11-24T08:05:00Z"))]);
    expect(await db().select().from(auditCheckpoints).where(eq(auditCheckpoints.day, "2026-11-24"))).toHaveLength(1);
  });
});

describe("npm run audit:verify --checkpoint", () => {
  let file: string;
  let signedSeq: number;

  beforeAll(async () => {
    file = path.join(database.dataDir, "nelcp-checkpoints.txt");
    fs.writeFileSync(file, await partnershipCheckpointFile(db(), nelcp));
    signedSeq = (await head(nelcp.id)).seq;
    // Events after the checkpoint: the trail goes on growing.
    await newEvent(nelcp.id, "after the checkpoint 1");
    await newEvent(nelcp.id, "after the checkpoint 2");
  });

  it("passes while the chain reaches every checkpoint", async () => {
    const { code, stdout, stderr } = await auditVerify(["--checkpoint", file]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Audit trail intact: \d+ events in 4 chains\./);
    expect(stdout).toContain("Checkpoint NELCP sequence");
    expect(stdout.match(/: reached\./g)).toHaveLength(2);
  });

  it("refuses a checkpoint altered by hand, or checked against another key", async () => {
    const { checkpoints } = parseCheckpoints(fs.readFileSync(file, "utf8"));
    const altered = path.join(database.dataDir, "altered.txt");
    fs.writeFileSync(altered, checkpointLine({ ...checkpoints[0], seq: checkpoints[0].seq - 1 }));
    const result = await auditVerify(["--checkpoint", altered]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("its signature does not match its contents");

    const otherKey = checkpointKeyFromSeed(Buffer.alloc(32, 7).toString("base64"));
    const wrongKey = await auditVerify(["--checkpoint", file, "--public-key", otherKey.publicKeyBase64]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toContain(`not this key (${otherKey.keyId})`);
  });

  it("catches a chain rewritten and re-hashed by the owner, which the chain alone cannot show", async () => {
    const victimSeq = signedSeq - 3;
    await tamper(async (tx) => {
      const rows = await tx.select().from(auditEvents).where(and(eq(auditEvents.chain, nelcp.id), gt(auditEvents.seq, victimSeq - 1))).orderBy(asc(auditEvents.seq));
      let prevHash = rows[0].prevHash;
      for (const row of rows) {
        const rewritten = { ...row, reason: row.seq === victimSeq ? "a quietly different reason" : row.reason, prevHash };
        const hash = computeEventHash(prevHash, rewritten);
        await tx.update(auditEvents).set({ reason: rewritten.reason, prevHash, hash }).where(eq(auditEvents.id, row.id));
        prevHash = hash;
      }
    });
    expect((await verifyAuditTrail(db())).ok).toBe(true); // re-hashed: the chain verifies on its own
    expect((await auditVerify([])).code).toBe(0);
    const { code, stderr } = await auditVerify(["--checkpoint", file]);
    expect(code).toBe(1);
    expect(stderr).toContain(`Checkpoint NELCP sequence ${signedSeq}`);
    expect(stderr).toContain("the chain was rewritten up to this point");
  });

  it("catches the newest events removed, which the chain alone cannot show", async () => {
    await tamper((tx) => tx.delete(auditEvents).where(and(eq(auditEvents.chain, nelcp.id), gt(auditEvents.seq, signedSeq - 2))).then(() => undefined));
    expect((await verifyAuditTrail(db())).ok).toBe(true);
    const { code, stderr } = await auditVerify(["--checkpoint", file]);
    expect(code).toBe(1);
    expect(stderr).toContain(`the chain now ends at sequence ${signedSeq - 2}, before the checkpoint's ${signedSeq}: events were removed`);
  });

  it("says what is wrong with its arguments or the file, and checks nothing", async () => {
    const missing = await auditVerify(["--checkpoint", path.join(database.dataDir, "no-such-file.txt")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Checkpoint file not found");
    const empty = path.join(database.dataDir, "empty.txt");
    fs.writeFileSync(empty, "Dear Priya,\nnothing here\n");
    expect((await auditVerify(["--checkpoint", empty])).stderr).toContain("holds no checkpoint lines");
    const badKey = await auditVerify(["--checkpoint", file, "--public-key", "short"]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("--public-key must be the 32-byte public key in base64");
    const unknown = await auditVerify(["--checkpoints", file]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Usage: npm run audit:verify");
  });
});

describe("the checkpoint download", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ AUDIT_CHECKPOINT_KEY: KEY });
    await checkpointMessages(s.db, at("2026-11-23T07:05:00Z"));
  });
  afterAll(() => s?.close());

  it("gives the secretariat and scrutiny every checkpoint of their partnership's trail, with the key to check them", async () => {
    const secretariat = s.client();
    await secretariat.signIn("secretariat@nelcp.example");
    const res = await secretariat.get("/p/nelcp/audit-checkpoints.txt");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="nelcp-audit-checkpoints.txt"');
    const text = await res.text();
    const key = checkpointKeyFromSeed(KEY);
    expect(text).toContain(`public key (base64): ${key.publicKeyBase64}`);
    const { checkpoints } = parseCheckpoints(text);
    expect(checkpoints.map((c) => c.label)).toEqual(["NELCP"]);
    expect(checkpoints[0]).toEqual(signCheckpoint(key, { chain: checkpoints[0].chain, label: "NELCP", seq: checkpoints[0].seq, hash: checkpoints[0].hash, signedAt: "2026-11-23T07:05:00.000Z" }));

    const scrutiny = s.client();
    await scrutiny.signIn("scrutiny@leics.example");
    expect(parseCheckpoints(await (await scrutiny.get("/p/leicestershire-cip/audit-checkpoints.txt")).text()).checkpoints.map((c) => c.label)).toEqual(["CIP"]);
    expect((await scrutiny.get("/p/nelcp/audit-checkpoints.txt")).status).toBe(403);
  });

  it("prints the latest checkpoint under printed minutes, and not on the page itself", async () => {
    const [approved] = await s.db.select({ meetingId: minutes.meetingId }).from(minutes).innerJoin(meetings, eq(meetings.id, minutes.meetingId)).innerJoin(partnerships, eq(partnerships.id, meetings.partnershipId)).where(and(eq(partnerships.slug, "nelcp"), eq(minutes.status, "approved"))).limit(1);
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const printed = await pageText(await chair.get(`/p/nelcp/meetings/${approved.meetingId}/minutes?print`));
    const [row] = await s.db.select().from(auditCheckpoints).where(eq(auditCheckpoints.label, "NELCP"));
    expect(printed).toContain(`Audit trail checkpoint When printed, the partnership's audit trail had been signed at ${row.seq.toLocaleString("en-GB")} events on 23 November 2026`);
    expect(printed).toContain(`"signature":"${row.signature}"`);
    expect(await pageText(await chair.get(`/p/nelcp/meetings/${approved.meetingId}/minutes`))).not.toContain("Audit trail checkpoint");
  });
});
