import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { termsOfReference } from "../../../db/schema";
import { addDays, londonDate } from "../../platform/time/dates";
import { possessive } from "../../platform/text/english";
import { governanceMessages, listRoleHolders, officersOf, type GovernanceCandidate, type PartnershipRow, type ReminderMessage } from "../notifications/public.server";
import { isSeatCurrent } from "./rules/board-rules";
import { listSeats } from "./board.server";

/** Terms reviews, board terms ending and deputies lapsing: the chair and secretariat hear, with the people concerned. */
export async function registerMessages(db: Db, p: PartnershipRow, now: Date): Promise<ReminderMessage[]> {
  const today = londonDate(now);
  const [roles, seats, terms] = await Promise.all([
    listRoleHolders(db, p.id),
    listSeats(db, p.id),
    db.select().from(termsOfReference).where(and(eq(termsOfReference.partnershipId, p.id), eq(termsOfReference.status, "approved"), isNotNull(termsOfReference.reviewDate))),
  ]);
  const officers = officersOf(roles);
  const candidates: GovernanceCandidate[] = [];
  for (const t of terms) {
    for (const [stage, offset] of [["review_in_30_days", -30], ["review_due", 0]] as const)
      candidates.push({ kind: "terms_review", subjectId: t.id, periodKey: t.reviewDate!, stage, sendOn: addDays(t.reviewDate!, offset), to: officers, subject: `Version ${t.versionNumber} of the terms of reference`, date: t.reviewDate!, path: `/p/${p.slug}/terms` });
  }
  for (const s of seats) {
    if (!s.termEnd || !isSeatCurrent(s, addDays(today, -1))) continue;
    if (s.boardRole === "deputy") {
      const principal = seats.find((x) => x.id === s.deputyForSeatId);
      candidates.push({ kind: "deputy_lapsing", subjectId: s.id, periodKey: s.termEnd, stage: "lapses_in_14_days", sendOn: addDays(s.termEnd, -14), to: [s.userId, principal?.userId ?? "", ...officers].filter(Boolean), subject: `${possessive(s.personName)} delegation as deputy for ${s.deputyForName ?? "a member"}`, date: s.termEnd, path: `/p/${p.slug}/board/${s.id}` });
      continue;
    }
    for (const [stage, offset] of [["ends_in_60_days", -60], ["ends_in_14_days", -14]] as const)
      candidates.push({ kind: "board_term_ending", subjectId: s.id, periodKey: s.termEnd, stage, sendOn: addDays(s.termEnd, offset), to: [s.userId, ...officers], subject: `${possessive(s.personName)} term as ${s.boardRole.replace(/_/g, " ")} for ${s.organisationName}`, date: s.termEnd, path: `/p/${p.slug}/board/${s.id}` });
  }
  return governanceMessages(db, p, now, candidates, officers);
}
