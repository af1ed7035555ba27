import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "../../../db/client";
import { activityParticipants, participationActivities, youngPeople } from "../../../db/schema/participation";
import { appendAudit } from "../../audit/append.server";
import { optionalText, requiredDate, requiredText } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import { uuidv7 } from "../../platform/ids";
import { fail, ok, transact } from "../../platform/write-result";
import { findDecision } from "../decisions/public.server";
import { participationPolicy } from "./accounts.server";
import { activityKinds } from "./rules/activities";
import { suppressCount, type ShownCount } from "./rules/suppression";

// Activities young people took part in, recorded by participation workers.

export const activitySchema = z.object({
  kind: z.enum(activityKinds, { error: "Choose what kind of activity it was" }),
  title: requiredText("Enter a title", 150, "The title"),
  heldOn: requiredDate("Enter the date it was held"),
  space: requiredText("Describe the space: how young people were given a safe place to give their views", 1000, "Space"),
  voice: requiredText("Describe the voice: how they were helped to say what they think", 1000, "Voice"),
  audience: requiredText("Describe the audience: who with the power to act listened", 1000, "Audience"),
  influence: requiredText("Describe the influence: what was done with their views", 1000, "Influence"),
  decisionReference: optionalText(40, "The decision reference"),
  participants: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid({ error: "Choose young people from the list" }))),
});

export async function recordActivity(db: Db, scope: PartnershipScope, input: z.output<typeof activitySchema>, today: string) {
  if (input.heldOn > today) return fail("heldOn", "Record an activity once it has happened: the date must be today or earlier");
  return transact(db, async (tx) => {
    const decision = input.decisionReference ? await findDecision(tx, scope.partnership.id, { reference: input.decisionReference }) : null;
    if (input.decisionReference && !decision) return fail("decisionReference", `There is no decision ${input.decisionReference} in this partnership's log`);
    const ids = [...new Set(input.participants)];
    if (ids.length) {
      const mine = await tx.select({ id: youngPeople.id }).from(youngPeople).where(and(eq(youngPeople.partnershipId, scope.partnership.id), inArray(youngPeople.id, ids)));
      if (mine.length !== ids.length) return fail("participants", "Choose young people from this partnership's list");
    }
    const id = uuidv7();
    const { participants: _p, decisionReference: _d, ...fields } = input;
    await tx.insert(participationActivities).values({ id, partnershipId: scope.partnership.id, ...fields, decisionId: decision?.id ?? null, createdBy: scope.user.id });
    if (ids.length) await tx.insert(activityParticipants).values(ids.map((youngPersonId) => ({ activityId: id, youngPersonId })));
    // Participants are counted, never listed, in the trail.
    await appendAudit(tx, { action: "activity.record", actorUserId: scope.user.id, entityId: id, partnershipId: scope.partnership.id, after: { kind: input.kind, title: input.title, heldOn: input.heldOn, participants: ids.length, decisionId: decision?.id ?? null } });
    return ok({ activityId: id });
  });
}

export type ActivityForAdults = {
  id: string;
  kind: string;
  title: string;
  heldOn: string;
  space: string;
  voice: string;
  audience: string;
  influence: string;
  decisionId: string | null;
  participants: ShownCount;
};

/** The partnership's activities, newest first, with how many took part as a suppressed count: what every adult may see. */
export async function activitiesForAdults(db: Queryable, partnershipId: string, limit: number | null = 20): Promise<ActivityForAdults[]> {
  const policy = await participationPolicy(db, partnershipId);
  const rows = await db
    .select({
      id: participationActivities.id,
      kind: participationActivities.kind,
      title: participationActivities.title,
      heldOn: participationActivities.heldOn,
      space: participationActivities.space,
      voice: participationActivities.voice,
      audience: participationActivities.audience,
      influence: participationActivities.influence,
      decisionId: participationActivities.decisionId,
      count: sql<number>`(select count(*)::int from ${activityParticipants} where ${activityParticipants.activityId} = ${participationActivities.id})`,
    })
    .from(participationActivities)
    .where(eq(participationActivities.partnershipId, partnershipId))
    .orderBy(desc(participationActivities.heldOn))
    .limit(limit ?? 100_000);
  return rows.map(({ count, ...r }) => ({ ...r, participants: suppressCount(count, policy.suppressionThreshold) }));
}
