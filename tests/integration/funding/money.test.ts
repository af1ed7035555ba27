import { and, asc, count, eq, inArray, isNull, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMoney } from "../../../app/areas/funding/funding.server";
import { moneyReturned } from "../../../app/areas/obligations/public.server";
import { verifyAuditTrail } from "../../../db/audit";
import { auditEvents, boardSeats, decisions, fundingActuals, fundingCommitments, fundingLines, obligations, organisations, submissions, users } from "../../../db/schema";
import { hashPassword } from "../../../app/areas/identity/public.server";
import { partnershipId } from "../../helpers/pages";
import { DEMO_PASSWORD, type HttpClient, pageText, startTestServer, type TestServer } from "../../helpers/server";

// The partnership's money over HTTP and against the database: the demo's
// three money pages, the totals reconciled to the penny against SQL sums of
// their own, the chair and secretariat adding lines, commitments, payments
// and bids while everyone else only reads, every field's refusal saving
// nothing, a repeated form recording once, returns feeding actuals, and (on
// PostgreSQL) two outcomes of one bid saved at once.

let s: TestServer;
const as: Record<string, HttpClient> = {};
const people = {
  chair: "chair@nelcp.example",
  secretariat: "secretariat@nelcp.example",
  rep: "rep@barking-dagenham.example",
  member: "member@nelcp.example",
  observer: "observer@nelcp.example",
  cipChair: "c.langley@leics.example",
  newportChair: "g.powell@newport.example",
  scrutiny: "scrutiny@leics.example",
} as const;
let nelcp: string;
let cip: string;
let newport: string;
const org: Record<string, string> = {};

const one = async <T>(rows: Promise<T[]>, what: string) => {
  const [row] = await rows;
  if (!row) throw new Error(`no ${what}`);
  return row;
};
const decisionId = async (partnership: string, titleStart: string) =>
  (await one(s.db.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.partnershipId, partnership), like(decisions.title, `${titleStart}%`))), titleStart)).id;
const lineId = async (partnership: string, title: string) => (await one(s.db.select({ id: fundingLines.id }).from(fundingLines).where(and(eq(fundingLines.partnershipId, partnership), eq(fundingLines.title, title))), title)).id;
const seatId = async (partnership: string, email: string) =>
  (await one(s.db.select({ id: boardSeats.id }).from(boardSeats).innerJoin(users, eq(users.id, boardSeats.userId)).where(and(eq(boardSeats.partnershipId, partnership), eq(users.email, email))), email)).id;

/** Rows in the money tables and the audit trail: what a refused write must leave as it was. */
const footprint = async () => ({
  lines: (await s.db.select({ n: count() }).from(fundingLines))[0].n,
  commitments: (await s.db.select({ n: count() }).from(fundingCommitments))[0].n,
  actuals: (await s.db.select({ n: count() }).from(fundingActuals))[0].n,
  audit: (await s.db.select({ n: count() }).from(auditEvents))[0].n,
  versions: (await s.db.select({ v: sql<string>`coalesce(sum(${fundingLines.version}), 0)::text` }).from(fundingLines))[0].v,
});

beforeAll(async () => {
  s = await startTestServer();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await s.db.update(users).set({ passwordHash }).where(inArray(users.email, [people.cipChair, people.newportChair]));
  await Promise.all(
    Object.entries(people).map(async ([key, email]) => {
      as[key] = s.client();
      await as[key].signIn(email);
    }),
  );
  nelcp = await partnershipId(s.db, "nelcp");
  cip = await partnershipId(s.db, "leicestershire-cip");
  newport = await partnershipId(s.db, "newport-barnardos");
  for (const o of await s.db.select({ id: organisations.id, name: organisations.name }).from(organisations)) org[o.name] = o.id;
});
afterAll(async () => {
  await s?.close();
});

// ------------------------------------------------------------ reconciliation

type Sums = Map<string, number>;
/** Independent sums in SQL (bigint arithmetic in the database), keyed "org|year", "org|*", "*|year" and "*|*". */
async function sqlSums(partnership: string) {
  const fold = (rows: { org: string; fy: string; total: string }[]) => {
    const m: Sums = new Map();
    const put = (k: string, v: bigint) => m.set(k, Number(BigInt(m.get(k) ?? 0) + v));
    for (const r of rows) {
      const v = BigInt(r.total);
      put(`${r.org}|${r.fy}`, v);
      put(`${r.org}|*`, v);
      put(`*|${r.fy}`, v);
      put("*|*", v);
    }
    return m;
  };
  const committed = await s.db.execute<{ org: string; fy: string; total: string }>(
    sql`select organisation_id as org, financial_year as fy, sum(amount_pence)::text as total from funding_commitments where partnership_id = ${partnership} group by 1, 2`,
  );
  // Recorded payments on lines not fed by returns, plus each fed line's accepted returns' integer field.
  const actual = await s.db.execute<{ org: string; fy: string; total: string }>(sql`
    select org, fy, sum(pence)::text as total from (
      select a.organisation_id as org, a.financial_year as fy, a.amount_pence as pence
        from funding_actuals a join funding_lines l on l.id = a.line_id
       where a.partnership_id = ${partnership} and l.actuals_obligation_id is null
      union all
      select s.organisation_id, case when extract(month from s.period_key::date) >= 4
                                     then extract(year from s.period_key::date)::int || '-' || lpad(((extract(year from s.period_key::date)::int + 1) % 100)::text, 2, '0')
                                     else (extract(year from s.period_key::date)::int - 1) || '-' || lpad((extract(year from s.period_key::date)::int % 100)::text, 2, '0') end,
             (s.figures ->> l.actuals_field_key)::bigint
        from funding_lines l join submissions s on s.obligation_id = l.actuals_obligation_id
       where l.partnership_id = ${partnership} and s.status = 'accepted' and (s.figures ->> l.actuals_field_key) ~ '^[0-9]+$'
         and (l.organisation_id is null or l.organisation_id = s.organisation_id)
    ) x group by 1, 2`);
  const rows = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as { org: string; fy: string; total: string }[];
  return { committed: fold(rows(committed)), actual: fold(rows(actual)) };
}

async function expectReconciled(partnership: string) {
  const money = await loadMoney(s.db, partnership);
  const sums = await sqlSums(partnership);
  const t = money.table;
  expect(t.reconciles).toBe(true);
  for (const field of ["committed", "actual"] as const) {
    const expected = sums[field];
    for (const r of t.rows) {
      r.cells.forEach((c, i) => expect(c[field], `${field} ${r.name} ${t.years[i]}`).toBe(expected.get(`${r.organisationId}|${t.years[i]}`) ?? 0));
      expect(r.total[field], `${field} ${r.name}`).toBe(expected.get(`${r.organisationId}|*`) ?? 0);
    }
    t.years.forEach((y, i) => expect(t.yearTotals[i][field], `${field} ${y}`).toBe(expected.get(`*|${y}`) ?? 0));
    expect(t.total[field], `${field} overall`).toBe(expected.get("*|*") ?? 0);
    // Per partner and per year each add up to the whole.
    expect(t.rows.reduce((n, r) => n + r.total[field], 0)).toBe(t.total[field]);
    expect(t.yearTotals.reduce((n, y) => n + y[field], 0)).toBe(t.total[field]);
  }
  return money;
}

/** The CSV's amounts added up in pence from their text, by kind. */
async function csvTotals(client: HttpClient, slug: string) {
  const res = await client.get(`/p/${slug}/money.csv`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/csv/);
  const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/).slice(1);
  const totals = { Commitment: 0, Actual: 0 };
  for (const line of lines) {
    const kind = line.split(",")[0] as keyof typeof totals;
    const amount = line.match(/,(\d+)\.(\d{2}),/);
    if (!amount) throw new Error(`no amount in ${line}`);
    totals[kind] += Number(amount[1]) * 100 + Number(amount[2]);
  }
  return totals;
}

describe("the demo's money", () => {
  it("NELCP: the pooled budget by borough, the lot 2 payments within the 7% innovation cap, and Newham's share flagged above its member's authority", async () => {
    const res = await as.observer.get("/p/nelcp/money");
    expect(res.status).toBe(200);
    const text = await pageText(res);
    expect(text).toContain("Commitments against actuals, by partner and year");
    expect(text).toContain("£5,951,500.00"); // committed across the partnership this year
    expect(text).toContain("£3,150,000.00"); // next year's shares of the lot 1 extension
    expect(text).toContain("£9,101,500.00"); // both years
    expect(text).toContain("Lot 1 block contracts: pooled budget");
    expect(text).toContain("Within cap");
    expect(text).toContain("against a cap of £171,500.00: 7% of the £2,450,000.00 committed to Lot 2 block contract");
    expect(text).toMatch(/One commitment is above the approving member's delegated financial authority/);
    expect(text).toMatch(/£118,000.00 is above [^.]+'s delegated financial authority of £100,000.00, by £18,000.00/);
    expect(text).toContain("Within Marcus Bellamy's delegated financial authority of £100,000.00");
    // Every commitment links to its decision.
    const html = await (await as.observer.get("/p/nelcp/money")).text();
    const uplift = await decisionId(nelcp, "Uplift the specialist-needs band price");
    expect(html).toContain(`href="/p/nelcp/decisions/${uplift}"`);
    const commitments = await s.db.select({ decisionId: fundingCommitments.decisionId }).from(fundingCommitments).where(eq(fundingCommitments.partnershipId, nelcp));
    expect(commitments.length).toBe(20);
    for (const c of commitments) expect(html).toContain(`/p/nelcp/decisions/${c.decisionId}`);
    // The observer reads but is not offered the forms.
    expect(html).not.toContain("/p/nelcp/money/new");
  });

  it("the CIP: £1,964,765 won by joint bids in its first year, one not funded and one waiting", async () => {
    const text = await pageText(await as.cipChair.get("/p/leicestershire-cip/money"));
    expect(text).toMatch(/6 bids for £2,887,500.00: £1,964,765.00 won ?\. 4 of 5 decided bids won \(80%\); 1 waiting for the funder/);
    expect(text).toContain("Not funded");
    expect(text).toContain("Youth Futures Foundation");
    expect(text).toContain("Sunita Kaur");
    expect(text).toContain("No delegated limit recorded in the board register");
    expect(text).toMatch(/From returns: Co-investment statement \(spent\)/);
  });

  it("Newport: the council's £1,000,000 and Barnardo's Cymru's £200,000 co-investment, 20% of it, with what has been spent", async () => {
    const text = await pageText(await as.newportChair.get("/p/newport-barnardos/money"));
    expect(text).toContain("£200,000.00");
    expect(text).toContain("£1,000,000.00");
    expect(text).toContain("20% of the council's contribution");
    expect(text).toContain("£48,250.37");
    expect(text).toContain("£99,980.82"); // Barnardo's Cymru's actual this year
  });

  it("reconciles to the penny with SQL's own sums, per partner, per year and overall, for every partnership, and the CSV says the same", async () => {
    for (const [slug, id, client] of [
      ["nelcp", nelcp, as.observer],
      ["leicestershire-cip", cip, as.cipChair],
      ["newport-barnardos", newport, as.newportChair],
    ] as const) {
      const money = await expectReconciled(id);
      const csv = await csvTotals(client, slug);
      expect(csv.Commitment, slug).toBe(money.table.total.committed);
      expect(csv.Actual, slug).toBe(money.table.total.actual);
    }
  });
});

// ------------------------------------------------------------------ writing

const nelcpForm = async (over: Record<string, string> = {}) => ({
  intent: "commitment",
  lineId: await lineId(nelcp, "Specialist-needs price uplift"),
  organisationId: org["London Borough of Barking and Dagenham"],
  financialYear: "2027-28",
  amount: "£1,234.56",
  decisionId: await decisionId(nelcp, "Uplift the specialist-needs band price"),
  approvedBySeatId: await seatId(nelcp, "m.bellamy@barking-dagenham.example"),
  note: "",
  ...over,
});

describe("the chair and secretariat record money; everyone else reads it", () => {
  it("adds a line, commits to it, records a payment, and records a bid and its outcome, each audited", async () => {
    const line = await as.chair.post("/p/nelcp/money/new", { intent: "line", kind: "pooled_budget", title: "Shared training fund", description: "", organisationId: "", decisionId: "", capPercent: "", capOfLineId: "", actualsObligationId: "", actualsFieldKey: "" });
    expect(line.status).toBe(302);
    expect(line.headers.get("location")).toBe("/p/nelcp/money?notice=funding-line-added#lines");
    const training = await lineId(nelcp, "Shared training fund");
    const committed = await as.secretariat.post("/p/nelcp/money/new", await nelcpForm({ lineId: training, amount: "£10,000.01", financialYear: "2026-27", decisionId: await decisionId(nelcp, "Extend the lot 1 block contracts") }));
    expect(committed.status).toBe(302);
    expect(committed.headers.get("location")).toMatch(/notice=commitment-added#commitment-/);
    const paid = await as.secretariat.post("/p/nelcp/money/new", { intent: "actual", lineId: training, organisationId: org["London Borough of Barking and Dagenham"], amount: "2500.5", paidOn: "2026-11-02", note: "Autumn course" });
    expect(paid.status).toBe(302);
    const [c] = await s.db.select().from(fundingCommitments).where(eq(fundingCommitments.lineId, training));
    expect(c.amountPence).toBe(1_000_001);
    const [a] = await s.db.select().from(fundingActuals).where(eq(fundingActuals.lineId, training));
    expect(a).toMatchObject({ amountPence: 250_050, financialYear: "2026-27", paidOn: "2026-11-02", source: "recorded" });

    const bid = await as.chair.post("/p/nelcp/money/new", { intent: "line", kind: "joint_bid", title: "Foster carer recruitment", funder: "Department for Education", amountSought: "£250,000", submittedOn: "2026-09-01", decisionId: "", description: "" });
    expect(bid.status).toBe(302);
    const bidId = await lineId(nelcp, "Foster carer recruitment");
    const outcome = await as.secretariat.post("/p/nelcp/money", { lineId: bidId, version: "1", outcome: "won", amountWon: "£240,000", outcomeOn: "2026-11-10" });
    expect(outcome.status).toBe(302);
    const [won] = await s.db.select().from(fundingLines).where(eq(fundingLines.id, bidId));
    expect(won).toMatchObject({ outcome: "won", amountWonPence: 24_000_000, outcomeOn: "2026-11-10", version: 2 });

    const events = await s.db.select({ action: auditEvents.action, entityId: auditEvents.entityId }).from(auditEvents).where(inArray(auditEvents.entityId, [training, c.id, a.id, bidId])).orderBy(asc(auditEvents.seq));
    expect(events.map((e) => e.action)).toEqual(["funding_line.create", "funding_commitment.create", "funding_actual.record", "funding_line.create", "funding_bid.record_outcome"]);
    expect((await verifyAuditTrail(s.db)).ok).toBe(true);
    await expectReconciled(nelcp);
  });

  it("flags a commitment above its approver's delegated authority when it is recorded", async () => {
    const res = await as.chair.post("/p/nelcp/money/new", await nelcpForm({ amount: "£100,000.01" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/notice=commitment-above-authority/);
    const [event] = await s.db.select().from(auditEvents).where(eq(auditEvents.action, "funding_commitment.create")).orderBy(sql`${auditEvents.seq} desc`).limit(1);
    expect((event.after as { authority: string }).authority).toBe("above");
    const text = await pageText(await as.chair.get("/p/nelcp/money"));
    expect(text).toMatch(/2 commitments are above the approving member's delegated financial authority/);
    expect(text).toContain("£100,000.01 is above Marcus Bellamy's delegated financial authority of £100,000.00, by £0.01");
  });

  it("lets partner representatives, board members and observers read the money but change nothing; other partnerships' people see none of it", async () => {
    for (const who of ["rep", "member", "observer"]) {
      expect((await as[who].get("/p/nelcp/money")).status, who).toBe(200);
      expect((await as[who].get("/p/nelcp/money.csv")).status, who).toBe(200);
      expect((await as[who].get("/p/nelcp/money/new")).status, who).toBe(403);
      const before = await footprint();
      const res = await as[who].post("/p/nelcp/money/new", await nelcpForm());
      expect(res.status, who).toBe(403);
      expect(await pageText(res)).toContain("Only the chair or secretariat record the partnership's funding");
      expect((await as[who].post("/p/nelcp/money", { lineId: await lineId(cip, "Care leavers' employment and mentoring"), version: "1", outcome: "lost", amountWon: "", outcomeOn: "2026-11-01" })).status).toBe(403);
      expect(await footprint()).toEqual(before);
    }
    expect((await as.scrutiny.get("/p/nelcp/money")).status).toBe(403);
    expect((await as.scrutiny.get("/p/nelcp/money.csv")).status).toBe(403);
    expect((await as.cipChair.post("/p/nelcp/money/new", await nelcpForm())).status).toBe(403);
  });

  it("refuses another partnership's line, bid, decision or board member as if it were not there", async () => {
    const before = await footprint();
    const cipBid = await lineId(cip, "Care leavers' employment and mentoring");
    const cipLine = await lineId(cip, "Barnardo's match funding for the care leavers' employment project");
    const cases: [Record<string, string>, string, RegExp][] = [
      [await nelcpForm({ lineId: cipLine }), "lineId", /Choose a funding line of this partnership/],
      [await nelcpForm({ decisionId: await decisionId(cip, "Submit the joint bid") }), "decisionId", /Choose a decision of this partnership/],
      [await nelcpForm({ approvedBySeatId: await seatId(cip, "s.kaur@barnardos.example") }), "approvedBySeatId", /Choose a board member of this partnership/],
      [await nelcpForm({ organisationId: org["Barnardo's"] }), "organisationId", /Choose a partner in this partnership/],
    ];
    for (const [form, , message] of cases) {
      const res = await as.chair.post("/p/nelcp/money/new", form);
      expect(res.status).toBe(400);
      expect(await pageText(res)).toMatch(message);
    }
    const outcome = await as.chair.post("/p/nelcp/money", { lineId: cipBid, version: "1", outcome: "lost", amountWon: "", outcomeOn: "2026-11-01" });
    expect(outcome.status).toBe(400);
    expect(await pageText(outcome)).toContain("That joint bid is not in this partnership");
    expect(await footprint()).toEqual(before);
  });
});

describe("bad input: a precise message for every field, and nothing saved", () => {
  const refused = async (path: string, form: Record<string, string>, field: string, message: RegExp | string) => {
    const before = await footprint();
    const res = await as.chair.post(path, form);
    const text = await pageText(res);
    expect(res.status, `${field}: ${text.slice(0, 200)}`).toBe(400);
    expect(text).toMatch(typeof message === "string" ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : message);
    // The message sits on its field, and links to it from the summary.
    expect(await (await as.chair.post(path, form)).text()).toContain(`href="#${field}"`);
    expect(await footprint()).toEqual(before);
  };

  it("a commitment", async () => {
    const p = "/p/nelcp/money/new";
    await refused(p, await nelcpForm({ lineId: "" }), "lineId", "Choose the funding line");
    await refused(p, await nelcpForm({ organisationId: "nope" }), "organisationId", "Choose the partner committing the money");
    await refused(p, await nelcpForm({ financialYear: "2026-28" }), "financialYear", "Enter the financial year as April to March, for example 2026-27");
    await refused(p, await nelcpForm({ financialYear: "" }), "financialYear", "Enter the financial year, for example 2026-27");
    await refused(p, await nelcpForm({ amount: "" }), "amount", "Enter the amount committed, for example £200,000");
    await refused(p, await nelcpForm({ amount: "-5" }), "amount", "The amount cannot be negative");
    await refused(p, await nelcpForm({ amount: "12.345" }), "amount", "The amount can have at most two decimal places (pence)");
    await refused(p, await nelcpForm({ amount: "12 pounds" }), "amount", /without letters/);
    await refused(p, await nelcpForm({ amount: "0.00" }), "amount", "The amount must be more than £0.00");
    await refused(p, await nelcpForm({ amount: "£20,000,000,000" }), "amount", /too large/);
    await refused(p, await nelcpForm({ decisionId: "" }), "decisionId", "Choose the decision that agreed this money: money is committed only by a decision");
    await refused(p, await nelcpForm({ approvedBySeatId: "x" }), "approvedBySeatId", "Choose the board member who approved it from the list");
    await refused(p, await nelcpForm({ note: "n".repeat(1001) }), "note", "The note must be 1000 characters or fewer");
    // Rules the server checks.
    const proposal = await as.rep.post("/p/nelcp/decisions/new", { kind: "proposal", title: "A shared placement dashboard", text: "Build a shared placement dashboard.", rationale: "", optionsConsidered: "", meetingId: "" });
    expect(proposal.status).toBe(302);
    const proposed = await one(s.db.select({ id: decisions.id, reference: decisions.reference }).from(decisions).where(and(eq(decisions.partnershipId, nelcp), eq(decisions.title, "A shared placement dashboard"))), "the proposal");
    await refused(p, await nelcpForm({ decisionId: proposed.id }), "decisionId", `Decision ${proposed.reference} is proposed, not agreed: money is committed only under an agreed decision`);
    await refused(p, await nelcpForm({ lineId: await lineId(nelcp, "Lot 2 block contract: payments to Thames Gateway Care") }), "organisationId", "Lot 2 block contract: payments to Thames Gateway Care is London Borough of Havering's line: only its money is committed to it");
    await refused(
      p,
      await nelcpForm({ lineId: await lineId(nelcp, "Lot 2 innovation payment"), organisationId: org["London Borough of Havering"], financialYear: "2026-27", amount: "£0.01", decisionId: await decisionId(nelcp, "Award lot 2") }),
      "amount",
      "This would take Lot 2 innovation payment to £171,500.01 for 2026-27, above its cap of 7% of Lot 2 block contract: payments to Thames Gateway Care (£171,500.00)",
    );
  });

  it("a payment", async () => {
    const p = "/p/nelcp/money/new";
    const form = async (over: Record<string, string> = {}) => ({ intent: "actual", lineId: await lineId(nelcp, "Specialist-needs price uplift"), organisationId: org["London Borough of Newham"], amount: "£10", paidOn: "2026-11-01", note: "", ...over });
    await refused(p, await form({ lineId: "" }), "lineId", "Choose the funding line");
    await refused(p, await form({ organisationId: "" }), "organisationId", "Choose the partner that paid or spent it");
    await refused(p, await form({ amount: "ten" }), "amount", /without letters/);
    await refused(p, await form({ paidOn: "" }), "paidOn", "Enter the date it was paid");
    await refused(p, await form({ paidOn: "2026-02-30" }), "paidOn", "Enter a real date for the date it was paid, for example 2026-07-15");
    await refused(p, await form({ paidOn: "2026-12-25" }), "paidOn", "The date it was paid cannot be in the future: record a payment once it is made");
    await refused(p, await form({ lineId: await lineId(nelcp, "Lot 2 innovation payment") }), "organisationId", /is London Borough of Havering's line: record only its payments on it/);
  });

  it("a funding line and a joint bid", async () => {
    const p = "/p/nelcp/money/new";
    const line = (over: Record<string, string> = {}) => ({ intent: "line", kind: "pooled_budget", title: "A line", description: "", organisationId: "", decisionId: "", capPercent: "", capOfLineId: "", actualsObligationId: "", actualsFieldKey: "", ...over });
    await refused(p, line({ kind: "loan" }), "kind", "Choose the kind of funding line");
    await refused(p, line({ title: " " }), "title", "Enter a title, for example Lot 1 block contracts: pooled budget");
    await refused(p, line({ organisationId: "someone" }), "organisationId", "Choose a partner from the list, or the whole partnership");
    await refused(p, line({ capPercent: "7" }), "capOfLineId", "Choose the line the cap is a share of");
    await refused(p, line({ capPercent: "7.125", capOfLineId: await lineId(nelcp, "Lot 2 block contract: payments to Thames Gateway Care") }), "capPercent", "The cap must be a percentage such as 7 or 7.5");
    await refused(p, line({ actualsFieldKey: "spent" }), "actualsObligationId", "Choose the reporting obligation whose returns give the actuals");
    const [obligation] = await s.db.select({ id: obligations.id }).from(obligations).where(eq(obligations.partnershipId, nelcp));
    await refused(p, line({ actualsObligationId: obligation.id, actualsFieldKey: "Spent money" }), "actualsFieldKey", "Enter the return's money field to read, in lower case, for example spent");
    const [cipObligation] = await s.db.select({ id: obligations.id }).from(obligations).where(eq(obligations.partnershipId, cip));
    await refused(p, line({ actualsObligationId: cipObligation.id, actualsFieldKey: "spent" }), "actualsObligationId", "Choose a reporting obligation of this partnership");
    const bid = (over: Record<string, string> = {}) => ({ intent: "line", kind: "joint_bid", title: "A bid", funder: "A funder", amountSought: "£1,000", submittedOn: "2026-10-01", decisionId: "", description: "", ...over });
    await refused(p, bid({ funder: "" }), "funder", "Enter the funder the bid went to");
    await refused(p, bid({ amountSought: "" }), "amountSought", "Enter the amount sought in pounds, for example £1,250.00");
    await refused(p, bid({ amountSought: "1,00" }), "amountSought", "The amount sought has commas in the wrong places: write it like £1,250,000");
    await refused(p, bid({ submittedOn: "" }), "submittedOn", "Enter the date the bid was submitted");
    await refused(p, bid({ submittedOn: "01/10/2026" }), "submittedOn", "The date the bid was submitted must be a real date, for example 2026-04-01");
  });

  it("a bid's outcome", async () => {
    const bidId = await lineId(cip, "Care leavers' employment and mentoring");
    const p = "/p/leicestershire-cip/money";
    const [bid] = await s.db.select().from(fundingLines).where(eq(fundingLines.id, bidId));
    const form = (over: Record<string, string> = {}) => ({ lineId: bidId, version: String(bid.version), outcome: "won", amountWon: "£400,000", outcomeOn: "2026-11-01", ...over });
    const cipRefused = async (f: Record<string, string>, field: string, message: string) => {
      const before = await footprint();
      const res = await as.cipChair.post(p, f);
      expect(res.status, field).toBe(f.version === "99" ? 409 : 400);
      expect(await pageText(res)).toContain(message);
      expect(await footprint()).toEqual(before);
    };
    await cipRefused(form({ outcome: "maybe" }), "outcome", "Choose the bid's outcome");
    await cipRefused(form({ amountWon: "" }), "amountWon", "Enter the amount won in pounds, for example £1,250.00");
    await cipRefused(form({ amountWon: "0" }), "amountWon", "The amount won must be more than £0.00: a bid that won nothing was not funded");
    await cipRefused(form({ outcome: "lost" }), "amountWon", "Only a bid that was won has an amount won: leave it empty");
    await cipRefused(form({ outcome: "lost", amountWon: "", outcomeOn: "" }), "outcomeOn", "Enter the date the funder gave its answer");
    await cipRefused(form({ outcome: "pending", amountWon: "" }), "outcomeOn", "A bid still waiting for the funder has no outcome date: leave it empty");
    await cipRefused(form({ outcomeOn: "2020-01-01" }), "outcomeOn", "The outcome cannot come before the bid was submitted");
    await cipRefused(form({ outcomeOn: "2027-01-01" }), "outcomeOn", "The date of the outcome cannot be in the future");
    await cipRefused(form({ lineId: await lineId(cip, "Barnardo's co-investment") }), "lineId", "Only a joint funding bid has an outcome");
    await cipRefused(form({ version: "99" }), "version", "Someone else changed this bid while you were editing it");
  });
});

describe("a repeated submission records once", () => {
  it("the same commitment form sent twice records one commitment and one audit event", async () => {
    const html = await (await as.chair.get("/p/nelcp/money/new")).text();
    const key = html.match(/name="_once" value="([0-9a-f-]{36})"/)?.[1];
    expect(key).toBeTruthy();
    const form = { ...(await nelcpForm({ amount: "£777.77", note: "Sent twice" })), _once: key! };
    const before = await footprint();
    const first = await as.chair.post("/p/nelcp/money/new", form);
    const second = await as.chair.post("/p/nelcp/money/new", form);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect((await s.db.select({ n: count() }).from(fundingCommitments).where(eq(fundingCommitments.note, "Sent twice")))[0].n).toBe(1);
    const after = await footprint();
    expect(after.commitments - before.commitments).toBe(1);
    expect(after.audit - before.audit).toBe(1);
  });
});

describe("returns feeding actuals", () => {
  it("counts each accepted return's integer money field in the year its period ends, never also recorded payments, and links to the obligation", async () => {
    const line = await lineId(cip, "Barnardo's co-investment");
    const [o] = await s.db.select().from(obligations).where(and(eq(obligations.partnershipId, cip), eq(obligations.title, "Co-investment statement")));
    const returns = await s.db.select().from(submissions).where(eq(submissions.obligationId, o.id)).orderBy(asc(submissions.periodKey));
    // As the structured returns will give them: integer pence keyed by field (set here directly).
    const figures: Record<string, unknown> = { "2025-09-30": { spent: 4_512_033, committed: 9_000_000 }, "2026-03-31": { spent: 5_100_000 }, "2026-09-30": { spent: 3_000_000 } };
    for (const r of returns) await s.db.update(submissions).set({ figures: figures[r.periodKey] ?? null }).where(eq(submissions.id, r.id));
    const accepted = returns.filter((r) => r.status === "accepted").map((r) => r.periodKey);
    expect(accepted).toEqual(["2025-09-30", "2026-03-31"]);
    expect((await moneyReturned(s.db, cip, o.id, "spent")).map((r) => r.pence)).toEqual([4_512_033, 5_100_000]);
    // A value that is not a whole number of pence is left out; so is another partnership's look-up.
    await s.db.update(submissions).set({ figures: { spent: 12.5 } }).where(eq(submissions.id, returns[1].id));
    expect((await moneyReturned(s.db, cip, o.id, "spent")).map((r) => r.pence)).toEqual([4_512_033]);
    expect(await moneyReturned(s.db, nelcp, o.id, "spent")).toEqual([]);
    await s.db.update(submissions).set({ figures: { spent: 5_100_000 } }).where(eq(submissions.id, returns[1].id));

    const money = await expectReconciled(cip);
    const barnardos = money.table.rows.find((r) => r.name === "Barnardo's")!;
    // 2025-09-30 falls in 2025-26; 2026-03-31 too: both last year.
    expect(barnardos.cells[money.table.years.indexOf("2025-26")].actual).toBe(9_612_033);
    const text = await pageText(await as.cipChair.get("/p/leicestershire-cip/money"));
    expect(text).toContain("£45,120.33");
    expect(text).toContain("From an accepted return: Co-investment statement");
    expect(await (await as.cipChair.get("/p/leicestershire-cip/money")).text()).toContain(`href="/p/leicestershire-cip/obligations/${o.id}"`);

    // Recording a payment on it is refused, and a payment slipped in by hand is not counted twice.
    const res = await as.cipChair.post("/p/leicestershire-cip/money/new", { intent: "actual", lineId: line, organisationId: org["Barnardo's"], amount: "£1", paidOn: "2026-11-01", note: "" });
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain("Barnardo's co-investment takes its actuals from the accepted returns of “Co-investment statement”");
    const [cipChair] = await s.db.select({ id: users.id }).from(users).where(eq(users.email, people.cipChair));
    await s.db.insert(fundingActuals).values({ id: crypto.randomUUID(), partnershipId: cip, lineId: line, organisationId: org["Barnardo's"], financialYear: "2025-26", amountPence: 100, paidOn: "2025-10-01", createdBy: cipChair.id });
    const again = await loadMoney(s.db, cip);
    expect(again.table.total.actual).toBe(money.table.total.actual);
    expect(again.recorded.some((a) => a.lineId === line)).toBe(false);
    await s.db.delete(fundingActuals).where(and(eq(fundingActuals.lineId, line), isNull(fundingActuals.note)));
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("commitments to a capped line arriving at the same moment (PostgreSQL)", () => {
  it("are checked against the cap one at a time: no more is committed than the cap allows", async () => {
    const line = (title: string, over: Record<string, string> = {}) =>
      as.chair.post("/p/nelcp/money/new", { intent: "line", kind: "contract_payment", title, description: "", organisationId: "", decisionId: "", capPercent: "", capOfLineId: "", actualsObligationId: "", actualsFieldKey: "", ...over });
    expect((await line("Lot 3 contract")).status).toBe(302);
    const contract = await lineId(nelcp, "Lot 3 contract");
    expect((await line("Lot 3 innovation payment", { kind: "innovation_payment", capPercent: "7", capOfLineId: contract })).status).toBe(302);
    const innovation = await lineId(nelcp, "Lot 3 innovation payment");
    const award = await decisionId(nelcp, "Award lot 2");
    const commit = (client: HttpClient, on: string, amount: string) =>
      client.post("/p/nelcp/money/new", { intent: "commitment", lineId: on, organisationId: org["London Borough of Havering"], financialYear: "2026-27", amount, decisionId: award, approvedBySeatId: "", note: "" });
    expect((await commit(as.chair, contract, "£100,000")).status).toBe(302); // a cap of £7,000.00
    const editors = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const c = s.client();
        await c.signIn(i % 2 ? people.secretariat : people.chair);
        return c;
      }),
    );
    const answers = await Promise.all(editors.map((c) => commit(c, innovation, "£2,000")));
    expect(answers.map((a) => a.status).sort()).toEqual([302, 302, 302, 400]);
    expect(await pageText(answers.find((a) => a.status === 400)!)).toContain("This would take Lot 3 innovation payment to £8,000.00 for 2026-27, above its cap of 7% of Lot 3 contract (£7,000.00)");
    const [{ total }] = await s.db.select({ total: sql<string>`sum(${fundingCommitments.amountPence})::text` }).from(fundingCommitments).where(eq(fundingCommitments.lineId, innovation));
    expect(Number(total)).toBe(600_000);
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("two outcomes of one bid saved at the same moment (PostgreSQL)", () => {
  it("saves one; the other is told someone else changed the bid, and nothing of it is kept", async () => {
    const bidId = await lineId(cip, "Care leavers' employment and mentoring");
    const [bid] = await s.db.select().from(fundingLines).where(eq(fundingLines.id, bidId));
    expect(bid.outcome).toBe("pending");
    const other = s.client();
    await other.signIn(people.cipChair);
    const before = (await s.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.entityId, bidId), eq(auditEvents.action, "funding_bid.record_outcome"))))[0].n;
    const answers = await Promise.all([
      as.cipChair.post("/p/leicestershire-cip/money", { lineId: bidId, version: String(bid.version), outcome: "won", amountWon: "£465,000", outcomeOn: "2026-11-20" }),
      other.post("/p/leicestershire-cip/money", { lineId: bidId, version: String(bid.version), outcome: "lost", amountWon: "", outcomeOn: "2026-11-20" }),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([302, 409]);
    const refusedText = await pageText(answers.find((a) => a.status === 409)!);
    expect(refusedText).toContain("Someone else changed this bid while you were editing it");
    const [after] = await s.db.select().from(fundingLines).where(eq(fundingLines.id, bidId));
    expect(after.version).toBe(bid.version + 1);
    const winner = answers[0].status === 302 ? "won" : "lost";
    expect(after.outcome).toBe(winner);
    expect(after.amountWonPence).toBe(winner === "won" ? 46_500_000 : null);
    const events = (await s.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.entityId, bidId), eq(auditEvents.action, "funding_bid.record_outcome"))))[0].n;
    expect(events - before).toBe(1);
    await expectReconciled(cip);
  });
});

