import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { asc, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../../../app/audit/append.server";
import { auditCatalogue, describeAuditEvent, isAuditAction } from "../../../app/audit/catalogue";
import type { AuditActionDefinition } from "../../../app/audit/define";
import { verifyAuditTrail } from "../../../db/audit";
import { appRoleProblems } from "../../../db/app-role";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { auditEvents, boardSeats, organisations, partnerships, users } from "../../../db/schema";
import { demoData } from "../../../seeds/demo-data";
import { seedDemoData } from "../../../seeds/seed";
import { openMigratedTestDatabase } from "../../helpers/database";

const run = promisify(execFile);
let t: Awaited<ReturnType<typeof openMigratedTestDatabase>>;

/** The owner's connection: on PostgreSQL the app's own role may not touch the audit table's rows or triggers. */
let owner: DatabaseHandle | undefined;
const ownerDb = () => owner?.db ?? t.db;

beforeAll(async () => {
  t = await openMigratedTestDatabase();
  if (t.ownerUrl) owner = openDatabase({ databaseUrl: t.ownerUrl, dataDir: t.dataDir });
  await seedDemoData(t.db, demoData);
});
afterAll(async () => {
  await owner?.close();
  await t?.close();
});

/** Runs `npm run audit:verify` against the test database in a child process. */
async function auditVerifyCli() {
  // PGlite allows one process at a time on a data directory: close ours first.
  if (t.kind === "pglite") await t.handle.close();
  const env = { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl ?? "", APP_ENV: "test" };
  const result = await run("npm", ["run", "--silent", "audit:verify"], { env }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  if (t.kind === "pglite") {
    t.handle = openDatabase({ dataDir: t.dataDir });
    t.db = t.handle.db;
  }
  return result;
}

/** Bypasses the append-only trigger, as the tables' owner (someone with direct database access) could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await ownerDb().transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
  });
}

describe("seeding", () => {
  it("loads NELCP with its ten partners and runs twice without duplicating anything", async () => {
    const countAll = async () => ({
      partnerships: (await t.db.select({ n: count() }).from(partnerships))[0].n,
      organisations: (await t.db.select({ n: count() }).from(organisations))[0].n,
      users: (await t.db.select({ n: count() }).from(users))[0].n,
      seats: (await t.db.select({ n: count() }).from(boardSeats))[0].n,
    });
    const before = await countAll();
    expect(before.partnerships).toBe(3);
    const again = await seedDemoData(t.db, demoData);
    expect(again.partnershipsCreated).toBe(0);
    expect(await countAll()).toEqual(before);
  });
});

describe("audit trail", () => {
  it("chains every seeded write per partnership and verifies intact", async () => {
    const result = await verifyAuditTrail(t.db);
    expect(result.ok).toBe(true);
    expect(result.chains).toBe(4); // the platform chain and one per partnership
    const [{ n }] = await t.db.select({ n: count() }).from(auditEvents);
    expect(result.events).toBe(n);
  });

  it("keeps no personal data about people in the audit payloads", async () => {
    const rows = await t.db.select().from(auditEvents).where(inArray(auditEvents.entityType, ["user", "young_person"]));
    expect(rows.filter((r) => r.entityType === "young_person").length).toBeGreaterThan(10);
    const text = JSON.stringify(rows);
    for (const person of demoData.people.slice(0, 5)) expect(text).not.toContain(person.email);
    for (const y of demoData.portal.cohort) if (y.displayName) expect(text).not.toContain(y.displayName);
    expect(text).not.toContain("River");
    expect(text).not.toMatch(/argon2/);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on stored events, even to the tables' owner", async () => {
    const refusal = (e: Error & { cause?: Error }) => /append-only/.test(e.cause?.message ?? e.message);
    await expect(ownerDb().execute(sql`update audit_events set action = 'x'`)).rejects.toSatisfy(refusal);
    await expect(ownerDb().execute(sql`delete from audit_events`)).rejects.toSatisfy(refusal);
    await expect(ownerDb().execute(sql`truncate audit_events`)).rejects.toSatisfy(refusal);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("on PostgreSQL the app's role may only read and add events and checkpoints, and cannot switch the triggers off", async () => {
    const denied = (pattern: RegExp) => (e: Error & { cause?: Error }) => pattern.test(e.cause?.message ?? e.message);
    for (const table of ["audit_events", "audit_checkpoints"]) {
      await expect(t.db.execute(sql.raw(`update ${table} set chain = 'x'`))).rejects.toSatisfy(denied(new RegExp(`permission denied for table ${table}`)));
      await expect(t.db.execute(sql.raw(`delete from ${table}`))).rejects.toSatisfy(denied(new RegExp(`permission denied for table ${table}`)));
      await expect(t.db.execute(sql.raw(`truncate ${table}`))).rejects.toSatisfy(denied(new RegExp(`permission denied for table ${table}`)));
    }
    await expect(t.db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`)).rejects.toSatisfy(denied(/must be owner of table audit_events/));
    await expect(t.db.execute(sql`drop trigger audit_events_no_update_delete on audit_events`)).rejects.toSatisfy(denied(/must be owner of (table|relation) audit_events/));
    expect(await appRoleProblems(t.handle.sql!)).toEqual([]);
    // The owner, connected as the app would be, is what production refuses to start with.
    expect(await appRoleProblems(owner!.sql!)).toEqual(expect.arrayContaining([expect.stringMatching(/owns audit_events|is a superuser/)]));
  });

  it("appends a change and its event together, or neither", async () => {
    const [before] = await t.db.select({ n: count() }).from(auditEvents);
    await expect(
      t.db.transaction(async (tx) => {
        await appendAudit(tx, { actorUserId: null, action: "user.sign_out", entityId: crypto.randomUUID() });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const [after] = await t.db.select({ n: count() }).from(auditEvents);
    expect(after.n).toBe(before.n);
  });

  it("takes only catalogued actions with payloads of their declared shape, and writes nothing otherwise", async () => {
    const [before] = await t.db.select({ n: count() }).from(auditEvents);
    const attempt = (event: Record<string, unknown>) => t.db.transaction((tx) => appendAudit(tx, event as never));
    await expect(attempt({ actorUserId: null, action: "decision.delete", entityId: crypto.randomUUID() })).rejects.toThrow("decision.delete is not in the audit catalogue");
    await expect(attempt({ actorUserId: null, action: "decision.status", entityId: crypto.randomUUID(), before: { status: "agreed" }, after: { status: "forgotten", supersededById: null } })).rejects.toThrow(
      /decision.status: the after payload does not match the catalogue/,
    );
    await expect(attempt({ actorUserId: null, action: "user.create", entityId: crypto.randomUUID(), after: { kind: "young_person", name: "River" } })).rejects.toThrow(/user.create: the after payload/);
    await expect(attempt({ actorUserId: null, action: "user.sign_in", entityId: crypto.randomUUID(), after: { ip: "10.0.0.1" } })).rejects.toThrow("user.sign_in takes no after payload");
    const [after] = await t.db.select({ n: count() }).from(auditEvents);
    expect(after.n).toBe(before.n);
  });

  it("every event the demo wrote is catalogued, matches its schemas and reads as a sentence", async () => {
    const events = await t.db.select().from(auditEvents);
    expect(events.length).toBeGreaterThan(200);
    for (const e of events) {
      expect(isAuditAction(e.action), e.action).toBe(true);
      if (!isAuditAction(e.action)) continue;
      const definition = auditCatalogue[e.action] as AuditActionDefinition;
      expect(definition.entity).toBe(e.entityType);
      if (definition.before) expect(definition.before.safeParse(e.before).error, `${e.action} before`).toBeUndefined();
      if (definition.after) expect(definition.after.safeParse(e.after).error, `${e.action} after`).toBeUndefined();
      expect(describeAuditEvent(e, { actor: "The platform" })).not.toMatch(/undefined|\[object/);
    }
  });

  it("appends concurrent writes to one chain without gaps or forks", async () => {
    const [p] = await t.db.select().from(partnerships).where(eq(partnerships.slug, "newport-barnardos"));
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.db.transaction((tx) =>
          appendAudit(tx, { actorUserId: null, action: "meeting.cancel", entityId: crypto.randomUUID(), partnershipId: p.id, reason: `cancellation ${i}` }),
        ),
      ),
    );
    const seqs = (
      await t.db.select({ seq: auditEvents.seq }).from(auditEvents).where(eq(auditEvents.chain, p.id)).orderBy(asc(auditEvents.seq))
    ).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
  });

  it("npm run audit:verify exits 0 with the count when intact", async () => {
    const { code, stdout } = await auditVerifyCli();
    expect(code).toBe(0);
    const [{ n }] = await t.db.select({ n: count() }).from(auditEvents);
    expect(stdout).toContain(`Audit trail intact: ${n} events in 4 chains.`);
  });

  it("names the altered event when one byte of its payload changes", async () => {
    const [victim] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "board_seat.create")).limit(1);
    // Change a single character of the job title stored in the event.
    await tamper(sql`update audit_events set after = jsonb_set(after, '{jobTitle}', to_jsonb(overlay(after->>'jobTitle' placing 'X' from 1 for 1))) where id = ${victim.id}`);
    const { code, stderr } = await auditVerifyCli();
    expect(code).toBe(1);
    expect(stderr).toContain(`Audit trail BROKEN at event ${victim.id}`);
    expect(stderr).toContain("altered");
    // Put it back: the chain verifies again.
    await tamper(sql`update audit_events set after = ${JSON.stringify(victim.after)}::jsonb where id = ${victim.id}`);
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
  });

  it("detects a change to every stored column, and a deleted event", async () => {
    const [victim] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "partner.join")).limit(1);
    const edits = [
      sql`update audit_events set action = 'partner.joiN' where id = ${victim.id}`,
      sql`update audit_events set occurred_at = occurred_at + interval '1 millisecond' where id = ${victim.id}`,
      sql`update audit_events set reason = 'Demo datA' where id = ${victim.id}`,
      sql`update audit_events set hash = overlay(hash placing (case when substr(hash,1,1)='a' then 'b' else 'a' end) from 1 for 1) where id = ${victim.id}`,
      sql`update audit_events set prev_hash = overlay(prev_hash placing (case when substr(prev_hash,1,1)='a' then 'b' else 'a' end) from 1 for 1) where id = ${victim.id}`,
      sql`update audit_events set entity_id = 'someone-else' where id = ${victim.id}`,
    ];
    for (const edit of edits) {
      const [original] = await t.db.select().from(auditEvents).where(eq(auditEvents.id, victim.id));
      await tamper(edit);
      const result = await verifyAuditTrail(t.db);
      expect(result.ok, String(edit.queryChunks[0])).toBe(false);
      if (!result.ok) expect(result.badEventId).toBe(victim.id);
      await tamper(
        sql`update audit_events set action = ${original.action}, occurred_at = ${original.occurredAt.toISOString()}::timestamptz, reason = ${original.reason}, hash = ${original.hash}, prev_hash = ${original.prevHash}, entity_id = ${original.entityId} where id = ${victim.id}`,
      );
    }
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);

    await tamper(sql`delete from audit_events where id = ${victim.id}`);
    const result = await verifyAuditTrail(t.db);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/missing/);
  });
});
