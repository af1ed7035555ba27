import { Link, Outlet } from "react-router";
import { AppForm } from "../../../platform/ui/app-form";
import { ExitThisPage } from "../components/exit-this-page";
import { currentPortalPerson } from "../portal.server";
import type { Route } from "./+types/portal-layout";

// The portal's own frame: mobile-first, the exit control on every page, a
// visible sign-out, and a footer saying how we use their information.
export const handle = { portal: true };

export async function loader({ request }: Route.LoaderArgs) {
  const person = await currentPortalPerson(request);
  return { displayName: person?.displayName ?? null };
}

export default function PortalLayout({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header className="app-portal-header">
        <div className="govuk-width-container app-portal-header__inner">
          <Link to="/portal" className="app-portal-header__name">
            Have your say
          </Link>
          {loaderData.displayName ? (
            <AppForm method="post" action="/portal/sign-out">
              <button type="submit" className="app-portal-header__signout">
                Sign out<span className="govuk-visually-hidden"> ({loaderData.displayName})</span>
              </button>
            </AppForm>
          ) : null}
        </div>
      </header>
      <div className="govuk-width-container">
        <ExitThisPage />
        <p className="govuk-body app-portal-worried">
          <Link className="govuk-link" to="/portal/worried">
            Worried about something?
          </Link>
        </p>
        <main className="govuk-main-wrapper" id="main-content" role="main">
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer" role="contentinfo">
        <div className="govuk-width-container">
          <p className="govuk-body-s">
            <Link className="govuk-footer__link" to="/portal/privacy">
              How we use your information
            </Link>
          </p>
          <p className="govuk-body-s">
            <Link className="govuk-footer__link" to="/accessibility">
              Accessibility
            </Link>
          </p>
        </div>
      </footer>
    </>
  );
}
