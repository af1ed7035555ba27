import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, obligations, organisations, returnDrafts, returnFieldSets, submissions } from "../../../db/schema";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// Returns with fields: the secretariat sets what a return asks for, a
// partner drafts and sends it, the secretariat sends it back or accepts it,
// and the figures show on the obligation's page and in its CSV. Changing the
// fields makes a new version from the next period to begin; past returns
// keep the fields they were answered against. Today is Sunday 22 November
// 2026, in the October to December quarter.

let s: TestServer;
let secretariat: HttpClient;
let rep: HttpClient; // Barking and Dagenham's representative
let member: HttpClient; // Newham's board member
let bd: string;
let obligationId: string;
let base: string;

type Row = { label: string; kind: string; key?: string; required?: boolean; unit?: string; help?: string; options?: string };
const fieldsForm = (version: string, rows: Row[]) => {
  const form: Record<string, string> = { version, rows: String(rows.length) };
  rows.forEach((r, i) => {
    form[`label-${i}`] = r.label;
    form[`kind-${i}`] = r.kind;
    form[`key-${i}`] = r.key ?? "";
    if (r.required) form[`required-${i}`] = "yes";
    form[`unit-${i}`] = r.unit ?? "";
    form[`help-${i}`] = r.help ?? "";
    form[`options-${i}`] = r.options ?? "";
  });
  return form;
};
const v1Rows: Row[] = [
  { label: "Agency social workers", kind: "number", required: true, unit: "workers" },
  { label: "Agency spend", kind: "money", required: true, help: "Paid in the quarter" },
  { label: "Vacancy rate", kind: "percentage" },
  { label: "Workforce plan agreed", kind: "yes_no" },
  { label: "Outlook", kind: "choice", options: "Improving\nSteady\nWorse" },
];
const versionOf = async (client: HttpClient, path: string) => (await (await client.get(path)).text()).match(/name="version" value="(\d+)"/)![1];
const returnPath = (periodKey: string) => `${base}/return?partner=${bd}&period=${periodKey}`;
const formOf = async (periodKey: string) => {
  const html = await (await rep.get(returnPath(periodKey))).text();
  return { html, fieldSetId: html.match(/name="fieldSetId" value="([0-9a-f-]*)"/)![1], draftVersion: html.match(/name="draftVersion" value="(\d+)"/)![1] };
};
const send = (periodKey: string, intent: "submit" | "draft", form: Record<string, string>, client = rep) =>
  client.post(returnPath(periodKey), { intent, organisationId: bd, periodKey, comment: "", ...form });
const fieldSets = () => s.db.select().from(returnFieldSets).where(eq(returnFieldSets.obligationId, obligationId)).orderBy(asc(returnFieldSets.number));
const latestReturn = async (periodKey: string) =>
  (await s.db.select().from(submissions).where(and(eq(submissions.obligationId, obligationId), eq(submissions.periodKey, periodKey)))).sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())[0];

beforeAll(async () => {
  s = await startTestServer();
  secretariat = s.client();
  await secretariat.signIn("secretariat@nelcp.example");
  rep = s.client();
  await rep.signIn("rep@barking-dagenham.example");
  member = s.client();
  await member.signIn("member@nelcp.example");
  [{ id: bd }] = await s.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "London Borough of Barking and Dagenham"));
  const made = await secretariat.post("/p/nelcp/obligations/new", {
    type: "data_return",
    title: "Quarterly workforce return",
    instructions: "",
    owedBy: `org:${bd}`,
    cadence: "quarterly",
    dueDays: "20",
    dueDayKind: "working_days_after_period_end",
    dueOn: "",
    startsOn: "2026-04-01",
    endsOn: "",
  });
  expect(made.status).toBe(302);
  [{ id: obligationId }] = await s.db.select({ id: obligations.id }).from(obligations).where(eq(obligations.title, "Quarterly workforce return"));
  base = `/p/nelcp/obligations/${obligationId}`;
});
afterAll(async () => {
  await s?.close();
});

describe("setting what a return asks for", () => {
  it("only the chair or secretariat may; each wrong row is named and nothing is saved", async () => {
    expect((await rep.get(`${base}/fields`)).status).toBe(403);
    expect((await rep.post(`${base}/fields`, fieldsForm("1", v1Rows))).status).toBe(403);
    const version = await versionOf(secretariat, `${base}/fields`);
    const bad = await secretariat.post(`${base}/fields`, fieldsForm(version, [...v1Rows.slice(0, 4), { label: "Outlook", kind: "choice", options: "Only one" }, { label: "agency SPEND", kind: "money" }]));
    expect(bad.status).toBe(400);
    const text = await pageText(bad);
    expect(text).toContain("Field 5: a choice needs at least two options, one per line");
    expect(text).toContain("Field 6 has the same label as an earlier one");
    expect(await fieldSets()).toHaveLength(0);

    const saved = await secretariat.post(`${base}/fields`, fieldsForm(version, v1Rows));
    expect(saved.status).toBe(302);
    const [v1] = await fieldSets();
    expect(v1).toMatchObject({ number: 1, appliesFrom: "2026-06-30" });
    expect((v1.fields as { key: string }[]).map((f) => f.key)).toEqual(["agency_social_workers", "agency_spend", "vacancy_rate", "workforce_plan_agreed", "outlook"]);
    expect(await pageText(await secretariat.get(base))).toContain("Change what the return asks for (version 1 now)");
  });
});

describe("a partner's return with fields", () => {
  it("drafts keep what is valid, refuse what is not, and are not overwritten by a stale form", async () => {
    const { html, fieldSetId, draftVersion } = await formOf("2026-09-30");
    expect(draftVersion).toBe("0");
    for (const label of ["Agency social workers", "Agency spend", "Vacancy rate (optional)", "Workforce plan agreed (optional)", "Outlook (optional)"]) expect(html).toContain(label);

    const wrong = await send("2026-09-30", "draft", { fieldSetId, draftVersion, field_agency_social_workers: "12", field_agency_spend: "45k" });
    expect(wrong.status).toBe(400);
    expect(await pageText(wrong)).toContain("Agency spend must be a number of pounds, like £1,250.00, without letters or other symbols");
    expect(await s.db.select().from(returnDrafts).where(eq(returnDrafts.obligationId, obligationId))).toHaveLength(0);

    expect((await send("2026-09-30", "draft", { fieldSetId, draftVersion, field_agency_social_workers: "12", comment: "Spend to follow" })).status).toBe(302);
    const again = await formOf("2026-09-30");
    expect(again.html).toMatch(/id="field_agency_social_workers"[^>]*value="12"/);
    expect(again.html).toContain("Spend to follow");
    expect(again.draftVersion).toBe("1");
    // A second person's form, opened before the draft was saved, cannot overwrite it.
    const stale = await send("2026-09-30", "draft", { fieldSetId, draftVersion: "0", field_agency_social_workers: "99" });
    expect(stale.status).toBe(409);
    expect((await s.db.select().from(returnDrafts).where(eq(returnDrafts.obligationId, obligationId)))[0].figures).toEqual({ agency_social_workers: 12 });
    // Another borough's member cannot see or send Barking and Dagenham's return.
    expect((await member.get(returnPath("2026-09-30"))).status).toBe(403);
    expect((await send("2026-09-30", "submit", { fieldSetId, field_agency_social_workers: "1", field_agency_spend: "1" }, member)).status).toBe(403);
  });

  it("is sent with every required answer, sent back with a reason, corrected and accepted; the figures show in the table and the CSV", async () => {
    const { fieldSetId } = await formOf("2026-09-30");
    const missing = await send("2026-09-30", "submit", { fieldSetId, field_agency_social_workers: "12" });
    expect(missing.status).toBe(400);
    expect(await pageText(missing)).toContain("Enter agency spend");
    expect(await s.db.select().from(returnDrafts).where(eq(returnDrafts.obligationId, obligationId))).toHaveLength(1); // nothing lost
    expect(await latestReturn("2026-09-30")).toBeUndefined();

    const answers = { field_agency_social_workers: "12", field_agency_spend: "£45,120.50", field_vacancy_rate: "14.5%", field_workforce_plan_agreed: "yes", field_outlook: "Steady" };
    expect((await send("2026-09-30", "submit", { fieldSetId, ...answers })).status).toBe(302);
    const first = await latestReturn("2026-09-30");
    expect(first.figures).toEqual({ agency_social_workers: 12, agency_spend: 4_512_050, vacancy_rate: 14.5, workforce_plan_agreed: true, outlook: "Steady" });
    expect(first.fieldSetId).toBe(fieldSetId);
    expect(await s.db.select().from(returnDrafts).where(eq(returnDrafts.obligationId, obligationId))).toHaveLength(0);
    // Sending again is refused: it is waiting for review.
    expect(await pageText(await send("2026-09-30", "submit", { fieldSetId, ...answers }))).toContain("A return for July to September 2026 was already submitted");

    // The secretariat sees the answers beside the review buttons, and sends it back.
    const review = await (await secretariat.get(base)).text();
    expect(review).toContain("£45,120.50");
    const version = review.match(new RegExp(`name="submissionId" value="${first.id}"/><input type="hidden" name="version" value="(\\d+)"`))![1];
    expect((await secretariat.post(base, { intent: "review", submissionId: first.id, version, decision: "returned", reason: "Agency spend should include the October invoice" })).status).toBe(302);

    // The borough reads why, and its answers are offered again to correct.
    const back = await formOf("2026-09-30");
    expect(await pageText(await rep.get(returnPath("2026-09-30")))).toContain("Sent back for changes: Agency spend should include the October invoice");
    expect(back.html).toMatch(/id="field_agency_spend"[^>]*value="45120.50"/);
    expect((await send("2026-09-30", "submit", { fieldSetId, ...answers, field_agency_spend: "47,380.05" })).status).toBe(302);
    const second = await latestReturn("2026-09-30");
    expect(second.id).not.toBe(first.id);
    const v2 = (await (await secretariat.get(base)).text()).match(new RegExp(`name="submissionId" value="${second.id}"/><input type="hidden" name="version" value="(\\d+)"`))![1];
    expect((await secretariat.post(base, { intent: "review", submissionId: second.id, version: v2, decision: "accepted" })).status).toBe(302);

    // One figure's table at a time: the first by default, the others by name.
    const page = await pageText(await secretariat.get(base));
    expect(page).toMatch(/Agency social workers \(workers\) Partner .*12 workers/);
    expect(page).not.toMatch(/Agency spend \(£\) Partner/);
    const spend = await pageText(await secretariat.get(`${base}?field=agency_spend`));
    expect(spend).toMatch(/Agency spend \(£\) Partner .*London Borough of Barking and Dagenham .*£47,380\.05/);
    expect(spend).not.toContain("£45,120.50"); // the return sent back is not a current figure
    expect((await secretariat.get(`${base}?field=nonsense%22%3E`)).status).toBe(200); // an unknown field shows the first

    const csv = await (await rep.get(`${base}/returns.csv`)).text();
    const [header, row, ...rest] = csv.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(header).toBe("Partner,Period ending,Due,Submitted on,Status,Fields version,Agency social workers,Agency spend,Vacancy rate,Workforce plan agreed,Outlook");
    expect(row).toBe(`London Borough of Barking and Dagenham,2026-09-30,2026-10-28,2026-11-22,Accepted,1,12,47380.05,14.5,Yes,Steady`);
    expect(rest).toEqual([]);
  });
});

describe("changing the fields", () => {
  it("makes a new version from the next period to begin; past returns and the period under way keep version 1", async () => {
    const version = await versionOf(secretariat, `${base}/fields`);
    const same = await secretariat.post(`${base}/fields`, fieldsForm(version, v1Rows.map((r, i) => ({ ...r, key: ["agency_social_workers", "agency_spend", "vacancy_rate", "workforce_plan_agreed", "outlook"][i] }))));
    expect(await pageText(same)).toContain("Nothing changed: these are the fields of version 1");

    // Renamed (same key, so the trend goes on), Outlook removed, Leavers added.
    const v2Rows: Row[] = [
      { ...v1Rows[0], key: "agency_social_workers" },
      { ...v1Rows[1], key: "agency_spend", label: "Spend on agency staff" },
      { ...v1Rows[2], key: "vacancy_rate" },
      { ...v1Rows[3], key: "workforce_plan_agreed" },
      { label: "Leavers", kind: "number", required: true },
    ];
    expect((await secretariat.post(`${base}/fields`, fieldsForm(version, v2Rows))).status).toBe(302);
    // The same form again is stale: someone saved in between.
    expect((await secretariat.post(`${base}/fields`, fieldsForm(version, v1Rows))).status).toBe(409);
    const sets = await fieldSets();
    expect(sets.map((x) => [x.number, x.appliesFrom])).toEqual([
      [1, "2026-06-30"],
      [2, "2027-03-31"],
    ]);
    const [event] = await s.db.select().from(auditEvents).where(and(eq(auditEvents.action, "obligation.fields"), eq(auditEvents.entityId, obligationId))).orderBy(asc(auditEvents.seq)).offset(1);
    expect(event.before).toMatchObject({ number: 1 });
    expect(event.after).toMatchObject({ number: 2, appliesFrom: "2027-03-31" });

    // The quarter under way still asks version 1's questions; the next asks version 2's.
    const now = await formOf("2026-12-31");
    expect(now.fieldSetId).toBe(sets[0].id);
    expect(now.html).toContain("Outlook (optional)");
    expect(now.html).not.toContain("Leavers");
    const next = await formOf("2027-03-31");
    expect(next.fieldSetId).toBe(sets[1].id);
    expect(next.html).toContain("Spend on agency staff");
    expect(next.html).not.toContain("Outlook");

    // A form opened on version 1 for a version 2 period is refused, not saved against the wrong fields.
    const wrongVersion = await send("2027-03-31", "submit", { fieldSetId: sets[0].id, field_agency_social_workers: "3", field_agency_spend: "1", field_leavers: "1" });
    expect(await pageText(wrongVersion)).toContain("The fields this return asks for have changed since the form was opened");

    // September's return is unchanged, with its Outlook answer, and blank for Leavers, which it was never asked.
    const csv = await (await secretariat.get(`${base}/returns.csv`)).text();
    const [header, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("Partner,Period ending,Due,Submitted on,Status,Fields version,Agency social workers,Spend on agency staff,Vacancy rate,Workforce plan agreed,Leavers,Outlook");
    expect(row).toBe("London Borough of Barking and Dagenham,2026-09-30,2026-10-28,2026-11-22,Accepted,1,12,47380.05,14.5,Yes,,Steady");
    const review = await latestReturn("2026-09-30");
    expect(review.fieldSetId).toBe(sets[0].id);
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("at the same moment, on PostgreSQL", () => {
  it("ten copies of a return sent at once record one", async () => {
    const { fieldSetId } = await formOf("2026-12-31");
    const clients = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const c = s.client();
        await c.signIn("rep@barking-dagenham.example");
        return c;
      }),
    );
    const answers = { field_agency_social_workers: "9", field_agency_spend: "30000" };
    const statuses = await Promise.all(clients.map((c) => send("2026-12-31", "submit", { fieldSetId, ...answers }, c).then((r) => r.status)));
    expect(statuses.filter((x) => x === 302)).toHaveLength(1);
    expect(statuses.filter((x) => x === 400)).toHaveLength(9);
    const [{ n }] = await s.db.select({ n: count() }).from(submissions).where(and(eq(submissions.obligationId, obligationId), eq(submissions.periodKey, "2026-12-31")));
    expect(n).toBe(1);
  });

  it("two new versions of the fields saved at once: one is saved, the other is told", async () => {
    const version = await versionOf(secretariat, `${base}/fields`);
    const other = s.client();
    await other.signIn("chair@nelcp.example");
    const [a, b] = await Promise.all([
      secretariat.post(`${base}/fields`, fieldsForm(version, [{ label: "Agency social workers", kind: "number", key: "agency_social_workers" }])),
      other.post(`${base}/fields`, fieldsForm(version, [{ label: "Leavers", kind: "number", key: "leavers" }])),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    expect((await fieldSets()).map((x) => x.number)).toEqual([1, 2, 3]);
  });
});
