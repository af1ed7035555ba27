import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAuditEvent } from "../../../app/audit/catalogue";
import { hashPassword } from "../../../app/areas/identity/public.server";
import { listRisks } from "../../../app/areas/risks/register.server";
import { verifyAuditTrail } from "../../../db/audit";
import { actions, auditEvents, decisions, organisations, partnerships, riskAppetites, riskControls, riskDecisions, riskReviews, risks, users } from "../../../db/schema";
import { formVersion, partnershipId, userId } from "../../helpers/pages";
import { DEMO_PASSWORD, type HttpClient, pageText, SCENARIO_TODAY, startTestServer, type TestServer } from "../../helpers/server";

// The shared risk register over HTTP: the secretariat raises a risk, its
// owner and their partner's representative review it, readers read it and
// are refused the rest, and every write is versioned and audited.

let s: TestServer;
const as: Record<string, HttpClient> = {};
const people = {
  secretariat: "secretariat@nelcp.example",
  chair: "chair@nelcp.example",
  owner: "m.bellamy@barking-dagenham.example", // Barking and Dagenham's board member
  rep: "rep@barking-dagenham.example", // Barking and Dagenham's representative
  member: "member@nelcp.example", // a board member for Newham
  observer: "observer@nelcp.example",
  cipChair: "c.langley@leics.example",
  scrutiny: "scrutiny@leics.example",
} as const;
let nelcp: string;
let bd: string;
let ownerId: string;

beforeAll(async () => {
  s = await startTestServer();
  // The demo signs in only its demo accounts: the risk's owner and the CIP's chair get passwords here.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const email of [people.owner, people.cipChair]) await s.db.update(users).set({ passwordHash }).where(eq(users.email, email));
  await Promise.all(
    Object.entries(people).map(async ([key, email]) => {
      as[key] = s.client();
      await as[key].signIn(email);
    }),
  );
  as.young = s.client();
  await as.young.signInPortal();
  nelcp = await partnershipId(s.db, "nelcp");
  [{ id: bd }] = await s.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "London Borough of Barking and Dagenham"));
  ownerId = await userId(s.db, people.owner);
});
afterAll(async () => {
  await s?.close();
});

/** A valid risk form: Barking and Dagenham's board member owns it; current 3 × 4 = 12, target 2 × 3 = 6. */
const riskForm = (over: Record<string, string> = {}) => ({
  title: "A block provider leaves the market",
  cause: "Rising staff costs and a small number of providers bidding for lot 2",
  event: "A provider holding several block beds gives notice",
  effect: "Children have to move placement, some far from home",
  // Demand: the demo's appetite for it is open (scores up to 12), so a 12 is raised without being escalated.
  category: "demand",
  ownerUserId: ownerId,
  ownerOrganisationId: bd,
  scope: "shared",
  raisedOn: "2026-11-01",
  reviewFrequency: "quarterly",
  inherentLikelihood: "4",
  inherentImpact: "5",
  currentLikelihood: "3",
  currentImpact: "4",
  targetLikelihood: "2",
  targetImpact: "3",
  targetDate: "2027-09-30",
  ...over,
});

async function createRisk(client: HttpClient, slug: string, form: Record<string, string>) {
  const res = await client.post(`/p/${slug}/risks/new`, form);
  expect(res.status, await res.clone().text().then((t) => t.slice(0, 300))).toBe(302);
  return res.headers.get("location")!.match(/\/risks\/([0-9a-f-]{36})/)![1];
}

const riskRow = async (id: string) => (await s.db.select().from(risks).where(eq(risks.id, id)))[0];
const riskCount = async () => (await s.db.select({ n: count() }).from(risks).where(eq(risks.partnershipId, nelcp)))[0].n;
const eventsOf = async (entityId: string) => s.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(asc(auditEvents.seq));

let riskId: string;
// The demo's NELCP register holds six risks (NELCP-R-001 to 006): those raised here follow.
const R1 = "NELCP-R-007";
const R2 = "NELCP-R-008";

describe("raising a risk", () => {
  it("refuses bad input precisely and saves nothing", async () => {
    const before = await riskCount();
    const empty = await as.secretariat.post("/p/nelcp/risks/new", { title: "", cause: "", event: "", effect: "", category: "", ownerUserId: "", ownerOrganisationId: "", scope: "shared", raisedOn: "", reviewFrequency: "quarterly" });
    expect(empty.status).toBe(400);
    const text = await pageText(empty);
    for (const message of [
      "Enter a short title for the risk",
      "Describe the cause: what could make this happen",
      "Choose the kind of risk",
      "Choose the person who owns the risk",
      "Enter the date the risk was raised",
      "Choose the current likelihood: how likely the risk is with today's controls",
    ])
      expect(text).toContain(message);

    const aboveCurrent = await as.secretariat.post("/p/nelcp/risks/new", riskForm({ currentLikelihood: "2", currentImpact: "3", targetLikelihood: "3", targetImpact: "4" }));
    expect(aboveCurrent.status).toBe(400);
    const html = await aboveCurrent.text();
    expect(await pageText(new Response(html))).toContain("The target score (12) is higher than the current score (6): set a target at or below the current score");
    expect(html).toContain('value="A block provider leaves the market"');

    const observerOwns = await as.secretariat.post("/p/nelcp/risks/new", riskForm({ ownerUserId: await userId(s.db, people.observer) }));
    expect(observerOwns.status).toBe(400);
    expect(await pageText(observerOwns)).toContain("observers, scrutiny members and young people cannot own a risk");
    const future = await as.secretariat.post("/p/nelcp/risks/new", riskForm({ raisedOn: "2027-01-01" }));
    expect(await pageText(future)).toContain("The date the risk was raised must be today or earlier");
    expect(await riskCount()).toBe(before);
  });

  it("the secretariat adds a risk: numbered, reviewed on its cadence, audited, and on the register", async () => {
    const page = await as.secretariat.get("/p/nelcp/risks/new");
    expect(page.status).toBe(200);
    const html = await page.text();
    // Every level's written definition sits beside its choice.
    expect(html).toContain("Almost certain");
    expect(html).toContain("more than 80% chance in the next year");
    expect(html).toContain("Severe");

    riskId = await createRisk(as.secretariat, "nelcp", riskForm());
    const row = await riskRow(riskId);
    expect(row).toMatchObject({ reference: R1, number: 7, status: "open", currentScore: 12, nextReviewOn: "2027-02-01", version: 1 });
    const [event] = await eventsOf(riskId);
    expect(event.action).toBe("risk.create");
    expect(describeAuditEvent(event, { actor: "Sam Secretariat" })).toBe(
      `Risk ${R1} “A block provider leaves the market” added to the register by Sam Secretariat, current score 12 (target 6), reviewed quarterly`,
    );

    const second = await createRisk(as.chair, "nelcp", riskForm({ title: "Co-investment is not matched", category: "financial", currentLikelihood: "2", currentImpact: "2", targetLikelihood: "1", targetImpact: "2" }));
    expect((await riskRow(second)).reference).toBe(R2);

    const register = await pageText(await as.member.get("/p/nelcp/risks"));
    expect(register).toContain(R1);
    expect(register).toContain("A block provider leaves the market");
    expect(register).toContain("12 Amber");
    expect(register).toContain("Marcus Bellamy, London Borough of Barking and Dagenham");
    expect(register).toContain("Review due on 1 February 2027");
    // Highest score first.
    expect(register.indexOf(R1)).toBeLessThan(register.indexOf(R2));
  });
});

describe("reviewing a risk", () => {
  const path = () => `/p/nelcp/risks/${riskId}`;

  it("shows the review form only to those who may review", async () => {
    for (const who of ["owner", "rep", "secretariat", "chair"]) expect(await pageText(await as[who].get(path())), who).toContain("Review the risk");
    for (const who of ["member", "observer"]) {
      const text = await pageText(await as[who].get(path()));
      expect(text, who).toContain("A block provider leaves the market");
      expect(text, who).not.toContain("Review the risk");
      expect(text, who).not.toContain("Change its status");
    }
  });

  it("refuses a review without commentary, or with a target above the new score, and saves nothing", async () => {
    const version = await formVersion(as.owner, path());
    const noCommentary = await as.owner.post(path(), { intent: "review", version, likelihood: "4", impact: "4", targetLikelihood: "", targetImpact: "", commentary: "  " });
    expect(noCommentary.status).toBe(400);
    expect(await pageText(noCommentary)).toContain("Say what has changed since the last review, and why the scores are what they are");
    const targetAbove = await as.owner.post(path(), { intent: "review", version, likelihood: "2", impact: "2", targetLikelihood: "3", targetImpact: "3", commentary: "Better" });
    expect(await pageText(targetAbove)).toContain("The target score (9) is higher than the current score (4)");
    // The target kept as it was (6) would be above a new current score of 4.
    const keptAbove = await as.owner.post(path(), { intent: "review", version, likelihood: "2", impact: "2", targetLikelihood: "", targetImpact: "", commentary: "Better" });
    expect(keptAbove.status).toBe(400);
    expect(await pageText(keptAbove)).toContain("The new current score (4) is below the target (6): choose a new target at or below the current score");
    expect(await s.db.select().from(riskReviews).where(eq(riskReviews.riskId, riskId))).toEqual([]);
    expect((await riskRow(riskId)).version).toBe(1);
  });

  it("the owner reviews it: the score moves, the next review moves, the history shows it, the trail says so", async () => {
    const version = await formVersion(as.owner, path());
    const res = await as.owner.post(path(), { intent: "review", version, likelihood: "4", impact: "4", targetLikelihood: "", targetImpact: "", commentary: "the provider gave notice" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("notice=risk-reviewed");
    const row = await riskRow(riskId);
    // 16 reaches the escalation threshold (15): the same save escalated it (a second version).
    expect(row).toMatchObject({ currentLikelihood: 4, currentImpact: 4, currentScore: 16, targetLikelihood: 2, targetImpact: 3, nextReviewOn: "2027-02-22", status: "escalated", version: 3 });
    const [review] = await s.db.select().from(riskReviews).where(eq(riskReviews.riskId, riskId));
    expect(review).toMatchObject({ reviewedOn: SCENARIO_TODAY, reviewedBy: ownerId, previousLikelihood: 3, previousImpact: 4, commentary: "the provider gave notice" });
    const events = await eventsOf(riskId);
    const last = events[events.length - 2];
    expect(last.action).toBe("risk.review");
    expect(events[events.length - 1].action).toBe("risk.escalate");
    expect(describeAuditEvent(last, { actor: "Marcus Bellamy" })).toBe(`Risk ${R1}'s current score 12 → 16 by Marcus Bellamy: “the provider gave notice”`);

    const text = await pageText(await as.observer.get(path()));
    expect(text).toContain("16 Red");
    expect(text).toContain("the provider gave notice");
    expect(text).toContain("Rising");
    expect(text).toContain("Review due on 22 February 2027");
    // 16 is at the escalation threshold (15): the reason is given.
    expect(text).toContain("Its current score of 16 is at or above the partnership's escalation threshold of 15.");
  });

  it("a review from an older version of the risk is refused as a conflict", async () => {
    const stale = await as.owner.post(path(), { intent: "review", version: "1", likelihood: "5", impact: "4", targetLikelihood: "", targetImpact: "", commentary: "Worse again" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(await pageText(new Response(html))).toContain("Someone else changed this risk while you were editing it");
    expect(html).toContain("Worse again");
    expect((await riskRow(riskId)).currentScore).toBe(16);
  });

  it("the owner's partner representative may review it, and change its target", async () => {
    const version = await formVersion(as.rep, path());
    const res = await as.rep.post(path(), { intent: "review", version, likelihood: "4", impact: "3", targetLikelihood: "2", targetImpact: "2", commentary: "A second provider offered beds" });
    expect(res.status).toBe(302);
    expect(await riskRow(riskId)).toMatchObject({ currentScore: 12, targetLikelihood: 2, targetImpact: 2 });
    const events = await eventsOf(riskId);
    expect(describeAuditEvent(events[events.length - 1], { actor: "Rep" })).toBe(`Risk ${R1}'s current score 16 → 12 and target 6 → 4 by Rep: “A second provider offered beds”`);
    const text = await pageText(await as.member.get(path()));
    expect(text).toContain("Falling");
  });

  it("a board member, an observer and scrutiny read but may neither review nor change; a young person gets nothing; another partnership gets a 404", async () => {
    const version = await formVersion(as.owner, path());
    const review = { intent: "review", version, likelihood: "1", impact: "1", targetLikelihood: "", targetImpact: "", commentary: "Not mine to review" };
    for (const who of ["member", "observer"]) {
      expect((await as[who].get(path())).status, who).toBe(200);
      const refused = await as[who].post(path(), review);
      expect(refused.status, who).toBe(403);
      expect(await refused.text(), who).toContain("Only the risk's owner, a representative of the partner that owns it, or the chair or secretariat can review this risk.");
      expect((await as[who].get(`${path()}/edit`)).status, who).toBe(403);
      expect((await as[who].post(`${path()}/edit`, riskForm({ version }))).status, who).toBe(403);
      expect((await as[who].post(path(), { intent: "status", version, toStatus: "closed", reason: "No" })).status, who).toBe(403);
      expect((await as[who].get("/p/nelcp/risks/new")).status, who).toBe(403);
    }
    expect((await as.owner.post(path(), { intent: "status", version, toStatus: "closed", reason: "Mine" })).status).toBe(403);
    // A young person has only a portal session: adults' pages ask them to sign in as an adult.
    for (const p of ["/p/nelcp/risks", path(), "/p/nelcp/risks/appetite"]) expect((await as.young.get(p)).headers.get("location") ?? "", p).toMatch(/^\/sign-in/);
    const posted = await as.young.post(path(), review);
    expect(posted.status).toBe(302);
    expect(posted.headers.get("location")).toMatch(/^\/sign-in/);

    // Scrutiny reads its own partnership's register.
    const cipRisk = await createRisk(as.cipChair, "leicestershire-cip", riskForm({ ownerUserId: await userId(s.db, "p.rowntree@leics.example"), ownerOrganisationId: (await s.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "Leicestershire County Council")))[0].id }));
    // The CIP's demo register holds three risks: numbering is per partnership, so this one is its fourth.
    expect((await riskRow(cipRisk)).reference).toBe("CIP-R-004");
    const cipPath = `/p/leicestershire-cip/risks/${cipRisk}`;
    expect((await as.scrutiny.get(cipPath)).status).toBe(200);
    expect(await pageText(await as.scrutiny.get(cipPath))).not.toContain("Review the risk");
    const cipVersion = await formVersion(as.cipChair, cipPath);
    expect((await as.scrutiny.post(cipPath, { ...review, version: cipVersion })).status).toBe(403);

    // Another partnership's chair: NELCP's risk is not in their register; NELCP's pages are not theirs.
    expect((await as.cipChair.get(`/p/leicestershire-cip/risks/${riskId}`)).status).toBe(404);
    expect((await as.cipChair.post(`/p/leicestershire-cip/risks/${riskId}`, { ...review, version })).status).toBe(404);
    expect((await as.cipChair.get(`/p/leicestershire-cip/risks/${riskId}/edit`)).status).toBe(404);
    expect((await as.cipChair.get(path())).status).toBe(403);
    expect((await riskRow(riskId)).version).toBe(Number(version));
  });
});

describe("changing a risk", () => {
  const path = () => `/p/nelcp/risks/${riskId}`;

  it("an edit is versioned and audited; a stale one is refused and what was typed is kept", async () => {
    const edit = `${path()}/edit`;
    const version = await formVersion(as.secretariat, edit);
    const row = await riskRow(riskId);
    const fields = riskForm({
      version,
      title: "A lot 2 provider leaves the market",
      currentLikelihood: String(row.currentLikelihood),
      currentImpact: String(row.currentImpact),
      targetLikelihood: "2",
      targetImpact: "2",
      reviewFrequency: "monthly",
      reason: "Narrowed to lot 2",
    });
    const saved = await as.secretariat.post(edit, fields);
    expect(saved.status).toBe(302);
    const after = await riskRow(riskId);
    // Monthly now: the next review is a month after the last review.
    expect(after).toMatchObject({ title: "A lot 2 provider leaves the market", reviewFrequency: "monthly", nextReviewOn: "2026-12-22", version: Number(version) + 1 });
    const events = await eventsOf(riskId);
    const last = events[events.length - 1];
    expect(last.action).toBe("risk.update");
    expect(describeAuditEvent(last, { actor: "Sam" })).toBe(
      `Risk ${R1} changed by Sam: title “A block provider leaves the market” → “A lot 2 provider leaves the market”; reviewed monthly; next review 22 February 2027 → 22 December 2026: “Narrowed to lot 2”`,
    );

    const stale = await as.chair.post(edit, { ...fields, title: "The chair's title" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(await pageText(new Response(html))).toContain("Someone else changed this risk while you were editing it");
    expect(html).toContain('value="The chair&#x27;s title"');
    expect((await riskRow(riskId)).title).toBe("A lot 2 provider leaves the market");
  });

  it("controls are added and changed (versioned); mitigating actions are real actions in their owner's list", async () => {
    const added = await as.secretariat.post(path(), { intent: "control", controlDescription: "Monthly contract meetings with each lot 2 provider", controlOwnerUserId: ownerId, effectiveness: "partly_effective" });
    expect(added.status).toBe(302);
    const [control] = await s.db.select().from(riskControls).where(eq(riskControls.riskId, riskId));
    expect(control).toMatchObject({ effectiveness: "partly_effective", version: 1 });
    const change = { intent: "control", controlId: control.id, version: "1", controlDescription: control.description, controlOwnerUserId: ownerId, effectiveness: "effective" };
    expect((await as.secretariat.post(path(), change)).status).toBe(302);
    const again = await as.chair.post(path(), { ...change, effectiveness: "ineffective" });
    expect(again.status).toBe(409);
    expect((await s.db.select().from(riskControls).where(eq(riskControls.id, control.id)))[0]).toMatchObject({ effectiveness: "effective", version: 2 });
    const controlEvents = await eventsOf(control.id);
    expect(controlEvents.map((e) => e.action)).toEqual(["risk_control.create", "risk_control.update"]);
    expect(describeAuditEvent(controlEvents[1], { actor: "Sam" })).toBe(`A control on risk ${R1} changed by Sam: partly effective → effective`);

    const noTitle = await as.secretariat.post(path(), { intent: "mitigation", title: "", ownerUserId: ownerId, organisationId: bd, dueDate: "2027-01-31", description: "" });
    expect(noTitle.status).toBe(400);
    expect(await pageText(noTitle)).toContain("Enter what needs to be done");
    const planned = await as.secretariat.post(path(), { intent: "mitigation", title: "Agree a retention payment with the lot 2 provider", ownerUserId: ownerId, organisationId: bd, dueDate: "2027-01-31", description: "" });
    expect(planned.status).toBe(302);
    const [action] = await s.db.select().from(actions).where(eq(actions.riskId, riskId));
    expect(action).toMatchObject({ title: "Agree a retention payment with the lot 2 provider", ownerUserId: ownerId, status: "open", partnershipId: nelcp });
    expect((await eventsOf(action.id)).map((e) => e.action)).toEqual(["action.create"]);
    const mine = await pageText(await as.owner.get("/actions"));
    expect(mine).toContain("Agree a retention payment with the lot 2 provider");
    const page = await pageText(await as.member.get(path()));
    expect(page).toContain("Agree a retention payment with the lot 2 provider");
    expect(page).toContain("Monthly contract meetings with each lot 2 provider");
    expect(page).toContain("The open mitigating action is due by the target date of 30 September 2027.");
    expect(await pageText(await as.member.get(`/p/nelcp/actions/${action.id}`))).toContain(`${R1}: A lot 2 provider leaves the market`);
  });

  it("decisions are linked by reference", async () => {
    const [agreed] = await s.db.select().from(decisions).where(and(eq(decisions.partnershipId, nelcp), eq(decisions.status, "agreed"))).limit(1);
    const unknown = await as.secretariat.post(path(), { intent: "link", decisionReference: "NELCP-1999-999" });
    expect(unknown.status).toBe(400);
    expect(await pageText(unknown)).toContain("There is no decision NELCP-1999-999 in this partnership's log");
    expect((await as.secretariat.post(path(), { intent: "link", decisionReference: agreed.reference.toLowerCase() })).status).toBe(302);
    const twice = await as.secretariat.post(path(), { intent: "link", decisionReference: agreed.reference });
    expect(await pageText(twice)).toContain(`Decision ${agreed.reference} is already linked to this risk`);
    expect(await s.db.select().from(riskDecisions).where(eq(riskDecisions.riskId, riskId))).toHaveLength(1);
    expect(await pageText(await as.observer.get(path()))).toContain(agreed.reference);
  });

  it("a transfer needs where and why; a transferred risk is not reviewed until it is reopened", async () => {
    let version = await formVersion(as.secretariat, path());
    const nowhere = await as.secretariat.post(path(), { intent: "status", version, toStatus: "transferred", reason: "", transferredToOrganisationId: "", transferredToRegister: "" });
    expect(nowhere.status).toBe(400);
    const text = await pageText(nowhere);
    expect(text).toContain("Say why the status is changing");
    expect(text).toContain("Choose the partner whose register the risk moves to");
    expect(text).toContain("Enter the register the risk moves to");
    const moved = await as.secretariat.post(path(), { intent: "status", version, toStatus: "transferred", reason: "Only Barking and Dagenham carries it now", transferredToOrganisationId: bd, transferredToRegister: "the council's corporate risk register" });
    expect(moved.status).toBe(302);
    expect(await riskRow(riskId)).toMatchObject({ status: "transferred", transferredToOrganisationId: bd, transferredToRegister: "the council's corporate risk register", transferReason: "Only Barking and Dagenham carries it now" });
    const events = await eventsOf(riskId);
    expect(describeAuditEvent(events[events.length - 1], { actor: "Sam" })).toBe(
      `Risk ${R1} escalated to the board → transferred to a partner's register by Sam (to the council's corporate risk register): “Only Barking and Dagenham carries it now”`,
    );
    version = String((await riskRow(riskId)).version);
    const refused = await as.secretariat.post(path(), { intent: "review", version, likelihood: "2", impact: "2", targetLikelihood: "1", targetImpact: "1", commentary: "Quieter" });
    expect(refused.status).toBe(400);
    expect(await pageText(refused)).toContain("This risk is transferred to a partner's register, so it is no longer reviewed here: reopen it first");
    const escalate = await as.secretariat.post(path(), { intent: "status", version, toStatus: "escalated", reason: "Back to the board" });
    expect(await pageText(escalate)).toContain("A risk that is transferred to a partner's register can only become open");
    expect((await as.secretariat.post(path(), { intent: "status", version, toStatus: "open", reason: "The council handed it back" })).status).toBe(302);
    expect(await riskRow(riskId)).toMatchObject({ status: "open", transferredToOrganisationId: null, transferredToRegister: null });
  });
});

describe("the appetite", () => {
  it("is approved by an agreed decision of the partnership's own log, and flags risks above it", async () => {
    const demoAppetite = await s.db.select().from(riskAppetites).where(eq(riskAppetites.partnershipId, nelcp));
    const cipProposal = await as.cipChair.post("/p/leicestershire-cip/decisions/new", { kind: "proposal", title: "Adopt a risk appetite", text: "The board adopts a risk appetite.", rationale: "", optionsConsidered: "", meetingId: "" });
    const cipDecision = cipProposal.headers.get("location")!.match(/\/decisions\/([0-9a-f-]{36})/)![1];
    const elsewhere = await as.chair.post("/p/nelcp/risks/appetite", { decisionId: cipDecision, "appetite-service_delivery": "averse" });
    expect(elsewhere.status).toBe(400);
    expect(await pageText(elsewhere)).toContain("Choose an agreed decision from this partnership's decision log");
    const proposal = await as.chair.post("/p/nelcp/decisions/new", { kind: "proposal", title: "Adopt the risk appetite", text: "The board adopts the appetite.", rationale: "", optionsConsidered: "", meetingId: "" });
    const proposed = proposal.headers.get("location")!.match(/\/decisions\/([0-9a-f-]{36})/)![1];
    const notAgreed = await as.chair.post("/p/nelcp/risks/appetite", { decisionId: proposed, "appetite-service_delivery": "averse" });
    expect(await pageText(notAgreed)).toContain("is not agreed: choose the agreed decision that approved this appetite");
    const nothing = await as.chair.post("/p/nelcp/risks/appetite", { decisionId: proposed });
    expect(await pageText(nothing)).toContain("Choose an appetite level for at least one category of risk");
    expect(await s.db.select().from(riskAppetites).where(eq(riskAppetites.partnershipId, nelcp))).toEqual(demoAppetite);

    const [agreed] = await s.db.select().from(decisions).where(and(eq(decisions.partnershipId, nelcp), eq(decisions.status, "agreed"))).limit(1);
    expect((await as.observer.post("/p/nelcp/risks/appetite", { decisionId: agreed.id, "appetite-service_delivery": "averse" })).status).toBe(403);
    const approved = await as.chair.post("/p/nelcp/risks/appetite", { decisionId: agreed.id, "appetite-service_delivery": "cautious", "appetite-financial": "open", "appetite-demand": "cautious" });
    expect(approved.status).toBe(302);
    const rows = await s.db.select().from(riskAppetites).where(eq(riskAppetites.partnershipId, nelcp)).orderBy(asc(riskAppetites.category));
    // The three categories chosen change; the demo's others stay as they were.
    expect(rows.filter((r) => ["demand", "financial", "service_delivery"].includes(r.category)).map((r) => [r.category, r.level, r.approvedByDecisionId])).toEqual([
      ["demand", "cautious", agreed.id],
      ["financial", "open", agreed.id],
      ["service_delivery", "cautious", agreed.id],
    ]);
    const others = (list: typeof rows) =>
      list
        .filter((r) => !["demand", "financial", "service_delivery"].includes(r.category))
        .map((r) => [r.category, r.level, r.approvedByDecisionId])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(others(rows)).toEqual(others(demoAppetite));
    // The latest approval (the demo's own came first).
    const event = await eventsOf(nelcp).then((all) => all.filter((e) => e.action === "risk_appetite.approve").at(-1)!);
    expect(describeAuditEvent(event, { actor: "Chair" })).toMatch(new RegExp(`^The partnership's risk appetite approved by decision ${agreed.reference} on .+, recorded by Chair: service delivery cautious; financial cautious → open; demand open → cautious; workforce open; safeguarding minimal; partnership relationship cautious$`));

    const appetite = await pageText(await as.observer.get("/p/nelcp/risks/appetite"));
    expect(appetite).toContain("Service delivery Cautious 9");
    expect(appetite).toContain(agreed.reference);
    // The risk raised above scores 12: above a cautious appetite (9).
    const page = await pageText(await as.member.get(`/p/nelcp/risks/${riskId}`));
    expect(page).toContain("Above appetite");
    expect(page).toContain("A current score of 12 is above the partnership's cautious appetite for demand risks, which tolerates scores up to 9.");
    const above = await pageText(await as.member.get("/p/nelcp/risks?appetite=above"));
    expect(above).toContain(R1);
    expect(above).not.toContain(R2);
  });
});

describe("the register's filters and pages", () => {
  it("filters by band, category, partner and overdue review, and pages by score", async () => {
    const overdue = await createRisk(as.secretariat, "nelcp", riskForm({ title: "Monthly returns stop arriving", category: "data_information", raisedOn: "2026-01-05", reviewFrequency: "monthly", currentLikelihood: "5", currentImpact: "5", targetLikelihood: "2", targetImpact: "2" }));
    const red = await pageText(await as.member.get("/p/nelcp/risks?band=red"));
    expect(red).toContain("Monthly returns stop arriving");
    expect(red).not.toContain(R2);
    const reviews = await pageText(await as.member.get("/p/nelcp/risks?review=overdue"));
    expect(reviews).toContain("Monthly returns stop arriving");
    expect(reviews).toContain("more than a month overdue");
    expect(reviews).not.toContain(R1);
    expect(await pageText(await as.member.get("/p/nelcp/risks?category=financial"))).toContain("Co-investment is not matched");
    expect(await pageText(await as.member.get(`/p/nelcp/risks?partner=${bd}&band=green`))).toContain("2 risks,"); // with the demo's own

    const [p] = await s.db.select().from(partnerships).where(eq(partnerships.id, nelcp));
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await listRisks(s.db, p, { after }, SCENARIO_TODAY, 1);
      seen.push(...page.rows.map((r) => `${r.risk.reference}:${r.score}`));
      if (!page.next) break;
      after = page.next;
    }
    // Every live risk once, highest current score first, the newest first within a score: the demo's and those raised here.
    const live = await s.db
      .select({ reference: risks.reference, score: risks.currentScore })
      .from(risks)
      .where(and(eq(risks.partnershipId, nelcp), inArray(risks.status, ["open", "escalated"])))
      .orderBy(desc(risks.currentScore), desc(risks.number));
    expect(seen).toEqual(live.map((r) => `${r.reference}:${r.score}`));
    const overdueRef = (await riskRow(overdue)).reference;
    expect(seen.filter((x) => [overdueRef, R1, R2].some((r) => x.startsWith(`${r}:`)))).toEqual([`${overdueRef}:25`, `${R1}:12`, `${R2}:4`]);
  });

  it("risks raised at the same moment each get their own number", async () => {
    const before = await riskCount();
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => as[i % 2 ? "chair" : "secretariat"].post("/p/nelcp/risks/new", riskForm({ title: `Raised at once ${i}` }))));
    expect(made.map((r) => r.status)).toEqual(Array(6).fill(302));
    const rows = await s.db.select({ number: risks.number, reference: risks.reference }).from(risks).where(eq(risks.partnershipId, nelcp)).orderBy(asc(risks.number));
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: before + 6 }, (_, i) => i + 1));
    expect(rows[rows.length - 1].reference).toBe(`NELCP-R-${String(before + 6).padStart(3, "0")}`);
  });

  it("every write appended its catalogued audit event, and the chain holds", async () => {
    const counts = await s.db.select({ action: auditEvents.action, n: count() }).from(auditEvents).where(eq(auditEvents.entityId, riskId)).groupBy(auditEvents.action);
    expect(Object.fromEntries(counts.map((c) => [c.action, c.n]))).toEqual({
      "risk.create": 1,
      "risk.review": 2,
      "risk.update": 1,
      "risk.mitigation": 1,
      "risk.link_decision": 1,
      "risk.escalate": 1,
      "risk.status": 2,
    });
    expect((await verifyAuditTrail(s.db)).ok).toBe(true);
  });
});
