/**
 * "Informed by young people's input" on a decision's or an action's page:
 * the suppressed count and, only with their quoting consent, what they said
 * (named only with that consent too). The figures come from the area's door.
 */
export function YoungPeoplesInput({ input, record }: { input: { count: string; quotes: { text: string; by: string | null }[] }; record: "decision" | "action" }) {
  return (
    <>
      <h2 className="govuk-heading-m">Informed by young people&apos;s input</h2>
      <p className="govuk-body">
        Young people whose contributions informed this {record}: <strong>{input.count}</strong>
      </p>
      <Quotes quotes={input.quotes} />
    </>
  );
}

/** Young people's words as adults may see them: named only when the author agreed to be quoted by name. */
export function Quotes({ quotes }: { quotes: { text: string; by: string | null }[] }) {
  return (
    <>
      {quotes.map((q, i) => (
        <figure key={i} className="govuk-inset-text app-quote">
          <blockquote>{q.text}</blockquote>
          <figcaption className="govuk-body-s">{q.by ? `${q.by}, a young person` : "A young person"}</figcaption>
        </figure>
      ))}
    </>
  );
}
