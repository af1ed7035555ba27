import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, callIns, callInSignatures, decisions, partnerships, users } from "../../../db/schema";
import { pageText, SCENARIO_TODAY, startTestServer, travelTo, type HttpClient, type TestServer } from "../../helpers/server";

// Calling a decision in, as the CIP's terms of reference set it (the council's
// rule: key decisions, 5 working days, 2 scrutiny members, grounds required,
// considered within 15 and reconsidered within 10 working days). Today in the
// tests is Sunday 22 November 2026.

let s: TestServer;
let chair: HttpClient; // the CIP's co-chair
let ashdown: HttpClient; // a scrutiny member
let whitmore: HttpClient; // the scrutiny committee's chair, also a member
let cipId: string;

beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("c.langley@leics.example");
  ashdown = s.client();
  await ashdown.signIn("scrutiny@leics.example");
  whitmore = s.client();
  await whitmore.signIn("scrutiny-chair@leics.example");
  [{ id: cipId }] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, "leicestershire-cip"));
});
afterAll(async () => {
  travelTo(SCENARIO_TODAY);
  await s?.close();
});

/** The version in the form for this intent on the page (the page has several forms, each with its own). */
async function formVersion(client: HttpClient, path: string, intent: string) {
  const html = await (await client.get(path)).text();
  const at = html.indexOf(`value="${intent}"`);
  expect(at, `a ${intent} form on ${path}`).toBeGreaterThan(0);
  return html.slice(at).match(/name="version" value="(\d+)"/)![1];
}

let n = 0;
/** A key decision of the CIP, agreed by written procedure on Friday 20 November 2026. */
async function keyDecision(changes: Record<string, string> = {}) {
  const form = {
    kind: "outside",
    route: "written_procedure",
    outcome: "agreed",
    decidedOn: "2026-11-20",
    title: `Open a second Leicestershire children's home ${++n}`,
    text: "The partnership opens a second four-bed children's home in Leicestershire, run by Barnardo's.",
    keyDecision: "yes",
    ...changes,
  };
  const title = form.title;
  const res = await chair.post("/p/leicestershire-cip/decisions/new", form);
  expect(res.status, await res.clone().text()).toBe(302);
  const [d] = await s.db.select().from(decisions).where(and(eq(decisions.partnershipId, cipId), eq(decisions.title, title)));
  return { id: d.id, reference: d.reference, path: `/p/leicestershire-cip/decisions/${d.id}` };
}

describe("calling a decision in", () => {
  it("the demo has the residential hub's mobilisation called in and referred back, waiting for the board", async () => {
    const [hub] = await s.db.select().from(decisions).where(and(eq(decisions.partnershipId, cipId), eq(decisions.title, "Mobilise the residential hub from Service Design Brief 1")));
    const page = await pageText(await ashdown.get(`/p/leicestershire-cip/decisions/${hub.id}`));
    expect(page).toContain("Key decision Yes");
    expect(page).toMatch(/Referred back: not to be implemented\. To be reconsidered by \d+ [A-Z][a-z]+ \d{4}\./);
    expect(page).toContain("Signed by Cllr Martin Ashdown");
    expect(page).toContain("Cllr Janet Whitmore");
    expect(page).toContain("Share the financial model's assumptions with the committee");
    // The chair is offered the board's reconsideration; the scrutiny member is not.
    expect(await pageText(await chair.get(`/p/leicestershire-cip/decisions/${hub.id}`))).toContain("Record the board's reconsideration");
    expect(page).not.toContain("Record the board's reconsideration");
  });

  it("two scrutiny members' signatures call it in; the committee refers it back; the board changes it by a new decision", async () => {
    const d = await keyDecision();
    // Grounds are required by the CIP's rule.
    const noGrounds = await ashdown.post(d.path, { intent: "call_in", grounds: "  " });
    expect(noGrounds.status).toBe(400);
    expect(await pageText(noGrounds)).toContain("Give the grounds for calling the decision in");
    expect(await s.db.select().from(callIns).where(eq(callIns.decisionId, d.id))).toEqual([]);

    const started = await ashdown.post(d.path, { intent: "call_in", grounds: "Providers in the county were not asked whether they could run it." });
    expect(started.status).toBe(302);
    let page = await pageText(await whitmore.get(d.path));
    expect(page).toContain("Signatures 1 of the 2 needed, by 27 November 2026");
    expect(page).toContain("Cllr Martin Ashdown");
    // Still only in its period: not yet suspended.
    expect(page).toContain("Not to be implemented before 30 November 2026");
    // The same member cannot sign twice; the form is not even offered to them.
    expect(await pageText(await ashdown.get(d.path))).not.toContain("Add my signature");
    expect((await ashdown.post(d.path, { intent: "sign_call_in" })).status).toBe(400);

    travelTo("2026-11-24");
    expect((await whitmore.post(d.path, { intent: "sign_call_in" })).status).toBe(302);
    page = await pageText(await chair.get(d.path));
    expect(page).toContain("Called in: not to be implemented. To be considered by 15 December 2026.");
    expect(page).toContain("Called in 24 November 2026");

    // The committee refers it back: recommendations are required.
    const v1 = await formVersion(chair, d.path, "consider_call_in");
    const bare = await chair.post(d.path, { intent: "consider_call_in", version: v1, outcome: "referred_back", consideredOn: "2026-11-24", recommendations: "" });
    expect(bare.status).toBe(400);
    expect(await pageText(bare)).toContain("Give the committee's recommendations to the board");
    const early = await chair.post(d.path, { intent: "consider_call_in", version: v1, outcome: "referred_back", consideredOn: "2026-11-23", recommendations: "Ask the county's providers first." });
    expect(await pageText(early)).toContain("The committee cannot have considered it before it was called in on 24 November 2026");
    expect((await chair.post(d.path, { intent: "consider_call_in", version: v1, outcome: "referred_back", consideredOn: "2026-11-24", recommendations: "Ask the county's providers first." })).status).toBe(302);
    // A second, stale submission of the same form is told someone changed it.
    expect((await chair.post(d.path, { intent: "consider_call_in", version: v1, outcome: "no_further_action", consideredOn: "2026-11-24", recommendations: "" })).status).toBe(400);
    page = await pageText(await ashdown.get(d.path));
    expect(page).toContain("Referred back: not to be implemented. To be reconsidered by 8 December 2026.");
    expect(page).toContain("Ask the county's providers first.");

    // The board changes it: the new decision is named by its reference.
    const replacement = await keyDecision({ title: "Open a second children's home after consulting county providers", keyDecision: "" });
    const v2 = await formVersion(chair, d.path, "reconsider_call_in");
    const unknown = await chair.post(d.path, { intent: "reconsider_call_in", version: v2, outcome: "changed", reconsideredOn: "2026-11-24", newDecision: "CIP-1999-999" });
    expect(await pageText(unknown)).toContain("There is no decision CIP-1999-999 in this partnership's log");
    expect((await chair.post(d.path, { intent: "reconsider_call_in", version: v2, outcome: "changed", reconsideredOn: "2026-11-24", newDecision: replacement.reference.toLowerCase() })).status).toBe(302);
    page = await pageText(await ashdown.get(d.path));
    expect(page).toContain("Reconsidered and changed by a new decision.");
    expect(page).toContain(`Changed by ${replacement.reference}`);

    // Every step is in the audit trail, in sentences.
    const trail = await pageText(await ashdown.get("/p/leicestershire-cip/audit?type=call_in"));
    expect(trail).toContain(`Cllr Martin Ashdown started a call-in of decision ${d.reference}, on the grounds “Providers in the county were not asked whether they could run it.”, with 1 signature so far`);
    expect(trail).toContain(`Cllr Janet Whitmore signed the call-in of decision ${d.reference} (2 signatures): it is called in and suspended from 24 November 2026`);
    expect(trail).toContain(`The call-in of decision ${d.reference} considered on 24 November 2026, recorded by Catherine Langley: referred back to the board with the recommendations “Ask the county's providers first.”`);
    expect(trail).toContain(`The board reconsidered decision ${d.reference} on 24 November 2026, recorded by Catherine Langley: changed by a new decision`);
    travelTo(SCENARIO_TODAY);
  });

  it("no further action lets it be implemented; the period's end closes the door to a late call-in", async () => {
    const d = await keyDecision();
    await ashdown.post(d.path, { intent: "call_in", grounds: "The cost was not in the budget report." });
    await whitmore.post(d.path, { intent: "sign_call_in" });
    const v = await formVersion(chair, d.path, "consider_call_in");
    travelTo("2026-11-25");
    expect((await chair.post(d.path, { intent: "consider_call_in", version: v, outcome: "no_further_action", consideredOn: "2026-11-25", recommendations: "" })).status).toBe(302);
    expect(await pageText(await ashdown.get(d.path))).toContain("It may be implemented");

    const late = await keyDecision();
    travelTo("2026-11-30");
    const tooLate = await ashdown.post(late.path, { intent: "call_in", grounds: "Too late?" });
    expect(tooLate.status).toBe(400);
    expect(await pageText(tooLate)).toContain("The call-in period ended on 27 November 2026, so it can no longer be called in");
    travelTo(SCENARIO_TODAY);
  });

  it("the scrutiny committee's chair, recorded on the partnership, calls a decision in alone, as the CIP's rule allows", async () => {
    const d = await keyDecision();
    expect((await whitmore.post(d.path, { intent: "call_in", grounds: "The hub's running costs were not in the budget report." })).status).toBe(302);
    const [row] = await s.db.select().from(callIns).where(eq(callIns.decisionId, d.id));
    expect(row).toMatchObject({ status: "called_in", calledInOn: SCENARIO_TODAY });
    expect(await pageText(await ashdown.get(d.path))).toContain("Called in: not to be implemented.");
    // Only one of the partnership's scrutiny members can be recorded as the committee's chair.
    const edit = await chair.get("/p/leicestershire-cip/edit");
    const html = await edit.text();
    const version = html.match(/name="version" value="(\d+)"/)![1];
    const form = Object.fromEntries([...html.matchAll(/<(?:input|textarea)[^>]*name="([^"]+)"[^>]*?(?:value="([^"]*)")?[^>]*>/g)].map((m) => [m[1], m[2] ?? ""]));
    const [{ leadOrganisationId }] = await s.db.select({ leadOrganisationId: partnerships.leadOrganisationId }).from(partnerships).where(eq(partnerships.id, cipId));
    const refused = await chair.post("/p/leicestershire-cip/edit", {
      ...form,
      version,
      name: "Leicestershire Children's Innovation Partnership",
      shortName: "CIP",
      purpose: "Design services with children and families.",
      type: "innovation_partnership",
      status: "active",
      startDate: "2018-12-01",
      leadOrganisationId: leadOrganisationId ?? "",
      scrutinyChairUserId: (await s.db.select({ id: users.id }).from(users).where(eq(users.email, "c.langley@leics.example")))[0].id,
    });
    expect(refused.status).toBe(400);
    expect(await pageText(refused)).toContain("Choose the committee's chair from the partnership's scrutiny members");
  });

  it("a decision that is not key, or urgent, cannot be called in; nor can anyone but a scrutiny member call one in", async () => {
    const minor = await keyDecision({ keyDecision: "" });
    const refused = await ashdown.post(minor.path, { intent: "call_in", grounds: "We object." });
    expect(await pageText(refused)).toContain("This decision cannot be called in. Only key decisions may be called in, and this is not one.");
    const urgent = await keyDecision({ urgentReason: "The lease must be signed this week" });
    expect(await pageText(await ashdown.post(urgent.path, { intent: "call_in", grounds: "We object." }))).toContain("It was marked urgent: The lease must be signed this week");
    const d = await keyDecision();
    expect((await chair.post(d.path, { intent: "call_in", grounds: "The chair may not." })).status).toBe(403);
    const admin = s.client();
    await admin.signIn("admin@platform.example");
    expect((await admin.post(d.path, { intent: "call_in", grounds: "Nor an administrator." })).status).toBe(403);
    // And a scrutiny member cannot record what the committee decided: that is the chair's or secretariat's record.
    expect((await ashdown.post(d.path, { intent: "consider_call_in", version: "1", outcome: "no_further_action", consideredOn: "2026-11-22" })).status).toBe(403);
    // Another partnership's scrutiny member cannot reach it at all.
    const nelcpChair = s.client();
    await nelcpChair.signIn("chair@nelcp.example");
    expect((await nelcpChair.post(d.path, { intent: "call_in", grounds: "x" })).status).toBe(403);
  });

  it("two members starting a call-in of the same decision at the same moment start one", async () => {
    const d = await keyDecision();
    const second = s.client();
    await second.signIn("scrutiny@leics.example");
    const results = await Promise.all([ashdown.post(d.path, { intent: "call_in", grounds: "First grounds." }), second.post(d.path, { intent: "call_in", grounds: "Same member, other tab." })]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await s.db.select().from(callIns).where(eq(callIns.decisionId, d.id))).toHaveLength(1);
    expect(await pageText(results.find((r) => r.status === 400)!)).toContain("A call-in of this decision has already been started: add your signature to it");
  });

  it("two signatures sent at the same moment call it in once, and a repeated signature records once", async () => {
    const d = await keyDecision();
    await ashdown.post(d.path, { intent: "call_in", grounds: "The home's site was not in the plan." });
    const third = s.client();
    await third.signIn("scrutiny@leics.example");
    const results = await Promise.all([whitmore.post(d.path, { intent: "sign_call_in" }), whitmore.post(d.path, { intent: "sign_call_in" }), third.post(d.path, { intent: "sign_call_in" })]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400, 400]);
    const [row] = await s.db.select().from(callIns).where(eq(callIns.decisionId, d.id));
    expect(row.status).toBe("called_in");
    expect(await s.db.select().from(callInSignatures).where(eq(callInSignatures.callInId, row.id))).toHaveLength(2);
    const events = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, "call_in.sign")));
    expect(events).toHaveLength(1);
  });
});
