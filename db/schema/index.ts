// The database schema, split by area. Enumerated values are stored as text
// and validated against each area's vocabulary at every edge (see
// docs/decisions/0002).

export * from "./identity";
export * from "./partnerships";
export * from "./register";
export * from "./audit";
export * from "./meetings";
export * from "./decisions";
export * from "./actions";
export * from "./risks";
export * from "./obligations";
export * from "./notifications";
export * from "./platform";
export * from "./scrutiny";
export * from "./funding";
