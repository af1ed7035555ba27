import { getDb } from "../../../../db/client";
import { ICS_CONTENT_TYPE } from "../../../platform/text/ics";
import { meetingInvite } from "../calendar.server";
import { notFound, requirePermission } from "../../../platform/guard.server";
import type { Route } from "./+types/meeting-ics";

// One meeting's invitation as an .ics file, to add to any calendar.
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { partnership } = await requirePermission(request, context, params.slug, "partnership:view");
  const invite = await meetingInvite(getDb(), partnership.id, params.meetingId);
  if (!invite) notFound("There is no meeting at this address.");
  return new Response(invite.body, {
    headers: {
      "Content-Type": ICS_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${invite.filename}"`,
      "Cache-Control": "private, no-cache",
    },
  });
}
