// The scrutiny area's pure rules that other areas use: the only file of its rules they import.

export { callInPeriod, implementationState } from "./rules/call-in";
export type { ImplementationState } from "./rules/call-in";
