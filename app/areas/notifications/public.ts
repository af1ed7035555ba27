// The notifications area's pure rules and vocabulary that other areas use: the only file of its rules they import.

export { REMINDER_HOUR_LONDON, isReminderDue, reminderWindow } from "./rules";
