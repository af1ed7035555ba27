import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, SelectField, Tag, TextArea, VersionField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { SavedVersion } from "../../../platform/ui/saved-version";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate, formatDateTime, londonDate } from "../../../platform/time/dates";
import { decisionStatusLabels } from "../../decisions/public";
import { minutesStatusLabels } from "../rules/vocabulary";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { requireMeeting } from "../meeting-page.server";
import { amendMinutes, amendmentSchema, circulateMinutes, circulateSchema, loadMinutes, minutesSummarySchema, saveMinutesSummary } from "../minutes.server";
import type { Route } from "./+types/meeting-minutes";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { latestCheckpoint } from "../../../audit/checkpoints.server";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Minutes of ${data?.meeting.title ?? "the meeting"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const meeting = await requireMeeting(db, scope, params.meetingId);
  const loaded = await loadMinutes(db, scope.partnership, meeting);
  const printing = new URL(request.url).searchParams.has("print");
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    meeting,
    minutes: loaded!,
    canManage: scope.permissions.has("meeting:manage"),
    printing,
    // A printed copy carries the trail's latest signed checkpoint, so a reader can later check the record it came from.
    checkpoint: printing ? ((await latestCheckpoint(db, scope.partnership.id)) ?? null) : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "meeting:manage");
  const db = getDb();
  const meeting = await requireMeeting(db, scope, params.meetingId);
  const form = await readForm(request);
  const here = `/p/${scope.partnership.slug}/meetings/${meeting.id}/minutes`;
  const intent = form.get("intent");
  if (intent === "circulate") {
    const parsed = parseForm(circulateSchema, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await circulateMinutes(db, scope, meeting, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "minutes-circulated"));
  }
  if (intent === "amend") {
    const parsed = parseForm(amendmentSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await amendMinutes(db, scope, meeting, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "minutes-amended"));
  }
  const parsed = parseForm(minutesSummarySchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await saveMinutesSummary(db, scope, meeting, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(here, "minutes-saved"));
}

export default function Minutes({ loaderData }: Route.ComponentProps) {
  const { partnership: p, meeting: m, minutes, canManage, printing, checkpoint } = loaderData;
  const { row, document: doc, amendments, approvingDecision } = minutes;
  const f = useFormResult();
  const editable = canManage && !printing && row.status !== "approved";
  const amendmentsFor = (itemId: string | null) => amendments.filter((a) => a.agendaItemId === itemId);
  const Amendments = ({ itemId }: { itemId: string | null }) =>
    amendmentsFor(itemId).length ? (
      <div className="govuk-inset-text app-amendment">
        <h4 className="govuk-heading-s">Amendment{amendmentsFor(itemId).length > 1 ? "s" : ""} after approval</h4>
        {amendmentsFor(itemId).map((a) => (
          <p key={a.id} className="govuk-body app-pre-wrap">
            {a.text}
            <span className="govuk-body-s govuk-!-display-block">
              Recorded {formatDateTime(a.madeAt)}
              {a.by ? ` by ${a.by}` : ""}. Reason: {a.reason}
            </span>
          </p>
        ))}
      </div>
    ) : null;
  const List = ({ title, names }: { title: string; names: string[] }) =>
    names.length ? (
      <>
        <h3 className="govuk-heading-s">{title}</h3>
        <ul className="govuk-list">
          {names.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </>
    ) : null;
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">
        Minutes: {doc.meeting.title}, {formatDate(doc.meeting.date)}
      </h1>
      <p className="govuk-body">
        <Tag colour={row.status === "approved" ? "green" : row.status === "circulated" ? "blue" : "grey"}>{minutesStatusLabels[row.status]}</Tag>{" "}
        {row.circulatedAt ? `Circulated on ${formatDate(londonDate(row.circulatedAt))}. ` : ""}
        {row.status === "approved" && approvingDecision ? (
          <>
            Approved by decision{" "}
            <Link className="govuk-link" to={`/p/${p.slug}/decisions/${approvingDecision.id}`}>
              {approvingDecision.reference}
            </Link>
            {approvingDecision.decidedOn ? ` on ${formatDate(approvingDecision.decidedOn)}` : ""}, and locked.
          </>
        ) : null}
      </p>
      {!printing ? (
        <p className="govuk-body app-no-print">
          <Link className="govuk-link" to={`/p/${p.slug}/meetings/${m.id}`}>
            Back to the meeting
          </Link>{" "}
          ·{" "}
          <Link className="govuk-link" to="?print">
            Printable version
          </Link>
        </p>
      ) : (
        <p className="govuk-body app-no-print">Use your browser&apos;s print command to print or save these minutes as a PDF.</p>
      )}

      <p className="govuk-body">
        {doc.meeting.startTime} to {doc.meeting.endTime}
        {doc.meeting.location ? `, ${doc.meeting.location}` : ""}
        {doc.meeting.onlineLink ? " (and online)" : ""}.
      </p>
      <h2 className="govuk-heading-m">Attendance</h2>
      <List title="Present" names={doc.present} />
      <List title="Represented by a deputy" names={doc.deputies} />
      <List title="Apologies" names={doc.apologies} />
      <List title="Absent" names={doc.absent} />
      {doc.notRecorded.length ? <List title="Attendance not recorded" names={doc.notRecorded} /> : null}
      {doc.quorum ? (
        <p className="govuk-body">
          <strong>{doc.quorum.text}</strong>
          {doc.quorum.shortfalls.length ? ` ${doc.quorum.shortfalls.join(" ")}` : ""}
          {doc.quorum.termsVersion ? ` (Terms of reference version ${doc.quorum.termsVersion}.)` : ""}
        </p>
      ) : null}
      {doc.summary ? (
        <>
          <h2 className="govuk-heading-m">Summary</h2>
          <p className="govuk-body app-pre-wrap">{doc.summary}</p>
        </>
      ) : null}
      <Amendments itemId={null} />
      {doc.items.map((item) => (
        <section key={item.id} aria-labelledby={`minute-${item.id}`}>
          <h2 className="govuk-heading-m" id={`minute-${item.id}`}>
            {item.position}. {item.title}
          </h2>
          {item.presenter ? <p className="govuk-body-s">Presented by {item.presenter}</p> : null}
          {item.declarations.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {item.declarations.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          ) : null}
          {item.notes ? <p className="govuk-body app-pre-wrap">{item.notes}</p> : <p className="govuk-body">No notes were taken.</p>}
          {item.decisions.map((d) => (
            <div key={d.id} className="govuk-inset-text">
              <p className="govuk-body govuk-!-margin-bottom-1">
                <strong>
                  Decision {d.reference}: {d.title}
                </strong>{" "}
                ({decisionStatusLabels[d.status].toLowerCase()}
                {d.votes ? `; ${d.votes}` : ""})
              </p>
              <p className="govuk-body govuk-!-margin-bottom-0 app-pre-wrap">{d.text}</p>
            </div>
          ))}
          {item.actions.length ? (
            <>
              <h3 className="govuk-heading-s">Actions</h3>
              <ul className="govuk-list govuk-list--bullet">
                {item.actions.map((a) => (
                  <li key={a.title}>
                    {a.title}
                    {a.owner ? ` – ${a.owner}` : ""}, by {formatDate(a.dueDate)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Amendments itemId={item.id} />
        </section>
      ))}

      {editable ? (
        <div className="govuk-grid-row app-no-print">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Edit the draft</h2>
            <p className="govuk-body">
              Attendance, declarations, decisions and actions come from the meeting&apos;s record; notes are taken item by item on the{" "}
              <Link className="govuk-link" to={`/p/${p.slug}/meetings/${m.id}/run`}>
                running screen
              </Link>
              . Add an overall summary here.
            </p>
            {f.conflict ? <SavedVersion rows={[["Summary", row.summary ?? ""]]} /> : null}
            <AppForm method="post" noValidate>
              <input type="hidden" name="intent" value="summary" />
              <VersionField value={row.version} />
              <TextArea name="summary" label="Summary" rows={6} defaultValue={f.value("summary", row.summary)} error={f.errors?.summary} />
              <Button secondary>Save summary</Button>
            </AppForm>
            {row.status === "draft" ? (
              <AppForm method="post">
                <input type="hidden" name="intent" value="circulate" />
                <VersionField value={row.version} />
                <p className="govuk-body">When the draft is ready, circulate it: a later meeting then approves it by a decision, which locks it.</p>
                <Button>Circulate for approval</Button>
              </AppForm>
            ) : (
              <p className="govuk-body">
                These minutes are waiting for approval. At the next meeting, record a decision that approves them: they are then locked.
              </p>
            )}
          </div>
        </div>
      ) : null}
      {checkpoint ? (
        <section className="app-checkpoint">
          <h2 className="govuk-heading-s">Audit trail checkpoint</h2>
          <p className="govuk-body-s">
            When printed, the partnership&apos;s audit trail had been signed at {checkpoint.seq.toLocaleString("en-GB")} events on {formatDate(checkpoint.day)} (key{" "}
            {checkpoint.keyId}). Check the platform&apos;s record still reaches it with <code>npm run audit:verify -- --checkpoint</code> and this line:
          </p>
          <p className="govuk-body-s app-checkpoint__line">
            <code>{checkpoint.line}</code>
          </p>
        </section>
      ) : null}
      {canManage && !printing && row.status === "approved" ? (
        <div className="govuk-grid-row app-no-print">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Correct the approved minutes</h2>
            <p className="govuk-body">Approved minutes never change. A correction is recorded as an amendment and shown beside the original.</p>
            <AppForm method="post" noValidate>
              <input type="hidden" name="intent" value="amend" />
              <SelectField
                name="agendaItemId"
                label="Which part"
                defaultValue={f.value("agendaItemId", "")}
                error={f.errors?.agendaItemId}
                options={[{ value: "", label: "The minutes as a whole" }, ...doc.items.map((i) => ({ value: i.id, label: `${i.position}. ${i.title}` }))]}
              />
              <TextArea name="text" label="The correction" rows={4} defaultValue={f.value("text")} error={f.errors?.text} />
              <TextArea name="reason" label="Why it is needed" rows={2} defaultValue={f.value("reason")} error={f.errors?.reason} />
              <Button secondary>Record amendment</Button>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
