import { riskScore, type Rating, type RiskLevel } from "./scoring";
import type { TrendDirection } from "./vocabulary";

// A risk's scores over time, from its reviews: the current score each
// review set, the target in force after it, and which way things moved.

/** One recorded review: the new current rating, and the target if the review changed it (both levels, or neither). */
export type ReviewScores = {
  reviewedOn: string;
  likelihood: RiskLevel;
  impact: RiskLevel;
  targetLikelihood?: RiskLevel | null;
  targetImpact?: RiskLevel | null;
};

export type TrendPoint = {
  on: string;
  current: Rating;
  currentScore: number;
  /** The target in force after this point (unchanged reviews carry it forward); null if none was ever set. */
  target: Rating | null;
  targetScore: number | null;
  /** The current score's move since the point before; null for the first. */
  direction: TrendDirection | null;
};

/** Up, down or the same, from one score to the next. */
export function trendDirection(previous: number, latest: number): TrendDirection {
  return latest > previous ? "up" : latest < previous ? "down" : "same";
}

/**
 * The series of current and target scores, oldest first: the assessment
 * when the risk was raised (if given), then each review in date order
 * (reviews on the same day keep the order given). `direction` is the move
 * of the current score since the previous review, null until there are two
 * points.
 */
export function scoreTrend(input: {
  start?: { on: string; current: Rating; target: Rating | null };
  reviews: readonly ReviewScores[];
}): { points: TrendPoint[]; latest: TrendPoint | null; direction: TrendDirection | null } {
  const points: TrendPoint[] = [];
  const push = (on: string, current: Rating, target: Rating | null) => {
    const before = points[points.length - 1];
    const currentScore = riskScore(current);
    points.push({
      on,
      current,
      currentScore,
      target,
      targetScore: target ? riskScore(target) : null,
      direction: before ? trendDirection(before.currentScore, currentScore) : null,
    });
  };
  if (input.start) push(input.start.on, input.start.current, input.start.target);
  const reviews = input.reviews.map((r, i) => ({ r, i })).sort((a, b) => (a.r.reviewedOn < b.r.reviewedOn ? -1 : a.r.reviewedOn > b.r.reviewedOn ? 1 : a.i - b.i));
  for (const { r } of reviews) {
    const previousTarget = points[points.length - 1]?.target ?? null;
    const target = r.targetLikelihood && r.targetImpact ? { likelihood: r.targetLikelihood, impact: r.targetImpact } : previousTarget;
    push(r.reviewedOn, { likelihood: r.likelihood, impact: r.impact }, target);
  }
  const latest = points[points.length - 1] ?? null;
  return { points, latest, direction: latest?.direction ?? null };
}
