import { and, asc, eq, isNull, lte, or, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import { boardSeats, organisations, partnershipKeyDates, partnershipPartners, partnershipRoles, partnerships, termsOfReference, users } from "../../../db/schema";
import { isPartnerCurrent } from "../register/public";
import { formatDate } from "../../platform/time/dates";
import { defaultTermsRules, termsSectionsSchema } from "../register/public";
import { keyDateKinds, organisationTypes, partnerRoles, partnershipStatuses, partnershipTypes, type KeyDateKind, type OrganisationType, type PartnerRole } from "./rules/vocabulary";
import { optionalDate, optionalText, optionalWholeNumber, requiredDate, requiredText, uuidField, versionField } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import type { SessionUser } from "../../platform/request-context";
import { changedFields, conflict, fail, ok, refuse, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";

/** Partnerships the user belongs to (all of them for a platform administrator). */
export async function listMyPartnerships(db: Db, user: SessionUser) {
  const base = db
    .selectDistinct({
      id: partnerships.id,
      slug: partnerships.slug,
      name: partnerships.name,
      shortName: partnerships.shortName,
      type: partnerships.type,
      status: partnerships.status,
    })
    .from(partnerships);
  if (user.isPlatformAdmin) return base.orderBy(asc(partnerships.name));
  return base
    .innerJoin(partnershipRoles, eq(partnershipRoles.partnershipId, partnerships.id))
    .where(eq(partnershipRoles.userId, user.id))
    .orderBy(asc(partnerships.name));
}

export async function getLeadOrganisationName(db: Db, partnership: { leadOrganisationId: string | null }) {
  if (!partnership.leadOrganisationId) return null;
  const [lead] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, partnership.leadOrganisationId));
  return lead?.name ?? null;
}

export async function listKeyDates(db: Db, partnershipId: string) {
  const rows = await db.select().from(partnershipKeyDates).where(eq(partnershipKeyDates.partnershipId, partnershipId)).orderBy(asc(partnershipKeyDates.onDate));
  return rows.map((r) => ({ ...r, kind: r.kind as KeyDateKind }));
}

/** Every organisation that is or was a partner, with its exit record and how many seats it holds on a date. */
export async function listPartners(db: Db, partnershipId: string, onDate: string) {
  const rows = await db
    .select({
      id: partnershipPartners.id,
      organisationId: organisations.id,
      name: organisations.name,
      type: organisations.type,
      role: partnershipPartners.role,
      joinedOn: partnershipPartners.joinedOn,
      leftOn: partnershipPartners.leftOn,
      exitNoticeDate: partnershipPartners.exitNoticeDate,
      exitReason: partnershipPartners.exitReason,
      exitHandover: partnershipPartners.exitHandover,
      version: partnershipPartners.version,
      seatsOnDate: sql<number>`(select count(*)::int from ${boardSeats} where ${boardSeats.partnershipId} = ${partnershipId}
        and ${boardSeats.organisationId} = ${organisations.id} and ${boardSeats.termStart} <= ${onDate}
        and (${boardSeats.termEnd} is null or ${boardSeats.termEnd} >= ${onDate}))`,
    })
    .from(partnershipPartners)
    .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
    .where(eq(partnershipPartners.partnershipId, partnershipId))
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({
    ...r,
    type: r.type as OrganisationType,
    role: r.role as PartnerRole,
    current: isPartnerCurrent(r, onDate),
  }));
}
export type PartnerRow = Awaited<ReturnType<typeof listPartners>>[number];

export function listCurrentPartnerOrganisations(db: Db, partnershipId: string, onDate?: string) {
  const current = onDate
    ? and(lte(partnershipPartners.joinedOn, onDate), or(isNull(partnershipPartners.leftOn), gte(partnershipPartners.leftOn, onDate)))
    : isNull(partnershipPartners.leftOn);
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(partnershipPartners)
    .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
    .where(and(eq(partnershipPartners.partnershipId, partnershipId), current))
    .orderBy(asc(organisations.name));
}

export function listAllOrganisations(db: Db) {
  return db.select({ id: organisations.id, name: organisations.name, type: organisations.type }).from(organisations).orderBy(asc(organisations.name));
}

// -------------------------------------------------------- partnership details

export const partnershipDetailsSchema = z.object({
  version: versionField,
  name: requiredText("Enter the partnership's name", 200, "The name"),
  shortName: requiredText("Enter a short name, for example NELCP", 40, "The short name"),
  purpose: requiredText("Enter the partnership's purpose", 4000, "The purpose"),
  sharedVision: optionalText(4000, "The shared vision"),
  type: z.enum(partnershipTypes, { error: "Choose the type of partnership" }),
  status: z.enum(partnershipStatuses, { error: "Choose the partnership's status" }),
  startDate: requiredDate("Enter the date the partnership started"),
  termYears: optionalWholeNumber("The term", 1, 99),
  leadOrganisationId: uuidField("Choose the lead body"),
  leadAgreement: optionalText(4000, "The lead body's agreement"),
  reportsTo: optionalText(300, "Reports to"),
  scrutinyChairUserId: z.preprocess((v) => (v === undefined || v === "" ? null : v), z.uuid({ error: "Choose the committee's chair from the partnership's scrutiny members" }).nullable()),
  reason: optionalText(1000, "The reason"),
});
export type PartnershipDetailsInput = z.output<typeof partnershipDetailsSchema>;

/** The partnership's scrutiny members: who may chair the committee it reports to. */
export async function listScrutinyMembers(db: Db | Tx, partnershipId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(partnershipRoles)
    .innerJoin(users, eq(users.id, partnershipRoles.userId))
    .where(and(eq(partnershipRoles.partnershipId, partnershipId), eq(partnershipRoles.role, "scrutiny_member")))
    .orderBy(asc(users.name));
}

export async function updatePartnershipDetails(db: Db, scope: PartnershipScope, input: PartnershipDetailsInput): Promise<WriteResult> {
  const id = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [row] = await tx.select().from(partnerships).where(eq(partnerships.id, id));
    if (row.version !== input.version) return conflict("partnership");
    const lead = (await listCurrentPartnerOrganisations(tx, id)).find((o) => o.id === input.leadOrganisationId);
    if (!lead) return fail("leadOrganisationId", "Choose a lead body from the partnership's current partners");
    if (input.scrutinyChairUserId && !(await listScrutinyMembers(tx, id)).some((m) => m.id === input.scrutinyChairUserId))
      return fail("scrutinyChairUserId", "Choose the committee's chair from the partnership's scrutiny members");
    const { version: _v, reason, ...next } = input;
    const diff = changedFields(row, next);
    if (!diff.changed) return ok();
    await versionedUpdate(tx, partnerships, eq(partnerships.id, id), input.version, next, "partnership");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "partnership.update", entityId: id, partnershipId: id, ...diff, reason });
    return ok();
  });
}

// ------------------------------------------------------------------ key dates

export const keyDateSchema = z.object({
  kind: z.enum(keyDateKinds, { error: "Choose what kind of date this is" }),
  onDate: requiredDate("Enter the date"),
  description: requiredText("Describe the date, for example what the review covers", 500, "The description"),
});

export async function addKeyDate(db: Db, scope: PartnershipScope, input: z.output<typeof keyDateSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const row = { id: crypto.randomUUID(), partnershipId, ...input };
    await tx.insert(partnershipKeyDates).values(row);
    await appendAudit(tx, { actorUserId: scope.user.id, action: "key_date.create", entityId: row.id, partnershipId, after: input });
    return ok();
  });
}

export async function removeKeyDate(db: Db, scope: PartnershipScope, keyDateId: string): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [row] = await tx
      .delete(partnershipKeyDates)
      .where(and(eq(partnershipKeyDates.id, keyDateId), eq(partnershipKeyDates.partnershipId, partnershipId)))
      .returning();
    if (!row) return fail("form", "That date has already been removed");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "key_date.remove",
      entityId: row.id,
      partnershipId,
      before: { kind: row.kind, onDate: row.onDate, description: row.description },
    });
    return ok();
  });
}

// ------------------------------------------------------------------- partners

export const addPartnerSchema = z
  .object({
    organisationId: z.string().trim().optional().default(""),
    newOrganisationName: optionalText(200, "The organisation's name"),
    newOrganisationType: z.string().optional().default(""),
    role: z.enum(partnerRoles, { error: "Choose the organisation's role in the partnership" }),
    joinedOn: requiredDate("Enter the date the organisation joined"),
    reason: optionalText(1000, "The reason"),
  })
  // Runs even when other fields failed, so every problem with the form is reported at once.
  .superRefine((v, ctx) => {
    if (v.organisationId && v.newOrganisationName)
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Choose an existing organisation or name a new one, not both" });
    else if (!v.organisationId && !v.newOrganisationName)
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Choose an organisation, or enter the name of a new one" });
    else if (v.organisationId && !z.uuid().safeParse(v.organisationId).success)
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Choose an organisation from the list" });
    if (v.newOrganisationName && !(organisationTypes as readonly string[]).includes(v.newOrganisationType))
      ctx.addIssue({ code: "custom", path: ["newOrganisationType"], message: "Choose the new organisation's type" });
  }, { when: () => true });
export type AddPartnerInput = z.output<typeof addPartnerSchema>;

export async function addPartner(db: Db, scope: PartnershipScope, input: AddPartnerInput): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    let organisationId = input.organisationId;
    if (input.newOrganisationName) {
      const [existing] = await tx.select().from(organisations).where(sql`lower(${organisations.name}) = lower(${input.newOrganisationName})`);
      if (existing) return fail("newOrganisationName", `${existing.name} is already known: choose it from the list instead`);
      organisationId = crypto.randomUUID();
      const org = { id: organisationId, name: input.newOrganisationName, type: input.newOrganisationType };
      await tx.insert(organisations).values(org);
      await appendAudit(tx, { actorUserId: scope.user.id, action: "organisation.create", entityId: org.id, after: { name: org.name, type: org.type } });
    } else {
      const [org] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
      if (!org) return fail("organisationId", "Choose an organisation from the list");
    }
    const [already] = await tx
      .select()
      .from(partnershipPartners)
      .where(and(eq(partnershipPartners.partnershipId, partnershipId), eq(partnershipPartners.organisationId, organisationId)));
    if (already)
      return fail(
        "organisationId",
        already.leftOn ? `That organisation left on ${formatDate(already.leftOn)}; its record is kept in the partnership's history` : "That organisation is already a partner",
      );
    const row = { id: crypto.randomUUID(), partnershipId, organisationId, role: input.role, joinedOn: input.joinedOn };
    await tx.insert(partnershipPartners).values(row);
    await appendAudit(tx, { actorUserId: scope.user.id, action: "partner.join", entityId: row.id, partnershipId, after: row, reason: input.reason });
    return ok(row.id);
  });
}

export const editPartnerSchema = z.object({
  version: versionField,
  role: z.enum(partnerRoles, { error: "Choose the organisation's role in the partnership" }),
  joinedOn: requiredDate("Enter the date the organisation joined"),
  reason: optionalText(1000, "The reason"),
});

export async function updatePartner(db: Db, scope: PartnershipScope, partnerId: string, input: z.output<typeof editPartnerSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [row] = await tx.select().from(partnershipPartners).where(and(eq(partnershipPartners.id, partnerId), eq(partnershipPartners.partnershipId, partnershipId)));
    if (!row) return fail("form", "That organisation is not a partner here");
    if (row.version !== input.version) return conflict("partner");
    if (row.leftOn && input.joinedOn > row.leftOn) return fail("joinedOn", `The organisation left on ${formatDate(row.leftOn)}: it must have joined before then`);
    const next = { role: input.role, joinedOn: input.joinedOn };
    const diff = changedFields(row, next);
    if (!diff.changed) return ok();
    await versionedUpdate(tx, partnershipPartners, eq(partnershipPartners.id, partnerId), input.version, next, "partner");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "partner.update", entityId: partnerId, partnershipId, ...diff, reason: input.reason });
    return ok();
  });
}

export const partnerExitSchema = z.object({
  version: versionField,
  exitNoticeDate: optionalDate("The date notice was given"),
  leftOn: requiredDate("Enter the last day the organisation is a partner"),
  exitReason: requiredText("Say why the organisation is leaving", 2000, "The reason"),
  exitHandover: optionalText(5000, "The handover arrangements"),
});

/**
 * Records a partner leaving. The partner stays in the partnership's history;
 * its seats still open after its last day end on that day, in the same transaction.
 */
export async function recordPartnerExit(db: Db, scope: PartnershipScope, partnerId: string, input: z.output<typeof partnerExitSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [row] = await tx.select().from(partnershipPartners).where(and(eq(partnershipPartners.id, partnerId), eq(partnershipPartners.partnershipId, partnershipId)));
    if (!row) return fail("form", "That organisation is not a partner here");
    if (row.version !== input.version) return conflict("partner");
    if (row.leftOn) return fail("form", `This organisation's exit was already recorded (last day ${formatDate(row.leftOn)})`);
    if (input.leftOn < row.joinedOn) return fail("leftOn", `The organisation joined on ${formatDate(row.joinedOn)}: it cannot leave before then`);
    if (input.exitNoticeDate && input.exitNoticeDate > input.leftOn) return fail("exitNoticeDate", "Notice must be given on or before the last day");
    if (scope.partnership.leadOrganisationId === row.organisationId)
      return fail("form", "This organisation is the lead body: choose another lead body in the partnership's details first");
    const next = { leftOn: input.leftOn, exitNoticeDate: input.exitNoticeDate, exitReason: input.exitReason, exitHandover: input.exitHandover };
    await versionedUpdate(tx, partnershipPartners, eq(partnershipPartners.id, partnerId), input.version, next, "partner");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "partner.leave",
      entityId: partnerId,
      partnershipId,
      before: { leftOn: null },
      after: next,
      reason: input.exitReason,
    });
    const openSeats = await tx
      .select()
      .from(boardSeats)
      .where(and(eq(boardSeats.partnershipId, partnershipId), eq(boardSeats.organisationId, row.organisationId)));
    for (const seat of openSeats) {
      if (seat.termEnd !== null && seat.termEnd <= input.leftOn) continue;
      if (seat.termStart > input.leftOn)
        refuse(fail("leftOn", `A seat for this organisation starts on ${formatDate(seat.termStart)}, after that date: end or change it first`));
      await versionedUpdate(tx, boardSeats, eq(boardSeats.id, seat.id), seat.version, { termEnd: input.leftOn, endReason: "The organisation left the partnership" }, "seat");
      await appendAudit(tx, {
        actorUserId: scope.user.id,
        action: "board_seat.end",
        entityId: seat.id,
        partnershipId,
        before: { termEnd: seat.termEnd },
        after: { termEnd: input.leftOn },
        reason: "The organisation left the partnership",
      });
    }
    return ok();
  });
}

// ------------------------------------------------------- new partnerships

export const newPartnershipSchema = z.object({
  name: requiredText("Enter the partnership's name", 200, "The name"),
  shortName: requiredText("Enter a short name, for example NELCP", 40, "The short name"),
  slug: z
    .string({ error: "Enter a web address name" })
    .trim()
    .min(1, { error: "Enter a web address name, for example north-east-london" })
    .max(60, { error: "The web address name must be 60 characters or fewer" })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "Use lower-case letters, numbers and single hyphens only, for example north-east-london" }),
  purpose: requiredText("Enter the partnership's purpose", 4000, "The purpose"),
  type: z.enum(partnershipTypes, { error: "Choose the type of partnership" }),
  startDate: requiredDate("Enter the date the partnership starts"),
  leadOrganisationName: requiredText("Enter the lead body's name", 200, "The lead body's name"),
  leadOrganisationType: z.enum(organisationTypes, { error: "Choose the lead body's type" }),
});
export type NewPartnershipInput = z.output<typeof newPartnershipSchema>;

/**
 * A platform administrator creates a partnership with its lead body as the
 * first partner and a first draft of terms of reference to work on; the
 * administrator then invites its first chair.
 */
export async function createPartnership(db: Db, admin: SessionUser, input: NewPartnershipInput): Promise<WriteResult<string>> {
  return transact(db, async (tx: Tx) => {
    const [taken] = await tx.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, input.slug));
    if (taken) return fail("slug", "Another partnership already uses that web address name");
    let [lead] = await tx.select().from(organisations).where(sql`lower(${organisations.name}) = lower(${input.leadOrganisationName})`);
    if (!lead) {
      lead = { id: crypto.randomUUID(), name: input.leadOrganisationName, type: input.leadOrganisationType, createdAt: new Date() };
      await tx.insert(organisations).values({ id: lead.id, name: lead.name, type: lead.type });
      await appendAudit(tx, { actorUserId: admin.id, action: "organisation.create", entityId: lead.id, after: { name: lead.name, type: lead.type } });
    }
    const id = crypto.randomUUID();
    const row = {
      id,
      slug: input.slug,
      name: input.name,
      shortName: input.shortName,
      purpose: input.purpose,
      type: input.type,
      status: "forming",
      startDate: input.startDate,
      leadOrganisationId: lead.id,
    };
    await tx.insert(partnerships).values(row);
    await appendAudit(tx, { actorUserId: admin.id, action: "partnership.create", entityId: id, partnershipId: id, after: row });
    const partner = { id: crypto.randomUUID(), partnershipId: id, organisationId: lead.id, role: "lead_authority", joinedOn: input.startDate };
    await tx.insert(partnershipPartners).values(partner);
    await appendAudit(tx, { actorUserId: admin.id, action: "partner.join", entityId: partner.id, partnershipId: id, after: partner });
    const terms = {
      id: crypto.randomUUID(),
      partnershipId: id,
      versionNumber: 1,
      status: "draft",
      sections: termsSectionsSchema.parse({ purpose: input.purpose }),
      rules: defaultTermsRules,
      createdBy: admin.id,
    };
    await tx.insert(termsOfReference).values(terms);
    await appendAudit(tx, { actorUserId: admin.id, action: "terms_of_reference.draft", entityId: terms.id, partnershipId: id, after: { versionNumber: 1, basedOn: null } });
    return ok(input.slug);
  });
}

export async function getPartner(db: Db, partnershipId: string, partnerId: string, onDate: string) {
  const partners = await listPartners(db, partnershipId, onDate);
  return partners.find((x) => x.id === partnerId);
}
