import { Link } from "react-router";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { getDb } from "../../../../db/client";
import { Tag, WarningText } from "../../../platform/ui/forms";
import { Notice } from "../../../platform/ui/notice";
import { periodStatusColour } from "../components/period-status";
import { cadenceLabels, describeDueRule, describeStage, obligationTypeLabels, periodStatusLabels } from "../rules/obligations";
import { formatDate } from "../../../platform/time/dates";
import { organisationTypeLabels, type OrganisationType } from "../../partnerships/public";
import { appToday } from "../../../platform/clock.server";
import { requirePermission } from "../../../platform/guard.server";
import { loadCompliance, reminderScheduleOf } from "../obligations.server";
import type { Route } from "./+types/obligations";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Returns and obligations – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const today = appToday();
  const compliance = await loadCompliance(getDb(), scope.partnership.id, today);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    today,
    canManage: scope.permissions.has("partnership:manage"),
    schedule: reminderScheduleOf(scope.partnership),
    ...compliance,
  };
}

export default function Obligations({ loaderData }: Route.ComponentProps) {
  const { partnership: p, obligations, partners, perObligation, partnerNames, canManage, schedule, unreachable } = loaderData;
  return (
    <>
      <Notice />
      <h1 className="govuk-heading-l">Returns and obligations</h1>
      {canManage ? (
        <div className="govuk-button-group">
          <Link className="govuk-button" to={`/p/${p.slug}/obligations/new`}>
            Add an obligation
          </Link>
          <Link className="govuk-link" to={`/p/${p.slug}/obligations/reminders`}>
            Change when partners are reminded
          </Link>
        </div>
      ) : null}
      <p className="govuk-body">Reminders: {schedule.map((s) => describeStage(s).toLowerCase()).join("; ")}.</p>

      <h2 className="govuk-heading-m" id="compliance">
        How each partner is doing
      </h2>
      {partners.length === 0 ? (
        <p className="govuk-body">No partner owes anything yet.</p>
      ) : (
        <div {...tableScroll("How each partner is doing")}>
          <table className="govuk-table" aria-labelledby="compliance">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Partner</th>
                <th scope="col" className="govuk-table__header">On time, last 12 months</th>
                <th scope="col" className="govuk-table__header">Overdue now</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Reminders sent</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {partners.map((x) => (
                <tr key={x.organisationId} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">{x.name}</th>
                  <td className="govuk-table__cell">
                    {x.rate === null ? "Nothing due yet" : `${x.rate}% (${x.onTime} of ${x.due})`}{" "}
                    {x.rate !== null && x.rate < 75 ? <Tag colour="red">Below 75%</Tag> : null}
                  </td>
                  <td className="govuk-table__cell">
                    {x.overdue.length === 0 ? (
                      "None"
                    ) : (
                      <ul className="govuk-list govuk-!-margin-bottom-0">
                        {x.overdue.map((o) => (
                          <li key={`${o.obligation}${o.period}`}>
                            {o.obligation}, {o.period} (due {formatDate(o.due)})
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{x.remindersSent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {unreachable.length > 0 ? (
        <>
          <WarningText>These partners have nobody to remind: their reminders go nowhere until a return is late and the chair is told.</WarningText>
          <ul className="govuk-list govuk-list--bullet">
            {unreachable.map((u) => (
              <li key={`${u.obligationId}${u.organisationId}`}>
                {u.name}:{" "}
                <Link className="govuk-link" to={`/p/${p.slug}/obligations/${u.obligationId}`}>
                  {u.obligation}
                </Link>
              </li>
            ))}
          </ul>
          <p className="govuk-body">Name someone responsible on the obligation&apos;s page, or give the partner a representative or a board member.</p>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Obligations</h2>
      {obligations.length === 0 ? <p className="govuk-body">None yet.</p> : null}
      {perObligation.map(({ obligation: o, period, cells }) => (
        <section key={o.id} className="govuk-!-margin-bottom-6" aria-labelledby={`o-${o.id}`}>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={`o-${o.id}`}>
            <Link className="govuk-link" to={`/p/${p.slug}/obligations/${o.id}`}>
              {o.title}
            </Link>
          </h3>
          <p className="govuk-body-s">
            {obligationTypeLabels[o.type]} · {cadenceLabels[o.cadence]} · {describeDueRule(o.dueRule)} · owed by{" "}
            {o.owedByOrganisationId ? partnerNames[o.owedByOrganisationId] : `every ${organisationTypeLabels[o.owedByOrganisationType as OrganisationType].toLowerCase()} partner`}
          </p>
          {period ? (
            <>
              <p className="govuk-body govuk-!-margin-bottom-1">
                Latest: {period.label}, due {formatDate(period.due)}.
              </p>
              <ul className="govuk-list app-status-list">
                {cells.map((c) => (
                  <li key={c.organisationId}>
                    {partnerNames[c.organisationId]} <Tag colour={periodStatusColour(c.status)}>{periodStatusLabels[c.status]}</Tag>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}
