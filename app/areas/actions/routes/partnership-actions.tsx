import { Form, Link } from "react-router";
import { getDb } from "../../../../db/client";
import { ActionTable } from "../components/action-table";
import { Notice } from "../../../platform/ui/notice";
import { actionFilterSchema, listActions } from "../actions.server";
import { listPartnersForRules, listPeopleInPartnership } from "../../register/public.server";
import { appToday } from "../../../platform/clock.server";
import { requirePermission } from "../../../platform/guard.server";
import type { Route } from "./+types/partnership-actions";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Actions – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const filters = actionFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [page, partners, people] = await Promise.all([
    listActions(db, scope.partnership.id, filters, appToday()),
    listPartnersForRules(db, scope.partnership.id),
    listPeopleInPartnership(db, scope.partnership.id),
  ]);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    filters: { state: filters.state ?? "open", organisation: filters.organisation ?? "", owner: filters.owner ?? "" },
    ...page,
    partners: partners.map((x) => ({ id: x.organisationId, name: x.name })),
    people,
  };
}

const stateLabels = { open: "Open (including overdue)", overdue: "Overdue", done: "Done", cancelled: "Cancelled", all: "All" } as const;

export default function PartnershipActions({ loaderData }: Route.ComponentProps) {
  const { partnership: p, filters, rows, total, next, partners, people } = loaderData;
  const nextQuery = new URLSearchParams({ state: filters.state, ...(filters.organisation ? { organisation: filters.organisation } : {}), ...(filters.owner ? { owner: filters.owner } : {}), ...(next ? { after: next } : {}) });
  const partnerName = partners.find((x) => x.id === filters.organisation)?.name;
  return (
    <>
      <Notice />
      <h1 className="govuk-heading-l">Actions</h1>
      <Form method="get" className="app-filters">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="state">
            Show
          </label>
          <select className="govuk-select" id="state" name="state" defaultValue={filters.state}>
            {Object.entries(stateLabels).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="organisation">
            Partner
          </label>
          <select className="govuk-select" id="organisation" name="organisation" defaultValue={filters.organisation}>
            <option value="">All partners</option>
            {partners.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="owner">
            Owner
          </label>
          <select className="govuk-select" id="owner" name="owner" defaultValue={filters.owner}>
            <option value="">Anyone</option>
            {people.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show actions
        </button>
      </Form>
      {rows.length ? (
        <>
          <ActionTable
            rows={rows}
            slug={p.slug}
            caption={`${total} ${stateLabels[filters.state as keyof typeof stateLabels].toLowerCase().replace(" (including overdue)", "")} ${total === 1 ? "action" : "actions"}${partnerName ? ` for ${partnerName}` : ""}${total > rows.length ? `, by due date (${rows.length} on this page)` : ""}`}
          />
          {next ? (
            <nav className="govuk-pagination" aria-label="More actions">
              <div className="govuk-pagination__next">
                <Link className="govuk-link govuk-pagination__link" to={`?${nextQuery.toString()}`} rel="next">
                  <span className="govuk-pagination__link-title">Later actions</span>
                </Link>
              </div>
            </nav>
          ) : null}
        </>
      ) : (
        <p className="govuk-body">No actions match.</p>
      )}
    </>
  );
}
