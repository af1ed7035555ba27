import { getDb } from "../../../../db/client";
import { csvDownload } from "../../../platform/csv-download.server";
import { requirePermission } from "../../../platform/guard.server";
import { participationExportRows } from "../figures.server";
import type { Route } from "./+types/participation-csv";

const header = ["Figure", "Item", "Date", "Young people"];

/** The participation figures as a spreadsheet for any adult of the partnership: suppressed counts only, as on the page. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const rows = await participationExportRows(getDb(), scope.partnership.id);
  async function* once() {
    yield rows;
  }
  return csvDownload(`${scope.partnership.slug}-participation.csv`, header, once(), (r) => r);
}
