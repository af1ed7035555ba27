import { formatDate } from "../../../platform/time/dates";
import { describeRules, termsSectionKeys, termsSectionLabels, type TermsRules, type TermsSections } from "../rules/terms-of-reference";

/** One version of the terms of reference as people read it: the written sections, then the rules the platform applies. */
export function TermsDocument({ sections, rules, reviewDate }: { sections: TermsSections; rules: TermsRules; reviewDate: string | null }) {
  return (
    <>
      {termsSectionKeys.map((k) =>
        sections[k] ? (
          <section key={k}>
            <h2 className="govuk-heading-m">{termsSectionLabels[k]}</h2>
            <p className="govuk-body app-pre-wrap">{sections[k]}</p>
          </section>
        ) : null,
      )}
      <h2 className="govuk-heading-m">Rules the platform applies</h2>
      <p className="govuk-body">Meetings and decisions are checked against these, using the version in force on the meeting&apos;s date.</p>
      <ul className="govuk-list govuk-list--bullet">
        {describeRules(rules).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="govuk-body">Review date: {reviewDate ? formatDate(reviewDate) : "not set"}</p>
    </>
  );
}
