import { data, Link, redirect } from "react-router";
import { z } from "zod";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, SelectField, TextArea, VersionField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { agendaPurposeLabels, agendaPurposes } from "../rules/vocabulary";
import { formatDate } from "../../../platform/time/dates";
import { failure, invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { requireMeeting } from "../meeting-page.server";
import {
  addAgendaItem,
  agendaItemSchema,
  editAgendaItemSchema,
  listAgenda,
  listPapers,
  MAX_PAPER_BYTES,
  moveAgendaItem,
  removeAgendaItem,
  removePaper,
  updateAgendaItem,
  uploadPaper,
} from "../meetings.server";
import type { Route } from "./+types/meeting-agenda";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { appToday } from "../../../platform/clock.server";
import { deferRiskEscalation, deferSchema, escalationsOnAgenda } from "../../risks/public.server";
import { canDeferEscalation } from "../../risks/public";

export const meta = () => [{ title: "Agenda and papers – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "meeting:manage");
  const db = getDb();
  const meeting = await requireMeeting(db, scope, params.meetingId);
  const [agenda, papers, escalations] = await Promise.all([listAgenda(db, meeting.id), listPapers(db, meeting.id), escalationsOnAgenda(db, meeting.id)]);
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, meeting, agenda, papers, escalations, canDefer: canDeferEscalation(0) };
}

const itemRef = z.object({ itemId: z.uuid({ error: "Choose an agenda item" }) });

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "meeting:manage");
  const db = getDb();
  const meeting = await requireMeeting(db, scope, params.meetingId);
  const here = `/p/${scope.partnership.slug}/meetings/${meeting.id}/agenda`;
  // Refuse an oversized upload before reading it.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_PAPER_BYTES + 1024 * 1024)
    return data(failure({ paper: "The file must be 20 MB or smaller" }), { status: 413 });
  const form = await readForm(request, { upload: true });
  const intent = String(form.get("intent") ?? "add");
  if (intent === "upload") {
    const file = form.get("paper");
    const agendaItemId = String(form.get("agendaItemId") ?? "") || null;
    if (!(file instanceof File) || file.size === 0) return data(failure({ paper: "Choose a file to upload" }), { status: 400 });
    const result = await uploadPaper(db, scope, meeting.id, { agendaItemId, filename: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
    if (!result.ok) return data(failure({ [result.field]: result.message }), { status: 400 });
    throw redirect(withNotice(here, "paper-uploaded"));
  }
  if (intent === "remove-paper") {
    const result = await removePaper(db, scope, meeting.id, String(form.get("paperId") ?? ""));
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "paper-removed"));
  }
  if (intent === "defer-risk") {
    // Each escalated item has its own reason box (deferralReason-<escalation>), so two on one agenda keep distinct ids.
    const fields = new FormData();
    for (const key of ["intent", "escalationId", "version"]) fields.set(key, String(form.get(key) ?? ""));
    fields.set("deferralReason", String(form.get(`deferralReason-${String(form.get("escalationId") ?? "")}`) ?? ""));
    const parsed = parseForm(deferSchema, fields, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await deferRiskEscalation(db, scope, parsed.data, appToday());
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "risk-deferred"));
  }
  if (intent === "up" || intent === "down" || intent === "remove") {
    const parsed = parseForm(itemRef, form);
    if (!parsed.ok) return invalid(parsed);
    const result =
      intent === "remove" ? await removeAgendaItem(db, scope, meeting.id, parsed.data.itemId) : await moveAgendaItem(db, scope, meeting.id, parsed.data.itemId, intent);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "agenda-updated"));
  }
  if (intent === "edit") {
    const parsed = parseForm(editAgendaItemSchema.extend(itemRef.shape), form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await updateAgendaItem(db, scope, meeting.id, parsed.data.itemId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "agenda-updated"));
  }
  const parsed = parseForm(agendaItemSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await addAgendaItem(db, scope, meeting.id, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(here, "agenda-updated"));
}

export default function Agenda({ loaderData }: Route.ComponentProps) {
  const { partnership: p, meeting: m, agenda, papers, escalations } = loaderData;
  const f = useFormResult();
  const editing = f.value("intent") === "edit" ? f.value("itemId") : null;
  const deferring = f.value("intent") === "defer-risk" ? f.value("escalationId") : null;
  const adding = f.failed && (f.value("intent") === "add" || f.value("intent") === "");
  return (
    <>
      <Notice />
      <ErrorSummary errors={editing && f.errors ? Object.fromEntries(Object.entries(f.errors).map(([k, v]) => [`item-${editing}-${k}`, v])) : deferring && f.errors ? Object.fromEntries(Object.entries(f.errors).map(([k, v]) => [k === "deferralReason" ? `deferralReason-${deferring}` : k, v])) : f.errors} />
      <span className="govuk-caption-l">
        {m.title}, {formatDate(m.date)}
      </span>
      <h1 className="govuk-heading-l">Agenda and papers</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/p/${p.slug}/meetings/${m.id}`}>
          Back to the meeting
        </Link>
      </p>
      {agenda.length === 0 ? <p className="govuk-body">No items yet: add the first below.</p> : null}
      <ol className="govuk-list app-agenda">
        {agenda.map((item, i) => (
          <li key={item.id} className="app-agenda__item">
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
              {item.position}. {item.title}
            </h2>
            <p className="govuk-body-s govuk-!-margin-bottom-2">
              {agendaPurposeLabels[item.purpose]}
              {item.presenter ? `, presented by ${item.presenter}` : ""}
            </p>
            {item.riskId ? <EscalatedRisk slug={p.slug} escalation={escalations.find((e) => e.agendaItemId === item.id)} f={f} /> : null}
            <div className="govuk-button-group govuk-!-margin-bottom-2">
              {i > 0 ? (
                <AppForm method="post" className="app-inline-form">
                  <input type="hidden" name="intent" value="up" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <button className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" type="submit">
                    Move up<span className="govuk-visually-hidden">: {item.title}</span>
                  </button>
                </AppForm>
              ) : null}
              {i < agenda.length - 1 ? (
                <AppForm method="post" className="app-inline-form">
                  <input type="hidden" name="intent" value="down" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <button className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" type="submit">
                    Move down<span className="govuk-visually-hidden">: {item.title}</span>
                  </button>
                </AppForm>
              ) : null}
              {item.riskId ? null : (
              <AppForm method="post" className="app-inline-form">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="itemId" value={item.id} />
                <button className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" type="submit">
                  Remove<span className="govuk-visually-hidden">: {item.title}</span>
                </button>
              </AppForm>
              )}
            </div>
            <details className="govuk-details" open={editing === item.id}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Change item {item.position}</span>
              </summary>
              <div className="govuk-details__text">
                <AppForm method="post" noValidate>
                  <input type="hidden" name="intent" value="edit" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <VersionField value={item.version} />
                  <ItemFields f={f} prefix={`item-${item.id}-`} active={editing === item.id} saved={item} />
                  <Button secondary>Save item</Button>
                </AppForm>
              </div>
            </details>
          </li>
        ))}
      </ol>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Add an item</h2>
          <AppForm method="post" noValidate>
            <input type="hidden" name="intent" value="add" />
            <ItemFields f={f} prefix="" active={adding} />
            <Button>Add item</Button>
          </AppForm>

          <h2 className="govuk-heading-m">Papers</h2>
          {papers.length ? (
            <ul className="govuk-list">
              {papers.map((x) => (
                <li key={x.id}>
                  <a className="govuk-link" href={`/p/${p.slug}/meetings/${m.id}/papers/${x.id}`}>
                    {x.filename}
                  </a>{" "}
                  ({agenda.find((i) => i.id === x.agendaItemId)?.title ?? "the whole meeting"})
                  <AppForm method="post" className="app-inline-form">
                    <input type="hidden" name="intent" value="remove-paper" />
                    <input type="hidden" name="paperId" value={x.id} />{" "}
                    <button className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" type="submit">
                      Remove<span className="govuk-visually-hidden"> {x.filename}</span>
                    </button>
                  </AppForm>
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No papers yet.</p>
          )}
          <AppForm method="post" encType="multipart/form-data" noValidate>
            <input type="hidden" name="intent" value="upload" />
            <div className={`govuk-form-group${f.errors?.paper ? " govuk-form-group--error" : ""}`}>
              <label className="govuk-label" htmlFor="paper">
                Upload a paper
              </label>
              <div id="paper-hint" className="govuk-hint">
                A PDF or an Office document (Word, Excel, PowerPoint or OpenDocument), 20 MB or smaller.
              </div>
              {f.errors?.paper ? (
                <p id="paper-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {f.errors.paper}
                </p>
              ) : null}
              <input
                className={`govuk-file-upload${f.errors?.paper ? " govuk-file-upload--error" : ""}`}
                id="paper"
                name="paper"
                type="file"
                accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"
                aria-describedby={f.errors?.paper ? "paper-hint paper-error" : "paper-hint"}
              />
            </div>
            <SelectField
              name="agendaItemId"
              label="For which item"
              error={f.errors?.agendaItemId}
              options={[{ value: "", label: "The whole meeting" }, ...agenda.map((i) => ({ value: i.id, label: `${i.position}. ${i.title}` }))]}
            />
            <Button secondary>Upload paper</Button>
          </AppForm>
        </div>
      </div>
    </>
  );
}

function ItemFields({
  f,
  prefix,
  active,
  saved,
}: {
  f: ReturnType<typeof useFormResult>;
  prefix: string;
  active: boolean;
  saved?: { title: string; presenter: string | null; purpose: string; description: string | null };
}) {
  // Field names are shared by every item's form; ids are unique per form so labels and error links work.
  const value = (name: string, fallback?: string | null) => (active ? f.value(name, fallback) : (fallback ?? ""));
  const error = (name: string) => (active ? f.errors?.[name] : undefined);
  return (
    <>
      <Field id={`${prefix}title`} name="title" label="Title" defaultValue={value("title", saved?.title)} error={error("title")} />
      <Field id={`${prefix}presenter`} name="presenter" label="Presented by (optional)" defaultValue={value("presenter", saved?.presenter)} error={error("presenter")} />
      <div className={`govuk-form-group${error("purpose") ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor={`${prefix}purpose`}>
          Purpose
        </label>
        <select className="govuk-select" id={`${prefix}purpose`} name="purpose" defaultValue={value("purpose", saved?.purpose ?? "decision")}>
          {agendaPurposes.map((x) => (
            <option key={x} value={x}>
              {agendaPurposeLabels[x]}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${prefix}description`}>
          Description (optional)
        </label>
        <textarea className="govuk-textarea" id={`${prefix}description`} name="description" rows={3} defaultValue={value("description", saved?.description)} />
      </div>
    </>
  );
}

function Field({ id, name, label, defaultValue, error }: { id: string; name: string; label: string; defaultValue: string; error?: string }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input className={`govuk-input${error ? " govuk-input--error" : ""}`} id={id} name={name} defaultValue={defaultValue} aria-describedby={error ? `${id}-error` : undefined} />
    </div>
  );
}

type Escalation = Route.ComponentProps["loaderData"]["escalations"][number];

/** An escalated risk's item: where it came from, and putting it back to the next board meeting (once, with a reason). */
function EscalatedRisk({ slug, escalation, f }: { slug: string; escalation?: Escalation; f: ReturnType<typeof useFormResult> }) {
  if (!escalation) return null;
  const active = f.value("intent") === "defer-risk" && f.value("escalationId") === escalation.id;
  return (
    <div className="govuk-inset-text govuk-!-margin-top-0 govuk-!-margin-bottom-2">
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        Escalated from the risk register:{" "}
        <Link className="govuk-link" to={`/p/${slug}/risks/${escalation.riskId}`}>
          risk {escalation.reference}
        </Link>
        .{escalation.deferralReason ? ` Put back once already: ${escalation.deferralReason}` : ""}
      </p>
      {escalation.decisionId ? (
        <p className="govuk-body-s govuk-!-margin-bottom-0">The board has decided on it.</p>
      ) : canDeferEscalation(escalation.deferrals) ? (
        <details className="govuk-details govuk-!-margin-bottom-0" open={active}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Put back to the next board meeting</span>
          </summary>
          <div className="govuk-details__text">
            <AppForm method="post" noValidate>
              <input type="hidden" name="intent" value="defer-risk" />
              <input type="hidden" name="escalationId" value={escalation.id} />
              <VersionField value={escalation.version} />
              <TextArea
                name={`deferralReason-${escalation.id}`}
                label="Why the board will consider it later"
                hint="A risk can be put back once: the board must consider it at the meeting after this one."
                rows={3}
                error={active ? f.errors?.deferralReason : undefined}
                defaultValue={active ? f.value(`deferralReason-${escalation.id}`) : undefined}
              />
              <Button secondary>Put back</Button>
            </AppForm>
          </div>
        </details>
      ) : (
        <p className="govuk-body-s govuk-!-margin-bottom-0">It has been put back once, so the board must consider it at this meeting.</p>
      )}
    </div>
  );
}
