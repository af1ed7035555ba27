import { z } from "zod";
import { addDays, formatDate } from "../../../platform/time/dates";
import { addWorkingDays, isWorkingDay } from "../../../platform/time/working-days";

// What partners owe the partnership, period by period: the periods a cadence
// makes, when each is due, where each partner stands, and when reminders go.

export const obligationTypes = [
  "quarterly_performance_return",
  "annual_report",
  "co_investment_statement",
  "data_return",
  "risk_review",
  "terms_review",
] as const;
export type ObligationType = (typeof obligationTypes)[number];
export const obligationTypeLabels: Record<ObligationType, string> = {
  quarterly_performance_return: "Quarterly performance return",
  annual_report: "Annual report",
  co_investment_statement: "Co-investment statement",
  data_return: "Data return",
  risk_review: "Risk review",
  terms_review: "Terms of reference review",
};

export const cadences = ["monthly", "quarterly", "half_yearly", "annual", "one_off"] as const;
export type Cadence = (typeof cadences)[number];
export const cadenceLabels: Record<Cadence, string> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  half_yearly: "Every six months",
  annual: "Every year",
  one_off: "Once",
};

export const dueRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("working_days_after_period_end"), days: z.int().min(0).max(120) }),
  z.object({ kind: z.literal("days_after_period_end"), days: z.int().min(0).max(365) }),
  z.object({ kind: z.literal("on_date"), date: z.iso.date() }),
]);
export type DueRule = z.output<typeof dueRuleSchema>;

export function describeDueRule(rule: DueRule): string {
  if (rule.kind === "on_date") return `Due on ${formatDate(rule.date)}`;
  const unit = rule.kind === "working_days_after_period_end" ? "working day" : "day";
  return rule.days === 0 ? "Due on the last day of the period" : `Due ${rule.days} ${unit}${rule.days === 1 ? "" : "s"} after the end of each period`;
}

export type Period = { key: string; start: string; end: string; due: string; label: string };

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDayOf = (y: number, m: number) => iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate()); // m: 1-12

/** Calendar months a period of this cadence lasts, aligned to the UK financial year (April) where it matters. */
const monthsPer: Record<Exclude<Cadence, "one_off">, number> = { monthly: 1, quarterly: 3, half_yearly: 6, annual: 12 };

function periodLabel(cadence: Cadence, startY: number, startM: number, endY: number, endM: number) {
  if (cadence === "monthly") return `${monthNames[startM - 1]} ${startY}`;
  if (cadence === "annual") return `${startY}-${String((startY + 1) % 100).padStart(2, "0")}`;
  return `${monthNames[startM - 1]} ${startY === endY ? "" : `${startY} `}to ${monthNames[endM - 1]} ${endY}`;
}

export function dueDateFor(rule: DueRule, periodEnd: string): string {
  if (rule.kind === "on_date") return rule.date;
  if (rule.kind === "working_days_after_period_end") return addWorkingDays(periodEnd, rule.days);
  return addDays(periodEnd, rule.days);
}

/**
 * The periods of an obligation that end on or after `from` and start on or
 * before `to`, within its own start and end. Quarters and half-years follow
 * the financial year (April to March); annual periods are financial years.
 */
export function periodsOf(
  obligation: { cadence: Cadence; dueRule: DueRule; startsOn: string; endsOn: string | null },
  from: string,
  to: string,
): Period[] {
  const { cadence, dueRule, startsOn, endsOn } = obligation;
  if (cadence === "one_off") {
    const due = dueRule.kind === "on_date" ? dueRule.date : dueDateFor(dueRule, startsOn);
    const end = dueRule.kind === "on_date" ? dueRule.date : startsOn;
    const [y, m] = due.split("-").map(Number);
    return end >= from && startsOn <= to ? [{ key: end, start: startsOn, end, due, label: `${monthNames[m - 1]} ${y}` }] : [];
  }
  const months = monthsPer[cadence];
  const [sy, sm] = startsOn.split("-").map(Number);
  // Align the first period's start to the cadence: April-based for quarters, halves and years.
  const anchor = cadence === "monthly" ? 1 : 4;
  let y = sy;
  let m = anchor + Math.floor((((sm - anchor) % 12) + 12) % 12 / months) * months;
  if (m > 12) {
    m -= 12;
  }
  if (m > sm && cadence !== "monthly") y -= 1;
  // Go straight to the period before the one holding `from`: an obligation decades old costs what a new one does.
  const [fy, fm] = from.split("-").map(Number);
  const skip = Math.floor((fy * 12 + fm - (y * 12 + m)) / months) - 1;
  if (skip > 0) {
    const at = y * 12 + (m - 1) + skip * months;
    y = Math.floor(at / 12);
    m = (at % 12) + 1;
  }
  const periods: Period[] = [];
  for (let guard = 0; guard < 2000; guard++) {
    const start = iso(y, m, 1);
    let endY = y;
    let endM = m + months - 1;
    while (endM > 12) {
      endM -= 12;
      endY += 1;
    }
    const end = lastDayOf(endY, endM);
    if (start > to || (endsOn !== null && start > endsOn)) break;
    if (end >= from && end >= startsOn) periods.push({ key: end, start, end, due: dueDateFor(dueRule, end), label: periodLabel(cadence, y, m, endY, endM) });
    m += months;
    while (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  return periods;
}

export const periodStatuses = ["not_due", "due_soon", "overdue", "submitted", "accepted", "returned"] as const;
export type PeriodStatus = (typeof periodStatuses)[number];
export const periodStatusLabels: Record<PeriodStatus, string> = {
  not_due: "Not due yet",
  due_soon: "Due soon",
  overdue: "Overdue",
  submitted: "Submitted",
  accepted: "Accepted",
  returned: "Returned for changes",
};

export const DUE_SOON_DAYS = 14;

/** Where a partner stands on one period, from its latest submission (if any) and today's date. */
export function periodStatus(due: string, latest: { status: "submitted" | "accepted" | "returned" } | null, today: string): PeriodStatus {
  if (latest) return latest.status;
  if (due < today) return "overdue";
  if (addDays(due, -DUE_SOON_DAYS) <= today) return "due_soon";
  return "not_due";
}

/**
 * The returns a person still has to send for the partners they act for:
 * every period begun (a return may go early) that is not submitted or
 * accepted, a return sent back included, in the grid's order (oldest period first).
 */
export function returnsToSend<P extends { organisationId: string }, C extends { organisationId: string; status: PeriodStatus; period: { start: string } }>(
  actFor: readonly P[],
  cells: readonly C[],
  today: string,
): { partner: P; cell: C }[] {
  return actFor.flatMap((partner) =>
    cells.filter((c) => c.organisationId === partner.organisationId && c.status !== "submitted" && c.status !== "accepted" && c.period.start <= today).map((cell) => ({ partner, cell })),
  );
}

/** Submitted on time: the first submission for the period arrived on or before its due date. */
export const onTime = (due: string, firstSubmittedOn: string | null) => firstSubmittedOn !== null && firstSubmittedOn <= due;

// ------------------------------------------------------------------- reminders

export const reminderStageSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/),
  offset: z.int().min(-90).max(60),
  unit: z.enum(["days", "working_days"]),
  escalate: z.boolean().default(false),
});
export type ReminderStage = z.output<typeof reminderStageSchema>;
export const reminderScheduleSchema = z.array(reminderStageSchema).min(1).max(8);

/** The default: 14 and 3 days before, on the day, and 3 working days late escalated to the chair. */
export const defaultReminderSchedule: ReminderStage[] = [
  { key: "due_in_14_days", offset: -14, unit: "days", escalate: false },
  { key: "due_in_3_days", offset: -3, unit: "days", escalate: false },
  { key: "due_today", offset: 0, unit: "days", escalate: false },
  { key: "overdue_3_working_days", offset: 3, unit: "working_days", escalate: true },
];

export function describeStage(stage: ReminderStage): string {
  const n = Math.abs(stage.offset);
  const unit = stage.unit === "working_days" ? "working day" : "day";
  const when = stage.offset === 0 ? "On the due date" : `${n} ${unit}${n === 1 ? "" : "s"} ${stage.offset < 0 ? "before" : "after"} the due date`;
  return stage.escalate ? `${when}, escalated to the chair` : when;
}

/**
 * The day a stage's reminder goes out. Reminders before the due date move
 * back to the previous working day if they fall on a weekend or bank
 * holiday, so nobody is chased on a day they cannot act; reminders on or
 * after it move forward.
 */
export function reminderDate(due: string, stage: Pick<ReminderStage, "offset" | "unit">): string {
  const raw = stage.unit === "working_days" ? addWorkingDays(due, stage.offset) : addDays(due, stage.offset);
  if (isWorkingDay(raw)) return raw;
  return stage.offset < 0 ? addWorkingDays(raw, -1) : addWorkingDays(raw, 0);
}

/** Rows the schedule form offers. */
export const SCHEDULE_FORM_ROWS = 6;

/** How many reviewed returns an obligation's page lists: the latest. Every return still waiting for review is listed too. */
export const RECENT_RETURNS = 50;
