import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations, partnerships } from "../../../db/schema";
import { pageText, SCENARIO_TODAY, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// The accountability dashboard's attendance, checked against the record with
// SQL written for this test: for each partner, the board meetings held in the
// period (not cancelled, attendance recorded) at which one of its seats was
// present or filled by a deputy.

let s: TestServer;
let scrutiny: HttpClient;
let chair: HttpClient;
beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  scrutiny = s.client();
  await scrutiny.signIn("scrutiny-chair@leics.example");
});
afterAll(async () => {
  await s?.close();
});

/** [partner, held, attended] from the page's table. */
function tableRows(html: string) {
  return [...html.matchAll(/<tr class="govuk-table__row" data-partner="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => {
    const cells = [...m[2].matchAll(/govuk-table__cell--numeric">([^<]*)</g)].map((c) => c[1]);
    return [m[1].replace(/&#x27;/g, "'"), Number(cells[0]), Number(cells[1])] as const;
  });
}

async function expectedFor(slug: string, from: string, to: string) {
  const [{ id }] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, slug));
  const rows = await s.db.execute(sql`
    with held as (
      select m.id, (m.starts_at at time zone 'Europe/London')::date as day from meetings m
       where m.partnership_id = ${id} and m.type = 'board' and m.cancelled_at is null
         and (m.starts_at at time zone 'Europe/London')::date between ${from}::date and ${to}::date
         and m.starts_at <= now() and exists (select 1 from attendance a where a.meeting_id = m.id))
    select o.name,
           count(h.id)::int as held,
           count(h.id) filter (where exists (select 1 from attendance a join board_seats b on b.id = a.seat_id
                                              where a.meeting_id = h.id and b.organisation_id = pp.organisation_id and a.status in ('present', 'deputy')))::int as attended
      from partnership_partners pp join organisations o on o.id = pp.organisation_id
      left join held h on h.day >= pp.joined_on and (pp.left_on is null or h.day <= pp.left_on)
     where pp.partnership_id = ${id}
     group by o.name`);
  const list = ((rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[])) as { name: string; held: number; attended: number }[];
  return new Map(list.map((r) => [r.name, [r.held, r.attended]]));
}

describe("the accountability dashboard", () => {
  it("gives each partner's board attendance for the last twelve months, lowest first, matching the record", async () => {
    const res = await scrutiny.get("/p/nelcp/accountability");
    // A CIP councillor has no role in NELCP.
    expect(res.status).toBe(403);
    const page = await chair.get("/p/nelcp/accountability");
    expect(page.status).toBe(200);
    const html = await page.text();
    const rows = tableRows(html);
    expect(rows.length).toBe(10);
    const from = new Date(Date.UTC(2025, 10, 23)).toISOString().slice(0, 10);
    expect(await pageText(new Response(html))).toContain("from 23 November 2025 to 22 November 2026");
    const expected = await expectedFor("nelcp", from, SCENARIO_TODAY);
    for (const [name, held, attended] of rows) expect([held, attended], name).toEqual(expected.get(name));
    expect(rows.some(([, held]) => held > 0)).toBe(true);
    // Lowest rate first.
    const rates = rows.filter(([, held]) => held > 0).map(([, held, attended]) => attended / held);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    // Those under half are marked, and only those.
    for (const [name, held, attended] of rows) {
      const row = html.match(new RegExp(`data-partner="${name.replace(/'/g, "&#x27;")}">[\\s\\S]*?</tr>`))![0];
      expect(row.includes("Fewer than half"), name).toBe(held > 0 && attended / held < 0.5);
    }
    // The chart carries the same figures, as an image with a text alternative.
    expect(html).toContain('role="img"');
  });

  it("takes a chosen period, and names a wrong date while keeping the default", async () => {
    const text = await pageText(await chair.get("/p/nelcp/accountability?from=2026-01-01&to=2026-06-30"));
    expect(text).toContain("from 1 January 2026 to 30 June 2026");
    const rows = tableRows(await (await chair.get("/p/nelcp/accountability?from=2026-01-01&to=2026-06-30")).text());
    const expected = await expectedFor("nelcp", "2026-01-01", "2026-06-30");
    for (const [name, held, attended] of rows) expect([held, attended], name).toEqual(expected.get(name));
    for (const [query, message] of [
      ["from=2026-02-30", "Enter a real date, for example 2026-03-31"],
      ["from=2026-07-01&to=2026-06-30", "The start of the period must be on or before its end"],
      ["to=yesterday", "Enter a real date"],
    ]) {
      const res = await chair.get(`/p/nelcp/accountability?${query}`);
      expect(res.status, query).toBe(200);
      const body = await pageText(res);
      expect(body, query).toContain("There is a problem");
      expect(body, query).toContain(message);
    }
  });

  it("lists the decisions taken at an inquorate meeting and whether they were ratified, and those called in, as the record has them", async () => {
    const html = await (await chair.get("/p/nelcp/accountability")).text();
    const [{ id }] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, "nelcp"));
    const result = await s.db.execute(sql`
      select d.reference, d.status from decisions d
       where d.partnership_id = ${id} and d.decided_on between '2025-11-23' and ${SCENARIO_TODAY}
         and exists (select 1 from decision_status_changes c where c.decision_id = d.id and c.to_status = 'inquorate')
       order by d.reference`);
    const expected = ((result as unknown as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as { reference: string; status: string }[];
    expect(expected.length, "the demo's July meeting was not quorate").toBeGreaterThan(0);
    const shown = [...html.matchAll(/data-decision="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => [m[1], m[2]] as const).sort(([a], [b]) => a.localeCompare(b));
    expect(shown.map(([ref]) => ref)).toEqual(expected.map((e) => e.reference));
    for (const [ref, row] of shown) {
      const status = expected.find((e) => e.reference === ref)!.status;
      expect(row, ref).toContain(status === "inquorate" ? "Awaiting ratification" : status === "agreed" ? "Yes, at a quorate meeting" : "No: not ratified");
    }
    // The CIP's dashboard lists the residential hub's call-in and where it stands.
    const cip = s.client();
    await cip.signIn("scrutiny@leics.example");
    const cipText = await pageText(await cip.get("/p/leicestershire-cip/accountability"));
    expect(cipText).toContain("Mobilise the residential hub from Service Design Brief 1: referred back to the board, waiting for it to reconsider");
  });

  it("counts the actions due in the period per partner as the record has them, and links to them", async () => {
    const html = await (await chair.get("/p/nelcp/accountability")).text();
    const [{ id }] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, "nelcp"));
    const result = await s.db.execute(sql`
      select o.name,
             count(*)::int as due,
             count(*) filter (where a.status = 'done' and a.completed_on <= a.due_date)::int as on_time,
             count(*) filter (where a.status = 'done' and (a.completed_on is null or a.completed_on > a.due_date))::int as late,
             count(*) filter (where a.status = 'open' and a.due_date < ${SCENARIO_TODAY}::date)::int as overdue
        from actions a join organisations o on o.id = a.organisation_id
       where a.partnership_id = ${id} and a.status <> 'cancelled' and a.due_date between '2025-11-23' and ${SCENARIO_TODAY}
       group by o.name order by o.name`);
    const expected = ((result as unknown as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as { name: string; due: number; on_time: number; late: number; overdue: number }[];
    expect(expected.length, "the demo's NELCP actions").toBeGreaterThan(0);
    const shown = [...html.matchAll(/data-actions-partner="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => {
      const cells = [...m[2].matchAll(/govuk-table__cell--numeric">(?:<a[^>]*>)?([^<]*)</g)].map((c) => Number(c[1]));
      return { name: m[1].replace(/&#x27;/g, "'"), due: cells[0], on_time: cells[1], late: cells[2], overdue: cells[3] };
    });
    expect(shown.filter((r) => r.name !== "No partner named").sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected);
    const text = await pageText(new Response(html));
    // The total counts actions of no partner too.
    const totals = await s.db.execute(sql`
      select count(*)::int as due, count(*) filter (where status = 'open' and due_date < ${SCENARIO_TODAY}::date)::int as overdue from actions
       where partnership_id = ${id} and status <> 'cancelled' and due_date between '2025-11-23' and ${SCENARIO_TODAY}`);
    const [total] = ((totals as unknown as { rows?: unknown[] }).rows ?? (totals as unknown as unknown[])) as { due: number; overdue: number }[];
    expect(text).toMatch(new RegExp(`${total.due} actions were due in the period: \\d+ done on time, \\d+ done late, and ${total.overdue} overdue now`));
    // The risks needing attention link to the register's filtered views.
    expect(html).toMatch(/href="\/p\/nelcp\/risks\?(appetite=above|review=overdue)"/);
  });

  it("shows young people's part only as suppressed figures, never their names", async () => {
    const text = await pageText(await chair.get("/p/nelcp/accountability"));
    expect(text).toMatch(/Young people taking part now: (fewer than \d+|\d+)\. With ideas or feedback published: (fewer than \d+|\d+)\./);
    expect(text).toMatch(/(\d+% of their published contributions were answered within 30 days|None of their contributions can be judged yet)/);
    expect(text).not.toContain("River");
  });

  it("shows one partner's own figures when chosen, with the returns it owes overdue now; a partner that is not one is named", async () => {
    const [{ id: towerHamlets }] = await s.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "London Borough of Tower Hamlets"));
    const all = await (await chair.get("/p/nelcp/accountability")).text();
    expect(tableRows(all).length).toBeGreaterThan(1);
    const html = await (await chair.get(`/p/nelcp/accountability?partner=${towerHamlets}`)).text();
    expect(tableRows(html).map(([name]) => name)).toEqual(["London Borough of Tower Hamlets"]);
    const returns = [...html.matchAll(/data-returns-partner="([^"]+)">([\s\S]*?)<\/tr>/g)];
    expect(returns.map((m) => m[1])).toEqual(["London Borough of Tower Hamlets"]);
    // The demo's Tower Hamlets has missed its latest quarterly returns.
    expect(returns[0][2]).toContain("Quarterly performance return");
    expect(await pageText(new Response(html))).toContain("How London Borough of Tower Hamlets has taken part");
    const wrong = await chair.get("/p/nelcp/accountability?partner=not-a-partner");
    expect(wrong.status).toBe(200);
    expect(await pageText(wrong)).toContain("Choose a partner from the list: the one given is not a partner of this partnership");
  });

  it("says at how many meetings each partner was represented by someone senior enough for the terms of reference", async () => {
    const html = await (await chair.get("/p/nelcp/accountability")).text();
    const rows = [...html.matchAll(/<tr class="govuk-table__row" data-partner="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => {
      const cells = [...m[2].matchAll(/govuk-table__cell--numeric"[^>]*>([^<]*)</g)].map((c) => c[1]);
      return { name: m[1].replace(/&#x27;/g, "'"), attended: Number(cells[1]), senior: Number(cells[3]) };
    });
    expect(rows.every((r) => r.senior <= r.attended)).toBe(true);
    const of = (name: string) => rows.find((r) => r.name === name)!;
    // Since April 2025 the terms ask boroughs for an assistant director or above. Waltham Forest's member since
    // September 2025 is a head of service, so none of its attendances count; Tower Hamlets' deputy (a head of
    // service) stood in once; Havering's director always met it.
    expect(of("London Borough of Waltham Forest").attended).toBeGreaterThan(0);
    expect(of("London Borough of Waltham Forest").senior).toBe(0);
    expect(of("London Borough of Tower Hamlets").senior).toBe(of("London Borough of Tower Hamlets").attended - 1);
    expect(of("London Borough of Havering").senior).toBe(of("London Borough of Havering").attended);
  });

  it("shows the CIP's year of board meetings: six held, August's decision taken inquorate and ratified in October", async () => {
    const cip = s.client();
    await cip.signIn("scrutiny-chair@leics.example");
    const text = await pageText(await cip.get("/p/leicestershire-cip/accountability"));
    expect(text).toContain("6 board meetings with attendance recorded");
    expect(text).toMatch(/Apply to Ofsted to register the hub's first home \d+ \w+ 2026 Yes, at a quorate meeting/);
    // Barnardo's missed August only: 5 of 6.
    expect(text).toMatch(/Barnardo's 6 5 83%/);
  });
});
