import { seniorityTierLabels, seniorityTiers } from "../rules/vocabulary";
import type { useFormResult } from "../../../platform/ui/use-form-result";
import { ChoiceGroup, SelectField, TextField } from "../../../platform/ui/forms";

type Form = ReturnType<typeof useFormResult>;

/** The fields a seat's holder is described by, shared by the add, change and hand-over forms. */
export function HolderFields({ f, saved }: { f: Form; saved?: { jobTitle?: string; seniority?: string } }) {
  return (
    <>
      <TextField name="jobTitle" label="Job title" defaultValue={f.value("jobTitle", saved?.jobTitle)} error={f.errors?.jobTitle} />
      <SelectField
        name="seniority"
        label="Seniority"
        hint="Officers are ranked from chief executive or director down to officer; elected members and trustees are their own categories."
        defaultValue={f.value("seniority", saved?.seniority ?? "assistant_director")}
        error={f.errors?.seniority}
        options={seniorityTiers.map((t) => ({ value: t, label: seniorityTierLabels[t] }))}
      />
    </>
  );
}

export function AuthorityFields({ f, saved }: { f: Form; saved?: { hasVote: boolean; delegatedAuthorityGbp: number | null } }) {
  return (
    <>
      <ChoiceGroup
        type="checkbox"
        name="hasVote"
        legend="Voting rights"
        error={f.errors?.hasVote}
        options={[{ value: "yes", label: "Has a vote", hint: "For a deputy: may vote when standing in." }]}
        checked={f.checked("hasVote", saved?.hasVote ?? true) ? ["yes"] : []}
        small
      />
      <TextField
        name="delegatedAuthorityGbp"
        label="Delegated financial authority in pounds (optional)"
        hint="The most they can commit their organisation to without going back to it, for example 250000."
        inputMode="numeric"
        className="govuk-input--width-10"
        defaultValue={f.value("delegatedAuthorityGbp", saved?.delegatedAuthorityGbp)}
        error={f.errors?.delegatedAuthorityGbp}
      />
    </>
  );
}
