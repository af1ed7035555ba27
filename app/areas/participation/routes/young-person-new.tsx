import { data, Link, useActionData } from "react-router";
import { getDb } from "../../../../db/client";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ChoiceGroup, DateField, ErrorSummary } from "../../../platform/ui/forms";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { BackLink } from "../../partnerships/components/partnership-nav";
import { appToday } from "../../../platform/clock.server";
import { addYoungPerson, addYoungPersonSchema, participationPolicy } from "../accounts.server";
import { IssuedCode } from "../components/issued-code";
import { ageBandLabels, bandsUpTo, formatCode } from "../rules/accounts";
import type { Route } from "./+types/young-person-new";

export const meta = () => [{ title: "Add a young person – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  const policy = await participationPolicy(getDb(), scope.partnership.id);
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, upperAge: policy.upperAge, bands: bandsUpTo(policy.upperAge) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  const form = await readForm(request);
  const parsed = parseForm(addYoungPersonSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const { result, issued } = await addYoungPerson(getDb(), scope, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  // The code is shown once, on this answer, and stored only as a hash.
  if (!issued) return data({ ok: true as const, code: null, youngPersonId: result.value.youngPersonId, expiresAt: null });
  return data({ ok: true as const, code: formatCode(issued.code), youngPersonId: result.value.youngPersonId, expiresAt: issued.expiresAt.toISOString() }, { headers: { "Cache-Control": "no-store" } });
}

export default function YoungPersonNew({ loaderData }: Route.ComponentProps) {
  const { partnership: p, upperAge, bands } = loaderData;
  const done = useActionData<typeof action>();
  const f = useFormResult();
  if (done && "code" in done && done.ok)
    return (
      <>
        <h1 className="govuk-heading-l">The young person&apos;s place has been added</h1>
        {done.code && done.expiresAt ? (
          <IssuedCode code={done.code} expiresAt={done.expiresAt} />
        ) : (
          <p className="govuk-body">This form had already been sent, so its code was shown then. If it was lost, give a new code from the young person&apos;s page.</p>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/p/${p.slug}/participation/young-people/${done.youngPersonId}`}>
            Go to the young person&apos;s page
          </Link>{" "}
          or{" "}
          <Link className="govuk-link" to={`/p/${p.slug}/participation`}>
            back to young people
          </Link>
          .
        </p>
      </>
    );
  return (
    <>
      <BackLink to={`/p/${p.slug}/participation`}>Young people</BackLink>
      <ErrorSummary errors={f.errors} />
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">Add a young person</h1>
      <p className="govuk-body">You will get a single-use code to give them. They choose their own made-up portal name and passphrase when they join. We do not ask for their name, email, phone number or date of birth.</p>
      <AppForm method="post" noValidate>
        <ChoiceGroup type="radio" name="ageBand" legend="How old are they?" error={f.errors?.ageBand} options={bands.map((b) => ({ value: b, label: ageBandLabels[b] }))} checked={f.checkedList("ageBand", [])} />
        <DateField
          name="closesOn"
          label="When their account closes (optional)"
          hint={`The day after they turn ${upperAge}, this partnership's upper age, if they will reach it while taking part. Take it from your own records: we do not keep their date of birth. The portal tells them 30 days before and offers them their data.`}
          defaultValue={f.value("closesOn")}
          error={f.errors?.closesOn}
        />
        <Button>Add and get a code</Button>
      </AppForm>
    </>
  );
}
