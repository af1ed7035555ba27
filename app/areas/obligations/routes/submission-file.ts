import { getDb } from "../../../../db/client";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { getObligation, getSubmissionFile } from "../obligations.server";
import type { Route } from "./+types/submission-file";

/** A return's file, as a download to people who may see the partnership it belongs to. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const obligation = await getObligation(db, scope.partnership.id, params.obligationId);
  const row = obligation ? await getSubmissionFile(db, obligation.id, params.submissionId) : undefined;
  if (!row?.content) notFound("That return has no file.");
  const name = row.filename ?? "return";
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(row.content), {
    headers: {
      "Content-Type": row.contentType ?? "application/octet-stream",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
