import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, ReasonField, SelectField, TextField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { organisationTypeLabels, organisationTypes, partnerRoleLabels, partnerRoles, type OrganisationType } from "../rules/vocabulary";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { addPartner, addPartnerSchema, listAllOrganisations, listPartners } from "../partnerships.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/partner-new";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Add a partner – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { partnership } = await requirePermission(request, context, params.slug, "partnership:manage");
  const db = getDb();
  const [all, partners] = await Promise.all([listAllOrganisations(db), listPartners(db, partnership.id, appToday())]);
  const taken = new Set(partners.map((x) => x.organisationId));
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    organisations: all.filter((o) => !taken.has(o.id)),
    today: appToday(),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const form = await readForm(request);
  const parsed = parseForm(addPartnerSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await addPartner(getDb(), scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/partners/${result.value}`, "partner-added"));
}

export default function NewPartner({ loaderData }: Route.ComponentProps) {
  const { partnership: p, organisations, today } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Add a partner</h1>
        <AppForm method="post" noValidate>
          <SelectField
            name="organisationId"
            label="Organisation"
            hint="Choose an organisation the platform already knows, or leave this as it is and name a new one below."
            defaultValue={f.value("organisationId", "")}
            error={f.errors?.organisationId}
            options={[
              { value: "", label: "A new organisation (name it below)" },
              ...organisations.map((o) => ({ value: o.id, label: `${o.name} (${organisationTypeLabels[o.type as OrganisationType] ?? o.type})` })),
            ]}
          />
          <TextField name="newOrganisationName" label="New organisation's name" defaultValue={f.value("newOrganisationName")} error={f.errors?.newOrganisationName} />
          <SelectField
            name="newOrganisationType"
            label="New organisation's type"
            defaultValue={f.value("newOrganisationType", "")}
            error={f.errors?.newOrganisationType}
            options={[{ value: "", label: "Choose a type" }, ...organisationTypes.map((t) => ({ value: t, label: organisationTypeLabels[t] }))]}
          />
          <SelectField name="role" label="Role in the partnership" defaultValue={f.value("role", "member_authority")} error={f.errors?.role} options={partnerRoles.map((r) => ({ value: r, label: partnerRoleLabels[r] }))} />
          <DateField name="joinedOn" label="Date joined" defaultValue={f.value("joinedOn", today)} error={f.errors?.joinedOn} />
          <ReasonField defaultValue={f.value("reason")} error={f.errors?.reason} />
          <div className="govuk-button-group">
            <Button>Add partner</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/partners`}>
              Cancel
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
