import { and, asc, desc, eq, gt, gte, inArray, lte, ne, or } from "drizzle-orm";
import { computeEventHash, GENESIS_HASH } from "../../../db/audit";
import type { Db } from "../../../db/client";
import { auditEvents, callIns, challengeReplies, challenges, decisions, partnerships, users } from "../../../db/schema";
import { latestCheckpointCheck } from "../../audit/checkpoints.server";
import { addDays, formatDate, formatDateTime, londonDate, londonTimeToInstant } from "../../platform/time/dates";
import { decisionStatusLabels, type DecisionStatus } from "../decisions/public";
import { ageBandLabels, showCount, suppressionNote } from "../participation/public";
import { consultationFigures, inputCountsByDecision, youngPeopleTakingPart } from "../participation/public.server";
import { termsInForce } from "../register/public.server";
import { ragBandLabels } from "../risks/public";
import { listRisks, riskAttention, riskSettingsOf } from "../risks/public.server";
import { attendanceFigures, decisionFigures } from "./accountability.server";
import { callInRecord } from "./call-ins.server";
import { leadBodyName, subjectsNamed } from "./challenges.server";
import { challengeKindLabels, challengeStanding, challengeStandingWords, challengeSubjectLabels, type ChallengeKind, type ChallengeStatus, type ChallengeSubjectType } from "./rules/challenges";
import { percent } from "./rules/accountability";
import type { CallInStatus } from "./rules/call-in";
import { callInStanding, packSection, periodWords, type PackBlock, type PackProgressListener, type PackContent, type PackFigure, type PackSection } from "./rules/pack";

// The scrutiny pack's content for a period: a summary, then one section per
// source below, each reading the record once (a few queries, never one per
// row), so a year of the busiest partnership stays cheap. The page and the
// PDF draw the same content (rules/pack.ts).

export type PackContext = {
  db: Db;
  partnership: typeof partnerships.$inferSelect;
  period: { from: string; to: string };
  now: Date;
  /** The London day of `now`: what call-in periods and reviews are judged on. */
  today: string;
};

/** What a source gives: its section, and the figures it adds to the summary at the front. */
export type PackPart = { section: PackSection; figures: PackFigure[] };

/** One section of the pack: adding a section is writing one of these and listing it in `packSectionSources`. */
export type PackSectionSource = (ctx: PackContext) => Promise<PackPart>;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

// ------------------------------------------------------------------ decisions

/** Every decision taken in the period, with where each stands under call-in; those taken inquorate and what became of them. */
export const decisionsTaken: PackSectionSource = async ({ db, partnership, period, today }) => {
  const [rows, figures] = await Promise.all([
    db
      .select({
        id: decisions.id,
        reference: decisions.reference,
        title: decisions.title,
        decidedOn: decisions.decidedOn,
        status: decisions.status,
        keyDecision: decisions.keyDecision,
        urgentReason: decisions.urgentReason,
        callInStatus: callIns.status,
        calledInOn: callIns.calledInOn,
        consideredOn: callIns.consideredOn,
        reconsideredOn: callIns.reconsideredOn,
      })
      .from(decisions)
      .leftJoin(callIns, eq(callIns.decisionId, decisions.id))
      // The accountability dashboard's "taken in the period" (decisionFigures), so the counts agree.
      .where(and(eq(decisions.partnershipId, partnership.id), gte(decisions.decidedOn, period.from), lte(decisions.decidedOn, period.to), ne(decisions.status, "proposed")))
      .orderBy(asc(decisions.decidedOn), asc(decisions.reference)),
    decisionFigures(db, partnership.id, period),
  ]);
  // The call-in rule in force on each day a decision was agreed: termsInForce reads the
  // partnership's approved versions once per request, so this is one query, not one per day.
  const days = [...new Set(rows.filter((r) => r.status === "agreed" && r.decidedOn).map((r) => r.decidedOn!))];
  const terms = await Promise.all(days.map((day) => termsInForce(db, partnership.id, day)));
  const ruleOn = new Map(days.map((day, i) => [day, terms[i]?.rules.callIn ?? null]));
  const table = rows.map((r) => {
    const callIn = r.callInStatus ? { status: r.callInStatus as CallInStatus, record: callInRecord({ status: r.callInStatus, calledInOn: r.calledInOn, consideredOn: r.consideredOn, reconsideredOn: r.reconsideredOn }) } : null;
    const standing = callInStanding({ status: r.status, decidedOn: r.decidedOn ?? "", keyDecision: r.keyDecision, urgentReason: r.urgentReason }, callIn, ruleOn.get(r.decidedOn ?? "") ?? null, today);
    return [r.reference, r.title, formatDate(r.decidedOn), decisionStatusLabels[r.status as DecisionStatus] ?? r.status, standing];
  });
  const blocks: PackBlock[] = [
    { kind: "paragraph", text: `${plural(figures.taken, "decision was", "decisions were")} taken from ${periodWords(period)}. Where each stands under call-in is judged on ${formatDate(today)}, under the terms of reference in force when it was taken.` },
    {
      kind: "table",
      caption: "Decisions taken in the period, oldest first",
      columns: [
        { header: "Decision", width: 1.9 },
        { header: "Title", width: 3 },
        { header: "Taken", width: 1.3 },
        { header: "Outcome", width: 1.3 },
        { header: "Call-in", width: 2.4 },
      ],
      rows: table,
      rowHeaders: true,
      empty: "No decisions were taken in the period.",
    },
    { kind: "subheading", text: "Taken at a meeting that was not quorate" },
    {
      kind: "table",
      caption: "Decisions taken at a meeting that was not quorate, and what became of them",
      columns: [
        { header: "Decision", width: 1.9 },
        { header: "Title", width: 3 },
        { header: "Taken", width: 1.3 },
        { header: "Ratified?", width: 2.4 },
      ],
      rows: figures.inquorate.map((d) => [
        d.reference,
        d.title,
        formatDate(d.decidedOn),
        d.outcome === "ratified" ? `Yes, at a quorate meeting (recorded ${formatDate(d.settledOn)})` : d.outcome === "not_ratified" ? `No: not ratified (recorded ${formatDate(d.settledOn)})` : "Awaiting ratification",
      ]),
      rowHeaders: true,
      empty: "None.",
    },
  ];
  return {
    section: packSection("Decisions taken", blocks),
    figures: [
      { label: "Decisions taken", value: figures.taken.toLocaleString("en-GB") },
      { label: "Taken at a meeting that was not quorate", value: figures.inquorate.length.toLocaleString("en-GB") },
      { label: "Called in by scrutiny", value: figures.calledIn.length.toLocaleString("en-GB") },
    ],
  };
};

// ------------------------------------------------------------------ risks

/** The most live risks the pack lists; the register has the rest. */
const RISK_LIMIT = 500;

/** Live risks above the appetite the board approved for their category, or at or above the escalation threshold. */
export const risksAboveThreshold: PackSectionSource = async ({ db, partnership, today }) => {
  const settings = riskSettingsOf(partnership);
  const threshold = settings.escalationThreshold;
  // Highest score first: those at or above the threshold are the first rows of the live register.
  const [aboveAppetite, highest, attention] = await Promise.all([
    listRisks(db, partnership, { appetite: "above" }, today, RISK_LIMIT),
    listRisks(db, partnership, {}, today, RISK_LIMIT),
    riskAttention(db, partnership, today),
  ]);
  const chosen = new Map<string, (typeof highest.rows)[number]>();
  for (const r of aboveAppetite.rows) chosen.set(r.risk.id, r);
  for (const r of highest.rows) if (r.score >= threshold) chosen.set(r.risk.id, r);
  const rows = [...chosen.values()].sort((a, b) => b.score - a.score || b.risk.number - a.risk.number);
  const cut = aboveAppetite.next !== null || (highest.next !== null && highest.rows[highest.rows.length - 1].score >= threshold);
  const blocks: PackBlock[] = [
    {
      kind: "paragraph",
      text: `Live risks (open or escalated) whose current score is above the appetite the board approved for their category, or at or above the escalation threshold of ${threshold}, as they stand on ${formatDate(today)}: highest score first.`,
    },
    ...attention.map((a): PackBlock => ({ kind: "paragraph", text: `${a.message}.` })),
    {
      kind: "table",
      caption: "Live risks above appetite or the escalation threshold",
      columns: [
        { header: "Risk", width: 1.8 },
        { header: "Title", width: 2.8 },
        { header: "Owner", width: 1.9 },
        { header: "Current score", width: 1.2, numeric: true },
        { header: "Appetite", width: 1.7 },
        { header: "Review", width: 1.7 },
      ],
      rows: rows.map((r) => [
        r.risk.reference,
        r.risk.title,
        `${r.ownerName}, ${r.organisationName}`,
        `${r.score} (${ragBandLabels[r.band]})`,
        r.appetite.status === "above" ? `Above: tolerates up to ${r.appetite.maximum}` : r.appetite.status === "within" ? `Within (up to ${r.appetite.maximum})` : "No appetite approved",
        r.review.text,
      ]),
      rowHeaders: true,
      empty: "No live risk is above its appetite or at or above the escalation threshold.",
    },
    ...(cut ? [{ kind: "paragraph", text: `Only the ${RISK_LIMIT} highest-scoring are listed: the risk register has the rest.` } as PackBlock] : []),
  ];
  return { section: packSection("Risks above appetite or threshold", blocks), figures: [{ label: "Live risks above appetite or the escalation threshold", value: rows.length.toLocaleString("en-GB") }] };
};

// ------------------------------------------------------------------ attendance

/** Each partner's attendance at the board meetings held in the period: the accountability dashboard's figures. */
export const attendanceByPartner: PackSectionSource = async ({ db, partnership, period, now }) => {
  const attendance = await attendanceFigures(db, partnership.id, period, now);
  const below = attendance.rows.filter((r) => r.belowHalf).length;
  return {
    section: packSection("Attendance by partner", [
      {
        kind: "paragraph",
        text: `${plural(attendance.meetingsHeld, "board meeting", "board meetings")} with attendance recorded in the period. A partner attended when one of its members, or a deputy in their place, was present; someone senior enough is one who met the seniority the terms of reference then required of the partner's representatives.${below ? ` ${plural(below, "partner", "partners")} attended fewer than half.` : ""} Lowest rate first.`,
      },
      {
        kind: "table",
        caption: "Board meeting attendance by partner, lowest first",
        columns: [
          { header: "Partner", width: 3.2 },
          { header: "Meetings held", width: 1.2, numeric: true },
          { header: "Attended", width: 1.1, numeric: true },
          { header: "Rate", width: 1.6, numeric: true },
          { header: "Attended by someone senior enough", width: 1.6, numeric: true },
        ],
        rows: attendance.rows.map((r) => [r.name, String(r.held), String(r.attended), `${percent(r.rate)}${r.belowHalf ? " (fewer than half)" : ""}`, String(r.attendedSenior)]),
        rowHeaders: true,
        empty: "The partnership has no partners recorded.",
      },
    ]),
    figures: [
      { label: "Board meetings with attendance recorded", value: attendance.meetingsHeld.toLocaleString("en-GB") },
      { label: "Partners attending fewer than half", value: below.toLocaleString("en-GB") },
    ],
  };
};

// ------------------------------------------------------------------ young people

/** Young people's influence, as the participation area's suppressed counts only: no names, no quotes. */
export const youngPeoplesInfluence: PackSectionSource = async ({ db, partnership, period, now }) => {
  const [taking, said, byDecision] = await Promise.all([youngPeopleTakingPart(db, partnership.id), consultationFigures(db, partnership.id, now), inputCountsByDecision(db, partnership.id)]);
  const informed = byDecision.size
    ? await db
        .select({ id: decisions.id, reference: decisions.reference, title: decisions.title, decidedOn: decisions.decidedOn })
        .from(decisions)
        .where(and(eq(decisions.partnershipId, partnership.id), inArray(decisions.id, [...byDecision.keys()]), gte(decisions.decidedOn, period.from), lte(decisions.decidedOn, period.to)))
        .orderBy(asc(decisions.decidedOn), asc(decisions.reference))
    : [];
  const blocks: PackBlock[] = [
    { kind: "paragraph", text: `Counts of young people only, never names or what they wrote. ${suppressionNote(taking.threshold)}` },
    {
      kind: "table",
      caption: `Young people taking part on ${formatDate(londonDate(now))}, by age`,
      columns: [
        { header: "Age", width: 2 },
        { header: "Young people", width: 2, numeric: true },
      ],
      rows: [...taking.byBand.map((b) => [ageBandLabels[b.band], showCount(b.count)]), ["All ages", showCount(taking.total)]],
      rowHeaders: true,
      empty: "None.",
    },
    {
      kind: "table",
      caption: "Consultations and the young people who answered each",
      columns: [
        { header: "Consultation", width: 4 },
        { header: "Closes", width: 1.6 },
        { header: "Young people who answered", width: 1.8, numeric: true },
      ],
      rows: said.consultations.map((c) => [c.title, c.closesOn ? formatDate(c.closesOn) : "No closing date", showCount(c.answered)]),
      rowHeaders: true,
      empty: "No consultations yet.",
    },
    {
      kind: "paragraph",
      text: `Young people whose ideas or feedback count now, outside consultations: ${showCount(said.ideasAndFeedback)}. Published contributions answered within 30 days: ${said.answeredWithin30Days === null ? "none to judge yet" : `${said.answeredWithin30Days}%`}.`,
    },
    {
      kind: "table",
      caption: "Decisions taken in the period that young people's input informed",
      columns: [
        { header: "Decision", width: 1.9 },
        { header: "Title", width: 3.5 },
        { header: "Taken", width: 1.4 },
        { header: "Young people", width: 1.4, numeric: true },
      ],
      rows: informed.map((d) => [d.reference, d.title, formatDate(d.decidedOn), showCount(byDecision.get(d.id)!)]),
      rowHeaders: true,
      empty: "No decision taken in the period is recorded as informed by young people's input.",
    },
  ];
  return {
    section: packSection("Young people's influence", blocks),
    figures: [
      { label: "Young people taking part now", value: showCount(taking.total) },
      { label: "Decisions informed by young people's input", value: informed.length.toLocaleString("en-GB") },
    ],
  };
};

// ------------------------------------------------------------------ the audit trail

const VERIFY_BATCH = 5000;

type Link = { seq: number; hash: string };

export type ChainVerification =
  | {
      ok: true;
      /** Events hashed again: from `from` (the first recorded since the period began) to the head. */
      events: number;
      from: number | null;
      head: Link | null;
      /** The last event recorded before the period ended. */
      atPeriodEnd: Link | null;
    }
  | { ok: false; events: number; seq: number; problem: string };

/**
 * The partnership's audit chain hashed again from the first event recorded
 * since the period began to its head, a batch at a time: each event's hash
 * recomputed from its stored fields and linked to the one before (as
 * `npm run audit:verify` does for every chain from the start). The cost
 * follows the events since the period began, not the chain's whole history.
 */
export async function verifyPartnershipChain(db: Db, chain: string, period: { start: Date; end: Date }): Promise<ChainVerification> {
  const [[first], [head]] = await Promise.all([
    db.select({ seq: auditEvents.seq }).from(auditEvents).where(and(eq(auditEvents.chain, chain), gte(auditEvents.occurredAt, period.start))).orderBy(asc(auditEvents.occurredAt)).limit(1),
    db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.chain, chain)).orderBy(desc(auditEvents.seq)).limit(1),
  ]);
  if (!first) return { ok: true, events: 0, from: null, head: head ?? null, atPeriodEnd: head ?? null };
  let before: Link | null = null;
  if (first.seq > 1) {
    const [row] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(and(eq(auditEvents.chain, chain), eq(auditEvents.seq, first.seq - 1)));
    if (!row) return { ok: false, events: 0, seq: first.seq, problem: `event ${first.seq - 1}, the one before it, is missing` };
    before = row;
  }
  let prevHash = before?.hash ?? GENESIS_HASH;
  let last = first.seq - 1;
  let events = 0;
  let atPeriodEnd: Link | null = before;
  const batchAfter = (seq: number) => {
    const read = db.select().from(auditEvents).where(and(eq(auditEvents.chain, chain), gt(auditEvents.seq, seq))).orderBy(asc(auditEvents.seq)).limit(VERIFY_BATCH).execute();
    read.catch(() => undefined); // a batch read ahead is awaited below, unless a problem has already been found
    return read;
  };
  let next = batchAfter(last);
  for (;;) {
    const rows = await next;
    // The next batch is read while this one is hashed.
    if (rows.length === VERIFY_BATCH) next = batchAfter(rows[rows.length - 1].seq);
    for (const row of rows) {
      if (row.seq !== last + 1) return { ok: false, events, seq: row.seq, problem: `event ${last + 1} is missing (the next is ${row.seq})` };
      if (row.prevHash !== prevHash) return { ok: false, events, seq: row.seq, problem: "its previous hash is not the hash of the event before it" };
      if (computeEventHash(row.prevHash, row) !== row.hash) return { ok: false, events, seq: row.seq, problem: "its contents no longer match its hash: it was changed after it was written" };
      prevHash = row.hash;
      last = row.seq;
      events += 1;
      if (row.occurredAt < period.end) atPeriodEnd = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < VERIFY_BATCH) return { ok: true, events, from: first.seq, head: last >= first.seq ? { seq: last, hash: prevHash } : (head ?? null), atPeriodEnd };
  }
}

const seqWords = (seq: number) => `event ${seq.toLocaleString("en-GB")}`;

/** Whether the partnership's audit trail still verifies since the period began, its head hash, and whether it still reaches the latest signed checkpoint. */
export const auditChainStatement: PackSectionSource = async ({ db, partnership, period, now }) => {
  const [chain, checkpoint] = await Promise.all([
    verifyPartnershipChain(db, partnership.id, { start: londonTimeToInstant(period.from, "00:00"), end: londonTimeToInstant(addDays(period.to, 1), "00:00") }),
    latestCheckpointCheck(db, partnership.id),
  ]);
  const blocks: PackBlock[] = [];
  if (!chain.ok) {
    blocks.push({
      kind: "paragraph",
      text: `The audit trail does NOT verify: ${seqWords(chain.seq)} fails, because ${chain.problem}.${chain.events ? ` The ${plural(chain.events, "event", "events")} before it, since the period began, verified.` : ""} Tell the platform's administrators.`,
    });
  } else if (!chain.head) {
    blocks.push({ kind: "paragraph", text: `${partnership.name}'s audit trail has no events yet.` });
  } else {
    const { from, head, atPeriodEnd } = chain;
    blocks.push({
      kind: "paragraph",
      text:
        from === null
          ? `No events have been recorded since the period began. The audit trail's head is ${seqWords(head.seq)}.`
          : from === 1
            ? `Verified on ${formatDateTime(now)}: all ${plural(chain.events, "event", "events")} in ${partnership.name}'s audit trail were hashed again from what is stored, and each is linked to the one before it. The chain is intact. Its head is ${seqWords(head.seq)}.`
            : `Verified on ${formatDateTime(now)}: the ${plural(chain.events, "event", "events")} recorded since the period began (events ${from.toLocaleString("en-GB")} to ${head.seq.toLocaleString("en-GB")}, the head) were hashed again from what is stored, and each is linked to the one before it, back to ${seqWords(from - 1)}. They are intact. The ${plural(from - 1, "event", "events")} before the period were not hashed again for this pack.`,
    });
    blocks.push({ kind: "code", label: `Head hash (${seqWords(head.seq)})`, text: head.hash });
    if (atPeriodEnd && atPeriodEnd.seq !== head.seq) blocks.push({ kind: "code", label: `Hash at the end of the period, ${formatDate(period.to)} (${seqWords(atPeriodEnd.seq)})`, text: atPeriodEnd.hash });
  }
  blocks.push({
    kind: "paragraph",
    text: !checkpoint
      ? "No signed checkpoint of this audit trail has been taken yet."
      : checkpoint.ok
        ? `The latest signed checkpoint, of ${formatDate(checkpoint.day)} (${seqWords(checkpoint.seq)}), matches: its signature is valid and the stored chain still reaches its hash.`
        : `The latest signed checkpoint, of ${formatDate(checkpoint.day)} (${seqWords(checkpoint.seq)}), does NOT match: ${checkpoint.problem}.`,
  });
  if (checkpoint) blocks.push({ kind: "code", label: `Checkpoint hash (${seqWords(checkpoint.seq)})`, text: checkpoint.hash });
  blocks.push({ kind: "paragraph", text: "Anyone can check these hashes against a download of the audit trail or the signed checkpoints, as docs/verifying-an-audit-export.md describes." });
  const verified = chain.ok ? `${plural(chain.events, "event", "events")} verified since the period began` : `does NOT verify at ${seqWords(chain.seq)}`;
  const checked = !checkpoint ? "" : checkpoint.ok ? "; latest checkpoint matches" : "; latest checkpoint does NOT match";
  return { section: packSection("Audit trail verification", blocks), figures: [{ label: "Audit trail", value: `${verified}${checked}` }] };
};

// ------------------------------------------------------------------ questions and challenges

/** Scrutiny's questions and challenges still open, or raised in the period, each with where it stands and its latest answer. */
export const questionsAndChallenges: PackSectionSource = async ({ db, partnership, period, today }) => {
  const rows = await db
    .select({ c: challenges, raisedBy: users.name })
    .from(challenges)
    .innerJoin(users, eq(users.id, challenges.raisedBy))
    .where(and(eq(challenges.partnershipId, partnership.id), or(ne(challenges.status, "closed"), and(gte(challenges.raisedOn, period.from), lte(challenges.raisedOn, period.to)))))
    .orderBy(asc(challenges.number));
  const [answers, subjects, leadBody] = await Promise.all([
    rows.length
      ? db
          .select({ challengeId: challengeReplies.challengeId, body: challengeReplies.body, onDate: challengeReplies.onDate, late: challengeReplies.late })
          .from(challengeReplies)
          .where(and(inArray(challengeReplies.challengeId, rows.map((r) => r.c.id)), eq(challengeReplies.kind, "answer")))
          .orderBy(asc(challengeReplies.createdAt))
      : Promise.resolve([]),
    subjectsNamed(db, partnership.id, partnership.slug, rows.map((r) => ({ type: r.c.subjectType as ChallengeSubjectType, id: r.c.subjectId }))),
    leadBodyName(db, partnership.id),
  ]);
  const latestAnswer = new Map(answers.map((a) => [a.challengeId, a]));
  const open = rows.filter((r) => r.c.status !== "closed");
  const overdue = open.filter((r) => r.c.status === "awaiting_answer" && today > r.c.dueOn).length;
  const table = rows.map(({ c, raisedBy }) => {
    const subject = subjects.get(`${c.subjectType}:${c.subjectId}`);
    const answer = latestAnswer.get(c.id);
    return [
      `${challengeKindLabels[c.kind as ChallengeKind]} ${c.number}`,
      `${c.title} (${subject ? `${challengeSubjectLabels[subject.type]} ${subject.name}` : "a record no longer held"}; raised by ${raisedBy} on ${formatDate(c.raisedOn)})`,
      challengeStandingWords(challengeStanding({ status: c.status as ChallengeStatus, dueOn: c.dueOn, closedOn: c.closedOn }, today), leadBody),
      answer ? `${formatDate(answer.onDate)}${answer.late ? " (late)" : ""}: ${answer.body}` : "Not answered yet",
    ];
  });
  return {
    section: packSection("Questions and challenges", [
      { kind: "paragraph", text: `Scrutiny's formal questions and challenges to the chair that are still open, and those raised from ${periodWords(period)}, with where each stands on ${formatDate(today)} and the latest answer.` },
      {
        kind: "table",
        caption: "Questions and challenges, oldest first",
        columns: [
          { header: "Number", width: 1.4 },
          { header: "Question", width: 3.2 },
          { header: "Where it stands", width: 2.2 },
          { header: "Latest answer", width: 3.4 },
        ],
        rows: table,
        rowHeaders: true,
        empty: "None open, and none raised in the period.",
      },
    ]),
    figures: [
      { label: "Questions and challenges open", value: open.length.toLocaleString("en-GB") },
      { label: "Of those, answer overdue", value: overdue.toLocaleString("en-GB") },
    ],
  };
};

/** The pack's sections after the summary, in order. */
export const packSectionSources: readonly PackSectionSource[] = [decisionsTaken, risksAboveThreshold, attendanceByPartner, questionsAndChallenges, youngPeoplesInfluence, auditChainStatement];

/** The scrutiny pack for a period: a summary of every section's figures, then the sections. */
export async function packContent(
  db: Db,
  partnershipId: string,
  period: { from: string; to: string },
  now: Date,
  sources: readonly PackSectionSource[] = packSectionSources,
  /** Told as each section is gathered (the worker records it: app/areas/scrutiny/pack-runs.server.ts). */
  onProgress?: PackProgressListener,
): Promise<PackContent> {
  const [partnership] = await db.select().from(partnerships).where(eq(partnerships.id, partnershipId));
  if (!partnership) throw new Error(`No partnership ${partnershipId}`);
  const ctx: PackContext = { db, partnership, period, now, today: londonDate(now) };
  let gathered = 0;
  await onProgress?.({ stage: "gathering", done: 0, total: sources.length });
  const parts = await Promise.all(
    sources.map(async (source) => {
      const part = await source(ctx);
      gathered += 1;
      await onProgress?.({ stage: "gathering", done: gathered, total: sources.length });
      return part;
    }),
  );
  const summary = packSection("Summary", [
    {
      kind: "paragraph",
      text: `${partnership.name}, from ${periodWords(period)}${partnership.reportsTo ? `, for the ${partnership.reportsTo}` : ""}. Each figure is explained in its section.`,
    },
    {
      kind: "table",
      caption: "Summary figures",
      columns: [
        { header: "Figure", width: 3 },
        { header: "Value", width: 2 },
      ],
      rows: parts.flatMap((p) => p.figures.map((f) => [f.label, f.value])),
      rowHeaders: true,
      empty: "None.",
    },
  ]);
  return {
    partnership: { name: partnership.name, shortName: partnership.shortName, slug: partnership.slug },
    committee: partnership.reportsTo,
    period,
    generatedAt: now.toISOString(),
    sections: [summary, ...parts.map((p) => p.section)],
  };
}
