import { eq, sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerBatches, answersOf } from "../../../app/areas/obligations/return-fields.server";
import { obligations, partnerships } from "../../../db/schema";
import { startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// The returns CSV streams an obligation's returns a batch of periods at a
// time: the same rows, in the same order, as reading them all at once, with
// a return sent back left out even when it is the latest for its period.

let s: TestServer;
let chair: HttpClient;
let obligationId: string;

beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  const [nelcp] = await s.db.select().from(partnerships).where(eq(partnerships.slug, "nelcp"));
  const [o] = await s.db.select().from(obligations).where(eq(obligations.partnershipId, nelcp.id)).limit(1);
  obligationId = o.id;
  // Thirty years of monthly returns from three boroughs; each year's March return from the first was sent back and not yet replaced.
  await s.db.execute(sql`
    with orgs as (select organisation_id, row_number() over (order by organisation_id) as n from partnership_partners where partnership_id = ${nelcp.id} limit 3),
         months as (select (date '1990-01-31' + make_interval(months => g))::date as period_end from generate_series(0, 359) g)
    insert into submissions (id, obligation_id, organisation_id, period_key, due_date, submitted_at, submitted_on, status, figures)
    select gen_random_uuid(), ${obligationId}, orgs.organisation_id, to_char(months.period_end, 'YYYY-MM-DD'), months.period_end + 28,
           months.period_end + 20, months.period_end + 20,
           case when orgs.n = 1 and extract(month from months.period_end) = 3 then 'returned' else 'accepted' end, '{}'::jsonb
      from orgs cross join months`);
});
afterAll(() => s?.close());

describe("the returns CSV, a batch of periods at a time", () => {
  it("gives the rows reading them all at once gives, in the same order, whatever the batch", async () => {
    const all = await answersOf(s.db, obligationId);
    expect(all.length).toBeGreaterThan(1000 - 30);
    expect(all.some((a) => a.periodKey.endsWith("-03-31") && a.status === ("returned" as string))).toBe(false);
    for (const size of [1, 7, 50, 1000]) {
      const batches: (typeof all)[] = [];
      for await (const batch of answerBatches(s.db, obligationId, size)) batches.push(batch);
      expect(batches.flat(), `batches of ${size} periods`).toEqual(all);
      expect(batches.every((b) => new Set(b.map((a) => a.periodKey)).size <= size)).toBe(true);
    }
  });

  it("downloads every current return, oldest period first, and a parser reads each row", async () => {
    const res = await chair.get(`/p/nelcp/obligations/${obligationId}/returns.csv`);
    expect(res.status).toBe(200);
    const rows: string[][] = parse((await res.text()).replace(/^\uFEFF/, ""));
    const all = await answersOf(s.db, obligationId);
    expect(rows.length).toBe(all.length + 1);
    expect(rows.slice(1).map((r) => r[1])).toEqual(all.map((a) => a.periodKey));
    expect(rows[1][1]).toBe("1990-01-31");
  });
});
