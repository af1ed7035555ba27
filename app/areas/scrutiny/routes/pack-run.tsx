import { Link } from "react-router";
import { getDb } from "../../../../db/client";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { formatDateTime } from "../../../platform/time/dates";
import { Notice } from "../../../platform/ui/notice";
import { packRunOf } from "../pack-runs.server";
import { packFilename, packRunStanding, periodWords } from "../rules/pack";
import type { Route } from "./+types/pack-run";

// A scrutiny pack being prepared by the worker: how far it has gone, reloading
// itself every two seconds while it is waiting or running (a meta refresh,
// which needs no JavaScript), and the download once it is ready.

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `Scrutiny pack PDF – ${data?.partnership.name ?? ""} – Partnership governance` },
  ...(data?.standing.active ? [{ httpEquiv: "refresh", content: "2" }] : []),
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const run = await packRunOf(getDb(), scope.partnership.id, params.runId);
  if (!run) notFound("That scrutiny pack is not in this partnership's records.");
  const standing = packRunStanding(run, new Date());
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    run: {
      id: run.id,
      period: { from: run.periodFrom, to: run.periodTo },
      status: run.status,
      requestedBy: run.requestedBy,
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      pdfBytes: run.pdfBytes,
      filename: packFilename(scope.partnership.shortName, { from: run.periodFrom, to: run.periodTo }),
    },
    standing,
  };
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

export default function PackRun({ loaderData }: Route.ComponentProps) {
  const { partnership: p, run, standing } = loaderData;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Notice />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{p.name}</span>
          Scrutiny pack PDF
        </h1>
        <p className="govuk-body-l">From {periodWords(run.period)}.</p>
        <p className="govuk-body app-secondary-text">
          Asked for by {run.requestedBy} on {formatDateTime(run.createdAt)}
          {run.finishedAt && run.status === "done" ? `; ready on ${formatDateTime(run.finishedAt)}` : ""}.
        </p>
        <div className="govuk-!-margin-bottom-6" data-run-status={run.status}>
          <p className="govuk-body" id="pack-progress-words" role="status">
            {standing.words}
          </p>
          {standing.value === null ? (
            <progress aria-labelledby="pack-progress-words" />
          ) : (
            <progress aria-labelledby="pack-progress-words" value={standing.value} max={standing.max}>
              {standing.words}
            </progress>
          )}
          {standing.active ? <p className="govuk-body app-secondary-text">This page updates itself every two seconds. You can leave it and come back: the PDF is kept with the partnership&apos;s recent packs.</p> : null}
        </div>
        {run.status === "done" ? (
          <p className="govuk-body">
            <a className="govuk-button" href={`/p/${p.slug}/scrutiny/pack/runs/${run.id}/pack.pdf`} download={run.filename}>
              Download the PDF{run.pdfBytes ? ` (${size(run.pdfBytes)})` : ""}
            </a>
          </p>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/p/${p.slug}/scrutiny/pack?from=${run.period.from}&to=${run.period.to}`}>
            Back to the scrutiny pack
          </Link>
        </p>
      </div>
    </div>
  );
}
