import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from "react";
import type { FieldErrors } from "../lib/forms";

/** GOV.UK error summary; takes focus when it appears so screen readers announce it. */
export function ErrorSummary({ errors }: { errors?: FieldErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [errors, entries.length]);
  if (entries.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}>
                {field === "form" ? message : <a href={`#${field}`}>{message}</a>}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

export function TextField({ name, label, hint, error, className, ...input }: FieldProps) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        className={`govuk-input${error ? " govuk-input--error" : ""}${className ? ` ${className}` : ""}`}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
}) {
  const { name, label, hint, error } = props;
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <select
        id={name}
        name={name}
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        defaultValue={props.defaultValue}
        aria-describedby={describedBy}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Button({ children }: { children: ReactNode }) {
  return (
    <button type="submit" className="govuk-button" data-module="govuk-button">
      {children}
    </button>
  );
}
