import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { actions, meetings } from "../../../db/schema";
import { addDays, formatDate, londonDate } from "../../platform/time/dates";
import { appLink, listRoleHolders, peopleById, type PartnershipRow, type ReminderMessage } from "../notifications/public.server";
import { isReminderDue, reminderWindow } from "../notifications/public";

// The actions' reminder collector.

/** Actions: three days before they are due, and the day after they become overdue. Not urgent: digest if preferred. */
export async function actionMessages(db: Db, p: PartnershipRow, now: Date): Promise<ReminderMessage[]> {
  const { from, to } = reminderWindow(now);
  const rows = await db
    .select({ action: actions, meetingTitle: meetings.title, meetingStartsAt: meetings.startsAt })
    .from(actions)
    .leftJoin(meetings, eq(meetings.id, actions.meetingId))
    .where(and(eq(actions.partnershipId, p.id), eq(actions.status, "open"), sql`${actions.dueDate} between ${addDays(from, -1)} and ${addDays(to, 3)}`));
  if (rows.length === 0) return [];
  const roles = await listRoleHolders(db, p.id);
  const messages: ReminderMessage[] = [];
  const stages = [
    { key: "due_in_3_days", offset: -3, overdue: false },
    { key: "overdue", offset: 1, overdue: true },
  ];
  const owners = new Set<string>();
  for (const r of rows) {
    if (r.action.ownerUserId) owners.add(r.action.ownerUserId);
    else roles.filter((x) => x.role === "partner_rep" && x.organisationId === r.action.organisationId).forEach((x) => owners.add(x.userId));
  }
  const people = await peopleById(db, [...owners]);
  for (const r of rows) {
    for (const stage of stages) {
      if (!isReminderDue(addDays(r.action.dueDate, stage.offset), now)) continue;
      const to = r.action.ownerUserId ? [r.action.ownerUserId] : roles.filter((x) => x.role === "partner_rep" && x.organisationId === r.action.organisationId).map((x) => x.userId);
      for (const userId of to) {
        const person = people.get(userId);
        if (!person) continue;
        messages.push({
          kind: "action",
          partnershipId: p.id,
          subjectId: r.action.id,
          periodKey: r.action.dueDate,
          stage: stage.key,
          recipient: person,
          urgent: false,
          template: "action-reminder",
          subject: `${p.shortName}: action ${stage.overdue ? "overdue" : "due soon"}: ${r.action.title}`,
          props: {
            recipientName: person.name,
            partnershipName: p.name,
            actionTitle: r.action.title,
            dueDate: r.action.dueDate,
            overdue: stage.overdue,
            origin: r.meetingTitle && r.meetingStartsAt ? `${r.meetingTitle}, ${formatDate(londonDate(r.meetingStartsAt))}` : null,
            link: appLink(`/p/${p.slug}/actions/${r.action.id}`),
            reason: r.action.ownerUserId === userId ? "You own this action." : "You represent the partner responsible for this action.",
          },
        });
      }
    }
  }
  return messages;
}

