import { and, asc, eq, lt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetCalendarFeed } from "../../../app/areas/meetings/calendar.server";
import { queriesSent } from "../../../db/client";
import { meetings, obligations, partnerships, users } from "../../../db/schema";
import { startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// The regression guard for "cost flat in history": each main page sends the
// same number of queries whether the partnership has a year of records or
// decades of them. No timings: the count of statements one request sends.

let s: TestServer;
let chair: HttpClient;
let pages: Record<string, string>;

/** Statements one request sends (the test server runs in this process, so its queries are counted here), and the page's size. */
async function measure(path: string) {
  const before = queriesSent();
  const res = await chair.get(path);
  const bytes = (await res.arrayBuffer()).byteLength;
  expect(res.status, path).toBeLessThan(400);
  return { queries: queriesSent() - before, bytes };
}

async function measureAll() {
  const queries: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  for (const [name, path] of Object.entries(pages)) {
    await measure(path); // once to settle anything a first visit does (a session renewed)
    ({ queries: queries[name], bytes: bytes[name] } = await measure(path));
  }
  return { queries, bytes };
}

/** Decades of NELCP's history, written straight to the tables: meetings with approved minutes, decisions, actions. */
async function addHistory(partnershipId: string, chairId: string, batch: number) {
  const tag = `archive ${batch}`;
  await s.db.execute(sql`
    insert into meetings (id, partnership_id, type, title, starts_at, ends_at, created_by)
    select gen_random_uuid(), ${partnershipId}, 'board', 'NELCP board (' || ${tag} || '.' || g || ')',
           timestamptz '1960-01-05 10:00:00+00' + (${batch} * 3000 + g) * interval '3 days', timestamptz '1960-01-05 12:00:00+00' + (${batch} * 3000 + g) * interval '3 days', ${chairId}
      from generate_series(1, 3000) g`);
  await s.db.execute(sql`
    insert into minutes (meeting_id, status, approved_at)
    select id, 'approved', starts_at + interval '60 days' from meetings where partnership_id = ${partnershipId} and title like 'NELCP board (' || ${tag} || '.%'`);
  // The batch's meetings numbered 1 to 3,000, joined by number (hash joins, not a scan per row).
  const numbered = sql`(select id, starts_at, row_number() over (order by starts_at) as n from meetings where partnership_id = ${partnershipId} and title like 'NELCP board (' || ${tag} || '.%')`;
  await s.db.execute(sql`
    insert into decisions (id, partnership_id, reference, route, meeting_id, title, text, method, status, decided_on)
    select gen_random_uuid(), ${partnershipId}, 'NELCP-ARC' || ${batch} || '-' || lpad(g::text, 5, '0'), 'meeting', m.id,
           'Archived decision ' || g, 'Agreed the placement framework review number ' || g || ' of the archive.', 'consensus', 'agreed', (m.starts_at at time zone 'Europe/London')::date
      from generate_series(1, 5000) g join ${numbered} m on m.n = 1 + g % 3000`);
  await s.db.execute(sql`
    insert into actions (id, partnership_id, title, owner_user_id, due_date, status, completed_on, meeting_id)
    select gen_random_uuid(), ${partnershipId}, 'Archived action ' || g, ${chairId}, date '1960-02-01' + (${batch} * 3000 + g) * 2,
           case when g % 10 = 0 then 'open' else 'done' end, case when g % 10 = 0 then null else date '1960-02-01' + (${batch} * 3000 + g) * 2 end, m.id
      from generate_series(1, 3000) g join ${numbered} m on m.n = g`);
  await s.db.execute(sql`analyze`);
}

beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  const [nelcp] = await s.db.select().from(partnerships).where(eq(partnerships.slug, "nelcp"));
  const [chairUser] = await s.db.select().from(users).where(eq(users.email, "chair@nelcp.example"));
  const [meeting] = await s.db.select().from(meetings).where(and(eq(meetings.partnershipId, nelcp.id), lt(meetings.startsAt, new Date("2026-11-22")))).orderBy(asc(meetings.startsAt)).limit(1);
  const [obligation] = await s.db.select().from(obligations).where(eq(obligations.partnershipId, nelcp.id)).limit(1);
  const feed = await resetCalendarFeed(s.db, { id: chairUser.id, kind: "adult" });
  pages = {
    home: "/",
    overview: "/p/nelcp",
    board: "/p/nelcp/board",
    "decision log": "/p/nelcp/decisions",
    "decision log, filtered": "/p/nelcp/decisions?status=agreed&from=1950-01-01",
    "decision log, words": "/p/nelcp/decisions?q=placement",
    "decision log, reference": "/p/nelcp/decisions?q=NELCP-2026",
    "decision log, deep page": `/p/nelcp/decisions?after=2005-01-01_${"f".repeat(8)}-ffff-4fff-bfff-${"f".repeat(12)}`,
    meetings: "/p/nelcp/meetings",
    meeting: `/p/nelcp/meetings/${meeting.id}`,
    "running screen": `/p/nelcp/meetings/${meeting.id}/run`,
    "my actions": "/actions",
    actions: "/p/nelcp/actions?state=all",
    obligations: "/p/nelcp/obligations",
    obligation: `/p/nelcp/obligations/${obligation.id}`,
    "risk register": "/p/nelcp/risks",
    "risk heat map": "/p/nelcp/risks/heat-map",
    "calendar feed": new URL(feed).pathname,
    money: "/p/nelcp/money",
    "audit trail": "/p/nelcp/audit",
    "audit trail, decisions": "/p/nelcp/audit?type=decision",
    accountability: "/p/nelcp/accountability",
    "accountability, since 1950": "/p/nelcp/accountability?from=1950-01-01&to=2026-11-21",
    "scrutiny questions": "/p/nelcp/scrutiny/challenges",
  };
  demo = await measureAll();
  await addHistory(nelcp.id, chairUser.id, 0); // 1960 to 1985
  decades = await measureAll();
  await addHistory(nelcp.id, chairUser.id, 1); // 1985 to 2010
});
afterAll(() => s?.close());

/** The demo's year of records; then with 3,000 meetings, 5,000 decisions and 3,000 actions behind it; then twice that. */
let demo: Awaited<ReturnType<typeof measureAll>>;
let decades: Awaited<ReturnType<typeof measureAll>>;

let twice: Awaited<ReturnType<typeof measureAll>>;

describe("queries per page", () => {
  it("stay the same after decades of meetings, decisions and actions are added", async () => {
    twice = await measureAll();
    expect(decades.queries).toEqual(demo.queries);
    expect(twice.queries).toEqual(demo.queries);
    // And they are few: no page sends more than a couple of dozen statements.
    for (const [name, n] of Object.entries(twice.queries)) expect(n, name).toBeLessThanOrEqual(30);
  });

  it("show a screenful however much history lies behind them", async () => {
    // Doubling the archive leaves every page the same size (a picker of every meeting ever held did not;
    // "my actions" lists the 50 open actions due soonest, of the chair's 600 and more).
    for (const [name, size] of Object.entries(twice.bytes)) expect(size / decades.bytes[name], name).toBeLessThan(1.05);
  });
});
