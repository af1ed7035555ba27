import { useMemo } from "react";
import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { failure, invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { formatDate, londonDate } from "../../../platform/time/dates";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ErrorSummary, SelectField, SummaryList, Tag, TextArea, TextField, VersionField, WarningText } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { SavedVersion } from "../../../platform/ui/saved-version";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { ActionFields } from "../../actions/components/action-fields";
import { ActionTable } from "../../actions/components/action-table";
import { decisionStatusLabels, type DecisionStatus } from "../../decisions/public";
import { listPartnersForRules, listPeopleInPartnership } from "../../register/public.server";
import { RatingPair } from "../components/rating-fields";
import { AppetiteFlag, ReviewDue, RiskStatusTag, ScoreTag } from "../components/risk-tags";
import {
  allowedRiskStatusChanges,
  controlEffectivenessDescriptions,
  controlEffectivenessLabels,
  controlEffectivenessRatings,
  describeRating,
  reviewFrequencyLabels,
  riskCategoryLabels,
  riskScopeLabels,
  riskStatusLabels,
  trendDirectionLabels,
} from "../public";
import { getRisk } from "../register.server";
import { addMitigation, changeRiskStatus, controlSchema, linkDecision, linkDecisionSchema, mitigationSchema, reviewRisk, riskReviewSchema, riskStatusSchema, saveControl } from "../risks.server";
import { ChallengesOnRecord } from "../../scrutiny/components/challenges-on-record";
import { challengesPanel } from "../../scrutiny/public.server";
import type { Route } from "./+types/risk";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data ? `${data.risk.reference}: ${data.risk.title}` : "Risk"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const today = appToday();
  const found = await getRisk(db, scope.partnership, params.riskId, today);
  if (!found) notFound("That risk is not in this partnership's register.");
  const owner = { organisationIds: [found.risk.ownerOrganisationId], userId: found.risk.ownerUserId };
  const canChange = scope.canOn("risk:change", owner);
  const [[people, partners], challenges] = await Promise.all([
    canChange ? Promise.all([listPeopleInPartnership(db, scope.partnership.id), listPartnersForRules(db, scope.partnership.id)]) : Promise.resolve([[], []] as const),
    challengesPanel(db, scope, "risk", found.risk.id, today),
  ]);
  const editing = new URL(request.url).searchParams.get("control");
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    ...found,
    canReview: found.live && scope.canOn("risk:review", owner),
    canChange,
    people,
    partners: partners.filter((x) => x.leftOn === null || x.leftOn >= today).map((x) => ({ id: x.organisationId, name: x.name })),
    editingControl: canChange ? (found.controls.find((c) => c.id === editing) ?? null) : null,
    challenges,
  };
}

type Intent = "review" | "status" | "control" | "mitigation" | "link";

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await readForm(request);
  const intent = form.get("intent");
  // Reviewing is for the risk's owner, their partner's representative and the register's managers; everything else is for the managers.
  const scope =
    intent === "review"
      ? await requirePermission(request, context, params.slug, "risk:review", { risk: params.riskId })
      : await requirePermission(request, context, params.slug, "risk:change", { risk: params.riskId });
  const db = getDb();
  const today = appToday();
  const here = `/p/${scope.partnership.slug}/risks/${params.riskId}`;
  if (intent === "review") {
    const parsed = parseForm(riskReviewSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await reviewRisk(db, scope, params.riskId, parsed.data, today);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "risk-reviewed"));
  }
  if (intent === "status") {
    const parsed = parseForm(riskStatusSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await changeRiskStatus(db, scope, params.riskId, parsed.data, today);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "risk-status-changed"));
  }
  if (intent === "control") {
    const parsed = parseForm(controlSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await saveControl(db, scope, params.riskId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, parsed.data.controlId ? "control-updated" : "control-added"));
  }
  if (intent === "mitigation") {
    const parsed = parseForm(mitigationSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await addMitigation(db, scope, params.riskId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "mitigation-added"));
  }
  if (intent === "link") {
    const parsed = parseForm(linkDecisionSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await linkDecision(db, scope, params.riskId, parsed.data, today);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "decision-linked"));
  }
  return invalid(failure({ form: "Choose what to do from the risk's page" }));
}

export default function RiskPage({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  const r = d.risk;
  const p = d.partnership;
  const f = useFormResult();
  const submitted = f.value("intent") as Intent | "";
  // Each form shows its own errors and what was typed into it; the others start afresh.
  const fresh = useMemo(() => ({ ...f, errors: undefined, failed: false, conflict: false, value: (_: string, saved?: string | number | null) => (saved == null ? "" : String(saved)) }), [f]);
  const formOf = (intent: Intent) => (submitted === intent ? f : fresh);
  // The mitigating action's title has its own id, so its error links there.
  const errors = useMemo(
    () => (submitted === "mitigation" && f.errors ? Object.fromEntries(Object.entries(f.errors).map(([k, v]) => [k === "title" ? "action-title" : k, v])) : f.errors),
    [submitted, f.errors],
  );
  const settings = d.settings;
  const rating = (x: { likelihood: number; impact: number }) => describeRating(x as Parameters<typeof describeRating>[0], settings);
  const review = formOf("review");
  const status = formOf("status");
  const control = formOf("control");
  const link = formOf("link");
  const mitigation = submitted === "mitigation" ? f : undefined;
  const editing = d.editingControl;
  const changes = allowedRiskStatusChanges(r.status);
  const notReachable = d.reachability?.status === "not_reachable";
  return (
    <>
      <Notice />
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">
        {p.name} · {r.reference}
      </span>
      <h1 className="govuk-heading-l">{r.title}</h1>
      <p className="govuk-body">
        <RiskStatusTag status={r.status} /> <ScoreTag score={d.score} band={d.band} /> <AppetiteFlag check={d.appetite} />
        {notReachable ? (
          <>
            {" "}
            <Tag colour="red">Target not reachable</Tag>
          </>
        ) : null}
      </p>
      {d.appetite.status === "above" ? <WarningText>{d.appetite.sentence}</WarningText> : null}
      {notReachable ? <WarningText>{d.reachability!.sentence}</WarningText> : null}
      {d.escalation.length ? (
        <div className="app-problems">
          <h2 className="govuk-heading-s">Reasons to escalate this risk to the board</h2>
          <ul className="govuk-list govuk-list--bullet">
            {d.escalation.map((e) => (
              <li key={e.key}>{e.sentence}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.canChange ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/p/${p.slug}/risks/${r.id}/edit`}>
            Change the risk<span className="govuk-visually-hidden"> {r.reference}</span>
          </Link>
        </p>
      ) : null}
      <SummaryList
        rows={[
          ["Cause", <span key="c" className="app-pre-wrap">{r.cause}</span>],
          ["Risk", <span key="e" className="app-pre-wrap">{r.event}</span>],
          ["Effect", <span key="f" className="app-pre-wrap">{r.effect}</span>],
          ["Category", riskCategoryLabels[r.category]],
          ["Owner", `${d.ownerName}, ${d.organisationName}`],
          ["Held by", riskScopeLabels[r.scope]],
          ["Date raised", formatDate(r.raisedOn)],
          ["Status", r.status === "transferred" ? `${riskStatusLabels.transferred}: ${d.transferredToName ?? "a partner"}, ${r.transferredToRegister ?? ""}${r.transferReason ? ` (${r.transferReason})` : ""}` : riskStatusLabels[r.status]],
          ["Reviewed", d.live ? <span key="r">{reviewFrequencyLabels[r.reviewFrequency]}. <ReviewDue state={d.review.state} text={d.review.text} /></span> : reviewFrequencyLabels[r.reviewFrequency]],
          ["Inherent score", rating(r.inherent)],
          ["Current score", rating(r.current)],
          ["Target score", `${rating(r.target)}${r.targetDate ? `, by ${formatDate(r.targetDate)}` : ""}`],
          // What the warnings above say is not repeated here.
          d.appetite.status !== "above" ? ["Appetite", d.appetite.sentence] : null,
          d.reachability && !notReachable ? ["Reaching the target", d.reachability.sentence] : null,
        ]}
      />

      <h2 className="govuk-heading-m">Scores over time</h2>
      <div {...tableScroll("Scores over time")}>
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">The current score when the risk was raised and after each review{d.direction ? `; latest move: ${trendDirectionLabels[d.direction].toLowerCase()}` : ""}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">Current score</th>
              <th scope="col" className="govuk-table__header">Target</th>
              <th scope="col" className="govuk-table__header">Move</th>
              <th scope="col" className="govuk-table__header">Reviewed by</th>
              <th scope="col" className="govuk-table__header">Commentary</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {d.history.map((h, i) => (
              <tr key={h.review?.id ?? "raised"} className="govuk-table__row">
                <td className="govuk-table__cell app-nowrap">{formatDate(h.on)}</td>
                <td className="govuk-table__cell">{rating(h.current)}</td>
                <td className="govuk-table__cell">{h.targetScore ?? "–"}</td>
                <td className="govuk-table__cell">{h.direction ? trendDirectionLabels[h.direction] : "–"}</td>
                <td className="govuk-table__cell">{i === 0 ? "Raised" : (h.review?.by ?? "–")}</td>
                <td className="govuk-table__cell app-pre-wrap">{h.review?.commentary ?? "The assessment when the risk was raised."}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="govuk-heading-m">Controls</h2>
      {d.controls.length ? (
        <div {...tableScroll("Controls")}>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">What is in place to keep the risk down</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Control</th>
                <th scope="col" className="govuk-table__header">Owner</th>
                <th scope="col" className="govuk-table__header">How well it works</th>
                {d.canChange ? <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Change</span></th> : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {d.controls.map((c) => (
                <tr key={c.id} className="govuk-table__row">
                  <td className="govuk-table__cell app-pre-wrap">{c.description}</td>
                  <td className="govuk-table__cell">{c.ownerName ?? "No named owner"}</td>
                  <td className="govuk-table__cell">{controlEffectivenessLabels[c.effectiveness]}</td>
                  {d.canChange ? (
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`?control=${c.id}#control-form`}>
                        Change<span className="govuk-visually-hidden"> the control “{c.description.slice(0, 60)}”</span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="govuk-body">No controls recorded yet.</p>
      )}

      <h2 className="govuk-heading-m">Mitigating actions</h2>
      {d.mitigations.length ? <ActionTable rows={d.mitigations} slug={p.slug} caption="Planned to bring the risk to its target" /> : <p className="govuk-body">No mitigating actions planned yet.</p>}

      {d.escalations.length ? (
        <>
          <h2 className="govuk-heading-m">Escalations to the board</h2>
          <ul className="govuk-list">
            {d.escalations.map((e) => (
              <li key={e.id} className="govuk-!-margin-bottom-3">
                Escalated on {formatDate(e.escalatedOn)}: {e.reasons.join(" ")}{" "}
                {e.decision ? (
                  <>
                    The board decided:{" "}
                    <Link className="govuk-link" to={`/p/${p.slug}/decisions/${e.decision.id}`}>
                      {e.decision.reference}
                    </Link>{" "}
                    {e.decision.title}.
                  </>
                ) : e.meetingId && e.meetingStartsAt ? (
                  <>
                    On the agenda of{" "}
                    <Link className="govuk-link" to={`/p/${p.slug}/meetings/${e.meetingId}`}>
                      {e.meetingTitle}, {formatDate(londonDate(e.meetingStartsAt))}
                    </Link>
                    .
                  </>
                ) : (
                  "Waiting for a board meeting to be arranged."
                )}
                {e.deferralReason ? ` Put back once: ${e.deferralReason}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Linked decisions</h2>
      {d.decisions.length ? (
        <ul className="govuk-list">
          {d.decisions.map((x) => (
            <li key={x.id}>
              <Link className="govuk-link" to={`/p/${p.slug}/decisions/${x.id}`}>
                {x.reference}
              </Link>{" "}
              {x.title} ({decisionStatusLabels[x.status as DecisionStatus]?.toLowerCase() ?? x.status}
              {x.decidedOn ? `, ${formatDate(x.decidedOn)}` : ""})
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No decisions linked yet.</p>
      )}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {d.canReview ? (
            <section aria-labelledby="review-heading">
              <h2 className="govuk-heading-m" id="review-heading">
                Review the risk
              </h2>
              {review.conflict ? <SavedVersion rows={[["Current score", rating(r.current)], ["Target score", rating(r.target)], ["Next review", formatDate(r.nextReviewOn)]]} /> : null}
              <AppForm method="post" noValidate>
                <input type="hidden" name="intent" value="review" />
                <VersionField value={r.version} />
                <RatingPair
                  prefix=""
                  title="The assessment now"
                  hint="With the controls in place today."
                  legends={["Likelihood now", "Impact now"]}
                  likelihood={settings.likelihood}
                  impact={settings.impact}
                  value={(name) => review.value(name, name === "likelihood" ? r.currentLikelihood : r.currentImpact)}
                  errors={review.errors}
                />
                <RatingPair
                  prefix="target"
                  title="The target"
                  hint={`Change it only if the target has moved: it is now ${rating(r.target)}.`}
                  legends={["Target likelihood", "Target impact"]}
                  likelihood={settings.likelihood}
                  impact={settings.impact}
                  value={(name) => review.value(name, "")}
                  errors={review.errors}
                  blank="Keep as it is"
                />
                <TextArea name="commentary" label="Commentary" hint="What has changed since the last review, and why the scores are what they are." rows={4} defaultValue={review.value("commentary")} error={review.errors?.commentary} />
                <Button>Record the review</Button>
              </AppForm>
            </section>
          ) : null}

          <ChallengesOnRecord panel={d.challenges} />

          {d.canChange ? (
            <>
              <section aria-labelledby="status-heading">
                <h2 className="govuk-heading-m" id="status-heading">
                  Change its status
                </h2>
                {status.conflict ? <SavedVersion rows={[["Status", riskStatusLabels[r.status]]]} /> : null}
                <AppForm method="post" noValidate>
                  <input type="hidden" name="intent" value="status" />
                  <VersionField value={r.version} />
                  <SelectField name="toStatus" label="New status" defaultValue={status.value("toStatus", changes[0])} error={status.errors?.toStatus} options={changes.map((s) => ({ value: s, label: riskStatusLabels[s] }))} />
                  <TextArea name="reason" label="Why" hint="Kept in the audit trail." rows={2} defaultValue={status.value("reason")} error={status.errors?.reason} />
                  <SelectField
                    name="transferredToOrganisationId"
                    label="For a transfer: the partner whose register takes the risk"
                    defaultValue={status.value("transferredToOrganisationId")}
                    error={status.errors?.transferredToOrganisationId}
                    options={[{ value: "", label: "Not a transfer" }, ...d.partners.map((x) => ({ value: x.id, label: x.name }))]}
                  />
                  <TextField name="transferredToRegister" label="For a transfer: which register" hint="For example, the council's corporate risk register." defaultValue={status.value("transferredToRegister")} error={status.errors?.transferredToRegister} />
                  <Button secondary>Change status</Button>
                </AppForm>
              </section>

              <section aria-labelledby="control-heading" id="control-form">
                <h2 className="govuk-heading-m" id="control-heading">
                  {editing ? "Change a control" : "Add a control"}
                </h2>
                {editing && control.conflict ? (
                  <SavedVersion rows={[["Control", editing.description], ["Owner", editing.ownerName ?? ""], ["How well it works", controlEffectivenessLabels[editing.effectiveness]]]} />
                ) : null}
                <AppForm method="post" noValidate>
                  <input type="hidden" name="intent" value="control" />
                  {editing ? (
                    <>
                      <input type="hidden" name="controlId" value={editing.id} />
                      <VersionField value={editing.version} />
                    </>
                  ) : null}
                  <TextArea name="controlDescription" label="Control" hint="What is in place to keep the risk down." rows={2} defaultValue={control.value("controlDescription", editing?.description)} error={control.errors?.controlDescription} />
                  <SelectField
                    name="controlOwnerUserId"
                    label="Who looks after it"
                    defaultValue={control.value("controlOwnerUserId", editing?.ownerUserId)}
                    error={control.errors?.controlOwnerUserId}
                    options={[{ value: "", label: "No named owner" }, ...d.people.map((x) => ({ value: x.id, label: x.name }))]}
                  />
                  <SelectField
                    name="effectiveness"
                    label="How well it works"
                    hint={controlEffectivenessRatings.map((c) => `${controlEffectivenessLabels[c]}: ${controlEffectivenessDescriptions[c]}`).join(" ")}
                    defaultValue={control.value("effectiveness", editing?.effectiveness ?? "not_assessed")}
                    error={control.errors?.effectiveness}
                    options={controlEffectivenessRatings.map((c) => ({ value: c, label: controlEffectivenessLabels[c] }))}
                  />
                  <div className="govuk-button-group">
                    <Button secondary>{editing ? "Save the control" : "Add the control"}</Button>
                    {editing ? (
                      <Link className="govuk-link" to={`/p/${p.slug}/risks/${r.id}`}>
                        Cancel
                      </Link>
                    ) : null}
                  </div>
                </AppForm>
              </section>

              {d.live ? (
                <section aria-labelledby="mitigation-heading">
                  <h2 className="govuk-heading-m" id="mitigation-heading">
                    Plan a mitigating action
                  </h2>
                  <p className="govuk-body">It becomes an action of the partnership, in its owner&apos;s list of actions.</p>
                  <AppForm method="post" noValidate>
                    <input type="hidden" name="intent" value="mitigation" />
                    <ActionFields f={mitigation} people={d.people} partners={d.partners} />
                    <Button secondary>Add the action</Button>
                  </AppForm>
                </section>
              ) : null}

              <section aria-labelledby="link-heading">
                <h2 className="govuk-heading-m" id="link-heading">
                  Link a decision
                </h2>
                <AppForm method="post" noValidate>
                  <input type="hidden" name="intent" value="link" />
                  <TextField name="decisionReference" label="Decision reference" hint="As it appears in the decision log." className="govuk-input--width-20" defaultValue={link.value("decisionReference")} error={link.errors?.decisionReference} />
                  <Button secondary>Link the decision</Button>
                </AppForm>
              </section>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
