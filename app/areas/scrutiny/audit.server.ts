import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { computeEventHash, GENESIS_HASH } from "../../../db/audit";
import type { Db } from "../../../db/client";
import { actions, agendaItems, auditEvents, boardSeats, callIns, challenges, decisions, meetings, obligations, organisations, partnershipPartners, partnerships, risks, users } from "../../../db/schema";
import { auditCatalogue, describeAuditEvent, isAuditAction } from "../../audit/catalogue";
import { latestCheckpointCheck } from "../../audit/checkpoints.server";
import { fieldName, show, type AuditEntity } from "../../audit/define";
import { addDays, londonTimeToInstant } from "../../platform/time/dates";
import { listPartnersForRules, listPeopleInPartnership } from "../register/public.server";
import { AUDIT_PAGE_SIZE, PLATFORM_ACTOR, type AuditFilters } from "./rules/audit-filters";

// The audit trail explorer: a partnership's chain read newest first, a page
// at a time by sequence number (keyset: a page costs the same however long
// the trail), each event in the catalogue's sentence with its fields before
// and after, and whether the events shown still verify.

type EventRow = typeof auditEvents.$inferSelect;

/**
 * The conditions for a partnership's events under these filters (not the
 * page). A date range becomes a range of sequence numbers first (two index
 * lookups), because within a chain events are numbered in the order they
 * happen: every other filter then reads its own (chain, …, seq) index newest
 * first, however far back the range lies.
 */
async function conditions(db: Db, partnershipId: string, filters: AuditFilters): Promise<SQL[] | null> {
  const where: SQL[] = [eq(auditEvents.chain, partnershipId)];
  if (filters.type) where.push(eq(auditEvents.entityType, filters.type));
  if (filters.record) where.push(eq(auditEvents.entityId, filters.record));
  if (filters.actor === PLATFORM_ACTOR) where.push(isNull(auditEvents.actorUserId));
  else if (filters.actor) where.push(eq(auditEvents.actorUserId, filters.actor));
  if (filters.partner) {
    // A partner's events: those made by anyone who has held one of its seats on this board.
    const holders = db.select({ id: boardSeats.userId }).from(boardSeats).where(and(eq(boardSeats.partnershipId, partnershipId), eq(boardSeats.organisationId, filters.partner)));
    where.push(inArray(auditEvents.actorUserId, holders));
  }
  if (filters.action) where.push(eq(auditEvents.action, filters.action));
  // London days: from the start of `from` to the end of `to`.
  if (filters.from) {
    const [first] = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, partnershipId), gte(auditEvents.occurredAt, londonTimeToInstant(filters.from, "00:00"))))
      .orderBy(asc(auditEvents.occurredAt))
      .limit(1);
    if (!first) return null;
    where.push(gte(auditEvents.seq, first.seq));
  }
  if (filters.to) {
    const [last] = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, partnershipId), lt(auditEvents.occurredAt, londonTimeToInstant(addDays(filters.to, 1), "00:00"))))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1);
    if (!last) return null;
    where.push(lte(auditEvents.seq, last.seq));
  }
  return where;
}

const isUuid = (v: string) => z.uuid().safeParse(v).success;

/** Names for the people and records the events are about, a query per kind of record. */
async function namesFor(db: Db, rows: readonly Pick<EventRow, "actorUserId" | "entityType" | "entityId">[]) {
  const actorIds = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => x !== null))];
  const idsOf = (...types: AuditEntity[]) => [...new Set(rows.filter((r) => (types as string[]).includes(r.entityType) && isUuid(r.entityId)).map((r) => r.entityId))];
  const lookup = async (ids: string[], read: (ids: string[]) => Promise<{ id: string; name: string }[]>) => (ids.length ? read(ids) : []);
  const [actors, ...subjects] = await Promise.all([
    lookup(actorIds, (ids) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))),
    lookup(idsOf("decision"), (ids) => db.select({ id: decisions.id, name: decisions.reference }).from(decisions).where(inArray(decisions.id, ids))),
    lookup(idsOf("risk"), (ids) => db.select({ id: risks.id, name: risks.reference }).from(risks).where(inArray(risks.id, ids))),
    lookup(idsOf("meeting", "minutes"), (ids) => db.select({ id: meetings.id, name: meetings.title }).from(meetings).where(inArray(meetings.id, ids))),
    lookup(idsOf("agenda_item"), (ids) => db.select({ id: agendaItems.id, name: agendaItems.title }).from(agendaItems).where(inArray(agendaItems.id, ids))),
    lookup(idsOf("action"), (ids) => db.select({ id: actions.id, name: actions.title }).from(actions).where(inArray(actions.id, ids))),
    lookup(idsOf("obligation"), (ids) => db.select({ id: obligations.id, name: obligations.title }).from(obligations).where(inArray(obligations.id, ids))),
    lookup(idsOf("user"), (ids) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))),
    lookup(idsOf("board_seat"), (ids) => db.select({ id: boardSeats.id, name: users.name }).from(boardSeats).innerJoin(users, eq(users.id, boardSeats.userId)).where(inArray(boardSeats.id, ids))),
    lookup(idsOf("partnership_partner"), (ids) =>
      db.select({ id: partnershipPartners.id, name: organisations.name }).from(partnershipPartners).innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId)).where(inArray(partnershipPartners.id, ids)),
    ),
    lookup(idsOf("organisation"), (ids) => db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids))),
    lookup(idsOf("partnership"), (ids) => db.select({ id: partnerships.id, name: partnerships.name }).from(partnerships).where(inArray(partnerships.id, ids))),
    lookup(idsOf("call_in"), (ids) => db.select({ id: callIns.id, name: decisions.reference }).from(callIns).innerJoin(decisions, eq(decisions.id, callIns.decisionId)).where(inArray(callIns.id, ids))),
    lookup(idsOf("challenge"), (ids) =>
      db
        .select({ id: challenges.id, name: sql<string>`case ${challenges.kind} when 'question' then 'Question ' else 'Challenge ' end || ${challenges.number}` })
        .from(challenges)
        .where(inArray(challenges.id, ids)),
    ),
  ]);
  // Young people's records are never named here: their ids stay ids (the participation area holds the rest).
  const subject = new Map(subjects.flat().map((s) => [s.id, s.name]));
  return { actor: new Map(actors.map((a) => [a.id, a.name])), subject };
}

const recordPaths: Partial<Record<AuditEntity, string>> = { decision: "decisions", risk: "risks", meeting: "meetings", minutes: "meetings", action: "actions", obligation: "obligations", board_seat: "board", challenge: "scrutiny/challenges", scrutiny_pack_run: "scrutiny/pack/runs" };

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Each field an event changed, as people read it ("current likelihood: 3 →
 * 4"): fields the same before and after are left out, and so are internal
 * ids, which say nothing to a reader (the record links do that).
 */
function fieldChanges(before: unknown, after: unknown) {
  const asObject = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = asObject(before);
  const a = asObject(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .filter((k) => !(typeof (a[k] ?? b[k]) === "string" && uuidLike.test(String(a[k] ?? b[k]))))
    .map((k) => ({ field: fieldName(k), before: k in b ? show(b[k]) : "", after: k in a ? show(a[k]) : "" }));
}

/**
 * Records about individual young people. Their events carry no personal data
 * (docs/audit-trail.md), but one young person's history (when they joined,
 * withdrew or wrote to the safeguarding lead) is still theirs: only the
 * partnership's participation workers read these events in full; everyone
 * else sees that an event happened, and can verify it.
 */
const youngPeoplesRecords: readonly string[] = ["young_person", "contribution", "safeguarding_message"] satisfies AuditEntity[];

function explain(rows: readonly EventRow[], names: Awaited<ReturnType<typeof namesFor>>, slug: string, seesYoungPeople: boolean) {
  return rows.map((r) => {
    if (!seesYoungPeople && youngPeoplesRecords.includes(r.entityType))
      return {
        id: r.id,
        seq: r.seq,
        occurredAt: r.occurredAt.toISOString(),
        actor: r.actorUserId ? (names.actor.get(r.actorUserId) ?? "A person no longer on the platform") : "A young person or the platform",
        action: "participation",
        label: "Young people's participation",
        sentence: "A change in young people's participation: its details are shown only to the partnership's participation workers",
        entityType: r.entityType,
        entityId: "",
        subject: null,
        recordPath: null,
        reason: null,
        changes: [],
        hash: r.hash,
        prevHash: r.prevHash,
        private: true,
      };
    const actor = r.actorUserId ? (names.actor.get(r.actorUserId) ?? "A person no longer on the platform") : null;
    const subject = names.subject.get(r.entityId) ?? null;
    const path = recordPaths[r.entityType as AuditEntity];
    return {
      id: r.id,
      seq: r.seq,
      occurredAt: r.occurredAt.toISOString(),
      actor: actor ?? "The platform",
      action: r.action,
      label: isAuditAction(r.action) ? auditCatalogue[r.action].label : r.action,
      sentence: describeAuditEvent(r, { actor, subject }),
      entityType: r.entityType,
      entityId: r.entityId,
      subject,
      recordPath: path ? `/p/${slug}/${path}/${r.entityId}` : null,
      reason: r.reason,
      changes: fieldChanges(r.before, r.after),
      hash: r.hash,
      prevHash: r.prevHash,
      private: false,
    };
  });
}

export type PageVerification = { ok: true; events: number } | { ok: false; events: number; problems: { seq: number; problem: string }[] };

/**
 * Whether the events shown still verify: each one's hash recomputed from its
 * stored fields, and each one's previous hash equal to the hash of the event
 * before it in the chain (read for those not on the page).
 */
async function verifyShown(db: Db, chain: string, rows: readonly EventRow[]): Promise<PageVerification> {
  const known = new Map(rows.map((r) => [r.seq, r.hash]));
  const missing = [...new Set(rows.map((r) => r.seq - 1).filter((s) => s > 0 && !known.has(s)))];
  if (missing.length) {
    const before = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(and(eq(auditEvents.chain, chain), inArray(auditEvents.seq, missing)));
    for (const b of before) known.set(b.seq, b.hash);
  }
  const problems: { seq: number; problem: string }[] = [];
  for (const r of rows) {
    const expectedPrev = r.seq === 1 ? GENESIS_HASH : known.get(r.seq - 1);
    if (expectedPrev === undefined) problems.push({ seq: r.seq, problem: `event ${r.seq - 1}, the one before it, is missing` });
    else if (r.prevHash !== expectedPrev) problems.push({ seq: r.seq, problem: `its previous hash is not event ${r.seq - 1}'s hash` });
    else if (computeEventHash(r.prevHash, r) !== r.hash) problems.push({ seq: r.seq, problem: "its contents no longer match its hash: it was changed after it was written" });
  }
  return problems.length ? { ok: false, events: rows.length, problems: problems.sort((a, b) => a.seq - b.seq) } : { ok: true, events: rows.length };
}

/**
 * A page of the partnership's audit trail under the filters, newest first,
 * each event explained; `next` continues it; the events shown verified and
 * the latest signed checkpoint checked.
 */
export async function auditTrailPage(db: Db, partnership: { id: string; slug: string }, filters: AuditFilters, seesYoungPeople: boolean, pageSize = AUDIT_PAGE_SIZE) {
  const where = await conditions(db, partnership.id, filters);
  if (where && filters.before) where.push(lt(auditEvents.seq, filters.before));
  const fetched = where ? await db.select().from(auditEvents).where(and(...where)).orderBy(desc(auditEvents.seq)).limit(pageSize + 1) : [];
  const rows = fetched.slice(0, pageSize);
  const [names, verification, checkpoint] = await Promise.all([namesFor(db, rows), verifyShown(db, partnership.id, rows), latestCheckpointCheck(db, partnership.id)]);
  return { events: explain(rows, names, partnership.slug, seesYoungPeople), next: fetched.length > pageSize ? rows[rows.length - 1].seq : null, verification, checkpoint };
}

/** The name of the record a timeline is about, where it has one. */
export async function recordName(db: Db, type: AuditEntity, id: string) {
  const names = await namesFor(db, [{ entityType: type, entityId: id, actorUserId: null }]);
  return names.subject.get(id) ?? null;
}

const EXPORT_BATCH = 500;

/** Every event under the filters, oldest first, explained, a batch at a time (for the CSV and JSON lines downloads). */
export async function* auditTrailExport(db: Db, partnership: { id: string; slug: string }, filters: AuditFilters, seesYoungPeople: boolean) {
  const base = await conditions(db, partnership.id, filters);
  if (!base) return;
  let after = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(and(...base, gt(auditEvents.seq, after))).orderBy(asc(auditEvents.seq)).limit(EXPORT_BATCH);
    if (!rows.length) return;
    const names = await namesFor(db, rows);
    const explained = explain(rows, names, partnership.slug, seesYoungPeople);
    yield rows.map((row, i) => ({ row, explained: explained[i] }));
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1].seq;
  }
}

/** The choices for the explorer's filters: the people who hold a role in the partnership, and its partners. */
export async function auditFilterChoices(db: Db, partnershipId: string) {
  const [people, partners] = await Promise.all([listPeopleInPartnership(db, partnershipId), listPartnersForRules(db, partnershipId)]);
  return { people: people.map((p) => ({ id: p.id, name: p.name })), partners: partners.map((p) => ({ id: p.organisationId, name: p.name })) };
}
