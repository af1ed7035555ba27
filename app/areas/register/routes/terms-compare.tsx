import { Link } from "react-router";
import { z } from "zod";
import { getDb } from "../../../../db/client";
import { formatDate } from "../../../platform/time/dates";
import { describeRules, termsSectionKeys, termsSectionLabels } from "../rules/terms-of-reference";
import { diffWords, sideBySide, type DiffPart } from "../../../platform/text/text-diff";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { listTermsVersions } from "../terms.server";
import type { Route } from "./+types/terms-compare";

export const meta = () => [{ title: "Compare versions of the terms of reference – Partnership governance" }];

const querySchema = z.object({ from: z.coerce.number().int(), to: z.coerce.number().int() });

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) notFound("Choose two versions to compare.");
  const versions = await listTermsVersions(getDb(), scope.partnership.id);
  const from = versions.find((v) => v.versionNumber === query.data.from);
  const to = versions.find((v) => v.versionNumber === query.data.to);
  if (!from || !to) notFound("One of those versions does not exist.");
  const compare = (before: string, after: string) => sideBySide(diffWords(before, after));
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    from: { versionNumber: from.versionNumber, status: from.status },
    to: { versionNumber: to.versionNumber, status: to.status },
    rows: [
      { key: "rules", label: "Rules the platform applies", ...compare(describeRules(from.rules).join("\n"), describeRules(to.rules).join("\n")) },
      ...termsSectionKeys.map((k) => ({ key: k, label: termsSectionLabels[k], ...compare(from.sections[k], to.sections[k]) })),
      { key: "reviewDate", label: "Review date", ...compare(formatDate(from.reviewDate) || "Not set", formatDate(to.reviewDate) || "Not set") },
    ],
  };
}

function Side({ parts }: { parts: DiffPart[] }) {
  if (parts.length === 0) return <em>(empty)</em>;
  return (
    <>
      {parts.map((part, i) =>
        part.kind === "added" ? (
          <ins key={i} className="app-diff__added">
            <span className="govuk-visually-hidden">[added: </span>
            {part.text}
            <span className="govuk-visually-hidden">]</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del key={i} className="app-diff__removed">
            <span className="govuk-visually-hidden">[removed: </span>
            {part.text}
            <span className="govuk-visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

export default function CompareTerms({ loaderData }: Route.ComponentProps) {
  const { partnership: p, from, to, rows } = loaderData;
  const changed = rows.filter((r) => r.changed).length;
  return (
    <>
      <h1 className="govuk-heading-l">
        Version {from.versionNumber} compared with version {to.versionNumber}
      </h1>
      <p className="govuk-body">
        {changed === 0 ? "The two versions are the same." : `${changed} ${changed === 1 ? "part differs" : "parts differ"}. Removed text is struck through on the left; added text is underlined on the right.`}
      </p>
      {rows.map((r) => (
        <section key={r.key} className="govuk-!-margin-bottom-6" aria-labelledby={`h-${r.key}`}>
          <h2 className="govuk-heading-m" id={`h-${r.key}`}>
            {r.label} {r.changed ? <strong className="govuk-tag govuk-tag--yellow">Changed</strong> : <strong className="govuk-tag govuk-tag--grey">Unchanged</strong>}
          </h2>
          <div className="app-compare">
            <div className="app-compare__side govuk-body">
              <h3 className="govuk-heading-s">Version {from.versionNumber}</h3>
              <Side parts={r.before} />
            </div>
            <div className="app-compare__side govuk-body">
              <h3 className="govuk-heading-s">Version {to.versionNumber}</h3>
              <Side parts={r.after} />
            </div>
          </div>
        </section>
      ))}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/p/${p.slug}/terms`}>
          Back to the terms of reference
        </Link>
      </p>
    </>
  );
}
