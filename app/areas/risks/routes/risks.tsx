import { Form, Link } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { requirePermission } from "../../../platform/guard.server";
import { formatDate } from "../../../platform/time/dates";
import { Notice } from "../../../platform/ui/notice";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { listPartnersForRules, listPeopleInPartnership } from "../../register/public.server";
import { AppetiteFlag, ReviewDue, RiskStatusTag, ScoreTag } from "../components/risk-tags";
import { ragBandLabels, ragBands, riskCategories, riskCategoryLabels } from "../public";
import { listRisks, riskFilterSchema } from "../register.server";
import type { Route } from "./+types/risks";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Risk register – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const filters = riskFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [page, partners, people] = await Promise.all([
    listRisks(db, scope.partnership, filters, appToday()),
    listPartnersForRules(db, scope.partnership.id),
    listPeopleInPartnership(db, scope.partnership.id),
  ]);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    filters: {
      status: filters.status ?? "live",
      category: filters.category ?? "",
      owner: filters.owner ?? "",
      partner: filters.partner ?? "",
      band: filters.band ?? "",
      appetite: filters.appetite ?? "",
      review: filters.review ?? "",
    },
    cell: filters.likelihood && filters.impact ? { rating: filters.rating ?? "current", likelihood: filters.likelihood, impact: filters.impact } : null,
    rows: page.rows,
    total: page.total,
    next: page.next,
    bands: page.settings.bands,
    partners: partners.map((x) => ({ id: x.organisationId, name: x.name })),
    people,
    canManage: scope.permissions.has("risk:manage"),
  };
}

const statusFilterLabels = { live: "Open and escalated", closed: "Closed", transferred: "Transferred", all: "All" } as const;

function Filter({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="govuk-select" id={`filter-${name}`} name={name} defaultValue={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function RiskRegister({ loaderData }: Route.ComponentProps) {
  const { partnership: p, filters, cell, rows, total, next, partners, people, canManage } = loaderData;
  const query = new URLSearchParams(Object.entries({ ...filters, ...(cell ?? {}) }).map(([k, v]) => [k, String(v)]).filter(([, v]) => v !== ""));
  const csvQuery = query.toString();
  if (next) query.set("after", next);
  return (
    <>
      <Notice />
      <h1 className="govuk-heading-l">Risk register</h1>
      <div className="govuk-button-group">
        {canManage ? (
          <Link className="govuk-button" to={`/p/${p.slug}/risks/new`}>
            Add a risk
          </Link>
        ) : null}
        <Link className="govuk-link" to={`/p/${p.slug}/risks/heat-map`}>
          Heat map
        </Link>
        <Link className="govuk-link" to={`/p/${p.slug}/risks/appetite`}>
          Risk appetite
        </Link>
        {canManage ? (
          <Link className="govuk-link" to={`/p/${p.slug}/risks/settings`}>
            Scoring
          </Link>
        ) : null}
      </div>
      {cell ? (
        <p className="govuk-inset-text">
          Showing risks whose {cell.rating} rating is likelihood {cell.likelihood}, impact {cell.impact}, from the{" "}
          <Link className="govuk-link" to={`/p/${p.slug}/risks/heat-map?show=${cell.rating}`}>
            heat map
          </Link>
          .{" "}
          <Link className="govuk-link" to={`/p/${p.slug}/risks`}>
            Show every risk
          </Link>
        </p>
      ) : null}
      <Form method="get" className="app-filters">
        <Filter name="status" label="Status" value={filters.status} options={Object.entries(statusFilterLabels).map(([value, label]) => ({ value, label }))} />
        <Filter name="category" label="Category" value={filters.category} options={[{ value: "", label: "All categories" }, ...riskCategories.map((c) => ({ value: c, label: riskCategoryLabels[c] }))]} />
        <Filter name="owner" label="Owner" value={filters.owner} options={[{ value: "", label: "Anyone" }, ...people.map((x) => ({ value: x.id, label: x.name }))]} />
        <Filter name="partner" label="Partner" value={filters.partner} options={[{ value: "", label: "All partners" }, ...partners.map((x) => ({ value: x.id, label: x.name }))]} />
        <Filter name="band" label="RAG band" value={filters.band} options={[{ value: "", label: "Any band" }, ...ragBands.map((b) => ({ value: b, label: ragBandLabels[b] }))]} />
        <Filter name="appetite" label="Appetite" value={filters.appetite} options={[{ value: "", label: "Any" }, { value: "above", label: "Above appetite" }]} />
        <Filter name="review" label="Review" value={filters.review} options={[{ value: "", label: "Any" }, { value: "overdue", label: "Overdue" }]} />
        {cell ? (
          <>
            <input type="hidden" name="rating" value={cell.rating} />
            <input type="hidden" name="likelihood" value={cell.likelihood} />
            <input type="hidden" name="impact" value={cell.impact} />
          </>
        ) : null}
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show risks
        </button>
      </Form>
      <p className="govuk-body">
        <a className="govuk-link" href={`/p/${p.slug}/risks.csv${csvQuery ? `?${csvQuery}` : ""}`} download>
          Download these risks as a spreadsheet (CSV)
        </a>
      </p>
      {rows.length ? (
        <>
          <div {...tableScroll("Risks")}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                {total} {total === 1 ? "risk" : "risks"}, highest current score first{total > rows.length ? ` (${rows.length} on this page)` : ""}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Reference</th>
                  <th scope="col" className="govuk-table__header">Risk</th>
                  <th scope="col" className="govuk-table__header">Category</th>
                  <th scope="col" className="govuk-table__header">Owner</th>
                  <th scope="col" className="govuk-table__header">Current score</th>
                  <th scope="col" className="govuk-table__header">Appetite</th>
                  <th scope="col" className="govuk-table__header">Next review</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.map((r) => (
                  <tr key={r.risk.id} className="govuk-table__row">
                    <td className="govuk-table__cell app-nowrap">{r.risk.reference}</td>
                    <th scope="row" className="govuk-table__header">
                      <Link className="govuk-link" to={`/p/${p.slug}/risks/${r.risk.id}`}>
                        {r.risk.title}
                      </Link>
                      {r.risk.status !== "open" ? (
                        <>
                          {" "}
                          <RiskStatusTag status={r.risk.status} />
                        </>
                      ) : null}
                    </th>
                    <td className="govuk-table__cell">{riskCategoryLabels[r.risk.category]}</td>
                    <td className="govuk-table__cell">
                      {r.ownerName}, {r.organisationName}
                    </td>
                    <td className="govuk-table__cell">
                      <ScoreTag score={r.score} band={r.band} />
                    </td>
                    <td className="govuk-table__cell">
                      <AppetiteFlag check={r.appetite} short />
                    </td>
                    <td className="govuk-table__cell">{r.live ? <ReviewDue state={r.review.state} text={r.review.text} /> : `Not reviewed (raised ${formatDate(r.risk.raisedOn)})`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {next ? (
            <nav className="govuk-pagination" aria-label="More risks">
              <div className="govuk-pagination__next">
                <Link className="govuk-link govuk-pagination__link" to={`?${query.toString()}`} rel="next">
                  <span className="govuk-pagination__link-title">Next page</span>
                </Link>
              </div>
            </nav>
          ) : null}
        </>
      ) : (
        <p className="govuk-body">No risks match.</p>
      )}
    </>
  );
}
