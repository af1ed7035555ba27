import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, SelectField, TextArea, TextField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { organisationTypeLabels, organisationTypes, partnershipTypeLabels, partnershipTypes } from "../rules/vocabulary";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePlatformAdmin } from "../../../platform/guard.server";
import { createPartnership, newPartnershipSchema } from "../partnerships.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/admin-partnership-new";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Create a partnership – Partnership governance" }];

export function loader({ request, context }: Route.LoaderArgs) {
  requirePlatformAdmin(request, context);
  return { today: appToday() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = requirePlatformAdmin(request, context);
  const form = await readForm(request);
  const parsed = parseForm(newPartnershipSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await createPartnership(getDb(), admin, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${result.value}`, "partnership-created"));
}

export default function NewPartnership({ loaderData }: Route.ComponentProps) {
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Create a partnership</h1>
        <p className="govuk-body">The lead body becomes the first partner, and a first draft of the terms of reference is started. Invite the chair next.</p>
        <AppForm method="post" noValidate>
          <TextField name="name" label="Name" defaultValue={f.value("name")} error={f.errors?.name} />
          <TextField name="shortName" label="Short name" className="govuk-input--width-10" defaultValue={f.value("shortName")} error={f.errors?.shortName} />
          <TextField name="slug" label="Web address name" hint="Lower-case letters, numbers and hyphens, for example north-east-london." spellCheck={false} defaultValue={f.value("slug")} error={f.errors?.slug} />
          <TextArea name="purpose" label="Purpose" defaultValue={f.value("purpose")} error={f.errors?.purpose} />
          <SelectField name="type" label="Type of partnership" defaultValue={f.value("type", "strategic_partnership")} error={f.errors?.type} options={partnershipTypes.map((t) => ({ value: t, label: partnershipTypeLabels[t] }))} />
          <DateField name="startDate" label="Start date" defaultValue={f.value("startDate", loaderData.today)} error={f.errors?.startDate} />
          <TextField name="leadOrganisationName" label="Lead body" hint="If the platform already knows the organisation, type its name exactly." defaultValue={f.value("leadOrganisationName")} error={f.errors?.leadOrganisationName} />
          <SelectField name="leadOrganisationType" label="Lead body's type" defaultValue={f.value("leadOrganisationType", "local_authority")} error={f.errors?.leadOrganisationType} options={organisationTypes.map((t) => ({ value: t, label: organisationTypeLabels[t] }))} />
          <div className="govuk-button-group">
            <Button>Create partnership</Button>
            <Link className="govuk-link" to="/">Cancel</Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
