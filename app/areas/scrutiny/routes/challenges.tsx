import { Form, Link } from "react-router";
import { z } from "zod";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { requirePermission } from "../../../platform/guard.server";
import { formatDate } from "../../../platform/time/dates";
import { FilterSelect } from "../../../platform/ui/filters";
import { ErrorSummary, Tag } from "../../../platform/ui/forms";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { challengeCounts, leadBodyName, listChallenges } from "../challenges.server";
import { challengeKindLabels, challengeStanding, challengeStandingWords, challengeSubjectLabels, standingColour, type ChallengeStatus } from "../rules/challenges";
import type { Route } from "./+types/challenges";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Questions and challenges – ${data?.partnership.name ?? ""} – Partnership governance` }];

const statusLabels: Record<ChallengeStatus, string> = { awaiting_answer: "Awaiting an answer", answered: "Answered", closed: "Closed" };
const statusFilter = z.enum(["awaiting_answer", "answered", "closed"]);

// Scrutiny's formal questions and challenges to the chair, newest first.
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const asked = new URL(request.url).searchParams.get("status") ?? "";
  const parsed = statusFilter.safeParse(asked);
  const errors: Record<string, string> = asked && !parsed.success ? { status: "Choose a state from the list: the one given is not one of them" } : {};
  const status = parsed.success ? parsed.data : null;
  const db = getDb();
  const [rows, counts, leadBody] = await Promise.all([listChallenges(db, scope.partnership.id, scope.partnership.slug, { status }), challengeCounts(db, scope.partnership.id), leadBodyName(db, scope.partnership.id)]);
  const today = appToday();
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    status: status ?? "",
    errors,
    canRaise: scope.permissions.has("scrutiny:challenge"),
    total: [...counts.values()].reduce((a, b) => a + b, 0),
    counts: Object.fromEntries(counts) as Partial<Record<ChallengeStatus, number>>,
    rows: rows.map((r) => {
      const standing = challengeStanding(r, today);
      return {
        id: r.id,
        number: r.number,
        kind: challengeKindLabels[r.kind],
        title: r.title,
        raisedOn: r.raisedOn,
        raisedBy: r.raisedByName,
        subject: r.subject ? { label: challengeSubjectLabels[r.subject.type], name: r.subject.name, path: r.subject.path } : null,
        standing: challengeStandingWords(standing, leadBody),
        colour: standingColour(standing),
      };
    }),
  };
}

export default function Challenges({ loaderData }: Route.ComponentProps) {
  const { partnership: p, rows, status, errors, canRaise, counts, total } = loaderData;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Questions and challenges</h1>
      <p className="govuk-body">
        Scrutiny&apos;s formal questions and challenges to the chair of {p.name}, each answered by the date asked. A late answer is escalated to the lead body.
        {canRaise ? " To raise one, open the decision, risk, return or meeting it is about and choose “Ask a question or challenge”." : ""}
      </p>
      <Form method="get" className="app-filters" aria-label="Filter questions and challenges">
        <FilterSelect
          name="status"
          label="Show"
          value={status}
          options={[
            { value: "", label: `All (${total})` },
            ...(["awaiting_answer", "answered", "closed"] as const).map((s) => ({ value: s, label: `${statusLabels[s]} (${counts[s] ?? 0})` })),
          ]}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show
        </button>
      </Form>
      {rows.length ? (
        <div {...tableScroll("Questions and challenges")}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Questions and challenges, newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Question</th>
                <th scope="col" className="govuk-table__header">About</th>
                <th scope="col" className="govuk-table__header">Raised</th>
                <th scope="col" className="govuk-table__header">Where it stands</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((r) => (
                <tr key={r.id} className="govuk-table__row" data-challenge={r.number}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/p/${p.slug}/scrutiny/challenges/${r.id}`}>
                      {r.kind} {r.number}: {r.title}
                    </Link>
                  </th>
                  <td className="govuk-table__cell">
                    {r.subject ? (
                      <>
                        {r.subject.label}{" "}
                        <Link className="govuk-link" to={r.subject.path}>
                          {r.subject.name}
                        </Link>
                      </>
                    ) : (
                      "A record no longer held"
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {formatDate(r.raisedOn)} by {r.raisedBy}
                  </td>
                  <td className="govuk-table__cell">
                    <Tag colour={r.colour}>{r.standing}</Tag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="govuk-body">{status ? "None in this state." : "Scrutiny has not raised any questions or challenges yet."}</p>
      )}
    </>
  );
}
