import { eq, sql } from "drizzle-orm";
import { appendAudit, type AuditEventInput } from "../app/audit/append.server";
import type { AuditActionName } from "../app/audit/catalogue";
import type { Db, Tx } from "../db/client";
import {
  boardSeats,
  declarationsOfInterest,
  organisations,
  partnershipKeyDates,
  partnershipPartners,
  partnershipRoles,
  partnerships,
  termsOfReference,
  users,
} from "../db/schema";
import { termsRulesSchema, termsSectionsSchema } from "../app/areas/register/public";
import { hashPassword } from "../app/areas/identity/public.server";
import { seedMeetings } from "./seed-meetings";
import { seedObligations } from "./seed-obligations";
import { seedFunding } from "./seed-funding";
import { seedRisks } from "./seed-risks";
import { seedCallIn } from "./seed-call-ins";
import { seedChallenges } from "./seed-challenges";
import { seedActivities, seedConsultation, seedIdeas, seedYoungPeople } from "../app/areas/participation/public.server";
import { moveStory } from "./move-story";
import { appToday } from "../app/platform/clock.server";
import type { SeedData } from "./types";

const REASON = "Demo data";

async function passwordHashes(data: SeedData) {
  // One argon2 hash per distinct demo password keeps seeding quick.
  const byPassword = new Map<string, string>();
  for (const a of data.demoAccounts)
    if (!byPassword.has(a.password)) byPassword.set(a.password, await hashPassword(a.password));
  return new Map(data.demoAccounts.map((a) => [a.email, byPassword.get(a.password)!]));
}

async function ensureOrganisation(tx: Tx, o: SeedData["organisations"][number]) {
  const [found] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, o.name));
  if (found) return found.id;
  const id = crypto.randomUUID();
  await tx.insert(organisations).values({ id, name: o.name, type: o.type });
  await appendAudit(tx, { actorUserId: null, action: "organisation.create", entityId: id, after: { name: o.name, type: o.type }, reason: REASON });
  return id;
}

async function ensureUser(
  tx: Tx,
  u: { email: string; name: string; jobTitle: string | null; kind: "adult" | "young_person"; isPlatformAdmin: boolean; passwordHash: string | null },
) {
  const [found] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${u.email.toLowerCase()}`);
  if (found) return found.id;
  const id = crypto.randomUUID();
  await tx.insert(users).values({ id, ...u });
  await appendAudit(tx, { actorUserId: null, action: "user.create", entityId: id, after: { kind: u.kind, isPlatformAdmin: u.isPlatformAdmin }, reason: REASON });
  return id;
}

/**
 * Loads the demo data. Idempotent: organisations and people are matched by
 * name and email, partnerships by slug; a partnership that already exists is
 * left as it is, so running the seed twice changes nothing. The story is
 * dated to the app's today on the way in (see move-story.ts): the operations
 * it goes through judge what has happened by that same today.
 */
export async function seedDemoData(db: Db, story: SeedData) {
  const today = appToday();
  // Moved only when something is to be added, so a second run never depends on the calendar.
  const existing = new Set((await db.select({ slug: partnerships.slug }).from(partnerships)).map((r) => r.slug));
  const data = story.partnerships.every((p) => existing.has(p.slug)) ? story : moveStory(story, today);
  const hashes = await passwordHashes(data);
  return db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    for (const o of data.organisations) orgIds.set(o.key, await ensureOrganisation(tx, o));
    const org = (key: string) => {
      const id = orgIds.get(key);
      if (!id) throw new Error(`Seed data names unknown organisation "${key}"`);
      return id;
    };

    const userIds = new Map<string, string>();
    for (const p of data.people)
      userIds.set(
        p.email,
        await ensureUser(tx, {
          email: p.email,
          name: p.name,
          jobTitle: p.jobTitle,
          kind: "adult",
          isPlatformAdmin: data.platformAdmins.includes(p.email),
          passwordHash: hashes.get(p.email) ?? null,
        }),
      );
    const person = (email: string) => {
      const id = userIds.get(email);
      if (!id) throw new Error(`Seed data names unknown person "${email}"`);
      return id;
    };

    let created = 0;
    for (const p of data.partnerships) {
      const [exists] = await tx.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, p.slug));
      if (exists) continue;
      created += 1;
      const partnershipId = crypto.randomUUID();
      const row = {
        id: partnershipId,
        slug: p.slug,
        name: p.name,
        shortName: p.shortName,
        purpose: p.purpose,
        type: p.type,
        status: p.status,
        startDate: p.startDate,
        termYears: p.termYears,
        leadOrganisationId: org(p.leadOrgKey),
        leadAgreement: p.leadAgreement,
        reportsTo: p.reportsTo,
        scrutinyChairUserId: p.scrutinyChairEmail ? person(p.scrutinyChairEmail) : null,
        sharedVision: p.sharedVision,
        referencePrefix: p.referencePrefix,
      };
      await tx.insert(partnerships).values(row);
      const audit = <K extends AuditActionName>(action: K, entityId: string, after: AuditEventInput<K>["after"]) =>
        appendAudit(tx, { actorUserId: null, action, entityId, partnershipId, after, reason: REASON } as AuditEventInput<K>);
      await audit("partnership.create", partnershipId, row);

      for (const partner of p.partners) {
        const values = { id: crypto.randomUUID(), partnershipId, organisationId: org(partner.orgKey), role: partner.role, joinedOn: partner.joinedOn };
        await tx.insert(partnershipPartners).values(values);
        await audit("partner.join", values.id, values);
      }
      for (const d of p.keyDates) {
        const values = { id: crypto.randomUUID(), partnershipId, ...d };
        await tx.insert(partnershipKeyDates).values(values);
        await audit("key_date.create", values.id, d);
      }
      const seatIds = new Map<string, string>();
      const seatRef = (key: string | undefined) => {
        if (!key) return null;
        const id = seatIds.get(key);
        if (!id) throw new Error(`Seed seat refers to unknown or later seat "${key}"`);
        return id;
      };
      for (const seat of p.board) {
        const values = {
          id: crypto.randomUUID(),
          partnershipId,
          userId: person(seat.email),
          organisationId: org(seat.orgKey),
          boardRole: seat.boardRole,
          jobTitle: seat.jobTitle ?? data.people.find((x) => x.email === seat.email)?.jobTitle ?? "",
          seniority: seat.seniority,
          hasVote: seat.hasVote,
          termStart: seat.termStart,
          termEnd: seat.termEnd,
          deputyForSeatId: seatRef(seat.deputyFor),
          succeedsSeatId: seatRef(seat.succeeds),
          delegatedAuthorityGbp: seat.delegatedAuthorityGbp ?? null,
          endReason: seat.endReason ?? null,
          handoverNote: seat.handoverNote ?? null,
        };
        if (seat.key) seatIds.set(seat.key, values.id);
        await tx.insert(boardSeats).values(values);
        await audit("board_seat.create", values.id, values);
      }
      for (const [i, t] of p.terms.entries()) {
        const values = {
          id: crypto.randomUUID(),
          partnershipId,
          versionNumber: i + 1,
          status: t.status,
          sections: termsSectionsSchema.parse(t.sections),
          rules: termsRulesSchema.parse(t.rules),
          changeSummary: t.changeSummary,
          reviewDate: t.reviewDate,
          effectiveFrom: t.effectiveFrom,
          approvedAt: t.approvedAt ? new Date(t.approvedAt) : null,
          approvedBy: t.approvedByEmail ? person(t.approvedByEmail) : null,
          approvalNote: t.approvalNote,
        };
        await tx.insert(termsOfReference).values(values);
        await audit("terms_of_reference.create", values.id, { versionNumber: values.versionNumber, status: t.status, effectiveFrom: t.effectiveFrom });
      }
      for (const { email, ...declaration } of p.declarations) {
        const values = { id: crypto.randomUUID(), partnershipId, userId: person(email), ...declaration };
        await tx.insert(declarationsOfInterest).values(values);
        await audit("declaration.create", values.id, values);
      }
      const grants = [
        ...p.access.map((a) => ({ userId: person(a.email), role: a.role, organisationId: a.orgKey ? org(a.orgKey) : null })),
      ];
      for (const g of grants) {
        const values = { id: crypto.randomUUID(), partnershipId, ...g };
        await tx.insert(partnershipRoles).values(values);
        await audit("partnership_role.grant", values.id, values);
      }
      if (p.meetings) await seedMeetings(tx, { slug: p.slug, recorderEmail: p.meetings.recordedBy, meetings: p.meetings.list, orgIds, userIds });
      if (p.obligations) await seedObligations(tx, { slug: p.slug, recorderEmail: p.obligations.recordedBy, list: p.obligations.list, orgIds, userIds, today });
      if (p.risks) await seedRisks(tx, { slug: p.slug, register: p.risks, orgIds, userIds, today });
      if (p.callIn) await seedCallIn(tx, { slug: p.slug, callIn: p.callIn, today });
      if (p.challenges) await seedChallenges(tx, { slug: p.slug, list: p.challenges, today });
      if (p.funding) await seedFunding(tx, { slug: p.slug, funding: p.funding, orgIds, today });
      if (p.participation) {
        // Their places have passphrases nobody knows: the demo signs in as the portal's own account.
        const workerUserId = person(p.participation.workerEmail);
        const now = new Date();
        await seedYoungPeople(tx, { partnershipId, workerUserId, cohort: p.participation.cohort, passphraseHash: await hashPassword(crypto.randomUUID()), now, today: appToday() });
        await seedActivities(tx, { partnershipId, workerUserId, activities: p.participation.activities, now });
      }
      if (data.portal.partnershipSlug === p.slug)
      {
        const now = new Date();
        const workerUserId = person(data.portal.workerEmail);
        await seedYoungPeople(tx, { partnershipId, workerUserId, cohort: data.portal.cohort, passphraseHash: await hashPassword(data.portal.demoAccount.passphrase), now, today: appToday() });
        await seedConsultation(tx, { partnershipId, workerUserId, consultation: data.portal.consultation, now });
        await seedActivities(tx, { partnershipId, workerUserId, activities: data.portal.activities, now });
        await seedIdeas(tx, { partnershipId, workerUserId, ideas: data.portal.ideas, now });
      }
    }
    return { partnershipsCreated: created };
  });
}
