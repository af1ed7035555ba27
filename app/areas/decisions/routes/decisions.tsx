import { Form, Link } from "react-router";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { getDb } from "../../../../db/client";
import { Tag } from "../../../platform/ui/forms";
import { Notice } from "../../../platform/ui/notice";
import { formatDate } from "../../../platform/time/dates";
import { decisionRouteLabels, decisionStatuses, decisionStatusLabels } from "../rules/vocabulary";
import { decisionStatusColour } from "../components/decision-status";
import { listPartnersForRules } from "../../register/public.server";
import { decisionLogQuerySchema, listDecisionLog, listProposals } from "../decisions.server";
import { requirePermission } from "../../../platform/guard.server";
import { listMeetingChoices } from "../../meetings/public.server";
import { listRisksWithDecisions } from "../../risks/public.server";
import type { Route } from "./+types/decisions";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Decision log – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const url = new URL(request.url);
  const query = decisionLogQuerySchema.parse(Object.fromEntries(url.searchParams));
  const [log, proposals, meetings, partners, linkedRisks] = await Promise.all([
    listDecisionLog(db, scope.partnership.id, query),
    listProposals(db, scope.partnership.id),
    listMeetingChoices(db, scope.partnership.id, { from: query.from, to: query.to, include: query.meeting }),
    listPartnersForRules(db, scope.partnership.id),
    listRisksWithDecisions(db, scope.partnership.id, query.risk),
  ]);
  const filters = new URLSearchParams(url.searchParams);
  filters.delete("after");
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    query,
    filterQuery: filters.toString(),
    ...log,
    proposals,
    meetings: meetings.choices.map((m) => ({ id: m.id, label: `${m.title}, ${formatDate(m.date)}` })),
    moreMeetings: meetings.more,
    partners: partners.map((x) => ({ id: x.organisationId, name: x.name })),
    linkedRisks: linkedRisks.map((r) => ({ id: r.id, label: `${r.reference} ${r.title}` })),
    canPropose: scope.permissions.has("decision:propose"),
    canRecord: scope.permissions.has("decision:record"),
  };
}

export default function DecisionLog({ loaderData }: Route.ComponentProps) {
  const { partnership: p, query: q, filterQuery, rows, next, proposals, meetings, moreMeetings, partners, linkedRisks, canPropose, canRecord } = loaderData;
  return (
    <>
      <Notice />
      <h1 className="govuk-heading-l">Decision log</h1>
      <div className="govuk-button-group">
        {canPropose ? (
          <Link className="govuk-button" to={`/p/${p.slug}/decisions/new`}>
            Propose a decision
          </Link>
        ) : null}
        {canRecord ? (
          <Link className="govuk-button govuk-button--secondary" to={`/p/${p.slug}/decisions/new?outside=1`}>
            Record a decision taken outside a meeting
          </Link>
        ) : null}
      </div>
      {proposals.length ? (
        <section aria-labelledby="proposals">
          <h2 className="govuk-heading-m" id="proposals">
            Proposed, waiting for a meeting ({proposals.length})
          </h2>
          <ul className="govuk-list">
            {proposals.map((x) => (
              <li key={x.id}>
                <Link className="govuk-link" to={`/p/${p.slug}/decisions/${x.id}`}>
                  {x.reference}: {x.title}
                </Link>
                {x.proposer ? ` (proposed by ${x.proposer})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" className="app-filters" role="search" aria-label="Search the decision log">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="q">
            Words or reference
          </label>
          <input className="govuk-input govuk-input--width-20" id="q" name="q" type="search" defaultValue={q.q ?? ""} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="status">
            Status
          </label>
          <select className="govuk-select" id="status" name="status" defaultValue={q.status ?? ""}>
            <option value="">Any</option>
            {decisionStatuses
              .filter((s) => s !== "proposed")
              .map((s) => (
                <option key={s} value={s}>
                  {decisionStatusLabels[s]}
                </option>
              ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="from">
            From
          </label>
          <input className="govuk-input govuk-input--width-10" id="from" name="from" type="date" defaultValue={q.from ?? ""} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="to">
            To
          </label>
          <input className="govuk-input govuk-input--width-10" id="to" name="to" type="date" defaultValue={q.to ?? ""} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="meeting">
            Meeting
          </label>
          {moreMeetings ? (
            <div id="meeting-hint" className="govuk-hint">
              The latest {meetings.length} {q.from || q.to ? "in these dates" : ""}: choose dates to find earlier ones
            </div>
          ) : null}
          <select className="govuk-select" id="meeting" name="meeting" defaultValue={q.meeting ?? ""} aria-describedby={moreMeetings ? "meeting-hint" : undefined}>
            <option value="">Any</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="partner">
            Partner
          </label>
          <select className="govuk-select" id="partner" name="partner" defaultValue={q.partner ?? ""}>
            <option value="">Any</option>
            {partners.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        {linkedRisks.length ? (
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="risk">
              Linked risk
            </label>
            <select className="govuk-select" id="risk" name="risk" defaultValue={q.risk ?? ""}>
              <option value="">Any</option>
              {linkedRisks.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="govuk-button govuk-button--secondary">
          Search
        </button>
      </Form>
      <p className="govuk-body">
        <a className="govuk-link" href={`/p/${p.slug}/decisions.csv${filterQuery ? `?${filterQuery}` : ""}`} download>
          Download these decisions as a spreadsheet (CSV)
        </a>
      </p>
      <div {...tableScroll("Decisions")}>
        <table className="govuk-table" id="log">
          <caption className="govuk-table__caption govuk-table__caption--m">{rows.length === 0 ? "No decisions match" : q.after ? "Decisions (continued)" : "Decisions, newest first"}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Reference</th>
              <th scope="col" className="govuk-table__header">Decision</th>
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Taken</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((d) => (
              <tr key={d.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/p/${p.slug}/decisions/${d.id}`}>
                    {d.reference}
                  </Link>
                </th>
                <td className="govuk-table__cell">{d.title}</td>
                <td className="govuk-table__cell">{formatDate(d.decidedOn)}</td>
                <td className="govuk-table__cell">
                  <Tag colour={decisionStatusColour(d.status)}>{decisionStatusLabels[d.status]}</Tag>
                  {d.ratification ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{d.ratification}</span> : null}
                </td>
                <td className="govuk-table__cell">{d.route === "meeting" ? (d.meetingTitle ?? "At a meeting") : <Tag colour="purple">{decisionRouteLabels[d.route]}</Tag>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next || q.after ? (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="More decisions">
          {q.after ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={`?${filterQuery}`}>
                <span className="govuk-pagination__link-title">Back to the newest</span>
              </Link>
            </div>
          ) : null}
          {next ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={`?${filterQuery ? `${filterQuery}&` : ""}after=${next}`} rel="next">
                <span className="govuk-pagination__link-title">Older decisions</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
