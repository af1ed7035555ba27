import { Form, Link } from "react-router";
import { getDb } from "../../../../db/client";
import { appNow, appToday } from "../../../platform/clock.server";
import { requirePermission } from "../../../platform/guard.server";
import { formatDate } from "../../../platform/time/dates";
import { ErrorSummary, Tag } from "../../../platform/ui/forms";
import { FilterDate, FilterSelect } from "../../../platform/ui/filters";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { actionFigures, attendanceFigures, challengeFigures, decisionFigures, proposalToDecisionDays } from "../accountability.server";
import { consultationFigures, youngPeopleTakingPart } from "../../participation/public.server";
import { showCount } from "../../participation/public";
import { riskAttention } from "../../risks/public.server";
import { loadCompliance } from "../../obligations/public.server";
import { listPartnersForRules } from "../../register/public.server";
import { accountabilityPeriod, percent } from "../rules/accountability";
import { callInStatusWords, type CallInStatus } from "../rules/call-in";
import type { Route } from "./+types/accountability";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Accountability – ${data?.partnership.name ?? ""} – Partnership governance` }];

// The accountability dashboard: figures scrutiny asks about, for a period,
// each as a table (and, for attendance, the same figures as a chart).
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const period = accountabilityPeriod(new URL(request.url).searchParams, appToday());
  const db = getDb();
  const today = appToday();
  const [partners, attendance, decided, questions, actionsDue, medianDays, risks, taking, consulted, compliance] = await Promise.all([
    listPartnersForRules(db, scope.partnership.id),
    attendanceFigures(db, scope.partnership.id, period, appNow()),
    decisionFigures(db, scope.partnership.id, period),
    challengeFigures(db, scope.partnership.id, period, today),
    actionFigures(db, scope.partnership.id, period, today),
    proposalToDecisionDays(db, scope.partnership.id, period),
    riskAttention(db, scope.partnership, today),
    youngPeopleTakingPart(db, scope.partnership.id),
    consultationFigures(db, scope.partnership.id, appNow()),
    loadCompliance(db, scope.partnership.id, today),
  ]);
  // One partner's view: its own rows of the per-partner figures (a partner that is not one is named and ignored).
  const asked = new URL(request.url).searchParams.get("partner") ?? "";
  const partner = partners.find((x) => x.organisationId === asked) ?? null;
  const errors: Record<string, string> = { ...period.errors, ...(asked && !partner ? { partner: "Choose a partner from the list: the one given is not a partner of this partnership" } : {}) };
  const mine = <T extends { organisationId: string | null }>(rows: T[]) => (partner ? rows.filter((r) => r.organisationId === partner.organisationId) : rows);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    period: { from: period.from, to: period.to },
    errors,
    partners: partners.map((x) => ({ id: x.organisationId, name: x.name })),
    partner: partner ? { id: partner.organisationId, name: partner.name } : null,
    attendance: { ...attendance, rows: mine(attendance.rows) },
    decided: { ...decided, medianDays },
    questions,
    actionsDue: { ...actionsDue, rows: mine(actionsDue.rows) },
    returns: mine(compliance.partners).map((r) => ({ organisationId: r.organisationId, name: r.name, due: r.due, onTime: r.onTime, rate: r.rate, overdue: r.overdue })),
    risks,
    // Young people's figures only as the participation area gives them: suppressed counts and a share.
    youngPeople: { takingPart: showCount(taking.total), withIdeas: showCount(consulted.ideasAndFeedback), answeredWithin30Days: consulted.answeredWithin30Days },
  };
}

type Row = Route.ComponentProps["loaderData"]["attendance"]["rows"][number];

/** Each partner's attendance rate as a horizontal bar, with the 50% line: the table below carries the same figures. */
function AttendanceChart({ rows }: { rows: Row[] }) {
  const shown = rows.filter((r) => r.rate !== null);
  const barHeight = 22;
  const labelWidth = 0; // names are drawn above each bar, so the chart fits a phone
  const width = 600;
  const height = shown.length * (barHeight + 26) + 40;
  const half = (width - labelWidth - 60) / 2;
  return (
    <svg className="app-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="attendance-chart-title" preserveAspectRatio="xMinYMin meet">
      <title id="attendance-chart-title">Board meeting attendance by partner, as a bar chart: the table below gives the same figures</title>
      {shown.map((r, i) => {
        const y = i * (barHeight + 26) + 36;
        const w = Math.max(2, (r.rate ?? 0) * (width - labelWidth - 60));
        return (
          <g key={r.organisationId}>
            <text x={0} y={y - 4} fontSize="15" fill="#0b0c0c">
              {r.name}
            </text>
            <rect x={labelWidth} y={y} width={w} height={barHeight} fill={r.belowHalf ? "#d4351c" : "#1d70b8"} />
            <text x={labelWidth + w + 6} y={y + barHeight - 6} fontSize="15" fill="#0b0c0c">
              {percent(r.rate)}
            </text>
          </g>
        );
      })}
      <text x={half + 4} y={14} fontSize="14" fill="#0b0c0c">
        Half of the meetings
      </text>
      <line x1={half} x2={half} y1={2} y2={height} stroke="#0b0c0c" strokeDasharray="4 4" />
    </svg>
  );
}

export default function Accountability({ loaderData }: Route.ComponentProps) {
  const { partnership: p, period, errors, attendance, decided, questions: q, actionsDue, risks, youngPeople, returns, partners, partner } = loaderData;
  const below = attendance.rows.filter((r) => r.belowHalf);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Accountability</h1>
      <p className="govuk-body">
        How {partner ? partner.name : `${p.name}'s partners`} {partner ? "has" : "have"} taken part, from {formatDate(period.from)} to {formatDate(period.to)}.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/p/${p.slug}/scrutiny/pack?from=${period.from}&to=${period.to}`}>
          The scrutiny pack for this period
        </Link>{" "}
        gathers these figures with the decisions, risks, questions and the audit trail&apos;s verification, to print or download as a PDF.
      </p>
      <Form method="get" className="app-filters" aria-label="Choose the period">
        <FilterDate name="from" label="From" value={period.from} error={errors.from} />
        <FilterDate name="to" label="To" value={period.to} error={errors.to} />
        <FilterSelect name="partner" label="Partner" value={partner?.id ?? ""} options={[{ value: "", label: "All partners" }, ...partners.map((x) => ({ value: x.id, label: x.name }))]} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show figures
        </button>
      </Form>

      <h2 className="govuk-heading-m">Board meeting attendance</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/p/${p.slug}/meetings`}>
          {attendance.meetingsHeld} board {attendance.meetingsHeld === 1 ? "meeting" : "meetings"} with attendance recorded
        </Link>{" "}
        in the period. A partner attended when one of its members, or a deputy in their place, was present; someone senior enough is
        one who met the seniority the terms of reference then required of the partner&apos;s representatives.
        {below.length ? ` ${below.length} ${below.length === 1 ? "partner" : "partners"} attended fewer than half.` : ""}
      </p>
      {attendance.meetingsHeld ? <AttendanceChart rows={attendance.rows} /> : null}
      <div {...tableScroll("Board meeting attendance by partner")}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Board meeting attendance by partner, lowest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Partner</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Meetings held</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Attended</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Rate</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Attended by someone senior enough
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {attendance.rows.map((r) => (
              <tr key={r.organisationId} className="govuk-table__row" data-partner={r.name}>
                <th scope="row" className="govuk-table__header">
                  {r.partnerId ? (
                    <Link className="govuk-link" to={`/p/${p.slug}/partners/${r.partnerId}`}>
                      {r.name}
                    </Link>
                  ) : (
                    r.name
                  )}
                  {r.belowHalf ? (
                    <>
                      {" "}
                      <Tag colour="red">Fewer than half</Tag>
                    </>
                  ) : null}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.held}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.attended}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{percent(r.rate)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric" data-senior>
                  {r.attendedSenior}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="govuk-heading-m">Decisions</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/p/${p.slug}/decisions?from=${period.from}&to=${period.to}`}>
          {decided.taken} {decided.taken === 1 ? "decision" : "decisions"} taken
        </Link>{" "}
        in the period.
        {decided.medianDays !== null ? ` Those proposed beforehand were decided a median of ${decided.medianDays} ${decided.medianDays === 1 ? "day" : "days"} after they were proposed.` : ""}
      </p>
      <h3 className="govuk-heading-s">Taken at a meeting that was not quorate</h3>
      {decided.inquorate.length ? (
        <div {...tableScroll("Decisions taken at a meeting that was not quorate")}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Decisions taken at a meeting that was not quorate, and what became of them</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Decision</th>
                <th scope="col" className="govuk-table__header">Taken</th>
                <th scope="col" className="govuk-table__header">Ratified?</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {decided.inquorate.map((d) => (
                <tr key={d.id} className="govuk-table__row" data-decision={d.reference}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/p/${p.slug}/decisions/${d.id}`}>
                      {d.reference}
                    </Link>{" "}
                    {d.title}
                  </th>
                  <td className="govuk-table__cell">{d.decidedOn ? formatDate(d.decidedOn) : ""}</td>
                  <td className="govuk-table__cell">
                    {d.outcome === "ratified" ? `Yes, at a quorate meeting (recorded ${formatDate(d.settledOn)})` : d.outcome === "not_ratified" ? `No: not ratified (recorded ${formatDate(d.settledOn)})` : <Tag colour="yellow">Awaiting ratification</Tag>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="govuk-body">None.</p>
      )}
      <h3 className="govuk-heading-s">Called in by scrutiny</h3>
      {decided.calledIn.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {decided.calledIn.map((d) => (
            <li key={d.id} data-called-in={d.reference}>
              <Link className="govuk-link" to={`/p/${p.slug}/decisions/${d.id}`}>
                {d.reference}
              </Link>{" "}
              {d.title}: {callInStatusWords[d.callInStatus as CallInStatus] ?? d.callInStatus}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">None.</p>
      )}

      <h2 className="govuk-heading-m">Actions</h2>
      <p className="govuk-body">
        {actionsDue.total.due} {actionsDue.total.due === 1 ? "action was" : "actions were"} due in the period: {actionsDue.total.doneOnTime} done on time, {actionsDue.total.doneLate} done late, and{" "}
        <Link className="govuk-link" to={`/p/${p.slug}/actions?state=overdue`}>
          {actionsDue.total.overdue} overdue now
        </Link>
        .
      </p>
      {actionsDue.total.due ? (
        <div {...tableScroll("Actions due in the period by partner")}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Actions due in the period by partner, most overdue first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Partner</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Due</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Done on time</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Done late</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Overdue now</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Not yet due</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {actionsDue.rows
                .filter((r) => r.due > 0)
                .map((r) => (
                  <tr key={r.organisationId ?? "none"} className="govuk-table__row" data-actions-partner={r.name}>
                    <th scope="row" className="govuk-table__header">
                      {r.organisationId ? (
                        <Link className="govuk-link" to={`/p/${p.slug}/actions?state=all&organisation=${r.organisationId}`}>
                          {r.name}
                        </Link>
                      ) : (
                        r.name
                      )}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.due}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.doneOnTime}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.doneLate}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {r.overdue && r.organisationId ? (
                        <Link className="govuk-link" to={`/p/${p.slug}/actions?state=overdue&organisation=${r.organisationId}`}>
                          {r.overdue}
                        </Link>
                      ) : (
                        r.overdue
                      )}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{r.openNotDue}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">Risks</h2>
      {risks.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {risks.map((r) => (
            <li key={r.kind}>
              <Link className="govuk-link" to={r.href}>
                {r.message}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No risk is above the appetite the board approved, and no review is overdue.</p>
      )}

      <h2 className="govuk-heading-m">Young people&apos;s influence</h2>
      <p className="govuk-body">
        Young people taking part now: {youngPeople.takingPart}. With ideas or feedback published: {youngPeople.withIdeas}.{" "}
        {youngPeople.answeredWithin30Days === null ? "None of their contributions can be judged yet for an answer within 30 days." : `${youngPeople.answeredWithin30Days}% of their published contributions were answered within 30 days.`} Small numbers are held back so no young person can be picked out.
      </p>

      <h2 className="govuk-heading-m">Questions and challenges from scrutiny</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/p/${p.slug}/scrutiny/challenges`}>
          {q.raised} raised
        </Link>{" "}
        in the period{q.medianWorkingDays !== null ? `, answered for the first time in a median of ${q.medianWorkingDays} working ${q.medianWorkingDays === 1 ? "day" : "days"}` : ""}.
      </p>
      <dl className="govuk-summary-list" data-figures="questions">
        {(
          [
            ["First answered by the date asked", q.onTime],
            ["First answered late", q.late],
            ["Waiting for a first answer", q.waiting],
            ["Of those, overdue today", q.overdue],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{label}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>

      <h2 className="govuk-heading-m">Returns</h2>
      <p className="govuk-body">
        Returns due over the last twelve months to today, and those overdue now (the{" "}
        <Link className="govuk-link" to={`/p/${p.slug}/obligations#compliance`}>
          Returns page
        </Link>{" "}
        has each obligation&apos;s detail).
      </p>
      {returns.length ? (
        <div {...tableScroll("Returns by partner")}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Returns due over the last twelve months by partner, and those overdue now</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Partner</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Due</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">On time</th>
                <th scope="col" className="govuk-table__header">Overdue now</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {returns.map((r) => (
                <tr key={r.organisationId} className="govuk-table__row" data-returns-partner={r.name}>
                  <th scope="row" className="govuk-table__header">{r.name}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.due}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.rate === null ? "None due" : `${r.onTime} (${r.rate}%)`}</td>
                  <td className="govuk-table__cell">{r.overdue.length ? r.overdue.map((o) => `${o.obligation}, ${o.period} (due ${formatDate(o.due)})`).join("; ") : "None"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="govuk-body">No returns are owed{partner ? " by this partner" : ""}.</p>
      )}
    </>
  );
}
