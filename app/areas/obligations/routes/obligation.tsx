import { data, Link, redirect } from "react-router";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { possessive } from "../../../platform/text/english";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, SelectField, SummaryList, Tag, VersionField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { periodStatusColour } from "../components/period-status";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { cadenceLabels, describeDueRule, obligationTypeLabels, periodStatusLabels, RECENT_RETURNS } from "../rules/obligations";
import { appToday } from "../../../platform/clock.server";
import { failure, invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { addResponsible, loadObligationPage, responsibleSchema, reviewReturn, reviewSchema } from "../obligations.server";
import { AnswersTable } from "../components/answers-table";
import { formatFieldValue } from "../rules/return-fields";
import { returnsToSend } from "../rules/obligations";
import { ChallengesOnRecord } from "../../scrutiny/components/challenges-on-record";
import { challengesPanel } from "../../scrutiny/public.server";
import type { Route } from "./+types/obligation";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.obligation.title ?? "Obligation"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const page = await loadObligationPage(db, scope, params.obligationId, appToday(), new URL(request.url).searchParams.get("field"));
  if (!page) notFound("That obligation is not in this partnership.");
  const challenges = await challengesPanel(db, scope, "obligation", page.obligation.id, appToday());
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, today: appToday(), canReview: scope.permissions.has("partnership:manage"), ...page, challenges };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await readForm(request);
  const intent = form.get("intent");
  // Reviewing is the secretariat's; naming people is for the partner the form is about. Returns are sent from their own page (obligation-return.tsx).
  const organisation = String(form.get("organisationId") ?? "");
  const scope =
    intent === "review"
      ? await requirePermission(request, context, params.slug, "partnership:manage")
      : await requirePermission(request, context, params.slug, "return:name_responsible", { organisation });
  const db = getDb();
  const here = `/p/${scope.partnership.slug}/obligations/${params.obligationId}`;
  if (intent === "review") {
    const parsed = parseForm(reviewSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await reviewReturn(db, scope, params.obligationId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "return-reviewed"));
  }
  if (intent === "responsible") {
    const parsed = parseForm(responsibleSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await addResponsible(db, scope, params.obligationId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "responsible-added"));
  }
  return data(failure({ form: "Send a return from its own page: choose the period under Your returns" }), { status: 400 });
}

export default function ObligationPage({ loaderData }: Route.ComponentProps) {
  const { partnership: p, obligation: o, owing, periods, cells, returns, returnsLimited, responsibles, people, actFor, canReview, challenges, versions, figures, drafts, today } = loaderData;
  const toSend = returnsToSend(actFor, cells, today);
  const f = useFormResult();
  const intent = f.value("intent");
  const mine = (name: string) => (intent === name ? f : undefined);
  const base = `/p/${p.slug}/obligations/${o.id}`;
  const awaiting = returns.filter((r) => r.status === "submitted");
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">{o.title}</h1>
      <SummaryList
        rows={[
          ["Kind", obligationTypeLabels[o.type]],
          ["How often", cadenceLabels[o.cadence]],
          ["When due", describeDueRule(o.dueRule)],
          ["From", `${formatDate(o.startsOn)}${o.endsOn ? ` to ${formatDate(o.endsOn)}` : ""}`],
          o.instructions ? ["What to send", <span key="i" className="app-pre-wrap">{o.instructions}</span>] : null,
        ]}
      />

      <div {...tableScroll("Recent periods")}>
        <table className="govuk-table" id="grid">
          <caption className="govuk-table__caption govuk-table__caption--m">Recent periods</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Partner</th>
              {periods.map((x) => (
                <th key={x.key} scope="col" className="govuk-table__header">
                  {x.label}
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">due {formatDate(x.due)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {owing.map((partner) => (
              <tr key={partner.organisationId} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{partner.name}</th>
                {periods.map((x) => {
                  const cell = cells.find((c) => c.organisationId === partner.organisationId && c.period.key === x.key);
                  return (
                    <td key={x.key} className="govuk-table__cell">
                      {cell ? <Tag colour={periodStatusColour(cell.status)}>{periodStatusLabels[cell.status]}</Tag> : "–"}
                      {cell?.latest && cell.onTime === false ? <span className="govuk-body-s govuk-!-display-block">late</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {actFor.length ? (
            <>
              <h2 className="govuk-heading-m">Your returns</h2>
              {toSend.length ? (
                <ul className="govuk-list" id="your-returns">
                  {toSend.map(({ partner, cell }) => (
                    <li key={`${partner.organisationId}${cell.period.key}`}>
                      <Link className="govuk-link" to={`${base}/return?partner=${partner.organisationId}&period=${cell.period.key}`}>
                        {cell.status === "returned" ? "Correct and send again" : drafts.includes(`${partner.organisationId}|${cell.period.key}`) ? "Continue the draft" : "Fill in the return"}
                        <span className="govuk-visually-hidden">
                          {" "}
                          for {partner.name}, {cell.period.label}
                        </span>
                      </Link>
                      : {actFor.length > 1 ? `${partner.name}, ` : ""}
                      {cell.period.label}, due {formatDate(cell.period.due)}{" "}
                      <Tag colour={periodStatusColour(cell.status)}>{periodStatusLabels[cell.status]}</Tag>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="govuk-body">Nothing to send for the periods shown.</p>
              )}
            </>
          ) : null}

          {canReview && awaiting.length ? (
            <>
              <h2 className="govuk-heading-m">Waiting for review ({awaiting.length})</h2>
              {awaiting.map((r) => (
                <AppForm key={r.id} method="post" noValidate className="govuk-!-margin-bottom-6">
                  <input type="hidden" name="intent" value="review" />
                  <input type="hidden" name="submissionId" value={r.id} />
                  <VersionField value={r.version} />
                  <p className="govuk-body">
                    <strong>{r.organisation}</strong>, period ending {formatDate(r.periodKey)}, submitted {formatDate(r.submittedOn)}
                    {r.submittedBy ? ` by ${r.submittedBy}` : ""}.
                    {r.filename ? (
                      <>
                        {" "}
                        <a className="govuk-link" href={`${base}/returns/${r.id}`}>
                          {r.filename}
                        </a>
                      </>
                    ) : null}
                  </p>
                  {versions.find((v) => v.id === r.fieldSetId)?.fields.length ? (
                    <SummaryList rows={versions.find((v) => v.id === r.fieldSetId)!.fields.map((field) => [field.label, formatFieldValue(field, r.figures?.[field.key]) || "Not given"])} />
                  ) : null}
                  {r.comment ? <p className="govuk-body app-pre-wrap">{r.comment}</p> : null}
                  <div className="govuk-form-group">
                    <label className="govuk-label" htmlFor={`reason-${r.id}`}>
                      Reason, if returning it for changes
                    </label>
                    <textarea className="govuk-textarea" id={`reason-${r.id}`} name="reason" rows={2} />
                  </div>
                  <div className="govuk-button-group">
                    <Button name="decision" value="accepted">
                      Accept<span className="govuk-visually-hidden"> {possessive(r.organisation)} return</span>
                    </Button>
                    <Button name="decision" value="returned" secondary>
                      Return for changes<span className="govuk-visually-hidden"> to {r.organisation}</span>
                    </Button>
                  </div>
                </AppForm>
              ))}
            </>
          ) : null}

          <h2 className="govuk-heading-m" id="figures">
            Figures returned
          </h2>
          {versions.length ? (
            <p className="govuk-body">
              Each partner&apos;s answers for the periods above, from its latest return (unless it was sent back), one figure at a time.{" "}
              <a className="govuk-link" href={`${base}/returns.csv`} download>
                Download every period&apos;s figures as a spreadsheet (CSV)
              </a>
            </p>
          ) : (
            <p className="govuk-body">This return asks for no figures: partners send a file or a comment.</p>
          )}
          {canReview ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={`${base}/fields`}>
                {versions.length ? `Change what the return asks for (version ${versions[versions.length - 1].number} now)` : "Set the figures the return asks for"}
              </Link>
            </p>
          ) : null}
        </div>
      </div>
      {figures.fields.length > 1 ? (
        <nav className="app-field-chooser" aria-label="Figures returned">
          <ul className="govuk-list app-inline-list">
            {figures.fields.map((field) => (
              <li key={field.key}>
                <Link className="govuk-link" to={`?field=${field.key}#figures`} aria-current={field.key === figures.shown?.field.key ? "true" : undefined} preventScrollReset>
                  {field.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {figures.shown ? <AnswersTable grid={figures.shown} periods={periods} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Returns received</h2>
          {returnsLimited ? <p className="govuk-body">Every return waiting for review, and the latest {RECENT_RETURNS} reviewed.</p> : null}
          {returns.length === 0 ? (
            <p className="govuk-body">None yet.</p>
          ) : (
            <ul className="govuk-list">
              {returns.map((r) => (
                <li key={r.id} className="govuk-!-margin-bottom-2">
                  {r.organisation}, period ending {formatDate(r.periodKey)}: {formatDate(r.submittedOn)}{" "}
                  <Tag colour={r.status === "accepted" ? "green" : r.status === "returned" ? "red" : "blue"}>{periodStatusLabels[r.status]}</Tag>
                  {r.submittedOn > r.dueDate ? " (late)" : ""}
                  {r.reviewReason ? <span className="govuk-body-s govuk-!-display-block">{r.reviewReason}</span> : null}
                </li>
              ))}
            </ul>
          )}

          <ChallengesOnRecord panel={challenges} />

          <h2 className="govuk-heading-m">Who is responsible</h2>
          {responsibles.length ? (
            <ul className="govuk-list">
              {responsibles.map((r) => (
                <li key={`${r.organisationId}${r.userId}`}>
                  {r.name} for {owing.find((x) => x.organisationId === r.organisationId)?.name ?? "a former partner"}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">Nobody is named, so reminders go to each partner&apos;s representatives and board members.</p>
          )}
          {actFor.length ? (
            <AppForm method="post" noValidate>
              <input type="hidden" name="intent" value="responsible" />
              <SelectField name="organisationId" label="Partner" defaultValue={mine("responsible")?.value("organisationId") ?? actFor[0].organisationId} error={mine("responsible")?.errors?.organisationId} options={actFor.map((x) => ({ value: x.organisationId, label: x.name }))} />
              <SelectField
                name="userId"
                label="Person responsible"
                defaultValue={mine("responsible")?.value("userId") ?? ""}
                error={mine("responsible")?.errors?.userId}
                options={[{ value: "", label: "Choose a person" }, ...people.map((x) => ({ value: x.id, label: x.name }))]}
              />
              <Button secondary>Name them</Button>
            </AppForm>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={`/p/${p.slug}/obligations`}>
              All returns and obligations
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
