import { describe, expect, it } from "vitest";
import { showCount, suppressCount, suppressionThresholdSchema, suppressList, suppressTable, type ShownCount } from "../../../app/areas/participation/rules/suppression";

// Small numbers stay safe: primary suppression at every boundary, secondary
// suppression by hand-worked examples, and an attacker who knows the rules,
// every shown figure and the bounds the labels give ("fewer than 5": 0–4; "not
// shown": 5 or more) and tries every possible table: no small count may be
// pinned to one value.

const shown = (c: ShownCount) => (c.suppressed ? (c.reason === "small" ? "<" : "x") : c.value);

describe("primary suppression", () => {
  it("hides every count below the threshold, zero included, and shows the threshold itself", () => {
    for (const n of [0, 1, 4]) expect(suppressCount(n)).toEqual({ suppressed: true, reason: "small", below: 5 });
    for (const n of [5, 6, 1234]) expect(suppressCount(n)).toEqual({ suppressed: false, value: n });
    expect(suppressCount(2, 3).suppressed).toBe(true);
    expect(suppressCount(3, 3).suppressed).toBe(false);
    expect(suppressCount(19, 20).suppressed).toBe(true);
    expect(suppressCount(20, 20).suppressed).toBe(false);
  });
  it("never goes below 3, and refuses counts that are not whole and not negative", () => {
    expect(() => suppressCount(1, 2)).toThrow(RangeError);
    expect(() => suppressCount(1, 2.5)).toThrow(RangeError);
    expect(() => suppressCount(-1)).toThrow(RangeError);
    expect(() => suppressCount(1.5)).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(suppressionThresholdSchema.safeParse("2").error?.issues[0].message).toBe("The threshold must be a whole number from 3 to 20");
    expect(suppressionThresholdSchema.safeParse("4.5").success).toBe(false);
    expect(suppressionThresholdSchema.parse("3")).toBe(3);
  });
  it("reads as people say it", () => {
    expect(showCount(suppressCount(2))).toBe("fewer than 5");
    expect(showCount(suppressCount(2, 3))).toBe("fewer than 3");
    expect(showCount(suppressCount(1234))).toBe("1,234");
    expect(showCount({ suppressed: true, reason: "protects" })).toBe("not shown");
  });
});

describe("secondary suppression", () => {
  it("hides the smallest other cell when one hidden cell could be found by subtraction", () => {
    const r = suppressList([10, 3, 12]);
    expect(r.cells.map(shown)).toEqual(["x", "<", 12]);
    expect(r.total).toEqual({ suppressed: false, value: 25 });
  });
  it("hides the total when there is nothing else to hide", () => {
    expect(suppressList([3]).total.suppressed).toBe(true);
    const one = suppressList([3, 20]);
    expect(one.cells.map(shown)).toEqual(["<", "x"]);
    expect(one.total).toEqual({ suppressed: false, value: 23 });
    const single = suppressTable([[7], [2]]);
    // Each row's total equals its one cell: hiding 7 would be pointless while its row total shows it.
    expect(single.cells.map((r) => r.map(shown))).toEqual([["x"], ["<"]]);
    expect(single.rowTotals.map(shown)).toEqual(["x", "<"]);
  });
  it("hides one more where the hidden cells' sum pins each of them at the threshold less one", () => {
    const r = suppressList([4, 4, 30]);
    expect(r.cells.map(shown)).toEqual(["<", "<", "x"]);
    expect(r.total).toEqual({ suppressed: false, value: 38 });
  });
  it("leaves a table of large counts alone", () => {
    const r = suppressTable([[5, 9], [12, 30]]);
    expect(r.cells.flat().every((c) => !c.suppressed)).toBe(true);
    expect(r.total).toEqual({ suppressed: false, value: 56 });
  });
  it("cascades from a row into a column", () => {
    const r = suppressTable([
      [2, 10, 11],
      [8, 9, 12],
      [7, 20, 6],
    ]);
    // 2 hidden → 10 hidden in its row; then column 1 (2, 8, 7) and column 2 (10, 9, 20) each lose one more.
    const grid = r.cells.map((row) => row.map(shown));
    expect(grid[0].slice(0, 2)).toEqual(["<", "x"]);
    expect(grid.map((row) => row[0]).filter((c) => c !== "<" && typeof c !== "number").length).toBeGreaterThanOrEqual(1);
    expect(grid.map((row) => row[1]).filter((c) => typeof c !== "number").length).toBeGreaterThanOrEqual(2);
  });
});

// ------------------------------------------------------------------ the attacker

type Result = ReturnType<typeof suppressTable>;

/** Every value each small hidden cell (and total) can take, given everything shown and the labels' bounds. */
function possibleValues(result: Result, threshold: number, ceiling: number) {
  const rows = result.cells.length;
  const cols = result.cells[0].length;
  // A table with no "fewer than" label has fallen back to one label for every hidden count: no bounds.
  const uniform = ![...result.cells.flat(), ...result.rowTotals, ...result.columnTotals, result.total].some((c) => c.suppressed && c.reason === "small");
  const domain = (c: ShownCount) => {
    if (!c.suppressed) return [c.value];
    if (uniform) return Array.from({ length: ceiling + 1 }, (_, i) => i);
    if (c.reason === "small") return Array.from({ length: threshold }, (_, i) => i);
    return Array.from({ length: ceiling - threshold + 1 }, (_, i) => threshold + i);
  };
  const fits = (c: ShownCount, v: number) => (!c.suppressed ? c.value === v : uniform ? true : c.reason === "small" ? v < threshold : v >= threshold);
  const seen = new Map<string, Set<number>>();
  const note = (key: string, v: number) => (seen.get(key) ?? seen.set(key, new Set()).get(key)!).add(v);
  const values: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const walk = (i: number, j: number) => {
    if (j === cols) {
      // A whole row: its total must fit what is shown, before going on.
      if (!fits(result.rowTotals[i], values[i].reduce((a, b) => a + b, 0))) return;
      return walk(i + 1, 0);
    }
    if (i === rows) {
      const colSums = Array.from({ length: cols }, (_, c) => values.reduce((a, r) => a + r[c], 0));
      if (!colSums.every((v, c) => fits(result.columnTotals[c], v))) return;
      const all = colSums.reduce((a, b) => a + b, 0);
      if (!fits(result.total, all)) return;
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) note(`cell ${r},${c}`, values[r][c]);
      for (let r = 0; r < rows; r++) note(`row ${r}`, values[r].reduce((a, b) => a + b, 0));
      for (let c = 0; c < cols; c++) note(`column ${c}`, colSums[c]);
      note("total", all);
      return;
    }
    for (const v of domain(result.cells[i][j])) {
      values[i][j] = v;
      walk(i, j + 1);
    }
  };
  walk(0, 0);
  return seen;
}

/** The small counts the attacker pinned to one value (zero is nobody, so pinning it gives nobody away). */
function disclosed(table: number[][], threshold: number) {
  const result = suppressTable(table, threshold);
  const ceiling = table.flat().reduce((a, b) => a + b, 0) + threshold;
  const seen = possibleValues(result, threshold, ceiling);
  const leaks: string[] = [];
  const check = (key: string, truth: number, c: ShownCount) => {
    if (!c.suppressed || truth === 0 || truth >= threshold) return;
    const options = seen.get(key)!;
    if (options.size < 2) leaks.push(`${JSON.stringify(table)} t=${threshold}: ${key} (${truth}) can only be ${[...options].join(",")}`);
  };
  table.forEach((r, i) => r.forEach((v, j) => check(`cell ${i},${j}`, v, result.cells[i][j])));
  table.forEach((r, i) => check(`row ${i}`, r.reduce((a, b) => a + b, 0), result.rowTotals[i]));
  table[0].forEach((_, j) => check(`column ${j}`, table.reduce((a, r) => a + r[j], 0), result.columnTotals[j]));
  check("total", table.flat().reduce((a, b) => a + b, 0), result.total);
  return leaks;
}

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("an attacker who tries every table the figures allow", () => {
  it("pins no small count in any list of three counts from 0 to 9 (threshold 5)", () => {
    const leaks: string[] = [];
    for (let a = 0; a < 10; a++) for (let b = 0; b < 10; b++) for (let c = 0; c < 10; c++) leaks.push(...disclosed([[a, b, c]], 5));
    expect(leaks.slice(0, 5)).toEqual([]);
  });

  it("pins no small count in any 2×2 table of counts from 0 to 6 (threshold 3)", () => {
    const leaks: string[] = [];
    for (let n = 0; n < 7 ** 4; n++) {
      const v = [n % 7, Math.floor(n / 7) % 7, Math.floor(n / 49) % 7, Math.floor(n / 343) % 7];
      leaks.push(...disclosed([[v[0], v[1]], [v[2], v[3]]], 3));
    }
    expect(leaks.slice(0, 5)).toEqual([]);
  });

  it("pins no small count in random 2×3 and 3×2 tables (threshold 5)", () => {
    const random = mulberry32(20261205);
    const leaks: string[] = [];
    for (let k = 0; k < 150; k++) {
      const [rows, cols] = k % 2 ? [2, 3] : [3, 2];
      // Skewed small, where suppression has work to do.
      const table = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(random() ** 2 * 12)));
      leaks.push(...disclosed(table, 5));
    }
    expect(leaks.slice(0, 5)).toEqual([]);
  });
});

/** Sums alone, by exact elimination (written apart from the module's): the small counts that follow from the shown figures. */
function linearlyDetermined(table: number[][], threshold: number): string[] {
  const r = suppressTable(table, threshold);
  const rows = table.length;
  const cols = table[0].length;
  const colSums = Array.from({ length: cols }, (_, j) => table.reduce((a, row) => a + row[j], 0));
  const known = [
    ...table.flatMap((row, i) => row.map((v, j) => ({ key: `cell ${i},${j}`, truth: v, shown: r.cells[i][j] }))),
    ...table.map((row, i) => ({ key: `row ${i}`, truth: row.reduce((a, b) => a + b, 0), shown: r.rowTotals[i] })),
    ...colSums.map((v, j) => ({ key: `column ${j}`, truth: v, shown: r.columnTotals[j] })),
    { key: "total", truth: colSums.reduce((a, b) => a + b, 0), shown: r.total },
  ];
  const lines = [
    ...Array.from({ length: rows }, (_, i) => ({ members: Array.from({ length: cols }, (_, j) => `cell ${i},${j}`), total: `row ${i}` })),
    ...Array.from({ length: cols }, (_, j) => ({ members: Array.from({ length: rows }, (_, i) => `cell ${i},${j}`), total: `column ${j}` })),
    { members: Array.from({ length: cols }, (_, j) => `column ${j}`), total: "total" },
    { members: Array.from({ length: rows }, (_, i) => `row ${i}`), total: "total" },
  ];
  const unknown = new Map<string, number>();
  for (const k of known) if (k.shown.suppressed) unknown.set(k.key, unknown.size);
  // Fractions avoided: eliminate with exact integers, row by row.
  const m = lines.map((l) => {
    const e = new Array<number>(unknown.size).fill(0);
    for (const x of l.members) if (unknown.has(x)) e[unknown.get(x)!] += 1;
    if (unknown.has(l.total)) e[unknown.get(l.total)!] -= 1;
    return e;
  });
  let pr = 0;
  for (let c = 0; c < unknown.size && pr < m.length; c++) {
    const p = m.findIndex((e, i) => i >= pr && e[c] !== 0);
    if (p < 0) continue;
    [m[pr], m[p]] = [m[p], m[pr]];
    for (let i = 0; i < m.length; i++) if (i !== pr && m[i][c] !== 0) m[i] = m[i].map((v, k) => v * m[pr][c] - m[pr][k] * m[i][c]);
    pr++;
  }
  const pinned = new Set(m.map((e) => e.flatMap((v, c) => (v !== 0 ? [c] : []))).filter((nz) => nz.length === 1).map((nz) => nz[0]));
  return known.filter((k) => k.shown.suppressed && k.truth > 0 && k.truth < threshold && pinned.has(unknown.get(k.key)!)).map((k) => `${JSON.stringify(table)} t=${threshold}: ${k.key} (${k.truth}) follows from the sums`);
}

describe("larger tables, against sums alone", () => {
  it("pins no small count in tables found to leak by subtraction across several lines", () => {
    expect(linearlyDetermined([[1, 0, 10, 1], [2, 11, 7, 10], [10, 2, 6, 3], [1, 5, 2, 11]], 5)).toEqual([]);
    expect(linearlyDetermined([[11, 10, 1, 8], [0, 0, 1, 7], [7, 9, 1, 2], [7, 3, 10, 10]], 5)).toEqual([]);
    expect(linearlyDetermined([[6, 6, 1, 1], [1, 5, 6, 12], [10, 1, 4, 0], [1, 0, 5, 4]], 3)).toEqual([]);
  });
  it("pins no small count in 2,000 random tables from 4 × 4 to 6 × 5", () => {
    const random = mulberry32(4411);
    const leaks: string[] = [];
    for (let k = 0; k < 2000; k++) {
      const [rows, cols] = [4 + (k % 3), 4 + (k % 2)];
      const table = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(random() ** 2 * 13)));
      leaks.push(...linearlyDetermined(table, k % 2 ? 5 : 3));
    }
    expect(leaks.slice(0, 5)).toEqual([]);
  });
});
