import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { challenges } from "../../../db/schema";
import { addWorkingDays } from "../../platform/time/working-days";
import { isReminderDue } from "../notifications/public";
import { appLink, listRoleHolders, officersOf, peopleById, type PartnershipRow, type ReminderMessage } from "../notifications/public.server";
import { challengeKindLabels, escalatedOn, type ChallengeKind } from "./rules/challenges";

// Scrutiny's questions through the reminders machinery (exactly once each):
// the chair and secretariat three working days before an answer is due; on
// the first working day after a missed date the question is escalated to the
// lead body's people on the board, with the chair, secretariat and the
// scrutiny member who asked told too. A follow-up's new date is a new round.

const DAYS_BEFORE = 3;
/** Who speaks for the lead body: its people with a place at the board. */
const LEAD_BODY_ROLES = new Set(["chair", "vice_chair", "board_member", "partner_rep"]);

export async function challengeMessages(db: Db, p: PartnershipRow, now: Date): Promise<ReminderMessage[]> {
  const waiting = await db
    .select({ id: challenges.id, number: challenges.number, kind: challenges.kind, title: challenges.title, dueOn: challenges.dueOn, raisedBy: challenges.raisedBy })
    .from(challenges)
    .where(and(eq(challenges.partnershipId, p.id), inArray(challenges.status, ["awaiting_answer"])));
  const planned = waiting.flatMap((row) => [
    ...(isReminderDue(addWorkingDays(row.dueOn, -DAYS_BEFORE), now) ? [{ row, stage: "due" as const }] : []),
    ...(isReminderDue(escalatedOn(row.dueOn), now) ? [{ row, stage: "escalated" as const }] : []),
  ]);
  if (planned.length === 0) return [];
  const holders = await listRoleHolders(db, p.id);
  const officers = officersOf(holders);
  const leadBody = holders.filter((h) => h.organisationId !== null && h.organisationId === p.leadOrganisationId && LEAD_BODY_ROLES.has(h.role)).map((h) => h.userId);
  const people = await peopleById(db, [...new Set([...officers, ...leadBody, ...planned.map((x) => x.row.raisedBy)])]);
  const messages: ReminderMessage[] = [];
  for (const { row, stage } of planned) {
    const escalated = stage === "escalated";
    const to = escalated ? [...new Set([...officers, ...leadBody, row.raisedBy])] : officers;
    const label = `${challengeKindLabels[row.kind as ChallengeKind]} ${row.number}`;
    for (const userId of to) {
      const person = people.get(userId);
      if (!person) continue;
      messages.push({
        kind: "challenge",
        partnershipId: p.id,
        subjectId: row.id,
        periodKey: row.dueOn,
        stage,
        recipient: person,
        urgent: escalated,
        template: "governance-reminder",
        subject: `${p.shortName}: ${label.toLowerCase()} from scrutiny ${escalated ? "not answered on time, escalated to the lead body" : "to be answered"}`,
        props: {
          recipientName: person.name,
          partnershipName: p.name,
          kind: `challenge_${stage}`,
          subject: `${label}, “${row.title}”,`,
          date: row.dueOn,
          link: appLink(`/p/${p.slug}/scrutiny/challenges/${row.id}`),
          reason: officers.includes(userId)
            ? `You chair or run the secretariat of ${p.name}.`
            : userId === row.raisedBy
              ? "You asked it."
              : `You sit on the board for the partnership's lead body.`,
        },
      });
    }
  }
  return messages;
}
