import { tableScroll } from "../../../platform/ui/table-scroll";
import { formatFieldValue, sparklinePath, type answersGrid } from "../rules/return-fields";

const W = 96;
const H = 24;

/** A row's answers as a small line (an image whose name reads the figures out), or nothing with fewer than two. */
function Trend({ values, field }: { values: (number | null)[]; field: ReturnType<typeof answersGrid>[number]["field"] }) {
  const path = sparklinePath(values, W, H);
  if (!path) return <span className="govuk-visually-hidden">Not enough returns for a trend</span>;
  const words = values.map((v) => (v === null ? "none" : formatFieldValue(field, v))).join(", ");
  return (
    <svg className="app-sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Trend: ${words}`}>
      <path d={path} fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

/** One field's answers: a partner per row, a period per column, and the trend across them. */
export function AnswersTable({ grid, periods }: { grid: ReturnType<typeof answersGrid>[number]; periods: { key: string; label: string }[] }) {
  const { field, rows } = grid;
  const numeric = rows.some((r) => r.trend.some((v) => v !== null));
  const caption = `${field.label}${field.kind === "money" ? " (£)" : field.kind === "percentage" ? " (%)" : field.unit ? ` (${field.unit})` : ""}`;
  return (
    <div {...tableScroll(caption)}>
      <table className="govuk-table app-answers" data-field={field.key}>
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Partner
            </th>
            {periods.map((p) => (
              <th key={p.key} scope="col" className="govuk-table__header govuk-table__header--numeric">
                {p.label}
              </th>
            ))}
            {numeric ? (
              <th scope="col" className="govuk-table__header">
                Trend
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((r) => (
            <tr key={r.organisationId} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {r.name}
              </th>
              {r.cells.map((c) => (
                <td key={c.periodKey} className="govuk-table__cell govuk-table__cell--numeric">
                  {c.text || <span className="govuk-visually-hidden">None</span>}
                  {c.awaitingReview ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">awaiting review</span> : null}
                </td>
              ))}
              {numeric ? (
                <td className="govuk-table__cell">
                  <Trend values={r.trend} field={field} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
