import { getDb } from "../../../../db/client";
import { csvDownload } from "../../../platform/csv-download.server";
import { ratificationSummary } from "../rules/decisions";
import { decisionRouteLabels, decisionStatusLabels, type DecisionRoute, type DecisionStatus, type RatificationStatus } from "../rules/vocabulary";
import { decisionLogQuerySchema, exportDecisionLog } from "../decisions.server";
import { requirePermission } from "../../../platform/guard.server";
import type { Route } from "./+types/decisions-csv";

const header = [
  "Reference",
  "Date",
  "Title",
  "Decision",
  "Status",
  "How taken",
  "Meeting",
  "Method",
  "Quorate",
  "Votes for",
  "Votes against",
  "Abstentions",
  "Financial implication (GBP)",
  "Delegated authority",
  "Ratification",
  "Review date",
  "Rationale",
];

/** The decision log as a spreadsheet, with the log page's filters: streamed a batch at a time, in constant memory. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const query = decisionLogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return csvDownload(`${scope.partnership.slug}-decisions.csv`, header, exportDecisionLog(getDb(), scope.partnership.id, query), csvRow);
}

type ExportRow = ReturnType<typeof exportDecisionLog> extends AsyncGenerator<(infer R)[]> ? R : never;

const csvRow = (r: ExportRow) => [
  r.reference,
  r.decidedOn,
  r.title,
  r.text,
  decisionStatusLabels[r.status as DecisionStatus] ?? r.status,
  decisionRouteLabels[r.route as DecisionRoute] ?? r.route,
  r.meeting,
  r.method,
  r.quorate === null ? "" : r.quorate ? "Yes" : "No",
  r.votesFor,
  r.votesAgainst,
  r.votesAbstain,
  r.financialImplicationGbp,
  r.delegatedAuthority,
  ratificationSummary((r.ratifications ? r.ratifications.split(",") : []).map((status) => ({ status: status as RatificationStatus }))).text,
  r.reviewDate,
  r.rationale,
];
