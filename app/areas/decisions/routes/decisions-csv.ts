import { getDb } from "../../../../db/client";
import { csvDownload } from "../../../platform/csv-download.server";
import { ratificationSummary } from "../rules/decisions";
import { decisionRouteLabels, decisionStatusLabels, type DecisionRoute, type DecisionStatus, type RatificationStatus } from "../rules/vocabulary";
import { decisionLogQuerySchema, exportDecisionLog } from "../decisions.server";
import { requirePermission } from "../../../platform/guard.server";
import { inputCountsByDecision } from "../../participation/public.server";
import { showCount, type ShownCount } from "../../participation/public";
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
  "Young people's input",
];

/** The decision log as a spreadsheet, with the log page's filters: streamed a batch at a time, in constant memory. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const query = decisionLogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  // How many young people's contributions informed each decision, suppressed by the participation area, read once.
  const input = await inputCountsByDecision(db, scope.partnership.id);
  return csvDownload(`${scope.partnership.slug}-decisions.csv`, header, exportDecisionLog(db, scope.partnership.id, query), (r) => csvRow(r, input));
}

type ExportRow = ReturnType<typeof exportDecisionLog> extends AsyncGenerator<(infer R)[]> ? R : never;

const csvRow = (r: ExportRow, input: Map<string, ShownCount>) => [
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
  input.has(r.id) ? showCount(input.get(r.id)!) : "",
];
