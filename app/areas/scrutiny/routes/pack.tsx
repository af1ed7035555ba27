import { Form } from "react-router";
import { getDb } from "../../../../db/client";
import { appNow, appToday } from "../../../platform/clock.server";
import { requirePermission } from "../../../platform/guard.server";
import { formatDateTime } from "../../../platform/time/dates";
import { FilterDate } from "../../../platform/ui/filters";
import { ErrorSummary } from "../../../platform/ui/forms";
import { tableScroll } from "../../../platform/ui/table-scroll";
import packPrintStyles from "../../../styles/scrutiny-pack.css?url";
import { packContent } from "../pack.server";
import { accountabilityPeriod } from "../rules/accountability";
import { periodWords, type PackBlock } from "../rules/pack";
import type { Route } from "./+types/pack";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Scrutiny pack – ${data?.partnership.name ?? ""} – Partnership governance` }];

// Each section from a new page when printed (the layout's navigation is already left out of print).
export const links = () => [{ rel: "stylesheet", href: packPrintStyles }];

// The scrutiny pack as a print-friendly page: the same sections as the PDF, for a period.
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const period = accountabilityPeriod(new URL(request.url).searchParams, appToday());
  const content = await packContent(getDb(), scope.partnership.id, { from: period.from, to: period.to }, appNow());
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, errors: period.errors, content };
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
  const { partnership: p, errors, content } = loaderData;
  const { period } = content;
  const pdf = `/p/${p.slug}/scrutiny/pack.pdf?from=${period.from}&to=${period.to}`;
  return (
    <>
      <ErrorSummary errors={errors} />
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
