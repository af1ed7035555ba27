import { and, asc, desc, eq, like } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { boardSeats, decisions, obligations, partnerships, users } from "../db/schema";
import { actualSchema, bidOutcomeSchema, commitmentSchema, createCommitment, createFundingLine, fundingLineSchema, recordActual, recordBidOutcome } from "../app/areas/funding/public.server";
import { financialYearOf, type FundingLineKind } from "../app/areas/funding/public";
import { scopeFor } from "../app/platform/guard.server";
import type { WriteResult } from "../app/platform/write-result";

// The demo's money, recorded through the same operations the money page
// uses. Years are counted from the financial year the demo is loaded in (0 is
// this year, -1 last year), and dates are a month and day within such a
// year, so the story reads the same whenever it is loaded; a payment whose
// date has not come yet is left out. Decisions are found by the start of
// their title, which the story's dating never changes.

/** A day in a financial year counted from this one: { fy: -1, on: "09-30" } is 30 September last financial year. */
export type SeedMoneyDay = { fy: number; on: string };

export type SeedFundingLine = {
  key: string;
  kind: FundingLineKind;
  title: string;
  description?: string;
  orgKey?: string;
  /** The start of the title of the decision that set it up. */
  decision?: string;
  cap?: { percent: string; ofLine: string };
  actualsFrom?: { obligationTitle: string; field: string };
  bid?: { funder: string; sought: string; submitted: SeedMoneyDay; outcome?: { outcome: "won" | "lost" | "withdrawn"; on: SeedMoneyDay; won?: string } };
  commitments?: { orgKey: string; fy: number; amount: string; decision: string; approvedBy?: string; note?: string }[];
  actuals?: { orgKey: string; on: SeedMoneyDay; amount: string; note?: string }[];
};

export type SeedFunding = { recordedBy: string; lines: SeedFundingLine[] };

function must<T>(result: WriteResult<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo funding: ${what} was refused: ${result.field}: ${result.message}`);
  return result.value;
}

const yearFrom = (today: string, offset: number) => {
  const start = Number(financialYearOf(today).slice(0, 4)) + offset;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
};
const dayOf = (today: string, d: SeedMoneyDay) => {
  const start = Number(financialYearOf(today).slice(0, 4)) + d.fy;
  return `${Number(d.on.slice(0, 2)) >= 4 ? start : start + 1}-${d.on}`;
};

export async function seedFunding(tx: Tx, input: { slug: string; funding: SeedFunding; orgIds: Map<string, string>; today: string }) {
  const db = tx as unknown as Db;
  const { today } = input;
  const [partnership] = await db.select().from(partnerships).where(eq(partnerships.slug, input.slug));
  const [recorder] = await db.select().from(users).where(eq(users.email, input.funding.recordedBy));
  const scope = scopeFor({ id: recorder.id, email: recorder.email, name: recorder.name, kind: "adult", isPlatformAdmin: false }, partnership, [
    { role: "secretariat", organisationId: partnership.leadOrganisationId },
  ]);
  const org = (key: string) => input.orgIds.get(key) ?? (() => { throw new Error(`Demo funding names unknown organisation ${key}`); })();
  const decision = async (titleStart: string) => {
    const [row] = await db
      .select({ id: decisions.id })
      .from(decisions)
      .where(and(eq(decisions.partnershipId, partnership.id), like(decisions.title, `${titleStart}%`)))
      .orderBy(asc(decisions.reference))
      .limit(1);
    if (!row) throw new Error(`Demo funding: no decision in ${input.slug} starting "${titleStart}"`);
    return row.id;
  };
  const seatOf = async (email: string) => {
    const [row] = await db
      .select({ id: boardSeats.id })
      .from(boardSeats)
      .innerJoin(users, eq(users.id, boardSeats.userId))
      .where(and(eq(boardSeats.partnershipId, partnership.id), eq(users.email, email)))
      .orderBy(desc(boardSeats.termStart))
      .limit(1);
    if (!row) throw new Error(`Demo funding: ${email} has no seat in ${input.slug}`);
    return row.id;
  };
  const lineIds = new Map<string, string>();
  for (const l of input.funding.lines) {
    let obligationId = "";
    if (l.actualsFrom) {
      const [o] = await db.select({ id: obligations.id }).from(obligations).where(and(eq(obligations.partnershipId, partnership.id), eq(obligations.title, l.actualsFrom.obligationTitle)));
      if (!o) throw new Error(`Demo funding: no obligation "${l.actualsFrom.obligationTitle}" in ${input.slug}`);
      obligationId = o.id;
    }
    const form = fundingLineSchema.parse({
      kind: l.kind,
      title: l.title,
      description: l.description ?? "",
      organisationId: l.orgKey ? org(l.orgKey) : "",
      decisionId: l.decision ? await decision(l.decision) : "",
      capPercent: l.cap?.percent ?? "",
      capOfLineId: l.cap ? lineIds.get(l.cap.ofLine) : "",
      actualsObligationId: obligationId,
      actualsFieldKey: l.actualsFrom?.field ?? "",
      funder: l.bid?.funder ?? "",
      amountSought: l.bid?.sought ?? "",
      submittedOn: l.bid ? dayOf(today, l.bid.submitted) : "",
    });
    const lineId = must(await createFundingLine(db, scope, form), l.title);
    lineIds.set(l.key, lineId);
    if (l.bid?.outcome && dayOf(today, l.bid.outcome.on) <= today) {
      const outcome = bidOutcomeSchema.parse({ lineId, version: "1", outcome: l.bid.outcome.outcome, amountWon: l.bid.outcome.won ?? "", outcomeOn: dayOf(today, l.bid.outcome.on) });
      must(await recordBidOutcome(db, scope, outcome, today), `the outcome of ${l.title}`);
    }
    for (const c of l.commitments ?? []) {
      const commitment = commitmentSchema.parse({
        lineId,
        organisationId: org(c.orgKey),
        financialYear: yearFrom(today, c.fy),
        amount: c.amount,
        decisionId: await decision(c.decision),
        approvedBySeatId: c.approvedBy ? await seatOf(c.approvedBy) : "",
        note: c.note ?? "",
      });
      must(await createCommitment(db, scope, commitment), `${c.orgKey}'s commitment to ${l.title}`);
    }
    for (const a of l.actuals ?? []) {
      const paidOn = dayOf(today, a.on);
      if (paidOn > today) continue;
      must(await recordActual(db, scope, actualSchema.parse({ lineId, organisationId: org(a.orgKey), amount: a.amount, paidOn, note: a.note ?? "" }), today), `${a.orgKey}'s payment on ${l.title}`);
    }
  }
}
