import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, SelectField, TextArea, TextField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { cadenceLabels, cadences, obligationTypeLabels, obligationTypes } from "../rules/obligations";
import { organisationTypeLabels } from "../../partnerships/public";
import { listPartnersForRules } from "../../register/public.server";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { createObligation, obligationSchema } from "../obligations.server";
import type { Route } from "./+types/obligation-new";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Add an obligation – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const partners = await listPartnersForRules(getDb(), scope.partnership.id);
  const types = [...new Set(partners.map((x) => x.type))];
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    owedBy: [
      ...types.map((t) => ({ value: `type:${t}`, label: `Every ${organisationTypeLabels[t].toLowerCase()} partner` })),
      ...partners.map((x) => ({ value: `org:${x.organisationId}`, label: x.name })),
    ],
    today: appToday(),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const form = await readForm(request);
  const parsed = parseForm(obligationSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await createObligation(getDb(), scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/obligations/${result.value}`, "obligation-created"));
}

export default function NewObligation({ loaderData }: Route.ComponentProps) {
  const { partnership: p, owedBy, today } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Add an obligation</h1>
        <AppForm method="post" noValidate>
          <SelectField name="type" label="Kind" defaultValue={f.value("type", "quarterly_performance_return")} error={f.errors?.type} options={obligationTypes.map((t) => ({ value: t, label: obligationTypeLabels[t] }))} />
          <TextField name="title" label="Title" defaultValue={f.value("title")} error={f.errors?.title} />
          <TextArea name="instructions" label="What to send (optional)" hint="Shown on the return page and in every reminder." rows={3} defaultValue={f.value("instructions")} error={f.errors?.instructions} />
          <SelectField name="owedBy" label="Owed by" defaultValue={f.value("owedBy", owedBy[0]?.value ?? "")} error={f.errors?.owedBy} options={owedBy} />
          <SelectField name="cadence" label="How often" hint="Quarters and half-years follow the financial year, April to March." defaultValue={f.value("cadence", "quarterly")} error={f.errors?.cadence} options={cadences.map((c) => ({ value: c, label: cadenceLabels[c] }))} />
          <TextField name="dueDays" label="Due this many days after each period ends" hint="For example 20. Leave empty for a one-off." inputMode="numeric" className="govuk-input--width-3" defaultValue={f.value("dueDays", "20")} error={f.errors?.dueDays} />
          <SelectField
            name="dueDayKind"
            label="Counting"
            defaultValue={f.value("dueDayKind", "working_days_after_period_end")}
            error={f.errors?.dueDayKind}
            options={[
              { value: "working_days_after_period_end", label: "Working days (England and Wales bank holidays excluded)" },
              { value: "days_after_period_end", label: "Calendar days" },
            ]}
          />
          <DateField name="dueOn" label="Due date, for a one-off (optional)" defaultValue={f.value("dueOn")} error={f.errors?.dueOn} />
          <DateField name="startsOn" label="Starts" defaultValue={f.value("startsOn", today)} error={f.errors?.startsOn} />
          <DateField name="endsOn" label="Ends (optional)" defaultValue={f.value("endsOn")} error={f.errors?.endsOn} />
          <div className="govuk-button-group">
            <Button>Add obligation</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/obligations`}>
              Cancel
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
