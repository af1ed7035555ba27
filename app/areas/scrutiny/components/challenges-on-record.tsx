import { Link } from "react-router";
import { Tag } from "../../../platform/ui/forms";
import type { ChallengesPanel } from "../challenges-panel";

/** A record's questions and challenges from scrutiny, and the way to ask one (for scrutiny members). */
export function ChallengesOnRecord({ panel }: { panel: ChallengesPanel | null }) {
  if (!panel || (!panel.items.length && !panel.askPath)) return null;
  return (
    <section aria-labelledby="challenges-heading">
      <h2 className="govuk-heading-m" id="challenges-heading">
        Questions and challenges from scrutiny
      </h2>
      {panel.items.length ? (
        <ul className="govuk-list">
          {panel.items.map((c) => (
            <li key={c.path} data-challenge={c.number}>
              <Link className="govuk-link" to={c.path}>
                {c.label}
              </Link>{" "}
              <Tag colour={c.colour}>{c.standing}</Tag>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">None so far.</p>
      )}
      {panel.askPath ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={panel.askPath}>
            Ask a question or challenge about this {panel.subjectLabel}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
