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
      {input.quotes.map((q, i) => (
        <figure key={i} className="govuk-inset-text">
          <blockquote>{q.text}</blockquote>
          <figcaption className="govuk-body-s">{q.by ? `${q.by}, a young person` : "A young person"}</figcaption>
        </figure>
      ))}
    </>
  );
}
