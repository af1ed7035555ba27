import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { callIns, callInSignatures, decisions } from "../../../db/schema";
import { addWorkingDays } from "../../platform/time/working-days";
import { isReminderDue } from "../notifications/public";
import { appLink, listRoleHolders, officersOf, peopleById, type PartnershipRow, type ReminderMessage } from "../notifications/public.server";
import { termsInForce } from "../register/public.server";
import { considerBy, reconsiderBy } from "./rules/call-in";

// Call-in's deadlines, through the reminders machinery (exactly once each):
// the chair and secretariat three working days before the committee must
// consider a called-in decision, or the board reconsider one referred back;
// on the first working day after a missed deadline, they and the scrutiny
// members who signed it.

const DAYS_BEFORE = 3;

export async function callInMessages(db: Db, p: PartnershipRow, now: Date): Promise<ReminderMessage[]> {
  const open = await db
    .select({ id: callIns.id, status: callIns.status, calledInOn: callIns.calledInOn, consideredOn: callIns.consideredOn, decisionId: decisions.id, reference: decisions.reference, title: decisions.title, decidedOn: decisions.decidedOn })
    .from(callIns)
    .innerJoin(decisions, eq(decisions.id, callIns.decisionId))
    .where(and(eq(callIns.partnershipId, p.id), inArray(callIns.status, ["called_in", "referred_back"])));
  if (open.length === 0) return [];
  type Planned = { row: (typeof open)[number]; stage: string; deadline: string; overdue: boolean };
  const planned: Planned[] = [];
  for (const row of open) {
    const terms = row.decidedOn ? await termsInForce(db, p.id, row.decidedOn) : undefined;
    if (!terms) continue;
    const consider = row.status === "called_in";
    const from = consider ? row.calledInOn : row.consideredOn;
    if (!from) continue;
    const deadline = consider ? considerBy(terms.rules.callIn, from) : reconsiderBy(terms.rules.callIn, from);
    const step = consider ? "consider" : "reconsider";
    if (isReminderDue(addWorkingDays(deadline, -DAYS_BEFORE), now)) planned.push({ row, stage: `${step}_due`, deadline, overdue: false });
    if (isReminderDue(addWorkingDays(deadline, 1), now)) planned.push({ row, stage: `${step}_overdue`, deadline, overdue: true });
  }
  if (planned.length === 0) return [];
  const officers = officersOf(await listRoleHolders(db, p.id));
  const signers = await db.select({ callInId: callInSignatures.callInId, userId: callInSignatures.userId }).from(callInSignatures).where(inArray(callInSignatures.callInId, [...new Set(planned.map((x) => x.row.id))]));
  const people = await peopleById(db, [...new Set([...officers, ...signers.map((s) => s.userId)])]);
  const messages: ReminderMessage[] = [];
  for (const { row, stage, deadline, overdue } of planned) {
    const to = overdue ? [...new Set([...officers, ...signers.filter((s) => s.callInId === row.id).map((s) => s.userId)])] : officers;
    const consider = stage.startsWith("consider");
    for (const userId of to) {
      const person = people.get(userId);
      if (!person) continue;
      messages.push({
        kind: "call_in",
        partnershipId: p.id,
        subjectId: row.id,
        periodKey: deadline,
        stage,
        recipient: person,
        urgent: overdue,
        template: "governance-reminder",
        subject: `${p.shortName}: decision ${row.reference} ${consider ? "to be considered by scrutiny" : "to be reconsidered by the board"}${overdue ? ", now overdue" : ""}`,
        props: {
          recipientName: person.name,
          partnershipName: p.name,
          kind: `call_in_${stage}`,
          subject: `Decision ${row.reference}, “${row.title}”,`,
          date: deadline,
          link: appLink(`/p/${p.slug}/decisions/${row.decisionId}`),
          reason: officers.includes(userId) ? `You chair or run the secretariat of ${p.name}.` : "You signed the call-in.",
        },
      });
    }
  }
  return messages;
}
