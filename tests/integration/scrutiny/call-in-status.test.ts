import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, decisions, partnerships } from "../../../db/schema";
import { pageText, SCENARIO_TODAY, startTestServer, travelTo, type HttpClient, type TestServer } from "../../helpers/server";

// A decision's call-in status on its page, under the terms of reference in
// force when it was taken: the CIP's terms make key decisions subject to
// call-in for 5 working days (the council's rule); NELCP's make none.
// Today in the tests is Sunday 22 November 2026.

let s: TestServer;
let admin: HttpClient;
beforeAll(async () => {
  s = await startTestServer();
  admin = s.client();
  await admin.signIn("admin@platform.example");
});
afterAll(async () => {
  travelTo(SCENARIO_TODAY);
  await s?.close();
});

const outside = (changes: Record<string, string>) => ({
  kind: "outside",
  route: "written_procedure",
  outcome: "agreed",
  decidedOn: "2026-11-20",
  title: "Fund the family hubs' evening sessions",
  text: "The partnership funds evening sessions at the four family hubs for a year.",
  rationale: "",
  optionsConsidered: "",
  delegatedAuthority: "",
  financialImplicationGbp: "240000",
  financialNote: "",
  reviewDate: "",
  ...changes,
});

async function record(slug: string, form: Record<string, string>) {
  const res = await admin.post(`/p/${slug}/decisions/new`, form);
  expect(res.status, await res.clone().text()).toBe(302);
  const [p] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, slug));
  const [d] = await s.db.select().from(decisions).where(and(eq(decisions.partnershipId, p.id), eq(decisions.title, form.title))).orderBy(desc(decisions.createdAt)).limit(1);
  return d;
}

describe("a decision's call-in status", () => {
  it("a key decision published on a Friday may be called in for 5 working days and is not to be implemented before the next working day after", async () => {
    const d = await record("leicestershire-cip", outside({ keyDecision: "yes" }));
    expect(d.keyDecision).toBe(true);
    const text = await pageText(await admin.get(`/p/leicestershire-cip/decisions/${d.id}`));
    expect(text).toContain("Key decision Yes");
    // Fri 20 Nov: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27.
    expect(text).toContain("Not to be implemented before 30 November 2026. Scrutiny may call it in until 27 November 2026.");
    // The audit trail says it was a key decision.
    const [event] = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, d.id), eq(auditEvents.action, "decision.record")));
    expect(event.after).toMatchObject({ keyDecision: true, urgentReason: null });
    // On the last day it still may be called in; the next working day it may be implemented.
    travelTo("2026-11-27");
    expect(await pageText(await admin.get(`/p/leicestershire-cip/decisions/${d.id}`))).toContain("Scrutiny may call it in until 27 November 2026");
    travelTo("2026-11-30");
    expect(await pageText(await admin.get(`/p/leicestershire-cip/decisions/${d.id}`))).toContain("It may be implemented: it was not called in, and the call-in period ended before 30 November 2026.");
    travelTo(SCENARIO_TODAY);
  });

  it("an urgent key decision, and a decision that is not key, are not subject to it, and the page says why", async () => {
    const urgent = await record("leicestershire-cip", outside({ title: "Keep the Loughborough hub open over Christmas", keyDecision: "yes", urgentReason: "The hub would otherwise close on 24 December" }));
    const urgentText = await pageText(await admin.get(`/p/leicestershire-cip/decisions/${urgent.id}`));
    expect(urgentText).toContain("Urgent The hub would otherwise close on 24 December");
    expect(urgentText).toContain("Not subject to call-in. It was marked urgent: The hub would otherwise close on 24 December.");
    const minor = await record("leicestershire-cip", outside({ title: "Change the hubs' opening notice" }));
    expect(await pageText(await admin.get(`/p/leicestershire-cip/decisions/${minor.id}`))).toContain("Not subject to call-in. Only key decisions may be called in, and this is not one.");
  });

  it("under terms with no call-in, the page says nothing of it", async () => {
    const d = await record("nelcp", outside({ title: "Fund a second placement finder", keyDecision: "yes" }));
    const text = await pageText(await admin.get(`/p/nelcp/decisions/${d.id}`));
    expect(text).toContain("Key decision Yes");
    expect(text).not.toContain("Call-in");
    expect(text).not.toContain("Not to be implemented");
  });

  it("an over-long reason for urgency is refused on its field and nothing is recorded", async () => {
    const res = await admin.post("/p/leicestershire-cip/decisions/new", outside({ title: "Too urgent to explain", keyDecision: "yes", urgentReason: "x".repeat(1001) }));
    expect(res.status).toBe(400);
    expect(await pageText(res)).toMatch(/The reason it is urgent must be 1,?000 characters or fewer/);
    expect(await s.db.select().from(decisions).where(eq(decisions.title, "Too urgent to explain"))).toEqual([]);
  });
});
