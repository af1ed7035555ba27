import { and, asc, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { boardSeats, organisations, partnershipPartners, partnershipRoles, partnerships, users } from "../../db/schema";
import type { SessionUser } from "./session.server";

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

export async function getPartnershipOverview(db: Db, partnershipId: string, onDate: string) {
  const [lead] = await db
    .select({ name: organisations.name })
    .from(partnerships)
    .innerJoin(organisations, eq(organisations.id, partnerships.leadOrganisationId))
    .where(eq(partnerships.id, partnershipId));
  const partners = await db
    .select({
      id: partnershipPartners.id,
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
  // The board as on the given date: seats whose term covers it.
  const board = await db
    .select({
      id: boardSeats.id,
      name: users.name,
      organisation: organisations.name,
      boardRole: boardSeats.boardRole,
      jobTitle: boardSeats.jobTitle,
      seniority: boardSeats.seniority,
      hasVote: boardSeats.hasVote,
      termStart: boardSeats.termStart,
      termEnd: boardSeats.termEnd,
    })
    .from(boardSeats)
    .innerJoin(users, eq(users.id, boardSeats.userId))
    .innerJoin(organisations, eq(organisations.id, boardSeats.organisationId))
    .where(
      and(
        eq(boardSeats.partnershipId, partnershipId),
        lte(boardSeats.termStart, onDate),
        or(isNull(boardSeats.termEnd), gte(boardSeats.termEnd, onDate)),
      ),
    )
    .orderBy(asc(organisations.name), asc(users.name));
  return { leadOrganisation: lead?.name ?? null, partners, board };
}

export function listCurrentPartnerOrganisations(db: Db, partnershipId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(partnershipPartners)
    .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
    .where(and(eq(partnershipPartners.partnershipId, partnershipId), isNull(partnershipPartners.leftOn)))
    .orderBy(asc(organisations.name));
}
