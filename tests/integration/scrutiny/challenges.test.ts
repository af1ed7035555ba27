import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../../app/areas/identity/public.server";
import { collectReminders, recordReminders } from "../../../app/areas/notifications/public.server";
import { challengeMessages } from "../../../app/areas/scrutiny/public.server";
import { londonTimeToInstant } from "../../../app/platform/time/dates";
import { addWorkingDays } from "../../../app/platform/time/working-days";
import { auditEvents, challengeReplies, challenges, decisions, meetings, obligations, partnerships, remindersSent, risks, users } from "../../../db/schema";
import { DEMO_PASSWORD, pageText, SCENARIO_TODAY, startTestServer, travelTo, type HttpClient, type TestServer } from "../../helpers/server";

// Formal questions and challenges from the CIP's scrutiny members to its
// chair. Today in the tests is Sunday 22 November 2026: the earliest answer-by
// date is five working days on, Friday 27 November; ten is Friday 4 December.

let s: TestServer;
let chair: HttpClient; // the CIP's co-chair, for the lead body (Leicestershire)
let ashdown: HttpClient; // a scrutiny member
let member: HttpClient; // a board member
let cipId: string;
let decisionPath: string;
let decisionAbout: string;

beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("c.langley@leics.example");
  ashdown = s.client();
  await ashdown.signIn("scrutiny@leics.example");
  // A board member of the lead body without a demo account: given one here.
  await s.db.update(users).set({ passwordHash: await hashPassword(DEMO_PASSWORD) }).where(eq(users.email, "p.rowntree@leics.example"));
  member = s.client();
  await member.signIn("p.rowntree@leics.example");
  [{ id: cipId }] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, "leicestershire-cip"));
  const [hub] = await s.db.select().from(decisions).where(and(eq(decisions.partnershipId, cipId), eq(decisions.title, "Mobilise the residential hub from Service Design Brief 1")));
  decisionPath = `/p/leicestershire-cip/decisions/${hub.id}`;
  decisionAbout = `decision:${hub.id}`;
});
afterEach(() => travelTo(SCENARIO_TODAY));
afterAll(async () => {
  travelTo(SCENARIO_TODAY);
  await s?.close();
});

const newPath = (about: string) => `/p/leicestershire-cip/scrutiny/challenges/new?about=${encodeURIComponent(about)}`;
let n = 0;
const raiseForm = (changes: Record<string, string> = {}) => ({ kind: "challenge", title: `Cost avoidance modelling ${++n}`, question: "Please share the model behind the £359,000 of costs avoided.", dueOn: "2026-12-04", ...changes });

/** Raises one as Cllr Ashdown and returns its id and page. */
async function raise(about = decisionAbout, changes: Record<string, string> = {}) {
  const res = await ashdown.post(newPath(about), raiseForm(changes));
  expect(res.status, await res.clone().text()).toBe(302);
  const id = res.headers.get("location")!.match(/challenges\/([0-9a-f-]{36})/)![1];
  return { id, path: `/p/leicestershire-cip/scrutiny/challenges/${id}` };
}

async function formVersion(client: HttpClient, path: string, intent: string) {
  const html = await (await client.get(path)).text();
  const at = html.indexOf(`value="${intent}"`);
  expect(at, `a ${intent} form on ${path}`).toBeGreaterThan(0);
  return html.slice(at).match(/name="version" value="(\d+)"/)![1];
}

describe("the demo", () => {
  it("has one challenge answered late and closed, one question escalated to the lead body, and one waiting; the dashboard counts them", async () => {
    const list = await pageText(await ashdown.get("/p/leicestershire-cip/scrutiny/challenges"));
    expect(list).toMatch(/Challenge 1: Why the provider risk is still rated amber .* Closed on/);
    expect(list).toMatch(/Question 2: What Barnardo's co-investment paid for in the half-year .* Answer overdue since .*: escalated to Leicestershire County Council on/);
    expect(list).toMatch(/Question 3: How children and families shaped the hub .* Awaiting an answer by/);
    const [first] = await s.db.select().from(challenges).where(and(eq(challenges.partnershipId, cipId), eq(challenges.number, 1)));
    const page = await pageText(await member.get(`/p/leicestershire-cip/scrutiny/challenges/${first.id}`));
    expect(page).toContain("Answered late");
    expect(page).toContain("Barnardo's has agreed to run the first home itself");
    const dashboard = await pageText(await member.get("/p/leicestershire-cip/accountability"));
    expect(dashboard).toContain("3 raised in the period, answered for the first time in a median of 14 working days.");
    expect(dashboard).toContain("First answered by the date asked 0 First answered late 1 Waiting for a first answer 2 Of those, overdue today 1");
  });
});

describe("raising a question or challenge", () => {
  it("a scrutiny member asks from the decision's page; it is numbered, listed on the decision and in the list, and audited", async () => {
    const page = await pageText(await ashdown.get(decisionPath));
    expect(page).toContain("Ask a question or challenge about this decision");
    const form = await pageText(await ashdown.get(newPath(decisionAbout)));
    expect(form).toContain("Ask a question or challenge");
    expect(form).toContain("Ten working days is usual: 4 December 2026");
    const { id, path } = await raise(decisionAbout, { title: "Where the hub's properties will be" });
    const [row] = await s.db.select().from(challenges).where(eq(challenges.id, id));
    expect(row).toMatchObject({ status: "awaiting_answer", dueOn: "2026-12-04", firstDueOn: "2026-12-04", raisedOn: "2026-11-22", kind: "challenge" });
    const shown = await pageText(await chair.get(path));
    expect(shown).toContain(`Challenge ${row.number} to the chair of Leicestershire Children's Innovation Partnership`);
    expect(shown).toContain("Awaiting an answer by 4 December 2026");
    expect(await pageText(await member.get(decisionPath))).toContain(`Challenge ${row.number}: Where the hub's properties will be Awaiting an answer by 4 December 2026`);
    expect(await pageText(await member.get("/p/leicestershire-cip/scrutiny/challenges"))).toContain(`Challenge ${row.number}: Where the hub's properties will be`);
    const [event] = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "challenge.raise")));
    expect(event.after).toMatchObject({ title: "Where the hub's properties will be", dueOn: "2026-12-04", subjectType: "decision" });
    // The audit trail names it and describes it in a sentence.
    expect(await pageText(await ashdown.get("/p/leicestershire-cip/audit?action=challenge.raise"))).toContain(`Cllr Martin Ashdown raised a challenge to the chair, “Where the hub's properties will be” (Challenge ${row.number}), on a decision, to be answered by 4 December 2026`);
  });

  it("can be raised on a risk, a return and a meeting, and each page lists it", async () => {
    const [risk] = await s.db.select({ id: risks.id }).from(risks).where(eq(risks.partnershipId, cipId)).limit(1);
    const [obligation] = await s.db.select({ id: obligations.id }).from(obligations).where(eq(obligations.partnershipId, cipId)).limit(1);
    const [meeting] = await s.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.partnershipId, cipId)).limit(1);
    const subjects: [string, string | undefined][] = [
      ["risk", risk?.id && `/p/leicestershire-cip/risks/${risk.id}`],
      ["obligation", obligation?.id && `/p/leicestershire-cip/obligations/${obligation.id}`],
      ["meeting", meeting?.id && `/p/leicestershire-cip/meetings/${meeting.id}`],
    ];
    const ids = { risk: risk?.id, obligation: obligation?.id, meeting: meeting?.id } as Record<string, string | undefined>;
    for (const [type, page] of subjects) {
      if (!page) continue; // the demo may not hold one of these for the CIP
      const title = `About this ${type}`;
      await raise(`${type}:${ids[type]}`, { kind: "question", title });
      expect(await pageText(await member.get(page)), page).toMatch(new RegExp(`Question \\d+: ${title} Awaiting an answer`));
    }
    expect(risk && obligation).toBeTruthy();
  });

  it("says precisely what is wrong with a bad form, and saves nothing", async () => {
    const before = (await s.db.select().from(challenges).where(eq(challenges.partnershipId, cipId))).length;
    const blank = await ashdown.post(newPath(decisionAbout), { kind: "", title: " ", question: "", dueOn: "" });
    expect(blank.status).toBe(400);
    const text = await pageText(blank);
    for (const m of ["Choose whether this is a question or a challenge", "Enter a short title", "Enter your question or challenge", "Enter the date the partnership should answer by"]) expect(text).toContain(m);
    const soon = await ashdown.post(newPath(decisionAbout), raiseForm({ dueOn: "2026-11-26" }));
    expect(soon.status).toBe(400);
    expect(await pageText(soon)).toContain("Give the partnership at least 5 working days to answer: choose 27 November 2026 or later");
    const far = await ashdown.post(newPath(decisionAbout), raiseForm({ dueOn: "2027-06-01" }));
    expect(await pageText(far)).toContain("Choose an answer-by date no later than");
    const notADate = await ashdown.post(newPath(decisionAbout), raiseForm({ dueOn: "2026-02-30" }));
    expect(notADate.status).toBe(400);
    const long = await ashdown.post(newPath(decisionAbout), raiseForm({ title: "x".repeat(151) }));
    expect(await pageText(long)).toContain("The title must be 150 characters or fewer");
    // A malformed or unknown record is a page not found, never an error.
    expect((await ashdown.get(newPath("decision:not-a-uuid"))).status).toBe(404);
    expect((await ashdown.get(newPath("budget:00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    expect((await ashdown.post(newPath("decision:00000000-0000-4000-8000-000000000000"), raiseForm())).status).toBe(404);
    expect((await ashdown.get("/p/leicestershire-cip/scrutiny/challenges/new")).status).toBe(404);
    // NELCP's decision is not the CIP's record.
    const [nelcp] = await s.db.select({ id: decisions.id }).from(decisions).innerJoin(partnerships, eq(partnerships.id, decisions.partnershipId)).where(eq(partnerships.slug, "nelcp")).limit(1);
    expect((await ashdown.post(newPath(`decision:${nelcp.id}`), raiseForm())).status).toBe(404);
    expect(await s.db.select().from(challenges).where(eq(challenges.partnershipId, cipId))).toHaveLength(before);
    // A list filter that is not a state is named, and the page still works.
    const odd = await ashdown.get("/p/leicestershire-cip/scrutiny/challenges?status=lost");
    expect(odd.status).toBe(200);
    expect(await pageText(odd)).toContain("Choose a state from the list");
  });
});

describe("who may do what", () => {
  it("only scrutiny members raise, follow up and close; only the chair or secretariat answer", async () => {
    const { path } = await raise();
    const admin = s.client();
    await admin.signIn("admin@platform.example");
    for (const c of [chair, member, admin]) {
      expect((await c.get(newPath(decisionAbout))).status).toBe(403);
      expect((await c.post(newPath(decisionAbout), raiseForm())).status).toBe(403);
      expect((await c.post(path, { intent: "follow_up", version: "1", question: "More?", dueOn: "2026-12-11" })).status).toBe(403);
      expect((await c.post(path, { intent: "close", version: "1" })).status).toBe(403);
    }
    for (const c of [ashdown, member]) expect((await c.post(path, { intent: "answer", version: "1", answer: "Because." })).status).toBe(403);
    // Those who may not are not offered the forms.
    expect(await pageText(await member.get(path))).not.toMatch(/Send the answer|Send the follow-up|Close this question/);
    expect(await pageText(await member.get(decisionPath))).not.toContain("Ask a question or challenge about this decision");
    expect(await pageText(await chair.get(path))).toContain("Send the answer");
    // Another partnership's people cannot reach it at all.
    const nelcpChair = s.client();
    await nelcpChair.signIn("chair@nelcp.example");
    expect((await nelcpChair.get(path)).status).toBe(403);
    expect((await nelcpChair.post(path, { intent: "answer", version: "1", answer: "x" })).status).toBe(403);
    const [{ id }] = await s.db.select({ id: challenges.id }).from(challenges).where(eq(challenges.partnershipId, cipId)).limit(1);
    expect((await chair.get(`/p/nelcp/scrutiny/challenges/${id}`)).status).toBe(403);
    expect((await ashdown.get("/p/leicestershire-cip/scrutiny/challenges/not-an-id")).status).toBe(404);
  });
});

describe("answering, following up and closing", () => {
  it("a late answer is marked late; a follow-up sets a new date; scrutiny closes it with a note", async () => {
    const { id, path } = await raise(decisionAbout, { title: "Young people's views on the locations", dueOn: "2026-11-27" });
    // Past the date, it shows as overdue, then escalated on the next working day.
    travelTo("2026-11-28");
    expect(await pageText(await ashdown.get(path))).toContain("Answer overdue since 27 November 2026");
    travelTo("2026-11-30");
    expect(await pageText(await ashdown.get(path))).toContain("Answer overdue since 27 November 2026: escalated to Leicestershire County Council on 30 November 2026");
    const empty = await chair.post(path, { intent: "answer", version: await formVersion(chair, path, "answer"), answer: "   " });
    expect(empty.status).toBe(400);
    expect(await pageText(empty)).toContain("Enter the answer");
    const answered = await chair.post(path, { intent: "answer", version: await formVersion(chair, path, "answer"), answer: "The design team will ask young people in December." });
    expect(answered.status).toBe(302);
    let page = await pageText(await ashdown.get(path));
    expect(page).toContain("Answer from Catherine Langley, 30 November 2026 Answered late");
    expect(page).toContain("Answered");
    // Answered once: a second answer is refused until scrutiny follows up.
    const again = await chair.post(path, { intent: "answer", version: await formVersion(ashdown, path, "follow_up"), answer: "More." });
    expect(again.status).toBe(400);
    expect(await pageText(again)).toContain("This question has already been answered");
    const followed = await ashdown.post(path, { intent: "follow_up", version: await formVersion(ashdown, path, "follow_up"), question: "Which young people, and how many?", dueOn: "2026-12-14" });
    expect(followed.status).toBe(302);
    page = await pageText(await chair.get(path));
    expect(page).toContain("Follow-up from Cllr Martin Ashdown, 30 November 2026");
    expect(page).toContain("Awaiting an answer by 14 December 2026");
    travelTo("2026-12-07");
    await chair.post(path, { intent: "answer", version: await formVersion(chair, path, "answer"), answer: "Eight young people with experience of residential care." });
    const closed = await ashdown.post(path, { intent: "close", version: await formVersion(ashdown, path, "close"), closingNote: "The committee is satisfied." });
    expect(closed.status).toBe(302);
    page = await pageText(await member.get(path));
    expect(page).toContain("Closed on 7 December 2026");
    expect(page).toContain("The committee is satisfied.");
    const [row] = await s.db.select().from(challenges).where(eq(challenges.id, id));
    expect(row).toMatchObject({ status: "closed", firstAnsweredOn: "2026-11-30", firstDueOn: "2026-11-27", dueOn: "2026-12-14" });
    const replies = await s.db.select().from(challengeReplies).where(eq(challengeReplies.challengeId, id)).orderBy(asc(challengeReplies.createdAt));
    expect(replies.map((r) => [r.kind, r.late])).toEqual([
      ["answer", true],
      ["follow_up", false],
      ["answer", false],
    ]);
    const actions = (await s.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, id)).orderBy(asc(auditEvents.seq))).map((e) => e.action);
    expect(actions).toEqual(["challenge.raise", "challenge.answer", "challenge.follow_up", "challenge.answer", "challenge.close"]);
    // Closed stays closed.
    const late = await chair.post(path, { intent: "answer", version: String(row.version), answer: "One more thing." });
    expect(late.status).toBe(400);
    expect(await pageText(late)).toContain("This question has been closed");
  });

  it("two answers sent at the same moment from the same form record one; the other is told someone else changed it", async () => {
    const { id, path } = await raise();
    const version = await formVersion(chair, path, "answer");
    const secretary = s.client();
    await secretary.signIn("c.langley@leics.example");
    const results = await Promise.all([chair.post(path, { intent: "answer", version, answer: "First answer." }), secretary.post(path, { intent: "answer", version, answer: "Second answer." })]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await s.db.select().from(challengeReplies).where(eq(challengeReplies.challengeId, id))).toHaveLength(1);
    expect(await pageText(results.find((r) => r.status === 409)!)).toContain("Someone else changed this question");
  });

  it("questions raised at the same moment take the next numbers, one each", async () => {
    const before = (await s.db.select().from(challenges).where(eq(challenges.partnershipId, cipId))).length;
    const other = s.client();
    await other.signIn("scrutiny-chair@leics.example");
    const results = await Promise.all([ashdown.post(newPath(decisionAbout), raiseForm()), other.post(newPath(decisionAbout), raiseForm()), ashdown.post(newPath(decisionAbout), raiseForm())]);
    expect(results.map((r) => r.status)).toEqual([302, 302, 302]);
    const numbers = (await s.db.select({ number: challenges.number }).from(challenges).where(eq(challenges.partnershipId, cipId))).map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toHaveLength(before + 3);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe("reminders and escalation", () => {
  const at = (day: string) => londonTimeToInstant(day, "08:00");
  it("tell the chair three working days before; escalate to the lead body's board members, the chair and the asker on the first working day after a missed date; each once", async () => {
    const { id } = await raise(decisionAbout, { dueOn: "2026-12-09" });
    const messagesOn = async (day: string) => (await collectReminders(s.db, at(day), [challengeMessages], [cipId])).filter((m) => m.subjectId === id);
    expect(await messagesOn("2026-12-03")).toEqual([]);
    const due = await messagesOn(addWorkingDays("2026-12-09", -3));
    expect(due.map((m) => [m.stage, m.recipient.email])).toEqual([["due", "c.langley@leics.example"]]);
    expect(due[0].props).toMatchObject({ kind: "challenge_due", date: "2026-12-09" });
    expect((await messagesOn("2026-12-09")).filter((m) => m.stage === "escalated")).toEqual([]);
    const escalated = (await messagesOn("2026-12-10")).filter((m) => m.stage === "escalated");
    expect(escalated.map((m) => m.recipient.email).sort()).toEqual(["a.liddell@leics.example", "c.langley@leics.example", "p.rowntree@leics.example", "scrutiny@leics.example"]);
    expect(escalated.every((m) => m.urgent && m.subject.endsWith("not answered on time, escalated to the lead body"))).toBe(true);
    expect(await recordReminders(s.db, escalated)).toHaveLength(4);
    expect(await recordReminders(s.db, (await messagesOn("2026-12-11")).filter((m) => m.stage === "escalated"))).toEqual([]);
    expect(await s.db.select().from(remindersSent).where(and(eq(remindersSent.kind, "challenge"), eq(remindersSent.subjectId, id), eq(remindersSent.stage, "escalated")))).toHaveLength(4);
  });
});
