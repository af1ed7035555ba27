import { data, Link, redirect, useActionData } from "react-router";
import { getDb } from "../../../../db/client";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { formatDate } from "../../../platform/time/dates";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ChoiceGroup, DateField, ErrorSummary, SummaryList, VersionField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { BackLink } from "../../partnerships/components/partnership-nav";
import { appToday } from "../../../platform/clock.server";
import { closingDateSchema, getYoungPerson, participationPolicy, resetAccess, setClosingDate } from "../accounts.server";
import { IssuedCode } from "../components/issued-code";
import { adultConsentSchema, currentConsents, recordAdultConsent } from "../consent.server";
import { ageBandLabels, formatCode, youngPersonStatusLabels } from "../rules/accounts";
import { adultConsentGivers, consentGiverLabels, consentScopes, consentScopeShortLabels, consentState, needsAdultConsent } from "../rules/consent";
import type { Route } from "./+types/young-person";

export const meta = () => [{ title: "A young person – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  const db = getDb();
  const person = await getYoungPerson(db, scope.partnership.id, params.youngPersonId);
  if (!person) notFound("There is no such young person in this partnership.");
  const [consents, policy] = await Promise.all([currentConsents(db, person.id), participationPolicy(db, scope.partnership.id)]);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    person: {
      id: person.id,
      displayName: person.displayName,
      ageBand: ageBandLabels[person.ageBand],
      status: person.status,
      statusLabel: youngPersonStatusLabels[person.status],
      joinedOn: person.joinedAt?.toISOString().slice(0, 10) ?? null,
      codeExpiresOn: person.codeExpiresAt?.toISOString().slice(0, 10) ?? null,
      closesOn: person.closesOn,
      closedOn: person.closedAt?.toISOString().slice(0, 10) ?? null,
      version: person.version,
    },
    upperAge: policy.upperAge,
    consents,
    state: consentState(consents, person.ageBand, policy.adultConsentUnder),
    adultNeeded: needsAdultConsent(person.ageBand, policy.adultConsentUnder),
    adultConsentUnder: policy.adultConsentUnder,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  const db = getDb();
  const person = await getYoungPerson(db, scope.partnership.id, params.youngPersonId);
  if (!person) notFound("There is no such young person in this partnership.");
  const form = await readForm(request);
  if (form.get("intent") === "reset") {
    const { result, issued } = await resetAccess(db, scope, person.id);
    if (!result.ok) return rejected(result, form);
    return data({ ok: true as const, code: issued ? formatCode(issued.code) : null, expiresAt: issued?.expiresAt.toISOString() ?? null }, { headers: { "Cache-Control": "no-store" } });
  }
  if (form.get("intent") === "closes-on") {
    const parsed = parseForm(closingDateSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await setClosingDate(db, scope, person.id, parsed.data, appToday());
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(`/p/${scope.partnership.slug}/participation/young-people/${person.id}`, "young-person-closing-date-saved"));
  }
  const parsed = parseForm(adultConsentSchema, form, "all", ["scopes"]);
  if (!parsed.ok) return invalid(parsed);
  const result = await recordAdultConsent(db, scope, person.id, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/participation/young-people/${person.id}`, "young-person-consent-recorded"));
}

const stateText = {
  needs_own: "They have not agreed to take part yet.",
  needs_adult: "They have agreed. Because of their age, an adult's consent is needed before anything they write is used.",
  taking_part: "Taking part: what they write can be used, after moderation.",
} as const;

export default function YoungPerson({ loaderData }: Route.ComponentProps) {
  const { partnership: p, person, consents, state, adultNeeded, adultConsentUnder, upperAge } = loaderData;
  const done = useActionData<typeof action>();
  const f = useFormResult();
  const own = consents.filter((c) => c.givenBy === "young_person").map((c) => consentScopeShortLabels[c.scope]);
  const adults = consents.filter((c) => c.givenBy !== "young_person");
  const closed = person.status === "closed";
  return (
    <>
      <BackLink to={`/p/${p.slug}/participation`}>Young people</BackLink>
      <Notice />
      <ErrorSummary errors={f.errors} />
      {done && "code" in done && done.ok ? done.code && done.expiresAt ? <IssuedCode code={done.code} expiresAt={done.expiresAt} /> : <p className="govuk-body">This form had already been sent, so its code was shown then.</p> : null}
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">{person.displayName ?? "A young person who has not joined yet"}</h1>
      <SummaryList
        rows={[
          ["Age", person.ageBand],
          ["Account", person.statusLabel],
          person.joinedOn ? ["Joined", formatDate(person.joinedOn)] : null,
          person.codeExpiresOn ? ["Unused code", `Works until ${formatDate(person.codeExpiresOn)}`] : null,
          closed ? ["Closed", person.closedOn ? formatDate(person.closedOn) : "Yes"] : ["Account closes", person.closesOn ? formatDate(person.closesOn) : "No date recorded"],
          ["Their consent", own.length ? own.join(", ") : "None yet"],
          ["Adults' consent", adults.length ? adults.map((a) => `${consentScopeShortLabels[a.scope]} (${consentGiverLabels[a.givenBy].toLowerCase()})`).join(", ") : adultNeeded ? "Needed, not recorded yet" : "Not needed"],
        ]}
      />
      {person.status === "active" ? <p className="govuk-body">{stateText[state]}</p> : null}

      {!closed ? (
        <>
          <h2 className="govuk-heading-m">Record an adult&apos;s consent</h2>
          <p className="govuk-body">
            {adultNeeded
              ? `This partnership needs a parent's or carer's consent for young people under ${adultConsentUnder}. For a looked-after child, record the consent of the person with parental responsibility.`
              : "Not needed at their age under this partnership's policy, but you can record it if it was given."}
          </p>
          <AppForm method="post" noValidate>
            <ChoiceGroup type="radio" name="givenBy" legend="Who gave consent?" error={f.errors?.givenBy} options={adultConsentGivers.map((g) => ({ value: g, label: consentGiverLabels[g] }))} checked={f.checkedList("givenBy", [])} />
            <ChoiceGroup type="checkbox" name="scopes" legend="What did they agree to?" error={f.errors?.scopes} options={consentScopes.map((s) => ({ value: s, label: consentScopeShortLabels[s] }))} checked={f.checkedList("scopes", [])} />
            <ChoiceGroup type="checkbox" name="confirmed" legend="Confirm" error={f.errors?.confirmed} options={[{ value: "yes", label: "I have their consent in writing, kept as our policy says" }]} checked={f.checkedList("confirmed", [])} />
            <Button>Record consent</Button>
          </AppForm>

          <h2 className="govuk-heading-m">When their account closes</h2>
          <p className="govuk-body">
            Accounts close when young people pass {upperAge}, this partnership&apos;s upper age. From 30 days before, the portal tells them and offers their data to download. On the day, their portal name, passphrase, consents and everything they wrote are deleted.
          </p>
          <AppForm method="post" noValidate>
            <input type="hidden" name="intent" value="closes-on" />
            <VersionField value={f.conflict ? f.value("version") : person.version} />
            <DateField name="closesOn" label="Account closes on" hint="The day after they turn the upper age, from your own records. Leave it empty if they will not reach it while taking part." defaultValue={f.value("closesOn", person.closesOn ?? "")} error={f.errors?.closesOn} />
            <Button secondary>Save the date</Button>
          </AppForm>

          <h2 className="govuk-heading-m">Give a new code</h2>
          <p className="govuk-body">If they lost their code or forgot their passphrase. Their old code stops working and they are signed out everywhere. Nobody can see their passphrase, so this is the only way back in.</p>
          <AppForm method="post">
            <input type="hidden" name="intent" value="reset" />
            <Button secondary>Give a new code</Button>
          </AppForm>
        </>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/p/${p.slug}/participation`}>
          Back to young people
        </Link>
      </p>
    </>
  );
}
