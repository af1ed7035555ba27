import { aliasedTable, and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import { boardSeats, decisions, fundingActuals, fundingCommitments, fundingLines, obligations, organisations, users } from "../../../db/schema";
import { listPartnersForRules } from "../register/public.server";
import { moneyReturned } from "../obligations/public.server";
import { optionalDate, optionalText, requiredText, uuidField, versionField } from "../../platform/forms";
import { type PartnershipScope } from "../../platform/guard.server";
import { conflict, fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";
import { isIsoDate } from "../../platform/time/dates";
import {
  authorityCheck,
  bidOutcomes,
  bidSummary,
  capOf,
  financialYearOf,
  formatPence,
  fundingLineKinds,
  isFinancialYear,
  moneyTable,
  parsePence,
  parsePercent,
  percentOfBasisPoints,
  tableRows,
  type Amount,
  type BidOutcome,
  type FinancialYear,
  type FundingLineKind,
} from "./rules/money";

// The partnership's money: funding lines, commitments agreed by decisions
// (checked against the approving member's delegated authority), actuals
// recorded or taken from partners' accepted returns, and joint bids. Every
// write goes through transact() with its catalogued audit event.

// ------------------------------------------------------------ field schemas

const blank = (v: unknown) => typeof v !== "string" || v.trim() === "";

/** Pounds as typed, read into integer pence by the rules (never through a float); more than £0 unless zero is allowed. */
const penceField = (label: string, missing: string) =>
  z.string({ error: missing }).transform((v, ctx) => {
    if (v.trim() === "") {
      ctx.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    const r = parsePence(v, label);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    if (r.pence === 0) {
      ctx.addIssue({ code: "custom", message: `${label} must be more than £0.00` });
      return z.NEVER;
    }
    return r.pence;
  });

const optionalUuid = (message: string) =>
  z.preprocess((v) => (blank(v) ? undefined : v), z.string().trim().pipe(z.uuid({ error: message })).optional()).transform((v) => v ?? null);

const financialYearField = z
  .string({ error: "Enter the financial year, for example 2026-27" })
  .trim()
  .min(1, { error: "Enter the financial year, for example 2026-27" })
  .refine(isFinancialYear, { error: "Enter the financial year as April to March, for example 2026-27" });

const fieldKeyPattern = /^[a-z][a-z0-9_]{0,39}$/;

export const fundingLineSchema = z
  .object({
    kind: z.enum(fundingLineKinds, { error: "Choose the kind of funding line" }),
    title: requiredText("Enter a title, for example Lot 1 block contracts: pooled budget", 200, "The title"),
    description: optionalText(2000, "The description"),
    organisationId: optionalUuid("Choose a partner from the list, or the whole partnership"),
    decisionId: optionalUuid("Choose a decision from the list"),
    capPercent: z.string().default(""),
    capOfLineId: optionalUuid("Choose the line the cap is a share of"),
    actualsObligationId: optionalUuid("Choose a reporting obligation from the list"),
    actualsFieldKey: z.string().trim().default(""),
    funder: optionalText(200, "The funder"),
    amountSought: z.string().default(""),
    submittedOn: optionalDate("The date the bid was submitted"),
  })
  .transform((v, ctx) => {
    let capBasisPoints: number | null = null;
    if (v.kind === "joint_bid") {
      if (!v.funder) ctx.addIssue({ code: "custom", path: ["funder"], message: "Enter the funder the bid went to" });
      if (!v.submittedOn) ctx.addIssue({ code: "custom", path: ["submittedOn"], message: "Enter the date the bid was submitted" });
    }
    let amountSoughtPence: number | null = null;
    if (v.kind === "joint_bid") {
      const r = parsePence(v.amountSought, "The amount sought");
      if (!r.ok) ctx.addIssue({ code: "custom", path: ["amountSought"], message: r.message });
      else if (r.pence === 0) ctx.addIssue({ code: "custom", path: ["amountSought"], message: "The amount sought must be more than £0.00" });
      else amountSoughtPence = r.pence;
    }
    if (v.capPercent.trim() !== "" || v.capOfLineId) {
      if (v.kind === "joint_bid") ctx.addIssue({ code: "custom", path: ["capPercent"], message: "A joint bid has no cap: leave the cap empty" });
      else if (v.capPercent.trim() === "") ctx.addIssue({ code: "custom", path: ["capPercent"], message: "Enter the cap as a percentage, for example 7" });
      else if (!v.capOfLineId) ctx.addIssue({ code: "custom", path: ["capOfLineId"], message: "Choose the line the cap is a share of" });
      else {
        const p = parsePercent(v.capPercent);
        if (!p.ok) ctx.addIssue({ code: "custom", path: ["capPercent"], message: p.message });
        else capBasisPoints = p.basisPoints;
      }
    }
    if (v.actualsObligationId || v.actualsFieldKey) {
      if (v.kind === "joint_bid") ctx.addIssue({ code: "custom", path: ["actualsObligationId"], message: "A joint bid's money is its outcome: it takes no actuals from returns" });
      else if (!v.actualsObligationId) ctx.addIssue({ code: "custom", path: ["actualsObligationId"], message: "Choose the reporting obligation whose returns give the actuals" });
      else if (!fieldKeyPattern.test(v.actualsFieldKey))
        ctx.addIssue({ code: "custom", path: ["actualsFieldKey"], message: "Enter the return's money field to read, in lower case, for example spent" });
    }
    return {
      kind: v.kind,
      title: v.title,
      description: v.description,
      organisationId: v.organisationId,
      decisionId: v.decisionId,
      capBasisPoints,
      capOfLineId: capBasisPoints === null ? null : v.capOfLineId,
      actualsObligationId: v.kind === "joint_bid" ? null : v.actualsObligationId,
      actualsFieldKey: v.kind === "joint_bid" || !v.actualsObligationId ? null : v.actualsFieldKey,
      funder: v.kind === "joint_bid" ? v.funder : null,
      amountSoughtPence,
      submittedOn: v.kind === "joint_bid" ? v.submittedOn : null,
    };
  });
export type FundingLineInput = z.output<typeof fundingLineSchema>;

export const commitmentSchema = z.object({
  lineId: uuidField("Choose the funding line"),
  organisationId: uuidField("Choose the partner committing the money"),
  financialYear: financialYearField,
  amount: penceField("The amount", "Enter the amount committed, for example £200,000"),
  decisionId: uuidField("Choose the decision that agreed this money: money is committed only by a decision"),
  approvedBySeatId: optionalUuid("Choose the board member who approved it from the list"),
  note: optionalText(1000, "The note"),
});
export type CommitmentInput = z.output<typeof commitmentSchema>;

export const actualSchema = z.object({
  lineId: uuidField("Choose the funding line"),
  organisationId: uuidField("Choose the partner that paid or spent it"),
  amount: penceField("The amount", "Enter the amount paid, for example £48,250.37"),
  paidOn: z
    .string({ error: "Enter the date it was paid" })
    .trim()
    .min(1, { error: "Enter the date it was paid" })
    .refine(isIsoDate, { error: "Enter a real date for the date it was paid, for example 2026-07-15" }),
  note: optionalText(1000, "The note"),
});
export type ActualInput = z.output<typeof actualSchema>;

export const bidOutcomeSchema = z
  .object({
    lineId: uuidField("Choose the joint bid"),
    version: versionField,
    outcome: z.enum(bidOutcomes, { error: "Choose the bid's outcome" }),
    amountWon: z.string().default(""),
    outcomeOn: optionalDate("The date of the outcome"),
  })
  .transform((v, ctx) => {
    let amountWonPence: number | null = null;
    if (v.outcome === "won") {
      const r = parsePence(v.amountWon, "The amount won");
      if (!r.ok) ctx.addIssue({ code: "custom", path: ["amountWon"], message: r.message });
      else if (r.pence === 0) ctx.addIssue({ code: "custom", path: ["amountWon"], message: "The amount won must be more than £0.00: a bid that won nothing was not funded" });
      else amountWonPence = r.pence;
    } else if (v.amountWon.trim() !== "") ctx.addIssue({ code: "custom", path: ["amountWon"], message: "Only a bid that was won has an amount won: leave it empty" });
    if (v.outcome !== "pending" && !v.outcomeOn) ctx.addIssue({ code: "custom", path: ["outcomeOn"], message: "Enter the date the funder gave its answer" });
    if (v.outcome === "pending" && v.outcomeOn) ctx.addIssue({ code: "custom", path: ["outcomeOn"], message: "A bid still waiting for the funder has no outcome date: leave it empty" });
    return { lineId: v.lineId, version: v.version, outcome: v.outcome, amountWonPence, outcomeOn: v.outcome === "pending" ? null : v.outcomeOn };
  });
export type BidOutcomeInput = z.output<typeof bidOutcomeSchema>;

// ------------------------------------------------------------------ reading

type LineRow = typeof fundingLines.$inferSelect;
export type FundingLine = Omit<LineRow, "kind" | "outcome"> & { kind: FundingLineKind; outcome: BidOutcome | null };
const asLine = (r: LineRow): FundingLine => ({ ...r, kind: r.kind as FundingLineKind, outcome: r.outcome as BidOutcome | null });

/** A line of the partnership; `lock` holds it until the transaction ends, so commitments to one line are checked against its cap one at a time. */
async function getLine(db: Db | Tx, partnershipId: string, lineId: string, lock = false) {
  const query = db.select().from(fundingLines).where(and(eq(fundingLines.id, lineId), eq(fundingLines.partnershipId, partnershipId)));
  const [row] = lock ? await query.for("update") : await query;
  return row ? asLine(row) : undefined;
}

async function getDecision(db: Db | Tx, partnershipId: string, decisionId: string) {
  const [row] = await db
    .select({ id: decisions.id, reference: decisions.reference, title: decisions.title, status: decisions.status })
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), eq(decisions.partnershipId, partnershipId)));
  return row;
}

const seatUser = aliasedTable(users, "seat_user");

async function getSeat(db: Db | Tx, partnershipId: string, seatId: string) {
  const [row] = await db
    .select({ id: boardSeats.id, name: seatUser.name, organisationId: boardSeats.organisationId, delegatedAuthorityGbp: boardSeats.delegatedAuthorityGbp, boardRole: boardSeats.boardRole })
    .from(boardSeats)
    .innerJoin(seatUser, eq(seatUser.id, boardSeats.userId))
    .where(and(eq(boardSeats.id, seatId), eq(boardSeats.partnershipId, partnershipId)));
  return row;
}

/** Committed to a line in a year, in pence (exact: summed as bigint in the database). */
async function committedOn(db: Db | Tx, lineId: string, financialYear: FinancialYear) {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${fundingCommitments.amountPence}), 0)::text` })
    .from(fundingCommitments)
    .where(and(eq(fundingCommitments.lineId, lineId), eq(fundingCommitments.financialYear, financialYear)));
  return Number(row.total);
}

export type ReturnedActual = { lineId: string; submissionId: string; organisationId: string; periodKey: string; financialYear: FinancialYear; pence: number };

/** Actuals of lines fed by returns: each accepted return's money field, in the financial year its period ends in. */
async function actualsFromReturns(db: Db, partnershipId: string, lines: readonly FundingLine[]): Promise<ReturnedActual[]> {
  const fed = lines.filter((l) => l.actualsObligationId && l.actualsFieldKey);
  const out: ReturnedActual[] = [];
  for (const l of fed) {
    for (const r of await moneyReturned(db, partnershipId, l.actualsObligationId!, l.actualsFieldKey!)) {
      // A line for one partner counts only that partner's returns.
      if (l.organisationId && r.organisationId !== l.organisationId) continue;
      out.push({ lineId: l.id, ...r, financialYear: financialYearOf(r.periodKey) });
    }
  }
  return out;
}

/** Everything the money page shows. */
export async function loadMoney(db: Db, partnershipId: string) {
  const [partners, lineRows, commitmentRows, actualRows, obligationRows] = await Promise.all([
    listPartnersForRules(db, partnershipId),
    db.select().from(fundingLines).where(eq(fundingLines.partnershipId, partnershipId)).orderBy(asc(fundingLines.kind), asc(fundingLines.title)),
    db
      .select({
        id: fundingCommitments.id,
        lineId: fundingCommitments.lineId,
        organisationId: fundingCommitments.organisationId,
        financialYear: fundingCommitments.financialYear,
        amountPence: fundingCommitments.amountPence,
        note: fundingCommitments.note,
        decisionId: decisions.id,
        decisionReference: decisions.reference,
        decisionTitle: decisions.title,
        decisionStatus: decisions.status,
        approvedBySeatId: fundingCommitments.approvedBySeatId,
        approverName: seatUser.name,
        approverOrganisationId: boardSeats.organisationId,
        approverLimitGbp: boardSeats.delegatedAuthorityGbp,
      })
      .from(fundingCommitments)
      .innerJoin(decisions, eq(decisions.id, fundingCommitments.decisionId))
      .leftJoin(boardSeats, eq(boardSeats.id, fundingCommitments.approvedBySeatId))
      .leftJoin(seatUser, eq(seatUser.id, boardSeats.userId))
      .where(eq(fundingCommitments.partnershipId, partnershipId))
      .orderBy(asc(fundingCommitments.financialYear), asc(fundingCommitments.createdAt)),
    db.select().from(fundingActuals).where(eq(fundingActuals.partnershipId, partnershipId)).orderBy(asc(fundingActuals.paidOn), asc(fundingActuals.createdAt)),
    db.select({ id: obligations.id, title: obligations.title }).from(obligations).where(eq(obligations.partnershipId, partnershipId)),
  ]);
  const lines = lineRows.map(asLine);
  const lineIds = new Set(lines.map((l) => l.id));
  const fedLines = new Set(lines.filter((l) => l.actualsObligationId).map((l) => l.id));
  const returned = await actualsFromReturns(db, partnershipId, lines);
  // Never both for one line: a line fed by returns counts its returns only.
  const recorded = actualRows.filter((a) => lineIds.has(a.lineId) && !fedLines.has(a.lineId));
  const organisationNames = new Map<string, string>(partners.map((p) => [p.organisationId, p.name]));
  const extraOrgIds = [...new Set([...commitmentRows.map((c) => c.organisationId), ...recorded.map((a) => a.organisationId), ...returned.map((r) => r.organisationId)])].filter((id) => !organisationNames.has(id));
  if (extraOrgIds.length)
    for (const o of await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, extraOrgIds))) organisationNames.set(o.id, o.name);

  const commitments = commitmentRows.map((c) => ({
    ...c,
    authority: authorityCheck(c.amountPence, c.approvedBySeatId && c.approverName ? { name: c.approverName, delegatedAuthorityGbp: c.approverLimitGbp } : null),
  }));
  const amountsOfCommitments: Amount[] = commitments.map((c) => ({ organisationId: c.organisationId, financialYear: c.financialYear, pence: c.amountPence }));
  const amountsOfActuals: Amount[] = [
    ...recorded.map((a) => ({ organisationId: a.organisationId, financialYear: a.financialYear, pence: a.amountPence })),
    ...returned.map((r) => ({ organisationId: r.organisationId, financialYear: r.financialYear, pence: r.pence })),
  ];
  const table = moneyTable(amountsOfCommitments, amountsOfActuals, partners.map((p) => p.organisationId));

  // Each line: its committed and actual totals, and a capped line's position against its cap, year by year.
  const perLine = lines
    .filter((l) => l.kind !== "joint_bid")
    .map((l) => {
      const lc = amountsOfCommitments.filter((_, i) => commitments[i].lineId === l.id);
      const la = [...recorded.filter((a) => a.lineId === l.id).map((a) => ({ organisationId: a.organisationId, financialYear: a.financialYear, pence: a.amountPence })), ...returned.filter((r) => r.lineId === l.id)];
      const t = moneyTable(lc, la);
      const base = l.capOfLineId ? lines.find((x) => x.id === l.capOfLineId) : undefined;
      const caps =
        l.capBasisPoints && base
          ? t.years.map((year) => {
              const baseCommitted = commitments.filter((c) => c.lineId === base.id && c.financialYear === year).reduce((s, c) => s + c.amountPence, 0);
              const cap = capOf(baseCommitted, l.capBasisPoints!);
              const committed = t.byYear.get(year)?.committed ?? 0;
              return { year, cap, committed, within: committed <= cap, sentence: `${formatPence(committed)} committed for ${year}, against a cap of ${formatPence(cap)}: ${percentOfBasisPoints(l.capBasisPoints!)} of the ${formatPence(baseCommitted)} committed to ${base.title}` };
            })
          : [];
      return {
        line: l,
        organisation: l.organisationId ? (organisationNames.get(l.organisationId) ?? null) : null,
        obligation: l.actualsObligationId ? (obligationRows.find((o) => o.id === l.actualsObligationId) ?? null) : null,
        committed: t.total.committed,
        actual: t.total.actual,
        caps,
        capOf: base ? { title: base.title, percent: percentOfBasisPoints(l.capBasisPoints!) } : null,
      };
    });

  const bids = lines.filter((l) => l.kind === "joint_bid");
  const bidYears = [...new Set(bids.map((b) => financialYearOf(b.submittedOn ?? b.createdAt.toISOString().slice(0, 10))))].sort().reverse();
  const bidsByYear = bidYears.map((year) => {
    const list = bids.filter((b) => financialYearOf(b.submittedOn ?? b.createdAt.toISOString().slice(0, 10)) === year).sort((a, b) => (a.submittedOn ?? "").localeCompare(b.submittedOn ?? ""));
    return { year, bids: list, summary: bidSummary(list.map((b) => ({ outcome: b.outcome ?? "pending", amountSoughtPence: b.amountSoughtPence ?? 0, amountWonPence: b.amountWonPence }))) };
  });
  const decisionIds = [...new Set(bids.flatMap((b) => (b.decisionId ? [b.decisionId] : [])))];
  const bidDecisions = decisionIds.length ? await db.select({ id: decisions.id, reference: decisions.reference }).from(decisions).where(inArray(decisions.id, decisionIds)) : [];

  const names = Object.fromEntries(organisationNames);
  return {
    organisationNames: names,
    table: tableRows(table, names),
    lines: perLine,
    lineTitles: Object.fromEntries(lines.map((l) => [l.id, l.title])),
    commitments,
    recorded,
    returned,
    obligations: obligationRows,
    bidsByYear,
    bidDecisions: Object.fromEntries(bidDecisions.map((d) => [d.id, d.reference])),
  };
}

/** The choices the forms offer: partners, lines, agreed decisions, board seats with their limits, obligations. */
export async function moneyFormChoices(db: Db, partnershipId: string) {
  const [partners, lines, agreed, seats, obligationRows] = await Promise.all([
    listPartnersForRules(db, partnershipId),
    db.select().from(fundingLines).where(eq(fundingLines.partnershipId, partnershipId)).orderBy(asc(fundingLines.title)),
    db
      .select({ id: decisions.id, reference: decisions.reference, title: decisions.title, decidedOn: decisions.decidedOn })
      .from(decisions)
      .where(and(eq(decisions.partnershipId, partnershipId), eq(decisions.status, "agreed")))
      .orderBy(asc(decisions.reference)),
    db
      .select({ id: boardSeats.id, name: seatUser.name, organisation: organisations.name, boardRole: boardSeats.boardRole, termEnd: boardSeats.termEnd, delegatedAuthorityGbp: boardSeats.delegatedAuthorityGbp })
      .from(boardSeats)
      .innerJoin(seatUser, eq(seatUser.id, boardSeats.userId))
      .innerJoin(organisations, eq(organisations.id, boardSeats.organisationId))
      .where(eq(boardSeats.partnershipId, partnershipId))
      .orderBy(asc(seatUser.name), asc(boardSeats.termStart)),
    db.select({ id: obligations.id, title: obligations.title }).from(obligations).where(eq(obligations.partnershipId, partnershipId)).orderBy(asc(obligations.title)),
  ]);
  return {
    partners: partners.map((p) => ({ id: p.organisationId, name: p.name })),
    lines: lines.map(asLine).map((l) => ({ id: l.id, title: l.title, kind: l.kind, fedByReturns: Boolean(l.actualsObligationId), version: l.version, outcome: l.outcome })),
    decisions: agreed,
    seats,
    obligations: obligationRows,
  };
}

// ------------------------------------------------------------------ writing

async function requirePartner(db: Db | Tx, partnershipId: string, organisationId: string) {
  const partners = await listPartnersForRules(db as Db, partnershipId);
  return partners.find((p) => p.organisationId === organisationId);
}

const notAgreed = (d: { reference: string; status: string }) => `Decision ${d.reference} is ${d.status}, not agreed: money is committed only under an agreed decision`;

/** Adds a funding line (or a joint bid, pending its outcome). */
export async function createFundingLine(db: Db, scope: PartnershipScope, input: FundingLineInput): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    if (input.organisationId && !(await requirePartner(tx, partnershipId, input.organisationId))) return fail("organisationId", "Choose a partner in this partnership, or the whole partnership");
    if (input.decisionId) {
      const d = await getDecision(tx, partnershipId, input.decisionId);
      if (!d) return fail("decisionId", "Choose a decision of this partnership");
      if (d.status !== "agreed") return fail("decisionId", notAgreed(d));
    }
    if (input.capOfLineId) {
      const base = await getLine(tx, partnershipId, input.capOfLineId);
      if (!base) return fail("capOfLineId", "Choose a funding line of this partnership for the cap");
      if (base.kind === "joint_bid") return fail("capOfLineId", "A cap is a share of a funding line, not of a joint bid");
    }
    if (input.actualsObligationId) {
      const [o] = await tx.select({ id: obligations.id }).from(obligations).where(and(eq(obligations.id, input.actualsObligationId), eq(obligations.partnershipId, partnershipId)));
      if (!o) return fail("actualsObligationId", "Choose a reporting obligation of this partnership");
    }
    const row = {
      id: crypto.randomUUID(),
      partnershipId,
      ...input,
      outcome: input.kind === "joint_bid" ? ("pending" as const) : null,
      outcomeOn: null,
      amountWonPence: null,
      createdBy: scope.user.id,
    };
    await tx.insert(fundingLines).values(row);
    await appendAudit(tx, { actorUserId: scope.user.id, action: "funding_line.create", entityId: row.id, partnershipId, after: row });
    return ok(row.id);
  });
}

/** Commits a partner's money to a line for a year, under an agreed decision; flags it when above the approver's delegated authority. */
export async function createCommitment(db: Db, scope: PartnershipScope, input: CommitmentInput): Promise<WriteResult<{ id: string; authority: ReturnType<typeof authorityCheck> }>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const line = await getLine(tx, partnershipId, input.lineId, true);
    if (!line) return fail("lineId", "Choose a funding line of this partnership");
    if (line.kind === "joint_bid") return fail("lineId", "A joint bid is not committed to: record what it won as its outcome");
    const partner = await requirePartner(tx, partnershipId, input.organisationId);
    if (!partner) return fail("organisationId", "Choose a partner in this partnership");
    if (line.organisationId && line.organisationId !== input.organisationId) {
      const owner = await requirePartner(tx, partnershipId, line.organisationId);
      return fail("organisationId", `${line.title} is ${owner?.name ?? "another partner"}'s line: only its money is committed to it`);
    }
    const decision = await getDecision(tx, partnershipId, input.decisionId);
    if (!decision) return fail("decisionId", "Choose a decision of this partnership");
    if (decision.status !== "agreed") return fail("decisionId", notAgreed(decision));
    let approver = null;
    if (input.approvedBySeatId) {
      const seat = await getSeat(tx, partnershipId, input.approvedBySeatId);
      if (!seat) return fail("approvedBySeatId", "Choose a board member of this partnership");
      approver = seat;
    }
    if (line.capBasisPoints && line.capOfLineId) {
      const base = await getLine(tx, partnershipId, line.capOfLineId);
      const cap = capOf(await committedOn(tx, line.capOfLineId, input.financialYear), line.capBasisPoints);
      const after = (await committedOn(tx, line.id, input.financialYear)) + input.amount;
      if (after > cap)
        return fail(
          "amount",
          `This would take ${line.title} to ${formatPence(after)} for ${input.financialYear}, above its cap of ${percentOfBasisPoints(line.capBasisPoints)} of ${base?.title ?? "its contract"} (${formatPence(cap)})`,
        );
    }
    const authority = authorityCheck(input.amount, approver);
    const row = {
      id: crypto.randomUUID(),
      partnershipId,
      lineId: line.id,
      organisationId: input.organisationId,
      financialYear: input.financialYear,
      amountPence: input.amount,
      decisionId: decision.id,
      approvedBySeatId: input.approvedBySeatId,
      note: input.note,
      createdBy: scope.user.id,
    };
    await tx.insert(fundingCommitments).values(row);
    const { partnershipId: _p, createdBy: _c, ...audited } = row;
    await appendAudit(tx, { actorUserId: scope.user.id, action: "funding_commitment.create", entityId: row.id, partnershipId, after: { ...audited, authority: authority.status } });
    return ok({ id: row.id, authority });
  });
}

/** Records money paid or spent on a line (not on a line whose actuals come from returns). */
export async function recordActual(db: Db, scope: PartnershipScope, input: ActualInput, today: string): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const line = await getLine(tx, partnershipId, input.lineId);
    if (!line) return fail("lineId", "Choose a funding line of this partnership");
    if (line.kind === "joint_bid") return fail("lineId", "A joint bid's money is its outcome: record what it won on the money page");
    if (line.actualsObligationId) {
      const [o] = await tx.select({ title: obligations.title }).from(obligations).where(eq(obligations.id, line.actualsObligationId));
      return fail("lineId", `${line.title} takes its actuals from the accepted returns of “${o?.title ?? "a reporting obligation"}”, so payments are not recorded on it here`);
    }
    const partner = await requirePartner(tx, partnershipId, input.organisationId);
    if (!partner) return fail("organisationId", "Choose a partner in this partnership");
    if (line.organisationId && line.organisationId !== input.organisationId) {
      const owner = await requirePartner(tx, partnershipId, line.organisationId);
      return fail("organisationId", `${line.title} is ${owner?.name ?? "another partner"}'s line: record only its payments on it`);
    }
    if (input.paidOn > today) return fail("paidOn", "The date it was paid cannot be in the future: record a payment once it is made");
    const row = {
      id: crypto.randomUUID(),
      partnershipId,
      lineId: line.id,
      organisationId: input.organisationId,
      financialYear: financialYearOf(input.paidOn),
      amountPence: input.amount,
      paidOn: input.paidOn,
      note: input.note,
      source: "recorded" as const,
      createdBy: scope.user.id,
    };
    await tx.insert(fundingActuals).values(row);
    const { partnershipId: _p, createdBy: _c, ...audited } = row;
    await appendAudit(tx, { actorUserId: scope.user.id, action: "funding_actual.record", entityId: row.id, partnershipId, after: audited });
    return ok(row.id);
  });
}

/** Records a joint bid's outcome and what it won; a save over someone else's is refused as a conflict. */
export async function recordBidOutcome(db: Db, scope: PartnershipScope, input: BidOutcomeInput, today: string): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const line = await getLine(tx, partnershipId, input.lineId);
    if (!line) return fail("lineId", "That joint bid is not in this partnership");
    if (line.kind !== "joint_bid") return fail("lineId", "Only a joint funding bid has an outcome");
    if (line.version !== input.version) return conflict("bid");
    if (input.outcomeOn && line.submittedOn && input.outcomeOn < line.submittedOn) return fail("outcomeOn", `The outcome cannot come before the bid was submitted (${line.submittedOn})`);
    if (input.outcomeOn && input.outcomeOn > today) return fail("outcomeOn", "The date of the outcome cannot be in the future");
    const before = { outcome: (line.outcome ?? "pending") as BidOutcome, outcomeOn: line.outcomeOn, amountWonPence: line.amountWonPence };
    const after = { outcome: input.outcome, outcomeOn: input.outcomeOn, amountWonPence: input.amountWonPence };
    await versionedUpdate(tx, fundingLines, eq(fundingLines.id, line.id), input.version, after, "bid");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "funding_bid.record_outcome", entityId: line.id, partnershipId, before, after });
    return ok();
  });
}

// ------------------------------------------------------------------ export

/** Every commitment and actual as rows of a spreadsheet (one batch: a partnership's money is small). */
export async function* exportMoney(db: Db, partnershipId: string) {
  const m = await loadMoney(db, partnershipId);
  const org = (id: string) => m.organisationNames[id] ?? "";
  yield [
    ...m.commitments.map((c) => ({
      kind: "Commitment",
      line: m.lineTitles[c.lineId] ?? "",
      partner: org(c.organisationId),
      financialYear: c.financialYear,
      pence: c.amountPence,
      date: "",
      decision: c.decisionReference,
      approver: c.approverName ?? "",
      authority: c.authority.status === "above" ? "Above delegated authority" : c.authority.status === "within" ? "Within delegated authority" : c.authority.status === "no_limit" ? "No limit recorded" : "No individual approver",
      source: "Decision",
    })),
    ...m.recorded.map((a) => ({ kind: "Actual", line: m.lineTitles[a.lineId] ?? "", partner: org(a.organisationId), financialYear: a.financialYear, pence: a.amountPence, date: a.paidOn, decision: "", approver: "", authority: "", source: "Recorded payment" })),
    ...m.returned.map((r) => ({ kind: "Actual", line: m.lineTitles[r.lineId] ?? "", partner: org(r.organisationId), financialYear: r.financialYear, pence: r.pence, date: r.periodKey, decision: "", approver: "", authority: "", source: "Accepted return" })),
  ];
}
