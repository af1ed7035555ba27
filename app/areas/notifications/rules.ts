// When reminders are due. Each reminder has a day; it goes out at 07:00
// London time that day, or at the first scheduling pass after that (up to a
// few days late, if the service was down), and never twice: the scheduler
// records a unique key for each (subject, period, stage, recipient).

import { addDays, londonDate, londonTimeToInstant } from "../../platform/time/dates";

/** Reminders go out at 07:00 London time on their day. */
export const REMINDER_HOUR_LONDON = "07:00";

/** How far back a scheduling pass still sends reminders it missed (e.g. after an outage). */
export const CATCH_UP_DAYS = 3;

/** Whether a reminder for `sendOn` should go out at instant `now`. */
export function isReminderDue(sendOn: string, now: Date): boolean {
  const today = londonDate(now);
  if (sendOn > today || sendOn < addDays(today, -CATCH_UP_DAYS)) return false;
  return now.getTime() >= londonTimeToInstant(sendOn, REMINDER_HOUR_LONDON).getTime();
}

/** The window of days a pass at `now` looks at, widened so callers can load only what might be due. */
export function reminderWindow(now: Date) {
  const today = londonDate(now);
  return { from: addDays(today, -CATCH_UP_DAYS), to: today };
}

/** The unique key that makes a reminder exactly-once: what it is about, which period, which stage, to whom. */
export function reminderKey(parts: { kind: string; subjectId: string; periodKey: string; stage: string; recipientId: string }) {
  return [parts.kind, parts.subjectId, parts.periodKey, parts.stage, parts.recipientId].join("|");
}
