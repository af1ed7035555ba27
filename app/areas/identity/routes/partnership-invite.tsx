import { data, Link, useActionData } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, SelectField, TextField } from "../../../platform/ui/forms";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { partnershipRoleLabels, partnershipRoles } from "../../../platform/permissions";
import { failure, parseForm } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { invitationSchema, invitePerson } from "../invitations.server";
import { listCurrentPartnerOrganisations } from "../../partnerships/public.server";
import type { Route } from "./+types/partnership-invite";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Invite a person – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { partnership } = await requirePermission(request, context, params.slug, "member:invite");
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    organisations: await listCurrentPartnerOrganisations(getDb(), partnership.id),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "member:invite");
  const form = await readForm(request);
  const keep = ["name", "email", "role", "organisationId"];
  const parsed = parseForm(invitationSchema, form, keep);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await invitePerson(getDb(), scope.user, scope.partnership, parsed.data);
  if (!result.ok) {
    const values = Object.fromEntries(keep.map((k) => [k, String(form.get(k) ?? "")]));
    return data(failure({ [result.field]: result.message }, values), { status: 400 });
  }
  return { ok: true as const, email: parsed.data.email, emailed: result.emailed };
}

export default function InvitePerson({ loaderData }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  const f = useFormResult();
  const errors = f.errors;
  const { partnership, organisations: orgs } = loaderData;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {result?.ok ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="invite-done">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="invite-done">
                Success
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">
                {result.emailed === "invitation"
                  ? `Invitation sent to ${result.email}`
                  : `${result.email} already had an account: they have been given the role and told by email`}
              </p>
            </div>
          </div>
        ) : null}
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Invite a person</h1>
        <AppForm method="post" noValidate key={result?.ok ? result.email : "form"}>
          <TextField name="name" label="Full name" autoComplete="off" defaultValue={f.value("name")} error={errors?.name} />
          <TextField
            name="email"
            label="Email address"
            hint="We will email them a link to set their password. It works once and expires in 7 days."
            type="email"
            spellCheck={false}
            autoComplete="off"
            defaultValue={f.value("email")}
            error={errors?.email}
          />
          <SelectField
            name="role"
            label="Role in this partnership"
            defaultValue={f.value("role", "board_member")}
            error={errors?.role}
            options={partnershipRoles.filter((r) => r !== "young_person").map((r) => ({ value: r, label: partnershipRoleLabels[r] }))}
          />
          <SelectField
            name="organisationId"
            label="Organisation they represent (optional)"
            defaultValue={f.value("organisationId", "")}
            error={errors?.organisationId}
            options={[{ value: "", label: "None" }, ...orgs.map((o) => ({ value: o.id, label: o.name }))]}
          />
          <Button>Send invitation</Button>
        </AppForm>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/p/${partnership.slug}`}>
            Back to {partnership.name}
          </Link>
        </p>
      </div>
    </div>
  );
}
