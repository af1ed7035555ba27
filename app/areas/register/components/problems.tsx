import { Link } from "react-router";
import { isAdvanceWarning, problemLabel, type ProblemItem } from "../rules/problems";
import { Tag } from "../../../platform/ui/forms";

/** What needs attention on the board and its terms of reference, each linked to where it can be put right. */
export function ProblemList({ problems }: { problems: ProblemItem[] }) {
  if (problems.length === 0)
    return (
      <div className="govuk-inset-text">
        <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Board checks</h2>
        Nothing needs attention: every seat meets the terms of reference.
      </div>
    );
  return (
    <section className="app-problems" aria-labelledby="problems-heading">
      <h2 className="govuk-heading-m" id="problems-heading">
        Needs attention ({problems.length})
      </h2>
      <ul className="govuk-list">
        {problems.map((p, i) => (
          <li key={i} className="govuk-!-margin-bottom-3">
            <Tag colour={isAdvanceWarning(p.kind) ? "yellow" : "red"}>{problemLabel(p.kind)}</Tag>{" "}
            {p.href ? (
              <Link className="govuk-link" to={p.href}>
                {p.message}
              </Link>
            ) : (
              p.message
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
