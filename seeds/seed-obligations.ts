import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { partnerships, remindersSent, submissions, users } from "../db/schema";
import { addDays, londonTimeToInstant } from "../app/platform/time/dates";
import { periodsOf, reminderDate, type Cadence, type DueRule, type ObligationType } from "../app/areas/obligations/public";
import { REMINDER_HOUR_LONDON } from "../app/areas/notifications/public";
import type { OrganisationType } from "../app/areas/partnerships/public";
import { scopeFor } from "../app/platform/guard.server";
import { addResponsible, createObligation, listFieldSets, listObligations, reminderScheduleOf, reviewReturn, saveFieldSet, submitReturn } from "../app/areas/obligations/public.server";
import { fieldSetFor, readReturnValues, type ReturnField } from "../app/areas/obligations/public";
import { obligationMessages } from "../app/areas/obligations/public.server";
import { recordReminders } from "../app/areas/notifications/public.server";
import type { WriteResult } from "../app/platform/write-result";

// Demo reporting obligations and a year of returns, recorded through the
// same operations the pages use. The returns go in day by day with the
// reminders the scheduler would have sent between them (up to yesterday), so
// the compliance view shows who was chased, and nobody is chased twice when
// the real scheduler takes over.

export type SeedObligation = {
  type: ObligationType;
  title: string;
  instructions: string;
  owedBy: { orgKey: string } | { orgType: OrganisationType };
  cadence: Cadence;
  dueRule: DueRule;
  startsOn: string;
  responsibles?: { orgKey: string; email: string }[];
  /** What its return asks for from the start, and (optionally) a new version saved on the demo's day for the periods to begin. */
  fields?: ReturnField[];
  nextFields?: ReturnField[];
  /** Each return's answers as a partner would type them, by field key. */
  returns: { orgKey: string; periodKey: string; submittedOn: string; status: "accepted" | "submitted" | "returned"; comment?: string; reason?: string; values?: Record<string, string> }[];
};

function must<T>(result: WriteResult<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo obligations: ${what} was refused: ${result.field}: ${result.message}`);
  return result.value;
}

export async function seedObligations(
  tx: Tx,
  input: { slug: string; recorderEmail: string; list: SeedObligation[]; orgIds: Map<string, string>; userIds: Map<string, string>; today: string },
) {
  const db = tx as unknown as Db;
  const [partnership] = await db.select().from(partnerships).where(eq(partnerships.slug, input.slug));
  const [recorder] = await db.select().from(users).where(eq(users.email, input.recorderEmail));
  const scope = scopeFor({ id: recorder.id, email: recorder.email, name: recorder.name, kind: "adult", isPlatformAdmin: false }, partnership, [
    { role: "secretariat", organisationId: partnership.leadOrganisationId },
  ]);
  const org = (key: string) => input.orgIds.get(key) ?? (() => { throw new Error(`Demo obligations name unknown organisation ${key}`); })();
  const returns: (SeedObligation["returns"][number] & { obligationId: string })[] = [];
  for (const o of input.list) {
    const obligationId = must(
      await createObligation(db, scope, {
        type: o.type,
        title: o.title,
        instructions: o.instructions,
        owedBy: "orgKey" in o.owedBy ? `org:${org(o.owedBy.orgKey)}` : `type:${o.owedBy.orgType}`,
        cadence: o.cadence,
        dueDays: o.dueRule.kind === "on_date" ? "" : String(o.dueRule.days),
        dueDayKind: o.dueRule.kind === "on_date" ? "working_days_after_period_end" : o.dueRule.kind,
        dueOn: o.dueRule.kind === "on_date" ? o.dueRule.date : null,
        startsOn: o.startsOn,
        endsOn: null,
      }),
      o.title,
    );
    if (o.fields) must(await saveFieldSet(db, scope, obligationId, { fields: o.fields, version: 1 }, input.today), `the fields of ${o.title}`);
    for (const r of o.responsibles ?? [])
      must(await addResponsible(db, scope, obligationId, { organisationId: org(r.orgKey), userId: input.userIds.get(r.email)! }), `responsible ${r.email}`);
    returns.push(...o.returns.map((r) => ({ ...r, obligationId })));
  }
  returns.sort((a, b) => a.submittedOn.localeCompare(b.submittedOn));

  const submit = async (r: (typeof returns)[number]) => {
    const organisationId = org(r.orgKey);
    const fieldSet = fieldSetFor(await listFieldSets(db, r.obligationId), r.periodKey);
    const read = readReturnValues(fieldSet?.fields ?? [], (name) => r.values?.[name.replace(/^field_/, "")] ?? "", "submit");
    if (!read.ok) throw new Error(`Demo return from ${r.orgKey} for ${r.periodKey}: ${Object.values(read.errors).join("; ")}`);
    must(
      await submitReturn(
        db,
        scope,
        r.obligationId,
        { organisationId, periodKey: r.periodKey, comment: r.comment ?? "Return attached to the shared drive and summarised here.", fieldSetId: fieldSet?.id ?? null, values: read.values },
        null,
        new Date(`${r.submittedOn}T11:00:00Z`),
      ),
      `return from ${r.orgKey} for ${r.periodKey}`,
    );
    if (r.status === "submitted") return;
    const [row] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.obligationId, r.obligationId), eq(submissions.organisationId, organisationId), eq(submissions.periodKey, r.periodKey)))
      .orderBy(desc(submissions.submittedAt))
      .limit(1);
    must(await reviewReturn(db, scope, r.obligationId, { submissionId: row.id, version: row.version, decision: r.status, reason: r.reason ?? null }), `review of ${r.orgKey} ${r.periodKey}`);
  };

  // Returns reach the secretariat late in the morning, after that day's 07:00 reminders.
  let next = 0;
  for (const day of reminderDays(await listObligations(db, partnership.id), reminderScheduleOf(partnership), addDays(input.today, -1))) {
    while (next < returns.length && returns[next].submittedOn < day) await submit(returns[next++]);
    const at = londonTimeToInstant(day, REMINDER_HOUR_LONDON);
    const ids = await recordReminders(db, await obligationMessages(db, partnership, at));
    if (ids.length) await db.update(remindersSent).set({ status: "sent", attempts: 1, claimedAt: at, sentAt: at }).where(inArray(remindersSent.id, ids));
  }
  while (next < returns.length) await submit(returns[next++]);

  // Fields changed on the demo's day apply from the next period to begin.
  const saved = await listObligations(db, partnership.id);
  for (const o of input.list.filter((x) => x.nextFields)) {
    const row = saved.find((x) => x.title === o.title)!;
    must(await saveFieldSet(db, scope, row.id, { fields: o.nextFields!, version: row.version }, input.today), `the next fields of ${o.title}`);
  }
}

/** Every day up to `until` on which some stage of some period's reminders falls, in order. */
function reminderDays(list: Awaited<ReturnType<typeof listObligations>>, schedule: ReturnType<typeof reminderScheduleOf>, until: string) {
  const days = new Set<string>();
  for (const o of list)
    for (const period of periodsOf(o, o.startsOn, addDays(until, 120)))
      for (const stage of schedule) {
        const day = reminderDate(period.due, stage);
        if (day <= until) days.add(day);
      }
  return [...days].sort();
}
