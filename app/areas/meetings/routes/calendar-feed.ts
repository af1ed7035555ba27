import { getDb } from "../../../../db/client";
import { ICS_CONTENT_TYPE } from "../../../platform/text/ics";
import { calendarFeed, userForCalendarToken } from "../calendar.server";
import { notFound } from "../../../platform/guard.server";
import type { Route } from "./+types/calendar-feed";

// A person's meetings as a subscribable feed. Calendar apps cannot sign in, so
// the secret token in the address is the credential (see app/areas/meetings/calendar.server.ts).
export async function loader({ params }: Route.LoaderArgs) {
  const db = getDb();
  const user = await userForCalendarToken(db, params.token);
  if (!user) notFound("There is no calendar at this address. It may have been reset: copy the new address from your calendar page.");
  return new Response(await calendarFeed(db, user.id), {
    headers: {
      "Content-Type": ICS_CONTENT_TYPE,
      "Content-Disposition": 'inline; filename="meetings.ics"',
      "Cache-Control": "private, max-age=900",
      "X-Robots-Tag": "noindex", // the address is a secret: keep it out of search engines
    },
  });
}
