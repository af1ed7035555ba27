import { Link } from "react-router";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { getDb } from "../../../../db/client";
import { Tag } from "../../../platform/ui/forms";
import { Notice } from "../../../platform/ui/notice";
import { formatDate } from "../../../platform/time/dates";
import { meetingTypeLabels, minutesStatusLabels, type MinutesStatus } from "../rules/vocabulary";
import { appToday } from "../../../platform/clock.server";
import { requirePermission } from "../../../platform/guard.server";
import { listPastMeetings, listUpcomingMeetings, type MeetingRow } from "../meetings.server";
import type { Route } from "./+types/meetings";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Meetings – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const today = appToday();
  const after = new URL(request.url).searchParams.get("after") ?? undefined;
  const db = getDb();
  const [upcoming, past] = await Promise.all([after ? Promise.resolve([]) : listUpcomingMeetings(db, scope.partnership.id, today), listPastMeetings(db, scope.partnership.id, today, after)]);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    upcoming,
    past: past.rows,
    next: past.next,
    continuing: Boolean(after),
    canManage: scope.permissions.has("meeting:manage"),
  };
}

function MeetingTable({ id, caption, slug, rows }: { id: string; caption: string; slug: string; rows: (MeetingRow & { minutesStatus: string | null; decisions: number })[] }) {
  return (
    <div {...tableScroll(caption)}>
      <table className="govuk-table" id={id}>
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Meeting</th>
            <th scope="col" className="govuk-table__header">Date</th>
            <th scope="col" className="govuk-table__header">Decisions</th>
            <th scope="col" className="govuk-table__header">Minutes</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((m) => (
            <tr key={m.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/p/${slug}/meetings/${m.id}`}>
                  {m.title}
                </Link>
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{meetingTypeLabels[m.type]}</span>
              </th>
              <td className="govuk-table__cell">
                {formatDate(m.date)}, {m.startTime} {m.cancelledAt ? <Tag colour="red">Cancelled</Tag> : null}
              </td>
              <td className="govuk-table__cell">{m.decisions}</td>
              <td className="govuk-table__cell">
                {m.minutesStatus ? <Tag colour={m.minutesStatus === "approved" ? "green" : m.minutesStatus === "circulated" ? "blue" : "grey"}>{minutesStatusLabels[m.minutesStatus as MinutesStatus]}</Tag> : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Meetings({ loaderData }: Route.ComponentProps) {
  const { partnership: p, upcoming, past, next, continuing, canManage } = loaderData;
  return (
    <>
      <Notice />
      <h1 className="govuk-heading-l">Meetings</h1>
      {canManage ? (
        <Link className="govuk-button" to={`/p/${p.slug}/meetings/new`}>
          Schedule a meeting
        </Link>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to="/calendar">
          Add your meetings to Outlook or Google Calendar
        </Link>
      </p>
      {continuing ? null : upcoming.length ? (
        <MeetingTable id="upcoming" caption={`Coming up (${upcoming.length})`} slug={p.slug} rows={upcoming} />
      ) : (
        <p className="govuk-body">No meetings are scheduled.</p>
      )}
      {past.length ? <MeetingTable id="past" caption={continuing ? "Earlier meetings" : "Past meetings"} slug={p.slug} rows={past} /> : null}
      {next || continuing ? (
        <nav className="govuk-pagination" aria-label="More meetings">
          {continuing ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={`/p/${p.slug}/meetings`} rel="prev">
                <span className="govuk-pagination__link-title">Latest meetings</span>
              </Link>
            </div>
          ) : null}
          {next ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={`?after=${encodeURIComponent(next)}`} rel="next">
                <span className="govuk-pagination__link-title">Earlier meetings</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
