import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requireAnyPermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ErrorSummary, TextField, VersionField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { BackLink } from "../../partnerships/components/partnership-nav";
import { policyForForm, policySchema, savePolicy } from "../policy.server";
import type { Route } from "./+types/participation-policy";

export const meta = () => [{ title: "Participation policy – Partnership governance" }];

const WHO = ["participation:manage", "partnership:manage"] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requireAnyPermission(request, context, params.slug, WHO);
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, policy: await policyForForm(getDb(), scope.partnership.id) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requireAnyPermission(request, context, params.slug, WHO);
  const form = await readForm(request);
  const parsed = parseForm(policySchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await savePolicy(getDb(), scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/participation`, "participation-policy-saved"));
}

export default function ParticipationPolicy({ loaderData }: Route.ComponentProps) {
  const { partnership: p, policy } = loaderData;
  const f = useFormResult();
  return (
    <>
      <BackLink to={`/p/${p.slug}/participation`}>Young people</BackLink>
      <ErrorSummary errors={f.errors} />
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">Participation policy</h1>
      <AppForm method="post" noValidate>
        <VersionField value={f.conflict ? f.value("version") : policy.version} />
        <TextField
          name="adultConsentUnder"
          label="Age below which a parent's or carer's consent is needed too"
          hint="Judged by the youngest age in a young person's age group. The default is 13."
          inputMode="numeric"
          className="govuk-input--width-3"
          defaultValue={f.value("adultConsentUnder", policy.adultConsentUnder)}
          error={f.errors?.adultConsentUnder}
        />
        <TextField
          name="suppressionThreshold"
          label="Smallest count of young people adults may see"
          hint="Smaller counts show as ‘fewer than’ this number, on every page and export. At least 3; the default is 5."
          inputMode="numeric"
          className="govuk-input--width-3"
          defaultValue={f.value("suppressionThreshold", policy.suppressionThreshold)}
          error={f.errors?.suppressionThreshold}
        />
        <TextField
          name="upperAge"
          label="Oldest age that takes part"
          hint="From 18 to 25 (care leavers may take part up to 25). A young person's account closes when they pass it, on the date their participation worker records; they are told 30 days before and offered their data to download."
          inputMode="numeric"
          className="govuk-input--width-3"
          defaultValue={f.value("upperAge", policy.upperAge)}
          error={f.errors?.upperAge}
        />
        <Button>Save the policy</Button>
      </AppForm>
    </>
  );
}
