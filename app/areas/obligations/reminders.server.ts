import type { Db } from "../../../db/client";
import { addDays, londonDate } from "../../platform/time/dates";
import { possessive } from "../../platform/text/english";
import { workingDaysBetween } from "../../platform/time/working-days";
import { appLink, listRoleHolders, peopleById, type PartnershipRow, type ReminderMessage } from "../notifications/public.server";
import { isSeatCurrent } from "../register/public";
import { listPartnersForRules, listSeats, mostSeniorMember } from "../register/public.server";
import { chasedFor, plannedObligationReminders } from "./rules/reminders";
import { listObligations, listResponsibles, owingPartners, reminderScheduleOf, submissionsByPeriod } from "./obligations.server";

// The obligations' reminder collector: each partner's returns, stage by stage.

/** Obligations: responsible people are chased at each stage; the escalation stage also goes to the chair and the partner's most senior member. */
export async function obligationMessages(db: Db, p: PartnershipRow, now: Date): Promise<ReminderMessage[]> {
  const today = londonDate(now);
  const [list, partners, seats, roles] = await Promise.all([listObligations(db, p.id), listPartnersForRules(db, p.id), listSeats(db, p.id), listRoleHolders(db, p.id)]);
  if (list.length === 0) return [];
  const [byPeriod, responsibles] = await Promise.all([submissionsByPeriod(db, list.map((o) => o.id), addDays(today, -400)), listResponsibles(db, list.map((o) => o.id))]);
  const latest = new Map([...byPeriod].map(([k, v]) => [k, v[v.length - 1].status]));
  const planned = plannedObligationReminders({
    obligations: list.map((o) => ({ ...o, organisationIds: owingPartners(o, partners, today).map((x) => x.organisationId) })),
    schedule: reminderScheduleOf(p),
    submissions: latest,
    now,
  });
  if (planned.length === 0) return [];
  // The chair on the register today, or failing that whoever holds the chair's role on the platform.
  const chairId = seats.find((s) => s.boardRole === "chair" && isSeatCurrent(s, today))?.userId ?? roles.find((r) => r.role === "chair")?.userId;
  const ids = new Set<string>([...responsibles.map((r) => r.userId), ...roles.map((r) => r.userId), ...seats.map((s) => s.userId)]);
  const people = await peopleById(db, [...ids]);
  const messages: ReminderMessage[] = [];
  for (const r of planned) {
    const o = list.find((x) => x.id === r.obligationId)!;
    const partner = partners.find((x) => x.organisationId === r.organisationId)!;
    const { userIds: chased, named } = chasedFor({ responsibles, roles, seats }, o.id, r.organisationId, today);
    const path = `/p/${p.slug}/obligations/${o.id}`;
    const base = { partnershipId: p.id, subjectId: `${o.id}:${r.organisationId}`, periodKey: r.period.key, stage: r.stage.key, facts: { organisationId: r.organisationId } };
    const stageName = r.stage.offset < 0 ? "due_soon" : r.stage.offset === 0 ? "due_today" : "overdue";
    for (const userId of chased) {
      const person = people.get(userId);
      if (!person) continue;
      messages.push({
        ...base,
        kind: "obligation",
        recipient: person,
        urgent: true,
        template: "obligation-reminder",
        subject: `${p.shortName}: ${o.title} for ${r.period.label} ${stageName === "overdue" ? "is overdue" : stageName === "due_today" ? "is due today" : "is due soon"}`,
        props: {
          recipientName: person.name,
          partnershipName: p.name,
          organisationName: partner.name,
          obligationTitle: o.title,
          periodLabel: r.period.label,
          dueDate: r.period.due,
          stage: stageName,
          daysLate: stageName === "overdue" ? workingDaysBetween(r.period.due, r.sendOn) : undefined,
          instructions: o.instructions,
          link: appLink(path),
          reason: named
            ? `You are named as responsible for this return for ${partner.name}.`
            : `You represent ${partner.name} in ${p.name}, and nobody is named as responsible for this return.`,
        },
      });
    }
    if (!r.stage.escalate) continue;
    const senior = mostSeniorMember(seats, r.organisationId, today);
    const escalateTo = [chairId, senior?.userId].filter((x): x is string => Boolean(x));
    for (const userId of new Set(escalateTo)) {
      const person = people.get(userId);
      if (!person) continue;
      messages.push({
        ...base,
        kind: "escalation",
        recipient: person,
        urgent: true,
        template: "escalation",
        subject: `${p.shortName}: ${possessive(partner.name)} ${o.title.toLowerCase()} for ${r.period.label} is late`,
        props: {
          recipientName: person.name,
          partnershipName: p.name,
          organisationName: partner.name,
          obligationTitle: o.title,
          periodLabel: r.period.label,
          dueDate: r.period.due,
          workingDaysLate: workingDaysBetween(r.period.due, r.sendOn),
          responsibleNames: [...new Set(chased)].map((id) => people.get(id)?.name).filter(Boolean),
          remindersSent: reminderScheduleOf(p).filter((s) => s.offset < r.stage.offset).length,
          link: appLink(path),
          reason: userId === chairId ? `You chair ${p.name}.` : `You are ${possessive(partner.name)} most senior member on the board of ${p.name}.`,
        },
      });
    }
  }
  return messages;
}

