// The obligations area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { addResponsible, createObligation, listObligations, loadCompliance, reminderScheduleOf, reviewReturn, submitReturn } from "./obligations.server";
export { obligationMessages } from "./reminders.server";
export { answersOf, listFieldSets, saveDraft, saveFieldSet } from "./return-fields.server";
export { moneyReturned, type MoneyReturned } from "./money-returned.server";
