import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db } from "../../../db/client";
import { decisions, partnerships, riskAppetites } from "../../../db/schema";
import type { PartnershipScope } from "../../platform/guard.server";
import { conflict, fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";
import { appetiteLevels, riskCategories, type AppetiteLevel, type AppetiteStatement, type RiskCategory, type RiskSettings } from "./public";
import { appetiteField } from "./fields";
import { loadAppetite, riskSettingsOf } from "./register.server";

// The partnership's risk appetite: for each category, the Orange Book level
// the board approved, by a decision of its own log. Approving a statement
// sets (or confirms) the level of every category it names; a category it
// leaves out keeps what it had.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const appetiteApprovalSchema = z
  .object({
    decisionId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose the agreed decision that approved this appetite" }).optional()),
    ...Object.fromEntries(
      riskCategories.map((c) => [appetiteField(c), z.preprocess(blankToUndefined, z.enum(appetiteLevels, { error: "Choose an appetite level from the list" }).optional())]),
    ),
  })
  .transform((form, ctx) => {
    const levels: AppetiteStatement = {};
    for (const c of riskCategories) {
      const level = (form as Record<string, AppetiteLevel | undefined>)[appetiteField(c)];
      if (level) levels[c] = level;
    }
    if (!form.decisionId) ctx.addIssue({ code: "custom", path: ["decisionId"], message: "Choose the agreed decision that approved this appetite" });
    if (Object.keys(levels).length === 0) ctx.addIssue({ code: "custom", path: [appetiteField(riskCategories[0])], message: "Choose an appetite level for at least one category of risk" });
    return { decisionId: form.decisionId ?? "", levels };
  });

/** How many of the latest agreed decisions the approval form offers. */
export const APPETITE_DECISION_CHOICES = 50;

/** The latest agreed decisions of the partnership's log, newest first: what an appetite may be approved by. */
export async function listAgreedDecisions(db: Db, partnershipId: string) {
  return db
    .select({ id: decisions.id, reference: decisions.reference, title: decisions.title, decidedOn: decisions.decidedOn })
    .from(decisions)
    .where(and(eq(decisions.partnershipId, partnershipId), eq(decisions.status, "agreed")))
    .orderBy(desc(decisions.decidedOn), desc(decisions.id))
    .limit(APPETITE_DECISION_CHOICES);
}

/** Records the board's approval of an appetite statement: the decision must be an agreed one of this partnership's log. */
export async function approveAppetite(db: Db, scope: PartnershipScope, input: z.output<typeof appetiteApprovalSchema>, today: string): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx) => {
    const [decision] = await tx
      .select({ id: decisions.id, reference: decisions.reference, status: decisions.status, decidedOn: decisions.decidedOn })
      .from(decisions)
      .where(and(eq(decisions.id, input.decisionId), eq(decisions.partnershipId, partnershipId)));
    if (!decision) return fail("decisionId", "Choose an agreed decision from this partnership's decision log");
    if (decision.status !== "agreed") return fail("decisionId", `Decision ${decision.reference} is not agreed: choose the agreed decision that approved this appetite`);
    const { statement: before } = await loadAppetite(tx, partnershipId);
    const approvedOn = decision.decidedOn ?? today;
    for (const [category, level] of Object.entries(input.levels) as [RiskCategory, AppetiteLevel][]) {
      const values = { level, approvedByDecisionId: decision.id, approvedOn, approvedBy: scope.user.id };
      await tx
        .insert(riskAppetites)
        .values({ partnershipId, category, ...values })
        .onConflictDoUpdate({ target: [riskAppetites.partnershipId, riskAppetites.category], set: values });
    }
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "risk_appetite.approve",
      entityId: partnershipId,
      partnershipId,
      before: { levels: before },
      after: { levels: { ...before, ...input.levels }, decisionId: decision.id, decisionReference: decision.reference, approvedOn },
    });
    return ok();
  });
}

// ------------------------------------------------------------------ scoring settings

/**
 * Saves the partnership's scoring settings (level definitions, RAG bands,
 * appetite maxima, escalation threshold) against the version of the
 * partnership the form was loaded with: a save from an older version is a
 * conflict, never applied over someone else's.
 */
export async function saveRiskSettings(db: Db, scope: PartnershipScope, settings: RiskSettings, version: number): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx) => {
    const [row] = await tx.select({ riskSettings: partnerships.riskSettings, version: partnerships.version }).from(partnerships).where(eq(partnerships.id, partnershipId));
    if (!row || row.version !== version) return conflict("partnership's settings");
    const before = riskSettingsOf({ riskSettings: row.riskSettings });
    if (JSON.stringify(before) === JSON.stringify(settings)) return ok();
    await versionedUpdate(tx, partnerships, eq(partnerships.id, partnershipId), version, { riskSettings: settings }, "partnership's settings");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "risk_settings.update", entityId: partnershipId, partnershipId, before, after: settings });
    return ok();
  });
}
