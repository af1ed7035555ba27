import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ErrorSummary, Tag, VersionField, WarningText } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { TableHead } from "../../../platform/ui/table-head";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { bidOutcomeSchema, loadMoney, recordBidOutcome } from "../funding.server";
import { bidOutcomeLabels, bidOutcomes, formatPence, fundingLineKindLabels, remaining, shareOf, type BidOutcome } from "../rules/money";
import type { Route } from "./+types/money";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Money – ${data?.partnership.name ?? "Partnership"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const money = await loadMoney(getDb(), scope.partnership.id);
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, canManage: scope.permissions.has("funding:manage"), today: appToday(), ...money };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "funding:manage");
  const form = await readForm(request);
  const parsed = parseForm(bidOutcomeSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await recordBidOutcome(getDb(), scope, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(`${withNotice(`/p/${scope.partnership.slug}/money`, "bid-outcome-recorded")}#bids`);
}

const outcomeColour = (o: BidOutcome) => (o === "won" ? "green" : o === "lost" ? "red" : o === "withdrawn" ? "grey" : "blue");
const num = "govuk-table__cell govuk-table__cell--numeric";
const numHeader = "govuk-table__header govuk-table__header--numeric";

export default function MoneyPage({ loaderData }: Route.ComponentProps) {
  const { partnership: p, canManage, table, lines, commitments, recorded, returned, bidsByYear, bidDecisions, organisationNames, lineTitles, obligations } = loaderData;
  const f = useFormResult();
  const base = `/p/${p.slug}`;
  const flagged = commitments.filter((c) => c.authority.status === "above");
  const org = (id: string) => organisationNames[id] ?? "A former partner";
  const failedBid = f.value("lineId");
  // With one year, its columns are the whole: the partners' totals are not repeated.
  const multi = table.years.length > 1;
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">Money</h1>
      <p className="govuk-body">
        What each partner has committed, by a decision of the partnership, and what has been paid or spent, by financial year (April to March). Amounts are exact to the penny.
      </p>
      <p className="govuk-body">
        {canManage ? (
          <>
            <Link className="govuk-link" to={`${base}/money/new`}>
              Add a funding line, commitment, payment or joint bid
            </Link>
            {" · "}
          </>
        ) : null}
        <a className="govuk-link" href={`${base}/money.csv`} download>
          Download commitments and actuals (CSV)
        </a>
      </p>

      {flagged.length ? (
        <WarningText>
          {flagged.length === 1 ? "One commitment is" : `${flagged.length} commitments are`} above the approving member&apos;s delegated financial authority:{" "}
          {flagged.map((c, i) => (
            <span key={c.id}>
              {i ? "; " : ""}
              <a className="govuk-link" href={`#commitment-${c.id}`}>
                {lineTitles[c.lineId]}, {org(c.organisationId)}, {c.financialYear}
              </a>
            </span>
          ))}
          .
        </WarningText>
      ) : null}

      <h2 className="govuk-heading-m" id="by-partner-heading">
        Commitments against actuals, by partner and year
      </h2>
      <div {...tableScroll("Commitments against actuals by partner and year")}>
        <table className="govuk-table" id="by-partner" aria-labelledby="by-partner-heading">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header" rowSpan={2}>
                Partner
              </th>
              {table.years.map((y) => (
                <th key={y} scope="colgroup" colSpan={2} className={numHeader}>
                  {y}
                </th>
              ))}
              {multi ? (
                <th scope="colgroup" colSpan={2} className={numHeader}>
                  All years
                </th>
              ) : null}
              <th scope="col" rowSpan={2} className={numHeader}>
                Remaining
              </th>
            </tr>
            <tr className="govuk-table__row">
              {table.years.map((y) => [
                <th key={`${y}c`} scope="col" className={numHeader}>
                  Committed
                </th>,
                <th key={`${y}a`} scope="col" className={numHeader}>
                  Actual
                </th>,
              ])}
              {multi ? (
                <>
                  <th scope="col" className={numHeader}>
                    Committed
                  </th>
                  <th scope="col" className={numHeader}>
                    Actual
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {table.rows.length === 0 ? (
              <tr className="govuk-table__row">
                <td className="govuk-table__cell" colSpan={table.years.length * 2 + (multi ? 4 : 2)}>
                  No money has been committed or recorded yet.
                </td>
              </tr>
            ) : null}
            {table.rows.map((r) => (
              <tr key={r.organisationId} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {r.name}
                </th>
                {r.cells.map((c, i) => [
                  <td key={`${i}c`} className={num}>
                    {formatPence(c.committed)}
                  </td>,
                  <td key={`${i}a`} className={num}>
                    {formatPence(c.actual)}
                  </td>,
                ])}
                {multi ? (
                  <>
                    <td className={num}>{formatPence(r.total.committed)}</td>
                    <td className={num}>{formatPence(r.total.actual)}</td>
                  </>
                ) : null}
                <td className={num}>{formatPence(remaining(r.total))}</td>
              </tr>
            ))}
          </tbody>
          {table.rows.length ? (
            <tfoot>
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  Total
                </th>
                {table.yearTotals.map((c, i) => [
                  <td key={`${i}c`} className={num}>
                    <strong>{formatPence(c.committed)}</strong>
                  </td>,
                  <td key={`${i}a`} className={num}>
                    <strong>{formatPence(c.actual)}</strong>
                  </td>,
                ])}
                {multi ? (
                  <>
                    <td className={num}>
                      <strong>{formatPence(table.total.committed)}</strong>
                    </td>
                    <td className={num}>
                      <strong>{formatPence(table.total.actual)}</strong>
                    </td>
                  </>
                ) : null}
                <td className={num}>
                  <strong>{formatPence(remaining(table.total))}</strong>
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {table.reconciles ? null : <WarningText>The totals do not agree with the figures above: report this to the platform&apos;s administrators.</WarningText>}

      <h2 className="govuk-heading-m" id="lines">
        Funding lines
      </h2>
      {lines.length === 0 ? (
        <p className="govuk-body">No funding lines yet.</p>
      ) : (
        <div {...tableScroll("Funding lines")}>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Funding lines</caption>
            <TableHead columns={["Line", "For", "Committed #", "Actual #", "Actuals from"]} />
            <tbody className="govuk-table__body">
              {lines.map((l) => (
                <tr key={l.line.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <strong>{l.line.title}</strong>
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{fundingLineKindLabels[l.line.kind]}</span>
                    {l.line.description ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{l.line.description}</span> : null}
                    {l.capOf ? (
                      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                        Up to {l.capOf.percent} of {l.capOf.title}
                      </span>
                    ) : null}
                    {l.caps.map((c) => (
                      <span key={c.year} className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                        {c.within ? <Tag colour="green">Within cap</Tag> : <Tag colour="red">Above cap</Tag>} {c.sentence}
                      </span>
                    ))}
                  </td>
                  <td className="govuk-table__cell">{l.organisation ?? "The whole partnership"}</td>
                  <td className={num}>{formatPence(l.committed)}</td>
                  <td className={num}>{formatPence(l.actual)}</td>
                  <td className="govuk-table__cell">
                    {l.obligation ? (
                      <>
                        From returns:{" "}
                        <Link className="govuk-link" to={`${base}/obligations/${l.obligation.id}`}>
                          {l.obligation.title}
                        </Link>{" "}
                        ({l.line.actualsFieldKey})
                      </>
                    ) : (
                      "Recorded payments"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="govuk-heading-m" id="commitments">
        Commitments
      </h2>
      <p className="govuk-body">Each commitment is agreed by a decision of the partnership, and checked against the delegated financial authority the board register records for the member who approved it.</p>
      {commitments.length === 0 ? (
        <p className="govuk-body">None yet.</p>
      ) : (
        <div {...tableScroll("Commitments")}>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Commitments</caption>
            <TableHead columns={["Year", "Line and partner", "Amount #", "Agreed by", "Approved by"]} />
            <tbody className="govuk-table__body">
              {commitments.map((c) => (
                <tr key={c.id} id={`commitment-${c.id}`} className="govuk-table__row">
                  <td className="govuk-table__cell">{c.financialYear}</td>
                  <td className="govuk-table__cell">
                    {lineTitles[c.lineId]}
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{org(c.organisationId)}</span>
                    {c.note ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{c.note}</span> : null}
                  </td>
                  <td className={num}>{formatPence(c.amountPence)}</td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`${base}/decisions/${c.decisionId}`}>
                      {c.decisionReference}
                    </Link>
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{c.decisionTitle}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {c.approverName ?? "The decision itself"}
                    {c.authority.status === "above" ? (
                      <>
                        <span className="govuk-!-display-block">
                          <Tag colour="red">Above delegated authority</Tag>
                        </span>
                        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{c.authority.message}</span>
                      </>
                    ) : c.authority.status === "no_limit" ? (
                      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">No delegated limit recorded in the board register</span>
                    ) : c.authority.status === "within" ? (
                      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{c.authority.message}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="govuk-heading-m" id="actuals">
        Payments and spending
      </h2>
      {recorded.length === 0 && returned.length === 0 ? (
        <p className="govuk-body">None recorded yet.</p>
      ) : (
        <div {...tableScroll("Payments and spending")}>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Payments and spending</caption>
            <TableHead columns={["Date", "Line and partner", "Amount #", "Source"]} />
            <tbody className="govuk-table__body">
              {recorded.map((a) => (
                <tr key={a.id} className="govuk-table__row">
                  <td className="govuk-table__cell">{formatDate(a.paidOn)}</td>
                  <td className="govuk-table__cell">
                    {lineTitles[a.lineId]}
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{org(a.organisationId)}</span>
                    {a.note ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{a.note}</span> : null}
                  </td>
                  <td className={num}>{formatPence(a.amountPence)}</td>
                  <td className="govuk-table__cell">Recorded payment</td>
                </tr>
              ))}
              {returned.map((r) => {
                const line = lines.find((l) => l.line.id === r.lineId);
                return (
                  <tr key={`${r.lineId}-${r.submissionId}`} className="govuk-table__row">
                    <td className="govuk-table__cell">Period ending {formatDate(r.periodKey)}</td>
                    <td className="govuk-table__cell">
                      {lineTitles[r.lineId]}
                      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{org(r.organisationId)}</span>
                    </td>
                    <td className={num}>{formatPence(r.pence)}</td>
                    <td className="govuk-table__cell">
                      From an accepted return:{" "}
                      {line?.obligation ? (
                        <Link className="govuk-link" to={`${base}/obligations/${line.obligation.id}`}>
                          {line.obligation.title}
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {lines.some((l) => l.obligation) && returned.length === 0 ? (
        <p className="govuk-body">
          Lines that take their actuals from returns show nothing until a return giving that figure is accepted (
          {obligations
            .filter((o) => lines.some((l) => l.obligation?.id === o.id))
            .map((o) => o.title)
            .join(", ")}
          ).
        </p>
      ) : null}

      <h2 className="govuk-heading-m" id="bids">
        Joint funding bids
      </h2>
      {bidsByYear.length === 0 ? <p className="govuk-body">No joint bids recorded.</p> : null}
      {bidsByYear.map(({ year, bids, summary }) => (
        <section key={year} aria-labelledby={`bids-${year}`}>
          <h3 className="govuk-heading-s" id={`bids-${year}`}>
            Submitted in {year}
          </h3>
          <p className="govuk-body">
            {summary.bids} {summary.bids === 1 ? "bid" : "bids"} for {formatPence(summary.soughtPence)}: <strong>{formatPence(summary.wonPence)} won</strong>. {summary.successSentence}
            {summary.count.pending ? `; ${summary.count.pending} waiting for the funder` : ""}.
          </p>
          <div {...tableScroll(`Joint bids submitted in ${year}`)}>
            <table className="govuk-table">
              <caption className="govuk-visually-hidden">Joint bids submitted in {year}</caption>
              <TableHead columns={["Bid", "Submitted", "Sought #", "Outcome", "Won #"]} />
              <tbody className="govuk-table__body">
                {bids.map((b) => (
                  <tr key={b.id} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      <strong>{b.title}</strong>
                      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{b.funder}</span>
                      {b.decisionId && bidDecisions[b.decisionId] ? (
                        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                          Agreed by{" "}
                          <Link className="govuk-link" to={`${base}/decisions/${b.decisionId}`}>
                            {bidDecisions[b.decisionId]}
                          </Link>
                        </span>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell">{formatDate(b.submittedOn)}</td>
                    <td className={num}>{formatPence(b.amountSoughtPence ?? 0)}</td>
                    <td className="govuk-table__cell">
                      <Tag colour={outcomeColour(b.outcome ?? "pending")}>{bidOutcomeLabels[b.outcome ?? "pending"]}</Tag>
                      {b.outcomeOn ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{formatDate(b.outcomeOn)}</span> : null}
                    </td>
                    <td className={num}>
                      {b.outcome === "won" && b.amountWonPence !== null ? formatPence(b.amountWonPence) : "–"}
                      {b.outcome === "won" && b.amountWonPence !== null && b.amountSoughtPence ? (
                        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{shareOf(b.amountWonPence, b.amountSoughtPence)} of the sum sought</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="govuk-table__row">
                  <th scope="row" className="govuk-table__header" colSpan={2}>
                    Total
                  </th>
                  <td className={num}>
                    <strong>{formatPence(summary.soughtPence)}</strong>
                  </td>
                  <td className="govuk-table__cell" />
                  <td className={num}>
                    <strong>{formatPence(summary.wonPence)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          {canManage
            ? bids
                .filter((b) => b.outcome === "pending" || failedBid === b.id)
                .map((b) => {
                  const mine = failedBid === b.id ? f : undefined;
                  // The form that was refused keeps the plain ids the error summary links to; the others are told apart by the bid.
                  const id = (name: string) => (mine ? name : `${name}-${b.id}`);
                  const err = (name: string) => mine?.errors?.[name];
                  return (
                    <details key={b.id} className="govuk-details" open={Boolean(mine)}>
                      <summary className="govuk-details__summary">
                        <span className="govuk-details__summary-text">Record the outcome of {b.title}</span>
                      </summary>
                      <div className="govuk-details__text">
                        <AppForm method="post" noValidate>
                          <input type="hidden" name="lineId" value={b.id} />
                          <VersionField value={b.version} />
                          <div className={`govuk-form-group${err("outcome") ? " govuk-form-group--error" : ""}`}>
                            <label className="govuk-label" htmlFor={id("outcome")}>
                              Outcome
                            </label>
                            {err("outcome") ? (
                              <p id={`${id("outcome")}-error`} className="govuk-error-message">
                                <span className="govuk-visually-hidden">Error:</span> {err("outcome")}
                              </p>
                            ) : null}
                            <select className="govuk-select" id={id("outcome")} name="outcome" defaultValue={mine?.value("outcome") || "won"}>
                              {bidOutcomes.map((o) => (
                                <option key={o} value={o}>
                                  {bidOutcomeLabels[o]}
                                </option>
                              ))}
                            </select>
                          </div>
                          <div className={`govuk-form-group${err("amountWon") ? " govuk-form-group--error" : ""}`}>
                            <label className="govuk-label" htmlFor={id("amountWon")}>
                              Amount won, if it was won
                            </label>
                            <div id={`${id("amountWon")}-hint`} className="govuk-hint">
                              In pounds, for example £412,500.00
                            </div>
                            {err("amountWon") ? (
                              <p id={`${id("amountWon")}-error`} className="govuk-error-message">
                                <span className="govuk-visually-hidden">Error:</span> {err("amountWon")}
                              </p>
                            ) : null}
                            <input className="govuk-input govuk-input--width-10" id={id("amountWon")} name="amountWon" inputMode="decimal" defaultValue={mine?.value("amountWon") ?? ""} aria-describedby={`${id("amountWon")}-hint`} />
                          </div>
                          <div className={`govuk-form-group${err("outcomeOn") ? " govuk-form-group--error" : ""}`}>
                            <label className="govuk-label" htmlFor={id("outcomeOn")}>
                              Date of the funder&apos;s answer
                            </label>
                            {err("outcomeOn") ? (
                              <p id={`${id("outcomeOn")}-error`} className="govuk-error-message">
                                <span className="govuk-visually-hidden">Error:</span> {err("outcomeOn")}
                              </p>
                            ) : null}
                            <input className="govuk-input govuk-input--width-10" type="date" id={id("outcomeOn")} name="outcomeOn" defaultValue={mine?.value("outcomeOn") ?? ""} />
                          </div>
                          <Button secondary>
                            Record the outcome<span className="govuk-visually-hidden"> of {b.title}</span>
                          </Button>
                        </AppForm>
                      </div>
                    </details>
                  );
                })
            : null}
        </section>
      ))}
    </>
  );
}
