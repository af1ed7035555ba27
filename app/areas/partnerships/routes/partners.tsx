import { Link } from "react-router";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { getDb } from "../../../../db/client";
import { Tag } from "../../../platform/ui/forms";
import { Notice } from "../../../platform/ui/notice";
import { formatDate } from "../../../platform/time/dates";
import { organisationTypeLabels, partnerRoleLabels } from "../rules/vocabulary";
import { requirePermission } from "../../../platform/guard.server";
import { listPartners, type PartnerRow } from "../partnerships.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/partners";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Partners – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const today = appToday();
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    partners: await listPartners(getDb(), scope.partnership.id, today),
    canManage: scope.permissions.has("partnership:manage"),
  };
}

function PartnerTable({ id, caption, slug, rows, former }: { id: string; caption: string; slug: string; rows: PartnerRow[]; former?: boolean }) {
  return (
    <div {...tableScroll(caption)}>
      <table className="govuk-table" id={id}>
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Organisation</th>
            <th scope="col" className="govuk-table__header">Type</th>
            <th scope="col" className="govuk-table__header">Role</th>
            <th scope="col" className="govuk-table__header">Joined</th>
            <th scope="col" className="govuk-table__header">{former ? "Left" : "Board seats today"}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((x) => (
            <tr key={x.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/p/${slug}/partners/${x.id}`}>
                  {x.name}
                </Link>
              </th>
              <td className="govuk-table__cell">{organisationTypeLabels[x.type]}</td>
              <td className="govuk-table__cell">{partnerRoleLabels[x.role]}</td>
              <td className="govuk-table__cell">{formatDate(x.joinedOn)}</td>
              <td className="govuk-table__cell">
                {former ? formatDate(x.leftOn) : x.seatsOnDate === 0 ? <Tag colour="red">None</Tag> : x.seatsOnDate}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Partners({ loaderData }: Route.ComponentProps) {
  const { partnership: p, partners, canManage } = loaderData;
  const current = partners.filter((x) => x.current);
  const former = partners.filter((x) => !x.current && x.leftOn);
  const joining = partners.filter((x) => !x.current && !x.leftOn);
  return (
    <>
      <Notice />
      <h1 className="govuk-heading-l">Partners</h1>
      {canManage ? (
        <Link className="govuk-button" to={`/p/${p.slug}/partners/new`}>
          Add a partner
        </Link>
      ) : null}
      <PartnerTable id="current-partners" caption={`Current partners (${current.length})`} slug={p.slug} rows={current} />
      {joining.length ? <PartnerTable id="joining-partners" caption={`Joining later (${joining.length})`} slug={p.slug} rows={joining} /> : null}
      {former.length ? <PartnerTable id="former-partners" caption={`Former partners (${former.length})`} slug={p.slug} rows={former} former /> : null}
    </>
  );
}
