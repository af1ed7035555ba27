import { Form, Link } from "react-router";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { getDb } from "../../../../db/client";
import { Tag } from "../../../platform/ui/forms";
import { Notice } from "../../../platform/ui/notice";
import { formatDate, isIsoDate } from "../../../platform/time/dates";
import { boardRoleLabels, seniorityTierLabels } from "../rules/vocabulary";
import { boardOnDate, listSeats, registerQuerySchema, type RegisterSort } from "../board.server";
import { requirePermission } from "../../../platform/guard.server";
import { listPartners } from "../../partnerships/public.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/board";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Board register – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const today = appToday();
  const query = registerQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const onDate = query.on && isIsoDate(query.on) ? query.on : today;
  const db = getDb();
  const [seats, partners] = await Promise.all([listSeats(db, scope.partnership.id), listPartners(db, scope.partnership.id, onDate)]);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    today,
    onDate,
    badDate: Boolean(query.on && !isIsoDate(query.on)),
    organisationId: query.organisation ?? "",
    sort: query.sort ?? "role",
    dir: query.dir ?? "asc",
    rows: boardOnDate(seats, { onDate, organisationId: query.organisation, sort: query.sort, dir: query.dir }),
    organisations: partners.map((x) => ({ id: x.organisationId, name: x.name })),
    canManage: scope.permissions.has("partnership:manage"),
    canAddDeputy: scope.permissions.has("board:manage_own_organisation"),
  };
}

const columns: { key: RegisterSort; label: string }[] = [
  { key: "name", label: "Name" },
  { key: "organisation", label: "Organisation" },
  { key: "role", label: "Board role" },
  { key: "seniority", label: "Seniority" },
  { key: "termStart", label: "Term started" },
  { key: "termEnd", label: "Term ends" },
];

export default function BoardRegister({ loaderData }: Route.ComponentProps) {
  const { partnership: p, today, onDate, badDate, organisationId, sort, dir, rows, organisations, canManage, canAddDeputy } = loaderData;
  const link = (key: RegisterSort) => {
    const q = new URLSearchParams();
    if (onDate !== today) q.set("on", onDate);
    if (organisationId) q.set("organisation", organisationId);
    q.set("sort", key);
    q.set("dir", sort === key && dir === "asc" ? "desc" : "asc");
    return `?${q}`;
  };
  const orgName = organisations.find((o) => o.id === organisationId)?.name;
  return (
    <>
      <Notice />
      <h1 className="govuk-heading-l">Board register</h1>
      {canManage || canAddDeputy ? (
        <Link className="govuk-button" to={`/p/${p.slug}/board/new`}>
          {canManage ? "Add a seat" : "Name a deputy"}
        </Link>
      ) : null}
      <Form method="get" className="app-filters">
        <div className={`govuk-form-group${badDate ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label" htmlFor="on">
            The board as on
          </label>
          {badDate ? (
            <p className="govuk-error-message" id="on-error">
              <span className="govuk-visually-hidden">Error:</span> That is not a real date, so today&apos;s board is shown
            </p>
          ) : null}
          <input
            className={`govuk-input govuk-input--width-10${badDate ? " govuk-input--error" : ""}`}
            id="on"
            name="on"
            type="date"
            defaultValue={onDate}
            aria-describedby={badDate ? "on-error" : undefined}
          />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="organisation">
            Organisation
          </label>
          <select className="govuk-select" id="organisation" name="organisation" defaultValue={organisationId}>
            <option value="">All partners</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show the board
        </button>
      </Form>
      <div {...tableScroll("Board register")}>
        <table className="govuk-table" id="register">
          <caption className="govuk-table__caption govuk-table__caption--m">
            {rows.length} {rows.length === 1 ? "seat" : "seats"} on {formatDate(onDate)}
            {orgName ? ` for ${orgName}` : ""}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {columns.map((c) => (
                <th key={c.key} scope="col" className="govuk-table__header" aria-sort={sort === c.key ? (dir === "asc" ? "ascending" : "descending") : "none"}>
                  <Link className="govuk-link app-sort-link" to={link(c.key)}>
                    {c.label}
                    <span className="govuk-visually-hidden">, sort {sort === c.key && dir === "asc" ? "descending" : "ascending"}</span>
                  </Link>
                </th>
              ))}
              <th scope="col" className="govuk-table__header">Vote</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/p/${p.slug}/board/${s.id}`}>
                    {s.personName}
                  </Link>
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{s.jobTitle}</span>
                </th>
                <td className="govuk-table__cell">{s.organisationName}</td>
                <td className="govuk-table__cell">
                  {boardRoleLabels[s.boardRole]}
                  {s.deputyForName ? ` for ${s.deputyForName}` : ""}
                </td>
                <td className="govuk-table__cell">{seniorityTierLabels[s.seniority]}</td>
                <td className="govuk-table__cell">{formatDate(s.termStart)}</td>
                <td className="govuk-table__cell">{s.termEnd ? formatDate(s.termEnd) : <Tag colour="grey">Open-ended</Tag>}</td>
                <td className="govuk-table__cell">{s.hasVote ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
