// The participation area's door for server code elsewhere. Adults' pages,
// the board and scrutiny read young people only through these: suppressed
// figures, never rows, names or raw counts.

export { consultationFigures, decisionInput, youngPeopleTakingPart, type ConsultationFigures, type DecisionInput, type TakingPartFigures } from "./figures.server";
export { seedActivities, seedConsultation, seedYoungPeople, type DemoActivity, type DemoConsultation, type DemoYoungPerson } from "./seed.server";
