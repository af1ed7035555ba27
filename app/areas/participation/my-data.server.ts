import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../../db/client";
import { consultationQuestions, consultations, contributions, participationConsents, portalCodes, portalSessions, safeguardingMessages, youngPeople } from "../../../db/schema/participation";
import { appendAudit } from "../../audit/append.server";
import { fail, ok, transact } from "../../platform/write-result";
import type { PortalPerson } from "./accounts.server";

// A young person's rights over their data, from the portal: see and download
// everything held about them, and delete their account.

/** Everything held about a young person, in the form they download. */
export async function everythingAbout(db: Queryable, person: PortalPerson) {
  const [me] = await db.select().from(youngPeople).where(eq(youngPeople.id, person.id));
  const [consents, answers, messages] = await Promise.all([
    db.select().from(participationConsents).where(eq(participationConsents.youngPersonId, person.id)).orderBy(asc(participationConsents.givenAt)),
    db
      .select({ kind: contributions.kind, consultation: consultations.title, question: consultationQuestions.text, text: contributions.text, status: contributions.status, note: contributions.moderationNote, response: contributions.response, sentAt: contributions.submittedAt, anonymous: contributions.anonymous })
      .from(contributions)
      .leftJoin(consultations, eq(consultations.id, contributions.consultationId))
      .leftJoin(consultationQuestions, eq(consultationQuestions.id, contributions.questionId))
      .where(eq(contributions.youngPersonId, person.id))
      .orderBy(asc(contributions.submittedAt)),
    db.select({ text: safeguardingMessages.text, sentAt: safeguardingMessages.sentAt }).from(safeguardingMessages).where(eq(safeguardingMessages.youngPersonId, person.id)),
  ]);
  return {
    account: { portalName: me.displayName, ageGroup: me.ageBand, joined: me.joinedAt?.toISOString() ?? null, placeAdded: me.createdAt.toISOString(), closesOn: me.closesOn },
    consents: consents.map((c) => ({ what: c.scope, givenBy: c.givenBy, given: c.givenAt.toISOString(), takenBack: c.withdrawnAt?.toISOString() ?? null })),
    answers: answers.map((a) => ({ ...a, sentAt: a.sentAt.toISOString() })),
    messagesToTheSafeguardingLead: messages.map((m) => ({ text: m.text, sentAt: m.sentAt.toISOString() })),
    notHeld: "We do not hold your real name, email, phone number, date of birth, address or location. Your passphrase is stored scrambled so that nobody can read it.",
  };
}

/**
 * Deletes a young person's account: their place, display name, passphrase,
 * consents, sessions, codes and everything they wrote. The audit trail keeps
 * its events (they name nobody, only the place's id) and still verifies.
 * Messages to the safeguarding lead are kept, no longer linked to them:
 * safeguarding records must outlive the account (docs/decisions/0016).
 */
export async function eraseYoungPerson(db: Db, person: PortalPerson) {
  return transact(db, async (tx) => {
    const removed = await tx.delete(contributions).where(eq(contributions.youngPersonId, person.id)).returning({ id: contributions.id });
    const gone = await tx.delete(youngPeople).where(eq(youngPeople.id, person.id)).returning({ id: youngPeople.id });
    if (gone.length === 0) return fail("form", "This account has already been deleted.");
    await appendAudit(tx, { action: "young_person.erased", actorUserId: null, entityId: person.id, partnershipId: person.partnershipId, after: { contributions: removed.length } });
    return ok(null);
  });
}

/**
 * Closes the accounts whose closing date (the day they pass the partnership's
 * upper age, recorded by their worker) has come. The portal has told them
 * for 30 days and offered their data to download; now their portal name,
 * passphrase, consents, sessions, codes and everything they wrote are
 * deleted. The place stays, closed and nameless, so the worker's list and
 * past activities' counts stay true. Run by the scheduler's pass: each
 * account closes once however many passes run at once.
 */
export async function closeAccountsAtUpperAge(db: Db, today: string) {
  const due = await db
    .select({ id: youngPeople.id })
    .from(youngPeople)
    .where(and(lte(youngPeople.closesOn, today), inArray(youngPeople.status, ["invited", "active"])));
  let closed = 0;
  for (const { id } of due) {
    const result = await transact(db, async (tx) => {
      const [person] = await tx
        .select({ partnershipId: youngPeople.partnershipId, closesOn: youngPeople.closesOn, status: youngPeople.status })
        .from(youngPeople)
        .where(eq(youngPeople.id, id))
        .for("update");
      // Another pass closed it first, or the worker moved the date.
      if (!person || !person.closesOn || person.closesOn > today || (person.status !== "invited" && person.status !== "active")) return ok(false);
      const removed = await tx.delete(contributions).where(eq(contributions.youngPersonId, id)).returning({ id: contributions.id });
      await tx.delete(participationConsents).where(eq(participationConsents.youngPersonId, id));
      await tx.delete(portalSessions).where(eq(portalSessions.youngPersonId, id));
      await tx.delete(portalCodes).where(eq(portalCodes.youngPersonId, id));
      await tx.update(safeguardingMessages).set({ youngPersonId: null }).where(eq(safeguardingMessages.youngPersonId, id));
      await tx
        .update(youngPeople)
        .set({ status: "closed", displayName: null, passphraseHash: null, closedAt: new Date(), version: sql`${youngPeople.version} + 1` })
        .where(eq(youngPeople.id, id));
      await appendAudit(tx, { action: "young_person.closed", actorUserId: null, entityId: id, partnershipId: person.partnershipId, after: { closesOn: person.closesOn, contributions: removed.length } });
      return ok(true);
    });
    if (result.ok && result.value) closed++;
  }
  return { closed };
}
