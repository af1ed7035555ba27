import { SummaryList } from "./forms";

/** After a conflicting edit: what is saved now, beside the form that still holds the person's own text. */
export function SavedVersion({ rows }: { rows: [string, string][] }) {
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s">What is saved now</h2>
      <SummaryList rows={rows.map(([k, v]) => [k, <span key={k} className="app-pre-wrap">{v || "(empty)"}</span>])} />
    </div>
  );
}
