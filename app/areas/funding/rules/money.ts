// Money, in integer pence: reading what people type, writing it back as
// pounds, financial years, the totals (each an exact integer sum, so they
// reconcile), the delegated-authority check, caps and joint bids. Pure: no
// database, no HTTP.

export { formatPence, MAX_PENCE, parsePence, penceAsDecimal, type PenceResult } from "../../../platform/text/money";
import { formatPence } from "../../../platform/text/money";

// ------------------------------------------------------------ financial years

/** A UK public-sector financial year, April to March, written "2026-27". */
export type FinancialYear = string;

export const financialYearPattern = /^(\d{4})-(\d{2})$/;

/** The financial year a YYYY-MM-DD date falls in: 2026-04-01 → "2026-27", 2027-03-31 → "2026-27". */
export function financialYearOf(isoDate: string): FinancialYear {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  return financialYearFrom(start);
}

export const financialYearFrom = (startYear: number): FinancialYear => `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;

/** Whether a string is a real financial year ("2026-27", not "2026-28"). */
export function isFinancialYear(value: string): boolean {
  const m = financialYearPattern.exec(value);
  return Boolean(m) && (Number(m![1]) + 1) % 100 === Number(m![2]);
}

/** Its first and last days: "2026-27" → 2026-04-01 to 2027-03-31. */
export function financialYearBounds(fy: FinancialYear): { start: string; end: string } {
  const start = Number(fy.slice(0, 4));
  return { start: `${start}-04-01`, end: `${start + 1}-03-31` };
}

/** A financial year some years from another: ("2026-27", -1) → "2025-26". */
export const shiftFinancialYear = (fy: FinancialYear, years: number): FinancialYear => financialYearFrom(Number(fy.slice(0, 4)) + years);

/** A date in a financial year by its month and day: ("2026-27", "01-15") → 2027-01-15. */
export function dateInFinancialYear(fy: FinancialYear, monthDay: string): string {
  const start = Number(fy.slice(0, 4));
  const month = Number(monthDay.slice(0, 2));
  return `${month >= 4 ? start : start + 1}-${monthDay}`;
}

// ------------------------------------------------------------------ vocabulary

export const fundingLineKinds = ["pooled_budget", "co_investment", "contract_payment", "innovation_payment", "joint_bid"] as const;
export type FundingLineKind = (typeof fundingLineKinds)[number];
export const fundingLineKindLabels: Record<FundingLineKind, string> = {
  pooled_budget: "Pooled budget",
  co_investment: "Co-investment",
  contract_payment: "Contract payments",
  innovation_payment: "Innovation payment",
  joint_bid: "Joint funding bid",
};

export const bidOutcomes = ["pending", "won", "lost", "withdrawn"] as const;
export type BidOutcome = (typeof bidOutcomes)[number];
export const bidOutcomeLabels: Record<BidOutcome, string> = { pending: "Waiting for the funder", won: "Won", lost: "Not funded", withdrawn: "Withdrawn" };

// ---------------------------------------------------------------------- totals

export type Amount = { organisationId: string; financialYear: FinancialYear; pence: number };

export type MoneyCell = { committed: number; actual: number };
export type MoneyTable = {
  organisationIds: string[];
  years: FinancialYear[];
  /** organisationId → year → cell */
  cells: Map<string, Map<FinancialYear, MoneyCell>>;
  byOrganisation: Map<string, MoneyCell>;
  byYear: Map<FinancialYear, MoneyCell>;
  total: MoneyCell;
};

const add = (a: number, b: number) => {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new Error("A total is too large to hold exactly");
  return sum;
};

/**
 * Commitments against actuals per partner per year, with the totals of each
 * partner, each year and overall. Every figure is an exact integer sum of
 * pence, so the partners' totals add up to the overall total, and so do the
 * years'. Partners and years are those that appear, in the order given by
 * `organisationOrder` (others after, by id) and year order.
 */
export function moneyTable(commitments: readonly Amount[], actuals: readonly Amount[], organisationOrder: readonly string[] = []): MoneyTable {
  const cells = new Map<string, Map<FinancialYear, MoneyCell>>();
  const byOrganisation = new Map<string, MoneyCell>();
  const byYear = new Map<FinancialYear, MoneyCell>();
  const total: MoneyCell = { committed: 0, actual: 0 };
  const put = (a: Amount, field: keyof MoneyCell) => {
    if (!Number.isSafeInteger(a.pence)) throw new Error(`Not a whole number of pence: ${a.pence}`);
    const row = cells.get(a.organisationId) ?? new Map<FinancialYear, MoneyCell>();
    cells.set(a.organisationId, row);
    const cell = row.get(a.financialYear) ?? { committed: 0, actual: 0 };
    row.set(a.financialYear, cell);
    cell[field] = add(cell[field], a.pence);
    const o = byOrganisation.get(a.organisationId) ?? { committed: 0, actual: 0 };
    byOrganisation.set(a.organisationId, o);
    o[field] = add(o[field], a.pence);
    const y = byYear.get(a.financialYear) ?? { committed: 0, actual: 0 };
    byYear.set(a.financialYear, y);
    y[field] = add(y[field], a.pence);
    total[field] = add(total[field], a.pence);
  };
  for (const c of commitments) put(c, "committed");
  for (const a of actuals) put(a, "actual");
  const rank = (id: string) => {
    const i = organisationOrder.indexOf(id);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const organisationIds = [...cells.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const years = [...byYear.keys()].sort();
  return { organisationIds, years, cells, byOrganisation, byYear, total };
}

export const cellOf = (t: MoneyTable, organisationId: string, year: FinancialYear): MoneyCell => t.cells.get(organisationId)?.get(year) ?? { committed: 0, actual: 0 };

/** Whether the table's totals agree with its cells, both ways round (a check the tests and the page make). */
export function reconciles(t: MoneyTable): boolean {
  for (const field of ["committed", "actual"] as const) {
    let viaOrganisations = 0;
    let viaYears = 0;
    for (const o of t.organisationIds) {
      let row = 0;
      for (const y of t.years) row += cellOf(t, o, y)[field];
      if (row !== (t.byOrganisation.get(o)?.[field] ?? 0)) return false;
      viaOrganisations += row;
    }
    for (const y of t.years) {
      let column = 0;
      for (const o of t.organisationIds) column += cellOf(t, o, y)[field];
      if (column !== (t.byYear.get(y)?.[field] ?? 0)) return false;
      viaYears += column;
    }
    if (viaOrganisations !== t.total[field] || viaYears !== t.total[field]) return false;
  }
  return true;
}

/** What is left of a commitment: committed minus actual (negative when more was spent than committed). */
export const remaining = (cell: MoneyCell) => cell.committed - cell.actual;

// ---------------------------------------------------------- delegated authority

export type AuthorityCheck =
  | { status: "within"; message: string }
  | { status: "above"; message: string }
  | { status: "no_limit"; message: string }
  | { status: "no_approver"; message: string };

/**
 * A commitment against the delegated financial authority of the board
 * member who approved it (the register's limit, in whole pounds). Above the
 * limit is flagged; a member with no limit recorded is said to have none
 * recorded, not flagged as over it.
 */
export function authorityCheck(pence: number, approver: { name: string; delegatedAuthorityGbp: number | null } | null): AuthorityCheck {
  if (!approver) return { status: "no_approver", message: "No board member is recorded as approving it: the decision is its authority" };
  if (approver.delegatedAuthorityGbp === null) return { status: "no_limit", message: `${approver.name} has no delegated financial authority recorded in the board register, so it cannot be checked against a limit` };
  const limitPence = approver.delegatedAuthorityGbp * 100;
  if (pence > limitPence)
    return { status: "above", message: `${formatPence(pence)} is above ${approver.name}'s delegated financial authority of ${formatPence(limitPence)}, by ${formatPence(pence - limitPence)}` };
  return { status: "within", message: `Within ${approver.name}'s delegated financial authority of ${formatPence(limitPence)}` };
}

// ----------------------------------------------------------------------- caps

/** A cap as a share of another line, in basis points (700 = 7%): the most that may be committed, rounded down to the penny. */
export const capOf = (basePence: number, basisPoints: number) => Math.floor((basePence * basisPoints) / 10_000);

/** "7%" or "7.5%" from basis points. */
export const percentOfBasisPoints = (bp: number) => `${bp / 100}%`;

/** A percentage typed as "7" or "7.5" (at most two decimal places, up to 100) as basis points. */
export function parsePercent(input: string): { ok: true; basisPoints: number } | { ok: false; message: string } {
  const s = input.trim().replace(/%$/, "");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return { ok: false, message: "The cap must be a percentage such as 7 or 7.5" };
  const [whole, decimals = ""] = s.split(".");
  const bp = Number(whole) * 100 + Number(decimals.padEnd(2, "0"));
  if (bp <= 0 || bp > 10_000) return { ok: false, message: "The cap must be more than 0% and at most 100%" };
  return { ok: true, basisPoints: bp };
}

/** A share of one amount in another, as people read it: (20_000_000, 100_000_000) → "20%". */
export function shareOf(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  const tenths = Math.round((part * 1000) / whole);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
}

// ------------------------------------------------------------------ joint bids

export type BidSummaryInput = { outcome: BidOutcome; amountSoughtPence: number; amountWonPence: number | null };

/** Joint bids in a year: how many, sought, won; the success rate of those decided (won against won or lost). */
export function bidSummary(bids: readonly BidSummaryInput[]) {
  let sought = 0;
  let won = 0;
  const count: Record<BidOutcome, number> = { pending: 0, won: 0, lost: 0, withdrawn: 0 };
  for (const b of bids) {
    sought = add(sought, b.amountSoughtPence);
    if (b.outcome === "won") won = add(won, b.amountWonPence ?? 0);
    count[b.outcome] += 1;
  }
  const decided = count.won + count.lost;
  return {
    bids: bids.length,
    count,
    soughtPence: sought,
    wonPence: won,
    successRate: decided === 0 ? null : Math.round((count.won / decided) * 100),
    successSentence: decided === 0 ? "No bid decided yet" : `${count.won} of ${decided} decided ${decided === 1 ? "bid" : "bids"} won (${Math.round((count.won / decided) * 100)}%)`,
  };
}

/** The table as plain rows for a page or a file: each partner's cells year by year and total, then the years' totals and the overall total. */
export function tableRows(t: MoneyTable, names: Readonly<Record<string, string>>) {
  return {
    years: t.years,
    rows: t.organisationIds.map((id) => ({
      organisationId: id,
      name: names[id] ?? "A former partner",
      cells: t.years.map((y) => cellOf(t, id, y)),
      total: t.byOrganisation.get(id) ?? { committed: 0, actual: 0 },
    })),
    yearTotals: t.years.map((y) => t.byYear.get(y) ?? { committed: 0, actual: 0 }),
    total: t.total,
    reconciles: reconciles(t),
  };
}
