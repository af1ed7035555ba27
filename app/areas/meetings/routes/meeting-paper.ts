import { getDb } from "../../../../db/client";
import { requirePermission, notFound } from "../../../platform/guard.server";
import { requireMeeting } from "../meeting-page.server";
import { getPaper } from "../meetings.server";
import type { Route } from "./+types/meeting-paper";

/**
 * Serves a paper to people who may see the partnership. Always as a
 * download with its checked type (the server sends nosniff on every
 * response), and sandboxed in case a browser opens it anyway.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const meeting = await requireMeeting(db, scope, params.meetingId);
  const paper = await getPaper(db, meeting.id, params.paperId);
  if (!paper) notFound("That paper is not attached to this meeting.");
  const ascii = paper.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(paper.content), {
    headers: {
      "Content-Type": paper.contentType,
      "Content-Length": String(paper.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(paper.filename)}`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
      ETag: `"${paper.sha256}"`,
    },
  });
}
