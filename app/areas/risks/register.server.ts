import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db, Queryable } from "../../../db/client";
import { decisions, meetings, organisations, riskAppetites, riskControls, riskDecisions, riskEscalations, riskReviews, risks, users } from "../../../db/schema";
import { listActions } from "../actions/public.server";
import type { ActionStatus } from "../actions/public";
import {
  appetiteCheck,
  appetiteLevels,
  controlEffectivenessRatings,
  describeReviewDue,
  escalationReasons,
  isLiveRisk,
  liveRiskStatuses,
  ragBand,
  ragBands,
  reviewFrequencies,
  reviewState,
  riskCategories,
  riskScopes,
  riskScore,
  riskSettingsSchema,
  riskStatuses,
  scoreKinds,
  heatMapOfCounts,
  scoreTrend,
  defaultRiskSettings,
  targetReachability,
  type AppetiteLevel,
  type AppetiteStatement,
  type MitigationStatus,
  type Rating,
  type RiskLevel,
  type RiskSettings,
} from "./public";

// Reading the register: the settings and appetite a partnership scores by,
// a page of its risks with their bands, appetite flags and reviews due, and
// one risk with its history, controls, mitigations and linked decisions.
// Vocabularies stored as text are checked on the way out.

/** The partnership's scoring settings; none stored (or stored settings no longer valid) means the defaults. */
export function riskSettingsOf(partnership: { riskSettings: unknown }): RiskSettings {
  if (partnership.riskSettings == null) return defaultRiskSettings;
  const parsed = riskSettingsSchema.safeParse(partnership.riskSettings);
  return parsed.success ? parsed.data : defaultRiskSettings;
}

const oneOf = <T extends string>(values: readonly T[], value: string, what: string): T => {
  if (!(values as readonly string[]).includes(value)) throw new Error(`A risk's ${what} is not one the register knows: ${value}`);
  return value as T;
};
const level = (n: number) => n as RiskLevel;

/** A stored risk with its vocabularies checked and its three ratings. */
export function typedRisk(row: typeof risks.$inferSelect) {
  return {
    ...row,
    category: oneOf(riskCategories, row.category, "category"),
    scope: oneOf(riskScopes, row.scope, "scope"),
    status: oneOf(riskStatuses, row.status, "status"),
    reviewFrequency: oneOf(reviewFrequencies, row.reviewFrequency, "review frequency"),
    inherent: { likelihood: level(row.inherentLikelihood), impact: level(row.inherentImpact) } as Rating,
    current: { likelihood: level(row.currentLikelihood), impact: level(row.currentImpact) } as Rating,
    target: { likelihood: level(row.targetLikelihood), impact: level(row.targetImpact) } as Rating,
  };
}
export type TypedRisk = ReturnType<typeof typedRisk>;

/** The appetite the board approved for each category, and by which decision. */
export async function loadAppetite(db: Queryable, partnershipId: string) {
  const rows = await db
    .select({ category: riskAppetites.category, level: riskAppetites.level, approvedOn: riskAppetites.approvedOn, decisionId: decisions.id, decisionReference: decisions.reference, decisionTitle: decisions.title })
    .from(riskAppetites)
    .innerJoin(decisions, eq(decisions.id, riskAppetites.approvedByDecisionId))
    .where(eq(riskAppetites.partnershipId, partnershipId));
  const statement: AppetiteStatement = {};
  const approvals = rows.map((r) => ({ ...r, category: oneOf(riskCategories, r.category, "appetite category"), level: oneOf(appetiteLevels, r.level, "appetite level") }));
  for (const a of approvals) statement[a.category] = a.level;
  return { statement, approvals };
}

// ------------------------------------------------------------------ the register

export const riskFilterSchema = z.object({
  status: z.enum(["live", "closed", "transferred", "all"]).optional().catch(undefined),
  category: z.enum(riskCategories).optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  partner: z.uuid().optional().catch(undefined),
  band: z.enum(ragBands).optional().catch(undefined),
  appetite: z.enum(["above"]).optional().catch(undefined),
  review: z.enum(["overdue"]).optional().catch(undefined),
  /** A heat map's cell: risks whose inherent, current (the default) or target rating is this likelihood × impact. */
  rating: z.enum(scoreKinds).optional().catch(undefined),
  likelihood: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  impact: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  /** Continue after this (current score, number) of the previous page. */
  after: z.string().regex(/^\d{1,2}_\d{1,9}$/).optional().catch(undefined),
});
export type RiskFilters = z.output<typeof riskFilterSchema>;

/** A screenful, as the decision log and the audit trail show (docs/decisions/0013). */
export const RISK_PAGE_SIZE = 25;

const maximumFor = (settings: RiskSettings) => sql.join(
  appetiteLevels.map((l) => sql`when ${l} then ${settings.appetiteMaxima[l]}::int`),
  sql` `,
);

/**
 * A page of the register, highest current score first (the newest first
 * within a score), filtered by status (live by default: open and escalated),
 * category, owner, owning partner, RAG band, being above the approved
 * appetite, or an overdue review; `next` continues it.
 */
export async function listRisks(db: Db, partnership: { id: string; riskSettings: unknown }, filters: RiskFilters, today: string, pageSize = RISK_PAGE_SIZE) {
  const settings = riskSettingsOf(partnership);
  const where = registerConditions(partnership.id, settings, filters, today);
  const counting = db.select({ n: count() }).from(risks).where(and(...where));
  if (filters.after) {
    const [score, number] = filters.after.split("_").map(Number);
    where.push(after(score, number));
  }
  const [rows, [{ n: total }], appetite] = await Promise.all([registerRows(db, where, pageSize + 1), counting, loadAppetite(db, partnership.id)]);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    settings,
    appetite: appetite.statement,
    total,
    next: rows.length > pageSize && last ? `${last.risk.currentScore}_${last.risk.number}` : null,
    rows: page.map((r) => registerRow(r, settings, appetite.statement, today)),
  };
}

/** The register's order continued after a (current score, number) of the previous page or batch. */
const after = (score: number, number: number) => sql`(${risks.currentScore}, ${risks.number}) < (${score}::smallint, ${number}::int)`;

/** Risks with their owner and owning partner, highest current score first, the newest first within a score. */
const registerRows = (db: Db, where: SQL[], limit: number) =>
  db
    .select({ risk: risks, ownerName: users.name, organisationName: organisations.name })
    .from(risks)
    .innerJoin(users, eq(users.id, risks.ownerUserId))
    .innerJoin(organisations, eq(organisations.id, risks.ownerOrganisationId))
    .where(and(...where))
    .orderBy(desc(risks.currentScore), desc(risks.number))
    .limit(limit);

/** One row of the register as the page and the CSV show it: its score, band, appetite flag and review. */
function registerRow(r: Awaited<ReturnType<typeof registerRows>>[number], settings: RiskSettings, appetite: AppetiteStatement, today: string) {
  const risk = typedRisk(r.risk);
  const score = riskScore(risk.current);
  return {
    risk,
    ownerName: r.ownerName,
    organisationName: r.organisationName,
    score,
    band: ragBand(score, settings.bands),
    appetite: appetiteCheck(score, risk.category, appetite, settings),
    live: isLiveRisk(risk.status),
    review: { state: reviewState(risk.nextReviewOn, risk.reviewFrequency, today), text: describeReviewDue(risk.nextReviewOn, risk.reviewFrequency, today) },
  };
}

const ratingColumns = {
  inherent: [risks.inherentLikelihood, risks.inherentImpact],
  current: [risks.currentLikelihood, risks.currentImpact],
  target: [risks.targetLikelihood, risks.targetImpact],
} as const;

/** The register's filters as SQL conditions (the page, the heat map's links and the CSV share them). */
function registerConditions(partnershipId: string, settings: RiskSettings, filters: RiskFilters, today: string): SQL[] {
  const where: SQL[] = [eq(risks.partnershipId, partnershipId)];
  const status = filters.status ?? "live";
  if (status === "live") where.push(inArray(risks.status, [...liveRiskStatuses]));
  else if (status !== "all") where.push(eq(risks.status, status));
  if (filters.category) where.push(eq(risks.category, filters.category));
  if (filters.owner) where.push(eq(risks.ownerUserId, filters.owner));
  if (filters.partner) where.push(eq(risks.ownerOrganisationId, filters.partner));
  const { amberFrom, redFrom } = settings.bands;
  if (filters.band === "green") where.push(lt(risks.currentScore, amberFrom));
  if (filters.band === "amber") where.push(gte(risks.currentScore, amberFrom), lt(risks.currentScore, redFrom));
  if (filters.band === "red") where.push(gte(risks.currentScore, redFrom));
  if (filters.appetite === "above")
    where.push(sql`exists (select 1 from ${riskAppetites} where ${riskAppetites.partnershipId} = ${risks.partnershipId} and ${riskAppetites.category} = ${risks.category}
      and ${risks.currentScore} > case ${riskAppetites.level} ${maximumFor(settings)} else 25 end)`);
  if (filters.review === "overdue") where.push(sql`${risks.nextReviewOn} < ${today}`, inArray(risks.status, [...liveRiskStatuses]));
  if (filters.likelihood && filters.impact) {
    const [likelihood, impact] = ratingColumns[filters.rating ?? "current"];
    where.push(eq(likelihood, filters.likelihood), eq(impact, filters.impact));
  }
  return where;
}

/** Every risk the filters select, highest current score first, a batch at a time (for the CSV: constant memory however long the register). */
export async function* exportRisks(db: Db, partnership: { id: string; riskSettings: unknown }, filters: RiskFilters, today: string, batchSize = 1000) {
  const settings = riskSettingsOf(partnership);
  const { statement } = await loadAppetite(db, partnership.id);
  let from: { score: number; number: number } | null = null;
  for (;;) {
    const where = registerConditions(partnership.id, settings, filters, today);
    if (from) where.push(after(from.score, from.number));
    const rows = await registerRows(db, where, batchSize);
    if (rows.length === 0) return;
    yield rows.map((r) => registerRow(r, settings, statement, today));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1].risk;
    from = { score: last.currentScore ?? 0, number: last.number };
  }
}

/**
 * The heat map's figures, counted by the database: live risks per
 * likelihood × impact cell for one kind of rating, and how many moved from
 * each inherent band to each current band.
 */
export async function heatMapFigures(db: Db, partnership: { id: string; riskSettings: unknown }, kind: (typeof scoreKinds)[number]) {
  const settings = riskSettingsOf(partnership);
  const [likelihood, impact] = ratingColumns[kind];
  const live = and(eq(risks.partnershipId, partnership.id), inArray(risks.status, [...liveRiskStatuses]));
  // One pass over the live risks' ratings (an index-only scan of risks_ratings_idx): the cells of the chosen rating and the bands' movement together.
  const rows = await db
    .select({ likelihood, impact, inherent: sql<number>`${risks.inherentLikelihood} * ${risks.inherentImpact}`, current: risks.currentScore, count: count() })
    .from(risks)
    .where(live)
    .groupBy(likelihood, impact, sql`3`, risks.currentScore);
  const cells = rows.map((r) => ({ likelihood: r.likelihood, impact: r.impact, count: r.count }));
  const movement = ragBands.flatMap((from) => ragBands.map((to) => ({ from, to, count: 0 })));
  for (const m of rows) {
    const cell = movement.find((x) => x.from === ragBand(Number(m.inherent), settings.bands) && x.to === ragBand(Number(m.current ?? 0), settings.bands))!;
    cell.count += m.count;
  }
  return { settings, map: heatMapOfCounts(cells, kind, settings.bands), movement };
}

// ------------------------------------------------------------------ one risk

const actionAsMitigation: Record<ActionStatus, MitigationStatus> = { open: "planned", done: "completed", cancelled: "cancelled" };

/** One risk with everything its page shows; undefined when the partnership has no such risk. */
export async function getRisk(db: Db, partnership: { id: string; riskSettings: unknown }, riskId: string, today: string) {
  if (!z.uuid().safeParse(riskId).success) return undefined;
  const settings = riskSettingsOf(partnership);
  const transferOrganisation = alias(organisations, "transfer_organisation");
  const [row] = await db
    .select({ risk: risks, ownerName: users.name, organisationName: organisations.name, transferredToName: transferOrganisation.name })
    .from(risks)
    .innerJoin(users, eq(users.id, risks.ownerUserId))
    .innerJoin(organisations, eq(organisations.id, risks.ownerOrganisationId))
    .leftJoin(transferOrganisation, eq(transferOrganisation.id, risks.transferredToOrganisationId))
    .where(and(eq(risks.id, riskId), eq(risks.partnershipId, partnership.id)));
  if (!row) return undefined;
  const risk = typedRisk(row.risk);
  const controlOwner = alias(users, "control_owner");
  const [reviews, controls, mitigations, decisionsLinked, appetite, escalations] = await Promise.all([
    db
      .select({ review: riskReviews, by: users.name })
      .from(riskReviews)
      .leftJoin(users, eq(users.id, riskReviews.reviewedBy))
      .where(eq(riskReviews.riskId, risk.id))
      .orderBy(asc(riskReviews.reviewedOn), asc(riskReviews.createdAt)),
    db
      .select({ control: riskControls, ownerName: controlOwner.name })
      .from(riskControls)
      .leftJoin(controlOwner, eq(controlOwner.id, riskControls.ownerUserId))
      .where(eq(riskControls.riskId, risk.id))
      .orderBy(asc(riskControls.createdAt), asc(riskControls.id)),
    listActions(db, partnership.id, { state: "all", risk: risk.id }, today),
    db
      .select({ id: decisions.id, reference: decisions.reference, title: decisions.title, status: decisions.status, decidedOn: decisions.decidedOn })
      .from(riskDecisions)
      .innerJoin(decisions, eq(decisions.id, riskDecisions.decisionId))
      .where(eq(riskDecisions.riskId, risk.id))
      .orderBy(asc(decisions.reference)),
    loadAppetite(db, partnership.id),
    escalationsOf(db, risk.id),
  ]);

  const first = reviews[0]?.review;
  const trend = scoreTrend({
    // What the first review replaced is the assessment the risk was raised with.
    start: {
      on: risk.raisedOn,
      current: first ? { likelihood: level(first.previousLikelihood), impact: level(first.previousImpact) } : risk.current,
      target: first ? { likelihood: level(first.previousTargetLikelihood), impact: level(first.previousTargetImpact) } : risk.target,
    },
    reviews: reviews.map(({ review: r }) => ({
      reviewedOn: r.reviewedOn,
      likelihood: level(r.likelihood),
      impact: level(r.impact),
      targetLikelihood: r.targetLikelihood === null ? null : level(r.targetLikelihood),
      targetImpact: r.targetImpact === null ? null : level(r.targetImpact),
    })),
  });
  const score = riskScore(risk.current);
  const targetScore = riskScore(risk.target);
  const live = isLiveRisk(risk.status);
  return {
    risk,
    ownerName: row.ownerName,
    organisationName: row.organisationName,
    transferredToName: row.transferredToName,
    settings,
    live,
    score,
    band: ragBand(score, settings.bands),
    inherentScore: riskScore(risk.inherent),
    targetScore,
    appetite: appetiteCheck(score, risk.category, appetite.statement, settings),
    review: { state: reviewState(risk.nextReviewOn, risk.reviewFrequency, today), text: describeReviewDue(risk.nextReviewOn, risk.reviewFrequency, today) },
    reachability: live
      ? targetReachability({
          currentScore: score,
          targetScore,
          targetDate: risk.targetDate,
          mitigations: mitigations.rows.map((m) => ({ status: actionAsMitigation[m.action.status], dueDate: m.action.dueDate })),
          today,
        })
      : null,
    escalation: escalationReasons(
      { status: risk.status, currentScore: score, category: risk.category, nextReviewDate: risk.nextReviewOn, reviewFrequency: risk.reviewFrequency },
      { appetites: appetite.statement, settings, today },
    ),
    // The trend's points after the start are the reviews, in the same order.
    history: trend.points.map((point, i) => ({ ...point, review: i === 0 ? null : { ...reviews[i - 1].review, by: reviews[i - 1].by } })),
    direction: trend.direction,
    controls: controls.map((c) => ({ ...c.control, effectiveness: oneOf(controlEffectivenessRatings, c.control.effectiveness, "control rating"), ownerName: c.ownerName })),
    mitigations: mitigations.rows,
    decisions: decisionsLinked,
    escalations,
  };
}
/** A risk's escalations, newest first, with the meeting and the decision taken, for its page. */
export async function escalationsOf(db: Queryable, riskId: string) {
  const rows = await db
    .select({
      id: riskEscalations.id,
      reasons: riskEscalations.reasons,
      escalatedOn: riskEscalations.escalatedOn,
      meetingId: riskEscalations.meetingId,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
      deferrals: riskEscalations.deferrals,
      deferralReason: riskEscalations.deferralReason,
      decisionId: riskEscalations.decisionId,
    })
    .from(riskEscalations)
    .leftJoin(meetings, eq(meetings.id, riskEscalations.meetingId))
    .where(eq(riskEscalations.riskId, riskId))
    .orderBy(sql`${riskEscalations.escalatedOn} desc, ${riskEscalations.createdAt} desc`);
  const decisionIds = rows.map((r) => r.decisionId).filter((x): x is string => x !== null);
  const taken = decisionIds.length
    ? await db.select({ id: decisions.id, reference: decisions.reference, title: decisions.title, status: decisions.status }).from(decisions).where(inArray(decisions.id, decisionIds))
    : [];
  const byId = new Map(taken.map((d) => [d.id, d]));
  return rows.map((r) => ({ ...r, decision: r.decisionId ? (byId.get(r.decisionId) ?? null) : null }));
}

/** The risks that have decisions linked to them, for the decision log's filter (the one chosen is kept even past the limit). */
export async function listRisksWithDecisions(db: Db, partnershipId: string, include?: string, limit = 200) {
  const rows = await db
    .select({ id: risks.id, reference: risks.reference, title: risks.title })
    .from(risks)
    .where(and(eq(risks.partnershipId, partnershipId), sql`(exists (select 1 from ${riskDecisions} rd where rd.risk_id = ${risks.id})${include && z.uuid().safeParse(include).success ? sql` or ${risks.id} = ${include}` : sql``})`))
    .orderBy(asc(risks.number))
    .limit(limit);
  return rows;
}

/**
 * What the overview's "Needs attention" says about the register: live risks above the approved appetite, and live risks whose review is overdue.
 * With `atMost`, each count stops there ("More than 100 risks…"): the overview only needs to say there is a lot to look at, and counting
 * every one of a register of 20,000 live risks cost more than the rest of the page's queries together. The register itself gives the
 * exact figure, as does the accountability dashboard, which asks without a limit.
 */
export async function riskAttention(db: Db, partnership: { id: string; slug: string; riskSettings: unknown }, today: string, options: { atMost?: number } = {}) {
  const settings = riskSettingsOf(partnership);
  const { atMost } = options;
  const count_ = async (filters: RiskFilters) => {
    const matching = and(...registerConditions(partnership.id, settings, filters, today));
    if (atMost === undefined) return (await db.select({ n: count() }).from(risks).where(matching))[0].n;
    const some = db.select({ one: sql`1` }).from(risks).where(matching).limit(atMost + 1).as("some");
    return (await db.select({ n: count() }).from(some))[0].n;
  };
  const [above, overdue] = await Promise.all([count_({ appetite: "above" }), count_({ review: "overdue" })]);
  const howMany = (n: number) => (atMost !== undefined && n > atMost ? `More than ${atMost}` : String(n));
  const items: { kind: string; message: string; href: string }[] = [];
  if (above)
    items.push({ kind: "risks_above_appetite", message: `${howMany(above)} ${above === 1 ? "risk is" : "risks are"} above the appetite the board approved`, href: `/p/${partnership.slug}/risks?appetite=above` });
  if (overdue)
    items.push({ kind: "risk_reviews_overdue", message: `${howMany(overdue)} ${overdue === 1 ? "risk's review is" : "risks' reviews are"} overdue`, href: `/p/${partnership.slug}/risks?review=overdue` });
  return items;
}

export type RiskDetail = NonNullable<Awaited<ReturnType<typeof getRisk>>>;

/** The appetite levels a category may be given, and what each tolerates. */
export const appetiteScale = (settings: RiskSettings) => appetiteLevels.map((l: AppetiteLevel) => ({ level: l, maximum: settings.appetiteMaxima[l] }));
