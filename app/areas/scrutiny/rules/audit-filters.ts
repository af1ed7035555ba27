import { z } from "zod";
import { auditEntities, type AuditEntity } from "../../../audit/define";
import { isIsoDate } from "../../../platform/time/dates";

// The audit trail explorer's filters, read from the address: each one that
// is wrong is named with what is wrong and left out, so a mistyped address
// still shows the trail (and never a server error).

/** The kinds of record, as a councillor reads them in the filter. */
export const auditEntityLabels: Record<AuditEntity, string> = {
  user: "People's accounts",
  partnership_role: "Access roles",
  organisation: "Organisations",
  partnership: "The partnership",
  key_date: "Key dates",
  partnership_partner: "Partners",
  board_seat: "Board seats",
  terms_of_reference: "Terms of reference",
  declaration: "Declarations of interest",
  meeting: "Meetings",
  agenda_item: "Agenda items",
  meeting_paper: "Meeting papers",
  item_declaration: "Interests declared at meetings",
  minutes: "Minutes",
  decision: "Decisions",
  action: "Actions",
  obligation: "Reporting obligations",
  submission: "Returns",
  reminder: "Reminders",
  risk: "Risks",
  risk_control: "Risk controls",
  risk_appetite: "Risk appetite",
  young_person: "Young people's accounts",
  consultation: "Consultations",
  contribution: "Young people's contributions",
  safeguarding_message: "Safeguarding messages",
  participation_activity: "Participation activities",
  call_in: "Call-ins",
  challenge: "Questions and challenges",
  scrutiny_pack_run: "Scrutiny packs prepared as PDFs",
  funding_line: "Funding lines and joint bids",
  funding_commitment: "Funding commitments",
  funding_actual: "Payments and spending",
};

export const AUDIT_PAGE_SIZE = 25;
/** The "Actor" filter's value for events with no person behind them (seeding, scheduled jobs). */
export const PLATFORM_ACTOR = "platform";

const uuid = z.uuid();
/** A London day written as a date input sends it (YYYY-MM-DD), or the message that says how. */
export const isoDay = z.string().trim().refine(isIsoDate, "Enter a real date, for example 2026-03-31");

const fields = {
  type: z.enum(auditEntities, { error: "Choose a record type from the list" }),
  record: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "A record is named by its id: letters, digits and hyphens only"),
  actor: z.string().refine((v) => v === PLATFORM_ACTOR || uuid.safeParse(v).success, "Choose a person from the list"),
  partner: z.uuid({ error: "Choose a partner from the list" }),
  action: z.string().min(1).max(80).regex(/^[a-z_]+\.[a-z_]+$/, "Choose an action from the list"),
  from: isoDay,
  to: isoDay,
  before: z.coerce.number({ error: "That page does not exist" }).int("That page does not exist").positive("That page does not exist"),
} as const;

export type AuditFilters = {
  type?: AuditEntity;
  record?: string;
  actor?: string;
  partner?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Keyset: events numbered below this one (the newest first). */
  before?: number;
};

export type AuditFilterKey = keyof typeof fields;
export const auditFilterKeys = Object.keys(fields) as AuditFilterKey[];

/**
 * The filters in an address's query, and a message for each one that is
 * wrong. `isAction` says whether an action name is in the catalogue (passed
 * in to keep this file free of the catalogue's payload schemas).
 */
export function parseAuditFilters(params: URLSearchParams, isAction: (name: string) => boolean): { filters: AuditFilters; errors: Partial<Record<AuditFilterKey, string>> } {
  const filters: Record<string, unknown> = {};
  const errors: Partial<Record<AuditFilterKey, string>> = {};
  for (const key of auditFilterKeys) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") continue;
    const parsed = fields[key].safeParse(raw.trim());
    if (!parsed.success) errors[key] = parsed.error.issues[0].message;
    else if (key === "action" && !isAction(parsed.data as string)) errors.action = "Choose an action from the list";
    else filters[key] = parsed.data;
  }
  const f = filters as AuditFilters;
  if (f.from && f.to && f.from > f.to) {
    errors.to = "The end date must be the same as or after the start date";
    delete f.to;
  }
  if (f.record && !f.type) {
    errors.record = "Choose the record type as well as the record";
    delete f.record;
  }
  return { filters: f, errors };
}

/** The query for these filters (without the page), for links to the next page and the downloads. */
export function auditFilterQuery(filters: AuditFilters, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  for (const key of auditFilterKeys) {
    const value = key === "before" ? undefined : filters[key];
    if (value !== undefined && value !== "") q.set(key, String(value));
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q.toString();
}
