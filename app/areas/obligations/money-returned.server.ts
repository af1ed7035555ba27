import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { obligations, submissions } from "../../../db/schema";

// Money that partners report in their returns, for the funding area: the
// accepted returns of one obligation and the integer pence one money field
// (e.g. the co-investment statement's `spent`) gives in each. Returns sent
// back or waiting for review are not counted; nor is a value that is not a
// whole number of pence.

export type MoneyReturned = { submissionId: string; organisationId: string; periodKey: string; pence: number };

export async function moneyReturned(db: Db | Tx, partnershipId: string, obligationId: string, fieldKey: string): Promise<MoneyReturned[]> {
  const value = sql<string | null>`(${submissions.figures} ->> ${fieldKey})`;
  const rows = await db
    .select({ submissionId: submissions.id, organisationId: submissions.organisationId, periodKey: submissions.periodKey, value })
    .from(submissions)
    .innerJoin(obligations, eq(obligations.id, submissions.obligationId))
    .where(and(eq(obligations.partnershipId, partnershipId), eq(submissions.obligationId, obligationId), eq(submissions.status, "accepted")))
    .orderBy(submissions.periodKey, submissions.submittedAt);
  return rows.flatMap((r) => {
    if (r.value === null || !/^\d{1,15}$/.test(r.value)) return [];
    const pence = Number(r.value);
    return Number.isSafeInteger(pence) ? [{ submissionId: r.submissionId, organisationId: r.organisationId, periodKey: r.periodKey, pence }] : [];
  });
}
