import { getDb } from "../../../../db/client";
import { appNow, appToday } from "../../../platform/clock.server";
import { requirePermission } from "../../../platform/guard.server";
import { packContent } from "../pack.server";
import { renderPackPdf } from "../pack-pdf.server";
import { accountabilityPeriod } from "../rules/accountability";
import { packFilename } from "../rules/pack";
import { BusyError, workLimit } from "../../../platform/work-limit.server";
import type { Route } from "./+types/pack-pdf";

// A pack is made whole in memory: one at a time per process keeps a crowd of requests from exhausting it
// (ten at once of the busiest partnership's year reached the 512 MB machine's limit). Waiting costs no memory.
const packsMadeHere = workLimit("scrutiny packs", { running: 1, waiting: 20 });

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
  let pdf: Uint8Array<ArrayBuffer>;
  try {
    pdf = await packsMadeHere.run(async () => renderPackPdf(await packContent(getDb(), scope.partnership.id, { from: period.from, to: period.to }, appNow())));
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    return new Response(
      `Other scrutiny packs are being made on this server at the moment, so this one was not started.\nTry again in a minute, or ask for it to be prepared at /p/${scope.partnership.slug}/scrutiny/pack (it is made in the background and kept for you to download).\n`,
      { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "30", "Cache-Control": "no-store" } },
    );
  }
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${packFilename(scope.partnership.shortName, period)}"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
