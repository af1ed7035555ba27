import { getDb } from "../../../../db/client";
import { csvDownload } from "../../../platform/csv-download.server";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { getObligation } from "../obligations.server";
import { answerBatches, listFieldSets } from "../return-fields.server";
import { periodStatusLabels } from "../rules/obligations";
import { csvFieldValue, fieldsAcross } from "../rules/return-fields";
import type { Route } from "./+types/obligation-returns-csv";

/** Every partner's current return for every period (the latest, unless it was sent back) with its answers, one column per field. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const o = await getObligation(db, scope.partnership.id, params.obligationId);
  if (!o) notFound("That obligation is not in this partnership.");
  const versions = await listFieldSets(db, o.id);
  const fields = fieldsAcross(versions);
  const number = new Map(versions.map((v) => [v.id, v]));
  const header = ["Partner", "Period ending", "Due", "Submitted on", "Status", "Fields version", ...fields.map((f) => f.label)];
  // Streamed a batch of periods at a time (decades of monthly returns stay in constant memory).
  return csvDownload(`${scope.partnership.slug}-${o.id.slice(0, 8)}-returns.csv`, header, answerBatches(db, o.id), (a) => {
    const version = a.fieldSetId ? number.get(a.fieldSetId) : undefined;
    return [
      a.organisation,
      a.periodKey,
      a.dueDate,
      a.submittedOn,
      periodStatusLabels[a.status],
      version?.number ?? "",
      ...fields.map((f) => (version?.fields.some((x) => x.key === f.key) ? csvFieldValue(f, a.figures[f.key]) : "")),
    ];
  });
}
