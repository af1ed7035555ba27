import { and, eq, isNull, lte, or, gte } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { actions, boardSeats, declarationsOfInterest, decisionColumns, decisions, partnershipPartners, risks } from "../../db/schema";
import type { RecordOwner } from "./permissions";

// Who a record belongs to, for the guard: a record is looked up inside the
// partnership only, so an id from another partnership (or not an id at all)
// is simply not found.

/** A record the guard checks a permission on. */
export type RecordRef =
  | { seat: string }
  | { newSeat: { organisationId: string; deputy: boolean } }
  | { member: string }
  | { declaration: string }
  | { action: string }
  | { decision: string }
  | { risk: string }
  | { organisation: string };

const isId = (v: string) => z.uuid().safeParse(v).success;

/** The organisations a person sits on the board for, on a date. */
async function seatOrganisations(db: Db, partnershipId: string, userId: string, onDate: string) {
  const rows = await db
    .select({ organisationId: boardSeats.organisationId })
    .from(boardSeats)
    .where(and(eq(boardSeats.partnershipId, partnershipId), eq(boardSeats.userId, userId), lte(boardSeats.termStart, onDate), or(isNull(boardSeats.termEnd), gte(boardSeats.termEnd, onDate))));
  return [...new Set(rows.map((r) => r.organisationId))];
}

/** The owner of a record in a partnership, or null when the partnership has no such record. */
export async function recordOwner(db: Db, partnershipId: string, ref: RecordRef, today: string): Promise<RecordOwner | null> {
  if ("seat" in ref) {
    if (!isId(ref.seat)) return null;
    const [s] = await db.select().from(boardSeats).where(and(eq(boardSeats.id, ref.seat), eq(boardSeats.partnershipId, partnershipId)));
    return s ? { organisationIds: [s.organisationId], userId: s.userId, deputy: s.boardRole === "deputy" } : null;
  }
  if ("newSeat" in ref) {
    if (!isId(ref.newSeat.organisationId)) return { organisationIds: [], userId: null, deputy: ref.newSeat.deputy };
    const [p] = await db.select().from(partnershipPartners).where(and(eq(partnershipPartners.partnershipId, partnershipId), eq(partnershipPartners.organisationId, ref.newSeat.organisationId)));
    return { organisationIds: p ? [p.organisationId] : [], userId: null, deputy: ref.newSeat.deputy };
  }
  if ("member" in ref) {
    if (!isId(ref.member)) return { organisationIds: [], userId: null };
    return { organisationIds: await seatOrganisations(db, partnershipId, ref.member, today), userId: ref.member };
  }
  if ("declaration" in ref) {
    if (!isId(ref.declaration)) return null;
    const [d] = await db.select().from(declarationsOfInterest).where(and(eq(declarationsOfInterest.id, ref.declaration), eq(declarationsOfInterest.partnershipId, partnershipId)));
    return d ? { organisationIds: await seatOrganisations(db, partnershipId, d.userId, today), userId: d.userId } : null;
  }
  if ("action" in ref) {
    if (!isId(ref.action)) return null;
    const [a] = await db.select().from(actions).where(and(eq(actions.id, ref.action), eq(actions.partnershipId, partnershipId)));
    return a ? { organisationIds: a.organisationId ? [a.organisationId] : [], userId: a.ownerUserId } : null;
  }
  if ("decision" in ref) {
    if (!isId(ref.decision)) return null;
    const [d] = await db.select(decisionColumns).from(decisions).where(and(eq(decisions.id, ref.decision), eq(decisions.partnershipId, partnershipId)));
    return d ? { organisationIds: d.proposedByOrganisationId ? [d.proposedByOrganisationId] : [], userId: d.proposedBy } : null;
  }
  if ("risk" in ref) {
    if (!isId(ref.risk)) return null;
    const [r] = await db
      .select({ ownerUserId: risks.ownerUserId, ownerOrganisationId: risks.ownerOrganisationId })
      .from(risks)
      .where(and(eq(risks.id, ref.risk), eq(risks.partnershipId, partnershipId)));
    return r ? { organisationIds: [r.ownerOrganisationId], userId: r.ownerUserId } : null;
  }
  if (!isId(ref.organisation)) return { organisationIds: [], userId: null };
  const [p] = await db.select().from(partnershipPartners).where(and(eq(partnershipPartners.partnershipId, partnershipId), eq(partnershipPartners.organisationId, ref.organisation)));
  return { organisationIds: p ? [p.organisationId] : [], userId: null };
}
