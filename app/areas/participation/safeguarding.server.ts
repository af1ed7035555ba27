import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "../../../db/client";
import { participationPolicies, safeguardingMessages } from "../../../db/schema/participation";
import { appendAudit } from "../../audit/append.server";
import { uuidv7 } from "../../platform/ids";
import { fail, ok, transact } from "../../platform/write-result";
import { appLink, deliverSoon, listRoleHolders, peopleById, recordReminders } from "../notifications/public.server";
import type { PartnershipScope } from "../../platform/guard.server";
import type { PortalPerson } from "./accounts.server";

// "Worried about something?": a message that goes only to the partnership's
// designated safeguarding lead (or, if none is named, its participation
// workers). The email says only that a message waits; the audit event says
// nothing about it but that one was sent, on the record of the message itself.

export const worriedSchema = z.object({
  message: z
    .string({ error: "Write what you are worried about" })
    .trim()
    .min(1, { error: "Write what you are worried about" })
    .max(4000, { error: "Your message must be 4,000 characters or fewer" }),
});

/** Who reads a partnership's messages: the designated lead, or its participation workers when none is named. */
export async function safeguardingReaders(db: Queryable, partnershipId: string): Promise<string[]> {
  const [policy] = await db.select({ lead: participationPolicies.safeguardingLeadUserId }).from(participationPolicies).where(eq(participationPolicies.partnershipId, partnershipId));
  if (policy?.lead) return [policy.lead];
  const holders = await listRoleHolders(db as Db, partnershipId);
  return [...new Set(holders.filter((h) => h.role === "participation_worker").map((h) => h.userId))];
}

export async function sendWorriedMessage(db: Db, person: PortalPerson, input: z.output<typeof worriedSchema>, partnership: { slug: string; name: string }, now = new Date()) {
  const result = await transact(db, async (tx) => {
    const readers = await safeguardingReaders(tx, person.partnershipId);
    if (readers.length === 0) return fail("message", "We could not send this. Please tell an adult you trust, or call Childline free on 0800 1111.");
    const id = uuidv7(now.getTime());
    await tx.insert(safeguardingMessages).values({ id, partnershipId: person.partnershipId, youngPersonId: person.id, text: input.message, sentToUserIds: readers, sentAt: now });
    const people = await peopleById(tx as unknown as Db, readers);
    const reason = `You received this because you are the designated safeguarding lead for young people's participation in ${partnership.name}.`;
    const recorded = await recordReminders(
      tx,
      [...people.values()].map((recipient) => ({
        kind: "safeguarding" as const,
        partnershipId: person.partnershipId,
        subjectId: id,
        periodKey: "-",
        stage: "alert",
        recipient,
        urgent: true,
        template: "safeguarding-alert",
        subject: `${partnership.name}: a young person has sent you a message`,
        props: { recipientName: recipient.name, partnershipName: partnership.name, link: appLink(`/p/${partnership.slug}/participation/safeguarding`), reason },
      })),
    );
    await appendAudit(tx, { action: "safeguarding.message_sent", actorUserId: null, entityId: id, partnershipId: person.partnershipId });
    return ok({ id, recorded });
  });
  if (result.ok) deliverSoon(db, result.value.recorded);
  return result;
}

/** The messages for the designated lead to read, newest first. */
export async function safeguardingInbox(db: Queryable, partnershipId: string) {
  return db
    .select({ id: safeguardingMessages.id, text: safeguardingMessages.text, sentAt: safeguardingMessages.sentAt, readAt: safeguardingMessages.readAt, youngPersonId: safeguardingMessages.youngPersonId })
    .from(safeguardingMessages)
    .where(eq(safeguardingMessages.partnershipId, partnershipId))
    .orderBy(desc(safeguardingMessages.sentAt));
}

export const leadSchema = z.object({ leadUserId: z.uuid({ error: "Choose the designated safeguarding lead" }) });

/** Names the partnership's designated safeguarding lead: an adult with a role in it. */
export async function setSafeguardingLead(db: Db, scope: PartnershipScope, input: z.output<typeof leadSchema>) {
  return transact(db, async (tx) => {
    const holders = await listRoleHolders(tx as unknown as Db, scope.partnership.id);
    if (!holders.some((h) => h.userId === input.leadUserId && h.role !== "young_person")) return fail("leadUserId", "Choose someone with a role in this partnership");
    const [before] = await tx.select({ lead: participationPolicies.safeguardingLeadUserId }).from(participationPolicies).where(eq(participationPolicies.partnershipId, scope.partnership.id));
    await tx
      .insert(participationPolicies)
      .values({ partnershipId: scope.partnership.id, safeguardingLeadUserId: input.leadUserId })
      .onConflictDoUpdate({ target: participationPolicies.partnershipId, set: { safeguardingLeadUserId: input.leadUserId, version: sql`${participationPolicies.version} + 1` } });
    await appendAudit(tx, { action: "participation_policy.safeguarding_lead", actorUserId: scope.user.id, entityId: scope.partnership.id, partnershipId: scope.partnership.id, before: { leadUserId: before?.lead ?? null }, after: { leadUserId: input.leadUserId } });
    return ok(null);
  });
}
