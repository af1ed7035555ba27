import { useMemo } from "react";
import { Link, redirect } from "react-router";
import { possessive } from "../../../platform/text/english";
import { getDb } from "../../../../db/client";
import { Button, ChoiceGroup, DateField, ErrorSummary, SelectField, SummaryList, Tag, TextArea, TextField, VersionField } from "../../../platform/ui/forms";
import { ActionFields } from "../../actions/components/action-fields";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { QuorumPanel } from "../../meetings/components/quorum-panel";
import { SavedVersion } from "../../../platform/ui/saved-version";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { allowedStatusChanges } from "../rules/decisions";
import { formatDate, formatDateTime } from "../../../platform/time/dates";
import { termsSectionLabels, type TermsSectionKey } from "../../register/public";
import { actionStatusLabels } from "../../actions/public";
import { decisionMethodLabels, type DecisionMethod } from "../../register/public";
import { decisionRouteLabels, decisionStatusLabels, ratificationStatuses, ratificationStatusLabels, voteLabels } from "../rules/vocabulary";
import { createAction, newActionSchema } from "../../actions/public.server";
import { listPartnersForRules, listPeopleInPartnership, termsInForce } from "../../register/public.server";
import { callInPeriod, implementationState, type ImplementationState } from "../../scrutiny/public";
import {
  callInForDecision,
  challengesPanel,
  callInRecord,
  considerCallIn,
  considerCallInSchema,
  reconsiderCallIn,
  reconsiderCallInSchema,
  signCallIn,
  startCallIn,
  startCallInSchema,
} from "../../scrutiny/public.server";
import { decisionInput } from "../../participation/public.server";
import { YoungPeoplesInput } from "../../participation/components/young-peoples-input";
import { showCount } from "../../participation/public";
import { appToday } from "../../../platform/clock.server";
import {
  proposalOwner,
  changeDecisionStatus,
  editProposal,
  editProposalSchema,
  getDecision,
  ratificationSchema,
  statusChangeSchema,
  updateRatification,
} from "../decisions.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { decisionStatusColour } from "../components/decision-status";
import type { Route } from "./+types/decision";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { ChallengesOnRecord } from "../../scrutiny/components/challenges-on-record";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.decision.reference ?? "Decision"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const detail = await getDecision(db, scope.partnership.id, params.decisionId);
  if (!detail) notFound("That decision is not in this partnership's log.");
  const canManageActions = scope.permissions.has("action:manage");
  const x = detail.decision;
  const [[people, partners], input, terms, callInRow, challenges] = await Promise.all([
    canManageActions ? Promise.all([listPeopleInPartnership(db, scope.partnership.id), listPartnersForRules(db, scope.partnership.id)]) : Promise.resolve([[], []] as const),
    decisionInput(db, scope.partnership.id, x.id),
    x.status === "agreed" && x.decidedOn ? termsInForce(db, scope.partnership.id, x.decidedOn) : undefined,
    callInForDecision(db, scope.partnership.id, x.id),
    challengesPanel(db, scope, "decision", x.id, appToday()),
  ]);
  // Call-in, under the terms in force when it was decided: only where they make some decisions subject to it.
  const today = appToday();
  const rule = terms && x.decidedOn && terms.rules.callIn.appliesTo !== "none" ? terms.rules.callIn : null;
  const facts = x.decidedOn ? { keyDecision: x.keyDecision, urgentReason: x.urgentReason, publishedOn: x.decidedOn } : null;
  const callIn: ImplementationState | null = rule && facts ? implementationState(rule, facts, callInRecord(callInRow), today) : null;
  const mayCallIn = scope.permissions.has("scrutiny:call_in");
  const signed = Boolean(callInRow?.signatures.some((s) => s.userId === scope.user.id));
  const callInPanel =
    rule && facts
      ? {
          row: callInRow ? { status: callInRow.status, grounds: callInRow.grounds, signatures: callInRow.signatures.map((s) => ({ name: s.name, on: s.signedAt.toISOString() })), calledInOn: callInRow.calledInOn, consideredOn: callInRow.consideredOn, recommendations: callInRow.recommendations, reconsideredOn: callInRow.reconsideredOn, newDecision: callInRow.newDecision, version: callInRow.version } : null,
          needed: rule.signatories,
          groundsRequired: rule.groundsRequired,
          lastDay: callInPeriod(rule, facts.publishedOn).lastDay,
          canStart: mayCallIn && !callInRow && callIn?.state === "in_period",
          canSign: mayCallIn && callInRow?.status === "gathering" && !signed && callIn?.state === "in_period",
          canConsider: scope.permissions.has("decision:record") && callInRow?.status === "called_in",
          canReconsider: scope.permissions.has("decision:record") && callInRow?.status === "referred_back",
        }
      : null;
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    ...detail,
    canRecord: scope.permissions.has("decision:record"),
    canEdit: scope.canOn("decision:edit", proposalOwner(detail.decision)),
    canManageActions,
    people,
    partners: partners.map((x) => ({ id: x.organisationId, name: x.name })),
    today,
    callIn,
    callInPanel,
    challenges,
    // Young people's input, as the participation area gives it: a suppressed count and consented quotes only.
    youngPeoplesInput: input ? { count: showCount(input.youngPeople), quotes: input.quotes } : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await readForm(request);
  const intent = form.get("intent");
  // Each intent is its own permission: rewording a proposal, adding an action, calling a decision in, or recording outcomes.
  const scope =
    intent === "edit"
      ? await requirePermission(request, context, params.slug, "decision:edit", { decision: params.decisionId })
      : await requirePermission(request, context, params.slug, intent === "action" ? "action:manage" : intent === "call_in" || intent === "sign_call_in" ? "scrutiny:call_in" : "decision:record");
  const db = getDb();
  const here = `/p/${scope.partnership.slug}/decisions/${params.decisionId}`;
  if (intent === "call_in" || intent === "sign_call_in") {
    const parsed = parseForm(startCallInSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = intent === "call_in" ? await startCallIn(db, scope, params.decisionId, parsed.data, appToday()) : await signCallIn(db, scope, params.decisionId, appToday());
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, result.value === "called_in" ? "call-in-made" : "call-in-signed"));
  }
  if (intent === "consider_call_in") {
    const parsed = parseForm(considerCallInSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await considerCallIn(db, scope, params.decisionId, parsed.data, appToday());
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "call-in-recorded"));
  }
  if (intent === "reconsider_call_in") {
    const parsed = parseForm(reconsiderCallInSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await reconsiderCallIn(db, scope, params.decisionId, parsed.data, appToday());
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "call-in-recorded"));
  }
  if (intent === "edit") {
    const parsed = parseForm(editProposalSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await editProposal(db, scope, params.decisionId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "decision-updated"));
  }
  if (intent === "action") {
    const parsed = parseForm(newActionSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await createAction(db, scope, { ...parsed.data, decisionId: params.decisionId }, { meetingId: null });
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "action-created"));
  }
  if (intent === "ratification") {
    const parsed = parseForm(ratificationSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await updateRatification(db, scope, params.decisionId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "ratification-updated"));
  }
  const parsed = parseForm(statusChangeSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await changeDecisionStatus(db, scope, params.decisionId, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(here, "decision-updated"));
}

export default function DecisionPage({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  const x = d.decision;
  const p = d.partnership;
  const f = useFormResult();
  const intent = f.value("intent");
  const mine = (name: string) => (intent === name ? f : undefined);
  const changes = allowedStatusChanges(x.status);
  const ef = mine("edit");
  // The action form's title has its own id (the other form's is "title"), so its error links there.
  const errors = useMemo(
    () => (intent === "action" && f.errors ? Object.fromEntries(Object.entries(f.errors).map(([k, v]) => [k === "title" ? "action-title" : k, v])) : f.errors),
    [intent, f.errors],
  );
  return (
    <>
      <Notice />
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">
        {p.name} · {x.reference}
      </span>
      <h1 className="govuk-heading-l">{x.title}</h1>
      <p className="govuk-body">
        <Tag colour={decisionStatusColour(x.status)}>{decisionStatusLabels[x.status]}</Tag>{" "}
        {x.route !== "meeting" ? <Tag colour="purple">{decisionRouteLabels[x.route]}</Tag> : null}{" "}
        {d.ratification.text ? <strong>{d.ratification.text}</strong> : null}
      </p>
      {x.status === "inquorate" ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The meeting was not quorate when this was decided, so it needs ratification at a quorate meeting before it can be relied on.
          </strong>
        </div>
      ) : null}
      <p className="govuk-body-l app-pre-wrap">{x.text}</p>
      <SummaryList
        rows={[
          ["Reference", x.reference],
          ["Decided", x.decidedOn ? formatDate(x.decidedOn) : "Not yet"],
          [
            "How",
            x.route === "meeting" && x.meetingId ? (
              <>
                At{" "}
                <Link className="govuk-link" to={`/p/${p.slug}/meetings/${x.meetingId}`}>
                  {d.meetingTitle}
                </Link>
                {d.itemTitle ? `, item “${d.itemTitle}”` : ""}
              </>
            ) : (
              decisionRouteLabels[x.route]
            ),
          ],
          ["Method", `${decisionMethodLabels[x.method as DecisionMethod] ?? x.method}${x.termsVersion ? ` (terms of reference version ${x.termsVersion})` : ""}`],
          d.proposer ? ["Proposed by", d.proposer] : null,
          x.rationale ? ["Rationale", <span key="r" className="app-pre-wrap">{x.rationale}</span>] : null,
          x.optionsConsidered ? ["Options considered", <span key="o" className="app-pre-wrap">{x.optionsConsidered}</span>] : null,
          x.delegatedAuthority ? ["Delegated authority used", x.delegatedAuthority] : null,
          x.financialImplicationGbp !== null || x.financialNote
            ? ["Financial implication", `${x.financialImplicationGbp !== null ? `£${x.financialImplicationGbp.toLocaleString("en-GB")}` : ""}${x.financialNote ? ` ${x.financialNote}` : ""}`]
            : null,
          x.termsSections.length ? ["Terms of reference relied on", x.termsSections.map((k) => termsSectionLabels[k as TermsSectionKey] ?? k).join(", ")] : null,
          d.approvesTermsVersion ? ["Approves", <Link key="t" className="govuk-link" to={`/p/${p.slug}/terms/${d.approvesTermsVersion}`}>Version {d.approvesTermsVersion} of the terms of reference</Link>] : null,
          d.approvesMinutesOf ? ["Approves", <Link key="m" className="govuk-link" to={`/p/${p.slug}/meetings/${d.approvesMinutesOf.id}/minutes`}>The minutes of {d.approvesMinutesOf.title}, {formatDate(d.approvesMinutesOf.date)}</Link>] : null,
          x.keyDecision ? ["Key decision", "Yes"] : null,
          x.urgentReason ? ["Urgent", x.urgentReason] : null,
          d.callIn ? ["Call-in", <CallInStatus key="c" state={d.callIn} />] : null,
          x.reviewDate ? ["Review by", formatDate(x.reviewDate)] : null,
          d.supersededBy ? ["Superseded by", <Link key="s" className="govuk-link" to={`/p/${p.slug}/decisions/${d.supersededBy.id}`}>{d.supersededBy.reference}</Link>] : null,
          d.supersedes.length ? ["Supersedes", d.supersedes.map((s) => s.reference).join(", ")] : null,
        ]}
      />

      {x.quorumSnapshot ? (
        <>
          <h2 className="govuk-heading-m">Quorum when it was decided</h2>
          <QuorumPanel quorum={x.quorumSnapshot} termsVersion={x.quorumSnapshot.termsVersion} title="Quorum" />
        </>
      ) : null}

      {d.votes.length ? (
        <>
          <h2 className="govuk-heading-m">Votes</h2>
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Member</th>
                <th scope="col" className="govuk-table__header">Partner</th>
                <th scope="col" className="govuk-table__header">Vote</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {d.votes.map((v) => (
                <tr key={v.seatId} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    {v.person}
                    {v.deputySeatId ? " (cast by their deputy)" : ""}
                  </td>
                  <td className="govuk-table__cell">{v.organisation}</td>
                  <td className="govuk-table__cell">{voteLabels[v.vote]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {d.ratifications.length ? (
        <>
          <h2 className="govuk-heading-m">Ratification by partners&apos; own bodies</h2>
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Partner</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header">Body and date</th>
                {d.canRecord ? (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Record</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {d.ratifications.map((r) => (
                <tr key={r.organisationId} className="govuk-table__row">
                  <td className="govuk-table__cell">{r.organisation}</td>
                  <td className="govuk-table__cell">
                    <Tag colour={r.status === "ratified" ? "green" : r.status === "refused" ? "red" : "yellow"}>{ratificationStatusLabels[r.status]}</Tag>
                  </td>
                  <td className="govuk-table__cell">
                    {[r.body, r.decidedOn ? formatDate(r.decidedOn) : null].filter(Boolean).join(", ")}
                    {r.note ? <span className="govuk-body-s govuk-!-display-block">{r.note}</span> : null}
                  </td>
                  {d.canRecord ? (
                    <td className="govuk-table__cell">
                      <details className="govuk-details govuk-!-margin-bottom-0">
                        <summary className="govuk-details__summary">
                          <span className="govuk-details__summary-text">
                            Record<span className="govuk-visually-hidden"> {possessive(r.organisation)} ratification</span>
                          </span>
                        </summary>
                        <div className="govuk-details__text">
                          <AppForm method="post" noValidate>
                            <input type="hidden" name="intent" value="ratification" />
                            <input type="hidden" name="organisationId" value={r.organisationId} />
                            <VersionField value={r.version} />
                            <RatificationFields prefix={r.organisationId} saved={r} today={d.today} f={mine("ratification")?.value("organisationId") === r.organisationId ? f : undefined} />
                            <Button secondary>Save</Button>
                          </AppForm>
                        </div>
                      </details>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {d.youngPeoplesInput ? <YoungPeoplesInput input={d.youngPeoplesInput} record="decision" /> : null}

      {d.callInPanel && (d.callInPanel.row || d.callInPanel.canStart) ? <CallInSection panel={d.callInPanel} today={d.today} f={f} intent={intent} /> : null}

      <ChallengesOnRecord panel={d.challenges} />

      <h2 className="govuk-heading-m">History</h2>
      <ol className="govuk-list">
        {d.history.map((h) => (
          <li key={h.id}>
            {formatDateTime(h.changedAt)}: {h.fromStatus ? `${decisionStatusLabels[h.fromStatus as keyof typeof decisionStatusLabels] ?? h.fromStatus} → ` : ""}
            <strong>{decisionStatusLabels[h.toStatus as keyof typeof decisionStatusLabels] ?? h.toStatus}</strong>
            {h.by ? ` by ${h.by}` : ""}
            {h.reason ? `. ${h.reason}` : ""}
          </li>
        ))}
      </ol>

      <h2 className="govuk-heading-m">Actions from this decision</h2>
      {d.actions.length ? (
        <ul className="govuk-list">
          {d.actions.map((a) => (
            <li key={a.id}>
              <Link className="govuk-link" to={`/p/${p.slug}/actions/${a.id}`}>
                {a.title}
              </Link>
              , due {formatDate(a.dueDate)} ({actionStatusLabels[a.status as keyof typeof actionStatusLabels]})
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">None.</p>
      )}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {d.canEdit && x.status === "proposed" ? (
            <>
              <h2 className="govuk-heading-m">Reword the proposal</h2>
              {ef?.conflict ? (
                <SavedVersion
                  rows={[
                    ["Title", x.title],
                    ["Decision", x.text],
                  ]}
                />
              ) : null}
              <AppForm method="post" noValidate>
                <input type="hidden" name="intent" value="edit" />
                <VersionField value={x.version} />
                <TextField name="title" label="Short title" defaultValue={ef?.value("title", x.title) ?? x.title} error={ef?.errors?.title} />
                <TextArea name="text" label="The proposed decision" rows={4} defaultValue={ef?.value("text", x.text) ?? x.text} error={ef?.errors?.text} />
                <TextArea name="rationale" label="Why (optional)" rows={3} defaultValue={ef?.value("rationale", x.rationale) ?? x.rationale ?? ""} error={ef?.errors?.rationale} />
                <TextArea name="optionsConsidered" label="Options considered (optional)" rows={3} defaultValue={ef?.value("optionsConsidered", x.optionsConsidered) ?? x.optionsConsidered ?? ""} error={ef?.errors?.optionsConsidered} />
                <Button secondary>Save proposal</Button>
              </AppForm>
            </>
          ) : null}
          {d.canRecord && changes.length ? (
            <>
              <h2 className="govuk-heading-m">Change the status</h2>
              <AppForm method="post" noValidate>
                <input type="hidden" name="intent" value="status" />
                <VersionField value={x.version} />
                <SelectField
                  name="toStatus"
                  label="New status"
                  hint={x.status === "inquorate" ? "Agreed: ratified at a later quorate meeting. Rejected: that meeting did not ratify it." : undefined}
                  defaultValue={mine("status")?.value("toStatus", changes[0]) ?? changes[0]}
                  error={mine("status")?.errors?.toStatus}
                  options={changes.map((s) => ({ value: s, label: decisionStatusLabels[s] }))}
                />
                <TextField name="supersededByReference" label="Superseded by (reference, only when superseding)" defaultValue={mine("status")?.value("supersededByReference") ?? ""} error={mine("status")?.errors?.supersededByReference} />
                <TextArea name="reason" label="Why" rows={2} defaultValue={mine("status")?.value("reason") ?? ""} error={mine("status")?.errors?.reason} />
                <Button secondary>Change status</Button>
              </AppForm>
            </>
          ) : null}
          {d.canManageActions ? (
            <details className="govuk-details" open={Boolean(mine("action"))}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Add an action from this decision</span>
              </summary>
              <div className="govuk-details__text">
                <AppForm method="post" noValidate>
                  <input type="hidden" name="intent" value="action" />
                  <ActionFields f={mine("action")} people={d.people} partners={d.partners} />
                  <Button secondary>Add action</Button>
                </AppForm>
              </div>
            </details>
          ) : null}
        </div>
      </div>
    </>
  );
}

function RatificationFields({
  prefix,
  saved,
  today,
  f,
}: {
  prefix: string;
  saved: { status: string; body: string | null; decidedOn: string | null; note: string | null };
  today: string;
  f: ReturnType<typeof useFormResult> | undefined;
}) {
  const v = (name: string, fallback: string | null) => f?.value(name, fallback) ?? fallback ?? "";
  const e = (name: string) => f?.errors?.[name];
  return (
    <>
      <div className={`govuk-form-group${e("status") ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor={`${prefix}-status`}>
          Status
        </label>
        <select className="govuk-select" id={`${prefix}-status`} name="status" defaultValue={v("status", saved.status)}>
          {ratificationStatuses.map((s) => (
            <option key={s} value={s}>
              {ratificationStatusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${prefix}-body`}>
          Body
        </label>
        <input className="govuk-input" id={`${prefix}-body`} name="body" defaultValue={v("body", saved.body)} />
      </div>
      <div className={`govuk-form-group${e("decidedOn") ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor={`${prefix}-decidedOn`}>
          Date decided
        </label>
        {e("decidedOn") ? (
          <p className="govuk-error-message" id={`${prefix}-decidedOn-error`}>
            <span className="govuk-visually-hidden">Error:</span> {e("decidedOn")}
          </p>
        ) : null}
        <input
          className="govuk-input govuk-input--width-10"
          type="date"
          id={`${prefix}-decidedOn`}
          name="decidedOn"
          defaultValue={v("decidedOn", saved.decidedOn ?? today)}
          aria-describedby={e("decidedOn") ? `${prefix}-decidedOn-error` : undefined}
        />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${prefix}-note`}>
          Note
        </label>
        <input className="govuk-input" id={`${prefix}-note`} name="note" defaultValue={v("note", saved.note)} />
      </div>
    </>
  );
}

/** Where a decision stands under call-in, in words. */
function CallInStatus({ state }: { state: ImplementationState }) {
  switch (state.state) {
    case "not_subject":
      return <>Not subject to call-in. {state.why.replace(/\.$/, "")}.</>;
    case "in_period":
      return (
        <>
          <strong>Not to be implemented before {formatDate(state.implementableFrom)}.</strong> Scrutiny may call it in until {formatDate(state.lastDay)}.
        </>
      );
    case "implementable":
      return <>It may be implemented: it was not called in, and the call-in period ended before {formatDate(state.from)}.</>;
    case "called_in":
      return (
        <>
          <strong>Called in: not to be implemented.</strong> To be considered by {formatDate(state.considerBy)}
          {state.overdue ? ", which has passed" : ""}.
        </>
      );
    case "referred_back":
      return (
        <>
          <strong>Referred back: not to be implemented.</strong> To be reconsidered by {formatDate(state.reconsiderBy)}
          {state.overdue ? ", which has passed" : ""}.
        </>
      );
    case "replaced":
      return <>Reconsidered and changed by a new decision.</>;
  }
}

type CallInPanel = NonNullable<Route.ComponentProps["loaderData"]["callInPanel"]>;

/** The decision's call-in: who signed and why, what the committee and the board decided, and the forms for whoever may act next. */
function CallInSection({ panel, today, f, intent }: { panel: CallInPanel; today: string; f: ReturnType<typeof useFormResult>; intent: string }) {
  const r = panel.row;
  const mine = (name: string) => (intent === name ? f : undefined);
  return (
    <section aria-labelledby="call-in-heading">
      <h2 className="govuk-heading-m" id="call-in-heading">
        Call-in
      </h2>
      {r ? (
        <SummaryList
          rows={[
            ["Grounds", r.grounds ? <span key="g" className="app-pre-wrap">{r.grounds}</span> : "None given"],
            ["Signed by", r.signatures.map((s) => `${s.name} (${formatDate(s.on.slice(0, 10))})`).join(", ")],
            r.status === "gathering" ? ["Signatures", `${r.signatures.length} of the ${panel.needed} needed, by ${formatDate(panel.lastDay)}`] : null,
            r.calledInOn ? ["Called in", formatDate(r.calledInOn)] : null,
            r.consideredOn ? ["Considered by the committee", formatDate(r.consideredOn)] : null,
            r.recommendations ? ["Recommendations", <span key="rec" className="app-pre-wrap">{r.recommendations}</span>] : null,
            r.reconsideredOn ? ["Reconsidered by the board", `${formatDate(r.reconsideredOn)}: ${r.status === "confirmed" ? "confirmed" : "changed"}`] : null,
            r.newDecision ? ["Changed by", r.newDecision.reference] : null,
          ]}
        />
      ) : null}
      {panel.canStart ? (
        <AppForm method="post" noValidate>
          <input type="hidden" name="intent" value="call_in" />
          <TextArea
            name="grounds"
            label={`Grounds for calling it in${panel.groundsRequired ? "" : " (optional)"}`}
            hint={`Until ${formatDate(panel.lastDay)}. It is called in when ${panel.needed} scrutiny member${panel.needed === 1 ? " has" : "s have"} signed.`}
            rows={4}
            defaultValue={mine("call_in")?.value("grounds") ?? ""}
            error={mine("call_in")?.errors?.grounds}
          />
          <Button secondary>Call this decision in</Button>
        </AppForm>
      ) : null}
      {panel.canSign ? (
        <AppForm method="post" noValidate>
          <input type="hidden" name="intent" value="sign_call_in" />
          <Button secondary>Add my signature to this call-in</Button>
        </AppForm>
      ) : null}
      {panel.canConsider && r ? (
        <AppForm method="post" noValidate>
          <input type="hidden" name="intent" value="consider_call_in" />
          <VersionField value={r.version} />
          <ChoiceGroup
            type="radio"
            name="outcome"
            legend="What the scrutiny committee decided"
            error={mine("consider_call_in")?.errors?.outcome}
            options={[
              { value: "no_further_action", label: "No further action: the decision may be implemented" },
              { value: "referred_back", label: "Refer it back to the board with recommendations" },
            ]}
            checked={[mine("consider_call_in")?.value("outcome") ?? ""]}
            small
          />
          <DateField name="consideredOn" label="Date the committee considered it" defaultValue={mine("consider_call_in")?.value("consideredOn") ?? today} error={mine("consider_call_in")?.errors?.consideredOn} />
          <TextArea name="recommendations" label="Recommendations to the board (when referred back)" rows={3} defaultValue={mine("consider_call_in")?.value("recommendations") ?? ""} error={mine("consider_call_in")?.errors?.recommendations} />
          <Button secondary>Record the committee&apos;s decision</Button>
        </AppForm>
      ) : null}
      {panel.canReconsider && r ? (
        <AppForm method="post" noValidate>
          <input type="hidden" name="intent" value="reconsider_call_in" />
          <VersionField value={r.version} />
          <ChoiceGroup
            type="radio"
            name="outcome"
            legend="What the board decided when it reconsidered it"
            error={mine("reconsider_call_in")?.errors?.outcome}
            options={[
              { value: "confirmed", label: "Confirmed it: it may be implemented" },
              { value: "changed", label: "Changed it by a new decision" },
            ]}
            checked={[mine("reconsider_call_in")?.value("outcome") ?? ""]}
            small
          />
          <DateField name="reconsideredOn" label="Date the board reconsidered it" defaultValue={mine("reconsider_call_in")?.value("reconsideredOn") ?? today} error={mine("reconsider_call_in")?.errors?.reconsideredOn} />
          <TextField name="newDecision" label="The new decision's reference (when changed)" defaultValue={mine("reconsider_call_in")?.value("newDecision") ?? ""} error={mine("reconsider_call_in")?.errors?.newDecision} />
          <Button secondary>Record the board&apos;s reconsideration</Button>
        </AppForm>
      ) : null}
    </section>
  );
}
