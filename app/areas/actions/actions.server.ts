import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import { actions, actionUpdates, agendaItems, decisionColumns, decisions, meetings, organisations, partnershipRoles, partnerships, risks, users } from "../../../db/schema";
import { actionState } from "./rules";
import { actionStatuses, OPEN_SHOWN, RECENTLY_CLOSED, type ActionStatus } from "./rules";
import { listPartnersForRules } from "../register/public.server";
import { refuseIfLocked } from "../meetings/public.server";
import { optionalText, requiredDate, requiredText, versionField } from "../../platform/forms";
import { type PartnershipScope } from "../../platform/guard.server";
import { conflict, fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";

const actionColumns = {
  action: actions,
  ownerName: users.name,
  organisationName: organisations.name,
  meetingTitle: meetings.title,
  itemTitle: agendaItems.title,
  decisionReference: decisions.reference,
};

function withState<T extends { action: typeof actions.$inferSelect }>(rows: T[], today: string) {
  return rows.map((r) => ({ ...r, action: { ...r.action, status: r.action.status as ActionStatus }, state: actionState(r.action.status as ActionStatus, r.action.dueDate, today) }));
}

export const actionFilterSchema = z.object({
  state: z.enum(["open", "overdue", "done", "cancelled", "all"]).optional().catch(undefined),
  organisation: z.uuid().optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  /** Continue after this (due date, id) of the previous page. */
  after: z.string().regex(/^\d{4}-\d{2}-\d{2}_[0-9a-f-]{36}$/).optional().catch(undefined),
});

export const ACTION_PAGE_SIZE = 50;

/**
 * A page of the partnership's actions by due date, filtered by state (overdue
 * is an open action past its due date), partner or owner; `next` continues it.
 * A meeting's page asks for one meeting's actions, all of them; a risk's page
 * for its mitigating actions, all of them.
 */
export async function listActions(
  db: Db,
  partnershipId: string,
  filters: z.output<typeof actionFilterSchema> & { meeting?: string; risk?: string },
  today: string,
  pageSize = filters.meeting || filters.risk ? Number.MAX_SAFE_INTEGER : ACTION_PAGE_SIZE,
) {
  const where: SQL[] = [eq(actions.partnershipId, partnershipId)];
  const state = filters.state ?? "open";
  if (state === "open" || state === "overdue") where.push(eq(actions.status, "open"));
  if (state === "overdue") where.push(sql`${actions.dueDate} < ${today}`);
  if (state === "done" || state === "cancelled") where.push(eq(actions.status, state));
  if (filters.organisation) where.push(eq(actions.organisationId, filters.organisation));
  if (filters.owner) where.push(eq(actions.ownerUserId, filters.owner));
  if (filters.meeting) where.push(eq(actions.meetingId, filters.meeting));
  if (filters.risk) where.push(eq(actions.riskId, filters.risk));
  const counting = filters.meeting || filters.risk ? null : db.select({ n: count() }).from(actions).where(and(...where));
  if (filters.after) {
    const [due, id] = [filters.after.slice(0, 10), filters.after.slice(11)];
    where.push(sql`(${actions.dueDate}, ${actions.id}) > (${due}, ${id})`);
  }
  const rows = await db
    .select(actionColumns)
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, actions.organisationId))
    .leftJoin(meetings, eq(meetings.id, actions.meetingId))
    .leftJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .leftJoin(decisions, eq(decisions.id, actions.decisionId))
    .where(and(...where))
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .limit(pageSize === Number.MAX_SAFE_INTEGER ? 10_000 : pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const total = counting ? (await counting)[0].n : page.length;
  return { rows: withState(page, today), total, next: rows.length > pageSize && last ? `${last.action.dueDate}_${last.action.id}` : null };
}

/** A person's open actions across every partnership they belong to, and the ones they closed most recently. */
export async function listMyActions(db: Db, userId: string, today: string) {
  const mine = await db.selectDistinct({ id: partnershipRoles.partnershipId }).from(partnershipRoles).where(eq(partnershipRoles.userId, userId));
  if (mine.length === 0) return { open: [], openCount: 0, closed: [] };
  const query = (status: SQL) =>
    db
      .select({ ...actionColumns, partnershipSlug: partnerships.slug, partnershipName: partnerships.shortName })
      .from(actions)
      .innerJoin(partnerships, eq(partnerships.id, actions.partnershipId))
      .leftJoin(users, eq(users.id, actions.ownerUserId))
      .leftJoin(organisations, eq(organisations.id, actions.organisationId))
      .leftJoin(meetings, eq(meetings.id, actions.meetingId))
      .leftJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
      .leftJoin(decisions, eq(decisions.id, actions.decisionId))
      .where(and(eq(actions.ownerUserId, userId), inArray(actions.partnershipId, mine.map((m) => m.id)), status));
  const mineOpen = and(eq(actions.ownerUserId, userId), inArray(actions.partnershipId, mine.map((m) => m.id)), eq(actions.status, "open"));
  const [open, closed, [{ openCount }]] = await Promise.all([
    query(eq(actions.status, "open")).orderBy(asc(actions.dueDate), asc(actions.id)).limit(OPEN_SHOWN),
    query(inArray(actions.status, ["done", "cancelled"]))
      .orderBy(sql`${actions.completedOn} desc nulls last`, desc(actions.dueDate), desc(actions.id))
      .limit(RECENTLY_CLOSED),
    db.select({ openCount: count() }).from(actions).where(mineOpen),
  ]);
  return { open: withState(open, today), openCount, closed: withState(closed, today) };
}

/**
 * An action of this partnership named by its web address (what a worker can
 * copy from the address bar), its id alone, or (for the demo) its title; undefined if there is none.
 */
export async function findAction(db: Db | Tx, partnershipId: string, by: { address?: string; title?: string }) {
  const id = by.address?.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i)?.[0];
  const where = id ? eq(actions.id, id.toLowerCase()) : by.title ? eq(actions.title, by.title) : undefined;
  if (!where) return undefined;
  const [row] = await db
    .select({ id: actions.id, title: actions.title })
    .from(actions)
    .where(and(where, eq(actions.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function getAction(db: Db, partnershipId: string, actionId: string, today: string) {
  if (!z.uuid().safeParse(actionId).success) return undefined;
  const [row] = await db
    .select(actionColumns)
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, actions.organisationId))
    .leftJoin(meetings, eq(meetings.id, actions.meetingId))
    .leftJoin(agendaItems, eq(agendaItems.id, actions.agendaItemId))
    .leftJoin(decisions, eq(decisions.id, actions.decisionId))
    .where(and(eq(actions.id, actionId), eq(actions.partnershipId, partnershipId)));
  if (!row) return undefined;
  // A mitigating action names the risk it is for.
  const [risk] = row.action.riskId ? await db.select({ reference: risks.reference, title: risks.title }).from(risks).where(eq(risks.id, row.action.riskId)) : [];
  const updates = await db
    .select({ update: actionUpdates, by: users.name })
    .from(actionUpdates)
    .leftJoin(users, eq(users.id, actionUpdates.madeBy))
    .where(eq(actionUpdates.actionId, row.action.id))
    .orderBy(desc(actionUpdates.madeAt));
  return { ...withState([row], today)[0], risk: risk ?? null, updates: updates.map((u) => ({ ...u.update, by: u.by })) };
}

/** Who an action belongs to, for the guard's "action:update": its owner and its partner. */
export const actionOwner = (action: { ownerUserId: string | null; organisationId: string | null }) => ({ organisationIds: action.organisationId ? [action.organisationId] : [], userId: action.ownerUserId });

export const newActionSchema = z.object({
  title: requiredText("Enter what needs to be done", 300, "The action"),
  description: optionalText(4000, "The detail"),
  ownerUserId: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.uuid({ error: "Choose the person who owns the action" }).nullable()),
  organisationId: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.uuid({ error: "Choose the partner responsible" }).nullable()),
  dueDate: requiredDate("Enter the date the action is due"),
  agendaItemId: z.string().trim().default(""),
  decisionId: z.string().trim().default(""),
});

/** Where an action comes from: a meeting (and its item), or a risk it mitigates (checked by the risks area, inside the same transaction). */
export type ActionOrigin = { meetingId: string | null; riskId?: string | null };

/** An action from a meeting item, a decision or a risk: owned by a person, a partner, or both. */
export async function createAction(db: Db, scope: PartnershipScope, input: z.output<typeof newActionSchema>, origin: ActionOrigin): Promise<WriteResult<string>> {
  return transact(db, (tx: Tx) => insertAction(tx, scope, input, origin));
}

/**
 * Adds an action inside a write already under way (the risks area adds a
 * mitigating action this way, in the transaction that audits it on the
 * risk): every check first, then the row and its catalogued audit event.
 */
export async function insertAction(tx: Tx, scope: PartnershipScope, input: z.output<typeof newActionSchema>, origin: ActionOrigin): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  if (origin.meetingId) await refuseIfLocked(tx, origin.meetingId);
  if (!input.ownerUserId && !input.organisationId) return fail("ownerUserId", "Choose who owns the action: a person, a partner, or both");
  if (input.ownerUserId) {
    const [member] = await tx
      .select({ id: partnershipRoles.id })
      .from(partnershipRoles)
      .where(and(eq(partnershipRoles.partnershipId, partnershipId), eq(partnershipRoles.userId, input.ownerUserId)));
    if (!member) return fail("ownerUserId", "Choose a person who belongs to this partnership");
  }
  if (input.organisationId) {
    const partners = await listPartnersForRules(tx, partnershipId);
    if (!partners.some((p) => p.organisationId === input.organisationId)) return fail("organisationId", "Choose a partner in this partnership");
  }
  let agendaItemId: string | null = null;
  if (input.agendaItemId) {
    const [item] = z.uuid().safeParse(input.agendaItemId).success
      ? await tx.select().from(agendaItems).where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.meetingId, origin.meetingId ?? "00000000-0000-0000-0000-000000000000")))
      : [];
    if (!item) return fail("agendaItemId", "Choose an item on this meeting's agenda");
    agendaItemId = item.id;
  }
  let decisionId: string | null = null;
  if (input.decisionId) {
    const [d] = z.uuid().safeParse(input.decisionId).success
      ? await tx.select(decisionColumns).from(decisions).where(and(eq(decisions.id, input.decisionId), eq(decisions.partnershipId, partnershipId)))
      : [];
    if (!d) return fail("decisionId", "Choose a decision from this partnership's log");
    decisionId = d.id;
  }
  const row = {
    id: crypto.randomUUID(),
    partnershipId,
    title: input.title,
    description: input.description,
    ownerUserId: input.ownerUserId,
    organisationId: input.organisationId,
    dueDate: input.dueDate,
    status: "open",
    meetingId: origin.meetingId,
    agendaItemId,
    decisionId,
    ...(origin.riskId ? { riskId: origin.riskId } : {}),
    createdBy: scope.user.id,
  };
  await tx.insert(actions).values(row);
  await appendAudit(tx, { actorUserId: scope.user.id, action: "action.create", entityId: row.id, partnershipId, after: row });
  return ok(row.id);
}

export const actionUpdateSchema = z.object({
  version: versionField,
  note: requiredText("Say what has happened", 4000, "The update"),
  status: z.enum(actionStatuses, { error: "Choose the action's status" }),
  dueDate: requiredDate("Enter the date the action is due"),
});

/** A dated update on progress, optionally closing the action or moving its due date. */
export async function updateAction(db: Db, scope: PartnershipScope, actionId: string, input: z.output<typeof actionUpdateSchema>, today: string): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [row] = await tx.select().from(actions).where(and(eq(actions.id, actionId), eq(actions.partnershipId, partnershipId)));
    if (!row) return fail("form", "That action is not in this partnership");
    if (row.version !== input.version) return conflict("action");
    const next = {
      status: input.status,
      dueDate: input.dueDate,
      completedOn: input.status === "done" ? (row.completedOn ?? today) : null,
    };
    await versionedUpdate(tx, actions, eq(actions.id, row.id), input.version, next, "action");
    await tx.insert(actionUpdates).values({ id: crypto.randomUUID(), actionId: row.id, note: input.note, statusTo: input.status !== row.status ? input.status : null, madeBy: scope.user.id });
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "action.update",
      entityId: row.id,
      partnershipId,
      before: { status: row.status, dueDate: row.dueDate },
      after: { status: next.status, dueDate: next.dueDate, note: input.note },
    });
    return ok();
  });
}
