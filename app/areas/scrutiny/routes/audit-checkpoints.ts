import { getDb } from "../../../../db/client";
import { partnershipCheckpointFile } from "../../../audit/checkpoints.server";
import { requirePermission } from "../../../platform/guard.server";
import type { Route } from "./+types/audit-checkpoints";

/**
 * Every signed checkpoint of the partnership's audit trail, as a text file
 * to keep outside the platform and check with `npm run audit:verify -- --checkpoint`.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "audit:view");
  const text = await partnershipCheckpointFile(getDb(), scope.partnership);
  return new Response(text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${scope.partnership.slug}-audit-checkpoints.txt"`,
      "Cache-Control": "private, no-store",
    },
  });
}
