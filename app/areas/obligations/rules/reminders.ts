import { isSeatCurrent } from "../../register/public";
import { addDays } from "../../../platform/time/dates";
import { periodsOf, reminderDate, type Cadence, type DueRule, type Period, type ReminderStage } from "./obligations";
import { isReminderDue, reminderWindow } from "../../notifications/public";

// Which obligation reminders are due, and who is chased for a partner's return.
// When a reminder goes out is the notifications area's rule (isReminderDue).

export type ObligationForReminders = {
  id: string;
  cadence: Cadence;
  dueRule: DueRule;
  startsOn: string;
  endsOn: string | null;
  organisationIds: string[];
};

export type PlannedObligationReminder = {
  obligationId: string;
  organisationId: string;
  period: Period;
  stage: ReminderStage;
  sendOn: string;
};

/**
 * The obligation reminders due at `now`: for each partner that owes each
 * period, each stage of the schedule whose day has come, unless the partner
 * has already submitted (a return sent back for changes is chased again).
 */
export function plannedObligationReminders(input: {
  obligations: readonly ObligationForReminders[];
  schedule: readonly ReminderStage[];
  /** "obligationId|organisationId|periodKey" → the latest submission's status */
  submissions: ReadonlyMap<string, "submitted" | "accepted" | "returned">;
  now: Date;
}): PlannedObligationReminder[] {
  const { from, to } = reminderWindow(input.now);
  const earliestOffset = Math.min(...input.schedule.map((s) => s.offset));
  const latestOffset = Math.max(...input.schedule.map((s) => s.offset));
  // Periods whose due dates could put a stage in the window (working days stretch a little further than days).
  const periodFrom = addDays(from, -Math.max(0, latestOffset) * 2 - 10);
  const periodTo = addDays(to, Math.max(0, -earliestOffset) + 10);
  const planned: PlannedObligationReminder[] = [];
  for (const o of input.obligations) {
    for (const period of periodsOf(o, addDays(periodFrom, -400), periodTo)) {
      if (period.due < periodFrom || period.due > periodTo) continue;
      for (const stage of input.schedule) {
        const sendOn = reminderDate(period.due, stage);
        if (!isReminderDue(sendOn, input.now)) continue;
        for (const organisationId of o.organisationIds) {
          const latest = input.submissions.get(`${o.id}|${organisationId}|${period.key}`);
          if (latest === "submitted" || latest === "accepted") continue;
          planned.push({ obligationId: o.id, organisationId, period, stage, sendOn });
        }
      }
    }
  }
  return planned;
}

/**
 * Who is chased for a partner's return: the people named as responsible for
 * it, or failing that the partner's representatives and its current board
 * members (not advisers). An empty list means the reminders reach nobody
 * until the escalation to the chair.
 */
export function chasedFor(
  input: {
    responsibles: readonly { obligationId: string; organisationId: string; userId: string }[];
    roles: readonly { role: string; organisationId: string | null; userId: string }[];
    seats: readonly { organisationId: string; userId: string; boardRole: string; termStart: string; termEnd: string | null }[];
  },
  obligationId: string,
  organisationId: string,
  today: string,
): { userIds: string[]; named: boolean } {
  const named = input.responsibles.filter((x) => x.obligationId === obligationId && x.organisationId === organisationId).map((x) => x.userId);
  if (named.length > 0) return { userIds: [...new Set(named)], named: true };
  const others = [
    ...input.roles.filter((x) => x.role === "partner_rep" && x.organisationId === organisationId).map((x) => x.userId),
    ...input.seats.filter((s) => s.organisationId === organisationId && isSeatCurrent(s, today) && s.boardRole !== "adviser").map((s) => s.userId),
  ];
  return { userIds: [...new Set(others)], named: false };
}
