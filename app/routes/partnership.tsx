import { Link } from "react-router";
import { getDb } from "../../db/client";
import { formatDate, londonDate } from "../domain/dates";
import {
  boardRoleLabels,
  boardRoles,
  organisationTypeLabels,
  partnerRoleLabels,
  partnershipTypeLabels,
  seniorityTierLabels,
  type BoardRole,
  type OrganisationType,
  type PartnerRole,
  type PartnershipType,
  type SeniorityTier,
} from "../domain/vocabulary";
import { requirePermission } from "../lib/guard.server";
import { getPartnershipOverview } from "../lib/partnerships.server";
import type { Route } from "./+types/partnership";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.partnership.name ?? "Partnership"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const today = londonDate();
  const overview = await getPartnershipOverview(getDb(), scope.partnership.id, today);
  const { id, slug, name, shortName, purpose, type, status, startDate, termYears, leadAgreement, reportsTo } = scope.partnership;
  return {
    partnership: { id, slug, name, shortName, purpose, type, status, startDate, termYears, leadAgreement, reportsTo },
    today,
    canInvite: scope.permissions.has("member:invite"),
    ...overview,
  };
}

const roleOrder = (r: string) => boardRoles.indexOf(r as BoardRole);

export default function PartnershipOverview({ loaderData }: Route.ComponentProps) {
  const { partnership: p, partners, board, leadOrganisation, today, canInvite } = loaderData;
  const currentPartners = partners.filter((x) => !x.leftOn || x.leftOn >= today);
  const sortedBoard = [...board].sort((a, b) => roleOrder(a.boardRole) - roleOrder(b.boardRole));
  return (
    <>
      <span className="govuk-caption-l">{partnershipTypeLabels[p.type as PartnershipType] ?? p.type}</span>
      <h1 className="govuk-heading-l">{p.name}</h1>
      <p className="govuk-body-l">{p.purpose}</p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Lead body</dt>
          <dd className="govuk-summary-list__value">
            {leadOrganisation}
            {p.leadAgreement ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{p.leadAgreement}</p> : null}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Started</dt>
          <dd className="govuk-summary-list__value">
            {formatDate(p.startDate)}
            {p.termYears ? `, for a term of ${p.termYears} years` : ""}
          </dd>
        </div>
        {p.reportsTo ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Reports to</dt>
            <dd className="govuk-summary-list__value">{p.reportsTo}</dd>
          </div>
        ) : null}
      </dl>
      {canInvite ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/p/${p.slug}/invite`}>
            Invite a person to {p.shortName}
          </Link>
        </p>
      ) : null}

      <h2 className="govuk-heading-m" id="partners">
        Partners ({currentPartners.length})
      </h2>
      <div className="app-table-scroll">
        <table className="govuk-table" aria-labelledby="partners">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Organisation</th>
              <th scope="col" className="govuk-table__header">Type</th>
              <th scope="col" className="govuk-table__header">Role in the partnership</th>
              <th scope="col" className="govuk-table__header">Joined</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {currentPartners.map((x) => (
              <tr key={x.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{x.name}</th>
                <td className="govuk-table__cell">{organisationTypeLabels[x.type as OrganisationType] ?? x.type}</td>
                <td className="govuk-table__cell">{partnerRoleLabels[x.role as PartnerRole] ?? x.role}</td>
                <td className="govuk-table__cell">{formatDate(x.joinedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="govuk-heading-m" id="board">
        Board members on {formatDate(today)} ({sortedBoard.length})
      </h2>
      <div className="app-table-scroll">
        <table className="govuk-table" aria-labelledby="board">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Organisation</th>
              <th scope="col" className="govuk-table__header">Board role</th>
              <th scope="col" className="govuk-table__header">Job title</th>
              <th scope="col" className="govuk-table__header">Seniority</th>
              <th scope="col" className="govuk-table__header">Vote</th>
              <th scope="col" className="govuk-table__header">Term ends</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {sortedBoard.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{s.name}</th>
                <td className="govuk-table__cell">{s.organisation}</td>
                <td className="govuk-table__cell">{boardRoleLabels[s.boardRole as BoardRole] ?? s.boardRole}</td>
                <td className="govuk-table__cell">{s.jobTitle}</td>
                <td className="govuk-table__cell">{seniorityTierLabels[s.seniority as SeniorityTier] ?? s.seniority}</td>
                <td className="govuk-table__cell">{s.hasVote ? "Yes" : "No"}</td>
                <td className="govuk-table__cell">{s.termEnd ? formatDate(s.termEnd) : "Open-ended"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
