// How problems with a partnership's board and terms are shown to people.

export type ProblemItem = { kind: string; message: string; href: string | null };

const problemLabels: Record<string, string> = {
  below_required_seniority: "Seniority",
  partner_unrepresented: "No representative",
  deputy_lapsed: "Deputy lapsed",
  term_ending_soon: "Term ending",
  no_terms_in_force: "Terms of reference",
  terms_review_overdue: "Review overdue",
  terms_review_due: "Review due",
  // From the risk register, shown with the board's problems on the overview.
  risks_above_appetite: "Above appetite",
  risk_reviews_overdue: "Risk reviews overdue",
};
export const problemLabel = (kind: string) => problemLabels[kind] ?? kind;

/** Warnings about something coming up, as opposed to something already wrong. */
export const isAdvanceWarning = (kind: string) => kind === "term_ending_soon" || kind === "terms_review_due";
