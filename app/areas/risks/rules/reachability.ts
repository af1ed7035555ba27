import { formatDate } from "../../../platform/time/dates";
import { isOpenMitigation, type MitigationStatus } from "./vocabulary";

// Whether a risk's target score can be reached by the planned mitigating
// actions' due dates. Completed and cancelled actions no longer count: only
// open ones (planned or in progress) can still bring the score down.

export type MitigationForReachability = { status: MitigationStatus; dueDate: string };

export const reachabilityReasonKeys = ["target_date_passed", "no_open_mitigations", "mitigation_overdue", "all_due_after_target_date"] as const;
export type ReachabilityReasonKey = (typeof reachabilityReasonKeys)[number];
export type ReachabilityReason = { key: ReachabilityReasonKey; sentence: string };

export type TargetReachability =
  | { status: "met"; reasons: []; sentence: string }
  | { status: "on_track"; reasons: []; sentence: string }
  | { status: "not_reachable"; reasons: ReachabilityReason[]; sentence: string };

const actions = (n: number) => `${n} open mitigating action${n === 1 ? "" : "s"}`;

/**
 * Met when the current score is at or below the target. Otherwise not
 * reachable (every reason that applies, in this order) when:
 * - the risk's target date has passed;
 * - no mitigating action is open;
 * - an open mitigating action is overdue (due before today);
 * - every open mitigating action is due after the target date (while that date is still ahead).
 * A mitigation due on the target date, or today, still counts as in time.
 */
export function targetReachability(input: {
  currentScore: number;
  targetScore: number;
  targetDate: string | null;
  mitigations: readonly MitigationForReachability[];
  today: string;
}): TargetReachability {
  const { currentScore, targetScore, targetDate, today } = input;
  if (currentScore <= targetScore)
    return { status: "met", reasons: [], sentence: `The current score (${currentScore}) is at or below the target (${targetScore}).` };

  const open = input.mitigations.filter((m) => isOpenMitigation(m.status)).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const reasons: ReachabilityReason[] = [];
  const datePassed = targetDate !== null && targetDate < today;
  if (datePassed)
    reasons.push({
      key: "target_date_passed",
      sentence: `The target date of ${formatDate(targetDate)} has passed with the score (${currentScore}) still above the target (${targetScore}).`,
    });
  if (open.length === 0)
    reasons.push({ key: "no_open_mitigations", sentence: `No open mitigating actions are planned to bring the score from ${currentScore} down to ${targetScore}.` });
  const overdue = open.filter((m) => m.dueDate < today);
  if (overdue.length > 0)
    reasons.push({
      key: "mitigation_overdue",
      sentence:
        overdue.length === 1
          ? `A mitigating action is overdue: it was due on ${formatDate(overdue[0].dueDate)}.`
          : `${overdue.length} mitigating actions are overdue, the earliest due on ${formatDate(overdue[0].dueDate)}.`,
    });
  if (targetDate !== null && !datePassed && open.length > 0 && open.every((m) => m.dueDate > targetDate))
    reasons.push({
      key: "all_due_after_target_date",
      sentence: `${open.length === 1 ? "The only open mitigating action is" : `All ${actions(open.length)} are`} due after the target date of ${formatDate(targetDate)}.`,
    });

  if (reasons.length > 0)
    return {
      status: "not_reachable",
      reasons,
      sentence: `The target is not reachable by the planned mitigations' due dates. ${reasons.map((r) => r.sentence).join(" ")}`,
    };
  const n = open.length;
  let sentence: string;
  if (targetDate === null)
    sentence =
      n === 1
        ? `One open mitigating action is planned, due on ${formatDate(open[0].dueDate)}.`
        : `${n} open mitigating actions are planned, the last due on ${formatDate(open[n - 1].dueDate)}.`;
  else {
    const inTime = open.filter((m) => m.dueDate <= targetDate).length;
    const who = inTime === n ? (n === 1 ? "The open mitigating action is" : `All ${n} open mitigating actions are`) : `${inTime} of ${n} open mitigating actions ${inTime === 1 ? "is" : "are"}`;
    sentence = `${who} due by the target date of ${formatDate(targetDate)}.`;
  }
  return { status: "on_track", reasons: [], sentence };
}
