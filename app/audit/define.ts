import { z } from "zod";
import { formatDate } from "../platform/time/dates";

// How a catalogued audit action is declared: the record it is about, the
// shape of its before and after payloads (as stored: JSON, dates as ISO
// strings), and the sentence a councillor reads for it.

export const auditEntities = [
  "user",
  "partnership_role",
  "organisation",
  "partnership",
  "key_date",
  "partnership_partner",
  "board_seat",
  "terms_of_reference",
  "declaration",
  "meeting",
  "agenda_item",
  "meeting_paper",
  "item_declaration",
  "minutes",
  "decision",
  "action",
  "obligation",
  "submission",
  "reminder",
  "risk",
  "risk_control",
  "risk_appetite",
  "young_person",
  "consultation",
  "contribution",
  "safeguarding_message",
  "participation_activity",
  "call_in",
  "challenge",
  "scrutiny_pack_run",
  "funding_line",
  "funding_commitment",
  "funding_actual",
] as const;
export type AuditEntity = (typeof auditEntities)[number];

type Payload = z.ZodType | null;
export type PayloadOut<P extends Payload> = P extends z.ZodType ? z.output<P> : null;
/**
 * What a caller passes: the payload's shape with its enumerations widened to
 * plain strings (database rows hold text); appendAudit checks the values.
 */
export type PayloadIn<P extends Payload> = P extends z.ZodType ? Loose<z.input<P>> : null | undefined;
type Loose<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends null | undefined
        ? T
        : T extends readonly (infer U)[]
          ? Loose<U>[]
          : T extends object
            ? { [K in keyof T]: Loose<T[K]> }
            : T;

/** What a description is made from: who did it, the record's name where known, the payloads and the reason given. */
export type DescribedEvent<B, A> = {
  /** The person's name, or "The platform" for seeding and scheduled jobs. */
  actor: string;
  /** A name for the record (a decision's reference, a meeting's title) where the reader knows one. */
  subject: string | null;
  before: B;
  after: A;
  reason: string | null;
};

export type AuditActionDefinition<B extends Payload = Payload, A extends Payload = Payload> = {
  entity: AuditEntity;
  /** A short label for lists and filters, e.g. "Decision recorded". */
  label: string;
  before: B;
  after: A;
  describe: (e: DescribedEvent<PayloadOut<B>, PayloadOut<A>>) => string;
};

export function defineAction<B extends Payload, A extends Payload>(definition: AuditActionDefinition<B, A>): AuditActionDefinition<B, A> {
  return definition;
}

// ------------------------------------------------------------ payload parts

export const id = z.uuid();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const instant = z.iso.datetime({ offset: true });
export const text = z.string();
export const maybe = <T extends z.ZodType>(schema: T) => schema.nullable();
/** A change to some of a record's fields: each present key is one field, before or after. */
export const someOf = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape).partial();

// --------------------------------------------------------------- sentences

/** The reason given, quoted after the sentence, or nothing. */
export const because = (reason: string | null) => (reason ? `: “${reason}”` : "");
export const quoted = (s: string | null | undefined) => (s ? `“${s}”` : "");
export const on = (date: string | null | undefined) => (date ? formatDate(date) : "no date");
/** "a → b", or just the new value when there was none before. */
export const change = (from: unknown, to: unknown) => (from === null || from === undefined || from === "" ? `${show(to)}` : `${show(from)} → ${show(to)}`);
export function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === "object") return "changed";
  return String(value);
}
/** Field names as people say them: "termEnd" → "term end". */
export const fieldName = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
/** Each changed field, "field: before → after", joined. */
export function changes(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((k) => `${fieldName(k)} ${change(before?.[k], after?.[k])}`).join("; ");
}
