import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ChoiceGroup, ErrorSummary } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { participationPolicy } from "../accounts.server";
import { currentConsents, ownConsentSchema, setOwnConsent, withdrawAllConsent } from "../consent.server";
import { requirePortalPerson } from "../portal.server";
import { consentScopeLabels, consentScopes, needsAdultConsent, ownScopes } from "../rules/consent";
import type { Route } from "./+types/portal-consent";

export const meta = () => [{ title: "What you agree to – Have your say" }];

export async function loader({ request }: Route.LoaderArgs) {
  const person = await requirePortalPerson(request);
  const db = getDb();
  const [consents, policy] = await Promise.all([currentConsents(db, person.id), participationPolicy(db, person.partnershipId)]);
  return { agreed: [...ownScopes(consents)], adultNeeded: needsAdultConsent(person.ageBand, policy.adultConsentUnder), anything: consents.length > 0 };
}

export async function action({ request }: Route.ActionArgs) {
  const person = await requirePortalPerson(request);
  const form = await readForm(request);
  const db = getDb();
  if (form.get("intent") === "withdraw") {
    const result = await withdrawAllConsent(db, person);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice("/portal", "portal-consent-withdrawn"));
  }
  const parsed = parseForm(ownConsentSchema, form, "all", ["scopes"]);
  if (!parsed.ok) return invalid(parsed);
  const result = await setOwnConsent(db, person, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice("/portal", "portal-consent-saved"));
}

export default function PortalConsent({ loaderData }: Route.ComponentProps) {
  const { agreed, adultNeeded, anything } = loaderData;
  const f = useFormResult();
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">What you agree to</h1>
      <p className="govuk-body">Tick what you are happy with. You can change your mind at any time, on this page.</p>
      {adultNeeded ? <p className="govuk-body">Because of your age, a parent or carer needs to say yes too. Your participation worker will ask them.</p> : null}
      <AppForm method="post" noValidate>
        <ChoiceGroup
          type="checkbox"
          name="scopes"
          legend="I agree that"
          hint="Only ‘Take part’ is needed. The others are up to you."
          error={f.errors?.scopes}
          options={consentScopes.map((s) => ({ value: s, label: consentScopeLabels[s] }))}
          checked={f.checkedList("scopes", agreed)}
        />
        <Button>Save what I agree to</Button>
      </AppForm>
      {anything ? (
        <>
          <h2 className="govuk-heading-m">Stop taking part</h2>
          <p className="govuk-body">If you stop:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>adults will not see anything you wrote, from the moment you press the button</li>
            <li>nothing new you write will be used</li>
            <li>numbers already reported, like ‘12 young people answered’, stay as they are, because they do not say who you are</li>
          </ul>
          <AppForm method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <Button warning>Stop taking part</Button>
          </AppForm>
        </>
      ) : null}
    </>
  );
}
