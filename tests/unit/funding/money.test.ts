import { describe, expect, it } from "vitest";
import {
  authorityCheck,
  bidSummary,
  capOf,
  cellOf,
  dateInFinancialYear,
  financialYearBounds,
  financialYearOf,
  formatPence,
  isFinancialYear,
  MAX_PENCE,
  moneyTable,
  parsePence,
  parsePercent,
  penceAsDecimal,
  reconciles,
  shareOf,
  type Amount,
} from "../../../app/areas/funding/rules/money";

const pence = (s: string) => {
  const r = parsePence(s);
  if (!r.ok) throw new Error(r.message);
  return r.pence;
};
const error = (s: string) => {
  const r = parsePence(s, "The amount");
  if (r.ok) throw new Error(`${s} was accepted as ${r.pence}`);
  return r.message;
};

describe("reading amounts of money into integer pence", () => {
  it("reads pounds as people write them", () => {
    expect(pence("£1,234.56")).toBe(123456);
    expect(pence("1234.5")).toBe(123450);
    expect(pence("£200,000")).toBe(20_000_000);
    expect(pence("£1,964,765")).toBe(196_476_500);
    expect(pence(" 0.01 ")).toBe(1);
    expect(pence("£0.10")).toBe(10);
    expect(pence(".5")).toBe(50);
    expect(pence("007")).toBe(700);
    expect(pence("£ 12")).toBe(1200);
    expect(pence("0")).toBe(0);
  });

  it("never goes through floating point: amounts that floats get wrong come out exact", () => {
    expect(pence("0.29")).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(pence("1.13")).toBe(113); // 1.13 * 100 = 112.99999999999999
    expect(pence("4.35")).toBe(435);
    expect(pence("9999999999.99")).toBe(999_999_999_999);
  });

  it("refuses anything else with a sentence saying what is wrong", () => {
    expect(error("")).toMatch(/^Enter the amount in pounds/);
    expect(error("   ")).toMatch(/^Enter the amount/);
    expect(error("-5")).toBe("The amount cannot be negative");
    expect(error("£-5")).toBe("The amount cannot be negative");
    expect(error("−5")).toBe("The amount cannot be negative");
    expect(error("(5.00)")).toBe("The amount cannot be negative");
    expect(error("1.234")).toBe("The amount can have at most two decimal places (pence)");
    expect(error("12abc")).toMatch(/without letters/);
    expect(error("1e6")).toMatch(/without letters/);
    expect(error("$100")).toMatch(/without letters/);
    expect(error("12.")).toMatch(/ends with a decimal point/);
    expect(error("1.2.3")).toMatch(/more than one decimal point/);
    expect(error("1,23")).toMatch(/commas in the wrong places/);
    expect(error("12,34,567")).toMatch(/commas in the wrong places/);
    expect(error("1.2,5")).toMatch(/comma after the decimal point/);
    expect(error("££5")).toMatch(/one £ sign/);
    expect(error("5£")).toMatch(/one £ sign/);
    expect(error(".")).toMatch(/ends with a decimal point/);
    expect(error("10000000000.01")).toMatch(/too large: at most £10,000,000,000.00/);
    expect(error("99999999999999999999")).toMatch(/too large/);
    expect(pence("10000000000")).toBe(MAX_PENCE);
  });

  it("names the field in its message", () => {
    const r = parsePence("x", "The amount won");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^The amount won must be/);
  });
});

describe("writing pence as pounds", () => {
  it("groups thousands and always shows pence", () => {
    expect(formatPence(196_476_500)).toBe("£1,964,765.00");
    expect(formatPence(20_000_000)).toBe("£200,000.00");
    expect(formatPence(5)).toBe("£0.05");
    expect(formatPence(0)).toBe("£0.00");
    expect(formatPence(-1250)).toBe("−£12.50");
    expect(formatPence(123456789)).toBe("£1,234,567.89");
    expect(penceAsDecimal(196_476_537)).toBe("1964765.37");
    expect(penceAsDecimal(-7)).toBe("-0.07");
  });

  it("refuses a fraction of a penny", () => {
    expect(() => formatPence(1.5)).toThrow(/whole number of pence/);
  });

  it("reads back what it writes", () => {
    for (const p of [0, 1, 99, 100, 123456, 999_999_999_999]) expect(pence(formatPence(p))).toBe(p);
  });
});

describe("financial years, April to March", () => {
  it("puts each date in its year", () => {
    expect(financialYearOf("2026-04-01")).toBe("2026-27");
    expect(financialYearOf("2027-03-31")).toBe("2026-27");
    expect(financialYearOf("2026-03-31")).toBe("2025-26");
    expect(financialYearOf("1999-12-31")).toBe("1999-00");
    expect(financialYearBounds("2026-27")).toEqual({ start: "2026-04-01", end: "2027-03-31" });
    expect(dateInFinancialYear("2026-27", "01-15")).toBe("2027-01-15");
    expect(dateInFinancialYear("2026-27", "06-30")).toBe("2026-06-30");
  });

  it("knows a real year from a near miss", () => {
    expect(isFinancialYear("2026-27")).toBe(true);
    expect(isFinancialYear("1999-00")).toBe(true);
    expect(isFinancialYear("2026-28")).toBe(false);
    expect(isFinancialYear("2026/27")).toBe(false);
    expect(isFinancialYear("26-27")).toBe(false);
  });
});

describe("commitments against actuals: totals that reconcile to the penny", () => {
  const A = "org-a";
  const B = "org-b";
  const C = "org-c";
  const commitments: Amount[] = [
    { organisationId: A, financialYear: "2025-26", pence: 1_800_000 },
    { organisationId: A, financialYear: "2026-27", pence: 20_000_000 },
    { organisationId: B, financialYear: "2026-27", pence: 100_000_000 },
    { organisationId: B, financialYear: "2026-27", pence: 1 },
    { organisationId: C, financialYear: "2024-25", pence: 33_333 },
  ];
  const actuals: Amount[] = [
    { organisationId: A, financialYear: "2025-26", pence: 1_764_000 },
    { organisationId: A, financialYear: "2026-27", pence: 4_825_037 },
    { organisationId: A, financialYear: "2026-27", pence: 5_173_045 },
    { organisationId: B, financialYear: "2026-27", pence: 25_000_000 },
  ];

  it("sums each partner, each year and the whole", () => {
    const t = moneyTable(commitments, actuals, [B, A]);
    expect(t.organisationIds).toEqual([B, A, C]);
    expect(t.years).toEqual(["2024-25", "2025-26", "2026-27"]);
    expect(cellOf(t, A, "2026-27")).toEqual({ committed: 20_000_000, actual: 9_998_082 });
    expect(cellOf(t, B, "2026-27")).toEqual({ committed: 100_000_001, actual: 25_000_000 });
    expect(cellOf(t, C, "2026-27")).toEqual({ committed: 0, actual: 0 });
    expect(t.byOrganisation.get(A)).toEqual({ committed: 21_800_000, actual: 11_762_082 });
    expect(t.byYear.get("2026-27")).toEqual({ committed: 120_000_001, actual: 34_998_082 });
    expect(t.total).toEqual({ committed: 121_833_334, actual: 36_762_082 });
    expect(reconciles(t)).toBe(true);
  });

  it("reconciles for many random amounts, whichever way it is added up", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const orgs = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const years = ["2023-24", "2024-25", "2025-26", "2026-27"];
    const make = (n: number): Amount[] => Array.from({ length: n }, () => ({ organisationId: orgs[random() % orgs.length], financialYear: years[random() % years.length], pence: random() % 50_000_000_00 }));
    const c = make(500);
    const a = make(700);
    const t = moneyTable(c, a);
    expect(reconciles(t)).toBe(true);
    const sum = (xs: Amount[]) => xs.reduce((s, x) => s + x.pence, 0);
    expect(t.total.committed).toBe(sum(c));
    expect(t.total.actual).toBe(sum(a));
    expect([...t.byOrganisation.values()].reduce((s, x) => s + x.committed, 0)).toBe(sum(c));
    expect([...t.byYear.values()].reduce((s, x) => s + x.actual, 0)).toBe(sum(a));
  });

  it("detects a table whose totals do not agree with its cells", () => {
    const t = moneyTable(commitments, actuals);
    t.byYear.get("2026-27")!.actual += 1;
    expect(reconciles(t)).toBe(false);
  });

  it("refuses fractions of a penny rather than losing them", () => {
    expect(() => moneyTable([{ organisationId: A, financialYear: "2026-27", pence: 0.5 }], [])).toThrow(/whole number of pence/);
  });
});

describe("delegated financial authority", () => {
  const member = { name: "Grace Okafor", delegatedAuthorityGbp: 100_000 };

  it("flags a commitment above the approving member's limit, naming them and it", () => {
    const c = authorityCheck(11_800_000, member);
    expect(c.status).toBe("above");
    expect(c.message).toBe("£118,000.00 is above Grace Okafor's delegated financial authority of £100,000.00, by £18,000.00");
  });

  it("is within the limit up to and including it, to the penny", () => {
    expect(authorityCheck(10_000_000, member).status).toBe("within");
    expect(authorityCheck(10_000_001, member).status).toBe("above");
    expect(authorityCheck(10_000_000, member).message).toBe("Within Grace Okafor's delegated financial authority of £100,000.00");
  });

  it("says when no limit is recorded, without calling it over", () => {
    const c = authorityCheck(20_000_000, { name: "Eleri Vaughan", delegatedAuthorityGbp: null });
    expect(c.status).toBe("no_limit");
    expect(c.message).toMatch(/Eleri Vaughan has no delegated financial authority recorded/);
    expect(authorityCheck(1, { name: "X", delegatedAuthorityGbp: 0 }).status).toBe("above");
    expect(authorityCheck(5, null).status).toBe("no_approver");
  });
});

describe("caps, shares and joint bids", () => {
  it("caps an innovation payment at a share of its contract, rounded down to the penny", () => {
    expect(capOf(245_000_000, 700)).toBe(17_150_000);
    expect(capOf(333, 700)).toBe(23);
    expect(parsePercent("7")).toEqual({ ok: true, basisPoints: 700 });
    expect(parsePercent("7.5%")).toEqual({ ok: true, basisPoints: 750 });
    expect(parsePercent("0").ok).toBe(false);
    expect(parsePercent("101").ok).toBe(false);
    expect(parsePercent("7.125").ok).toBe(false);
    expect(shareOf(20_000_000, 100_000_000)).toBe("20%");
    expect(shareOf(1, 3)).toBe("33.3%");
    expect(shareOf(1, 0)).toBeNull();
  });

  it("counts bids, what was sought and won, and the success rate of those decided", () => {
    const s = bidSummary([
      { outcome: "won", amountSoughtPence: 56_000_000, amountWonPence: 52_000_000 },
      { outcome: "won", amountSoughtPence: 41_250_000, amountWonPence: 41_250_000 },
      { outcome: "won", amountSoughtPence: 30_000_000, amountWonPence: 28_726_500 },
      { outcome: "won", amountSoughtPence: 80_000_000, amountWonPence: 74_500_000 },
      { outcome: "lost", amountSoughtPence: 35_000_000, amountWonPence: null },
      { outcome: "pending", amountSoughtPence: 46_500_000, amountWonPence: null },
    ]);
    expect(s.wonPence).toBe(196_476_500);
    expect(formatPence(s.wonPence)).toBe("£1,964,765.00");
    expect(s.soughtPence).toBe(288_750_000);
    expect(s.successRate).toBe(80);
    expect(s.successSentence).toBe("4 of 5 decided bids won (80%)");
    expect(bidSummary([{ outcome: "pending", amountSoughtPence: 1, amountWonPence: null }]).successRate).toBeNull();
  });
});
