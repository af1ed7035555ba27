// The participation area's door for server code elsewhere. Adults' pages,
// the board and scrutiny read young people only through these: suppressed
// figures, never rows, names or raw counts.

export { youngPeopleTakingPart, type TakingPartFigures } from "./figures.server";
export { seedYoungPeople, type DemoYoungPerson } from "./seed.server";
