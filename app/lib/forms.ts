import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Parses a submitted form with zod; on failure, one message per field and the values to re-show. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  keepValues: string[] = [],
): { ok: true; data: z.output<S> } | FormFailure {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") raw[key] = value;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  const values = Object.fromEntries(Object.entries(raw).filter(([k]) => keepValues.includes(k)));
  return { ok: false, errors, values };
}

export function failure(errors: FieldErrors, values: Record<string, string> = {}): FormFailure {
  return { ok: false, errors, values };
}
