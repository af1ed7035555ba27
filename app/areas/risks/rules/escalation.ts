import { formatDate } from "../../../platform/time/dates";
import type { MeetingType } from "../../meetings/public";
import { isReviewOverdueByMoreThanOneCycle } from "./reviews";
import { appetiteCheck, type AppetiteStatement, type RiskSettings } from "./scoring";
import { isLiveRisk, reviewCycleNouns, type ReviewFrequency, type RiskCategory, type RiskStatus } from "./vocabulary";

// When a risk goes to the board, and to which meeting. A risk is escalated
// when its current score reaches the partnership's escalation threshold, when
// it is above the appetite approved for its category, or when its review is
// overdue by more than one cycle. Several reasons may apply; each comes with
// a sentence the chair can read out.

export const escalationReasonKeys = ["score_at_threshold", "above_appetite", "review_overdue_more_than_a_cycle"] as const;
export type EscalationReasonKey = (typeof escalationReasonKeys)[number];
export const escalationReasonLabels: Record<EscalationReasonKey, string> = {
  score_at_threshold: "Score at or above the escalation threshold",
  above_appetite: "Above appetite",
  review_overdue_more_than_a_cycle: "Review overdue by more than a cycle",
};
export type EscalationReason = { key: EscalationReasonKey; sentence: string };

export type RiskForEscalation = {
  status: RiskStatus;
  currentScore: number;
  category: RiskCategory;
  nextReviewDate: string;
  reviewFrequency: ReviewFrequency;
};

/**
 * Every reason the risk should be escalated today; empty when none (and
 * always for a closed or transferred risk, which is no longer managed here).
 * A category with no approved appetite gives no appetite reason: it is not
 * guessed.
 */
export function escalationReasons(
  risk: RiskForEscalation,
  context: { appetites: AppetiteStatement; settings: Pick<RiskSettings, "escalationThreshold" | "appetiteMaxima">; today: string },
): EscalationReason[] {
  if (!isLiveRisk(risk.status)) return [];
  const { settings, today } = context;
  const reasons: EscalationReason[] = [];
  if (risk.currentScore >= settings.escalationThreshold)
    reasons.push({
      key: "score_at_threshold",
      sentence: `Its current score of ${risk.currentScore} is at or above the partnership's escalation threshold of ${settings.escalationThreshold}.`,
    });
  const appetite = appetiteCheck(risk.currentScore, risk.category, context.appetites, settings);
  if (appetite.status === "above") reasons.push({ key: "above_appetite", sentence: appetite.sentence.replace(/^A current score/, "Its current score") });
  if (isReviewOverdueByMoreThanOneCycle(risk.nextReviewDate, risk.reviewFrequency, today))
    reasons.push({
      key: "review_overdue_more_than_a_cycle",
      sentence: `Its review was due on ${formatDate(risk.nextReviewDate)} and is more than ${reviewCycleNouns[risk.reviewFrequency]} overdue.`,
    });
  return reasons;
}

/** The status a live risk should have for its reasons: escalated with any, otherwise as it is (de-escalating is the board's call). */
export function escalatedStatus(status: RiskStatus, reasons: readonly EscalationReason[]): RiskStatus {
  return status === "open" && reasons.length > 0 ? "escalated" : status;
}

// --------------------------------------------------------- the board meeting

export type UpcomingMeeting = { id: string; date: string; type: MeetingType; cancelled: boolean };

const byDate = (a: UpcomingMeeting, b: UpcomingMeeting) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The first board meeting (not cancelled) on or after `onOrAfter`, and after `after` if given; null if none is arranged. */
export function nextBoardMeeting(meetings: readonly UpcomingMeeting[], onOrAfter: string, after?: string): UpcomingMeeting | null {
  const candidates = meetings.filter((m) => m.type === "board" && !m.cancelled && m.date >= onOrAfter && (after === undefined || m.date > after)).sort(byDate);
  return candidates[0] ?? null;
}

export type BoardMeetingChoice = { meeting: UpcomingMeeting; message: null } | { meeting: null; message: string | null };

/**
 * The board meeting an escalated risk goes on: the next one, today or later,
 * not cancelled (only board meetings: a steering group cannot accept a risk
 * for the partnership). No reasons, no meeting; no meeting arranged, a
 * message saying so.
 */
export function boardMeetingForEscalation(reasons: readonly EscalationReason[], meetings: readonly UpcomingMeeting[], today: string): BoardMeetingChoice {
  if (reasons.length === 0) return { meeting: null, message: null };
  const meeting = nextBoardMeeting(meetings, today);
  return meeting ? { meeting, message: null } : { meeting: null, message: "No board meeting is arranged: arrange one so the board can consider this risk." };
}

/** A risk's escalation may be put back to a later board meeting once, with a reason. */
export const MAX_ESCALATION_DEFERRALS = 1;
export const canDeferEscalation = (deferralCount: number) => deferralCount < MAX_ESCALATION_DEFERRALS;

export type DeferralResult =
  | { ok: true; meeting: UpcomingMeeting; deferralCount: number; reason: string }
  | { ok: false; field: "reason" | "form"; message: string };

/**
 * Puts an escalated risk back from the board meeting it was on to the next
 * board meeting after that one (not cancelled, not in the past): allowed
 * once, and only with a reason.
 */
export function deferEscalation(input: {
  deferralCount: number;
  reason: string;
  from: { id: string; date: string };
  meetings: readonly UpcomingMeeting[];
  today: string;
}): DeferralResult {
  if (!canDeferEscalation(input.deferralCount))
    return { ok: false, field: "form", message: `This risk has already been put back once: the board must consider it on ${formatDate(input.from.date)}.` };
  const reason = input.reason.trim();
  if (reason === "") return { ok: false, field: "reason", message: "Say why the board will consider this risk at a later meeting" };
  const meeting = nextBoardMeeting(
    input.meetings.filter((m) => m.id !== input.from.id),
    input.today,
    input.from.date,
  );
  if (!meeting) return { ok: false, field: "form", message: "There is no later board meeting to put it back to: arrange one first." };
  return { ok: true, meeting, deferralCount: input.deferralCount + 1, reason };
}
