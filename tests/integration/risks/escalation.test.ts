import { and, asc, count, eq, gte, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAuditEvent } from "../../../app/audit/catalogue";
import { hashPassword } from "../../../app/areas/identity/public.server";
import { escalateRisks } from "../../../app/areas/risks/public.server";
import { londonTimeToInstant } from "../../../app/platform/time/dates";
import { verifyAuditTrail } from "../../../db/audit";
import { agendaItems, auditEvents, meetings, organisations, riskDecisions, riskEscalations, risks, users } from "../../../db/schema";
import { decisionForm, markAttendance, nelcpQuorum, scheduleMeeting } from "../../helpers/meetings";
import { formVersion, partnershipId, userId } from "../../helpers/pages";
import { DEMO_PASSWORD, type HttpClient, pageText, SCENARIO_TODAY, startTestServer, travelTo, type TestServer } from "../../helpers/server";

// A risk that reaches the escalation threshold, leaves its appetite or falls
// more than a cycle behind on its review goes to the board: on the next board
// meeting's agenda as an item for decision, put back once at most with a
// reason, and linked to the decision the board takes on it. (The demo's NELCP
// register holds six risks: the first raised here is NELCP-R-007.)

let s: TestServer;
const as: Record<string, HttpClient> = {};
const people = {
  secretariat: "secretariat@nelcp.example",
  chair: "chair@nelcp.example",
  rep: "rep@barking-dagenham.example",
  member: "member@nelcp.example",
  observer: "observer@nelcp.example",
} as const;
let nelcp: string;
let bd: string;
let ownerId: string;
let riskId: string;
const path = () => `/p/nelcp/risks/${riskId}`;

const riskForm = (over: Record<string, string> = {}) => ({
  title: "Providers will not bid under the block contract",
  cause: "Block prices below what providers say a placement costs",
  event: "No compliant bids for lot 4 at the next tender",
  effect: "Children placed through spot purchase, at higher cost and further from home",
  // Legal and contractual: NELCP's demo appetite sets none for it, so the threshold alone decides.
  category: "legal_contractual",
  ownerUserId: ownerId,
  ownerOrganisationId: bd,
  scope: "shared",
  raisedOn: SCENARIO_TODAY,
  reviewFrequency: "quarterly",
  inherentLikelihood: "4",
  inherentImpact: "4",
  currentLikelihood: "3",
  currentImpact: "4",
  targetLikelihood: "2",
  targetImpact: "3",
  targetDate: "",
  ...over,
});

beforeAll(async () => {
  s = await startTestServer();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await s.db.update(users).set({ passwordHash }).where(eq(users.email, "m.bellamy@barking-dagenham.example"));
  await Promise.all(
    Object.entries(people).map(async ([key, email]) => {
      as[key] = s.client();
      await as[key].signIn(email);
    }),
  );
  nelcp = await partnershipId(s.db, "nelcp");
  [{ id: bd }] = await s.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "London Borough of Barking and Dagenham"));
  ownerId = await userId(s.db, "m.bellamy@barking-dagenham.example");
  // Two board meetings ahead (besides any the demo has arranged), and a steering group the escalation must pass over.
  await scheduleMeeting(as.chair, "nelcp", { date: "2026-11-27", type: "steering_group", title: "Steering group" });
  await scheduleMeeting(as.chair, "nelcp", { date: "2026-12-03", title: "December board" });
  await scheduleMeeting(as.chair, "nelcp", { date: "2027-01-07", title: "January board" });
  const made = await as.secretariat.post("/p/nelcp/risks/new", riskForm());
  expect(made.status).toBe(302);
  riskId = made.headers.get("location")!.match(/\/risks\/([0-9a-f-]{36})/)![1];
});
afterAll(async () => {
  travelTo(SCENARIO_TODAY);
  await s?.close();
});

/** NELCP's board meetings from a day on, not cancelled, earliest first. */
const boardMeetingsFrom = (day: string) =>
  s.db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.partnershipId, nelcp), eq(meetings.type, "board"), isNull(meetings.cancelledAt), gte(meetings.startsAt, londonTimeToInstant(day, "00:00"))))
    .orderBy(asc(meetings.startsAt));
const escalationsOf = (id: string) => s.db.select().from(riskEscalations).where(eq(riskEscalations.riskId, id));
const riskItemsOn = (meetingId: string, id = riskId) => s.db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.riskId, id)));
const review = async (client: HttpClient, likelihood: string, impact: string, commentary: string) =>
  client.post(path(), { intent: "review", version: await formVersion(client, path()), likelihood, impact, targetLikelihood: "", targetImpact: "", commentary });

describe("escalating to the board", () => {
  it("a score below the threshold stays off the agenda", async () => {
    expect((await s.db.select().from(risks).where(eq(risks.id, riskId)))[0].status).toBe("open");
    expect(await escalationsOf(riskId)).toEqual([]);
  });

  it("a review that reaches the threshold escalates the risk onto the next board meeting's agenda, as an item for decision", async () => {
    const res = await review(as.rep, "4", "4", "Two providers have said they will not bid at the block price");
    expect(res.status).toBe(302);
    const [next] = await boardMeetingsFrom(SCENARIO_TODAY);
    const [e] = await escalationsOf(riskId);
    expect(e).toMatchObject({ meetingId: next.id, escalatedOn: SCENARIO_TODAY, deferrals: 0, decisionId: null });
    expect(e.reasons).toEqual(["Its current score of 16 is at or above the partnership's escalation threshold of 15."]);
    const [item] = await riskItemsOn(next.id);
    expect(item).toMatchObject({ id: e.agendaItemId, purpose: "decision", title: "Escalated risk NELCP-R-007: Providers will not bid under the block contract" });
    expect((await s.db.select().from(risks).where(eq(risks.id, riskId)))[0].status).toBe("escalated");

    const page = await pageText(await as.observer.get(path()));
    expect(page).toContain("Escalations to the board");
    expect(page).toContain(`On the agenda of ${next.title}`);
    const events = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, riskId), eq(auditEvents.action, "risk.escalate")));
    expect(events).toHaveLength(1);
    expect(describeAuditEvent(events[0], { actor: "Rep" })).toMatch(/^Risk NELCP-R-007 escalated to the board by Rep, on the agenda of the board meeting of \d+ \w+ 20\d\d: Its current score of 16/);
  });

  it("a further review while it waits for the board does not send it twice", async () => {
    expect((await review(as.rep, "4", "5", "A third provider has left the framework")).status).toBe(302);
    expect(await escalationsOf(riskId)).toHaveLength(1);
    expect((await s.db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.riskId, riskId)))[0].n).toBe(1);
  });

  it("the agenda builder shows where it came from; it cannot be removed; putting it back needs a reason, and happens once", async () => {
    const [e] = await escalationsOf(riskId);
    const agenda = `/p/nelcp/meetings/${e.meetingId}/agenda`;
    const text = await pageText(await as.secretariat.get(agenda));
    expect(text).toContain("Escalated from the risk register: risk NELCP-R-007");
    expect(text).toContain("Put back to the next board meeting");

    const remove = await as.secretariat.post(agenda, { intent: "remove", itemId: e.agendaItemId! });
    expect(remove.status).toBe(400);
    expect(await pageText(remove)).toContain("is a risk escalated to the board: put it back to a later meeting, with a reason, instead of removing it");
    const defer = (client: HttpClient, reason: string, version = String(e.version)) =>
      client.post(agenda, { intent: "defer-risk", escalationId: e.id, version, [`deferralReason-${e.id}`]: reason });
    // Only those who build agendas put an item back.
    expect((await defer(as.member, "Not ready")).status).toBe(403);
    const noReason = await defer(as.secretariat, "   ");
    expect(noReason.status).toBe(400);
    expect(await pageText(noReason)).toContain("Say why the board will consider this risk at a later meeting");
    expect((await escalationsOf(riskId))[0]).toMatchObject({ meetingId: e.meetingId, deferrals: 0 });

    const moved = await defer(as.secretariat, "The tender's clarification answers arrive on 10 December");
    expect(moved.status).toBe(302);
    const [was] = await s.db.select().from(meetings).where(eq(meetings.id, e.meetingId!));
    const later = (await boardMeetingsFrom(SCENARIO_TODAY)).find((m) => m.startsAt > was.startsAt)!;
    const [after] = await escalationsOf(riskId);
    expect(after).toMatchObject({ meetingId: later.id, deferrals: 1, deferralReason: "The tender's clarification answers arrive on 10 December" });
    expect(await riskItemsOn(e.meetingId!)).toEqual([]);
    expect((await riskItemsOn(later.id)).map((i) => i.id)).toEqual([after.agendaItemId]);
    const [deferred] = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, riskId), eq(auditEvents.action, "risk.escalation_deferred")));
    expect(describeAuditEvent(deferred, { actor: "Sam" })).toMatch(/^Risk NELCP-R-007 put back from the board meeting of .+ to .+ by Sam: “The tender's clarification answers arrive on 10 December”$/);

    // Once only: the later meeting must consider it.
    const again = await as.secretariat.post(`/p/nelcp/meetings/${later.id}/agenda`, { intent: "defer-risk", escalationId: e.id, version: String(after.version), [`deferralReason-${e.id}`]: "Again" });
    expect(again.status).toBe(400);
    expect(await pageText(again)).toContain("This risk has already been put back once");
    expect(await pageText(await as.secretariat.get(`/p/nelcp/meetings/${later.id}/agenda`))).toContain("It has been put back once, so the board must consider it at this meeting.");
  });

  it("the decision the board records under the item is linked back to the risk, and the decision log filters by it", async () => {
    const [e] = await escalationsOf(riskId);
    const [meeting] = await s.db.select().from(meetings).where(eq(meetings.id, e.meetingId!));
    const day = meeting.startsAt.toISOString().slice(0, 10);
    // The day after: the meeting has taken place by the time its outcome is recorded.
    travelTo(new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10));
    // Whoever came (a decision taken without a quorum is recorded too, as inquorate).
    const { "j.whitfield@hackney.example": _hackney, ...present } = nelcpQuorum;
    expect((await markAttendance(as.chair, s.db, "nelcp", meeting.id, day, present)).status).toBe(302);
    const title = "Raise the lot 4 block price and re-tender";
    const recorded = await as.chair.post(`/p/nelcp/meetings/${meeting.id}/run`, decisionForm({ agendaItemId: e.agendaItemId!, title, text: "The board raises the lot 4 block price by 6% and re-tenders in the spring." }));
    expect(recorded.status, await pageText(recorded.clone())).toBe(302);
    const [after] = await escalationsOf(riskId);
    expect(after.decisionId).not.toBeNull();
    expect(await s.db.select().from(riskDecisions).where(eq(riskDecisions.riskId, riskId))).toEqual([expect.objectContaining({ decisionId: after.decisionId })]);

    const page = await pageText(await as.member.get(path()));
    expect(page).toContain(`The board decided:`);
    expect(page).toContain(title);
    const filtered = await pageText(await as.member.get(`/p/nelcp/decisions?risk=${riskId}`));
    expect(filtered).toContain(title);
    expect(filtered).toContain("Linked risk");
    expect(filtered).not.toContain("Extend the block contract"); // a demo decision with no link to the risk
    const [decided] = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, riskId), eq(auditEvents.action, "risk.escalation_decided")));
    expect(describeAuditEvent(decided, { actor: "Chair" })).toMatch(/^The board decided on escalated risk NELCP-R-007 on .+: decision NELCP-\d{4}-\d+, recorded by Chair$/);
    travelTo(SCENARIO_TODAY);
  });
});

describe("the scheduler's daily pass", () => {
  let monthly: string;
  beforeAll(async () => {
    const made = await as.secretariat.post(
      "/p/nelcp/risks/new",
      riskForm({ title: "Monthly placement returns stop arriving", category: "data_information", reviewFrequency: "monthly", currentLikelihood: "2", currentImpact: "2", targetLikelihood: "1", targetImpact: "1" }),
    );
    monthly = made.headers.get("location")!.match(/\/risks\/([0-9a-f-]{36})/)![1];
  });

  it("leaves a review overdue by less than a cycle alone, and escalates one overdue by more, once", async () => {
    // Raised on 22 November: reviewed by 22 December; more than a month late from 23 January.
    await escalateRisks(s.db, "2027-01-22");
    expect(await escalationsOf(monthly)).toEqual([]);
    await escalateRisks(s.db, "2027-01-23");
    const [e] = await escalationsOf(monthly);
    expect(e.reasons).toEqual(["Its review was due on 22 December 2026 and is more than a month overdue."]);
    expect(e.escalatedBy).toBeNull();
    expect(await pageText(await as.member.get(`/p/nelcp/risks/${monthly}`))).toContain("Escalated on 23 January 2027");
    await escalateRisks(s.db, "2027-01-24");
    expect(await escalationsOf(monthly)).toHaveLength(1);
  });

  it("with no board meeting arranged the escalation waits, and goes on the agenda of the next one arranged", async () => {
    const made = await as.secretariat.post(
      "/p/nelcp/risks/new",
      riskForm({ title: "The ten-year agreement lapses", category: "legal_contractual", reviewFrequency: "monthly", currentLikelihood: "2", currentImpact: "2", targetLikelihood: "1", targetImpact: "1" }),
    );
    const lapse = made.headers.get("location")!.match(/\/risks\/([0-9a-f-]{36})/)![1];
    // Nothing is arranged in 2031.
    await escalateRisks(s.db, "2031-03-01");
    const [waiting] = await escalationsOf(lapse);
    expect(waiting).toMatchObject({ meetingId: null, agendaItemId: null });
    expect(await pageText(await as.member.get(`/p/nelcp/risks/${lapse}`))).toContain("Waiting for a board meeting to be arranged.");
    const arranged = await scheduleMeeting(as.chair, "nelcp", { date: "2031-03-13", title: "March 2031 board" });
    await escalateRisks(s.db, "2031-03-02");
    const [placed] = await escalationsOf(lapse);
    expect(placed.meetingId).toBe(arranged);
    expect(await riskItemsOn(arranged, lapse)).toHaveLength(1);
    const [event] = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, lapse), eq(auditEvents.action, "risk.escalation_placed")));
    expect(describeAuditEvent(event, { actor: "The platform" })).toBe("Risk NELCP-R-009, escalated, put on the agenda of the board meeting of 13 March 2031");
    await escalateRisks(s.db, "2031-03-03");
    expect(await riskItemsOn(arranged, lapse)).toHaveLength(1);
    expect(await escalationsOf(lapse)).toHaveLength(1);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("on PostgreSQL, two passes at once escalate a risk once", async () => {
    const made = await as.secretariat.post("/p/nelcp/risks/new", riskForm({ title: "Reliance on one implementation lead", category: "workforce", reviewFrequency: "monthly", currentLikelihood: "2", currentImpact: "3", targetLikelihood: "1", targetImpact: "1" }));
    const id = made.headers.get("location")!.match(/\/risks\/([0-9a-f-]{36})/)![1];
    await Promise.all([escalateRisks(s.db, "2027-01-23"), escalateRisks(s.db, "2027-01-23")]);
    expect(await escalationsOf(id)).toHaveLength(1);
    expect((await s.db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.riskId, id)))[0].n).toBe(1);
  });

  it("every escalation is in the audit trail, and the chain holds", async () => {
    expect((await verifyAuditTrail(s.db)).ok).toBe(true);
  });
});

// Last, so the risks raised above keep their references on either database.
describe("putting back, twice at once", () => {
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("on PostgreSQL, a double click (or two secretaries at once) puts the risk back once", async () => {
    const made = await as.secretariat.post("/p/nelcp/risks/new", riskForm({ title: "A provider's registration is suspended", currentLikelihood: "4", currentImpact: "4" }));
    const id = made.headers.get("location")!.match(/\/risks\/([0-9a-f-]{36})/)![1];
    const [e] = await escalationsOf(id);
    expect(e.meetingId).not.toBeNull();
    const second = s.client();
    await second.signIn("chair@nelcp.example");
    const form = { intent: "defer-risk", escalationId: e.id, version: String(e.version), [`deferralReason-${e.id}`]: "The inspection report is due next month" };
    const answers = await Promise.all([as.secretariat.post(`/p/nelcp/meetings/${e.meetingId}/agenda`, form), second.post(`/p/nelcp/meetings/${e.meetingId}/agenda`, form)]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409]);
    const [after] = await escalationsOf(id);
    expect(after.deferrals).toBe(1);
    expect((await s.db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.riskId, id)))[0].n).toBe(1);
    const deferred = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "risk.escalation_deferred")));
    expect(deferred).toHaveLength(1);
  });
});
