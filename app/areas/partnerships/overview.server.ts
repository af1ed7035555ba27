import type { Db } from "../../../db/client";
import type { ProblemItem } from "../register/public";
import type { partnerships } from "../../../db/schema";
import { boardOnDate, listSeats, partnershipProblems } from "../register/public.server";
import { getLeadOrganisationName, listKeyDates, listPartners } from "./partnerships.server";
import { termsInForce } from "../register/public.server";


/** Everything the partnership's overview page shows, for a date. */
export async function loadPartnershipOverview(db: Db, partnership: typeof partnerships.$inferSelect, today: string) {
  const slug = partnership.slug;
  const [leadOrganisation, partners, seats, keyDates, terms, problems] = await Promise.all([
    getLeadOrganisationName(db, partnership),
    listPartners(db, partnership.id, today),
    listSeats(db, partnership.id),
    listKeyDates(db, partnership.id),
    termsInForce(db, partnership.id, today),
    partnershipProblems(db, partnership.id, today),
  ]);
  const partnerIdByOrg = new Map(partners.map((p) => [p.organisationId, p.id]));
  const items: ProblemItem[] = [
    ...problems.terms.map((p) => ({ kind: p.kind, message: p.message, href: `/p/${slug}/terms` })),
    ...problems.board.map((p) => ({
      kind: p.kind,
      message: p.message,
      href: "seatId" in p ? `/p/${slug}/board/${p.seatId}` : partnerIdByOrg.has(p.organisationId) ? `/p/${slug}/partners/${partnerIdByOrg.get(p.organisationId)}` : null,
    })),
  ];
  return {
    leadOrganisation,
    partners,
    board: boardOnDate(seats, { onDate: today }),
    keyDates: keyDates.filter((d) => d.onDate >= today),
    termsVersion: terms?.versionNumber ?? null,
    problems: items,
  };
}
