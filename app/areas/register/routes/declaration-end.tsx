import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, ReasonField, VersionField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { interestTypeLabels } from "../rules/vocabulary";
import { endDeclaration, endDeclarationSchema, listDeclarations } from "../declarations.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/declaration-end";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Record that an interest ended – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "declaration:end", { declaration: params.declarationId });
  const declaration = (await listDeclarations(getDb(), scope.partnership.id)).find((d) => d.id === params.declarationId);
  if (!declaration) notFound("That declaration is not on this register.");
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, declaration, today: appToday() };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "declaration:end", { declaration: params.declarationId });
  const form = await readForm(request);
  const parsed = parseForm(endDeclarationSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await endDeclaration(getDb(), scope, params.declarationId, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/declarations`, "declaration-ended"));
}

export default function EndDeclaration({ loaderData }: Route.ComponentProps) {
  const { partnership: p, declaration: d, today } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Record that an interest ended</h1>
        <p className="govuk-body">
          {d.personName}: {interestTypeLabels[d.interestType].toLowerCase()} interest, “{d.description}”, declared {formatDate(d.declaredOn)}.
        </p>
        <AppForm method="post" noValidate>
          <VersionField value={d.version} />
          <DateField name="endedOn" label="Date the interest ended" defaultValue={f.value("endedOn", today)} error={f.errors?.endedOn} />
          <ReasonField defaultValue={f.value("reason")} error={f.errors?.reason} />
          <div className="govuk-button-group">
            <Button>Record end</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/declarations`}>Cancel</Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
