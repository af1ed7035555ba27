import { Link } from "react-router";
import { tableScroll } from "../ui/table-scroll";
import { notFound, requirePlatformAdmin } from "../guard.server";
import { listOutbox, outboxEnabled } from "../mail/outbox.server";
import type { Route } from "./+types/dev-outbox";

export const meta = () => [{ title: "Outbox (development) – Partnership governance" }];

// Development only: without SMTP_URL, emails are written to DATA_DIR/outbox
// and listed here so invitation and reset links can be followed — by a
// signed-in platform administrator only, since they hold the keys to accounts.
export async function loader({ request, context }: Route.LoaderArgs) {
  if (!outboxEnabled()) notFound();
  requirePlatformAdmin(request, context);
  return { messages: await listOutbox() };
}

export default function DevOutbox({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <span className="govuk-caption-l">Development only</span>
      <h1 className="govuk-heading-l">Outbox</h1>
      <p className="govuk-body">Emails the app would have sent. Set SMTP_URL to send them for real.</p>
      {loaderData.messages.length === 0 ? (
        <p className="govuk-body">No emails yet.</p>
      ) : (
        <div {...tableScroll("Emails written")}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">To</th>
                <th scope="col" className="govuk-table__header">Subject</th>
                <th scope="col" className="govuk-table__header">Links in the message</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {loaderData.messages.map((m) => (
                <tr key={m.file} className="govuk-table__row">
                  <td className="govuk-table__cell">{m.to}</td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/dev/outbox/${m.file}`} reloadDocument>
                      {m.subject}
                    </Link>
                    <span className="govuk-body-s govuk-!-display-block">{m.date}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {m.links.map((l) => (
                      <a key={l} className="govuk-link govuk-!-display-block" href={l}>
                        {new URL(l).pathname}
                      </a>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
