import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, SummaryList, Tag, TextArea, VersionField } from "../../../platform/ui/forms";
import { decisionStatusColour } from "../../decisions/components/decision-status";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { QuorumPanel } from "../components/quorum-panel";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { actionStatusLabels } from "../../actions/public";
import { agendaPurposeLabels, meetingTypeLabels, minutesStatusLabels } from "../rules/vocabulary";
import { decisionStatusLabels } from "../../decisions/public";
import { formatDate, londonDate } from "../../../platform/time/dates";
import { appNow, appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { loadMeetingPage, requireMeeting } from "../meeting-page.server";
import { cancelMeeting, cancelMeetingSchema, publishAgenda, publishAgendaSchema, sendInvitations, sendInvitationsSchema } from "../meetings.server";
import { ChallengesOnRecord } from "../../scrutiny/components/challenges-on-record";
import { challengesPanel } from "../../scrutiny/public.server";
import { agendaRefusal, isDraft } from "../rules/invitations";
import type { Route } from "./+types/meeting";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.meeting.title ?? "Meeting"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const page = await loadMeetingPage(db, scope, params.meetingId, appToday());
  const challenges = await challengesPanel(db, scope, "meeting", page.meeting.id, appToday());
  return {
    challenges,
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    canManage: scope.permissions.has("meeting:manage"),
    ...page,
    // A meeting still to come is a draft until its invitations are sent.
    isDraft: isDraft(page.meeting, appNow()),
    canPublishAgenda: agendaRefusal(page.meeting, page.agenda.length, appNow()) === null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "meeting:manage");
  await requireMeeting(getDb(), scope, params.meetingId);
  const form = await readForm(request);
  if (form.get("intent") === "publish_agenda") {
    const parsed = parseForm(publishAgendaSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await publishAgenda(getDb(), scope, params.meetingId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(`/p/${scope.partnership.slug}/meetings/${params.meetingId}`, "agenda-published"));
  }
  if (form.get("intent") === "send_invitations") {
    const parsed = parseForm(sendInvitationsSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await sendInvitations(getDb(), scope, params.meetingId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(`/p/${scope.partnership.slug}/meetings/${params.meetingId}`, "invitations-sent"));
  }
  const parsed = parseForm(cancelMeetingSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await cancelMeeting(getDb(), scope, params.meetingId, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/meetings/${params.meetingId}`, "meeting-cancelled"));
}

export default function MeetingPage({ loaderData }: Route.ComponentProps) {
  const { partnership: p, meeting: m, agenda, papers, board, decisions, actions, minutes, canManage, challenges, isDraft, canPublishAgenda } = loaderData;
  const f = useFormResult();
  const base = `/p/${p.slug}/meetings/${m.id}`;
  const counts = (status: string) => board.rows.filter((r) => r.status === status).length;
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">
        {m.title} {m.cancelledAt ? <Tag colour="red">Cancelled</Tag> : null}
        {isDraft ? <Tag colour="grey">Draft: invitations not sent</Tag> : null}
      </h1>
      {isDraft && canManage ? (
        <AppForm method="post" noValidate className="app-no-print">
          <input type="hidden" name="intent" value="send_invitations" />
          <VersionField value={m.version} />
          <p className="govuk-body">Nobody has been invited yet. When the date, place and agenda are ready, send the invitations: everyone on the board gets a meeting request their calendar can accept.</p>
          <Button>Send invitations</Button>
        </AppForm>
      ) : null}
      <SummaryList
        rows={[
          ["Kind", meetingTypeLabels[m.type]],
          ["When", `${formatDate(m.date)}, ${m.startTime} to ${m.endTime} (London time)`],
          m.location ? ["Where", m.location] : null,
          m.onlineLink ? ["Online", <a key="l" className="govuk-link" href={m.onlineLink} rel="noreferrer noopener">{m.onlineLink}</a>] : null,
          m.cancelReason ? ["Why it was cancelled", m.cancelReason] : null,
          ["Minutes", minutes ? <Link key="m" className="govuk-link" to={`${base}/minutes`}>{minutesStatusLabels[minutes.status as keyof typeof minutesStatusLabels]}</Link> : "None"],
        ]}
      />
      <div className="govuk-button-group">
        {canManage && !m.cancelledAt ? (
          <Link className="govuk-button" to={`${base}/run`}>
            Run the meeting
          </Link>
        ) : null}
        {canManage ? (
          <Link className="govuk-button govuk-button--secondary" to={`${base}/agenda`}>
            Agenda and papers
          </Link>
        ) : null}
        <a className="govuk-link" href={`${base}/invite.ics`} download>
          Add to calendar (.ics)
        </a>
        {canManage ? (
          <Link className="govuk-link" to={`${base}/edit`}>
            Change date, time or place
          </Link>
        ) : null}
      </div>

      <h2 className="govuk-heading-m">Agenda</h2>
      {m.agendaPublishedAt ? <p className="govuk-body-s">Published to those invited on {formatDate(londonDate(m.agendaPublishedAt))}.</p> : null}
      {canManage && canPublishAgenda ? (
        <AppForm method="post" noValidate className="app-no-print">
          <input type="hidden" name="intent" value="publish_agenda" />
          <VersionField value={m.version} />
          <p className="govuk-body">When the agenda and papers are ready, publish them: everyone invited is told once.</p>
          <Button secondary>Publish the agenda and papers</Button>
        </AppForm>
      ) : null}
      {agenda.length === 0 ? (
        <p className="govuk-body">No items yet.</p>
      ) : (
        <ol className="govuk-list govuk-list--number">
          {agenda.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong> – {agendaPurposeLabels[item.purpose].toLowerCase()}
              {item.presenter ? `, presented by ${item.presenter}` : ""}
              {papers.filter((x) => x.agendaItemId === item.id).length ? (
                <ul className="govuk-list">
                  {papers
                    .filter((x) => x.agendaItemId === item.id)
                    .map((x) => (
                      <li key={x.id}>
                        <a className="govuk-link" href={`${base}/papers/${x.id}`}>
                          {x.filename}
                        </a>{" "}
                        ({Math.max(1, Math.round(x.size / 1024))} KB)
                      </li>
                    ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {papers.filter((x) => !x.agendaItemId).length ? (
        <>
          <h3 className="govuk-heading-s">Other papers</h3>
          <ul className="govuk-list">
            {papers
              .filter((x) => !x.agendaItemId)
              .map((x) => (
                <li key={x.id}>
                  <a className="govuk-link" href={`${base}/papers/${x.id}`}>
                    {x.filename}
                  </a>
                </li>
              ))}
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Attendance</h2>
      {board.attendanceMarked ? (
        <p className="govuk-body">
          {counts("present")} present, {counts("deputy")} represented by a deputy, {counts("apologies")} apologies, {counts("absent")} absent.
        </p>
      ) : (
        <p className="govuk-body">Attendance has not been recorded yet.</p>
      )}
      <QuorumPanel quorum={board.quorum} awaitingAttendance={!board.attendanceMarked} termsVersion={board.terms?.versionNumber ?? null} />

      <h2 className="govuk-heading-m">Decisions</h2>
      {decisions.length === 0 ? (
        <p className="govuk-body">None recorded.</p>
      ) : (
        <ul className="govuk-list">
          {decisions.map((d) => (
            <li key={d.id}>
              <Link className="govuk-link" to={`/p/${p.slug}/decisions/${d.id}`}>
                {d.reference}: {d.title}
              </Link>{" "}
              <Tag colour={decisionStatusColour(d.status)}>{decisionStatusLabels[d.status]}</Tag>
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Actions</h2>
      {actions.length === 0 ? (
        <p className="govuk-body">None recorded.</p>
      ) : (
        <ul className="govuk-list">
          {actions.map((a) => (
            <li key={a.action.id}>
              <Link className="govuk-link" to={`/p/${p.slug}/actions/${a.action.id}`}>
                {a.action.title}
              </Link>{" "}
              ({a.ownerName ?? a.organisationName}, due {formatDate(a.action.dueDate)}) <Tag colour={a.state === "overdue" ? "red" : a.state === "done" ? "green" : "grey"}>{actionStatusLabels[a.state]}</Tag>
            </li>
          ))}
        </ul>
      )}

      <ChallengesOnRecord panel={challenges} />

      {canManage && !m.cancelledAt && decisions.length === 0 ? (
        <div className="govuk-grid-row app-no-print">
          <div className="govuk-grid-column-two-thirds">
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Cancel this meeting</span>
              </summary>
              <div className="govuk-details__text">
                <AppForm method="post" noValidate>
                  <VersionField value={m.version} />
                  <TextArea name="reason" label="Why the meeting is cancelled" rows={2} defaultValue={f.value("reason")} error={f.errors?.reason} />
                  <Button warning>Cancel meeting</Button>
                </AppForm>
              </div>
            </details>
          </div>
        </div>
      ) : null}
    </>
  );
}
