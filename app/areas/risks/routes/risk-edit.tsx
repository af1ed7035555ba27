import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { formatDate } from "../../../platform/time/dates";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ErrorSummary, ReasonField, VersionField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { SavedVersion } from "../../../platform/ui/saved-version";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { listPartnersForRules, listPeopleInPartnership } from "../../register/public.server";
import { RiskFields } from "../components/risk-fields";
import { reviewFrequencyLabels, riskCategoryLabels, riskScore } from "../public";
import { getRisk } from "../register.server";
import { editRisk, editRiskSchema } from "../risks.server";
import type { Route } from "./+types/risk-edit";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Change ${data?.risk.reference ?? "a risk"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "risk:change", { risk: params.riskId });
  const db = getDb();
  const today = appToday();
  const [found, people, partners] = await Promise.all([getRisk(db, scope.partnership, params.riskId, today), listPeopleInPartnership(db, scope.partnership.id), listPartnersForRules(db, scope.partnership.id)]);
  if (!found) notFound("That risk is not in this partnership's register.");
  const r = found.risk;
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    risk: { id: r.id, reference: r.reference, title: r.title, version: r.version, category: r.category, reviewFrequency: r.reviewFrequency, raisedOn: r.raisedOn },
    saved: {
      title: r.title,
      cause: r.cause,
      event: r.event,
      effect: r.effect,
      category: r.category,
      ownerUserId: r.ownerUserId,
      ownerOrganisationId: r.ownerOrganisationId,
      scope: r.scope,
      raisedOn: r.raisedOn,
      reviewFrequency: r.reviewFrequency,
      inherentLikelihood: r.inherentLikelihood,
      inherentImpact: r.inherentImpact,
      currentLikelihood: r.currentLikelihood,
      currentImpact: r.currentImpact,
      targetLikelihood: r.targetLikelihood,
      targetImpact: r.targetImpact,
      targetDate: r.targetDate,
    },
    scores: { current: riskScore(r.current), target: riskScore(r.target) },
    people,
    partners: partners.filter((x) => x.leftOn === null || x.leftOn >= today || x.organisationId === r.ownerOrganisationId).map((x) => ({ id: x.organisationId, name: x.name })),
    likelihood: found.settings.likelihood,
    impact: found.settings.impact,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "risk:change", { risk: params.riskId });
  const form = await readForm(request);
  const parsed = parseForm(editRiskSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await editRisk(getDb(), scope, params.riskId, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/risks/${params.riskId}`, "risk-updated"));
}

export default function EditRisk({ loaderData }: Route.ComponentProps) {
  const { partnership: p, risk, saved, scores, people, partners, likelihood, impact } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <span className="govuk-caption-l">{risk.reference}</span>
        <h1 className="govuk-heading-l">Change the risk</h1>
        <p className="govuk-body">To record a new assessment with why the scores moved, review the risk instead: its history keeps every review.</p>
        {f.conflict ? (
          <SavedVersion
            rows={[
              ["Title", risk.title],
              ["Category", riskCategoryLabels[risk.category]],
              ["Current score", String(scores.current)],
              ["Target score", String(scores.target)],
              ["Reviewed", reviewFrequencyLabels[risk.reviewFrequency]],
              ["Date raised", formatDate(risk.raisedOn)],
            ]}
          />
        ) : null}
        <AppForm method="post" noValidate>
          <VersionField value={risk.version} />
          <RiskFields f={f} saved={saved} people={people} partners={partners} likelihood={likelihood} impact={impact} />
          <ReasonField error={f.errors?.reason} defaultValue={f.value("reason")} />
          <div className="govuk-button-group">
            <Button>Save changes</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/risks/${risk.id}`}>
              Cancel
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
