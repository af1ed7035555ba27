import { and, asc, count, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import { obligationResponsibles, obligations, organisations, partnershipRoles, partnerships, remindersSent, returnDrafts, submissions, users } from "../../../db/schema";
import { answersOf, fieldsChanged, listFieldSets, periodOf } from "./return-fields.server";
import { answersGrid, fieldSetFor, inputName, type ReturnValues } from "./rules/return-fields";
import { isPartnerCurrent, isSeatCurrent } from "../register/public";
import { addDays, formatDate, londonDate } from "../../platform/time/dates";
import { cadences, defaultReminderSchedule, dueRuleSchema, obligationTypes, onTime, periodsOf, periodStatus, RECENT_RETURNS, reminderScheduleSchema, SCHEDULE_FORM_ROWS, type Cadence, type DueRule, type ObligationType, type Period, type PeriodStatus, type ReminderStage } from "./rules/obligations";
import { organisationTypes, type OrganisationType } from "../partnerships/public";
import { listPartnersForRules, listSeats } from "../register/public.server";
import { chasedFor } from "./rules/reminders";
import { listRoleHolders } from "../notifications/public.server";
import { optionalDate, optionalText, requiredDate, requiredText, uuidField, versionField } from "../../platform/forms";
import { type PartnershipScope } from "../../platform/guard.server";
import { conflict, fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";
import { appToday } from "../../platform/clock.server";

// ------------------------------------------------------------------ reading

export type ObligationRow = Omit<typeof obligations.$inferSelect, "type" | "cadence" | "dueRule"> & {
  type: ObligationType;
  cadence: Cadence;
  dueRule: DueRule;
};

const parseObligation = (o: typeof obligations.$inferSelect): ObligationRow => ({
  ...o,
  type: o.type as ObligationType,
  cadence: o.cadence as Cadence,
  dueRule: dueRuleSchema.parse(o.dueRule),
});

export async function listObligations(db: Db, partnershipId: string) {
  const rows = await db.select().from(obligations).where(eq(obligations.partnershipId, partnershipId)).orderBy(asc(obligations.title));
  return rows.map(parseObligation);
}

export async function getObligation(db: Db, partnershipId: string, obligationId: string) {
  if (!z.uuid().safeParse(obligationId).success) return undefined;
  const [row] = await db.select().from(obligations).where(and(eq(obligations.id, obligationId), eq(obligations.partnershipId, partnershipId)));
  return row ? parseObligation(row) : undefined;
}

/** The partners that owe an obligation on a date: the named partner, or every current partner of the type. */
export function owingPartners<P extends { organisationId: string; type: OrganisationType; joinedOn: string; leftOn: string | null }>(
  o: Pick<ObligationRow, "owedByOrganisationId" | "owedByOrganisationType">,
  partners: readonly P[],
  onDate: string,
): P[] {
  return partners.filter(
    (p) => isPartnerCurrent(p, onDate) && (o.owedByOrganisationId ? p.organisationId === o.owedByOrganisationId : p.type === o.owedByOrganisationType),
  );
}

export type SubmissionSummary = { id: string; status: "submitted" | "accepted" | "returned"; submittedOn: string; submittedAt: Date };

/** Submissions grouped by "obligation|organisation|period", oldest first: for periods ending on or after `fromPeriodEnd` (pages look at a window, not all history). */
export async function submissionsByPeriod(db: Db, obligationIds: readonly string[], fromPeriodEnd: string) {
  const map = new Map<string, SubmissionSummary[]>();
  if (obligationIds.length === 0) return map;
  const rows = await db
    .select({
      id: submissions.id,
      obligationId: submissions.obligationId,
      organisationId: submissions.organisationId,
      periodKey: submissions.periodKey,
      status: submissions.status,
      submittedOn: submissions.submittedOn,
      submittedAt: submissions.submittedAt,
    })
    .from(submissions)
    .where(and(inArray(submissions.obligationId, [...obligationIds]), gte(submissions.periodKey, fromPeriodEnd)))
    .orderBy(asc(submissions.submittedAt));
  for (const r of rows) {
    const key = `${r.obligationId}|${r.organisationId}|${r.periodKey}`;
    map.set(key, [...(map.get(key) ?? []), { id: r.id, status: r.status as SubmissionSummary["status"], submittedOn: r.submittedOn, submittedAt: r.submittedAt }]);
  }
  return map;
}

export type PeriodCell = { period: Period; organisationId: string; status: PeriodStatus; latest: SubmissionSummary | null; onTime: boolean | null };

/** Each owing partner's position on each period of an obligation between two dates. */
export function obligationGrid(
  o: ObligationRow,
  owing: readonly { organisationId: string }[],
  byPeriod: ReadonlyMap<string, SubmissionSummary[]>,
  from: string,
  to: string,
  today: string,
): PeriodCell[] {
  const cells: PeriodCell[] = [];
  for (const period of periodsOf(o, from, to)) {
    for (const p of owing) {
      const list = byPeriod.get(`${o.id}|${p.organisationId}|${period.key}`) ?? [];
      const latest = list[list.length - 1] ?? null;
      cells.push({
        period,
        organisationId: p.organisationId,
        status: periodStatus(period.due, latest, today),
        latest,
        onTime: period.due < today || list.length ? onTime(period.due, list[0]?.submittedOn ?? null) : null,
      });
    }
  }
  return cells;
}

/**
 * The compliance view: per partner, the on-time rate over the last four
 * quarters' due dates, what is overdue now, and reminders sent; per
 * obligation, who has and has not submitted for the latest period due.
 */
export async function loadCompliance(db: Db, partnershipId: string, today: string) {
  const [list, partners, seats, roles] = await Promise.all([listObligations(db, partnershipId), listPartnersForRules(db, partnershipId), listSeats(db, partnershipId), listRoleHolders(db, partnershipId)]);
  const ids = list.map((o) => o.id);
  const yearAgo = addDays(today, -365);
  const [byPeriod, responsibles] = await Promise.all([submissionsByPeriod(db, ids, addDays(yearAgo, -400)), listResponsibles(db, ids)]);
  // Partners whose reminders for an obligation reach nobody (only the escalation to the chair would go).
  const unreachable: { organisationId: string; name: string; obligationId: string; obligation: string }[] = [];
  const perPartner = new Map<string, { organisationId: string; name: string; due: number; onTime: number; overdue: { obligation: string; period: string; due: string }[] }>();
  const perObligation: { obligation: ObligationRow; period: Period | null; cells: PeriodCell[] }[] = [];
  for (const o of list) {
    const owing = owingPartners(o, partners, today);
    for (const p of owing)
      if (chasedFor({ responsibles, roles, seats }, o.id, p.organisationId, today).userIds.length === 0)
        unreachable.push({ organisationId: p.organisationId, name: p.name, obligationId: o.id, obligation: o.title });
    // Nothing here looks past the periods due in the next fortnight: the grid stops there.
    const cells = obligationGrid(o, owing, byPeriod, addDays(yearAgo, -400), addDays(today, 14), today);
    for (const c of cells) {
      const partner = partners.find((p) => p.organisationId === c.organisationId)!;
      const entry = perPartner.get(c.organisationId) ?? { organisationId: c.organisationId, name: partner.name, due: 0, onTime: 0, overdue: [] };
      if (c.period.due >= yearAgo && c.period.due < today) {
        entry.due += 1;
        if (c.onTime) entry.onTime += 1;
      }
      if (c.status === "overdue" || (c.status === "returned" && c.period.due < today)) entry.overdue.push({ obligation: o.title, period: c.period.label, due: c.period.due });
      perPartner.set(c.organisationId, entry);
    }
    const latestDue = periodsOf(o, addDays(today, -800), today).filter((p) => p.due <= addDays(today, 14)).pop() ?? null;
    perObligation.push({ obligation: o, period: latestDue, cells: latestDue ? cells.filter((c) => c.period.key === latestDue.key) : [] });
  }
  // Counted in the database: the messages themselves (and their payloads) stay there.
  const sent = await db
    .select({ organisationId: sql<string | null>`${remindersSent.payload}->>'organisationId'`, n: count() })
    .from(remindersSent)
    .where(and(eq(remindersSent.partnershipId, partnershipId), eq(remindersSent.kind, "obligation"), eq(remindersSent.status, "sent")))
    .groupBy(sql`1`);
  const remindersByOrg = new Map(sent.filter((r) => r.organisationId).map((r) => [r.organisationId!, r.n]));
  return {
    obligations: list,
    partners: [...perPartner.values()]
      .map((p) => ({ ...p, rate: p.due ? Math.round((p.onTime / p.due) * 100) : null, remindersSent: remindersByOrg.get(p.organisationId) ?? 0 }))
      .sort((a, b) => (a.rate ?? 101) - (b.rate ?? 101) || a.name.localeCompare(b.name)),
    perObligation,
    unreachable,
    partnerNames: Object.fromEntries(partners.map((p) => [p.organisationId, p.name])),
  };
}

// ------------------------------------------------------------------ writing

export const obligationSchema = z
  .object({
    type: z.enum(obligationTypes, { error: "Choose the kind of obligation" }),
    title: requiredText("Enter a title, for example Quarterly performance return", 200, "The title"),
    instructions: optionalText(4000, "The instructions"),
    owedBy: z.string({ error: "Choose who owes it" }).trim().min(1, { error: "Choose who owes it" }),
    cadence: z.enum(cadences, { error: "Choose how often it is due" }),
    dueDays: z.string().trim().default(""),
    dueDayKind: z.enum(["working_days_after_period_end", "days_after_period_end"]).default("working_days_after_period_end"),
    dueOn: optionalDate("The due date"),
    startsOn: requiredDate("Enter the date it starts"),
    endsOn: optionalDate("The end date"),
  })
  .superRefine((v, ctx) => {
    if (v.cadence === "one_off" && !v.dueOn) ctx.addIssue({ code: "custom", path: ["dueOn"], message: "Enter the date a one-off obligation is due" });
    if (v.cadence !== "one_off" && !/^\d{1,3}$/.test(v.dueDays ?? ""))
      ctx.addIssue({ code: "custom", path: ["dueDays"], message: "Enter how many days after the end of each period it is due, as a whole number" });
    if (v.endsOn && v.startsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The end date must be on or after the start date" });
  });
export type ObligationInput = z.output<typeof obligationSchema>;

const toDueRule = (v: ObligationInput): DueRule =>
  v.cadence === "one_off" ? { kind: "on_date", date: v.dueOn! } : { kind: v.dueDayKind, days: Number(v.dueDays) };

/** "org:<uuid>" (one partner) or "type:<organisation type>" (every partner of that type). */
function parseOwedBy(owedBy: string) {
  const [kind, value] = owedBy.split(":");
  if (kind === "org" && z.uuid().safeParse(value).success) return { owedByOrganisationId: value, owedByOrganisationType: null };
  if (kind === "type" && (organisationTypes as readonly string[]).includes(value)) return { owedByOrganisationId: null, owedByOrganisationType: value };
  return null;
}

export async function createObligation(db: Db, scope: PartnershipScope, input: ObligationInput): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const owed = parseOwedBy(input.owedBy);
    if (!owed) return fail("owedBy", "Choose who owes it from the list");
    if (owed.owedByOrganisationId) {
      const partners = await listPartnersForRules(tx, partnershipId);
      if (!partners.some((p) => p.organisationId === owed.owedByOrganisationId)) return fail("owedBy", "Choose a partner in this partnership");
    }
    const row = {
      id: crypto.randomUUID(),
      partnershipId,
      type: input.type,
      title: input.title,
      instructions: input.instructions,
      ...owed,
      cadence: input.cadence,
      dueRule: toDueRule(input),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      createdBy: scope.user.id,
    };
    await tx.insert(obligations).values(row);
    await appendAudit(tx, { actorUserId: scope.user.id, action: "obligation.create", entityId: row.id, partnershipId, after: row });
    return ok(row.id);
  });
}

export const responsibleSchema = z.object({ organisationId: uuidField("Choose the partner"), userId: uuidField("Choose the person responsible") });

/** Names someone as responsible for an obligation at one partner: they get its reminders. */
export async function addResponsible(db: Db, scope: PartnershipScope, obligationId: string, input: z.output<typeof responsibleSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const o = await getObligation(tx, partnershipId, obligationId);
    if (!o) return fail("form", "That obligation is not in this partnership");
    const partners = await listPartnersForRules(tx, partnershipId);
    if (!owingPartners(o, partners, appToday()).some((p) => p.organisationId === input.organisationId)) return fail("organisationId", "Choose a partner that owes this return");
    // The person must speak for that partner: a role held for it, or a seat on the board for it.
    const [member] = await tx
      .select({ id: partnershipRoles.id })
      .from(partnershipRoles)
      .where(and(eq(partnershipRoles.partnershipId, partnershipId), eq(partnershipRoles.userId, input.userId)));
    if (!member) return fail("userId", "Choose a person who belongs to this partnership");
    const [forOrganisation] = await tx
      .select({ id: partnershipRoles.id })
      .from(partnershipRoles)
      .where(and(eq(partnershipRoles.partnershipId, partnershipId), eq(partnershipRoles.userId, input.userId), eq(partnershipRoles.organisationId, input.organisationId)));
    const seats = forOrganisation ? [] : (await listSeats(tx, partnershipId)).filter((seat) => seat.userId === input.userId && seat.organisationId === input.organisationId && isSeatCurrent(seat, appToday()));
    if (!forOrganisation && seats.length === 0) return fail("userId", "Choose someone from that partner: a person from another organisation cannot be responsible for its return");
    const inserted = await tx.insert(obligationResponsibles).values({ obligationId: o.id, ...input }).onConflictDoNothing().returning({ userId: obligationResponsibles.userId });
    if (inserted.length === 0) return fail("userId", "That person is already responsible for it at that partner");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "obligation.responsible", entityId: o.id, partnershipId, after: input });
    return ok();
  });
}

export async function listResponsibles(db: Db, obligationIds: readonly string[]) {
  if (obligationIds.length === 0) return [];
  return db
    .select({ obligationId: obligationResponsibles.obligationId, organisationId: obligationResponsibles.organisationId, userId: users.id, name: users.name, email: users.email })
    .from(obligationResponsibles)
    .innerJoin(users, eq(users.id, obligationResponsibles.userId))
    .where(inArray(obligationResponsibles.obligationId, [...obligationIds]));
}

export const submissionSchema = z.object({
  organisationId: uuidField("Choose the partner the return is for"),
  periodKey: z.iso.date({ error: "Choose the period the return is for" }),
  comment: optionalText(4000, "The comment"),
  // The version of the fields the form showed (blank when the return asks for none).
  fieldSetId: z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "The form is missing its fields' version: reload the page and try again" }).nullable().default(null)),
});

/**
 * A partner's return for a period: its answers to the fields in force for
 * that period, and/or a file and a comment. Partners submit their own; the
 * chair or secretariat may submit on a partner's behalf. Sending it clears
 * the partner's draft for the period.
 */
export async function submitReturn(
  db: Db,
  scope: PartnershipScope,
  obligationId: string,
  input: z.output<typeof submissionSchema> & { values: ReturnValues },
  file: { filename: string; contentType: string; bytes: Buffer } | null,
  now: Date,
): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const o = await getObligation(tx, partnershipId, obligationId);
    if (!o) return fail("form", "That obligation is not in this partnership");
    const partners = await listPartnersForRules(tx, partnershipId);
    const today = londonDate(now);
    if (!owingPartners(o, partners, today).some((p) => p.organisationId === input.organisationId)) return fail("organisationId", "That partner does not owe this return");
    const period = periodOf(o, input.periodKey);
    if (!period) return fail("periodKey", "Choose one of this obligation's periods");
    // One return at a time per obligation, so a double submission records once.
    await tx.select({ id: obligations.id }).from(obligations).where(eq(obligations.id, o.id)).for("update");
    const fieldSet = fieldSetFor(await listFieldSets(tx, o.id), period.key);
    if ((fieldSet?.id ?? null) !== input.fieldSetId) return fieldsChanged();
    const hasAnswers = Object.keys(input.values).length > 0;
    if (!input.comment && !hasAnswers && !file) return fail(fieldSet?.fields.length ? inputName(fieldSet.fields[0].key) : "comment", "Attach a file, or fill in the figures or a comment");
    const previous = await tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.obligationId, o.id), eq(submissions.organisationId, input.organisationId), eq(submissions.periodKey, period.key)))
      .orderBy(desc(submissions.submittedAt))
      .limit(1);
    if (previous[0] && previous[0].status !== "returned")
      return fail("periodKey", `A return for ${period.label} was already ${previous[0].status} on ${formatDate(previous[0].submittedOn)}`);
    // A resubmission always comes after the return it replaces, even on a clock pinned to a minute.
    const submittedAt = previous[0] && previous[0].submittedAt >= now ? new Date(previous[0].submittedAt.getTime() + 1) : now;
    const row = {
      id: crypto.randomUUID(),
      obligationId: o.id,
      organisationId: input.organisationId,
      periodKey: period.key,
      dueDate: period.due,
      submittedAt,
      submittedOn: today,
      submittedBy: scope.user.id,
      comment: input.comment,
      figures: hasAnswers ? input.values : null,
      fieldSetId: fieldSet?.id ?? null,
      filename: file?.filename ?? null,
      contentType: file?.contentType ?? null,
      content: file?.bytes ?? null,
      status: "submitted",
    };
    await tx.insert(submissions).values(row);
    await tx.delete(returnDrafts).where(and(eq(returnDrafts.obligationId, o.id), eq(returnDrafts.organisationId, input.organisationId), eq(returnDrafts.periodKey, period.key)));
    const { content: _c, ...audited } = row;
    await appendAudit(tx, { actorUserId: scope.user.id, action: "submission.create", entityId: row.id, partnershipId, after: { ...audited, submittedAt: submittedAt.toISOString(), size: file?.bytes.length ?? null } });
    return ok(row.id);
  });
}

export const reviewSchema = z
  .object({
    submissionId: uuidField("Choose the return"),
    version: versionField,
    decision: z.enum(["accepted", "returned"], { error: "Choose accept or return for changes" }),
    reason: optionalText(2000, "The reason"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "returned" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Say what needs changing before the return is sent back" });
  });

/** The secretariat accepts a return, or sends it back with a reason. */
export async function reviewReturn(db: Db, scope: PartnershipScope, obligationId: string, input: z.output<typeof reviewSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const o = await getObligation(tx, partnershipId, obligationId);
    if (!o) return fail("form", "That obligation is not in this partnership");
    const [row] = await tx.select().from(submissions).where(and(eq(submissions.id, input.submissionId), eq(submissions.obligationId, o.id)));
    if (!row) return fail("submissionId", "That return is not for this obligation");
    if (row.version !== input.version) return conflict("return");
    if (row.status !== "submitted") return fail("decision", `This return has already been ${row.status}`);
    await versionedUpdate(tx, submissions, eq(submissions.id, row.id), input.version, { status: input.decision, reviewReason: input.reason, reviewedBy: scope.user.id, reviewedAt: new Date() }, "return");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: input.decision === "accepted" ? "submission.accept" : "submission.return",
      entityId: row.id,
      partnershipId,
      before: { status: "submitted" },
      after: { status: input.decision },
      reason: input.reason,
    });
    return ok();
  });
}

/** An obligation's returns waiting for review, and the latest reviewed ones, newest first. */
export async function listSubmissions(db: Db, obligationId: string) {
  const query = () =>
    db
      .select({
        id: submissions.id,
        organisationId: submissions.organisationId,
        organisation: organisations.name,
        periodKey: submissions.periodKey,
        dueDate: submissions.dueDate,
        submittedOn: submissions.submittedOn,
        submittedAt: submissions.submittedAt,
        submittedBy: users.name,
        comment: submissions.comment,
        figures: submissions.figures,
        fieldSetId: submissions.fieldSetId,
        filename: submissions.filename,
        status: submissions.status,
        reviewReason: submissions.reviewReason,
        version: submissions.version,
      })
      .from(submissions)
      .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
      .leftJoin(users, eq(users.id, submissions.submittedBy));
  const [waiting, reviewed] = await Promise.all([
    query().where(and(eq(submissions.obligationId, obligationId), eq(submissions.status, "submitted"))),
    query()
      .where(and(eq(submissions.obligationId, obligationId), ne(submissions.status, "submitted")))
      .orderBy(desc(submissions.submittedAt))
      .limit(RECENT_RETURNS),
  ]);
  const rows = [...waiting, ...reviewed]
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())
    // Answers travel to the page only for returns waiting for review (shown beside Accept); the table shows the rest.
    .map(({ submittedAt: _at, ...r }) => ({ ...r, figures: r.status === "submitted" ? ((r.figures ?? null) as ReturnValues | null) : null, status: r.status as SubmissionSummary["status"] }));
  return { rows, limited: reviewed.length === RECENT_RETURNS };
}

export async function getSubmissionFile(db: Db, obligationId: string, submissionId: string) {
  if (!z.uuid().safeParse(submissionId).success) return undefined;
  const [row] = await db.select().from(submissions).where(and(eq(submissions.id, submissionId), eq(submissions.obligationId, obligationId)));
  return row?.content ? row : undefined;
}

function figuresOf(grids: ReturnType<typeof answersGrid>, fieldKey: string | null) {
  const shown = grids.find((g) => g.field.key === fieldKey) ?? grids[0] ?? null;
  return { fields: grids.map((g) => ({ key: g.field.key, label: g.field.label })), shown };
}

/** Everything an obligation's page shows: the recent periods for each partner that owes it, the returns, and who answers for it. */
export async function loadObligationPage(db: Db, scope: PartnershipScope, obligationId: string, today: string, fieldKey: string | null = null) {
  const o = await getObligation(db, scope.partnership.id, obligationId);
  if (!o) return undefined;
  const partners = await listPartnersForRules(db, scope.partnership.id);
  const owing = owingPartners(o, partners, today);
  const byPeriod = await submissionsByPeriod(db, [o.id], addDays(today, -500));
  const periods = periodsOf(o, addDays(today, -500), addDays(today, 120))
    .filter((p) => p.due >= addDays(today, -400))
    .slice(-5);
  const cells = obligationGrid(o, owing, byPeriod, periods[0]?.start ?? today, periods[periods.length - 1]?.end ?? today, today);
  const actFor = owing.filter((p) => scope.canOn("return:submit", { organisationIds: [p.organisationId], userId: null })).map((p) => ({ organisationId: p.organisationId, name: p.name }));
  const [returns, responsibles, people, versions, answers, drafts] = await Promise.all([
    listSubmissions(db, o.id),
    listResponsibles(db, [o.id]),
    // The people to choose from when naming someone responsible: only for those who may.
    actFor.length
      ? db
          .selectDistinct({ id: users.id, name: users.name })
          .from(partnershipRoles)
          .innerJoin(users, eq(users.id, partnershipRoles.userId))
          .where(and(eq(partnershipRoles.partnershipId, scope.partnership.id), eq(users.kind, "adult")))
          .orderBy(asc(users.name))
      : [],
    listFieldSets(db, o.id),
    answersOf(db, o.id, periods[0]?.key),
    actFor.length
      ? db
          .select({ organisationId: returnDrafts.organisationId, periodKey: returnDrafts.periodKey })
          .from(returnDrafts)
          .where(and(eq(returnDrafts.obligationId, o.id), inArray(returnDrafts.organisationId, actFor.map((p) => p.organisationId))))
      : [],
  ]);
  return {
    obligation: o,
    versions,
    // One field's table at a time (the page names the others): every field on one page was most of its weight.
    figures: figuresOf(answersGrid(versions, owing, periods, answers), fieldKey),
    drafts: drafts.map((d) => `${d.organisationId}|${d.periodKey}`),
    owing: owing.map((p) => ({ organisationId: p.organisationId, name: p.name })),
    periods,
    cells,
    returns: returns.rows,
    returnsLimited: returns.limited,
    responsibles,
    people,
    actFor,
  };
}

// --------------------------------------------------------- reminder schedule

export function reminderScheduleOf(p: { reminderSchedule: unknown }): ReminderStage[] {
  const parsed = reminderScheduleSchema.safeParse(p.reminderSchedule);
  return parsed.success ? parsed.data : defaultReminderSchedule;
}


/** Reads the schedule form: rows of days, before or after, calendar or working days, and whether to escalate. */
export function parseScheduleForm(form: FormData): { ok: true; stages: ReminderStage[]; version: number } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const stages: ReminderStage[] = [];
  const version = Number(form.get("version"));
  if (!Number.isInteger(version)) errors.version = "The form is missing its version: reload the page and try again";
  for (let i = 0; i < SCHEDULE_FORM_ROWS; i++) {
    const days = String(form.get(`days-${i}`) ?? "").trim();
    if (days === "") continue;
    if (!/^\d{1,2}$/.test(days)) {
      errors[`days-${i}`] = `Reminder ${i + 1}: enter a whole number of days from 0 to 60`;
      continue;
    }
    const when = String(form.get(`when-${i}`) ?? "before");
    const unit = String(form.get(`unit-${i}`) ?? "days");
    const offset = when === "after" ? Number(days) : -Number(days);
    if (Number(days) > 60) errors[`days-${i}`] = `Reminder ${i + 1}: at most 60 days`;
    const key = `${when === "after" ? "after" : "before"}_${days}_${unit}`;
    if (stages.some((s) => s.key === key)) errors[`days-${i}`] = `Reminder ${i + 1} repeats an earlier one`;
    stages.push({ key, offset, unit: unit === "working_days" ? "working_days" : "days", escalate: form.get(`escalate-${i}`) === "yes" });
  }
  if (stages.length === 0 && Object.keys(errors).length === 0) errors["days-0"] = "Keep at least one reminder";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, stages: stages.sort((a, b) => a.offset - b.offset), version };
}

export async function saveReminderSchedule(db: Db, scope: PartnershipScope, stages: ReminderStage[], version: number): Promise<WriteResult> {
  const id = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [row] = await tx.select().from(partnerships).where(eq(partnerships.id, id));
    if (row.version !== version) return conflict("partnership");
    const before = reminderScheduleOf(row);
    await versionedUpdate(tx, partnerships, eq(partnerships.id, id), version, { reminderSchedule: stages }, "partnership");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "reminder_schedule.update", entityId: id, partnershipId: id, before: { stages: before }, after: { stages } });
    return ok();
  });
}
