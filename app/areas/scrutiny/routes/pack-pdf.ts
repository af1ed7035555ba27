import { getDb } from "../../../../db/client";
import { appNow, appToday } from "../../../platform/clock.server";
import { requirePermission } from "../../../platform/guard.server";
import { packContent } from "../pack.server";
import { renderPackPdf } from "../pack-pdf.server";
import { accountabilityPeriod } from "../rules/accountability";
import { packFilename } from "../rules/pack";
import type { Route } from "./+types/pack-pdf";

const fieldNames: Record<string, string> = { from: "The start of the period (from)", to: "The end of the period (to)" };

/** The scrutiny pack for a period as a PDF to download: the same content as the pack's page. A wrong date is a 400 naming it. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const period = accountabilityPeriod(new URL(request.url).searchParams, appToday());
  const problems = Object.entries(period.errors);
  if (problems.length)
    return new Response(`The scrutiny pack was not made, because of its dates:\n${problems.map(([field, message]) => `${fieldNames[field] ?? field}: ${message}`).join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const content = await packContent(getDb(), scope.partnership.id, { from: period.from, to: period.to }, appNow());
  const pdf = await renderPackPdf(content);
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${packFilename(scope.partnership.shortName, period)}"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
