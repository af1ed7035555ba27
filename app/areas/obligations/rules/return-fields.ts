import { z } from "zod";
import { formatDate, isIsoDate } from "../../../platform/time/dates";
import { formatPence, parsePence, penceAsDecimal } from "../../../platform/text/money";

// What a return asks for: its fields (a number, money, a percentage, a date,
// yes or no, short text, or a choice from a list), how each typed answer is
// read and checked, how it is shown, and which version of the fields applies
// to a period. Money is kept as whole pence, never as a float.

export const fieldKinds = ["number", "money", "percentage", "date", "yes_no", "text", "choice"] as const;
export type FieldKind = (typeof fieldKinds)[number];
export const fieldKindLabels: Record<FieldKind, string> = {
  number: "Number",
  money: "Money (pounds and pence)",
  percentage: "Percentage",
  date: "Date",
  yes_no: "Yes or no",
  text: "Short text",
  choice: "A choice from a list",
};
/** Kinds whose answers can be drawn as a trend. */
export const numericKinds: readonly FieldKind[] = ["number", "money", "percentage"];

export const MAX_FIELDS = 30;
export const MAX_TEXT_ANSWER = 500;

export const returnFieldSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().trim().min(1).max(120),
  kind: z.enum(fieldKinds),
  required: z.boolean(),
  unit: z.string().trim().max(30).nullable().default(null),
  help: z.string().trim().max(300).nullable().default(null),
  options: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
});
export type ReturnField = z.output<typeof returnFieldSchema>;
export const returnFieldListSchema = z.array(returnFieldSchema).max(MAX_FIELDS);

/** An answer as stored: numbers as numbers (money in whole pence), dates as YYYY-MM-DD, yes/no as booleans. */
export type FieldValue = number | string | boolean;
export type ReturnValues = Record<string, FieldValue>;

/** A field's key from its label: lower case, words joined by underscores ("Spend against the block contract" → spend_against_the_block_contract). */
export function fieldKeyFrom(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .replace(/^(\d)/, "f_$1")
      .slice(0, 36)
      .replace(/_+$/, "") || "field";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** Reads one typed answer. Blank is `null` (the caller decides whether it was required). */
export function readFieldValue(field: ReturnField, typed: string): { ok: true; value: FieldValue | null } | { ok: false; message: string } {
  const raw = typed.trim();
  if (raw === "") return { ok: true, value: null };
  const label = field.label;
  switch (field.kind) {
    case "number": {
      const s = raw.replace(/,/g, "");
      if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return { ok: false, message: `${label} must be a number of 0 or more, like 12 or 3.5` };
      return { ok: true, value: Number(s) };
    }
    case "money": {
      const read = parsePence(raw, label);
      return read.ok ? { ok: true, value: read.pence } : { ok: false, message: read.message };
    }
    case "percentage": {
      const s = raw.replace(/%$/, "").trim();
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(s) || Number(s) > 100) return { ok: false, message: `${label} must be a percentage from 0 to 100, like 85 or 12.5` };
      return { ok: true, value: Number(s) };
    }
    case "date":
      if (!isIsoDate(raw)) return { ok: false, message: `${label} must be a real date, for example 2026-04-01` };
      return { ok: true, value: raw };
    case "yes_no":
      if (raw !== "yes" && raw !== "no") return { ok: false, message: `Choose yes or no for ${lower(label)}` };
      return { ok: true, value: raw === "yes" };
    case "text":
      if (raw.length > MAX_TEXT_ANSWER) return { ok: false, message: `${label} must be ${MAX_TEXT_ANSWER} characters or fewer` };
      return { ok: true, value: raw };
    case "choice":
      if (!field.options.includes(raw)) return { ok: false, message: `Choose ${lower(label)} from the list` };
      return { ok: true, value: raw };
  }
}

/** The form field that carries a return field's answer. */
export const inputName = (key: string) => `field_${key}`;

/**
 * Reads a return's answers from a form. A draft keeps what is valid so far
 * and may leave required answers blank; a return sent for review may not.
 * Every wrong answer is reported at once, on its own field.
 */
export function readReturnValues(
  fields: readonly ReturnField[],
  typed: (name: string) => string,
  mode: "draft" | "submit",
): { ok: true; values: ReturnValues } | { ok: false; errors: Record<string, string> } {
  const values: ReturnValues = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const name = inputName(field.key);
    const read = readFieldValue(field, typed(name));
    if (!read.ok) errors[name] = read.message;
    else if (read.value !== null) values[field.key] = read.value;
    else if (field.required && mode === "submit")
      errors[name] = field.kind === "choice" || field.kind === "yes_no" ? `Choose ${lower(field.label)}` : `Enter ${lower(field.label)}`;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}

/** An answer as the form shows it again (money as pounds and pence, yes/no as the radio's value). */
export function typedValue(field: ReturnField, value: FieldValue | undefined): string {
  if (value === undefined) return "";
  if (field.kind === "money" && typeof value === "number") return penceAsDecimal(value);
  if (field.kind === "yes_no") return value === true ? "yes" : value === false ? "no" : "";
  return String(value);
}

const numbers = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** An answer as people read it: "£1,250.00", "12.5%", "Yes", "1 April 2026", "14 families". */
export function formatFieldValue(field: Pick<ReturnField, "kind" | "unit">, value: FieldValue | undefined | null): string {
  if (value === undefined || value === null) return "";
  switch (field.kind) {
    case "money":
      return typeof value === "number" ? formatPence(value) : String(value);
    case "percentage":
      return `${numbers.format(Number(value))}%`;
    case "number":
      return field.unit ? `${numbers.format(Number(value))} ${field.unit}` : numbers.format(Number(value));
    case "date":
      return typeof value === "string" && isIsoDate(value) ? formatDate(value) : String(value);
    case "yes_no":
      return value === true ? "Yes" : value === false ? "No" : String(value);
    default:
      return String(value);
  }
}

/** An answer in a spreadsheet: plain numbers (money in pounds with two decimals), ISO dates, Yes/No. */
export function csvFieldValue(field: Pick<ReturnField, "kind">, value: FieldValue | undefined | null): string {
  if (value === undefined || value === null) return "";
  if (field.kind === "money" && typeof value === "number") return penceAsDecimal(value);
  if (field.kind === "yes_no") return value === true ? "Yes" : value === false ? "No" : String(value);
  return String(value);
}

/** A field's answer as a number for a trend, or null. */
export const numericValue = (field: Pick<ReturnField, "kind">, value: FieldValue | undefined | null) =>
  numericKinds.includes(field.kind) && typeof value === "number" ? value : null;

// ------------------------------------------------------------- versions

export type FieldSetVersion = { id: string; number: number; appliesFrom: string; fields: ReturnField[] };

/**
 * The fields a period's return asks for: the newest version that applies
 * from that period or earlier (periods are named by their end date). A
 * return keeps the version it was answered against, whatever changes later.
 */
export function fieldSetFor<V extends Pick<FieldSetVersion, "number" | "appliesFrom">>(versions: readonly V[], periodKey: string): V | null {
  let found: V | null = null;
  for (const v of versions) if (v.appliesFrom <= periodKey && (!found || v.number > found.number)) found = v;
  return found;
}

/**
 * The first period a new version of the fields applies to: the first
 * version applies from the start, a later one from the next period to begin
 * after today, so a period already under way keeps the fields partners
 * have started answering.
 */
export function versionAppliesFrom(periods: readonly { key: string; start: string }[], isFirst: boolean, today: string): string | null {
  if (isFirst) return periods[0]?.key ?? null;
  return periods.find((p) => p.start > today)?.key ?? null;
}

/** Every field across versions, each once by key, labelled as its newest version names it, newest version's order first. */
export function fieldsAcross(versions: readonly Pick<FieldSetVersion, "number" | "fields">[]): ReturnField[] {
  const seen = new Map<string, ReturnField>();
  for (const v of [...versions].sort((a, b) => b.number - a.number)) for (const f of v.fields) if (!seen.has(f.key)) seen.set(f.key, f);
  return [...seen.values()];
}

// ------------------------------------------------------------- the field editor

/** Rows the field editor offers beyond the fields already there. */
export const BLANK_FIELD_ROWS = 3;

/**
 * Reads the field editor: one row per field, in order; a row whose label is
 * blank is removed (or was never used). Existing fields keep their keys, so
 * their trends continue across versions; new ones get a key from the label.
 */
export function readFieldEditor(form: (name: string) => string, rows: number): { ok: true; fields: ReturnField[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const fields: ReturnField[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const label = form(`label-${i}`).trim();
    if (!label) continue;
    const n = i + 1;
    if (label.length > 120) errors[`label-${i}`] = `Field ${n}: the label must be 120 characters or fewer`;
    const kind = form(`kind-${i}`);
    if (!(fieldKinds as readonly string[]).includes(kind)) errors[`kind-${i}`] = `Field ${n}: choose what kind of answer it takes`;
    const unit = form(`unit-${i}`).trim();
    if (unit.length > 30) errors[`unit-${i}`] = `Field ${n}: the unit must be 30 characters or fewer`;
    const help = form(`help-${i}`).trim();
    if (help.length > 300) errors[`help-${i}`] = `Field ${n}: the help line must be 300 characters or fewer`;
    const options = [
      ...new Set(
        form(`options-${i}`)
          .split(/\r?\n/)
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    ];
    if (kind === "choice" && options.length < 2) errors[`options-${i}`] = `Field ${n}: a choice needs at least two options, one per line`;
    else if (options.length > 20) errors[`options-${i}`] = `Field ${n}: at most 20 options`;
    else if (options.some((o) => o.length > 80)) errors[`options-${i}`] = `Field ${n}: each option must be 80 characters or fewer`;
    const existing = form(`key-${i}`).trim();
    const key = /^[a-z][a-z0-9_]{0,39}$/.test(existing) && !taken.has(existing) ? existing : fieldKeyFrom(label, taken);
    taken.add(key);
    if (fields.some((f) => f.label.toLowerCase() === label.toLowerCase())) errors[`label-${i}`] = `Field ${n} has the same label as an earlier one`;
    fields.push({ key, label, kind: kind as FieldKind, required: form(`required-${i}`) === "yes", unit: unit || null, help: help || null, options: kind === "choice" ? options : [] });
  }
  if (fields.length > MAX_FIELDS) errors["label-0"] = `A return can ask for at most ${MAX_FIELDS} fields`;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, fields };
}

/** The same fields, in the same order, with the same settings. */
export const sameFields = (a: readonly ReturnField[], b: readonly ReturnField[]) => JSON.stringify(a) === JSON.stringify(b);

// ------------------------------------------------------------- trend

/**
 * A small trend line for a row of answers (gaps where a period has none):
 * the SVG path through the points, scaled to the box, or null with fewer
 * than two answers.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, pad = 2): string | null {
  const known = values.flatMap((v, i) => (v === null ? [] : [{ i, v }]));
  if (known.length < 2) return null;
  const min = Math.min(...known.map((k) => k.v));
  const max = Math.max(...known.map((k) => k.v));
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) => (max === min ? height / 2 : pad + (height - 2 * pad) * (1 - (v - min) / (max - min)));
  return known.map((k, n) => `${n === 0 ? "M" : "L"}${(pad + k.i * step).toFixed(1)},${y(k.v).toFixed(1)}`).join(" ");
}

// ------------------------------------------------------------- the answers table

export type Answer = { organisationId: string; periodKey: string; status: "submitted" | "accepted"; fieldSetId: string | null; figures: ReturnValues };

/**
 * The answers shown on an obligation's page: for each field (every field of
 * every version, newest first), a row per partner and a cell per period,
 * with the numbers for its trend. A field a return was not asked is blank
 * for it, not zero.
 */
export function answersGrid(
  versions: readonly FieldSetVersion[],
  partners: readonly { organisationId: string; name: string }[],
  periods: readonly { key: string; label: string }[],
  answers: readonly Answer[],
) {
  const byCell = new Map(answers.map((a) => [`${a.organisationId}|${a.periodKey}`, a]));
  const asked = (a: Answer, key: string) => versions.find((v) => v.id === a.fieldSetId)?.fields.some((f) => f.key === key) ?? false;
  return fieldsAcross(versions)
    .map((field) => ({
      field,
      rows: partners.map((p) => {
        const cells = periods.map((period) => {
          const a = byCell.get(`${p.organisationId}|${period.key}`);
          const value = a && asked(a, field.key) ? a.figures[field.key] : undefined;
          return { periodKey: period.key, text: formatFieldValue(field, value), awaitingReview: a?.status === "submitted" && value !== undefined, number: numericValue(field, value) };
        });
        return { organisationId: p.organisationId, name: p.name, cells, trend: cells.map((c) => c.number) };
      }),
    }))
    .filter((g) => g.rows.some((r) => r.cells.some((c) => c.text !== "")) || versions[versions.length - 1]?.fields.some((f) => f.key === g.field.key));
}
