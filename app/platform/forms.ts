import { data } from "react-router";
import { z } from "zod";
import { isIsoDate } from "./time/dates";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;
export type FormFailure = { ok: false; errors: FieldErrors; values: FormValues };

/** Every submitted value as text; fields named in `arrays` (checkbox groups) as lists. */
export function formToObject(formData: FormData, arrays: readonly string[] = []): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const name of arrays) raw[name] = [];
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (arrays.includes(key)) (raw[key] as string[]).push(value);
    else raw[key] = value;
  }
  return raw;
}

/** What to show again in a form that failed: every field as submitted (repeated names as lists). */
export function submittedValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const had = values[key];
    values[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return values;
}

/** Parses a submitted form with zod; on failure, one message per field and the values to re-show. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  keepValues: string[] | "all" = [],
  arrays: readonly string[] = [],
): { ok: true; data: z.output<S> } | FormFailure {
  const raw = formToObject(formData, arrays);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "form";
    errors[field] ??= issue.message;
  }
  const all = submittedValues(formData);
  const values = keepValues === "all" ? all : Object.fromEntries(Object.entries(all).filter(([k]) => keepValues.includes(k)));
  return { ok: false, errors, values };
}

export function failure(errors: FieldErrors, values: FormValues = {}): FormFailure {
  return { ok: false, errors, values };
}

// ------------------------------------------------------------ field schemas

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Required text, trimmed, with the message people see when it is missing or too long. */
export const requiredText = (missing: string, max = 200, label = "This") =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `${label} must be ${max} characters or fewer` });

/** Optional text: blank becomes null. */
export const optionalText = (max = 2000, label = "This") =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, { error: `${label} must be ${max} characters or fewer` })
      .optional(),
  ).transform((v) => v ?? null);

/** A required real date written YYYY-MM-DD (what a date input sends). */
export const requiredDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isIsoDate, { error: `${missing.replace(/^Enter /, "Enter a real date for ")}, for example 2026-04-01` });

export const optionalDate = (label: string) =>
  z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .refine(isIsoDate, { error: `${label} must be a real date, for example 2026-04-01` })
        .optional(),
    )
    .transform((v) => v ?? null);

/** A whole number in a range; blank is null unless required. */
export const optionalWholeNumber = (label: string, min: number, max: number) =>
  z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d+$/, { error: `${label} must be a whole number` })
        .transform(Number)
        .refine((n) => n >= min && n <= max, { error: `${label} must be between ${min} and ${max}` })
        .optional(),
    )
    .transform((v) => v ?? null);

export const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label.toLowerCase()}` })
    .trim()
    .min(1, { error: `Enter ${label.toLowerCase()}` })
    .regex(/^\d+$/, { error: `${label} must be a whole number` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `${label} must be between ${min} and ${max}` });

/** The row version a form was loaded with (see VersionField). */
export const versionField = z
  .string({ error: "The form is missing its version: reload the page and try again" })
  .regex(/^\d+$/, { error: "The form is missing its version: reload the page and try again" })
  .transform(Number);

export const uuidField = (message: string) => z.string({ error: message }).trim().pipe(z.uuid({ error: message }));

/** A checkbox: present means yes. */
export const checkbox = z.preprocess((v) => v === "yes" || v === "on" || v === "true", z.boolean());

/** The response for a write the server refused: the message on its field, and everything the person typed. */
export function rejected(result: { field: string; message: string; conflict?: boolean }, form: FormData) {
  return data(failure({ [result.field]: result.message }, submittedValues(form)), { status: result.conflict ? 409 : 400 });
}

/** The response for a form that failed validation. */
export const invalid = (failed: FormFailure) => data(failed, { status: 400 });
