// The obligations area's pure rules and vocabulary that other areas use: the only file of its rules they import.

export { periodsOf, reminderDate } from "./rules/obligations";
export type { Cadence, DueRule, ObligationType } from "./rules/obligations";
export { cadences, dueRuleSchema, obligationTypeLabels, obligationTypes, reminderScheduleSchema } from "./rules/obligations";
export { fieldSetFor, readReturnValues, returnFieldListSchema } from "./rules/return-fields";
export type { ReturnField, ReturnValues } from "./rules/return-fields";
