import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, ReasonField, SelectField, TextArea, TextField, VersionField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { SavedVersion } from "../../../platform/ui/saved-version";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { partnershipStatusLabels, partnershipStatuses, partnershipTypeLabels, partnershipTypes } from "../rules/vocabulary";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { listCurrentPartnerOrganisations, listScrutinyMembers, partnershipDetailsSchema, updatePartnershipDetails } from "../partnerships.server";
import type { Route } from "./+types/partnership-edit";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Change the partnership's details – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { partnership } = await requirePermission(request, context, params.slug, "partnership:manage");
  const db = getDb();
  const [organisations, scrutinyMembers] = await Promise.all([listCurrentPartnerOrganisations(db, partnership.id), listScrutinyMembers(db, partnership.id)]);
  return { partnership, organisations, scrutinyMembers };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const form = await readForm(request);
  const parsed = parseForm(partnershipDetailsSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await updatePartnershipDetails(getDb(), scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}`, "partnership-updated"));
}

export default function EditPartnership({ loaderData }: Route.ComponentProps) {
  const { partnership: p, organisations, scrutinyMembers } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Change the partnership&apos;s details</h1>
        {f.conflict ? (
          <SavedVersion
            rows={[
              ["Name", p.name],
              ["Purpose", p.purpose],
              ["Shared vision", p.sharedVision ?? ""],
              ["Started", formatDate(p.startDate)],
              ["Lead body's agreement", p.leadAgreement ?? ""],
            ]}
          />
        ) : null}
        <AppForm method="post" noValidate>
          <VersionField value={p.version} />
          <TextField name="name" label="Name" defaultValue={f.value("name", p.name)} error={f.errors?.name} />
          <TextField name="shortName" label="Short name" className="govuk-input--width-10" defaultValue={f.value("shortName", p.shortName)} error={f.errors?.shortName} />
          <TextArea name="purpose" label="Purpose" defaultValue={f.value("purpose", p.purpose)} error={f.errors?.purpose} />
          <TextArea name="sharedVision" label="Shared vision (optional)" hint="What the partners want to achieve together, in their own words." defaultValue={f.value("sharedVision", p.sharedVision)} error={f.errors?.sharedVision} />
          <SelectField name="type" label="Type of partnership" defaultValue={f.value("type", p.type)} error={f.errors?.type} options={partnershipTypes.map((t) => ({ value: t, label: partnershipTypeLabels[t] }))} />
          <SelectField name="status" label="Status" defaultValue={f.value("status", p.status)} error={f.errors?.status} options={partnershipStatuses.map((t) => ({ value: t, label: partnershipStatusLabels[t] }))} />
          <DateField name="startDate" label="Start date" defaultValue={f.value("startDate", p.startDate)} error={f.errors?.startDate} />
          <TextField name="termYears" label="Term in years (optional)" inputMode="numeric" className="govuk-input--width-3" defaultValue={f.value("termYears", p.termYears)} error={f.errors?.termYears} />
          <SelectField
            name="leadOrganisationId"
            label="Lead body"
            hint="The partner that acts on behalf of the others, for example by contracting for them."
            defaultValue={f.value("leadOrganisationId", p.leadOrganisationId)}
            error={f.errors?.leadOrganisationId}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <TextArea name="leadAgreement" label="The agreement that empowers the lead body (optional)" defaultValue={f.value("leadAgreement", p.leadAgreement)} error={f.errors?.leadAgreement} />
          <TextField name="reportsTo" label="Reports to (optional)" hint="For example, an overview and scrutiny committee." defaultValue={f.value("reportsTo", p.reportsTo)} error={f.errors?.reportsTo} />
          <SelectField
            name="scrutinyChairUserId"
            label="Chair of that scrutiny committee (optional)"
            hint="One of the partnership's scrutiny members. Where the terms of reference allow it, the committee's chair may call a decision in alone."
            defaultValue={f.value("scrutinyChairUserId", p.scrutinyChairUserId ?? "")}
            error={f.errors?.scrutinyChairUserId}
            options={[{ value: "", label: "Not recorded" }, ...scrutinyMembers.map((m) => ({ value: m.id, label: m.name }))]}
          />
          <ReasonField defaultValue={f.value("reason")} error={f.errors?.reason} />
          <div className="govuk-button-group">
            <Button>Save changes</Button>
            <Link className="govuk-link" to={`/p/${p.slug}`}>
              Cancel
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
