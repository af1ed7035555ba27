import { Link } from "react-router";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { formatDate } from "../../../platform/time/dates";
import { actionStatusLabels, type ActionStatus } from "../rules";
import { Tag } from "../../../platform/ui/forms";

type Row = {
  action: { id: string; title: string; dueDate: string };
  state: ActionStatus | "overdue";
  ownerName: string | null;
  organisationName: string | null;
  meetingTitle: string | null;
  decisionReference: string | null;
  partnershipSlug?: string;
  partnershipName?: string;
};

export const actionStateColour = (state: ActionStatus | "overdue") => (state === "overdue" ? "red" : state === "done" ? "green" : state === "cancelled" ? "grey" : "blue");

/** A list of actions with owner, partner, due date, state and where each came from. */
export function ActionTable({ rows, slug, caption, showPartnership }: { rows: Row[]; slug?: string; caption: string; showPartnership?: boolean }) {
  return (
    <div {...tableScroll(caption)}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Action</th>
            {showPartnership ? <th scope="col" className="govuk-table__header">Partnership</th> : null}
            <th scope="col" className="govuk-table__header">Owner</th>
            <th scope="col" className="govuk-table__header">Due</th>
            <th scope="col" className="govuk-table__header">Status</th>
            <th scope="col" className="govuk-table__header">From</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((r) => (
            <tr key={r.action.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/p/${r.partnershipSlug ?? slug}/actions/${r.action.id}`}>
                  {r.action.title}
                </Link>
              </th>
              {showPartnership ? <td className="govuk-table__cell">{r.partnershipName}</td> : null}
              <td className="govuk-table__cell">{[r.ownerName, r.organisationName].filter(Boolean).join(", ")}</td>
              <td className="govuk-table__cell">{formatDate(r.action.dueDate)}</td>
              <td className="govuk-table__cell">
                <Tag colour={actionStateColour(r.state)}>{actionStatusLabels[r.state]}</Tag>
              </td>
              <td className="govuk-table__cell">{r.decisionReference ?? r.meetingTitle ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
