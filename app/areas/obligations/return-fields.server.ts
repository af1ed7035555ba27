import { and, asc, desc, eq, gt, lte, sql, type SQL } from "drizzle-orm";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import { obligations, organisations, returnDrafts, returnFieldSets, submissions, users } from "../../../db/schema";
import { addDays } from "../../platform/time/dates";
import { conflict, fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";
import { type PartnershipScope } from "../../platform/guard.server";
import { listPartnersForRules } from "../register/public.server";
import { getObligation, owingPartners, type ObligationRow } from "./obligations.server";
import { periodsOf, type Period } from "./rules/obligations";
import { fieldSetFor, returnFieldListSchema, sameFields, versionAppliesFrom, type FieldSetVersion, type ReturnField, type ReturnValues } from "./rules/return-fields";

// The fields a return asks for (versioned), and partners' drafts.

export async function listFieldSets(db: Db | Tx, obligationId: string): Promise<FieldSetVersion[]> {
  const rows = await db.select().from(returnFieldSets).where(eq(returnFieldSets.obligationId, obligationId)).orderBy(asc(returnFieldSets.number));
  return rows.map((r) => ({ id: r.id, number: r.number, appliesFrom: r.appliesFrom, fields: returnFieldListSchema.parse(r.fields) }));
}

/** One of an obligation's periods, by its key (its end date), or undefined. */
export function periodOf(o: ObligationRow, periodKey: string): Period | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(periodKey)) return undefined;
  return periodsOf(o, addDays(periodKey, -1), addDays(periodKey, 1)).find((p) => p.key === periodKey);
}

/**
 * Saves the fields a return asks for as a new version: the first applies
 * from the first period, a later one from the next period to begin, so
 * returns under way and past returns keep the fields they were answered
 * against. The obligation's version detects two people editing at once.
 */
export async function saveFieldSet(
  db: Db,
  scope: PartnershipScope,
  obligationId: string,
  input: { fields: ReturnField[]; version: number },
  today: string,
): Promise<WriteResult<{ number: number; appliesFrom: string }>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const o = await getObligation(tx, partnershipId, obligationId);
    if (!o) return fail("form", "That obligation is not in this partnership");
    if (o.version !== input.version) return conflict("return's fields");
    const versions = await listFieldSets(tx, o.id);
    const latest = versions[versions.length - 1];
    if (latest && sameFields(latest.fields, input.fields)) return fail("label-0", `Nothing changed: these are the fields of version ${latest.number}`);
    const periods = periodsOf(o, o.startsOn, addDays(today, 800));
    const appliesFrom = versionAppliesFrom(periods, !latest, today);
    if (!appliesFrom) return fail("label-0", "This return has no period still to begin, so its fields can no longer change");
    await versionedUpdate(tx, obligations, eq(obligations.id, o.id), input.version, {}, "return's fields");
    const row = { id: crypto.randomUUID(), obligationId: o.id, number: (latest?.number ?? 0) + 1, appliesFrom, fields: input.fields, createdBy: scope.user.id };
    await tx.insert(returnFieldSets).values(row);
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "obligation.fields",
      entityId: o.id,
      partnershipId,
      before: latest ? { number: latest.number, fields: latest.fields } : null,
      after: { id: row.id, number: row.number, appliesFrom, fields: input.fields },
    });
    return ok({ number: row.number, appliesFrom });
  });
}

export type ReturnForm = Awaited<ReturnType<typeof loadReturnForm>>;

/**
 * What the return form for one partner and period needs: the fields in
 * force for that period, the draft if one is saved, and the latest return
 * (a return sent back offers its answers again, to be corrected).
 */
export async function loadReturnForm(db: Db, scope: PartnershipScope, obligationId: string, organisationId: string, periodKey: string, today: string) {
  const o = await getObligation(db, scope.partnership.id, obligationId);
  if (!o) return { found: false as const, message: "That obligation is not in this partnership." };
  const period = periodOf(o, periodKey);
  if (!period) return { found: false as const, message: "That is not one of this obligation's periods." };
  const partners = await listPartnersForRules(db, scope.partnership.id);
  const partner = owingPartners(o, partners, today).find((p) => p.organisationId === organisationId);
  if (!partner) return { found: false as const, message: "That partner does not owe this return." };
  const [versions, [draft], [latest]] = await Promise.all([
    listFieldSets(db, o.id),
    db
      .select()
      .from(returnDrafts)
      .where(and(eq(returnDrafts.obligationId, o.id), eq(returnDrafts.organisationId, organisationId), eq(returnDrafts.periodKey, period.key))),
    db
      .select({ id: submissions.id, status: submissions.status, figures: submissions.figures, fieldSetId: submissions.fieldSetId, comment: submissions.comment, reviewReason: submissions.reviewReason, submittedOn: submissions.submittedOn, submittedBy: users.name })
      .from(submissions)
      .leftJoin(users, eq(users.id, submissions.submittedBy))
      .where(and(eq(submissions.obligationId, o.id), eq(submissions.organisationId, organisationId), eq(submissions.periodKey, period.key)))
      .orderBy(desc(submissions.submittedAt))
      .limit(1),
  ]);
  const fieldSet = fieldSetFor(versions, period.key);
  const answeredWith = latest?.fieldSetId ? (versions.find((v) => v.id === latest.fieldSetId) ?? null) : null;
  return {
    found: true as const,
    obligation: o,
    period,
    partner: { organisationId: partner.organisationId, name: partner.name },
    fieldSet,
    draft: draft ? { figures: (draft.figures ?? {}) as ReturnValues, comment: draft.comment, savedAt: draft.savedAt, version: draft.version, fieldSetId: draft.fieldSetId } : null,
    latest: latest ? { ...latest, status: latest.status as "submitted" | "accepted" | "returned", figures: (latest.figures ?? {}) as ReturnValues, fields: answeredWith?.fields ?? [] } : null,
  };
}

/**
 * Keeps a partner's answers so far without sending them: one draft per
 * partner and period, replaced each time it is saved. `draftVersion` is the
 * draft's version the form was loaded with (0 for none), so two people
 * saving the same draft at once cannot overwrite each other.
 */
export async function saveDraft(
  db: Db,
  scope: PartnershipScope,
  obligationId: string,
  input: { organisationId: string; periodKey: string; fieldSetId: string | null; values: ReturnValues; comment: string | null; draftVersion: number },
  now: Date,
): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const o = await getObligation(tx, partnershipId, obligationId);
    if (!o) return fail("form", "That obligation is not in this partnership");
    const period = periodOf(o, input.periodKey);
    if (!period) return fail("form", "That is not one of this obligation's periods");
    const current = fieldSetFor(await listFieldSets(tx, o.id), period.key);
    if ((current?.id ?? null) !== input.fieldSetId) return fieldsChanged();
    const [previous] = await tx
      .select({ status: submissions.status })
      .from(submissions)
      .where(and(eq(submissions.obligationId, o.id), eq(submissions.organisationId, input.organisationId), eq(submissions.periodKey, period.key)))
      .orderBy(desc(submissions.submittedAt))
      .limit(1);
    if (previous && previous.status !== "returned") return fail("form", `The return for ${period.label} has already been ${previous.status}, so there is nothing to draft`);
    const key = and(eq(returnDrafts.obligationId, o.id), eq(returnDrafts.organisationId, input.organisationId), eq(returnDrafts.periodKey, period.key));
    const values = { fieldSetId: input.fieldSetId, figures: input.values, comment: input.comment, savedBy: scope.user.id, savedAt: now };
    if (input.draftVersion === 0) {
      const inserted = await tx
        .insert(returnDrafts)
        .values({ obligationId: o.id, organisationId: input.organisationId, periodKey: period.key, ...values })
        .onConflictDoNothing()
        .returning({ version: returnDrafts.version });
      if (inserted.length === 0) return conflict("draft");
    } else {
      const updated = await tx
        .update(returnDrafts)
        .set({ ...values, version: sql`${returnDrafts.version} + 1` })
        .where(and(key, eq(returnDrafts.version, input.draftVersion)))
        .returning({ version: returnDrafts.version });
      if (updated.length === 0) return conflict("draft");
    }
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "submission.save_draft",
      entityId: o.id,
      partnershipId,
      before: null,
      after: { organisationId: input.organisationId, periodKey: period.key, fieldSetId: input.fieldSetId, figures: input.values, comment: input.comment },
    });
    return ok();
  });
}

export const fieldsChanged = () => fail("form", "The fields this return asks for have changed since the form was opened: reload the page, check your answers and send them again");

/** Every current return's answers (the latest for each partner and period, unless it was sent back), oldest period first. */
export async function answersOf(db: Db, obligationId: string, fromPeriodKey = "0000-00-00") {
  return answersWhere(db, obligationId, sql`${submissions.periodKey} >= ${fromPeriodKey}`);
}

/**
 * The same answers a batch of periods at a time, in the same order: for the
 * returns CSV, in constant memory however many years of returns lie behind it.
 */
export async function* answerBatches(db: Db, obligationId: string, periodsPerBatch = 50) {
  let after = "";
  for (;;) {
    const keys = await db
      .selectDistinct({ key: submissions.periodKey })
      .from(submissions)
      .where(and(eq(submissions.obligationId, obligationId), gt(submissions.periodKey, after)))
      .orderBy(asc(submissions.periodKey))
      .limit(periodsPerBatch);
    if (keys.length === 0) return;
    const through = keys[keys.length - 1].key;
    yield await answersWhere(db, obligationId, and(gt(submissions.periodKey, after), lte(submissions.periodKey, through))!);
    if (keys.length < periodsPerBatch) return;
    after = through;
  }
}

async function answersWhere(db: Db, obligationId: string, periods: SQL) {
  const rows = await db
    .selectDistinctOn([submissions.organisationId, submissions.periodKey], {
      id: submissions.id,
      organisationId: submissions.organisationId,
      organisation: organisations.name,
      periodKey: submissions.periodKey,
      dueDate: submissions.dueDate,
      submittedOn: submissions.submittedOn,
      status: submissions.status,
      fieldSetId: submissions.fieldSetId,
      figures: submissions.figures,
    })
    .from(submissions)
    .innerJoin(organisations, eq(organisations.id, submissions.organisationId))
    .where(and(eq(submissions.obligationId, obligationId), periods))
    .orderBy(submissions.organisationId, submissions.periodKey, desc(submissions.submittedAt));
  return rows
    .filter((r) => r.status !== "returned")
    .map((r) => ({ ...r, status: r.status as "submitted" | "accepted", figures: (r.figures ?? {}) as ReturnValues }))
    .sort((a, b) => a.periodKey.localeCompare(b.periodKey) || a.organisation.localeCompare(b.organisation));
}
