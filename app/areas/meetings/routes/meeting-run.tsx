import { useMemo } from "react";
import { data, Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ChoiceGroup, DateField, ErrorSummary, SelectField, Tag, TextArea, TextField, VersionField } from "../../../platform/ui/forms";
import { decisionStatusColour } from "../../decisions/components/decision-status";
import { ActionFields } from "../../actions/components/action-fields";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { QuorumPanel } from "../components/quorum-panel";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { attendanceStatuses, attendanceStatusLabels } from "../../register/public";
import { formatDate } from "../../../platform/time/dates";
import { termsSectionKeys, termsSectionLabels } from "../../register/public";
import { agendaPurposeLabels } from "../rules/vocabulary";
import { boardRoleLabels, decisionMethodLabels } from "../../register/public";
import { decisionStatusLabels, voteLabels, votes } from "../../decisions/public";
import { createAction, newActionSchema } from "../../actions/public.server";
import { listPartnersForRules } from "../../register/public.server";
import { appToday } from "../../../platform/clock.server";
import { linkEscalationDecision } from "../../risks/public.server";
import { DECISION_FORM_ARRAYS, decisionFormSchema, parseVotes, recordMeetingDecision } from "../../decisions/public.server";
import { failure, invalid, parseForm, rejected, submittedValues } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { loadMeetingPage, loadRunChoices, requireMeeting } from "../meeting-page.server";
import { declareOnItem, itemDeclarationSchema, itemNotesSchema, loadMeetingBoard, parseAttendanceForm, saveAttendance, saveItemNotes } from "../meetings.server";
import type { Route } from "./+types/meeting-run";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Running ${data?.meeting.title ?? "the meeting"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "meeting:manage");
  const db = getDb();
  const page = await loadMeetingPage(db, scope, params.meetingId, appToday());
  const wanted = new URL(request.url).searchParams.get("item");
  const current = page.agenda.find((i) => i.id === wanted) ?? page.agenda[0] ?? null;
  const [itemBoard, choices, partners] = await Promise.all([
    current ? loadMeetingBoard(db, scope.partnership, page.meeting, current.id) : Promise.resolve(null),
    loadRunChoices(db, scope, page.meeting),
    listPartnersForRules(db, scope.partnership.id),
  ]);
  const seatName = new Map(page.board.seats.map((s) => [s.id, s.personName]));
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    ...page,
    current,
    itemQuorum: itemBoard?.quorum ?? null,
    voters: itemBoard?.quorum ? itemBoard.quorum.countedSeatIds.map((id) => ({ id, name: seatName.get(id) ?? "", organisation: page.board.seats.find((s) => s.id === id)?.organisationName ?? "" })) : [],
    method: page.board.terms?.rules.decisions.method ?? null,
    partners: partners.filter((x) => x.leftOn === null || x.leftOn >= page.meeting.date).map((x) => ({ id: x.organisationId, name: x.name })),
    ...choices,
    seatNames: Object.fromEntries(seatName),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "meeting:manage");
  const db = getDb();
  const meeting = await requireMeeting(db, scope, params.meetingId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const itemId = String(form.get("agendaItemId") ?? form.get("itemId") ?? "");
  const here = (notice: Parameters<typeof withNotice>[1]) =>
    withNotice(`/p/${scope.partnership.slug}/meetings/${meeting.id}/run${itemId ? `?item=${itemId}` : ""}`, notice);

  if (intent === "attendance") {
    const board = await loadMeetingBoard(db, scope.partnership, meeting);
    const parsed = parseAttendanceForm(form, board.rows.map((r) => r.seat.id));
    if (Object.keys(parsed.errors).length) return data(failure(parsed.errors, submittedValues(form)), { status: 400 });
    const result = await saveAttendance(db, scope, meeting, parsed.entries);
    if (!result.ok) return rejected(result, form);
    throw redirect(here("attendance-saved"));
  }
  if (intent === "declare") {
    const parsed = parseForm(itemDeclarationSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await declareOnItem(db, scope, meeting, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(here("declaration-recorded"));
  }
  if (intent === "notes") {
    const parsed = parseForm(itemNotesSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await saveItemNotes(db, scope, meeting.id, itemId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(here("notes-saved"));
  }
  if (intent === "decision") {
    const parsed = parseForm(decisionFormSchema, form, "all", DECISION_FORM_ARRAYS);
    if (!parsed.ok) return invalid(parsed);
    const cast = parseVotes(form);
    if (!cast.ok) return data(failure({ votes: cast.message }, submittedValues(form)), { status: 400 });
    // A decision on an escalated risk is linked back to the risk in the same transaction.
    const result = await recordMeetingDecision(db, scope, meeting, itemId, parsed.data, cast.votes, (tx, decision) => linkEscalationDecision(tx, scope.user.id, scope.partnership.id, decision));
    if (!result.ok) return rejected(result, form);
    throw redirect(here("decision-recorded"));
  }
  if (intent === "action") {
    const parsed = parseForm(newActionSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await createAction(db, scope, parsed.data, { meetingId: meeting.id });
    if (!result.ok) return rejected(result, form);
    throw redirect(here("action-created"));
  }
  return data(failure({ form: "The form was not recognised: reload the page and try again" }), { status: 400 });
}

export default function RunMeeting({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  const { partnership: p, meeting: m, board, agenda, current } = d;
  const f = useFormResult();
  const intent = f.value("intent");
  const mine = (name: string) => (intent === name ? f : undefined);
  const base = `/p/${p.slug}/meetings/${m.id}`;
  const index = current ? agenda.findIndex((i) => i.id === current.id) : -1;
  const prev = index > 0 ? agenda[index - 1] : null;
  const next = index >= 0 && index < agenda.length - 1 ? agenda[index + 1] : null;
  const itemDecisions = d.decisions.filter((x) => x.agendaItemId === current?.id);
  const itemActions = d.actions.filter((a) => a.action.agendaItemId === current?.id);
  const itemDeclarations = d.declared.filter((x) => x.agendaItemId === current?.id);
  const voteMethod = d.method && d.method !== "consensus";
  const af = mine("attendance");
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
        {p.name} · {formatDate(m.date)}, {m.startTime}
      </span>
      <h1 className="govuk-heading-l">{m.title}</h1>
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" to={base}>
          Back to the meeting
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" to={`${base}/minutes`}>
          Minutes
        </Link>
      </p>
      <QuorumPanel quorum={board.quorum} awaitingAttendance={!board.attendanceMarked} termsVersion={board.terms?.versionNumber ?? null} title="Quorum for the meeting" />

      <details className="govuk-details" open={!board.attendanceMarked || Boolean(af)}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Attendance ({board.rows.filter((r) => r.status).length} of {board.rows.length} recorded)</span>
        </summary>
        <div className="govuk-details__text">
          <AppForm method="post" noValidate>
            <input type="hidden" name="intent" value="attendance" />
            {board.rows.map((r) => {
              const status = af ? af.value(`status-${r.seat.id}`) : (r.status ?? "");
              const deputyError = af?.errors?.[`deputy-${r.seat.id}`];
              return (
                <fieldset key={r.seat.id} className="govuk-fieldset app-attendance" aria-describedby={deputyError ? `deputy-${r.seat.id}-error` : undefined}>
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                    {r.seat.personName}{" "}
                    <span className="govuk-body-s">
                      ({r.seat.organisationName}, {boardRoleLabels[r.seat.boardRole].toLowerCase()}
                      {r.seat.hasVote ? "" : ", no vote"})
                    </span>
                  </legend>
                  <div className="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
                    {(r.deputies.length ? attendanceStatuses : attendanceStatuses.filter((x) => x !== "deputy")).map((s, i) => (
                      <div key={s} className="govuk-radios__item">
                        <input
                          className="govuk-radios__input"
                          id={i === 0 ? `status-${r.seat.id}` : `status-${r.seat.id}-${s}`}
                          name={`status-${r.seat.id}`}
                          type="radio"
                          value={s}
                          defaultChecked={status === s}
                        />
                        <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? `status-${r.seat.id}` : `status-${r.seat.id}-${s}`}>
                          {attendanceStatusLabels[s]}
                        </label>
                      </div>
                    ))}
                  </div>
                  {r.deputies.length ? (
                    <div className={`govuk-form-group govuk-!-margin-top-2${deputyError ? " govuk-form-group--error" : ""}`}>
                      <label className="govuk-label govuk-label--s" htmlFor={`deputy-${r.seat.id}`}>
                        Deputy standing in for {r.seat.personName}
                      </label>
                      {deputyError ? (
                        <p id={`deputy-${r.seat.id}-error`} className="govuk-error-message">
                          <span className="govuk-visually-hidden">Error:</span> {deputyError}
                        </p>
                      ) : null}
                      <select className="govuk-select" id={`deputy-${r.seat.id}`} name={`deputy-${r.seat.id}`} defaultValue={af ? af.value(`deputy-${r.seat.id}`) : (r.deputySeatId ?? "")}>
                        <option value="">Not standing in</option>
                        {r.deputies.map((x) => (
                          <option key={x.id} value={x.id}>
                            {x.personName}
                            {x.hasVote ? "" : " (no vote)"}
                          </option>
                        ))}
                      </select>
                    </div>
                  ) : null}
                </fieldset>
              );
            })}
            <Button>Save attendance</Button>
          </AppForm>
        </div>
      </details>

      {agenda.length === 0 || !current ? (
        <p className="govuk-body">
          This meeting has no agenda yet. <Link className="govuk-link" to={`${base}/agenda`}>Add items</Link>.
        </p>
      ) : (
        <section aria-labelledby="current-item" id="item">
          <nav className="app-item-nav app-no-print" aria-label="Agenda items">
            <ol className="govuk-list app-item-nav__list">
              {agenda.map((i) => (
                <li key={i.id}>
                  <Link className="govuk-link" to={`?item=${i.id}#item`} aria-current={i.id === current.id ? "step" : undefined}>
                    {i.position}. {i.title}
                  </Link>
                </li>
              ))}
            </ol>
          </nav>
          <h2 className="govuk-heading-l" id="current-item">
            <span className="govuk-caption-m">
              Item {current.position} of {agenda.length} · {agendaPurposeLabels[current.purpose]}
            </span>
            {current.title}
          </h2>
          {current.presenter ? <p className="govuk-body">Presented by {current.presenter}.</p> : null}
          {current.description ? <p className="govuk-body app-pre-wrap">{current.description}</p> : null}
          {d.papers.filter((x) => x.agendaItemId === current.id).map((x) => (
            <p key={x.id} className="govuk-body">
              <a className="govuk-link" href={`${base}/papers/${x.id}`}>
                {x.filename}
              </a>
            </p>
          ))}

          <h3 className="govuk-heading-m">Interests declared</h3>
          {itemDeclarations.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {itemDeclarations.map((x) => (
                <li key={x.id}>
                  {d.seatNames[x.seatId]}: {x.interest} {x.recused ? <Tag colour="orange">Withdrew from the item</Tag> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">None declared.</p>
          )}
          {itemDeclarations.some((x) => x.recused) ? <QuorumPanel quorum={d.itemQuorum} termsVersion={board.terms?.versionNumber ?? null} title="Quorum for this item" /> : null}
          <details className="govuk-details" open={Boolean(mine("declare"))}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Record a declaration of interest</span>
            </summary>
            <div className="govuk-details__text">
              <AppForm method="post" noValidate>
                <input type="hidden" name="intent" value="declare" />
                <input type="hidden" name="agendaItemId" value={current.id} />
                <SelectField
                  name="seatId"
                  label="Member"
                  defaultValue={mine("declare")?.value("seatId") ?? ""}
                  error={mine("declare")?.errors?.seatId}
                  options={[{ value: "", label: "Choose a member" }, ...board.rows.map((r) => ({ value: r.seat.id, label: `${r.seat.personName} (${r.seat.organisationName})` }))]}
                />
                <TextField name="interest" label="Interest declared" defaultValue={mine("declare")?.value("interest") ?? ""} error={mine("declare")?.errors?.interest} />
                <ChoiceGroup
                  type="checkbox"
                  name="recused"
                  legend="Withdrawal"
                  options={[{ value: "yes", label: "They withdrew from this item", hint: "They are left out of the quorum and the vote for this item." }]}
                  checked={mine("declare")?.value("recused") === "yes" ? ["yes"] : []}
                  small
                />
                <Button secondary>Record declaration</Button>
              </AppForm>
            </div>
          </details>

          <h3 className="govuk-heading-m">Notes for the minutes</h3>
          <AppForm method="post" noValidate>
            <input type="hidden" name="intent" value="notes" />
            <input type="hidden" name="itemId" value={current.id} />
            <VersionField value={current.version} />
            <TextArea
              name="notes"
              label={`What was said on item ${current.position}`}
              rows={6}
              defaultValue={mine("notes")?.value("notes", current.notes) ?? current.notes ?? ""}
              error={mine("notes")?.errors?.notes}
            />
            <Button secondary>Save notes</Button>
          </AppForm>

          <h3 className="govuk-heading-m">Decisions on this item</h3>
          {itemDecisions.length ? (
            <ul className="govuk-list">
              {itemDecisions.map((x) => (
                <li key={x.id}>
                  <Link className="govuk-link" to={`/p/${p.slug}/decisions/${x.id}`}>
                    {x.reference}: {x.title}
                  </Link>{" "}
                  <Tag colour={decisionStatusColour(x.status)}>{decisionStatusLabels[x.status]}</Tag>
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">None yet.</p>
          )}
          <DecisionForm d={d} f={mine("decision")} itemId={current.id} voteMethod={Boolean(voteMethod)} />

          <h3 className="govuk-heading-m">Actions from this item</h3>
          {itemActions.length ? (
            <ul className="govuk-list">
              {itemActions.map((a) => (
                <li key={a.action.id}>
                  {a.action.title} ({a.ownerName ?? a.organisationName}, due {formatDate(a.action.dueDate)})
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">None yet.</p>
          )}
          <details className="govuk-details" open={Boolean(mine("action"))}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Add an action</span>
            </summary>
            <div className="govuk-details__text">
              <AppForm method="post" noValidate>
                <input type="hidden" name="intent" value="action" />
                <input type="hidden" name="agendaItemId" value={current.id} />
                <ActionFields f={mine("action")} people={d.people} partners={d.partners} />
                <Button secondary>Add action</Button>
              </AppForm>
            </div>
          </details>

          <nav className="govuk-pagination govuk-pagination--block app-no-print" aria-label="Move through the agenda">
            {prev ? (
              <div className="govuk-pagination__prev">
                <Link className="govuk-link govuk-pagination__link" to={`?item=${prev.id}#item`} rel="prev">
                  <span className="govuk-pagination__link-title">Previous item</span>
                  <span className="govuk-visually-hidden">:</span>
                  <span className="govuk-pagination__link-label">{prev.title}</span>
                </Link>
              </div>
            ) : null}
            {next ? (
              <div className="govuk-pagination__next">
                <Link className="govuk-link govuk-pagination__link" to={`?item=${next.id}#item`} rel="next">
                  <span className="govuk-pagination__link-title">Next item</span>
                  <span className="govuk-visually-hidden">:</span>
                  <span className="govuk-pagination__link-label">{next.title}</span>
                </Link>
              </div>
            ) : null}
          </nav>
        </section>
      )}
    </>
  );
}

type RunData = Route.ComponentProps["loaderData"];

function DecisionForm({ d, f, itemId, voteMethod }: { d: RunData; f: ReturnType<typeof useFormResult> | undefined; itemId: string; voteMethod: boolean }) {
  const v = (name: string, fallback = "") => f?.value(name, fallback) ?? fallback;
  const e = (name: string) => f?.errors?.[name];
  return (
    <details className="govuk-details" open={Boolean(f)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Record a decision</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">
          Under these terms the board decides by {d.method ? decisionMethodLabels[d.method].toLowerCase() : "a method not yet set"}. If the meeting is not quorate the decision is
          recorded as inquorate and needs ratification.
        </p>
        <AppForm method="post" noValidate>
          <input type="hidden" name="intent" value="decision" />
          <input type="hidden" name="agendaItemId" value={itemId} />
          {d.proposals.length ? (
            <SelectField
              name="proposedDecisionId"
              label="Decide a proposal (optional)"
              hint="The proposal's reference is kept; its wording is replaced by what you enter below."
              defaultValue={v("proposedDecisionId")}
              error={e("proposedDecisionId")}
              options={[{ value: "", label: "A new decision" }, ...d.proposals.map((x) => ({ value: x.id, label: `${x.reference}: ${x.title}` }))]}
            />
          ) : null}
          <TextField name="title" label="Short title" defaultValue={v("title")} error={e("title")} />
          <TextArea name="text" label="What was decided" rows={4} defaultValue={v("text")} error={e("text")} />
          <TextArea name="rationale" label="Why (optional)" rows={3} defaultValue={v("rationale")} error={e("rationale")} />
          <TextArea name="optionsConsidered" label="Options considered (optional)" rows={3} defaultValue={v("optionsConsidered")} error={e("optionsConsidered")} />
          <ChoiceGroup
            type="radio"
            name="outcome"
            legend="Outcome"
            error={e("outcome")}
            options={
              voteMethod
                ? [
                    { value: "by_votes", label: "Decided by the votes below" },
                    { value: "deferred", label: "Deferred" },
                  ]
                : [
                    { value: "agreed", label: "Agreed" },
                    { value: "rejected", label: "Not agreed" },
                    { value: "deferred", label: "Deferred" },
                  ]
            }
            checked={[v("outcome", voteMethod ? "by_votes" : "agreed")]}
            small
          />
          {voteMethod ? (
            <fieldset className="govuk-fieldset" id="votes">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Votes of the members counted for this item</legend>
              {e("votes") ? (
                <p className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {e("votes")}
                </p>
              ) : null}
              {d.voters.length === 0 ? <p className="govuk-body">Nobody is counted yet: record attendance first.</p> : null}
              {d.voters.map((voter) => (
                <div key={voter.id} className="govuk-form-group govuk-!-margin-bottom-2">
                  <label className="govuk-label" htmlFor={`vote-${voter.id}`}>
                    {voter.name} ({voter.organisation})
                  </label>
                  <select className="govuk-select" id={`vote-${voter.id}`} name={`vote-${voter.id}`} defaultValue={v(`vote-${voter.id}`)}>
                    <option value="">Did not vote</option>
                    {votes.map((x) => (
                      <option key={x} value={x}>
                        {voteLabels[x]}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </fieldset>
          ) : null}
          <TextField name="delegatedAuthority" label="Delegated authority used (optional)" hint="For example: Havering as lead authority, contracting for all eight boroughs." defaultValue={v("delegatedAuthority")} error={e("delegatedAuthority")} />
          <TextField name="financialImplicationGbp" label="Financial implication in pounds (optional)" inputMode="numeric" className="govuk-input--width-10" defaultValue={v("financialImplicationGbp")} error={e("financialImplicationGbp")} />
          <TextField name="financialNote" label="About the money (optional)" defaultValue={v("financialNote")} error={e("financialNote")} />
          <ChoiceGroup
            type="checkbox"
            name="termsSections"
            legend="Terms of reference it relies on (optional)"
            error={e("termsSections")}
            options={termsSectionKeys.map((k) => ({ value: k, label: termsSectionLabels[k] }))}
            checked={f?.checkedList("termsSections", []) ?? []}
            small
          />
          <ChoiceGroup
            type="checkbox"
            name="needsRatification"
            legend="Ratification"
            error={e("needsRatification")}
            options={[{ value: "yes", label: "Needs ratifying by partners' own bodies", hint: "As the terms of reference say, for example each borough's Cabinet." }]}
            checked={v("needsRatification") === "yes" ? ["yes"] : []}
            small
          />
          <ChoiceGroup
            type="checkbox"
            name="keyDecision"
            legend="Call-in"
            error={e("keyDecision")}
            options={[{ value: "yes", label: "A key decision", hint: "Significant spending, or a significant effect on people in two or more areas. Where the terms of reference allow it, scrutiny may call in a key decision before it is implemented." }]}
            checked={v("keyDecision") === "yes" ? ["yes"] : []}
            small
          />
          <TextField name="urgentReason" label="If it is urgent, why (optional)" hint="An urgent decision is not subject to call-in. Leave this empty unless it cannot wait for the call-in period." defaultValue={v("urgentReason")} error={e("urgentReason")} />
          {d.termsDrafts.length || d.minutesToApprove.length ? (
            <SelectField
              name="approves"
              label="This decision approves (optional)"
              defaultValue={v("approves")}
              error={e("approves")}
              options={[
                { value: "", label: "Nothing else" },
                ...d.termsDrafts.map((t) => ({ value: `terms:${t.id}`, label: `Draft version ${t.versionNumber} of the terms of reference` })),
                ...d.minutesToApprove.map((x) => ({ value: `minutes:${x.id}`, label: `The minutes of ${x.title}, ${formatDate(new Date(x.startsAt).toISOString().slice(0, 10))}` })),
              ]}
            />
          ) : null}
          <DateField name="reviewDate" label="Review the decision by (optional)" defaultValue={v("reviewDate")} error={e("reviewDate")} />
          <Button>Record decision</Button>
        </AppForm>
      </div>
    </details>
  );
}
