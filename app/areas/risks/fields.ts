import type { RiskCategory } from "./public";

// Names of form fields that the risks area's pages and server modules share
// (plain code: pages may not import server modules).

/** The appetite form's field for a category's level. */
export const appetiteField = (category: RiskCategory) => `appetite-${category}`;
