// The notifications area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { deliverReminder, deliverSoon, markUncertain, sendDigests } from "./delivery.server";
export type { DeliveryOutcome, Send } from "./delivery.server";
export { appLink, collectReminders, governanceMessages, listRoleHolders, officersOf, peopleById, recordReminders } from "./reminders.server";
export type { GovernanceCandidate, PartnershipRow, Recipient, ReminderCollector, ReminderMessage } from "./reminders.server";
