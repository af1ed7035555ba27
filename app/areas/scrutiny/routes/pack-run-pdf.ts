import { getDb } from "../../../../db/client";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { packRunPdf } from "../pack-runs.server";
import { packFilename } from "../rules/pack";
import type { Route } from "./+types/pack-run-pdf";

/** A pack the worker prepared, as it was stored: another partnership's run, or one not ready yet, is not found. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const found = await packRunPdf(getDb(), scope.partnership.id, params.runId);
  if (!found) notFound("That scrutiny pack is not in this partnership's records, or is not ready yet.");
  return new Response(found.pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${packFilename(scope.partnership.shortName, found.period)}"`,
      "Content-Length": String(found.pdf.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
