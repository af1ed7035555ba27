import { and, asc, eq, getTableColumns, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import { boardSeats, organisations, partnershipPartners, partnershipRoles, users } from "../../../db/schema";
import { boardProblems, deputyStatus, isSeatCurrent, seniorityShortfalls, type Partner, type Seat } from "./rules/board-rules";
import { addDays, coversDate, formatDate } from "../../platform/time/dates";
import { termsProblems } from "./rules/terms-of-reference";
import { boardRoles, officerTiers, representativeBoardRoles, seniorityTiers, type BoardRole, type SeniorityTier } from "./rules/vocabulary";
import type { OrganisationType, PartnerRole } from "../partnerships/public";
import { checkbox, optionalDate, optionalText, optionalWholeNumber, requiredDate, requiredText, uuidField, versionField } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import { notFound } from "../../platform/guard.server";
import { termsInForce } from "./terms.server";
import { changedFields, conflict, fail, ok, refuse, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";
import { readOncePerRequest } from "../../platform/request-store.server";

// ------------------------------------------------------------------ reading

const principal = alias(boardSeats, "principal");
const principalUser = alias(users, "principal_user");

/** Every seat the partnership has ever had, with its holder and organisation: the register's raw material. */
export function listSeats(db: Db, partnershipId: string) {
  return readOncePerRequest(db, `seats:${partnershipId}`, () => loadSeats(db, partnershipId));
}

async function loadSeats(db: Db, partnershipId: string) {
  const rows = await db
    .select({
      ...getTableColumns(boardSeats),
      personName: users.name,
      personEmail: users.email,
      organisationName: organisations.name,
      deputyForName: principalUser.name,
    })
    .from(boardSeats)
    .innerJoin(users, eq(users.id, boardSeats.userId))
    .innerJoin(organisations, eq(organisations.id, boardSeats.organisationId))
    .leftJoin(principal, eq(principal.id, boardSeats.deputyForSeatId))
    .leftJoin(principalUser, eq(principalUser.id, principal.userId))
    .where(eq(boardSeats.partnershipId, partnershipId))
    .orderBy(asc(boardSeats.termStart), asc(users.name));
  return rows.map((r) => ({ ...r, boardRole: r.boardRole as BoardRole, seniority: r.seniority as SeniorityTier }));
}
export type SeatRow = Awaited<ReturnType<typeof loadSeats>>[number];

/** Every organisation that is or was a partner, with its exit record. */
export function listPartnersForRules(db: Db, partnershipId: string): Promise<(Partner & { partnerId: string })[]> {
  return readOncePerRequest(db, `partners:${partnershipId}`, () => loadPartners(db, partnershipId));
}

async function loadPartners(db: Db, partnershipId: string): Promise<(Partner & { partnerId: string })[]> {
  const rows = await db
    .select({
      partnerId: partnershipPartners.id,
      organisationId: organisations.id,
      name: organisations.name,
      type: organisations.type,
      role: partnershipPartners.role,
      joinedOn: partnershipPartners.joinedOn,
      leftOn: partnershipPartners.leftOn,
    })
    .from(partnershipPartners)
    .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
    .where(eq(partnershipPartners.partnershipId, partnershipId))
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({ ...r, type: r.type as OrganisationType, role: r.role as PartnerRole }));
}

export const toRuleSeat = (s: SeatRow): Seat => ({
  id: s.id,
  personName: s.personName,
  organisationId: s.organisationId,
  boardRole: s.boardRole,
  seniority: s.seniority,
  hasVote: s.hasVote,
  termStart: s.termStart,
  termEnd: s.termEnd,
  deputyForSeatId: s.deputyForSeatId,
});

/**
 * What needs attention about the board and its terms of reference on a date,
 * judged by the terms in force that day. Used by the partnership page and
 * available to scheduled reminders.
 */
export async function partnershipProblems(db: Db, partnershipId: string, onDate: string) {
  const [seats, partners, terms] = await Promise.all([
    listSeats(db, partnershipId),
    listPartnersForRules(db, partnershipId),
    termsInForce(db, partnershipId, onDate),
  ]);
  return {
    terms: termsProblems(terms ? { versionNumber: terms.versionNumber, reviewDate: terms.reviewDate } : undefined, onDate),
    board: boardProblems({ seats: seats.map(toRuleSeat), partners, seniorityRules: terms?.rules.seniority ?? [], onDate }),
  };
}

export const registerSorts = ["name", "organisation", "role", "seniority", "termStart", "termEnd"] as const;
export type RegisterSort = (typeof registerSorts)[number];

export const registerQuerySchema = z.object({
  on: z.string().optional().catch(undefined),
  organisation: z.uuid().optional().catch(undefined),
  sort: z.enum(registerSorts).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

const roleRank = (r: BoardRole) => boardRoles.indexOf(r);
const tierRank = (t: SeniorityTier) => seniorityTiers.indexOf(t);

/** The board as it stood on a date, optionally for one organisation, sorted as asked (role order by default). */
export function boardOnDate(seats: readonly SeatRow[], opts: { onDate: string; organisationId?: string; sort?: RegisterSort; dir?: "asc" | "desc" }) {
  const rows = seats.filter((s) => isSeatCurrent(s, opts.onDate) && (!opts.organisationId || s.organisationId === opts.organisationId));
  const key: Record<RegisterSort, (s: SeatRow) => string | number> = {
    name: (s) => s.personName.toLowerCase(),
    organisation: (s) => s.organisationName.toLowerCase(),
    role: (s) => roleRank(s.boardRole),
    seniority: (s) => tierRank(s.seniority),
    termStart: (s) => s.termStart,
    termEnd: (s) => s.termEnd ?? "9999-12-31",
  };
  const by = key[opts.sort ?? "role"];
  const sign = opts.dir === "desc" ? -1 : 1;
  return rows.sort((a, b) => {
    const x = by(a);
    const y = by(b);
    if (x < y) return -sign;
    if (x > y) return sign;
    return a.personName.localeCompare(b.personName);
  });
}

/** People who can be given a seat: adults with any role in this partnership. */
export async function listPeopleInPartnership(db: Db, partnershipId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(partnershipRoles)
    .innerJoin(users, eq(users.id, partnershipRoles.userId))
    .where(and(eq(partnershipRoles.partnershipId, partnershipId), eq(users.kind, "adult")))
    .orderBy(asc(users.name));
}

// ------------------------------------------------------------------ writing

const seatFields = {
  jobTitle: requiredText("Enter their job title", 200, "Job title"),
  seniority: z.enum(seniorityTiers, { error: "Choose their seniority" }),
  hasVote: checkbox,
  delegatedAuthorityGbp: optionalWholeNumber("Delegated financial authority", 0, 1_000_000_000),
  termEnd: optionalDate("The end of the term"),
  reason: optionalText(1000, "The reason"),
};

export const newSeatSchema = z.object({
  userId: uuidField("Choose the person who will hold the seat"),
  organisationId: uuidField("Choose the organisation they represent"),
  boardRole: z.enum(boardRoles, { error: "Choose their role on the board" }),
  deputyForSeatId: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.uuid({ error: "Choose the member they deputise for" }).nullable())
    .optional()
    .transform((v) => v ?? null),
  termStart: requiredDate("Enter the date the term starts"),
  ...seatFields,
});
export type NewSeatInput = z.output<typeof newSeatSchema>;

export const editSeatSchema = z.object({
  version: versionField,
  termStart: requiredDate("Enter the date the term starts"),
  ...seatFields,
});
export type EditSeatInput = z.output<typeof editSeatSchema>;

export const endSeatSchema = z.object({
  version: versionField,
  endDate: requiredDate("Enter the last day of the term"),
  reason: requiredText("Say why the seat is ending, for example that they left the council", 1000, "The reason"),
  handoverNote: optionalText(5000, "The handover note"),
});
export type EndSeatInput = z.output<typeof endSeatSchema>;

export const replaceHolderSchema = z.object({
  version: versionField,
  userId: uuidField("Choose the person taking over the seat"),
  startDate: requiredDate("Enter the date they take over"),
  jobTitle: seatFields.jobTitle,
  seniority: seatFields.seniority,
  termEnd: seatFields.termEnd,
  reason: requiredText("Say why the seat is changing hands", 1000, "The reason"),
  handoverNote: optionalText(5000, "The handover note"),
});
export type ReplaceHolderInput = z.output<typeof replaceHolderSchema>;

async function seatInPartnership(db: Db, partnershipId: string, seatId: string) {
  const [seat] = await db.select().from(boardSeats).where(and(eq(boardSeats.id, seatId), eq(boardSeats.partnershipId, partnershipId)));
  return seat;
}

export async function getSeat(db: Db, partnershipId: string, seatId: string) {
  const all = await listSeats(db, partnershipId);
  return { seat: all.find((s) => s.id === seatId), all };
}

/** Who a seat belongs to, for the guard's "seat:edit": its organisation, and whether it is a deputy's. */
export const seatOwner = (seat: { boardRole: string; organisationId: string; userId: string }) => ({ organisationIds: [seat.organisationId], userId: seat.userId, deputy: seat.boardRole === "deputy" });

type SeatShape = { userId: string; boardRole: string; termStart: string; termEnd: string | null; id?: string };

const overlaps = (a: { termStart: string; termEnd: string | null }, b: { termStart: string; termEnd: string | null }) =>
  a.termStart <= (b.termEnd ?? "9999-12-31") && b.termStart <= (a.termEnd ?? "9999-12-31");

/** Rules a seat must keep whatever changes: one seat per person at a time, one chair at a time, a deputy's delegation inside its member's term. */
async function seatConflicts(tx: Tx, partnershipId: string, seat: SeatShape & { deputyForSeatId: string | null; organisationId: string }) {
  if (seat.termEnd !== null && seat.termEnd < seat.termStart) return fail("termEnd", "The term must end on or after the day it starts");
  const others = await tx
    .select()
    .from(boardSeats)
    .where(and(eq(boardSeats.partnershipId, partnershipId), seat.id ? ne(boardSeats.id, seat.id) : undefined));
  const clash = others.find((o) => o.userId === seat.userId && overlaps(o, seat));
  if (clash)
    return fail(
      "termStart",
      `This person already holds a seat from ${formatDate(clash.termStart)}${clash.termEnd ? ` to ${formatDate(clash.termEnd)}` : ""}: end that seat first, or choose dates that do not overlap`,
    );
  if (seat.boardRole === "chair") {
    const chair = others.find((o) => o.boardRole === "chair" && overlaps(o, seat));
    if (chair) return fail("boardRole", `The board already has a chair from ${formatDate(chair.termStart)}: end that seat before giving the role to someone else`);
  }
  if (seat.boardRole === "deputy") {
    const member = others.find((o) => o.id === seat.deputyForSeatId);
    if (!member || !representativeBoardRoles.includes(member.boardRole as BoardRole))
      return fail("deputyForSeatId", "Choose the member this deputy stands in for");
    if (member.organisationId !== seat.organisationId)
      return fail("deputyForSeatId", "A deputy must come from the same organisation as the member they stand in for");
    if (!coversDate(member.termStart, member.termEnd, seat.termStart))
      return fail("termStart", `The member this deputy stands in for is not on the board on ${formatDate(seat.termStart)}`);
  } else if (seat.deputyForSeatId) {
    return fail("deputyForSeatId", "Only a deputy stands in for another member: choose the deputy role or leave this empty");
  }
  return null;
}

async function partnerOn(tx: Tx, partnershipId: string, organisationId: string, onDate: string) {
  const [p] = await tx
    .select()
    .from(partnershipPartners)
    .where(and(eq(partnershipPartners.partnershipId, partnershipId), eq(partnershipPartners.organisationId, organisationId)));
  if (!p) return fail("organisationId", "Choose an organisation that is a partner in this partnership");
  if (p.joinedOn > onDate || (p.leftOn !== null && p.leftOn < onDate))
    return fail("termStart", `That organisation is not a partner on ${formatDate(onDate)}`);
  return null;
}

async function personInPartnership(tx: Tx, partnershipId: string, userId: string, field: string) {
  const people = await listPeopleInPartnership(tx, partnershipId);
  return people.some((p) => p.id === userId) ? null : fail(field, "Choose a person who belongs to this partnership (invite them first if they are not listed)");
}

const seatAudit = (s: typeof boardSeats.$inferSelect) => ({
  userId: s.userId,
  organisationId: s.organisationId,
  boardRole: s.boardRole,
  jobTitle: s.jobTitle,
  seniority: s.seniority,
  hasVote: s.hasVote,
  delegatedAuthorityGbp: s.delegatedAuthorityGbp,
  termStart: s.termStart,
  termEnd: s.termEnd,
  deputyForSeatId: s.deputyForSeatId,
  succeedsSeatId: s.succeedsSeatId,
});

export async function createSeat(db: Db, scope: PartnershipScope, input: NewSeatInput): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const problem =
      (await personInPartnership(tx, partnershipId, input.userId, "userId")) ??
      (await partnerOn(tx, partnershipId, input.organisationId, input.termStart)) ??
      (await seatConflicts(tx, partnershipId, { ...input }));
    if (problem) return problem;
    const row = {
      id: crypto.randomUUID(),
      partnershipId,
      userId: input.userId,
      organisationId: input.organisationId,
      boardRole: input.boardRole,
      jobTitle: input.jobTitle,
      seniority: input.seniority,
      hasVote: input.hasVote,
      delegatedAuthorityGbp: input.delegatedAuthorityGbp,
      termStart: input.termStart,
      termEnd: input.termEnd,
      deputyForSeatId: input.boardRole === "deputy" ? input.deputyForSeatId : null,
    };
    const [inserted] = await tx.insert(boardSeats).values(row).returning();
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "board_seat.create",
      entityId: row.id,
      partnershipId,
      after: seatAudit(inserted),
      reason: input.reason,
    });
    return ok(row.id);
  });
}

export async function updateSeat(db: Db, scope: PartnershipScope, seatId: string, input: EditSeatInput): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const seat = await seatInPartnership(tx, partnershipId, seatId);
    if (!seat) return fail("form", "That seat is not on this partnership's register");
    if (seat.version !== input.version) return conflict("seat");
    const next = {
      jobTitle: input.jobTitle,
      seniority: input.seniority,
      hasVote: input.hasVote,
      delegatedAuthorityGbp: input.delegatedAuthorityGbp,
      termStart: input.termStart,
      termEnd: input.termEnd,
    };
    const problem = await seatConflicts(tx, partnershipId, { ...seat, ...next });
    if (problem) return problem;
    const diff = changedFields(seat, next);
    if (!diff.changed) return ok();
    await versionedUpdate(tx, boardSeats, eq(boardSeats.id, seatId), input.version, next, "seat");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "board_seat.update",
      entityId: seatId,
      partnershipId,
      before: diff.before,
      after: diff.after,
      reason: input.reason,
    });
    return ok();
  });
}

export async function endSeat(db: Db, scope: PartnershipScope, seatId: string, input: EndSeatInput): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const seat = await seatInPartnership(tx, partnershipId, seatId);
    if (!seat) return fail("form", "That seat is not on this partnership's register");
    if (seat.version !== input.version) return conflict("seat");
    if (input.endDate < seat.termStart) return fail("endDate", `The term cannot end before it started (${formatDate(seat.termStart)})`);
    if (seat.termEnd !== null && input.endDate > seat.termEnd)
      return fail("endDate", `The term already ends on ${formatDate(seat.termEnd)}: choose that date or an earlier one`);
    const next = { termEnd: input.endDate, endReason: input.reason, handoverNote: input.handoverNote };
    const diff = changedFields(seat, next);
    await versionedUpdate(tx, boardSeats, eq(boardSeats.id, seatId), input.version, next, "seat");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "board_seat.end",
      entityId: seatId,
      partnershipId,
      before: diff.before,
      after: { termEnd: input.endDate, handoverNote: input.handoverNote ? "recorded" : null },
      reason: input.reason,
    });
    return ok();
  });
}

/** The seat passes to someone else: the old term ends the day before, a new seat carries on with the same role. */
export async function replaceSeatHolder(db: Db, scope: PartnershipScope, seatId: string, input: ReplaceHolderInput): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const seat = await seatInPartnership(tx, partnershipId, seatId);
    if (!seat) return fail("form", "That seat is not on this partnership's register");
    if (seat.version !== input.version) return conflict("seat");
    if (input.userId === seat.userId) return fail("userId", "Choose someone other than the person who holds the seat now");
    if (input.startDate <= seat.termStart)
      return fail("startDate", `The new holder must take over after the current term started (${formatDate(seat.termStart)})`);
    if (seat.termEnd !== null && input.startDate > addDays(seat.termEnd, 1))
      return fail("startDate", `The current term ended on ${formatDate(seat.termEnd)}: add a new seat instead`);
    const outgoingEnd = addDays(input.startDate, -1);
    await versionedUpdate(tx, boardSeats, eq(boardSeats.id, seatId), input.version, { termEnd: outgoingEnd, endReason: input.reason, handoverNote: input.handoverNote }, "seat");
    const row = {
      id: crypto.randomUUID(),
      partnershipId,
      userId: input.userId,
      organisationId: seat.organisationId,
      boardRole: seat.boardRole,
      jobTitle: input.jobTitle,
      seniority: input.seniority,
      hasVote: seat.hasVote,
      delegatedAuthorityGbp: seat.delegatedAuthorityGbp,
      termStart: input.startDate,
      termEnd: input.termEnd,
      deputyForSeatId: seat.deputyForSeatId,
      succeedsSeatId: seat.id,
    };
    const problem =
      (await personInPartnership(tx, partnershipId, input.userId, "userId")) ??
      (await seatConflicts(tx, partnershipId, row));
    // Refusing here rolls back the outgoing holder's change too: nothing is half-saved.
    if (problem) refuse(problem);
    const [inserted] = await tx.insert(boardSeats).values(row).returning();
    // Deputies who stood in for the outgoing holder now stand in for the seat's new holder.
    const moved = await tx
      .update(boardSeats)
      .set({ deputyForSeatId: row.id })
      .where(and(eq(boardSeats.deputyForSeatId, seat.id), eq(boardSeats.partnershipId, partnershipId)))
      .returning({ id: boardSeats.id });
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "board_seat.end",
      entityId: seat.id,
      partnershipId,
      before: { termEnd: seat.termEnd },
      after: { termEnd: outgoingEnd, succeededBy: row.id, handoverNote: input.handoverNote ? "recorded" : null },
      reason: input.reason,
    });
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "board_seat.create",
      entityId: row.id,
      partnershipId,
      after: { ...seatAudit(inserted), deputiesMoved: moved.map((m) => m.id) },
      reason: input.reason,
    });
    return ok(row.id);
  });
}

/** A member's page: the seat, who may stand in for them, who held it before and after, their other seats and how it meets the terms in force. */
export async function loadSeatPage(db: Db, scope: PartnershipScope, seatId: string, today: string) {
  const partnershipId = scope.partnership.id;
  const [seats, partners] = await Promise.all([listSeats(db, partnershipId), listPartnersForRules(db, partnershipId)]);
  const seat = seats.find((s) => s.id === seatId);
  if (!seat) return undefined;
  const onDate = isSeatCurrent(seat, today) ? today : seat.termEnd && seat.termEnd < today ? seat.termEnd : seat.termStart;
  const terms = await termsInForce(db, partnershipId, onDate);
  const partner = partners.find((x) => x.organisationId === seat.organisationId);
  const rulesSeat = toRuleSeat(seat);
  const principalSeat = seat.deputyForSeatId ? seats.find((s) => s.id === seat.deputyForSeatId) : undefined;
  return {
    seat: { ...seat, current: isSeatCurrent(seat, today) },
    judgedOn: onDate,
    termsVersion: terms?.versionNumber ?? null,
    shortfalls: terms ? seniorityShortfalls(rulesSeat, partner, terms.rules.seniority).map((s) => s.requirement) : [],
    delegation: principalSeat ? deputyStatus(rulesSeat, toRuleSeat(principalSeat), today) : null,
    deputies: seats
      .filter((s) => s.deputyForSeatId === seat.id)
      .map((d) => ({ ...d, status: deputyStatus(toRuleSeat(d), rulesSeat, today) })),
    predecessor: seats.find((s) => s.id === seat.succeedsSeatId) ?? null,
    successor: seats.find((s) => s.succeedsSeatId === seat.id) ?? null,
    otherSeats: seats.filter((s) => s.userId === seat.userId && s.id !== seat.id),
    canEdit: scope.canOn("seat:edit", seatOwner(seat)),
    canNameDeputy: representativeBoardRoles.includes(seat.boardRole) && scope.canOn("seat:create", { organisationIds: [seat.organisationId], userId: null, deputy: true }),
  };
}

/** What the "add a seat" form offers this user: managers any seat, a representative only deputies for their own organisation. */
export async function loadSeatFormChoices(db: Db, scope: PartnershipScope, today: string) {
  const partnershipId = scope.partnership.id;
  const [people, seats, partners] = await Promise.all([
    listPeopleInPartnership(db, partnershipId),
    listSeats(db, partnershipId),
    listPartnersForRules(db, partnershipId),
  ]);
  const manager = scope.permissions.has("partnership:manage");
  const mayActFor = (organisationId: string) => scope.canOn("seat:create", { organisationIds: [organisationId], userId: null, deputy: true });
  return {
    manager,
    people,
    organisations: partners.filter((x) => (x.leftOn === null || x.leftOn >= today) && mayActFor(x.organisationId)).map((x) => ({ id: x.organisationId, name: x.name })),
    members: seats
      .filter((s) => representativeBoardRoles.includes(s.boardRole) && isSeatCurrent(s, today) && mayActFor(s.organisationId))
      .map((s) => ({ id: s.id, label: `${s.personName} (${s.organisationName})`, organisationId: s.organisationId })),
  };
}

/** A seat for its forms (the guard has found it and checked who may change it). */
export async function seatForForm(db: Db, partnershipId: string, seatId: string) {
  const seat = (await listSeats(db, partnershipId)).find((s) => s.id === seatId);
  if (!seat) notFound("That seat is not on this partnership's board register.");
  return seat;
}

/** The most senior current board member for a partner: highest officer tier, then chair, vice-chair, member. */
export function mostSeniorMember(seats: readonly SeatRow[], organisationId: string, onDate: string) {
  const rank = (t: SeniorityTier) => {
    const i = (officerTiers as readonly string[]).indexOf(t);
    return i < 0 ? officerTiers.length : i;
  };
  const roleRank = (r: string) => ["chair", "vice_chair", "member"].indexOf(r);
  return seats
    .filter((s) => s.organisationId === organisationId && isSeatCurrent(s, onDate) && roleRank(s.boardRole) >= 0)
    .sort((a, b) => rank(a.seniority) - rank(b.seniority) || roleRank(a.boardRole) - roleRank(b.boardRole))[0];
}
