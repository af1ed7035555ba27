import { and, asc, eq, gte, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "../../../db/client";
import { meetings, partnerships, riskAppetites, riskDecisions, riskEscalations, risks } from "../../../db/schema";
import { appendAudit } from "../../audit/append.server";
import type { PartnershipScope } from "../../platform/guard.server";
import { londonTimeToInstant } from "../../platform/time/dates";
import { conflict, fail, ok, refuse, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";
import { appendAgendaItem, withdrawRiskItem } from "../meetings/public.server";
import { meetingTypes, type MeetingType } from "../meetings/public";
import { deferEscalation, escalationReasons, nextBoardMeeting, reviewFrequencyMonths, type UpcomingMeeting } from "./public";
import { loadAppetite, riskSettingsOf, typedRisk, type TypedRisk } from "./register.server";

// Sending a risk to the board. A live risk that is open and has a reason to
// go (score at the escalation threshold, above appetite, review overdue by
// more than a cycle) becomes escalated and goes on the next board meeting's
// agenda as an item for decision, in the same transaction as the write that
// gave it the reason; the scheduler's daily pass catches the rest (reviews
// that fell overdue, appetites that changed, risks waiting for a meeting to
// be arranged). The decision the board records under that item is linked
// back to the risk. A risk already escalated is not escalated again until
// the chair or secretariat reopens it.

export const deferSchema = z.object({
  escalationId: z.uuid({ error: "Choose the escalated risk to put back" }),
  version: z.coerce.number({ error: "Reload the page and try again" }).int().min(1),
  deferralReason: z
    .string({ error: "Say why the board will consider this risk at a later meeting" })
    .trim()
    .min(1, { error: "Say why the board will consider this risk at a later meeting" })
    .max(1000, { error: "The reason must be 1000 characters or fewer" }),
});

type Partnership = { id: string; riskSettings: unknown };

/** Board meetings from today on, not cancelled, as the escalation rules read them. */
async function upcomingBoardMeetings(tx: Queryable, partnershipId: string, today: string): Promise<UpcomingMeeting[]> {
  const rows = await tx
    .select({ id: meetings.id, type: meetings.type, date: sql<string>`to_char(${meetings.startsAt} at time zone 'Europe/London', 'YYYY-MM-DD')` })
    .from(meetings)
    .where(and(eq(meetings.partnershipId, partnershipId), eq(meetings.type, "board"), isNull(meetings.cancelledAt), gte(meetings.startsAt, londonTimeToInstant(today, "00:00"))))
    .orderBy(asc(meetings.startsAt))
    .limit(10);
  return rows.filter((r) => (meetingTypes as readonly string[]).includes(r.type)).map((r) => ({ id: r.id, date: r.date, type: r.type as MeetingType, cancelled: false }));
}

const itemFor = (risk: Pick<TypedRisk, "reference" | "title">, reasons: readonly string[]) => ({
  title: `Escalated risk ${risk.reference}: ${risk.title}`.slice(0, 300),
  presenter: null,
  purpose: "decision" as const,
  description: `For decision: the board to accept the risk, direct further mitigation or transfer it. ${reasons.join(" ")}`.slice(0, 4000),
});

/**
 * Escalates the risk if it now has a reason to go to the board and is open
 * (not already escalated, closed or transferred), inside the caller's
 * transaction. Returns whether it did.
 */
export async function escalateIfDue(tx: Tx, partnership: Partnership, riskId: string, today: string, actorUserId: string | null): Promise<boolean> {
  const [row] = await tx.select().from(risks).where(and(eq(risks.id, riskId), eq(risks.partnershipId, partnership.id))).for("update");
  if (!row || row.status !== "open") return false;
  const risk = typedRisk(row);
  const settings = riskSettingsOf(partnership);
  const { statement } = await loadAppetite(tx, partnership.id);
  const reasons = escalationReasons(
    { status: risk.status, currentScore: risk.currentLikelihood * risk.currentImpact, category: risk.category, nextReviewDate: risk.nextReviewOn, reviewFrequency: risk.reviewFrequency },
    { appetites: statement, settings, today },
  );
  if (reasons.length === 0) return false;
  // Already on its way to the board (reopened while the board has yet to decide): nothing more to do.
  const [waiting] = await tx.select({ id: riskEscalations.id }).from(riskEscalations).where(and(eq(riskEscalations.riskId, risk.id), isNull(riskEscalations.decisionId)));
  if (waiting) return false;
  await versionedUpdate(tx, risks, eq(risks.id, risk.id), risk.version, { status: "escalated" }, "risk");
  await sendToBoard(
    tx,
    partnership.id,
    risk,
    reasons.map((r) => r.sentence),
    today,
    actorUserId,
  );
  return true;
}

/**
 * Records the escalation and puts the risk on the next board meeting's
 * agenda (or leaves it waiting for one to be arranged), in the caller's
 * transaction; the caller has made the risk escalated. A risk already
 * waiting for the board's decision is left as it is.
 */
export async function sendToBoard(
  tx: Tx,
  partnershipId: string,
  risk: Pick<TypedRisk, "id" | "reference" | "title" | "status">,
  reasons: readonly string[],
  today: string,
  actorUserId: string | null,
) {
  const [waiting] = await tx.select({ id: riskEscalations.id }).from(riskEscalations).where(and(eq(riskEscalations.riskId, risk.id), isNull(riskEscalations.decisionId)));
  if (waiting) return;
  const meeting = nextBoardMeeting(await upcomingBoardMeetings(tx, partnershipId, today), today);
  const meetingId = meeting?.id ?? null;
  const agendaItemId = meetingId ? await appendAgendaItem(tx, actorUserId, partnershipId, meetingId, itemFor(risk, reasons), risk.id) : null;
  const escalationId = crypto.randomUUID();
  await tx.insert(riskEscalations).values({ id: escalationId, riskId: risk.id, partnershipId, reasons: [...reasons], escalatedOn: today, escalatedBy: actorUserId, meetingId, agendaItemId });
  await appendAudit(tx, {
    actorUserId,
    action: "risk.escalate",
    entityId: risk.id,
    partnershipId,
    before: { status: risk.status },
    after: { reference: risk.reference, escalationId, reasons: [...reasons], meetingId, meetingDate: meeting?.date ?? null, agendaItemId },
  });
}

/**
 * The scheduler's daily pass for one partnership: escalates open risks whose
 * review has fallen more than a cycle overdue or whose category's appetite
 * they now exceed, and puts escalations that were waiting for a board
 * meeting on the one now arranged.
 */
export async function escalationPass(db: Db, partnership: Partnership, today: string): Promise<{ escalated: number; placed: number }> {
  const settings = riskSettingsOf(partnership);
  const maximumByLevel = JSON.stringify(settings.appetiteMaxima);
  const monthsByFrequency = JSON.stringify(reviewFrequencyMonths);
  // Candidates only: the rules decide, per risk, inside its own transaction.
  const candidates = await db
    .select({ id: risks.id })
    .from(risks)
    .where(
      and(
        eq(risks.partnershipId, partnership.id),
        eq(risks.status, "open"),
        // The rules' three reasons, in SQL, so only risks that will go are read (date + months clamps to the month's end as addMonths does).
        sql`(${risks.currentScore} >= ${settings.escalationThreshold}
          or exists (select 1 from ${riskAppetites} a where a.partnership_id = ${risks.partnershipId} and a.category = ${risks.category}
                     and ${risks.currentScore} > (${maximumByLevel}::jsonb ->> a.level)::int)
          or ${risks.nextReviewOn} + (${monthsByFrequency}::jsonb ->> ${risks.reviewFrequency})::int * interval '1 month' < ${today}::date)`,
      ),
    );
  let escalated = 0;
  for (const c of candidates) if (await db.transaction((tx) => escalateIfDue(tx, partnership, c.id, today, null))) escalated++;
  const unplaced = await db
    .select({ id: riskEscalations.id })
    .from(riskEscalations)
    .where(and(eq(riskEscalations.partnershipId, partnership.id), isNull(riskEscalations.meetingId), isNull(riskEscalations.decisionId)));
  let placed = 0;
  const meeting = unplaced.length ? nextBoardMeeting(await upcomingBoardMeetings(db, partnership.id, today), today) : null;
  if (meeting)
    for (const { id } of unplaced)
      await db.transaction(async (tx) => {
        const [e] = await tx.select().from(riskEscalations).where(eq(riskEscalations.id, id)).for("update");
        // Placed (or decided) by another pass meanwhile: nothing to do.
        if (!e || e.meetingId || e.decisionId) return;
        const [row] = await tx.select().from(risks).where(eq(risks.id, e.riskId));
        const agendaItemId = await appendAgendaItem(tx, null, partnership.id, meeting.id, itemFor(row, e.reasons), row.id);
        await tx.update(riskEscalations).set({ meetingId: meeting.id, agendaItemId, version: e.version + 1 }).where(eq(riskEscalations.id, e.id));
        await appendAudit(tx, {
          actorUserId: null,
          action: "risk.escalation_placed",
          entityId: row.id,
          partnershipId: partnership.id,
          before: null,
          after: { reference: row.reference, escalationId: e.id, meetingId: meeting.id, meetingDate: meeting.date, agendaItemId },
        });
        placed++;
      });
  return { escalated, placed };
}

/**
 * Links the decision the board recorded under an escalated risk's agenda
 * item to the risk, and closes the escalation with it (the meeting's
 * decision-recording transaction calls this).
 */
export async function linkEscalationDecision(tx: Tx, actorUserId: string, partnershipId: string, decision: { id: string; reference: string; decidedOn: string; agendaItemId: string; riskId: string | null }) {
  if (!decision.riskId) return;
  const [e] = await tx
    .select()
    .from(riskEscalations)
    .where(and(eq(riskEscalations.agendaItemId, decision.agendaItemId), eq(riskEscalations.riskId, decision.riskId), isNull(riskEscalations.decisionId)));
  if (!e) return;
  const [risk] = await tx.select({ id: risks.id, reference: risks.reference }).from(risks).where(and(eq(risks.id, e.riskId), eq(risks.partnershipId, partnershipId)));
  if (!risk) return;
  await tx.update(riskEscalations).set({ decisionId: decision.id, version: e.version + 1 }).where(eq(riskEscalations.id, e.id));
  await tx.insert(riskDecisions).values({ riskId: risk.id, decisionId: decision.id, linkedBy: actorUserId }).onConflictDoNothing();
  await appendAudit(tx, {
    actorUserId,
    action: "risk.escalation_decided",
    entityId: risk.id,
    partnershipId,
    before: null,
    after: { reference: risk.reference, escalationId: e.id, decisionId: decision.id, decisionReference: decision.reference, decidedOn: decision.decidedOn },
  });
}

/**
 * Puts an escalated risk back from the board meeting it is on to the next
 * board meeting after it: once, with a reason, and only before the board has
 * recorded a decision on it.
 */
export async function deferRiskEscalation(db: Db, scope: PartnershipScope, input: z.output<typeof deferSchema>, today: string): Promise<WriteResult<{ meetingId: string; riskId: string }>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx) => {
    const [e] = await tx
      .select({ escalation: riskEscalations, reference: risks.reference, title: risks.title, meetingDate: sql<string>`to_char(${meetings.startsAt} at time zone 'Europe/London', 'YYYY-MM-DD')` })
      .from(riskEscalations)
      .innerJoin(risks, eq(risks.id, riskEscalations.riskId))
      .innerJoin(meetings, eq(meetings.id, riskEscalations.meetingId))
      .where(and(eq(riskEscalations.id, input.escalationId), eq(riskEscalations.partnershipId, partnershipId)));
    if (!e || !e.escalation.meetingId || !e.escalation.agendaItemId) return fail("form", "That risk is not waiting on a meeting's agenda");
    if (e.escalation.decisionId) return fail("form", "The board has already decided on this risk");
    if (e.escalation.version !== input.version) return conflict("escalated risk");
    const result = deferEscalation({
      deferralCount: e.escalation.deferrals,
      reason: input.deferralReason,
      from: { id: e.escalation.meetingId, date: e.meetingDate },
      meetings: await upcomingBoardMeetings(tx, partnershipId, today),
      today,
    });
    if (!result.ok) return fail(result.field === "reason" ? "deferralReason" : "form", result.message);
    // The new item first, the escalation moved onto it, then the old item taken off (refused, and all undone, once decided on).
    const agendaItemId = await appendAgendaItem(tx, scope.user.id, partnershipId, result.meeting.id, itemFor(e, e.escalation.reasons), e.escalation.riskId);
    await versionedUpdate(
      tx,
      riskEscalations,
      eq(riskEscalations.id, e.escalation.id),
      input.version,
      { meetingId: result.meeting.id, agendaItemId, deferrals: result.deferralCount, deferralReason: result.reason },
      "escalated risk",
    );
    const withdrawn = await withdrawRiskItem(tx, scope.user.id, partnershipId, e.escalation.agendaItemId);
    if (!withdrawn.ok) refuse(withdrawn);
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "risk.escalation_deferred",
      entityId: e.escalation.riskId,
      partnershipId,
      before: { meetingId: e.escalation.meetingId, meetingDate: e.meetingDate },
      after: { reference: e.reference, escalationId: e.escalation.id, meetingId: result.meeting.id, meetingDate: result.meeting.date, agendaItemId },
      reason: result.reason,
    });
    return ok({ meetingId: e.escalation.meetingId, riskId: e.escalation.riskId });
  });
}

/** The escalated risks on a meeting's agenda, by agenda item, for the agenda builder. */
export async function escalationsOnAgenda(db: Db, meetingId: string) {
  return db
    .select({
      id: riskEscalations.id,
      riskId: riskEscalations.riskId,
      reference: risks.reference,
      agendaItemId: riskEscalations.agendaItemId,
      deferrals: riskEscalations.deferrals,
      deferralReason: riskEscalations.deferralReason,
      decisionId: riskEscalations.decisionId,
      version: riskEscalations.version,
    })
    .from(riskEscalations)
    .innerJoin(risks, eq(risks.id, riskEscalations.riskId))
    .where(eq(riskEscalations.meetingId, meetingId));
}

/** The daily escalation pass over every partnership with a live risk (the scheduler runs it before collecting reminders). */
export async function escalateRisks(db: Db, today: string) {
  const rows = await db
    .select({ id: partnerships.id, riskSettings: partnerships.riskSettings })
    .from(partnerships)
    .where(sql`exists (select 1 from ${risks} r where r.partnership_id = ${partnerships.id} and r.status in ('open', 'escalated'))`);
  const totals = { escalated: 0, placed: 0 };
  for (const p of rows) {
    const done = await escalationPass(db, p, today);
    totals.escalated += done.escalated;
    totals.placed += done.placed;
  }
  return totals;
}
