// The controls of a GET filter form (a list's filters, a dashboard's period):
// each labelled, each showing its own error, ids equal to their names so an
// error summary's links reach them.

export function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      <select className="govuk-select" id={name} name={name} defaultValue={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterDate({ name, label, value, error }: { name: string; label: string; value: string; error?: string }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      {error ? (
        <p id={`${name}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`} type="date" id={name} name={name} defaultValue={value} aria-describedby={error ? `${name}-error` : undefined} />
    </div>
  );
}
