import { ChoiceGroup, DateField, SelectField } from "../../../platform/ui/forms";
import { inputName, type ReturnField } from "../rules/return-fields";

const describedBy = (id: string, hint: boolean, error: boolean) => [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** One of a return's fields as a form control, by its kind: £ before money, % after a percentage, the unit after a number. */
export function ReturnFieldInput({ field, value, error }: { field: ReturnField; value: string; error?: string }) {
  const id = inputName(field.key);
  const label = field.required ? field.label : `${field.label} (optional)`;
  const hint = field.help ?? undefined;
  if (field.kind === "date") return <DateField name={id} label={label} hint={hint} error={error} defaultValue={value} />;
  if (field.kind === "yes_no")
    return <ChoiceGroup type="radio" name={id} legend={label} hint={hint} error={error} inline options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} checked={value ? [value] : []} />;
  if (field.kind === "choice")
    return <SelectField name={id} label={label} hint={hint} error={error} defaultValue={value} options={[{ value: "", label: "Choose one" }, ...field.options.map((o) => ({ value: o, label: o }))]} />;
  const prefix = field.kind === "money" ? "£" : null;
  const suffix = field.kind === "percentage" ? "%" : field.kind === "number" ? field.unit : null;
  // The £ and % are drawn beside the box and hidden from screen readers, so the label says them.
  const spoken = field.kind === "money" ? "in pounds" : field.kind === "percentage" ? "as a percentage" : suffix ? `in ${suffix}` : null;
  const width = field.kind === "text" ? "" : field.kind === "money" ? " govuk-input--width-10" : " govuk-input--width-5";
  const input = (
    <input
      id={id}
      name={id}
      type="text"
      inputMode={field.kind === "text" ? undefined : "decimal"}
      spellCheck={field.kind === "text" ? undefined : false}
      className={`govuk-input${width}${error ? " govuk-input--error" : ""}`}
      defaultValue={value}
      aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
    />
  );
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
        {spoken ? <span className="govuk-visually-hidden">, {spoken}</span> : null}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
