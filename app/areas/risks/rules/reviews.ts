import { addDays, formatDate } from "../../../platform/time/dates";
import { reminderDate } from "../../obligations/public";
import { isReminderDue } from "../../notifications/public";
import { isLiveRisk, reviewCycleNouns, reviewFrequencyMonths, type ReviewFrequency, type RiskStatus } from "./vocabulary";

// When a risk is next reviewed, whether it is overdue, and when its owner
// and the chair are reminded. Dates are London dates written YYYY-MM-DD and
// compared as strings; today is always passed in, never read from a clock.

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m: 1-12

/**
 * Whole calendar months after (or, negative, before) a date, kept inside
 * the month it lands in: 31 January + 1 month is 28 February (29 in a leap
 * year), 31 August + 1 month is 30 September.
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The next review after one on `reviewedOn` (or after the risk was raised on that day): one cycle later. */
export function nextReviewDate(reviewedOn: string, frequency: ReviewFrequency): string {
  return addMonths(reviewedOn, reviewFrequencyMonths[frequency]);
}

/** Overdue once the review date has passed: a review due today is not yet overdue. */
export const isReviewOverdue = (nextReview: string, today: string) => nextReview < today;

/** The last day a review still counts as within one cycle of being late: the review date plus one more cycle. */
export const lastDayWithinOneCycle = (nextReview: string, frequency: ReviewFrequency) => nextReviewDate(nextReview, frequency);

/**
 * Overdue by more than one cycle: the review date plus one whole cycle is
 * before today (a monthly review due 31 January 2026 is that late from
 * 1 March 2026). Such a risk is escalated.
 */
export function isReviewOverdueByMoreThanOneCycle(nextReview: string, frequency: ReviewFrequency, today: string): boolean {
  return lastDayWithinOneCycle(nextReview, frequency) < today;
}

/** How many days ahead a review counts as due soon (and the owner's first reminder goes). */
export const REVIEW_DUE_SOON_DAYS = 7;

export const reviewStates = ["not_due", "due_soon", "due_today", "overdue", "overdue_more_than_a_cycle"] as const;
export type ReviewState = (typeof reviewStates)[number];
export const reviewStateLabels: Record<ReviewState, string> = {
  not_due: "Not due yet",
  due_soon: "Review due soon",
  due_today: "Review due today",
  overdue: "Review overdue",
  overdue_more_than_a_cycle: "Review overdue by more than a cycle",
};

/** Where a risk's review stands today. */
export function reviewState(nextReview: string, frequency: ReviewFrequency, today: string): ReviewState {
  if (isReviewOverdueByMoreThanOneCycle(nextReview, frequency, today)) return "overdue_more_than_a_cycle";
  if (isReviewOverdue(nextReview, today)) return "overdue";
  if (nextReview === today) return "due_today";
  if (addDays(nextReview, -REVIEW_DUE_SOON_DAYS) <= today) return "due_soon";
  return "not_due";
}

/** "Due on 31 January 2026, more than a month ago" and friends, for the register's table. */
export function describeReviewDue(nextReview: string, frequency: ReviewFrequency, today: string): string {
  const on = formatDate(nextReview);
  switch (reviewState(nextReview, frequency, today)) {
    case "overdue_more_than_a_cycle":
      return `Review was due on ${on}: more than ${reviewCycleNouns[frequency]} overdue`;
    case "overdue":
      return `Review was due on ${on}`;
    case "due_today":
      return "Review due today";
    default:
      return `Review due on ${on}`;
  }
}

// --------------------------------------------------------------- reminders

/** A reminder about a risk's review: who gets it, and how far from the review date. */
export type ReviewReminderStage = {
  key: string;
  offset: number;
  unit: "days" | "working_days";
  recipient: "owner" | "chair";
};

/**
 * The owner a week before the review date and on the day; the chair once it
 * is overdue (the first working day after the review date). Reminders move
 * off weekends and bank holidays as obligations' do (reminderDate): back for
 * those before the date, forward for the rest.
 */
export const reviewReminderStages: readonly ReviewReminderStage[] = [
  { key: "review_due_in_7_days", offset: -7, unit: "days", recipient: "owner" },
  { key: "review_due_today", offset: 0, unit: "days", recipient: "owner" },
  { key: "review_overdue", offset: 1, unit: "working_days", recipient: "chair" },
];

export function describeReviewReminderStage(stage: ReviewReminderStage): string {
  const n = Math.abs(stage.offset);
  const unit = stage.unit === "working_days" ? "working day" : "day";
  const when = stage.offset === 0 ? "On the review date" : `${n} ${unit}${n === 1 ? "" : "s"} ${stage.offset < 0 ? "before" : "after"} the review date`;
  return `${when}, to the ${stage.recipient === "owner" ? "risk's owner" : "chair"}`;
}

/** The day each stage's reminder goes out for a review due on `nextReview`. */
export function reviewReminderDates(
  nextReview: string,
  stages: readonly ReviewReminderStage[] = reviewReminderStages,
): { stage: ReviewReminderStage; sendOn: string }[] {
  return stages.map((stage) => ({ stage, sendOn: reminderDate(nextReview, stage) }));
}

export type RiskForReviewReminders = { id: string; status: RiskStatus; nextReviewDate: string };

export type PlannedReviewReminder = {
  riskId: string;
  /** The review date the reminder is about: with the stage and recipient, the reminder's unique key. */
  periodKey: string;
  stage: ReviewReminderStage;
  sendOn: string;
};

/**
 * The review reminders due at `now` (the scheduler's instant, passed in):
 * for each open or escalated risk, each stage whose day has come, as the
 * notifications area decides (07:00 London time, catching up a few days).
 * Recording a review moves the next review date, so reminders about the old
 * date stop. Who the owner and the chair are is the caller's to look up.
 */
export function plannedReviewReminders(input: {
  risks: readonly RiskForReviewReminders[];
  now: Date;
  stages?: readonly ReviewReminderStage[];
}): PlannedReviewReminder[] {
  const planned: PlannedReviewReminder[] = [];
  for (const risk of input.risks) {
    if (!isLiveRisk(risk.status)) continue;
    for (const { stage, sendOn } of reviewReminderDates(risk.nextReviewDate, input.stages)) {
      if (isReminderDue(sendOn, input.now)) planned.push({ riskId: risk.id, periodKey: risk.nextReviewDate, stage, sendOn });
    }
  }
  return planned;
}
