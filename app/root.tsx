import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type LoaderFunctionArgs,
} from "react-router";
import type { ReactNode } from "react";
import stylesUrl from "./styles/app.scss?url";
import { AppForm } from "./platform/ui/app-form";
import { useNonce } from "./platform/ui/nonce";

export const links = () => [{ rel: "stylesheet", href: stylesUrl }];

export function loader({ context }: LoaderFunctionArgs) {
  const user = context.user;
  return {
    user: user ? { name: user.name, kind: user.kind, isPlatformAdmin: user.isPlatformAdmin } : null,
    // The one-time key this page's forms carry (AppForm); a new one after every successful write.
    formKey: crypto.randomUUID(),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const nonce = useNonce();
  // The young people's portal has its own header, exit control and footer (its layout route says so).
  const portal = useMatches().some((m) => (m.handle as { portal?: boolean } | undefined)?.portal);
  if (portal)
    return (
      <html lang="en-GB" className="govuk-template">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <meta name="theme-color" content="#0b0c0c" />
          <meta name="robots" content="noindex, nofollow" />
          <Meta />
          <Links />
        </head>
        <body className="govuk-template__body app-portal">
          {children}
          <ScrollRestoration nonce={nonce} />
          <Scripts nonce={nonce} />
        </body>
      </html>
    );
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link">
          Skip to main content
        </a>
        <header className="app-header" role="banner">
          <div className="govuk-width-container app-header__inner">
            <Link to={user?.kind === "young_person" ? "/portal" : "/"} className="app-header__service">
              Partnership governance
            </Link>
            {user ? (
              <div className="app-header__user">
                <span>
                  <span className="govuk-visually-hidden">Signed in as </span>
                  {user.name}
                </span>
                <AppForm method="post" action="/sign-out">
                  <button type="submit" className="app-header__signout">
                    Sign out
                  </button>
                </AppForm>
              </div>
            ) : null}
          </div>
        </header>
        {user && user.kind === "adult" ? (
          <nav className="app-account-nav app-no-print" aria-label="Your account">
            <ul className="govuk-width-container app-account-nav__list">
              <li>
                <Link className="govuk-link govuk-link--no-visited-state" to="/">
                  Your partnerships
                </Link>
              </li>
              <li>
                <Link className="govuk-link govuk-link--no-visited-state" to="/actions">
                  Your actions
                </Link>
              </li>
              <li>
                <Link className="govuk-link govuk-link--no-visited-state" to="/calendar">
                  Calendar
                </Link>
              </li>
              <li>
                <Link className="govuk-link govuk-link--no-visited-state" to="/account">
                  Email preferences
                </Link>
              </li>
              {user.isPlatformAdmin ? (
                <li>
                  <Link className="govuk-link govuk-link--no-visited-state" to="/admin/deliveries">
                    Failed deliveries
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content" role="main">
            {children}
          </main>
        </div>
        <footer className="govuk-footer" role="contentinfo">
          <div className="govuk-width-container">
            <p className="govuk-body-s">
              Partnership governance platform: board registers, decisions and accountability for public-service
              partnerships.
            </p>
            <p className="govuk-body-s">
              <Link className="govuk-footer__link" to="/accessibility">
                Accessibility statement
              </Link>
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    if (error.status === 403)
      return (
        <ErrorPage title="You do not have permission to see this page">
          <p className="govuk-body">{typeof error.data === "string" ? error.data : "Your account does not give you access to it."}</p>
          <p className="govuk-body">
            If you think you should have access, ask your partnership&apos;s chair or secretariat. <Link className="govuk-link" to="/">Go to your partnerships</Link>.
          </p>
        </ErrorPage>
      );
    if (error.status === 404)
      return (
        <ErrorPage title="Page not found">
          <p className="govuk-body">{typeof error.data === "string" && error.data !== "" ? error.data : "If you typed the web address, check it is correct."}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/">Go to your partnerships</Link>.
          </p>
        </ErrorPage>
      );
    if (error.status >= 400 && error.status < 500) {
      const said = typeof error.data === "string" ? error.data : (error.data as { errors?: { form?: string } } | null)?.errors?.form;
      return (
        <ErrorPage title="There is a problem with what was sent">
          <p className="govuk-body">{said || "The request could not be understood."} Nothing has been saved.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/">Go to your partnerships</Link>.
          </p>
        </ErrorPage>
      );
    }
  }
  // On the server, entry.server.tsx's handleError has logged it; in the browser, the console is the place.
  if (!isRouteErrorResponse(error) && typeof document !== "undefined") console.error(error);
  return (
    <ErrorPage title="Sorry, there is a problem with the service">
      <p className="govuk-body">Try again later. Nothing you submitted has been half-saved.</p>
    </ErrorPage>
  );
}

function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <title>{`${title} – Partnership governance`}</title>
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
    </>
  );
}
