import { z } from "zod";

// Small numbers stay safe. Every count of young people that adults, the board
// or scrutiny see passes through here.
//
// - Primary suppression: any count below the partnership's threshold (default
//   5, never below 3), zero included, shows as "fewer than 5".
// - Counts hidden by the rules below show as "not shown" (they are not small).
// - Secondary suppression: a table is a set of lines (each row with its row
//   total, each column with its column total, the row totals with the grand
//   total, the column totals with the grand total). Where a line's total is
//   shown and exactly one of its members is hidden, that member could be worked
//   out by subtraction: the smallest shown member of the line is hidden too, or,
//   if the line has no other member to hide, its total.
// - Bounds: in a line with a shown total, the hidden members' sum is known. If
//   it equals (members hidden) × (threshold − 1), each must be threshold − 1:
//   another member (or the total) is hidden.
// - Across lines: an attacker's interval reasoning over all the sums and the
//   labels' bounds (pinnedSmallCell), and exact linear algebra over the sums
//   (linearlyPinnedSmallCell), must not narrow a small count to one value;
//   where it does, another count or a total is hidden. In the rare table where
//   even hiding everything leaves the labels themselves telling (a hidden
//   total known to be 5 or more over cells known to be under 5), every hidden
//   count is shown as "not shown".
// Repeated until nothing changes. The attacker in the unit tests tries every
// table the shown figures allow and checks this.

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const MIN_SUPPRESSION_THRESHOLD = 3;

export const suppressionThresholdSchema = z.coerce
  .number({ error: "The threshold must be a whole number from 3 to 20" })
  .int({ error: "The threshold must be a whole number from 3 to 20" })
  .min(MIN_SUPPRESSION_THRESHOLD, { error: "The threshold must be a whole number from 3 to 20" })
  .max(20, { error: "The threshold must be a whole number from 3 to 20" });

/**
 * A count as adults may see it: shown, "fewer than 5" (small), or held back
 * because it would give a small one away ("not shown": it is not small itself).
 */
export type ShownCount = { suppressed: false; value: number } | { suppressed: true; reason: "small"; below: number } | { suppressed: true; reason: "protects" };

export function showCount(c: ShownCount): string {
  if (!c.suppressed) return c.value.toLocaleString("en-GB");
  return c.reason === "small" ? `fewer than ${c.below}` : "not shown";
}

/** The note a table with held-back figures carries. */
export const suppressionNote = (threshold: number) =>
  `Counts below ${threshold} show as ‘fewer than ${threshold}’. ‘Not shown’ marks a figure held back because, with the others, it would give a small count away.`;

function checkThreshold(threshold: number) {
  if (!Number.isInteger(threshold) || threshold < MIN_SUPPRESSION_THRESHOLD) throw new RangeError(`The suppression threshold must be a whole number of at least ${MIN_SUPPRESSION_THRESHOLD}`);
}
function checkCount(n: number) {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count must be a whole number of at least 0, not ${n}`);
}

/** One count on its own: primary suppression only. */
export function suppressCount(count: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): ShownCount {
  checkThreshold(threshold);
  checkCount(count);
  return count < threshold ? { suppressed: true, reason: "small", below: threshold } : { suppressed: false, value: count };
}

/** A list of counts with its total (a one-row table). */
export function suppressList(counts: readonly number[], threshold = DEFAULT_SUPPRESSION_THRESHOLD) {
  const t = suppressTable([counts], threshold);
  return { cells: t.cells[0], total: t.total };
}

type Cell = { value: number; hidden: boolean; small: boolean };
type Line = { members: Cell[]; total: Cell };

/**
 * Interval propagation over the table's sums, as an attacker would reason: a
 * small hidden count lies in 0..threshold−1, a held-back one at or above the
 * threshold, a shown one is itself; each line's members add up to its total.
 * Returns a small, non-zero hidden count narrowed to a single value, if any.
 */
function pinnedSmallCell(lines: Line[], cells: Cell[], threshold: number, uniform: boolean): Cell | null {
  const range = new Map<Cell, [number, number]>(cells.map((c) => [c, !c.hidden ? [c.value, c.value] : uniform ? [0, Infinity] : c.small ? [0, threshold - 1] : [threshold, Infinity]]));
  for (let changed = true, rounds = 0; changed && rounds < 100; rounds++) {
    changed = false;
    for (const line of lines) {
      const parts = [...line.members.map((m) => range.get(m)!)];
      const lo = parts.reduce((a, p) => a + p[0], 0);
      const hi = parts.reduce((a, p) => a + p[1], 0);
      const t = range.get(line.total)!;
      const tNew: [number, number] = [Math.max(t[0], lo), Math.min(t[1], hi)];
      if (tNew[0] !== t[0] || tNew[1] !== t[1]) {
        range.set(line.total, tNew);
        changed = true;
      }
      for (const m of line.members) {
        const r = range.get(m)!;
        // Summed afresh: an unbounded member makes "all less this one" Infinity − Infinity.
        const others = line.members.filter((o) => o !== m).map((o) => range.get(o)!);
        const othersLo = others.reduce((a, p) => a + p[0], 0);
        const othersHi = others.reduce((a, p) => a + p[1], 0);
        const next: [number, number] = [Math.max(r[0], tNew[0] - othersHi), Math.min(r[1], tNew[1] - othersLo)];
        if (next[0] !== r[0] || next[1] !== r[1]) {
          range.set(m, next);
          changed = true;
        }
      }
    }
  }
  return cells.find((c) => c.hidden && c.small && c.value > 0 && range.get(c)![0] === range.get(c)![1]) ?? null;
}

/**
 * Sums alone, across any number of lines: a hidden count follows from the shown
 * figures when its unit vector lies in the row space of the lines' equations
 * (members less total is a known number). Exact integer elimination to reduced
 * row echelon form; a reduced row with one non-zero entry pins that count.
 * Interval reasoning misses some of these in tables of 4 × 4 and larger.
 */
function linearlyPinnedSmallCell(lines: Line[], cells: Cell[]): Cell | null {
  const hidden = cells.filter((c) => c.hidden);
  if (hidden.length === 0) return null;
  const index = new Map(hidden.map((c, i) => [c, i]));
  const matrix = lines.map((line) => {
    const row = new Array<number>(hidden.length).fill(0);
    for (const m of line.members) if (index.has(m)) row[index.get(m)!] += 1;
    if (index.has(line.total)) row[index.get(line.total)!] -= 1;
    return row;
  });
  const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
  const reduce = (row: number[]) => {
    const g = row.reduce(gcd, 0);
    return g > 1 ? row.map((v) => v / g) : row;
  };
  let pivotRow = 0;
  for (let col = 0; col < hidden.length && pivotRow < matrix.length; col++) {
    const p = matrix.findIndex((row, i) => i >= pivotRow && row[col] !== 0);
    if (p < 0) continue;
    [matrix[pivotRow], matrix[p]] = [matrix[p], matrix[pivotRow]];
    const pivot = matrix[pivotRow];
    for (let i = 0; i < matrix.length; i++) {
      const f = matrix[i][col];
      if (i !== pivotRow && f !== 0) matrix[i] = reduce(matrix[i].map((v, c) => v * pivot[col] - pivot[c] * f));
    }
    pivotRow++;
  }
  for (const row of matrix) {
    const nonZero = row.flatMap((v, c) => (v !== 0 ? [c] : []));
    if (nonZero.length === 1) {
      const cell = hidden[nonZero[0]];
      if (cell.small && cell.value > 0) return cell;
    }
  }
  return null;
}

/** A table: rows × columns of counts, with row totals, column totals and the grand total. */
export function suppressTable(cells: readonly (readonly number[])[], threshold = DEFAULT_SUPPRESSION_THRESHOLD) {
  checkThreshold(threshold);
  const width = cells[0]?.length ?? 0;
  if (cells.some((r) => r.length !== width)) throw new RangeError("Every row of a table must have the same number of cells");
  for (const r of cells) for (const n of r) checkCount(n);

  const cell = (value: number): Cell => ({ value, hidden: value < threshold, small: value < threshold });
  const grid = cells.map((r) => r.map(cell));
  const rowTotals = cells.map((r) => cell(r.reduce((a, b) => a + b, 0)));
  const columnTotals = Array.from({ length: width }, (_, j) => cell(cells.reduce((a, r) => a + r[j], 0)));
  const total = cell(cells.reduce((a, r) => a + r.reduce((x, y) => x + y, 0), 0));

  const lines: Line[] = [
    ...grid.map((r, i) => ({ members: r, total: rowTotals[i] })),
    ...Array.from({ length: width }, (_, j) => ({ members: grid.map((r) => r[j]), total: columnTotals[j] })),
    { members: rowTotals, total },
    { members: columnTotals, total },
  ];

  /** Hides the smallest shown member of the line, or else its total. */
  const hideAnother = (line: Line) => {
    const shown = line.members.filter((m) => !m.hidden);
    if (shown.length === 0) {
      line.total.hidden = true;
      return;
    }
    shown.reduce((a, b) => (b.value < a.value ? b : a)).hidden = true;
  };

  const everyCell = [...grid.flat(), ...rowTotals, ...columnTotals, total];
  // Labelled: small counts say "fewer than 5", so held-back ones are known to be larger. If that
  // knowledge alone still pins a small count with everything hidden, the table falls back to one
  // label ("not shown") for every hidden count, which tells nothing about any of them.
  let uniform = false;
  for (;;) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const line of lines) {
        if (line.total.hidden) continue;
        const hidden = line.members.filter((m) => m.hidden);
        if (hidden.length === 0) continue;
        const sum = hidden.reduce((a, m) => a + m.value, 0);
        // Held-back members are known to be at least the threshold, small ones below it: only
        // when every hidden member is small can their sum pin each of them.
        const pinned = hidden.length === 1 || (sum > 0 && sum === hidden.length * (threshold - 1) && hidden.every((m) => m.small));
        if (pinned) {
          hideAnother(line);
          changed = true;
        }
      }
    }
    // Across lines: what an attacker narrows each hidden count to, from every shown figure and the labels' bounds.
    const leak = pinnedSmallCell(lines, everyCell, threshold, uniform) ?? linearlyPinnedSmallCell(lines, everyCell);
    if (!leak) break;
    // Hide another count beside it; failing that, a total around it; failing that, the grand total, then any total.
    const beside = lines.find((l) => l.members.includes(leak) && l.members.some((m) => !m.hidden));
    const around = lines.find((l) => (l.members.includes(leak) || l.total === leak) && !l.total.hidden);
    if (beside) hideAnother(beside);
    else if (around) around.total.hidden = true;
    else {
      const anyTotal = [total, ...rowTotals, ...columnTotals].find((c) => !c.hidden);
      if (anyTotal) anyTotal.hidden = true;
      else if (!uniform) uniform = true;
      else break; // everything is hidden: nothing is left to work anything out from
    }
  }

  const out = (c: Cell): ShownCount =>
    !c.hidden ? { suppressed: false, value: c.value } : c.small && !uniform ? { suppressed: true, reason: "small", below: threshold } : { suppressed: true, reason: "protects" };
  return { cells: grid.map((r) => r.map(out)), rowTotals: rowTotals.map(out), columnTotals: columnTotals.map(out), total: out(total) };
}
