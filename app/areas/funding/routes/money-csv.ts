import { getDb } from "../../../../db/client";
import { requirePermission } from "../../../platform/guard.server";
import { csvDownload } from "../../../platform/csv-download.server";
import { exportMoney } from "../funding.server";
import { penceAsDecimal } from "../rules/money";
import type { Route } from "./+types/money-csv";

const header = ["Kind", "Funding line", "Partner", "Financial year", "Amount (£)", "Date", "Decision", "Approved by", "Delegated authority", "Source"];

/** Every commitment and actual as a spreadsheet: amounts as exact pounds and pence, formulas neutralised, with a byte-order mark for Excel. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  return csvDownload(`${scope.partnership.slug}-money.csv`, header, exportMoney(getDb(), scope.partnership.id), (r) => [
    r.kind,
    r.line,
    r.partner,
    r.financialYear,
    penceAsDecimal(r.pence),
    r.date,
    r.decision,
    r.approver,
    r.authority,
    r.source,
  ]);
}
