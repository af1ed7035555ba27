import { describe, expect, it } from "vitest";
import { scoreTrend, trendDirection } from "../../../app/areas/risks/rules/trend";
import { heatMap, heatMapCell, heatMapOfCounts, riskMovements, type AssessedRisk } from "../../../app/areas/risks/rules/heat-map";
import { defaultBandThresholds, riskLevels, riskScore, type Rating, type RiskLevel } from "../../../app/areas/risks/rules/scoring";

const r = (likelihood: RiskLevel, impact: RiskLevel): Rating => ({ likelihood, impact });

describe("trend", () => {
  it("says which way a score moved", () => {
    expect(trendDirection(9, 12)).toBe("up");
    expect(trendDirection(12, 9)).toBe("down");
    expect(trendDirection(12, 12)).toBe("same");
  });

  it("makes the series of current and target scores, carrying the target forward until a review changes it", () => {
    const trend = scoreTrend({
      start: { on: "2025-10-01", current: r(4, 4), target: r(2, 3) },
      reviews: [
        { reviewedOn: "2026-01-05", likelihood: 4, impact: 3 }, // out of order on purpose
        { reviewedOn: "2025-11-03", likelihood: 5, impact: 4 },
        { reviewedOn: "2025-12-01", likelihood: 5, impact: 4, targetLikelihood: 2, targetImpact: 2 },
        { reviewedOn: "2026-02-02", likelihood: 2, impact: 3, targetLikelihood: null, targetImpact: null },
      ],
    });
    expect(trend.points.map((p) => [p.on, p.currentScore, p.targetScore, p.direction])).toEqual([
      ["2025-10-01", 16, 6, null],
      ["2025-11-03", 20, 6, "up"],
      ["2025-12-01", 20, 4, "same"],
      ["2026-01-05", 12, 4, "down"],
      ["2026-02-02", 6, 4, "down"],
    ]);
    expect(trend.direction).toBe("down");
    expect(trend.latest?.current).toEqual(r(2, 3));
    expect(trend.latest?.target).toEqual(r(2, 2));
  });

  it("compares the first review with the assessment when the risk was raised", () => {
    const trend = scoreTrend({ start: { on: "2026-01-01", current: r(3, 3), target: null }, reviews: [{ reviewedOn: "2026-02-01", likelihood: 3, impact: 4 }] });
    expect(trend.direction).toBe("up");
    expect(trend.latest?.targetScore).toBeNull();
  });

  it("has no direction until there are two points, and nothing with no reviews", () => {
    expect(scoreTrend({ reviews: [] })).toEqual({ points: [], latest: null, direction: null });
    const one = scoreTrend({ reviews: [{ reviewedOn: "2026-02-01", likelihood: 2, impact: 2, targetLikelihood: 1, targetImpact: 2 }] });
    expect(one.direction).toBeNull();
    expect(one.points[0]).toEqual({ on: "2026-02-01", current: r(2, 2), currentScore: 4, target: r(1, 2), targetScore: 2, direction: null });
  });

  it("keeps the order given for reviews on the same day, and ignores half a target", () => {
    const trend = scoreTrend({
      start: { on: "2026-01-01", current: r(3, 3), target: r(2, 2) },
      reviews: [
        { reviewedOn: "2026-02-01", likelihood: 4, impact: 3, targetLikelihood: 1 },
        { reviewedOn: "2026-02-01", likelihood: 3, impact: 3 },
      ],
    });
    expect(trend.points.map((p) => [p.currentScore, p.targetScore, p.direction])).toEqual([
      [9, 4, null],
      [12, 4, "up"],
      [9, 4, "down"],
    ]);
  });
});

describe("heat map", () => {
  const risks: AssessedRisk[] = [
    { id: "providers-wont-bid", inherent: r(4, 4), current: r(3, 4), target: r(2, 3) },
    { id: "fewer-placements", inherent: r(3, 3), current: r(3, 3), target: r(2, 2) },
    { id: "one-lead", inherent: r(4, 4), current: r(4, 3), target: r(2, 3) },
    { id: "co-investment", inherent: r(5, 5), current: r(3, 4), target: null },
    { id: "demand", inherent: r(5, 4), current: r(5, 4), target: r(3, 3) },
    { id: "far-from-home", inherent: r(2, 5), current: r(1, 5), target: r(1, 5) },
  ];

  it("counts every risk once, in its own cell", () => {
    const map = heatMap(risks, "current", defaultBandThresholds);
    const cells = map.rows.flatMap((row) => row.cells);
    expect(cells).toHaveLength(25);
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(risks.length);
    expect(map.total).toBe(risks.length);
    for (const risk of risks) {
      const cell = heatMapCell(map, risk.current.likelihood, risk.current.impact);
      expect(cell.riskIds).toContain(risk.id);
      expect(cells.filter((c) => c.riskIds.includes(risk.id))).toHaveLength(1);
    }
    expect(heatMapCell(map, 3, 4)).toMatchObject({ count: 2, riskIds: ["providers-wont-bid", "co-investment"], score: 12, band: "amber" });
    expect(heatMapCell(map, 5, 4)).toMatchObject({ count: 1, score: 20, band: "red" });
    expect(heatMapCell(map, 1, 1)).toMatchObject({ count: 0, riskIds: [], score: 1, band: "green" });
  });

  it("is laid out with impact 5 at the top and likelihood rising left to right", () => {
    const map = heatMap([], "current", defaultBandThresholds);
    expect(map.rows.map((row) => row.impact)).toEqual([5, 4, 3, 2, 1]);
    for (const row of map.rows) expect(row.cells.map((c) => [c.likelihood, c.impact])).toEqual(riskLevels.map((l) => [l, row.impact]));
    expect(map.total).toBe(0);
  });

  it("bands each cell by the partnership's thresholds", () => {
    const defaults = heatMap([], "current", defaultBandThresholds);
    expect(defaults.rows.map((row) => row.cells.map((c) => c.band[0]).join(""))).toEqual(["garrr", "gaarr", "ggaar", "gggaa", "ggggg"]);
    const strict = heatMap([], "current", { amberFrom: 4, redFrom: 10 });
    expect(strict.rows.map((row) => row.cells.map((c) => c.band[0]).join(""))).toEqual(["arrrr", "aarrr", "gaarr", "gaaar", "gggaa"]);
    for (const cell of strict.rows.flatMap((row) => row.cells)) expect(cell.score).toBe(riskScore(cell));
  });

  it("maps inherent and target too, leaving out risks with no target", () => {
    const inherent = heatMap(risks, "inherent", defaultBandThresholds);
    expect(inherent.total).toBe(6);
    expect(heatMapCell(inherent, 4, 4).count).toBe(2);
    const target = heatMap(risks, "target", defaultBandThresholds);
    expect(target.total).toBe(5);
    expect(target.rows.flatMap((row) => row.cells).reduce((n, c) => n + c.count, 0)).toBe(5);
    expect(heatMapCell(target, 2, 3).riskIds).toEqual(["providers-wont-bid", "one-lead"]);
  });

  it("lists each risk's movement from inherent through current to target", () => {
    const moves = riskMovements(risks, defaultBandThresholds);
    expect(moves.map((m) => [m.id, m.inherent.score, m.current.score, m.target?.score ?? null, m.controlled, m.toTarget])).toEqual([
      ["providers-wont-bid", 16, 12, 6, "down", 6],
      ["fewer-placements", 9, 9, 4, "same", 5],
      ["one-lead", 16, 12, 6, "down", 6],
      ["co-investment", 25, 12, null, "down", null],
      ["demand", 20, 20, 9, "same", 11],
      ["far-from-home", 10, 5, 5, "down", 0],
    ]);
    expect(moves[0].inherent).toEqual({ likelihood: 4, impact: 4, score: 16, band: "red" });
    expect(moves[0].current.band).toBe("amber");
    expect(moves[0].target?.band).toBe("green");
  });
});

describe("a heat map from counts per cell", () => {
  it("gives the same grid as one built from the risks themselves, cell by cell", () => {
    const ratings = [
      [4, 4],
      [4, 4],
      [2, 5],
      [1, 1],
      [5, 3],
      [2, 5],
      [2, 5],
    ] as const;
    const risks = ratings.map(([likelihood, impact], i) => ({ id: `r${i}`, inherent: { likelihood, impact }, current: { likelihood, impact }, target: null }));
    const counts = new Map<string, number>();
    for (const [l, i] of ratings) counts.set(`${l}:${i}`, (counts.get(`${l}:${i}`) ?? 0) + 1);
    const fromCounts = heatMapOfCounts(
      [...counts].map(([key, count]) => ({ likelihood: Number(key.split(":")[0]), impact: Number(key.split(":")[1]), count })),
      "current",
      defaultBandThresholds,
    );
    const fromRisks = heatMap(risks, "current", defaultBandThresholds);
    expect(fromCounts.total).toBe(7);
    expect(fromCounts.rows.map((r) => r.cells.map((c) => [c.score, c.band, c.count]))).toEqual(fromRisks.rows.map((r) => r.cells.map((c) => [c.score, c.band, c.count])));
    expect(heatMapCell(fromCounts, 2, 5).count).toBe(3);
  });

  it("ignores counts outside the grid and empty cells", () => {
    const map = heatMapOfCounts(
      [
        { likelihood: 0, impact: 3, count: 4 },
        { likelihood: 3, impact: 6, count: 1 },
        { likelihood: 3, impact: 3, count: 0 },
        { likelihood: 3, impact: 3, count: 2 },
      ],
      "inherent",
      defaultBandThresholds,
    );
    expect(map.total).toBe(2);
    expect(map.rows.flatMap((r) => r.cells).filter((c) => c.count > 0)).toEqual([expect.objectContaining({ likelihood: 3, impact: 3, score: 9, band: "amber", count: 2 })]);
  });
});
