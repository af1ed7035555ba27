import { DateField, SelectField, TextArea, TextField } from "../../../platform/ui/forms";
import type { useFormResult } from "../../../platform/ui/use-form-result";
import {
  reviewFrequencies,
  reviewFrequencyLabels,
  riskCategories,
  riskCategoryHints,
  riskCategoryLabels,
  riskScopeLabels,
  riskScopes,
  scoreKindLabels,
  type LevelDefinitions,
} from "../public";
import { RatingPair } from "./rating-fields";

type Saved = Partial<Record<string, string | number | null>>;

/** A risk's fields, for raising it and for changing it: what, who, how often it is reviewed, and its three assessments. */
export function RiskFields({
  f,
  saved,
  people,
  partners,
  likelihood,
  impact,
}: {
  f: ReturnType<typeof useFormResult>;
  saved: Saved;
  people: readonly { id: string; name: string }[];
  partners: readonly { id: string; name: string }[];
  likelihood: LevelDefinitions;
  impact: LevelDefinitions;
}) {
  const v = (name: string) => f.value(name, saved[name] ?? null);
  const e = f.errors;
  const category = v("category");
  return (
    <>
      <TextField name="title" label="Title" hint="A few words people will recognise the risk by." defaultValue={v("title")} error={e?.title} />
      <TextArea name="cause" label="Cause" hint="What could make this happen." rows={3} defaultValue={v("cause")} error={e?.cause} />
      <TextArea name="event" label="Risk" hint="What could happen." rows={3} defaultValue={v("event")} error={e?.event} />
      <TextArea name="effect" label="Effect" hint="What it would mean for children, services or the partnership." rows={3} defaultValue={v("effect")} error={e?.effect} />
      <SelectField
        name="category"
        label="Category"
        hint={category && category in riskCategoryHints ? riskCategoryHints[category as keyof typeof riskCategoryHints] : "The kind of risk: its appetite is approved per category."}
        defaultValue={category}
        error={e?.category}
        options={[{ value: "", label: "Choose a category" }, ...riskCategories.map((c) => ({ value: c, label: riskCategoryLabels[c] }))]}
      />
      <SelectField name="ownerUserId" label="Owner" hint="The person accountable for managing the risk." defaultValue={v("ownerUserId")} error={e?.ownerUserId} options={[{ value: "", label: "Choose a person" }, ...people.map((x) => ({ value: x.id, label: x.name }))]} />
      <SelectField name="ownerOrganisationId" label="Owning partner" hint="The partner the owner acts for." defaultValue={v("ownerOrganisationId")} error={e?.ownerOrganisationId} options={[{ value: "", label: "Choose a partner" }, ...partners.map((x) => ({ value: x.id, label: x.name }))]} />
      <SelectField name="scope" label="Held by" defaultValue={v("scope")} error={e?.scope} options={riskScopes.map((s) => ({ value: s, label: riskScopeLabels[s] }))} />
      <DateField name="raisedOn" label="Date raised" defaultValue={v("raisedOn")} error={e?.raisedOn} />
      <SelectField name="reviewFrequency" label="Reviewed" hint="The next review falls one cycle after the last (or after the date raised)." defaultValue={v("reviewFrequency")} error={e?.reviewFrequency} options={reviewFrequencies.map((r) => ({ value: r, label: reviewFrequencyLabels[r] }))} />
      <h2 className="govuk-heading-m">Scores</h2>
      <p className="govuk-body">Score each from 1 to 5 using the definitions beside each level; the score is likelihood × impact.</p>
      <RatingPair prefix="inherent" title={scoreKindLabels.inherent} legends={["Inherent likelihood", "Inherent impact"]} likelihood={likelihood} impact={impact} value={v} errors={e} />
      <RatingPair prefix="current" title={scoreKindLabels.current} legends={["Current likelihood", "Current impact"]} likelihood={likelihood} impact={impact} value={v} errors={e} />
      <RatingPair prefix="target" title={scoreKindLabels.target} hint="At or below the current score." legends={["Target likelihood", "Target impact"]} likelihood={likelihood} impact={impact} value={v} errors={e} />
      <DateField name="targetDate" label="Target date (optional)" hint="When the planned actions should have brought the risk to its target." defaultValue={v("targetDate")} error={e?.targetDate} />
    </>
  );
}
