import { z } from "zod";

// Small numbers stay safe. Every count of young people that adults, the board
// or scrutiny see passes through here, so that nobody can work out a small
// number of young people.
//
// The rules, in plain English:
//
// 1. Primary suppression. Any count below the partnership's threshold (default
//    5, never below 3) shows as "fewer than 5". That includes 0: we never show
//    "0". Totals are counts too.
//
// 2. Secondary suppression. A table is a set of lines, each with members that
//    add up to its total: every row with its row total, every column with its
//    column total, the row of column totals with the grand total, and the
//    column of row totals with the grand total. (A list is a one-row table.)
//    In a line whose total is shown:
//    a. if exactly one member is hidden, it could be found by subtraction, so
//       the smallest shown member of the line (the first, on a tie) is hidden
//       too, or, if every member is hidden already, the line's total;
//    b. the hidden members' sum is known (the total less the shown members).
//       If it equals (members hidden) × (threshold − 1), each hidden member must
//       be threshold − 1, so one more member (or else the total) is hidden. A
//       sum of 0 only says nobody is there, which is safe.
//    A line whose total is hidden gives nothing away through that total, with
//    one exception (rule c, below).
//
// 3. The rules are applied, line after line, until nothing changes.
//
// What had to be added to make these rules hold up against the attacker in
// the unit tests (tests/unit/participation/suppression.test.ts):
//
//    c. A hidden total whose line has no hidden member is no secret: adding up
//       the line gives it back. It then protects nothing in its other line (a
//       row total is also a member of the column of row totals), so the
//       smallest member of its own line is hidden too. Without this, a 4 × 4
//       table such as [1 1 1 1 / 5 5 5 100 / 6 6 6 6 / 50 50 50 5] showed
//       everyone the first row's total of 4: rule (a) hid the third row's
//       total, 24, which the third row's shown cells add back up to.
//    d. The line rules look at one line at a time; an attacker combines them.
//       Combining lines can pin a small count even when every line on its own
//       looks safe: for example, in [1 4 / 0 10] the first row says its two
//       hidden cells add up to 5 and each is 0–4, so the 1 is 1–4, while the
//       first column says the 1 and the hidden 0 add up to 1. So once the
//       line rules settle, an exact audit asks, for every hidden count from 1
//       to threshold − 1 (cells and totals alike), whether everything shown,
//       every line's sum and the bounds (a hidden count below the threshold
//       is 0 to threshold − 1; any other hidden count is 0 or more) leave it
//       more than one possible value. If not, the smallest shown count whose
//       hiding gives it room is hidden (or, if no single one does, the smallest
//       shown count in its row or column), and the rules run again. Hiding
//       everything is always safe (all zeros would then fit as well), so this
//       ends.
//
// How the audit works: every count belongs to exactly two lines, so think of
// each hidden count as a link between its two lines. A hidden count can be
// moved (one up or one down) while every line still adds up only along a
// closed chain of hidden counts, each moved by one within its bounds. Such a
// chain through a count is a path search in a small graph whose points are the
// lines, so the audit is exact and fast for tables of any reasonable size.

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const MIN_SUPPRESSION_THRESHOLD = 3;
const MAX_SUPPRESSION_THRESHOLD = 20;
const THRESHOLD_MESSAGE = `The threshold must be a whole number from ${MIN_SUPPRESSION_THRESHOLD} to ${MAX_SUPPRESSION_THRESHOLD}`;

/** A partnership's threshold: a whole number from 3 to 20 (a form's "5" is read as 5). */
export const suppressionThresholdSchema: z.ZodType<number> = z.coerce
  .number({ error: THRESHOLD_MESSAGE })
  .int({ error: THRESHOLD_MESSAGE })
  .min(MIN_SUPPRESSION_THRESHOLD, { error: THRESHOLD_MESSAGE })
  .max(MAX_SUPPRESSION_THRESHOLD, { error: THRESHOLD_MESSAGE });

/** A count as adults may see it. */
export type ShownCount = { suppressed: false; value: number } | { suppressed: true; below: number };

/** "fewer than 5" or "12" (en-GB number formatting). */
export function showCount(c: ShownCount): string {
  return c.suppressed ? `fewer than ${c.below.toLocaleString("en-GB")}` : c.value.toLocaleString("en-GB");
}

/** The note a table of suppressed counts carries. */
export const suppressionNote = (threshold: number) =>
  `Counts below ${threshold} show as ‘fewer than ${threshold}’. So that they cannot be worked out from the totals, some other counts may be shown the same way.`;

function checkThreshold(threshold: number) {
  if (!Number.isSafeInteger(threshold) || threshold < MIN_SUPPRESSION_THRESHOLD) {
    throw new RangeError(`The suppression threshold must be a whole number of at least ${MIN_SUPPRESSION_THRESHOLD}, not ${threshold}`);
  }
}

function checkCount(count: number) {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`A count must be a whole number of at least 0, not ${count}`);
}

/** One count on its own (no table): primary suppression only. */
export function suppressCount(count: number, threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): ShownCount {
  checkThreshold(threshold);
  checkCount(count);
  return count < threshold ? { suppressed: true, below: threshold } : { suppressed: false, value: count };
}

/** A list of counts with its total (a one-row table). */
export function suppressList(counts: readonly number[], threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): { cells: ShownCount[]; total: ShownCount } {
  const table = suppressTable([counts], threshold);
  return { cells: table.cells[0], total: table.total };
}

/**
 * One count in the table. Each belongs to two lines: `plus` and `minus` name
 * them so that moving the count up by one, seen from the audit's graph, goes
 * from `plus` to `minus` (and moving it down goes back).
 */
type Entry = { value: number; hidden: boolean; small: boolean; plus: number; minus: number };
type Line = { members: Entry[]; total: Entry };

/** A table: rows × columns of counts, with row totals, column totals and the grand total. */
export function suppressTable(
  cells: readonly (readonly number[])[],
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): { cells: ShownCount[][]; rowTotals: ShownCount[]; columnTotals: ShownCount[]; total: ShownCount } {
  checkThreshold(threshold);
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  if (cells.some((r) => r.length !== columns)) throw new RangeError("Every row of a table must have the same number of counts");
  for (const r of cells) for (const n of r) checkCount(n);

  // Lines by number: rows, then columns, then the row of column totals, then the column of row totals.
  const row = (i: number) => i;
  const column = (j: number) => rows + j;
  const columnTotalsLine = rows + columns;
  const rowTotalsLine = rows + columns + 1;
  const lineCount = rows + columns + 2;

  const entry = (value: number, plus: number, minus: number): Entry => ({ value, hidden: value < threshold, small: value < threshold, plus, minus });
  const grid = cells.map((r, i) => r.map((n, j) => entry(n, row(i), column(j))));
  const rowTotals = cells.map((r, i) => entry(sum(r), rowTotalsLine, row(i)));
  const columnTotals = Array.from({ length: columns }, (_, j) => entry(sum(cells.map((r) => r[j])), column(j), columnTotalsLine));
  const grandTotal = entry(sum(cells.map(sum)), columnTotalsLine, rowTotalsLine);
  const entries = [...grid.flat(), ...rowTotals, ...columnTotals, grandTotal];

  const lines: Line[] = [
    ...grid.map((r, i) => ({ members: r, total: rowTotals[i] })),
    ...Array.from({ length: columns }, (_, j) => ({ members: grid.map((r) => r[j]), total: columnTotals[j] })),
    { members: columnTotals, total: grandTotal },
    { members: rowTotals, total: grandTotal },
  ];

  for (;;) {
    while (applyLineRules(lines, threshold));
    const pinned = entries.find((e) => e.hidden && e.small && e.value > 0 && !canMove(entries, e, lineCount, threshold));
    if (!pinned) break;
    const extra = countGivingRoom(entries, pinned, lineCount, threshold) ?? smallest(lines.filter((l) => l.members.includes(pinned) || l.total === pinned).flatMap((l) => [...l.members, l.total])) ?? smallest(entries);
    if (!extra) break; // everything is hidden already (cannot happen: all zeros would then fit)
    extra.hidden = true;
  }

  const out = (e: Entry): ShownCount => (e.hidden ? { suppressed: true, below: threshold } : { suppressed: false, value: e.value });
  return { cells: grid.map((r) => r.map(out)), rowTotals: rowTotals.map(out), columnTotals: columnTotals.map(out), total: out(grandTotal) };
}

const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);

/** The smallest shown count of these (the first, on a tie), if any. */
function smallest(candidates: readonly Entry[]): Entry | undefined {
  let best: Entry | undefined;
  for (const e of candidates) if (!e.hidden && (!best || e.value < best.value)) best = e;
  return best;
}

/** One pass of rules 2a, 2b and 2c over every line; true if anything more was hidden. */
function applyLineRules(lines: readonly Line[], threshold: number): boolean {
  let changed = false;
  for (const line of lines) {
    const hidden = line.members.filter((m) => m.hidden);
    if (line.total.hidden) {
      // 2c: a hidden total over shown members can be added back up.
      if (hidden.length === 0 && line.members.length > 0) {
        smallest(line.members)!.hidden = true;
        changed = true;
      }
      continue;
    }
    if (hidden.length === 0) continue;
    const hiddenSum = sum(hidden.map((m) => m.value));
    // 2a: one hidden member is the total less the others; 2b: the sum pins every hidden member at threshold − 1.
    if (hidden.length === 1 || hiddenSum === hidden.length * (threshold - 1)) {
      (smallest(line.members) ?? line.total).hidden = true;
      changed = true;
    }
  }
  return changed;
}

/** The most a hidden count could be, as far as an attacker knows. */
const ceiling = (e: Entry, threshold: number) => (e.small ? threshold - 1 : Infinity);

type Arc = { to: number; entry: Entry };

/**
 * The audit's graph. Points are lines; every hidden count that may go up by
 * one is an arc from its `plus` line to its `minus` line, and every one that
 * may go down by one is an arc back. A closed walk along arcs is a set of
 * moves after which every line still adds up.
 */
function arcs(entries: readonly Entry[], lineCount: number, threshold: number, extra?: Entry): Arc[][] {
  const out: Arc[][] = Array.from({ length: lineCount }, () => []);
  for (const e of entries) {
    if (!e.hidden && e !== extra) continue;
    if (e.value < ceiling(e, threshold)) out[e.plus].push({ to: e.minus, entry: e });
    if (e.value > 0) out[e.minus].push({ to: e.plus, entry: e });
  }
  return out;
}

/** The lines reachable from `start` along `graph`, never using `skip`. */
function reachable(graph: readonly Arc[][], start: number, skip: Entry): Set<number> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const { to, entry } of graph[queue.pop()!]) {
      if (entry === skip || seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}

/** The graph with every arc turned round. */
const reversed = (graph: readonly Arc[][]): Arc[][] => {
  const out: Arc[][] = graph.map(() => []);
  graph.forEach((from, i) => from.forEach(({ to, entry }) => out[to].push({ to: i, entry })));
  return out;
};

/**
 * The ways `e` could move: up (a chain back from its `minus` line to its `plus`
 * line) and down (the other way round), where its bounds allow.
 */
function directions(e: Entry, threshold: number) {
  const ways: { from: number; to: number }[] = [];
  if (e.value < ceiling(e, threshold)) ways.push({ from: e.minus, to: e.plus });
  if (e.value > 0) ways.push({ from: e.plus, to: e.minus });
  return ways;
}

/** Whether the hidden count `e` can take another value, everything else the attacker knows being equal. */
function canMove(entries: readonly Entry[], e: Entry, lineCount: number, threshold: number): boolean {
  const graph = arcs(entries, lineCount, threshold);
  return directions(e, threshold).some(({ from, to }) => reachable(graph, from, e).has(to));
}

/** The smallest shown count whose hiding would let the pinned count `e` move, if there is one. */
function countGivingRoom(entries: readonly Entry[], e: Entry, lineCount: number, threshold: number): Entry | undefined {
  const graph = arcs(entries, lineCount, threshold);
  const back = reversed(graph);
  const ways = directions(e, threshold).map(({ from, to }) => ({ ahead: reachable(graph, from, e), behind: reachable(back, to, e) }));
  // A newly hidden count is at least the threshold, so it can move either way: it joins its two lines both ways round.
  const joins = (c: Entry) => ways.some(({ ahead, behind }) => (ahead.has(c.plus) && behind.has(c.minus)) || (ahead.has(c.minus) && behind.has(c.plus)));
  return smallest(entries.filter((c) => !c.hidden && joins(c)));
}
