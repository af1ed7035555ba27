import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import type { FieldErrors } from "../forms";

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
              <li key={field}>{field === "form" || field === "version" ? message : <a href={`#${field}`}>{message}</a>}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

const describedBy = (name: string, hint?: ReactNode, error?: string) =>
  [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

function HintAndError({ name, hint, error }: { name: string; hint?: ReactNode; error?: string }) {
  return (
    <>
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
    </>
  );
}

/** A labelled form group: label, hint, error message, then the control. */
function LabelledGroup(props: { name: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className={`govuk-form-group${props.error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={props.name}>
        {props.label}
      </label>
      <HintAndError name={props.name} hint={props.hint} error={props.error} />
      {props.children}
    </div>
  );
}

type FieldProps = {
  name: string;
  /** Defaults to the name; set it when two forms on one page share a field name. */
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

export function TextField({ name, id = name, label, hint, error, className, ...input }: FieldProps) {
  return (
    <LabelledGroup name={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        className={`govuk-input${error ? " govuk-input--error" : ""}${className ? ` ${className}` : ""}`}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </LabelledGroup>
  );
}

/** A date as YYYY-MM-DD through the browser's own date control (see docs/decisions/0006). */
export function DateField(props: Omit<FieldProps, "type">) {
  return <TextField type="date" className="govuk-input--width-10" {...props} />;
}

type TextAreaProps = {
  name: string;
  /** Defaults to the name; set it when several forms on one page share a field name. */
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function TextArea({ name, id = name, label, hint, error, rows = 5, ...rest }: TextAreaProps) {
  return (
    <LabelledGroup name={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </LabelledGroup>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
}) {
  const { name, label, hint, error } = props;
  return (
    <LabelledGroup name={name} label={label} hint={hint} error={error}>
      <select
        id={name}
        name={name}
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        defaultValue={props.defaultValue}
        aria-describedby={describedBy(name, hint, error)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledGroup>
  );
}

/** Checkboxes or radios in a fieldset; the first input carries the id the error summary links to. */
export function ChoiceGroup(props: {
  type: "checkbox" | "radio";
  name: string;
  /** Defaults to the name; set it when several forms on one page share a field name. */
  id?: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string; hint?: string }[];
  checked: readonly string[];
  small?: boolean;
  inline?: boolean;
}) {
  const { type, name, legend, hint, error, options, checked } = props;
  const base = props.id ?? name;
  const kind = type === "checkbox" ? "checkboxes" : "radios";
  const classes = [`govuk-${kind}`, props.small ? `govuk-${kind}--small` : "", props.inline ? `govuk-${kind}--inline` : ""].filter(Boolean).join(" ");
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(base, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError name={base} hint={hint} error={error} />
        <div className={classes} data-module={`govuk-${kind}`}>
          {options.map((o, i) => {
            const id = i === 0 ? base : `${base}-${i + 1}`;
            return (
              <div key={o.value} className={`govuk-${kind}__item`}>
                <input
                  className={`govuk-${kind}__input`}
                  id={id}
                  name={name}
                  type={type}
                  value={o.value}
                  defaultChecked={checked.includes(o.value)}
                  aria-describedby={o.hint ? `${id}-hint` : undefined}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div id={`${id}-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Button({ children, secondary, warning, name, value }: { children: ReactNode; secondary?: boolean; warning?: boolean; name?: string; value?: string }) {
  const variant = secondary ? " govuk-button--secondary" : warning ? " govuk-button--warning" : "";
  return (
    <button type="submit" className={`govuk-button${variant}`} data-module="govuk-button" name={name} value={value}>
      {children}
    </button>
  );
}

/** The row version an edit started from: a later save by someone else is detected, not overwritten. */
export function VersionField({ value }: { value: number | string }) {
  return <input type="hidden" name="version" value={String(value)} />;
}

/** An optional "why" for the audit trail. */
export function ReasonField({ error, defaultValue, label = "Reason for the change (optional)", required }: { error?: string; defaultValue?: string; label?: string; required?: boolean }) {
  return (
    <TextArea
      name="reason"
      label={label}
      rows={2}
      hint={required ? "This is kept in the audit trail." : "Kept in the audit trail, so people can see why the record changed."}
      defaultValue={defaultValue}
      error={error}
    />
  );
}

export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

export type TagColour = "grey" | "green" | "turquoise" | "blue" | "light-blue" | "purple" | "pink" | "red" | "orange" | "yellow";
export function Tag({ children, colour }: { children: ReactNode; colour?: TagColour }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ""}`}>{children}</strong>;
}

export function SummaryList({ rows }: { rows: ([string, ReactNode] | null | false)[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.filter((r): r is [string, ReactNode] => Boolean(r)).map(([key, value]) => (
        <div key={key} className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
