import { eventForHashing } from "../../../../db/audit";
import { getDb } from "../../../../db/client";
import { isAuditAction } from "../../../audit/catalogue";
import { requirePermission } from "../../../platform/guard.server";
import { auditTrailExport } from "../audit.server";
import { parseAuditFilters } from "../rules/audit-filters";
import type { Route } from "./+types/audit-jsonl";

/** A download asked for with a filter that is wrong: what is wrong, rather than some other set of events. */
export function badFilters(errors: Record<string, string | undefined>) {
  const lines = Object.entries(errors).map(([field, message]) => `${field}: ${message}`);
  return new Response(`The download was not made, because of its filters:\n${lines.join("\n")}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * The audit trail explorer's events, oldest first, one JSON object per line:
 * every stored field, the previous hash and the hash, so that anyone can
 * re-verify them (docs/verifying-an-audit-export.md). Streamed a batch at a time.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "audit:view");
  const { filters, errors } = parseAuditFilters(new URL(request.url).searchParams, isAuditAction);
  if (Object.keys(errors).length) return badFilters(errors);
  // The stored fields, as hashed: re-verifying needs every one (they hold no personal data: docs/audit-trail.md).
  const batches = auditTrailExport(getDb(), scope.partnership, filters, false);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      // Exactly the object that was hashed (db/audit.ts), then the two hashes.
      const lines = next.value.map(({ row: r }) => JSON.stringify({ ...eventForHashing(r), prevHash: r.prevHash, hash: r.hash }));
      controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${scope.partnership.slug}-audit-trail.jsonl"`,
      "Cache-Control": "private, no-store",
    },
  });
}
