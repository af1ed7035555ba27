import type { AuditActionDefinition, AuditEntity, DescribedEvent } from "./define";
import { actionsActions } from "./by-area/actions";
import { decisionsActions } from "./by-area/decisions";
import { fundingActions } from "./by-area/funding";
import { identityActions } from "./by-area/identity";
import { meetingsActions } from "./by-area/meetings";
import { notificationsActions } from "./by-area/notifications";
import { obligationsActions } from "./by-area/obligations";
import { participationActions } from "./by-area/participation";
import { partnershipsActions } from "./by-area/partnerships";
import { registerActions } from "./by-area/register";
import { risksActions } from "./by-area/risks";
import { scrutinyActions } from "./by-area/scrutiny";

// The typed audit catalogue: every action the audit trail may hold, the
// shape of its payloads and the sentence that describes it. appendAudit
// accepts only these; the scrutiny explorer reads the trail through them.

export const auditCatalogue = {
  ...identityActions,
  ...partnershipsActions,
  ...registerActions,
  ...meetingsActions,
  ...decisionsActions,
  ...actionsActions,
  ...obligationsActions,
  ...risksActions,
  ...participationActions,
  ...notificationsActions,
  ...scrutinyActions,
  ...fundingActions,
};

export type AuditCatalogue = typeof auditCatalogue;
export type AuditActionName = keyof AuditCatalogue;
export const auditActionNames = Object.keys(auditCatalogue) as AuditActionName[];

export function isAuditAction(name: string): name is AuditActionName {
  return Object.hasOwn(auditCatalogue, name);
}

/**
 * One stored event in a sentence. Events whose payload no longer matches its
 * schema (written before a change to it) still get their label, actor and reason.
 */
export function describeAuditEvent(
  event: { action: string; before: unknown; after: unknown; reason: string | null },
  names: { actor: string | null; subject?: string | null },
): string {
  const actor = names.actor ?? "The platform";
  if (!isAuditAction(event.action)) return `${event.action} by ${actor}${event.reason ? `: “${event.reason}”` : ""}`;
  const definition = auditCatalogue[event.action] as AuditActionDefinition;
  const before = definition.before ? definition.before.safeParse(event.before) : { success: true, data: null };
  const after = definition.after ? definition.after.safeParse(event.after) : { success: true, data: null };
  if (!before.success || !after.success) return `${definition.label} by ${actor}${event.reason ? `: “${event.reason}”` : ""}`;
  const described: DescribedEvent<unknown, unknown> = { actor, subject: names.subject ?? null, before: before.data, after: after.data, reason: event.reason };
  return (definition.describe as (e: DescribedEvent<unknown, unknown>) => string)(described);
}

export const entityOf = (action: AuditActionName): AuditEntity => auditCatalogue[action].entity;
