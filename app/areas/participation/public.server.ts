// The participation area's door for server code elsewhere. Adults' pages,
// the board and scrutiny read young people only through these: suppressed
// figures, never rows, names or raw counts.

export { actionInput, consultationFigures, decisionInput, inputCountsByDecision, youngPeopleTakingPart, type ConsultationFigures, type DecisionInput, type TakingPartFigures } from "./figures.server";
export { closeAccountsAtUpperAge } from "./my-data.server";
export { seedActivities, seedConsultation, seedIdeas, seedYoungPeople, type DemoActivity, type DemoConsultation, type DemoIdea, type DemoYoungPerson } from "./seed.server";
