import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ErrorSummary } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { listPartnersForRules, listPeopleInPartnership } from "../../register/public.server";
import { RiskFields } from "../components/risk-fields";
import { riskSettingsOf } from "../register.server";
import { createRisk, newRiskSchema } from "../risks.server";
import type { Route } from "./+types/risk-new";

export const meta = () => [{ title: "Add a risk – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "risk:manage");
  const db = getDb();
  const [people, partners] = await Promise.all([listPeopleInPartnership(db, scope.partnership.id), listPartnersForRules(db, scope.partnership.id)]);
  const today = appToday();
  const settings = riskSettingsOf(scope.partnership);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    people,
    partners: partners.filter((x) => x.leftOn === null || x.leftOn >= today).map((x) => ({ id: x.organisationId, name: x.name })),
    likelihood: settings.likelihood,
    impact: settings.impact,
    today,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "risk:manage");
  const form = await readForm(request);
  const parsed = parseForm(newRiskSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await createRisk(getDb(), scope, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/risks/${result.value}`, "risk-created"));
}

export default function NewRisk({ loaderData }: Route.ComponentProps) {
  const { partnership: p, people, partners, likelihood, impact, today } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Add a risk</h1>
        <AppForm method="post" noValidate>
          <RiskFields f={f} saved={{ raisedOn: today, scope: "shared", reviewFrequency: "quarterly" }} people={people} partners={partners} likelihood={likelihood} impact={impact} />
          <div className="govuk-button-group">
            <Button>Add risk</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/risks`}>
              Cancel
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
