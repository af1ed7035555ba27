import { notFound, requirePlatformAdmin } from "../guard.server";
import { outboxEnabled, readOutboxMessage } from "../mail/outbox.server";
import type { Route } from "./+types/dev-outbox-file";

// The raw message as plain text (a resource route: no page around it).
export async function loader({ request, context, params }: Route.LoaderArgs) {
  if (!outboxEnabled()) notFound();
  requirePlatformAdmin(request, context);
  const raw = await readOutboxMessage(params.file);
  if (raw === null) notFound("There is no such message in the outbox.");
  return new Response(raw, { headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
}
