import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import { decisions, termsOfReference, users } from "../../../db/schema";
import { formatDate } from "../../platform/time/dates";
import {
  CALL_IN_LIMITS,
  callInScopes,
  defaultTermsRules,
  ratificationRefusalEffects,
  seniorityRuleSchema,
  termsRulesSchema,
  termsSectionKeys,
  termsSectionsSchema,
  versionInForce,
  type SeniorityRule,
  type TermsRules,
  type TermsSections,
} from "./rules/terms-of-reference";
import { boardRoles, decisionMethods, votingBases, type TermsStatus } from "./rules/vocabulary";
import { organisationTypes } from "../partnerships/public";
import { checkbox, formToObject, optionalDate, optionalText, versionField, wholeNumber, type FieldErrors } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import { changedFields, conflict, fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { readOncePerRequest } from "../../platform/request-store.server";
import { versionedDelete, versionedUpdate } from "../../platform/versioned-update.server";

// ------------------------------------------------------------------ reading

function parseRow(row: typeof termsOfReference.$inferSelect) {
  return {
    ...row,
    status: row.status as TermsStatus,
    sections: termsSectionsSchema.parse(row.sections),
    rules: termsRulesSchema.parse(row.rules),
  };
}
export type TermsVersion = ReturnType<typeof parseRow> & {
  approvedByName?: string | null;
  approvedByDecision?: { id: string; reference: string } | null;
};

export async function listTermsVersions(db: Db, partnershipId: string): Promise<TermsVersion[]> {
  const rows = await db
    .select({ terms: termsOfReference, approvedByName: users.name, decisionId: decisions.id, decisionReference: decisions.reference })
    .from(termsOfReference)
    .leftJoin(users, eq(users.id, termsOfReference.approvedBy))
    .leftJoin(decisions, eq(decisions.id, termsOfReference.approvedByDecisionId))
    .where(eq(termsOfReference.partnershipId, partnershipId))
    .orderBy(desc(termsOfReference.versionNumber));
  return rows.map((r) => ({
    ...parseRow(r.terms),
    approvedByName: r.approvedByName,
    approvedByDecision: r.decisionId ? { id: r.decisionId, reference: r.decisionReference! } : null,
  }));
}

export async function getTermsVersion(db: Db, partnershipId: string, versionNumber: number) {
  const versions = await listTermsVersions(db, partnershipId);
  return { version: versions.find((v) => v.versionNumber === versionNumber), versions };
}

/** The terms of reference that govern the partnership on a date (undefined before any were approved). */
export async function termsInForce(db: Db, partnershipId: string, onDate: string) {
  const rows = await readOncePerRequest(db, `approved-terms:${partnershipId}`, () =>
    db
      .select()
      .from(termsOfReference)
      .where(and(eq(termsOfReference.partnershipId, partnershipId), inArray(termsOfReference.status, ["approved", "superseded"]))),
  );
  const chosen = versionInForce(rows as (typeof rows[number] & { status: TermsStatus })[], onDate);
  if (!chosen) return undefined;
  // A request asking for the terms on many days (a year of meetings) parses each version once; read-only.
  let parsed = parsedVersions.get(chosen);
  if (!parsed) parsedVersions.set(chosen, (parsed = parseRow(chosen)));
  return parsed;
}
const parsedVersions = new WeakMap<object, ReturnType<typeof parseRow>>();

// ----------------------------------------------------------- the draft form


const sectionFields = Object.fromEntries(
  termsSectionKeys.map((k) => [k, optionalText(10_000, "This section").transform((v) => v ?? "")]),
) as unknown as Record<(typeof termsSectionKeys)[number], z.ZodType<string>>;

/** A field the form did not send at all (not one left empty) takes this value. */
const absentAs = <T extends z.ZodType>(value: string, schema: T) => z.preprocess((v) => (v === undefined ? value : v), schema);

const termsFormSchema = z
  .object({
    version: versionField,
    changeSummary: optionalText(2000, "The summary of changes"),
    reviewDate: optionalDate("The review date"),
    ...sectionFields,
    minVotingMembers: wholeNumber("The number of voting members", 1, 200),
    minPartners: wholeNumber("The number of partners represented", 0, 200),
    requiredRolesAnyOf: z.array(z.enum(boardRoles, { error: "Choose seats from the list" })),
    leadPartnerRequired: checkbox,
    deputiesCount: checkbox,
    onlySeniorEnoughCount: checkbox,
    method: z.enum(decisionMethods, { error: "Choose how the board makes decisions" }),
    votingBasis: z.enum(votingBases, { error: "Choose how votes are counted" }),
    ratifyingPartnerTypes: z.array(z.enum(organisationTypes, { error: "Choose partner types from the list" })),
    ratifyingBody: optionalText(100, "The name of the ratifying body").transform((v) => v ?? ""),
    whenRatificationRefused: z.enum(ratificationRefusalEffects, { error: "Choose what happens when a partner's body refuses to ratify" }).default("decision_falls"),
    // Call-in: a form from before these fields existed leaves them out, and gets the defaults (no call-in).
    callInAppliesTo: z.enum(callInScopes, { error: "Choose which decisions may be called in" }).default("none"),
    callInWindow: absentAs("5", wholeNumber("The call-in period", ...CALL_IN_LIMITS.window)),
    callInSignatories: absentAs("2", wholeNumber("The number of scrutiny members who must sign", ...CALL_IN_LIMITS.signatories)),
    callInOptions: z.array(z.enum(["callInChairAlone", "callInGroundsRequired"], { error: "Choose from the list" })),
    callInConsiderWithin: absentAs("15", wholeNumber("The time to consider a call-in", ...CALL_IN_LIMITS.consider)),
    callInReconsiderWithin: absentAs("10", wholeNumber("The time to reconsider a decision referred back", ...CALL_IN_LIMITS.reconsider)),
  })
  .refine((f) => f.minPartners <= f.minVotingMembers, {
    path: ["minPartners"],
    error: "The number of partners represented cannot be more than the number of voting members, because each partner is represented by a member",
  });


export type TermsDraftInput = {
  version: number;
  changeSummary: string | null;
  reviewDate: string | null;
  sections: TermsSections;
  rules: TermsRules;
};

/** Reads the draft form: the sections, the review date and the machine-readable rules, with a message per bad field. */
export function parseTermsForm(form: FormData): { ok: true; data: TermsDraftInput } | { ok: false; errors: FieldErrors } {
  const raw = formToObject(form, ["requiredRolesAnyOf", "ratifyingPartnerTypes", "callInOptions"]);
  const errors: FieldErrors = {};
  const parsed = termsFormSchema.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;

  const seniority: SeniorityRule[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; form.has(`seniority-${i}-target`); i++) {
    const target = String(form.get(`seniority-${i}-target`) ?? "");
    if (target === "") continue;
    const [appliesTo, value] = target.split(":");
    const rule = seniorityRuleSchema.safeParse({
      appliesTo,
      value,
      minimumTier: form.get(`seniority-${i}-minimumTier`),
      alsoAccept: form.getAll(`seniority-${i}-alsoAccept`),
    });
    if (!rule.success) {
      const bad = rule.error.issues[0];
      const field = bad.path[0] === "minimumTier" ? "minimumTier" : bad.path[0] === "alsoAccept" ? "alsoAccept" : "target";
      errors[`seniority-${i}-${field}`] ??=
        field === "minimumTier"
          ? `Choose the minimum seniority for seniority rule ${i + 1}`
          : field === "alsoAccept"
            ? `Choose only elected member or trustee for seniority rule ${i + 1}`
            : `Choose who seniority rule ${i + 1} applies to`;
      continue;
    }
    if (seen.has(target)) {
      errors[`seniority-${i}-target`] ??= `Seniority rules ${seen.get(target)! + 1} and ${i + 1} apply to the same people: keep one`;
      continue;
    }
    seen.set(target, i);
    seniority.push(rule.data);
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const f = parsed.data;
  const sections = termsSectionsSchema.parse(Object.fromEntries(termsSectionKeys.map((k) => [k, f[k]])));
  const rules = termsRulesSchema.parse({
    quorum: {
      minVotingMembers: f.minVotingMembers,
      minPartners: f.minPartners,
      requiredRolesAnyOf: f.requiredRolesAnyOf,
      leadPartnerRequired: f.leadPartnerRequired,
      deputiesCount: f.deputiesCount,
      onlySeniorEnoughCount: f.onlySeniorEnoughCount,
    },
    seniority,
    decisions: { method: f.method, votingBasis: f.votingBasis, ratifyingPartnerTypes: f.ratifyingPartnerTypes, ratifyingBody: f.ratifyingBody, whenRatificationRefused: f.whenRatificationRefused },
    callIn: {
      appliesTo: f.callInAppliesTo,
      windowWorkingDays: f.callInWindow,
      signatories: f.callInSignatories,
      chairAlone: f.callInOptions.includes("callInChairAlone"),
      groundsRequired: f.callInOptions.includes("callInGroundsRequired"),
      considerWithinWorkingDays: f.callInConsiderWithin,
      reconsiderWithinWorkingDays: f.callInReconsiderWithin,
    },
  });
  return { ok: true, data: { version: f.version, changeSummary: f.changeSummary, reviewDate: f.reviewDate, sections, rules } };
}

export const discardTermsSchema = z.object({ version: versionField });

// ------------------------------------------------------------------ writing

/** A version of the terms, read inside a write. */
export const draftOf = async (tx: Tx, partnershipId: string, versionNumber: number) => {
  const [row] = await tx
    .select()
    .from(termsOfReference)
    .where(and(eq(termsOfReference.partnershipId, partnershipId), eq(termsOfReference.versionNumber, versionNumber)));
  return row;
};

/** Starts the next version as a draft, copied from the latest approved version (or sensible defaults). */
export async function createTermsDraft(db: Db, scope: PartnershipScope): Promise<WriteResult<number>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const all = await tx.select().from(termsOfReference).where(eq(termsOfReference.partnershipId, partnershipId)).orderBy(desc(termsOfReference.versionNumber));
    const draft = all.find((r) => r.status === "draft");
    if (draft) return fail("form", `Version ${draft.versionNumber} is already being drafted: finish or discard it first`);
    const base = all.find((r) => r.status !== "draft");
    const row = {
      id: crypto.randomUUID(),
      partnershipId,
      versionNumber: (all[0]?.versionNumber ?? 0) + 1,
      status: "draft",
      sections: base ? termsSectionsSchema.parse(base.sections) : termsSectionsSchema.parse({}),
      rules: base ? termsRulesSchema.parse(base.rules) : defaultTermsRules,
      reviewDate: base?.reviewDate ?? null,
      createdBy: scope.user.id,
    };
    await tx.insert(termsOfReference).values(row);
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "terms_of_reference.draft",
      entityId: row.id,
      partnershipId,
      after: { versionNumber: row.versionNumber, basedOn: base?.versionNumber ?? null },
    });
    return ok(row.versionNumber);
  });
}

export async function updateTermsDraft(db: Db, scope: PartnershipScope, versionNumber: number, input: TermsDraftInput): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const row = await draftOf(tx, partnershipId, versionNumber);
    if (!row) return fail("form", "There is no such version of the terms of reference");
    if (row.status !== "draft") return fail("form", `Version ${versionNumber} has been approved and can no longer be changed: start a new draft instead`);
    if (row.version !== input.version) return conflict("draft");
    const next = { sections: input.sections, rules: input.rules, reviewDate: input.reviewDate, changeSummary: input.changeSummary };
    const diff = changedFields(row as unknown as Record<string, unknown>, next);
    if (!diff.changed) return ok();
    await versionedUpdate(tx, termsOfReference, eq(termsOfReference.id, row.id), input.version, next, "draft");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "terms_of_reference.update",
      entityId: row.id,
      partnershipId,
      before: diff.before,
      after: diff.after,
    });
    return ok();
  });
}

/**
 * Approves a draft inside a caller's transaction: it governs from its
 * effective date, the version it replaces becomes superseded (still in force
 * for dates before that), and the approval names the decision that made it.
 */
export async function applyTermsApproval(
  tx: Tx,
  scope: PartnershipScope,
  row: typeof termsOfReference.$inferSelect,
  input: { effectiveFrom: string; approvalNote: string | null; decisionId: string; reference: string },
): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  if (row.status !== "draft") return fail("form", `Version ${row.versionNumber} is already approved`);
  const approved = await tx
    .select()
    .from(termsOfReference)
    .where(and(eq(termsOfReference.partnershipId, partnershipId), eq(termsOfReference.status, "approved")));
  const latest = approved.sort((a, b) => (b.effectiveFrom ?? "").localeCompare(a.effectiveFrom ?? ""))[0];
  if (latest?.effectiveFrom && input.effectiveFrom < latest.effectiveFrom)
    return fail(
      "effectiveFrom",
      `Version ${latest.versionNumber} took effect on ${formatDate(latest.effectiveFrom)}: the new version must take effect on or after that date`,
    );
  const now = new Date();
  await versionedUpdate(
    tx,
    termsOfReference,
    eq(termsOfReference.id, row.id),
    row.version,
    { status: "approved", effectiveFrom: input.effectiveFrom, approvedAt: now, approvedBy: scope.user.id, approvalNote: input.approvalNote, approvedByDecisionId: input.decisionId },
    "draft",
  );
  for (const old of approved) {
    await versionedUpdate(tx, termsOfReference, eq(termsOfReference.id, old.id), old.version, { status: "superseded", supersededAt: now }, "terms of reference");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "terms_of_reference.supersede",
      entityId: old.id,
      partnershipId,
      before: { status: "approved" },
      after: { status: "superseded", supersededBy: row.versionNumber },
    });
  }
  await appendAudit(tx, {
    actorUserId: scope.user.id,
    action: "terms_of_reference.approve",
    entityId: row.id,
    partnershipId,
    before: { status: "draft" },
    after: { status: "approved", versionNumber: row.versionNumber, effectiveFrom: input.effectiveFrom, decision: input.reference },
    reason: input.approvalNote,
  });
  return ok();
}

export async function discardTermsDraft(db: Db, scope: PartnershipScope, versionNumber: number, input: { version: number }): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const row = await draftOf(tx, partnershipId, versionNumber);
    if (!row || row.status !== "draft") return fail("form", "Only a draft can be discarded");
    if (row.version !== input.version) return conflict("draft");
    await versionedDelete(tx, termsOfReference, eq(termsOfReference.id, row.id), input.version, "draft");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "terms_of_reference.discard",
      entityId: row.id,
      partnershipId,
      before: { versionNumber, status: "draft" },
    });
    return ok();
  });
}
