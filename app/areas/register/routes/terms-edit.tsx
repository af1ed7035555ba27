import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ChoiceGroup, DateField, ErrorSummary, SelectField, TextArea, TextField, VersionField, WarningText } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { SavedVersion } from "../../../platform/ui/saved-version";
import { useFormResult } from "../../../platform/ui/use-form-result";
import {
  describeRules,
  ratificationRefusalEffects,
  ratificationRefusalLabels,
  SENIORITY_FORM_ROWS_EXTRA,
  seniorityTargetValue,
  termsSectionKeys,
  termsSectionLabels,
  type SeniorityRule,
  callInScopeLabels,
  callInScopes,
} from "../rules/terms-of-reference";
import { boardRoleLabels, boardRoles, decisionMethodLabels, decisionMethods, nonOfficerTiers, officerTiers, seniorityTierLabels, votingBasisLabels, votingBases } from "../rules/vocabulary";
import { organisationTypeLabels, organisationTypes, partnerRoleLabels, partnerRoles } from "../../partnerships/public";
import { failure, invalid, rejected, submittedValues } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { getTermsVersion, parseTermsForm, updateTermsDraft } from "../terms.server";
import type { Route } from "./+types/terms-edit";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Edit draft version ${data?.version.versionNumber ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const { version } = await getTermsVersion(getDb(), scope.partnership.id, Number(params.number));
  if (!version) notFound("There is no such version of the terms of reference.");
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, version };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const form = await readForm(request);
  const parsed = parseTermsForm(form);
  if (!parsed.ok) return invalid(failure(parsed.errors, submittedValues(form)));
  const n = Number(params.number);
  const result = await updateTermsDraft(getDb(), scope, n, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/terms/${n}`, "terms-draft-saved"));
}

const targetOptions = [
  { value: "", label: "No rule (leave empty)" },
  ...organisationTypes.map((t) => ({ value: `partner_type:${t}`, label: `Every ${organisationTypeLabels[t].toLowerCase()} partner` })),
  ...partnerRoles.map((r) => ({ value: `partner_role:${r}`, label: `Each ${partnerRoleLabels[r].toLowerCase()}` })),
  ...boardRoles.map((r) => ({ value: `board_role:${r}`, label: `The ${boardRoleLabels[r].toLowerCase()}` })),
];

export default function EditTermsDraft({ loaderData }: Route.ComponentProps) {
  const { partnership: p, version: v } = loaderData;
  const f = useFormResult();
  const q = v.rules.quorum;
  const rows: (SeniorityRule | null)[] = [...v.rules.seniority, ...Array<null>(SENIORITY_FORM_ROWS_EXTRA).fill(null)];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Notice />
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Edit draft version {v.versionNumber}</h1>
        {v.status !== "draft" ? (
          <WarningText>
            Version {v.versionNumber} has been approved, so it can no longer be changed. Anything you typed is kept below: start a new draft from the{" "}
            <Link className="govuk-link" to={`/p/${p.slug}/terms`}>terms of reference</Link> page to make these changes.
          </WarningText>
        ) : null}
        {f.conflict ? <SavedVersion rows={[["Rules saved now", describeRules(v.rules).join("\n")], ["Summary of changes", v.changeSummary ?? ""]]} /> : null}
        <AppForm method="post" noValidate>
          <VersionField value={v.version} />
          <TextArea name="changeSummary" label="What this version changes (optional)" rows={2} defaultValue={f.value("changeSummary", v.changeSummary)} error={f.errors?.changeSummary} />

          <h2 className="govuk-heading-m">Quorum</h2>
          <TextField name="minVotingMembers" label="Voting members who must be present" inputMode="numeric" className="govuk-input--width-3" defaultValue={f.value("minVotingMembers", q.minVotingMembers)} error={f.errors?.minVotingMembers} />
          <TextField name="minPartners" label="Partner organisations that must be represented" inputMode="numeric" className="govuk-input--width-3" defaultValue={f.value("minPartners", q.minPartners)} error={f.errors?.minPartners} />
          <ChoiceGroup
            type="checkbox"
            name="requiredRolesAnyOf"
            legend="Seats that must be present"
            hint="At least one of the seats you tick must be there in person. Tick none if no particular seat is needed."
            error={f.errors?.requiredRolesAnyOf}
            options={boardRoles.filter((r) => r !== "deputy").map((r) => ({ value: r, label: boardRoleLabels[r] }))}
            checked={f.checkedList("requiredRolesAnyOf", q.requiredRolesAnyOf)}
            small
          />
          <ChoiceGroup
            type="checkbox"
            name="leadPartnerRequired"
            legend="Lead body"
            options={[{ value: "yes", label: "The lead body must be represented" }]}
            checked={f.checked("leadPartnerRequired", q.leadPartnerRequired) ? ["yes"] : []}
            small
          />
          <ChoiceGroup
            type="checkbox"
            name="deputiesCount"
            legend="Deputies"
            options={[{ value: "yes", label: "A deputy with a valid delegation and a vote counts for the member they replace" }]}
            checked={f.checked("deputiesCount", q.deputiesCount) ? ["yes"] : []}
            small
          />
          <ChoiceGroup
            type="checkbox"
            name="onlySeniorEnoughCount"
            legend="Seniority and quorum"
            options={[{ value: "yes", label: "Members below the required seniority do not count towards the quorum" }]}
            checked={f.checked("onlySeniorEnoughCount", q.onlySeniorEnoughCount) ? ["yes"] : []}
            small
          />

          <h2 className="govuk-heading-m">Seniority</h2>
          <p className="govuk-body">The lowest seniority each kind of seat may be held at. Members, chairs and deputies are held to rules about their partner; other seats only to rules that name their board role.</p>
          {rows.map((rule, i) => (
            <fieldset key={i} className="govuk-fieldset govuk-!-margin-bottom-6">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Seniority rule {i + 1}</legend>
              <SelectField name={`seniority-${i}-target`} label="Applies to" defaultValue={f.value(`seniority-${i}-target`, rule ? seniorityTargetValue(rule) : "")} error={f.errors?.[`seniority-${i}-target`]} options={targetOptions} />
              <SelectField
                name={`seniority-${i}-minimumTier`}
                label="At least"
                defaultValue={f.value(`seniority-${i}-minimumTier`, rule?.minimumTier ?? "assistant_director")}
                error={f.errors?.[`seniority-${i}-minimumTier`]}
                options={officerTiers.map((t) => ({ value: t, label: seniorityTierLabels[t] }))}
              />
              <ChoiceGroup
                type="checkbox"
                name={`seniority-${i}-alsoAccept`}
                legend="Also accept"
                error={f.errors?.[`seniority-${i}-alsoAccept`]}
                options={nonOfficerTiers.map((t) => ({ value: t, label: seniorityTierLabels[t] }))}
                checked={f.checkedList(`seniority-${i}-alsoAccept`, rule?.alsoAccept ?? [])}
                small
                inline
              />
            </fieldset>
          ))}

          <h2 className="govuk-heading-m">Decisions</h2>
          <SelectField name="method" label="How the board decides" defaultValue={f.value("method", v.rules.decisions.method)} error={f.errors?.method} options={decisionMethods.map((m) => ({ value: m, label: decisionMethodLabels[m] }))} />
          <SelectField name="votingBasis" label="How votes are counted" defaultValue={f.value("votingBasis", v.rules.decisions.votingBasis)} error={f.errors?.votingBasis} options={votingBases.map((m) => ({ value: m, label: votingBasisLabels[m] }))} />
          <ChoiceGroup
            type="checkbox"
            name="ratifyingPartnerTypes"
            legend="Partners whose own bodies ratify decisions that need it"
            hint="For example, each borough's Cabinet. Leave all unticked if partners never need to ratify."
            error={f.errors?.ratifyingPartnerTypes}
            options={organisationTypes.map((t) => ({ value: t, label: organisationTypeLabels[t] }))}
            checked={f.checkedList("ratifyingPartnerTypes", v.rules.decisions.ratifyingPartnerTypes)}
            small
          />
          <TextField name="ratifyingBody" label="What those bodies are called (optional)" hint="For example: Cabinet." defaultValue={f.value("ratifyingBody", v.rules.decisions.ratifyingBody)} error={f.errors?.ratifyingBody} />
          <ChoiceGroup
            type="radio"
            name="whenRatificationRefused"
            legend="If one of those bodies refuses to ratify a decision"
            error={f.errors?.whenRatificationRefused}
            options={ratificationRefusalEffects.map((e) => ({ value: e, label: ratificationRefusalLabels[e] }))}
            checked={[String(f.value("whenRatificationRefused", v.rules.decisions.whenRatificationRefused))]}
            small
          />

          <h2 className="govuk-heading-m">Call-in by scrutiny</h2>
          <p className="govuk-body">How the scrutiny committee may call in a decision before it is implemented. Periods are working days in England and Wales, after the decision is published. Urgent decisions, marked so with a reason, are never subject to call-in.</p>
          <ChoiceGroup
            type="radio"
            name="callInAppliesTo"
            legend="Which decisions may be called in"
            error={f.errors?.callInAppliesTo}
            options={callInScopes.map((c) => ({ value: c, label: callInScopeLabels[c] }))}
            checked={[String(f.value("callInAppliesTo", v.rules.callIn.appliesTo))]}
            small
          />
          <TextField name="callInWindow" label="Working days after publication in which a call-in may be made" inputMode="numeric" className="govuk-input--width-3" defaultValue={f.value("callInWindow", String(v.rules.callIn.windowWorkingDays))} error={f.errors?.callInWindow} />
          <TextField name="callInSignatories" label="Scrutiny members who must sign a call-in" inputMode="numeric" className="govuk-input--width-3" defaultValue={f.value("callInSignatories", String(v.rules.callIn.signatories))} error={f.errors?.callInSignatories} />
          <ChoiceGroup
            type="checkbox"
            name="callInOptions"
            legend="Also"
            options={[
              { value: "callInChairAlone", label: "The scrutiny committee's chair may call in a decision alone" },
              { value: "callInGroundsRequired", label: "A call-in must give its grounds" },
            ]}
            checked={f.checkedList("callInOptions", [...(v.rules.callIn.chairAlone ? ["callInChairAlone"] : []), ...(v.rules.callIn.groundsRequired ? ["callInGroundsRequired"] : [])])}
            small
          />
          <TextField name="callInConsiderWithin" label="Working days within which a call-in is considered" inputMode="numeric" className="govuk-input--width-3" defaultValue={f.value("callInConsiderWithin", String(v.rules.callIn.considerWithinWorkingDays))} error={f.errors?.callInConsiderWithin} />
          <TextField name="callInReconsiderWithin" label="Working days within which a decision referred back is reconsidered" inputMode="numeric" className="govuk-input--width-3" defaultValue={f.value("callInReconsiderWithin", String(v.rules.callIn.reconsiderWithinWorkingDays))} error={f.errors?.callInReconsiderWithin} />

          <h2 className="govuk-heading-m">Sections</h2>
          {termsSectionKeys.map((k) => (
            <TextArea key={k} name={k} label={termsSectionLabels[k]} rows={4} defaultValue={f.value(k, v.sections[k])} error={f.errors?.[k]} />
          ))}
          <DateField name="reviewDate" label="Review date (optional)" hint="When the board should next review these terms." defaultValue={f.value("reviewDate", v.reviewDate)} error={f.errors?.reviewDate} />
          <div className="govuk-button-group">
            <Button>Save draft</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/terms/${v.versionNumber}`}>Cancel</Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
