import { DateField, SelectField, TextArea, TextField } from "../../../platform/ui/forms";
import type { useFormResult } from "../../../platform/ui/use-form-result";

/**
 * What an action needs: what, who, which partner, by when. Shared by the
 * running screen and a decision's page; the title's id is its own so its
 * label and error link never point at another form's title on the page.
 */
export function ActionFields({
  f,
  people,
  partners,
}: {
  f: ReturnType<typeof useFormResult> | undefined;
  people: readonly { id: string; name: string }[];
  partners: readonly { id: string; name: string }[];
}) {
  const v = (name: string) => f?.value(name) ?? "";
  return (
    <>
      <TextField id="action-title" name="title" label="Action" defaultValue={v("title")} error={f?.errors?.title} />
      <SelectField name="ownerUserId" label="Owner" defaultValue={v("ownerUserId")} error={f?.errors?.ownerUserId} options={[{ value: "", label: "No named person" }, ...people.map((x) => ({ value: x.id, label: x.name }))]} />
      <SelectField
        name="organisationId"
        label="Partner responsible"
        defaultValue={v("organisationId")}
        error={f?.errors?.organisationId}
        options={[{ value: "", label: "No particular partner" }, ...partners.map((x) => ({ value: x.id, label: x.name }))]}
      />
      <DateField name="dueDate" label="Due by" defaultValue={v("dueDate")} error={f?.errors?.dueDate} />
      <TextArea name="description" label="Detail (optional)" rows={2} defaultValue={v("description")} error={f?.errors?.description} />
    </>
  );
}
