import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, isNotNull, max } from "drizzle-orm";
import {
  actions,
  challenges,
  boardSeats,
  declarationsOfInterest,
  decisions,
  meetingPapers,
  meetings,
  obligations,
  organisations,
  packRuns,
  partnershipPartners,
  partnerships,
  risks,
  submissions,
  users,
} from "../../db/schema";
import { consultations, youngPeople } from "../../db/schema/participation";
import { outboxWhen, type HttpClient, type TestServer } from "./server";

// The records the permission matrix (tests/integration/platform/permission-matrix.test.ts)
// opens, for each partnership it visits. Most come from the demo data; what the demo
// lacks (a Barking and Dagenham deputy and action, proposals by a representative and a
// board member, papers, a return with a file, anything at all in the Leicestershire CIP's
// meetings) is added here, through the app where that is simple and by rows otherwise.

/** The records behind the `:param`s of a partnership's pages. */
export type PartnershipRecords = {
  slug: string;
  seatId: string;
  meetingId: string;
  paperId: string;
  decisionId: string;
  actionId: string;
  obligationId: string;
  submissionId: string;
  declarationId: string;
  partnerId: string;
  /** A risk owned by the organisation repOrganisationId names (in NELCP, Barking and Dagenham's board member's). */
  riskId: string;
  /** A question from scrutiny to the chair, about the decision above, waiting for an answer. */
  challengeId: string;
  /** A scrutiny pack the worker has finished preparing. */
  runId: string;
  /** A young person's place (in NELCP, one of the demo's cohort; elsewhere an id that is nowhere). */
  youngPersonId: string;
  number: string;
  /** A period of obligationId's that repOrganisationId owes. */
  periodKey: string;
  /** The organisation the matrix's partner representative would act for here (Barking and Dagenham in NELCP). */
  repOrganisationId: string;
};

/** NELCP records for the extra rows: the same principal on another organisation's (or person's) record. */
export type NelcpExtras = {
  bdMemberSeatId: string; // Barking and Dagenham's member seat (not a deputy)
  newhamDeputySeatId: string; // Newham's deputy
  newhamOrganisationId: string;
  bellamyUserId: string; // Barking and Dagenham's board member
  memberUserId: string; // member@nelcp.example (Newham)
  marchbankDeclarationId: string; // Silver Lined Horizons' director's declaration
  memberDeclarationId: string; // member@nelcp.example's own declaration
  towerHamletsActionId: string;
  memberActionId: string; // owned by member@nelcp.example
  memberProposalId: string; // proposed by member@nelcp.example
  secretariatDecisionId: string; // proposed by the secretariat, decided at a meeting
  memberRiskId: string; // owned by member@nelcp.example, for Newham
  consultationId: string; // the demo's consultation for young people
};

/** Records outside any partnership. */
export type GlobalRecords = { resetToken: string; invitationToken: string; calendarToken: string; outboxFile: string };

const q = <T>(rows: T[], what: string): T => {
  if (!rows[0]) throw new Error(`permission matrix set-up: no ${what} in the demo data`);
  return rows[0];
};

async function ids(s: TestServer) {
  const org = async (name: string) => q(await s.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)), name).id;
  const user = async (email: string) => q(await s.db.select({ id: users.id }).from(users).where(eq(users.email, email)), email).id;
  const partnership = async (slug: string) => q(await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, slug)), slug).id;
  return { org, user, partnership };
}

const seatOf = async (s: TestServer, partnershipId: string, userId: string) =>
  q(await s.db.select({ id: boardSeats.id }).from(boardSeats).where(and(eq(boardSeats.partnershipId, partnershipId), eq(boardSeats.userId, userId))).orderBy(desc(boardSeats.termStart)), "seat").id;

const declarationOf = async (s: TestServer, partnershipId: string, userId: string) =>
  q(await s.db.select({ id: declarationsOfInterest.id }).from(declarationsOfInterest).where(and(eq(declarationsOfInterest.partnershipId, partnershipId), eq(declarationsOfInterest.userId, userId))), "declaration").id;

const partnerOf = async (s: TestServer, partnershipId: string, organisationId: string) =>
  q(
    await s.db.select({ id: partnershipPartners.id }).from(partnershipPartners).where(and(eq(partnershipPartners.partnershipId, partnershipId), eq(partnershipPartners.organisationId, organisationId))),
    "partner",
  ).id;

async function insertPaper(s: TestServer, meetingId: string) {
  const content = Buffer.from("%PDF-1.4\n% permission matrix paper\n%%EOF\n");
  const id = randomUUID();
  await s.db.insert(meetingPapers).values({ id, meetingId, filename: "matrix-paper.pdf", contentType: "application/pdf", size: content.length, sha256: createHash("sha256").update(content).digest("hex"), content });
  return id;
}

/** Gives one of an organisation's returns a file, and answers its id. */
async function giveReturnAFile(s: TestServer, obligationId: string, organisationId: string) {
  const [row] = await s.db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.obligationId, obligationId), eq(submissions.organisationId, organisationId)))
    .orderBy(asc(submissions.submittedAt))
    .limit(1);
  const id = q([row], "return").id;
  await s.db.update(submissions).set({ filename: "matrix-return.csv", contentType: "text/csv", content: Buffer.from("measure,value\nplacements,3\n") }).where(eq(submissions.id, id));
  return id;
}

/** Proposes a decision through the app and answers its id. */
async function propose(client: HttpClient, slug: string, title: string) {
  const res = await client.post(`/p/${slug}/decisions/new`, { kind: "proposal", title, text: `${title}.`, rationale: "", optionsConsidered: "", meetingId: "" });
  const id = res.headers.get("location")?.match(/\/decisions\/([0-9a-f-]{36})/)?.[1];
  if (res.status !== 302 || !id) throw new Error(`permission matrix set-up: proposing "${title}" in ${slug} answered ${res.status}`);
  return id;
}

async function insertAction(s: TestServer, partnershipId: string, title: string, organisationId: string | null, ownerUserId: string | null) {
  const id = randomUUID();
  await s.db.insert(actions).values({ id, partnershipId, title, organisationId, ownerUserId, dueDate: "2027-01-31", status: "open" });
  return id;
}

let riskNumber = 900;
async function insertChallenge(s: TestServer, partnershipId: string, decisionId: string, raisedBy: string) {
  const id = randomUUID();
  const [{ last }] = await s.db.select({ last: max(challenges.number) }).from(challenges).where(eq(challenges.partnershipId, partnershipId));
  await s.db.insert(challenges).values({
    id,
    partnershipId,
    number: (last ?? 0) + 1,
    kind: "question",
    subjectType: "decision",
    subjectId: decisionId,
    title: "What the decision will cost",
    question: "What will it cost each partner?",
    raisedBy,
    raisedOn: "2026-11-20",
    firstDueOn: "2026-12-04",
    dueOn: "2026-12-04",
    status: "awaiting_answer",
  });
  return id;
}

async function insertPackRun(s: TestServer, partnershipId: string, requestedBy: string) {
  const id = randomUUID();
  const pdf = Buffer.from("%PDF-1.4\n% a stand-in for a prepared pack\n");
  await s.db.insert(packRuns).values({ id, partnershipId, requestedBy, periodFrom: "2025-12-01", periodTo: "2026-11-30", status: "done", pdf, pdfBytes: pdf.byteLength, pages: 1, finishedAt: new Date() });
  return id;
}

async function insertRisk(s: TestServer, partnershipId: string, title: string, ownerUserId: string, ownerOrganisationId: string) {
  const id = randomUUID();
  riskNumber += 1;
  await s.db.insert(risks).values({
    id,
    partnershipId,
    number: riskNumber,
    reference: `MATRIX-R-${riskNumber}`,
    title,
    cause: "A cause",
    event: "An event",
    effect: "An effect",
    category: "service_delivery",
    ownerUserId,
    ownerOrganisationId,
    scope: "shared",
    raisedOn: "2026-10-01",
    status: "open",
    reviewFrequency: "quarterly",
    nextReviewOn: "2027-01-01",
    inherentLikelihood: 4,
    inherentImpact: 4,
    currentLikelihood: 3,
    currentImpact: 4,
    targetLikelihood: 2,
    targetImpact: 3,
  });
  return id;
}

export async function setUpMatrixRecords(s: TestServer, as: { admin: HttpClient; chair: HttpClient; rep: HttpClient; member: HttpClient }) {
  const { org, user, partnership } = await ids(s);
  const nelcp = await partnership("nelcp");
  const cip = await partnership("leicestershire-cip");
  const bd = await org("London Borough of Barking and Dagenham");
  const newham = await org("London Borough of Newham");
  const towerHamlets = await org("London Borough of Tower Hamlets");
  const leicestershire = await org("Leicestershire County Council");
  const bellamy = await user("m.bellamy@barking-dagenham.example");
  const member = await user("member@nelcp.example");

  // NELCP ----------------------------------------------------------------
  // A current deputy for Barking and Dagenham's member: the seat its representative may change.
  const bdMemberSeatId = await seatOf(s, nelcp, bellamy);
  const deputyUser = randomUUID();
  await s.db.insert(users).values({ id: deputyUser, email: "deputy@barking-dagenham.example", name: "Matrix Deputy", jobTitle: "Head of Placements" });
  const bdDeputySeatId = randomUUID();
  await s.db.insert(boardSeats).values({
    id: bdDeputySeatId,
    partnershipId: nelcp,
    userId: deputyUser,
    organisationId: bd,
    boardRole: "deputy",
    jobTitle: "Head of Placements",
    seniority: "head_of_service",
    hasVote: false,
    termStart: "2025-01-01",
    termEnd: "2027-03-31",
    deputyForSeatId: bdMemberSeatId,
  });
  const newhamDeputySeatId = await seatOf(s, nelcp, await user("g.mensah@newham.example"));
  // The board meeting still to come (no attendance yet, draft minutes).
  const nelcpMeeting = q(await s.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.partnershipId, nelcp)).orderBy(desc(meetings.startsAt)).limit(1), "NELCP meeting").id;
  const [nelcpObligation] = await s.db.select({ id: obligations.id }).from(obligations).where(eq(obligations.partnershipId, nelcp));
  const memberDeclarationId = randomUUID();
  await s.db.insert(declarationsOfInterest).values({ id: memberDeclarationId, partnershipId: nelcp, userId: member, interestType: "non_financial_personal", description: "Governor of a school in Newham", declaredOn: "2026-01-10" });
  const secretariatDecision = q(
    await s.db.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.partnershipId, nelcp), isNotNull(decisions.meetingId))).orderBy(desc(decisions.reference)).limit(1),
    "NELCP decision",
  ).id;
  const towerHamletsAction = q(await s.db.select({ id: actions.id }).from(actions).where(and(eq(actions.partnershipId, nelcp), eq(actions.organisationId, towerHamlets))), "Tower Hamlets action").id;

  const nelcpDecision = await propose(as.rep, "nelcp", "Barking and Dagenham proposes a shared placement dashboard");
  const nelcpRecords: PartnershipRecords = {
    slug: "nelcp",
    seatId: bdDeputySeatId,
    meetingId: nelcpMeeting,
    paperId: await insertPaper(s, nelcpMeeting),
    decisionId: nelcpDecision,
    challengeId: await insertChallenge(s, nelcp, nelcpDecision, member),
    runId: await insertPackRun(s, nelcp, member),
    actionId: await insertAction(s, nelcp, "Barking and Dagenham to confirm its share of the lot 2 beds", bd, null),
    obligationId: q([nelcpObligation], "NELCP obligation").id,
    submissionId: await giveReturnAFile(s, nelcpObligation.id, bd),
    declarationId: await declarationOf(s, nelcp, bellamy),
    partnerId: await partnerOf(s, nelcp, bd),
    riskId: await insertRisk(s, nelcp, "Barking and Dagenham's placements run short", bellamy, bd),
    youngPersonId: q(await s.db.select({ id: youngPeople.id }).from(youngPeople).where(eq(youngPeople.partnershipId, nelcp)).limit(1), "NELCP young person").id,
    number: "2",
    periodKey: "2026-12-31",
    repOrganisationId: bd,
  };
  const extras: NelcpExtras = {
    bdMemberSeatId,
    newhamDeputySeatId,
    newhamOrganisationId: newham,
    bellamyUserId: bellamy,
    memberUserId: member,
    marchbankDeclarationId: await declarationOf(s, nelcp, await user("h.marchbank@silverlinedhorizons.example")),
    memberDeclarationId,
    towerHamletsActionId: towerHamletsAction,
    memberActionId: await insertAction(s, nelcp, "Newham to share its sufficiency figures", newham, member),
    memberProposalId: await propose(as.member, "nelcp", "Newham proposes joint training for new providers"),
    secretariatDecisionId: secretariatDecision,
    memberRiskId: await insertRisk(s, nelcp, "Newham's sufficiency figures arrive late", member, newham),
    consultationId: q(await s.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.partnershipId, nelcp)).limit(1), "NELCP consultation").id,
  };

  // Leicestershire CIP: the demo has no meetings, decisions or actions there.
  const created = await as.admin.post("/p/leicestershire-cip/meetings/new", { type: "board", title: "CIP board", date: "2026-12-03", startTime: "10:00", endTime: "12:00", location: "County Hall, Glenfield", onlineLink: "", reason: "" });
  const cipMeeting = created.headers.get("location")?.match(/\/meetings\/([0-9a-f-]{36})/)?.[1];
  if (created.status !== 302 || !cipMeeting) throw new Error(`permission matrix set-up: scheduling a CIP meeting answered ${created.status}`);
  const [cipObligation] = await s.db.select({ id: obligations.id }).from(obligations).where(eq(obligations.partnershipId, cip)).orderBy(asc(obligations.title));
  const cipReturnOrg = q(await s.db.select({ organisationId: submissions.organisationId }).from(submissions).where(eq(submissions.obligationId, cipObligation.id)), "CIP return").organisationId;
  const cipDecision = await propose(as.admin, "leicestershire-cip", "Open a second children's home in the county");
  const cipRecords: PartnershipRecords = {
    slug: "leicestershire-cip",
    seatId: await seatOf(s, cip, await user("p.rowntree@leics.example")),
    meetingId: cipMeeting,
    paperId: await insertPaper(s, cipMeeting),
    decisionId: cipDecision,
    challengeId: await insertChallenge(s, cip, cipDecision, await user("scrutiny@leics.example")),
    runId: await insertPackRun(s, cip, await user("scrutiny@leics.example")),
    actionId: await insertAction(s, cip, "Cost the second children's home", leicestershire, null),
    obligationId: cipObligation.id,
    submissionId: await giveReturnAFile(s, cipObligation.id, cipReturnOrg),
    declarationId: await declarationOf(s, cip, await user("n.hargreaves@barnardos.example")),
    partnerId: await partnerOf(s, cip, leicestershire),
    riskId: await insertRisk(s, cip, "The second children's home opens late", await user("p.rowntree@leics.example"), leicestershire),
    youngPersonId: crypto.randomUUID(),
    number: "1",
    periodKey: "2027-03-31",
    repOrganisationId: leicestershire,
  };

  // Emailed links and files: a password reset and an invitation, through the development outbox.
  const reset = await s.client().post("/forgot-password", { email: "observer@nelcp.example" });
  if (reset.status !== 200) throw new Error(`permission matrix set-up: forgot-password answered ${reset.status}`);
  const invited = await as.chair.post("/p/nelcp/invite", { name: "Matrix Invitee", email: "invitee@hackney.example", role: "observer", organisationId: "" });
  if (invited.status !== 200) throw new Error(`permission matrix set-up: inviting answered ${invited.status}`);
  const outbox = await outboxWhen(as.admin, (html) => html.includes("/reset-password/") && html.includes("/invitation/"));
  const token = (kind: string) => {
    const found = outbox.match(new RegExp(`/${kind}/([a-z0-9]+)`))?.[1];
    if (!found) throw new Error(`permission matrix set-up: no /${kind} link in the outbox`);
    return found;
  };
  const outboxFile = outbox.match(/\/dev\/outbox\/([^"/]+\.eml)/)?.[1];
  const calendarToken = (await (await as.chair.post("/calendar", { intent: "create" })).text()).match(/\/calendar\/feed\/([a-z2-7]{32})/)?.[1];
  if (!outboxFile || !calendarToken) throw new Error("permission matrix set-up: no outbox file or calendar address");
  const globals: GlobalRecords = { resetToken: token("reset-password"), invitationToken: token("invitation"), calendarToken, outboxFile };

  return { records: { nelcp: nelcpRecords, "leicestershire-cip": cipRecords } as Record<string, PartnershipRecords>, extras, globals };
}

export type MatrixRecords = Awaited<ReturnType<typeof setUpMatrixRecords>>;
