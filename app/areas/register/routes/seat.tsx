import { Link } from "react-router";
import { getDb } from "../../../../db/client";
import { SummaryList, Tag, WarningText } from "../../../platform/ui/forms";
import { Notice } from "../../../platform/ui/notice";
import type { DeputyStatus } from "../rules/board-rules";
import { formatDate } from "../../../platform/time/dates";
import { boardRoleLabels, interestTypeLabels, seniorityTierLabels } from "../rules/vocabulary";
import { loadSeatPage } from "../board.server";
import { listDeclarations } from "../declarations.server";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/seat";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.seat.personName ?? "Board member"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const today = appToday();
  const db = getDb();
  const page = await loadSeatPage(db, scope, params.seatId, today);
  if (!page) notFound("That seat is not on this partnership's board register.");
  const declarations = await listDeclarations(db, scope.partnership.id, page.seat.userId);
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, today, ...page, declarations };
}

const delegationText: Record<DeputyStatus, string> = {
  valid: "Valid",
  not_started: "Not started yet",
  expired: "Lapsed",
  principal_gone: "The member has left the board",
  not_a_deputy: "Not a deputy",
};

export default function SeatPage({ loaderData }: Route.ComponentProps) {
  const { partnership: p, seat: s, shortfalls, termsVersion, judgedOn, delegation, deputies, predecessor, successor, otherSeats, canEdit, canNameDeputy, declarations, today } = loaderData;
  const base = `/p/${p.slug}/board`;
  return (
    <>
      <Notice />
      <span className="govuk-caption-l">
        {boardRoleLabels[s.boardRole]}, {s.organisationName}
      </span>
      <h1 className="govuk-heading-l">{s.personName}</h1>
      {shortfalls.map((text) => (
        <WarningText key={text}>Below the seniority that version {termsVersion} of the terms of reference requires. {text}.</WarningText>
      ))}
      {delegation && delegation !== "valid" ? <WarningText>This deputy&apos;s delegation: {delegationText[delegation].toLowerCase()}.</WarningText> : null}
      <SummaryList
        rows={[
          ["Organisation", s.organisationName],
          ["Board role", <>{boardRoleLabels[s.boardRole]}{s.deputyForName && s.deputyForSeatId ? <> for <Link className="govuk-link" to={`${base}/${s.deputyForSeatId}`}>{s.deputyForName}</Link></> : null}</>],
          ["Job title", s.jobTitle],
          ["Seniority", seniorityTierLabels[s.seniority]],
          ["Vote", s.hasVote ? "Yes" : "No"],
          ["Delegated financial authority", s.delegatedAuthorityGbp === null ? "None recorded" : `£${s.delegatedAuthorityGbp.toLocaleString("en-GB")}`],
          ["Term", <>{formatDate(s.termStart)} to {s.termEnd ? formatDate(s.termEnd) : "open-ended"} {s.current ? <Tag colour="green">Current</Tag> : <Tag colour="grey">Not current</Tag>}</>],
          termsVersion && shortfalls.length === 0 ? ["Seniority check", `Meets version ${termsVersion} of the terms of reference (as on ${formatDate(judgedOn)})`] : null,
          s.endReason ? ["Why the term ended", <span key="r" className="app-pre-wrap">{s.endReason}</span>] : null,
          s.handoverNote ? ["Handover note for the successor", <span key="h" className="app-pre-wrap">{s.handoverNote}</span>] : null,
        ]}
      />
      {canEdit ? (
        <ul className="govuk-list">
          <li><Link className="govuk-link" to={`${base}/${s.id}/edit`}>Change this seat&apos;s details</Link></li>
          {s.current ? <li><Link className="govuk-link" to={`${base}/${s.id}/replace`}>Hand this seat to someone else</Link></li> : null}
          {s.current ? <li><Link className="govuk-link" to={`${base}/${s.id}/end`}>End this term</Link></li> : null}
        </ul>
      ) : null}

      {predecessor || successor ? (
        <>
          <h2 className="govuk-heading-m">Handover</h2>
          {predecessor ? (
            <div className="govuk-inset-text">
              Took over from <Link className="govuk-link" to={`${base}/${predecessor.id}`}>{predecessor.personName}</Link> (until {formatDate(predecessor.termEnd)}).
              {predecessor.handoverNote ? <p className="govuk-body app-pre-wrap govuk-!-margin-top-2 govuk-!-margin-bottom-0">Their handover note: {predecessor.handoverNote}</p> : null}
            </div>
          ) : null}
          {successor ? (
            <p className="govuk-body">
              Handed over to <Link className="govuk-link" to={`${base}/${successor.id}`}>{successor.personName}</Link> from {formatDate(successor.termStart)}.
            </p>
          ) : null}
        </>
      ) : null}

      {s.boardRole !== "deputy" ? (
        <>
          <h2 className="govuk-heading-m">Deputies</h2>
          {deputies.length === 0 ? <p className="govuk-body">No deputy has been named for this member.</p> : (
            <ul className="govuk-list">
              {deputies.map((d) => (
                <li key={d.id}>
                  <Link className="govuk-link" to={`${base}/${d.id}`}>{d.personName}</Link>, {formatDate(d.termStart)} to {d.termEnd ? formatDate(d.termEnd) : "open-ended"},{" "}
                  {d.hasVote ? "may vote" : "may not vote"} <Tag colour={d.status === "valid" ? "green" : "red"}>{delegationText[d.status]}</Tag>
                </li>
              ))}
            </ul>
          )}
          {canNameDeputy && s.current ? (
            <p className="govuk-body"><Link className="govuk-link" to={`${base}/new?deputyFor=${s.id}`}>Name a deputy for {s.personName}</Link></p>
          ) : null}
        </>
      ) : null}

      <h2 className="govuk-heading-m">Declarations of interest</h2>
      {declarations.length === 0 ? <p className="govuk-body">No interests declared.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {declarations.map((d) => (
            <li key={d.id}>
              {interestTypeLabels[d.interestType]}: {d.description}
              {d.relatedOrganisation ? ` (${d.relatedOrganisation})` : ""}, declared {formatDate(d.declaredOn)}
              {d.endedOn ? `, ended ${formatDate(d.endedOn)}` : ""} {!d.endedOn || d.endedOn >= today ? <Tag colour="yellow">Current</Tag> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body"><Link className="govuk-link" to={`/p/${p.slug}/declarations`}>The register of interests</Link></p>

      {otherSeats.length ? (
        <>
          <h2 className="govuk-heading-m">Other seats {s.personName} has held</h2>
          <ul className="govuk-list">
            {otherSeats.map((o) => (
              <li key={o.id}>
                <Link className="govuk-link" to={`${base}/${o.id}`}>{boardRoleLabels[o.boardRole]}, {o.organisationName}</Link>: {formatDate(o.termStart)} to {o.termEnd ? formatDate(o.termEnd) : "open-ended"}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
