import { Link } from "react-router";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { getDb } from "../../../../db/client";
import { SummaryList, Tag } from "../../../platform/ui/forms";
import { Notice } from "../../../platform/ui/notice";
import { ProblemList } from "../../register/components/problems";
import { formatDate } from "../../../platform/time/dates";
import { boardRoleLabels, seniorityTierLabels } from "../../register/public";
import { keyDateKindLabels, organisationTypeLabels, partnerRoleLabels, partnershipStatusLabels, partnershipTypeLabels, type PartnershipStatus, type PartnershipType } from "../rules/vocabulary";
import { loadPartnershipOverview } from "../overview.server";
import { riskAttention } from "../../risks/public.server";
import { requirePermission } from "../../../platform/guard.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/partnership";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.partnership.name ?? "Partnership"} – Partnership governance` }];

/** The overview's "Needs attention" counts risks up to this many (the register gives the exact figure). */
const RISKS_COUNTED_ON_OVERVIEW = 100;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const today = appToday();
  const [overview, risks] = await Promise.all([loadPartnershipOverview(getDb(), scope.partnership, today), riskAttention(getDb(), scope.partnership, today, { atMost: RISKS_COUNTED_ON_OVERVIEW })]);
  const { id, slug, name, shortName, purpose, sharedVision, type, status, startDate, termYears, leadAgreement, reportsTo } = scope.partnership;
  return {
    partnership: { id, slug, name, shortName, purpose, sharedVision, type, status, startDate, termYears, leadAgreement, reportsTo },
    today,
    canInvite: scope.permissions.has("member:invite"),
    canManage: scope.permissions.has("partnership:manage"),
    ...overview,
    problems: [...overview.problems, ...risks],
  };
}

export default function PartnershipOverview({ loaderData }: Route.ComponentProps) {
  const { partnership: p, partners, board, leadOrganisation, today, canInvite, canManage, problems, keyDates, termsVersion } = loaderData;
  const currentPartners = partners.filter((x) => x.current);
  return (
    <>
      <Notice />
      <span className="govuk-caption-l">{partnershipTypeLabels[p.type as PartnershipType] ?? p.type}</span>
      <h1 className="govuk-heading-l">{p.name}</h1>
      <p className="govuk-body-l">{p.purpose}</p>

      <ProblemList problems={problems} />

      <h2 className="govuk-heading-m">About the partnership</h2>
      <SummaryList
        rows={[
          ["Status", <Tag key="s" colour={p.status === "active" ? "green" : "grey"}>{partnershipStatusLabels[p.status as PartnershipStatus] ?? p.status}</Tag>],
          p.sharedVision ? ["Shared vision", <span key="v" className="app-pre-wrap">{p.sharedVision}</span>] : null,
          [
            "Lead body",
            <>
              {leadOrganisation}
              {p.leadAgreement ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{p.leadAgreement}</p> : null}
            </>,
          ],
          ["Started", `${formatDate(p.startDate)}${p.termYears ? `, for a term of ${p.termYears} years` : ""}`],
          p.reportsTo ? ["Reports to", p.reportsTo] : null,
          [
            "Terms of reference",
            termsVersion ? (
              <Link className="govuk-link" to={`/p/${p.slug}/terms`}>
                Version {termsVersion} in force
              </Link>
            ) : (
              <Link className="govuk-link" to={`/p/${p.slug}/terms`}>
                None approved yet
              </Link>
            ),
          ],
          [
            "Key dates",
            keyDates.length === 0 ? (
              "None recorded"
            ) : (
              <ul className="govuk-list">
                {keyDates.map((d) => (
                  <li key={d.id}>
                    <strong>{keyDateKindLabels[d.kind]}</strong>: {formatDate(d.onDate)} – {d.description}
                  </li>
                ))}
              </ul>
            ),
          ],
        ]}
      />
      {canManage || canInvite ? (
        <ul className="govuk-list">
          {canManage ? (
            <>
              <li>
                <Link className="govuk-link" to={`/p/${p.slug}/edit`}>
                  Change the partnership&apos;s details
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`/p/${p.slug}/key-dates`}>
                  Add or remove key dates
                </Link>
              </li>
            </>
          ) : null}
          {canInvite ? (
            <li>
              <Link className="govuk-link" to={`/p/${p.slug}/invite`}>
                Invite a person to {p.shortName}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      <h2 className="govuk-heading-m" id="partners">
        Partners ({currentPartners.length})
      </h2>
      <div {...tableScroll("Partners")}>
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
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/p/${p.slug}/partners/${x.id}`}>
                    {x.name}
                  </Link>
                </th>
                <td className="govuk-table__cell">{organisationTypeLabels[x.type]}</td>
                <td className="govuk-table__cell">{partnerRoleLabels[x.role]}</td>
                <td className="govuk-table__cell">{formatDate(x.joinedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="govuk-heading-m" id="board">
        Board members on {formatDate(today)} ({board.length})
      </h2>
      <div {...tableScroll("Board members")}>
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
            {board.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/p/${p.slug}/board/${s.id}`}>
                    {s.personName}
                  </Link>
                </th>
                <td className="govuk-table__cell">{s.organisationName}</td>
                <td className="govuk-table__cell">
                  {boardRoleLabels[s.boardRole]}
                  {s.deputyForName ? ` for ${s.deputyForName}` : ""}
                </td>
                <td className="govuk-table__cell">{s.jobTitle}</td>
                <td className="govuk-table__cell">{seniorityTierLabels[s.seniority]}</td>
                <td className="govuk-table__cell">{s.hasVote ? "Yes" : "No"}</td>
                <td className="govuk-table__cell">{s.termEnd ? formatDate(s.termEnd) : "Open-ended"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/p/${p.slug}/board`}>
          See the full board register, past and present
        </Link>
      </p>
    </>
  );
}
