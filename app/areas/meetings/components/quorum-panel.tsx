import type { QuorumResult } from "../../register/public";
import { Tag } from "../../../platform/ui/forms";

/** The quorum as the chair needs to see it: the verdict, the counts, what is missing and anything to note. */
export function QuorumPanel({
  quorum,
  termsVersion,
  title = "Quorum",
  awaitingAttendance,
}: {
  quorum: QuorumResult | null;
  termsVersion: number | null;
  title?: string;
  awaitingAttendance?: boolean;
}) {
  if (!quorum || awaitingAttendance)
    return (
      <div className="govuk-inset-text" aria-live="polite">
        <h2 className="govuk-heading-s">{title}</h2>
        {termsVersion === null
          ? "No terms of reference were in force on this date, so the quorum cannot be judged."
          : `Record who is present to see whether the meeting is quorate under version ${termsVersion} of the terms of reference.`}
      </div>
    );
  return (
    <div className={`app-quorum app-quorum--${quorum.quorate ? "met" : "not-met"}`} aria-live="polite" aria-atomic="true">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">
        {title}: <Tag colour={quorum.quorate ? "green" : "red"}>{quorum.quorate ? "Quorate" : "Not quorate"}</Tag>
      </h2>
      <p className="govuk-body govuk-!-margin-bottom-2">
        {quorum.countedVotingMembers} voting {quorum.countedVotingMembers === 1 ? "member" : "members"} counted from {quorum.partnersRepresented.length}{" "}
        {quorum.partnersRepresented.length === 1 ? "partner" : "partners"}
        {termsVersion ? `, under version ${termsVersion} of the terms of reference` : ""}.
      </p>
      {quorum.shortfalls.length ? (
        <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-2">
          {quorum.shortfalls.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      ) : null}
      {quorum.notes.length ? (
        <details className="govuk-details govuk-!-margin-bottom-0">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Notes on who was counted ({quorum.notes.length})</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list govuk-list--bullet">
              {quorum.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </div>
  );
}
