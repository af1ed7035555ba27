import { z } from "zod";
import type { Db, Tx } from "../../../db/client";
import { optionalText, requiredDate, versionField } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import { formatDate } from "../../platform/time/dates";
import { conflict, fail, ok, refuse, transact, type WriteResult } from "../../platform/write-result";
import { termsRulesSchema } from "../register/public";
import { applyTermsApproval, draftOf } from "../register/public.server";
import { insertDecision } from "./decision-records.server";

export const approveTermsSchema = z.object({
  version: versionField,
  effectiveFrom: requiredDate("Enter the date these terms take effect"),
  approvalNote: optionalText(1000, "The approval note"),
  route: z.enum(["chairs_action", "written_procedure"], { error: "Choose how the board approved these terms" }).default("chairs_action"),
});
export type ApproveTermsInput = z.output<typeof approveTermsSchema>;

/**
 * Approves a draft outside a meeting, by chair's action or written
 * procedure. Approving terms is a decision, so it is recorded in the
 * decision log in the same transaction.
 */
export async function approveTermsDraft(db: Db, scope: PartnershipScope, versionNumber: number, input: ApproveTermsInput, today: string): Promise<WriteResult<string>> {
  return transact(db, async (tx: Tx) => {
    const row = await draftOf(tx, scope.partnership.id, versionNumber);
    if (!row) return fail("form", "There is no such version of the terms of reference");
    if (row.status !== "draft") return fail("form", `Version ${versionNumber} is already approved`);
    if (row.version !== input.version) return conflict("draft");
    const rules = termsRulesSchema.parse(row.rules);
    const decision = await insertDecision(tx, scope.user, scope.partnership, {
      route: input.route,
      title: `Approve version ${versionNumber} of the terms of reference`,
      text: `Version ${versionNumber} of the terms of reference is approved, in force from ${formatDate(input.effectiveFrom)}.${row.changeSummary ? ` ${row.changeSummary}` : ""}`,
      rationale: input.approvalNote,
      method: rules.decisions.method,
      status: "agreed",
      decidedOn: today,
      approvesTermsId: row.id,
      termsSections: [],
    });
    const applied = await applyTermsApproval(tx, scope, row, { effectiveFrom: input.effectiveFrom, approvalNote: input.approvalNote, decisionId: decision.id, reference: decision.reference });
    if (!applied.ok) refuse(applied);
    return ok(decision.reference);
  });
}
