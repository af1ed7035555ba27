import { isRouteErrorResponse, Link, Outlet, useLocation, useRouteError } from "react-router";
import { requirePermission } from "../../../platform/guard.server";
import { PartnershipNav, sectionOf } from "../components/partnership-nav";
import type { Route } from "./+types/partnership-layout";

// Every page inside a partnership: its name and sections once, here; each
// page's own loader still calls the guard for what it shows.

// Pages set their own title; this one is for a page refused or not found inside the partnership.
export const meta = ({ data, error }: Route.MetaArgs) => [
  {
    title: `${isRouteErrorResponse(error) && error.status === 403 ? "You do not have permission to see this page" : isRouteErrorResponse(error) && error.status === 404 ? "Page not found" : (data?.partnership.name ?? "Partnership")} – Partnership governance`,
  },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const { slug, name, shortName } = scope.partnership;
  // Observers do not see the audit trail: its section is left out rather than refused.
  return { partnership: { slug, name, shortName }, canSeeAudit: scope.permissions.has("audit:view") };
}

export default function PartnershipLayout({ loaderData }: Route.ComponentProps) {
  const { partnership, canSeeAudit } = loaderData;
  const location = useLocation();
  return (
    <>
      <div className="app-partnership-header app-no-print">
        <p className="app-partnership-header__name">
          <Link className="govuk-link govuk-link--no-visited-state govuk-link--text-colour" to={`/p/${partnership.slug}`}>
            {partnership.name}
          </Link>
        </p>
        <PartnershipNav partnership={partnership} current={sectionOf(location.pathname)} canSeeAudit={canSeeAudit} />
      </div>
      <Outlet />
    </>
  );
}

/** A page refused or not found inside the partnership keeps the partnership's header and sections. */
export function ErrorBoundary({ loaderData }: Route.ErrorBoundaryProps) {
  const error = useRouteError();
  const location = useLocation();
  if (!loaderData || !isRouteErrorResponse(error) || (error.status !== 403 && error.status !== 404)) throw error;
  const { partnership, canSeeAudit } = loaderData;
  return (
    <>
      <div className="app-partnership-header app-no-print">
        <p className="app-partnership-header__name">
          <Link className="govuk-link govuk-link--no-visited-state govuk-link--text-colour" to={`/p/${partnership.slug}`}>
            {partnership.name}
          </Link>
        </p>
        <PartnershipNav partnership={partnership} current={sectionOf(location.pathname)} canSeeAudit={canSeeAudit} />
      </div>
      <h1 className="govuk-heading-l">{error.status === 403 ? "You do not have permission to see this page" : "Page not found"}</h1>
      <p className="govuk-body">
        {typeof error.data === "string" && error.data !== "" ? error.data : error.status === 403 ? "Your account does not give you access to it." : "If you typed the web address, check it is correct."}
      </p>
      {error.status === 403 ? <p className="govuk-body">If you think you should have access, ask your partnership&apos;s chair or secretariat.</p> : null}
    </>
  );
}
