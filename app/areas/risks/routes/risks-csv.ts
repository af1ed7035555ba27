import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { requirePermission } from "../../../platform/guard.server";
import { csvDownload } from "../../../platform/csv-download.server";
import { appetiteLevelLabels, ragBandLabels, reviewFrequencyLabels, riskCategoryLabels, riskScopeLabels, riskStatusLabels } from "../public";
import { exportRisks, riskFilterSchema } from "../register.server";
import type { Route } from "./+types/risks-csv";

const header = [
  "Reference",
  "Title",
  "Cause",
  "Risk",
  "Effect",
  "Category",
  "Status",
  "Shared or one partner's",
  "Owner",
  "Owning partner",
  "Raised on",
  "Inherent likelihood",
  "Inherent impact",
  "Inherent score",
  "Current likelihood",
  "Current impact",
  "Current score",
  "RAG band",
  "Target likelihood",
  "Target impact",
  "Target score",
  "Target date",
  "Appetite",
  "Review due",
  "Review frequency",
  "Next review",
];

/** The register as a spreadsheet, with the register page's filters: streamed a batch at a time, formulas neutralised, with a byte-order mark for Excel. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const filters = riskFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return csvDownload(`${scope.partnership.slug}-risks.csv`, header, exportRisks(getDb(), scope.partnership, filters, appToday()), csvRow);
}

type ExportRow = ReturnType<typeof exportRisks> extends AsyncGenerator<(infer R)[]> ? R : never;

const csvRow = ({ risk: r, ownerName, organisationName, score, band, appetite, review }: ExportRow) => [
  r.reference,
  r.title,
  r.cause,
  r.event,
  r.effect,
  riskCategoryLabels[r.category],
  riskStatusLabels[r.status],
  riskScopeLabels[r.scope],
  ownerName,
  organisationName,
  r.raisedOn,
  r.inherent.likelihood,
  r.inherent.impact,
  r.inherent.likelihood * r.inherent.impact,
  r.current.likelihood,
  r.current.impact,
  score,
  ragBandLabels[band],
  r.target.likelihood,
  r.target.impact,
  r.target.likelihood * r.target.impact,
  r.targetDate,
  appetite.status === "above" ? `Above (${appetiteLevelLabels[appetite.level]})` : appetite.status === "within" ? `Within (${appetiteLevelLabels[appetite.level]})` : "No appetite set",
  review.text,
  reviewFrequencyLabels[r.reviewFrequency],
  r.nextReviewOn,
];
