import { getDb } from "../../../../db/client";
import { forbidden, requirePermission } from "../../../platform/guard.server";
import { formatDate } from "../../../platform/time/dates";
import { BackLink } from "../../partnerships/components/partnership-nav";
import { safeguardingInbox, safeguardingReaders } from "../safeguarding.server";
import type { Route } from "./+types/safeguarding";

export const meta = () => [{ title: "Safeguarding messages – Partnership governance" }];

// Only the designated safeguarding lead (or, with none named, the partnership's
// participation workers) reads these: not the chair, the board, scrutiny or
// platform administrators.
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const readers = await safeguardingReaders(db, scope.partnership.id);
  if (!readers.includes(scope.user.id)) forbidden("Only the partnership's designated safeguarding lead reads these messages.");
  const messages = await safeguardingInbox(db, scope.partnership.id);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    messages: messages.map((m) => ({ id: m.id, text: m.text, sentOn: m.sentAt.toISOString().slice(0, 10), time: m.sentAt.toISOString().slice(11, 16), deleted: m.youngPersonId === null })),
  };
}

export default function Safeguarding({ loaderData }: Route.ComponentProps) {
  const { partnership: p, messages } = loaderData;
  return (
    <>
      <BackLink to={`/p/${p.slug}/participation`}>Young people</BackLink>
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">Safeguarding messages</h1>
      <p className="govuk-body">Messages young people sent with “Worried about something?”. Follow your safeguarding procedures; record what you do in your own safeguarding system, not here.</p>
      {messages.length === 0 ? <p className="govuk-body">There are no messages.</p> : null}
      {messages.map((m) => (
        <section key={m.id} className="app-card" aria-label={`Message of ${formatDate(m.sentOn)}`}>
          <p className="govuk-body-s">
            Sent {formatDate(m.sentOn)} at {m.time} (UTC){m.deleted ? ". The young person has since deleted their account" : ""}
          </p>
          <p className="govuk-body app-preserve-lines">{m.text}</p>
        </section>
      ))}
    </>
  );
}
