import { z } from "zod";
import { appendAuditEvent, type Json } from "../../db/audit";
import type { Tx } from "../../db/client";
import { auditCatalogue, type AuditActionName, type AuditCatalogue } from "./catalogue";
import type { PayloadIn } from "./define";

export type AuditEventInput<K extends AuditActionName> = {
  action: K;
  /** null: the platform itself (seeding, scheduled jobs). */
  actorUserId: string | null;
  entityId: string;
  /** null or absent: the platform-level chain. */
  partnershipId?: string | null;
  before?: PayloadIn<AuditCatalogue[K]["before"]>;
  after?: PayloadIn<AuditCatalogue[K]["after"]>;
  reason?: string | null;
};

// Dates become ISO strings and undefined disappears, exactly as they will
// read back from jsonb: the payload is checked, hashed and stored in that form.
function asStoredJson(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

export class AuditPayloadError extends Error {}

function check(action: string, part: "before" | "after", schema: z.ZodType | null, value: Json) {
  if (schema === null) {
    if (value !== null) throw new AuditPayloadError(`Audit action ${action} takes no ${part} payload`);
    return;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AuditPayloadError(`Audit action ${action}: the ${part} payload does not match the catalogue: ${z.prettifyError(parsed.error)}`);
}

/**
 * The one way to write to the audit trail: a catalogued action whose payloads
 * match its schemas, appended to its chain inside the transaction that makes
 * the change (so both commit or neither does).
 */
export async function appendAudit<K extends AuditActionName>(tx: Tx, event: AuditEventInput<K>) {
  const definition = auditCatalogue[event.action];
  if (!definition) throw new AuditPayloadError(`${String(event.action)} is not in the audit catalogue`);
  const before = asStoredJson(event.before);
  const after = asStoredJson(event.after);
  check(String(event.action), "before", definition.before, before);
  check(String(event.action), "after", definition.after, after);
  return appendAuditEvent(tx, {
    actorUserId: event.actorUserId,
    action: String(event.action),
    entityType: definition.entity,
    entityId: event.entityId,
    partnershipId: event.partnershipId ?? null,
    before,
    after,
    reason: event.reason ?? null,
  });
}
