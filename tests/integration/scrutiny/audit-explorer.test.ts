import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE } from "../../../app/areas/scrutiny/rules/audit-filters";
import { takeDailyCheckpoints } from "../../../app/audit/checkpoints.server";
import { verifyAuditTrail } from "../../../db/audit";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { auditEvents, partnerships, risks, users } from "../../../db/schema";
import { verifyJsonLinesExport } from "../../helpers/independent-audit-verifier";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// The audit trail explorer (/p/:slug/audit) as scrutiny uses it: filters,
// a record's history in sentences, keyset pages, downloads that verify with
// code written apart from the app's, and tampering shown where it happened.

const run = promisify(execFile);
let s: TestServer;
let owner: DatabaseHandle | undefined;
let scrutiny: HttpClient;
let nelcpId: string;
let cipId: string;

beforeAll(async () => {
  s = await startTestServer();
  if (s.database.ownerUrl) owner = openDatabase({ databaseUrl: s.database.ownerUrl, dataDir: s.database.dataDir });
  [{ id: nelcpId }] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, "nelcp"));
  [{ id: cipId }] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, "leicestershire-cip"));
  scrutiny = s.client();
  await scrutiny.signIn("scrutiny@leics.example");
});
afterAll(async () => {
  await owner?.close();
  await s?.close();
});

/** The events listed on a page, as "Event N" numbers in the order shown. */
const eventNumbers = (html: string) => [...html.matchAll(/data-seq="(\d+)"/g)].map((m) => Number(m[1]));
const eventActions = (html: string) => [...html.matchAll(/data-action="([^"]+)"/g)].map((m) => m[1]);
const bodyOf = async (res: Response) => new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()));

describe("the audit trail explorer", () => {
  it("lists the partnership's events newest first in sentences, a page at a time, with the checks passing", async () => {
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const res = await chair.get("/p/nelcp/audit");
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = await pageText(new Response(html));
    expect(text).toContain("Audit trail");
    expect(text).toMatch(new RegExp(`The ${AUDIT_PAGE_SIZE} events on this page verify`));
    const first = eventNumbers(html);
    expect(first).toHaveLength(AUDIT_PAGE_SIZE);
    const [{ head }] = await s.db.select({ head: sql<number>`max(${auditEvents.seq})`.mapWith(Number) }).from(auditEvents).where(eq(auditEvents.chain, nelcpId));
    expect(first[0]).toBe(head);
    expect(first).toEqual([...first].sort((a, b) => b - a));
    // The next page continues exactly where this one stopped, with no repeats, however deep.
    const nextLink = html.match(/rel="next" href="([^"]*before=(\d+))"/);
    expect(Number(nextLink![2])).toBe(first[AUDIT_PAGE_SIZE - 1]);
    const second = eventNumbers(await (await chair.get(nextLink![1].replace(/&amp;/g, "&"))).text());
    expect(second[0]).toBe(first[AUDIT_PAGE_SIZE - 1] - 1);
    expect(second).toHaveLength(AUDIT_PAGE_SIZE);
    // Another partnership's events are not in it: the CIP's chain is its own.
    const [cipEvent] = await s.db.select({ id: auditEvents.id, entityId: auditEvents.entityId }).from(auditEvents).where(eq(auditEvents.chain, cipId)).limit(1);
    expect((await (await chair.get(`/p/nelcp/audit?record=${cipEvent.entityId}&type=partnership`)).text())).toContain("No events match");
  });

  it("answers who changed a risk's score and why, in the record's history, with the fields before and after", async () => {
    const [review] = await s.db
      .select({ entityId: auditEvents.entityId, actor: users.name, reason: auditEvents.reason })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(and(eq(auditEvents.chain, nelcpId), eq(auditEvents.action, "risk.review"), sql`(${auditEvents.before}->>'likelihood' is distinct from ${auditEvents.after}->>'likelihood' or ${auditEvents.before}->>'impact' is distinct from ${auditEvents.after}->>'impact')`))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(review, "the demo has a review that changed a risk's score").toBeDefined();
    const [risk] = await s.db.select({ reference: risks.reference }).from(risks).where(eq(risks.id, review.entityId));
    const page = await scrutinyOfNelcp(`/p/nelcp/audit?type=risk&record=${review.entityId}`);
    expect(page.status).toBe(200);
    const text = await pageText(page);
    expect(text).toContain(`History of ${risk.reference}`);
    expect(text).toMatch(new RegExp(`current score \\d+ → \\d+ by ${review.actor}`));
    if (review.reason) expect(text).toContain(review.reason);
    expect(text).toContain("Fields before and after");
    expect(text).toMatch(/(likelihood|impact) \d → \d/);
    // Unchanged fields and internal ids are not listed.
    expect(text).not.toMatch(/(likelihood|impact) (\d) → \2\b/);
    expect(text).not.toMatch(/review id [0-9a-f]{8}-/);
    expect(text).toContain("Risk raised");
  });

  it("filters by action, person and London dates; a wrong filter is named and left out, never a server error", async () => {
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const recorded = eventActions(await (await chair.get("/p/nelcp/audit?action=decision.record")).text());
    expect(recorded.length).toBeGreaterThan(0);
    expect(new Set(recorded)).toEqual(new Set(["decision.record"]));
    const decisionsOnly = eventActions(await (await chair.get("/p/nelcp/audit?type=decision")).text());
    expect(decisionsOnly.every((a) => a.startsWith("decision."))).toBe(true);
    const platform = await chair.get("/p/nelcp/audit?actor=platform");
    expect(platform.status).toBe(200);
    expect(await pageText(platform)).not.toMatch(/ by (?!The platform)[A-Z][a-z]+ [A-Z][a-z]+/);
    const [day] = await s.db.select({ at: auditEvents.occurredAt }).from(auditEvents).where(eq(auditEvents.chain, nelcpId)).orderBy(desc(auditEvents.seq)).limit(1);
    const today = day.at.toISOString().slice(0, 10);
    expect(eventNumbers(await (await chair.get(`/p/nelcp/audit?from=2001-01-01&to=2001-12-31`)).text())).toEqual([]);
    expect(eventNumbers(await (await chair.get(`/p/nelcp/audit?from=${today}&to=${today}`)).text()).length).toBeGreaterThan(0);
    for (const [query, message] of [
      ["type=spaceship", "Choose a record type from the list"],
      ["from=2026-02-30", "Enter a real date"],
      ["from=2026-06-01&to=2026-05-01", "The end date must be the same as or after the start date"],
      ["action=nothing.here", "Choose an action from the list"],
      ["action=%27%3B%20drop%20table", "Choose an action from the list"],
      ["actor=not-a-person", "Choose a person from the list"],
      ["before=-4", "That page does not exist"],
      ["record=abc", "Choose the record type as well as the record"],
    ]) {
      const res = await chair.get(`/p/nelcp/audit?${query}`);
      expect(res.status, query).toBe(200);
      const text = await pageText(res);
      expect(text, query).toContain("There is a problem");
      expect(text, query).toContain(message);
      // The rest of the trail still shows.
      expect(text, query).toMatch(/Event \d+ ·/);
      expect(eventNumbers(await (await chair.get(`/p/nelcp/audit?${query}`)).text()).length, query).toBeGreaterThan(0);
    }
    const badDownload = await chair.get("/p/nelcp/audit.jsonl?from=yesterday");
    expect(badDownload.status).toBe(400);
    expect(await badDownload.text()).toContain("from: Enter a real date");
    expect((await chair.get("/p/nelcp/audit.csv?type=spaceship")).status).toBe(400);
  });

  it("downloads a range as CSV and as JSON lines that re-verify with independent code, and a changed line does not", async () => {
    const jsonl = await scrutinyOfNelcp("/p/nelcp/audit.jsonl");
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get("content-disposition")).toContain("nelcp-audit-trail.jsonl");
    const whole = await jsonl.text();
    const check = verifyJsonLinesExport(whole);
    const [{ n }] = await s.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditEvents).where(eq(auditEvents.chain, nelcpId));
    expect(check).toEqual({ ok: true, events: n, links: n - 1 });
    // A filtered range: each event still verifies on its own.
    const decisionsOnly = verifyJsonLinesExport(await (await scrutinyOfNelcp("/p/nelcp/audit.jsonl?type=decision")).text());
    expect(decisionsOnly.ok && decisionsOnly.events).toBeGreaterThan(0);
    // One changed character in one line is found.
    const lines = whole.trim().split("\n");
    const altered = JSON.parse(lines[10]);
    altered.occurredAt = altered.occurredAt.replace(/\d(?=Z$)/, (d: string) => String((Number(d) + 1) % 10));
    lines[10] = JSON.stringify(altered);
    expect(verifyJsonLinesExport(lines.join("\n"))).toEqual({ ok: false, line: 11, problem: "hash does not match contents" });
    const dropped = [...whole.trim().split("\n")];
    dropped.splice(20, 1);
    const reordered = verifyJsonLinesExport(dropped.join("\n"));
    expect(reordered.ok).toBe(true); // a gap is not a broken link: the gap itself shows as a missing seq
    expect(dropped.map((l) => JSON.parse(l).seq)).not.toContain(21);

    // The script in the page that tells people how to check a download works on it, and catches the change.
    const script = readFileSync("docs/verifying-an-audit-export.md", "utf8").match(/```js\n([\s\S]*?)```/)![1];
    const dir = mkdtempSync(path.join(os.tmpdir(), "audit-check-"));
    writeFileSync(path.join(dir, "check.mjs"), script);
    writeFileSync(path.join(dir, "whole.jsonl"), whole);
    writeFileSync(path.join(dir, "altered.jsonl"), lines.join("\n"));
    expect((await run("node", [path.join(dir, "check.mjs"), path.join(dir, "whole.jsonl")])).stdout).toContain(`${n} events verify`);
    await expect(run("node", [path.join(dir, "check.mjs"), path.join(dir, "altered.jsonl")])).rejects.toThrow(/line 11: the event was changed/);

    const csv = await scrutinyOfNelcp("/p/nelcp/audit.csv?type=decision");
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(new TextDecoder().decode(bytes.subarray(3)));
    expect(rows[0]).toEqual(["Event", "When (UTC)", "When (London)", "Who", "Action", "What happened", "Record type", "Record id", "Record", "Reason", "Previous hash", "Hash"]);
    expect(rows.length - 1).toBe(decisionsOnly.ok ? decisionsOnly.events : -1);
    expect(rows.slice(1).every((r) => r[6] === "Decisions" && /^[0-9a-f]{64}$/.test(r[11]))).toBe(true);
    expect(rows.slice(1).some((r) => /^[A-Z]+-D-\d+|^NELCP/.test(r[8]))).toBe(true);
  });

  it("is refused to observers and to other partnerships' people; a scrutiny member sees their own partnership's", async () => {
    const observer = s.client();
    await observer.signIn("observer@nelcp.example");
    expect((await observer.get("/p/nelcp/audit")).status).toBe(403);
    expect((await observer.get("/p/nelcp/audit.jsonl")).status).toBe(403);
    expect(await pageText(await observer.get("/p/nelcp"))).not.toContain("Audit trail");
    expect((await scrutiny.get("/p/nelcp/audit")).status).toBe(403);
    expect((await scrutiny.get("/p/nelcp/audit.csv")).status).toBe(403);
    const own = await scrutiny.get("/p/leicestershire-cip/audit");
    expect(own.status).toBe(200);
    expect(await pageText(own)).toMatch(/events? on this page verify/);
    // The CIP's terms of reference set the council's call-in rule, in words a scrutiny member reads.
    expect(await pageText(await scrutiny.get("/p/leicestershire-cip/terms"))).toContain("Call-in: key decisions, except urgent ones, may be called in within 5 working days of publication by 2 scrutiny members (or the committee's chair alone), giving grounds");
    const anonymous = await s.client().get("/p/nelcp/audit.jsonl");
    expect([302, 303]).toContain(anonymous.status);
  });

  it("shows events about individual young people in full to participation workers only; others see that they happened", async () => {
    const [joined] = await s.db.select({ entityId: auditEvents.entityId, seq: auditEvents.seq }).from(auditEvents).where(and(eq(auditEvents.chain, nelcpId), eq(auditEvents.action, "young_person.joined"))).limit(1);
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const html = await (await chair.get("/p/nelcp/audit?type=young_person&action=young_person.joined")).text();
    expect(eventNumbers(html)).toContain(joined.seq);
    expect(html).not.toContain(joined.entityId);
    const list = await pageText(new Response(html.slice(html.indexOf('<ol class="app-audit-list"'))));
    expect(list).toContain("A change in young people's participation: its details are shown only to the partnership's participation workers");
    expect(list).not.toMatch(/Young person joined|joined the portal|History of/);
    const csv = await bodyOf(await chair.get("/p/nelcp/audit.csv?type=young_person"));
    expect(csv).not.toContain(joined.entityId);
    const worker = s.client();
    await worker.signIn("participation@nelcp.example");
    const full = await pageText(await worker.get(`/p/nelcp/audit?type=young_person&record=${joined.entityId}`));
    expect(full).not.toContain("shown only to the partnership's participation workers");
    expect(full).toMatch(/Young person joined|joined the portal/);
  });

  it("shows a signed checkpoint as matching, and a stored event changed behind the app's back as failing, as audit:verify does", async () => {
    await takeDailyCheckpoints(s.db, new Date());
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    expect(await pageText(await chair.get("/p/nelcp/audit"))).toMatch(/The latest signed checkpoint \([^)]+, event \d+\) still matches the stored trail/);

    const [victim] = await s.db.select({ id: auditEvents.id, seq: auditEvents.seq }).from(auditEvents).where(eq(auditEvents.chain, nelcpId)).orderBy(desc(auditEvents.seq)).offset(3).limit(1);
    await (owner?.db ?? s.db).transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
      await tx.execute(sql`update audit_events set reason = 'Nothing to see here' where id = ${victim.id}`);
      await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
    });
    const text = await pageText(await chair.get("/p/nelcp/audit"));
    expect(text).toContain("Warning: an event on this page does not verify");
    expect(text).toContain(`Event ${victim.seq}: its contents no longer match its hash`);
    // The record's own history says so too, and so does the independent check of a download.
    expect(verifyJsonLinesExport(await (await chair.get("/p/nelcp/audit.jsonl")).text())).toMatchObject({ ok: false, problem: "hash does not match contents" });
    const verdict = await verifyAuditTrail(s.db);
    expect(verdict).toMatchObject({ ok: false, chain: nelcpId, seq: victim.seq });
    if (s.database.kind === "postgres") {
      const env = { ...process.env, DATABASE_URL: s.database.databaseUrl!, APP_ENV: "test" };
      const cli = await run("npm", ["run", "--silent", "audit:verify"], { env }).then(
        () => ({ code: 0, out: "" }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
      expect(cli.code).toBe(1);
      expect(cli.out).toContain(String(victim.seq));
    }
  });
});

async function scrutinyOfNelcp(path: string) {
  const chair = s.client();
  await chair.signIn("secretariat@nelcp.example");
  return chair.get(path);
}
