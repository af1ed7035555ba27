import { getDb } from "../../../../db/client";
import { isAuditAction } from "../../../audit/catalogue";
import { csvDownload } from "../../../platform/csv-download.server";
import { requirePermission } from "../../../platform/guard.server";
import { formatDateTime } from "../../../platform/time/dates";
import { auditTrailExport } from "../audit.server";
import { auditEntityLabels, parseAuditFilters } from "../rules/audit-filters";
import { badFilters } from "./audit-jsonl";
import type { Route } from "./+types/audit-csv";

const header = ["Event", "When (UTC)", "When (London)", "Who", "Action", "What happened", "Record type", "Record id", "Record", "Reason", "Previous hash", "Hash"];

/** The audit trail explorer's events, oldest first, as a spreadsheet: streamed a batch at a time. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "audit:view");
  const { filters, errors } = parseAuditFilters(new URL(request.url).searchParams, isAuditAction);
  if (Object.keys(errors).length) return badFilters(errors);
  return csvDownload(`${scope.partnership.slug}-audit-trail.csv`, header, auditTrailExport(getDb(), scope.partnership, filters, scope.permissions.has("participation:manage")), ({ explained: e }) => [
    e.seq,
    e.occurredAt,
    formatDateTime(e.occurredAt),
    e.actor,
    e.label,
    e.sentence,
    auditEntityLabels[e.entityType as keyof typeof auditEntityLabels] ?? e.entityType,
    e.entityId,
    e.subject ?? "",
    e.reason ?? "",
    e.prevHash,
    e.hash,
  ]);
}
