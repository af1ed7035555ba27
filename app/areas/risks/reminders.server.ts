import { and, between, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { risks } from "../../../db/schema";
import { addDays } from "../../platform/time/dates";
import { appLink, listRoleHolders, peopleById, type PartnershipRow, type ReminderMessage } from "../notifications/public.server";
import { reminderWindow } from "../notifications/public";
import { liveRiskStatuses, plannedReviewReminders, riskStatuses, type RiskStatus } from "./public";

// The risk register's reminder collector: a risk's owner a week before its
// review date and on the day, the chair once it is overdue (the first working
// day after), each once, through the notifications area's exactly-once log.

/** Reviews whose reminders may fall in the scheduler's window: a week and a weekend before, a working day and a bank holiday weekend after. */
const EARLIEST = -6;
const LATEST = 11;

export async function riskReviewMessages(db: Db, p: PartnershipRow, now: Date): Promise<ReminderMessage[]> {
  const { from, to } = reminderWindow(now);
  const rows = await db
    .select({ id: risks.id, reference: risks.reference, title: risks.title, status: risks.status, nextReviewOn: risks.nextReviewOn, ownerUserId: risks.ownerUserId })
    .from(risks)
    .where(and(eq(risks.partnershipId, p.id), inArray(risks.status, [...liveRiskStatuses]), between(risks.nextReviewOn, addDays(from, EARLIEST), addDays(to, LATEST))));
  const planned = plannedReviewReminders({
    risks: rows.filter((r) => (riskStatuses as readonly string[]).includes(r.status)).map((r) => ({ id: r.id, status: r.status as RiskStatus, nextReviewDate: r.nextReviewOn })),
    now,
  });
  if (planned.length === 0) return [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chairs = (await listRoleHolders(db, p.id)).filter((x) => x.role === "chair").map((x) => x.userId);
  const people = await peopleById(db, [...new Set([...rows.map((r) => r.ownerUserId), ...chairs])]);
  const messages: ReminderMessage[] = [];
  for (const reminder of planned) {
    const risk = byId.get(reminder.riskId)!;
    const overdue = reminder.stage.recipient === "chair";
    for (const userId of overdue ? chairs : [risk.ownerUserId]) {
      const person = people.get(userId);
      if (!person) continue;
      messages.push({
        kind: "risk_review",
        partnershipId: p.id,
        subjectId: risk.id,
        periodKey: reminder.periodKey,
        stage: reminder.stage.key,
        recipient: person,
        urgent: false,
        template: "governance-reminder",
        subject: `${p.shortName}: risk ${risk.reference} ${overdue ? "review overdue" : "due for review"}`,
        props: {
          recipientName: person.name,
          partnershipName: p.name,
          kind: overdue ? "risk_review_overdue" : "risk_review_due",
          subject: `Risk ${risk.reference}, “${risk.title}”,`,
          date: risk.nextReviewOn,
          link: appLink(`/p/${p.slug}/risks/${risk.id}`),
          reason: overdue ? `You chair ${p.name}.` : "You own this risk.",
        },
      });
    }
  }
  return messages;
}
