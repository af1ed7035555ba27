import { ragBand, riskLevels, riskScore, type BandThresholds, type Rating, type RiskLevel } from "./scoring";
import { trendDirection } from "./trend";
import type { RagBand, ScoreKind, TrendDirection } from "./vocabulary";

// The 5 × 5 heat map: how many risks sit in each likelihood × impact cell
// for their inherent, current or target assessment, each cell in the band
// the partnership's thresholds give its score; and each risk's journey from
// inherent through current to target.

/** A risk's three assessments (the target may not be set yet). */
export type AssessedRisk = { id: string; inherent: Rating; current: Rating; target: Rating | null };

export type HeatMapCell = { likelihood: RiskLevel; impact: RiskLevel; score: number; band: RagBand; count: number; riskIds: string[] };
export type HeatMapRow = { impact: RiskLevel; cells: HeatMapCell[] };
export type HeatMap = {
  kind: ScoreKind;
  /** Drawn as people expect: impact 5 at the top down to 1, likelihood 1 to 5 from left to right in each row. */
  rows: HeatMapRow[];
  /** Risks placed on the map: every risk, except those with no target on a target map. */
  total: number;
};

/** The grid for one kind of assessment, every cell present (count 0 when empty). */
export function heatMap(risks: readonly AssessedRisk[], kind: ScoreKind, thresholds: BandThresholds): HeatMap {
  const rows: HeatMapRow[] = [...riskLevels].reverse().map((impact) => ({
    impact,
    cells: riskLevels.map((likelihood) => {
      const score = riskScore({ likelihood, impact });
      return { likelihood, impact, score, band: ragBand(score, thresholds), count: 0, riskIds: [] as string[] };
    }),
  }));
  let total = 0;
  for (const risk of risks) {
    const rating = risk[kind];
    if (!rating) continue;
    const cell = rows[5 - rating.impact].cells[rating.likelihood - 1];
    cell.count += 1;
    cell.riskIds.push(risk.id);
    total += 1;
  }
  return { kind, rows, total };
}

/** A count of risks in one likelihood × impact cell, as the database groups them. */
export type CellCount = { likelihood: number; impact: number; count: number };

/**
 * The same grid from counts per cell (how the pages build it, so its cost does
 * not grow with the register): cells hold no risk ids, and counts outside
 * 1–5 are ignored.
 */
export function heatMapOfCounts(counts: readonly CellCount[], kind: ScoreKind, thresholds: BandThresholds): HeatMap {
  const map = heatMap([], kind, thresholds);
  for (const c of counts) {
    if (!riskLevels.includes(c.likelihood as RiskLevel) || !riskLevels.includes(c.impact as RiskLevel) || c.count <= 0) continue;
    heatMapCell(map, c.likelihood as RiskLevel, c.impact as RiskLevel).count += c.count;
    map.total += c.count;
  }
  return map;
}

/** One cell of a heat map. */
export function heatMapCell(map: HeatMap, likelihood: RiskLevel, impact: RiskLevel): HeatMapCell {
  return map.rows[5 - impact].cells[likelihood - 1];
}

export type PlacedRating = Rating & { score: number; band: RagBand };

export type RiskMovement = {
  id: string;
  inherent: PlacedRating;
  current: PlacedRating;
  target: PlacedRating | null;
  /** How the controls moved the score from inherent to current ("down" is what controls are for). */
  controlled: TrendDirection;
  /** Points the current score is above its target (0 when at or below it); null with no target. */
  toTarget: number | null;
};

/** Each risk's inherent → current → target, for the movement list beside the heat map. */
export function riskMovements(risks: readonly AssessedRisk[], thresholds: BandThresholds): RiskMovement[] {
  const place = (rating: Rating): PlacedRating => {
    const score = riskScore(rating);
    return { likelihood: rating.likelihood, impact: rating.impact, score, band: ragBand(score, thresholds) };
  };
  return risks.map((risk) => {
    const inherent = place(risk.inherent);
    const current = place(risk.current);
    const target = risk.target ? place(risk.target) : null;
    return {
      id: risk.id,
      inherent,
      current,
      target,
      controlled: trendDirection(inherent.score, current.score),
      toTarget: target ? Math.max(0, current.score - target.score) : null,
    };
  });
}
