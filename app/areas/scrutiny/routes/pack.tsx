import { Form, Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appNow, appToday } from "../../../platform/clock.server";
import { rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { log } from "../../../platform/log.server";
import { readForm } from "../../../platform/read-form.server";
import { formatDateTime } from "../../../platform/time/dates";
import { AppForm } from "../../../platform/ui/app-form";
import { FilterDate } from "../../../platform/ui/filters";
import { ErrorSummary } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { tableScroll } from "../../../platform/ui/table-scroll";
import packPrintStyles from "../../../styles/scrutiny-pack.css?url";
import { packContent } from "../pack.server";
import { listPackRuns, queuePackRun, requestPackRun } from "../pack-runs.server";
import { accountabilityPeriod } from "../rules/accountability";
import { packRunStanding, periodWords, type PackBlock } from "../rules/pack";
import type { Route } from "./+types/pack";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Scrutiny pack – ${data?.partnership.name ?? ""} – Partnership governance` }];

// Each section from a new page when printed (the layout's navigation is already left out of print).
export const links = () => [{ rel: "stylesheet", href: packPrintStyles }];

// The scrutiny pack as a print-friendly page: the same sections as the PDF, for a period.
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const period = accountabilityPeriod(new URL(request.url).searchParams, appToday());
  const [content, runs] = await Promise.all([packContent(getDb(), scope.partnership.id, { from: period.from, to: period.to }, appNow()), listPackRuns(getDb(), scope.partnership.id)]);
  const now = new Date();
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    errors: period.errors,
    content,
    runs: runs.map((r) => ({ id: r.id, period: { from: r.periodFrom, to: r.periodTo }, requestedBy: r.requestedBy, createdAt: r.createdAt.toISOString(), status: r.status, words: packRunStanding(r, now).words })),
  };
}

// "Prepare the PDF": the worker makes it (docs/decisions/0021); the run's own page shows how far it has gone.
export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const form = await readForm(request);
  const fields = new URLSearchParams({ from: String(form.get("from") ?? ""), to: String(form.get("to") ?? "") });
  const period = accountabilityPeriod(fields, appToday());
  const [problem] = Object.entries(period.errors);
  if (problem) return rejected({ field: problem[0], message: problem[1] }, form);
  const result = await requestPackRun(getDb(), scope, { from: period.from, to: period.to });
  if (!result.ok) return rejected(result, form);
  // Sent after the run is committed; if sending fails, the worker's minute sweep sends it.
  await queuePackRun(result.value.id).catch((error) => log().error({ err: error, runId: result.value.id }, "could not queue the scrutiny pack"));
  throw redirect(withNotice(`/p/${scope.partnership.slug}/scrutiny/pack/runs/${result.value.id}`, result.value.reused ? "pack-reused" : "pack-queued"));
}

function Block({ block, index }: { block: PackBlock; index: string }) {
  switch (block.kind) {
    case "paragraph":
      return <p className="govuk-body">{block.text}</p>;
    case "subheading":
      return <h3 className="govuk-heading-m">{block.text}</h3>;
    case "code":
      return (
        <p className="govuk-body">
          <strong>{block.label}:</strong> <code className="app-hash">{block.text}</code>
        </p>
      );
    case "table":
      if (!block.rows.length)
        return (
          <p className="govuk-body">
            <strong>{block.caption}:</strong> {block.empty}
          </p>
        );
      return (
        <div {...tableScroll(block.caption)}>
          <table className="govuk-table" data-table={index}>
            <caption className="govuk-table__caption govuk-table__caption--s">{block.caption}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {block.columns.map((c) => (
                  <th key={c.header} scope="col" className={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}`}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {block.rows.map((row, r) => (
                <tr key={r} className="govuk-table__row">
                  {row.map((cell, i) =>
                    block.rowHeaders && i === 0 ? (
                      <th key={i} scope="row" className="govuk-table__header">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className={`govuk-table__cell${block.columns[i]?.numeric ? " govuk-table__cell--numeric" : ""}`}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export default function ScrutinyPack({ loaderData }: Route.ComponentProps) {
  const { partnership: p, errors, content, runs } = loaderData;
  const { period } = content;
  const f = useFormResult();
  const pdf = `/p/${p.slug}/scrutiny/pack.pdf?from=${period.from}&to=${period.to}`;
  return (
    <>
      <ErrorSummary errors={{ ...errors, ...f.errors }} />
      <h1 className="govuk-heading-xl">
        <span className="govuk-caption-l">{p.name}</span>
        Scrutiny pack
      </h1>
      <p className="govuk-body-l">
        From {periodWords(period)}
        {content.committee ? `, for the ${content.committee}` : ""}.
      </p>
      <p className="govuk-body app-secondary-text">Made on {formatDateTime(content.generatedAt)} from the partnership&apos;s record.</p>
      <div className="app-no-print">
        <Form method="get" className="app-filters" aria-label="Choose the period">
          <FilterDate name="from" label="From" value={period.from} error={errors.from} />
          <FilterDate name="to" label="To" value={period.to} error={errors.to} />
          <button type="submit" className="govuk-button govuk-button--secondary">
            Show the pack
          </button>
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href={pdf} download>
            Download as PDF
          </a>{" "}
          (the same sections, with page numbers). To print this page, use your browser&apos;s print command: the navigation and this form are left out.
        </p>
        <AppForm method="post" aria-label="Prepare the PDF in the background">
          <input type="hidden" name="from" value={period.from} />
          <input type="hidden" name="to" value={period.to} />
          <p className="govuk-body">A long period makes a long PDF. To have it prepared in the background and come back for it, with its progress shown:</p>
          <button type="submit" className="govuk-button govuk-button--secondary">
            Prepare the PDF
          </button>
        </AppForm>
        {runs.length ? (
          <div {...tableScroll("PDFs prepared recently")}>
            <table className="govuk-table" data-table="pack-runs">
              <caption className="govuk-table__caption govuk-table__caption--s">PDFs prepared recently</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Period
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Asked for
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Where it stands
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {runs.map((r) => (
                  <tr key={r.id} className="govuk-table__row" data-run={r.id}>
                    <th scope="row" className="govuk-table__header">
                      <Link className="govuk-link" to={`/p/${p.slug}/scrutiny/pack/runs/${r.id}`}>
                        {periodWords(r.period)}
                      </Link>
                    </th>
                    <td className="govuk-table__cell">
                      {r.requestedBy}, {formatDateTime(r.createdAt)}
                    </td>
                    <td className="govuk-table__cell">{r.words}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
      <nav aria-labelledby="pack-contents" className="app-pack-contents">
        <h2 className="govuk-heading-m" id="pack-contents">
          Contents
        </h2>
        <ol className="govuk-list govuk-list--number">
          {content.sections.map((s) => (
            <li key={s.id} className="govuk-!-margin-bottom-3">
              <a className="govuk-link" href={`#${s.id}`}>
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {content.sections.map((s) => (
        <section key={s.id} className="app-pack-section" aria-labelledby={s.id}>
          <h2 className="govuk-heading-l" id={s.id}>
            {s.title}
          </h2>
          {s.blocks.map((b, i) => (
            <Block key={i} block={b} index={`${s.id}-${i}`} />
          ))}
        </section>
      ))}
    </>
  );
}
