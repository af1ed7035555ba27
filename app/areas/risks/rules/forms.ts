import { z } from "zod";
import { isIsoDate } from "../../../platform/time/dates";
import { appetiteLevels, reviewFrequencies, riskCategories, riskScopes, riskStatuses } from "./vocabulary";
import { levelKeys, riskScore, riskSettingsSchema, type RiskLevel, type RiskSettings } from "./scoring";

// The risk register's forms, as zod schemas over what a form submits (text
// fields; parse them with parseForm from app/platform/forms.ts). Rules may not
// import app/platform/forms.ts, so the few field helpers it offers are
// repeated here with the same messages.
//
// zod refuses to `.extend()` a schema with checks across fields: to add a
// field (e.g. the row version), build `z.object({ ...riskShape, version:
// versionField }).superRefine(checkRisk)`.

// ------------------------------------------------- fields (as platform/forms)

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const requiredText = (missing: string, max: number, label: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `${label} must be ${max} characters or fewer` });

const optionalText = (max: number, label: string) =>
  z
    .preprocess(blankToUndefined, z.string().trim().max(max, { error: `${label} must be ${max} characters or fewer` }).optional())
    .transform((v) => v ?? null);

const requiredDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isIsoDate, { error: `${missing.replace(/^Enter /, "Enter a real date for ")}, for example 2026-04-01` });

const optionalDate = (label: string) =>
  z
    .preprocess(blankToUndefined, z.string().trim().refine(isIsoDate, { error: `${label} must be a real date, for example 2026-04-01` }).optional())
    .transform((v) => v ?? null);

const uuidField = (message: string) => z.string({ error: message }).trim().pipe(z.uuid({ error: message }));

const optionalUuid = (message: string) =>
  z.preprocess(blankToUndefined, z.string().trim().pipe(z.uuid({ error: message })).optional()).transform((v) => v ?? null);

const levelValues = ["1", "2", "3", "4", "5"] as const;

/** A level from 1 to 5, as the radios send it. */
const level = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .pipe(z.enum(levelValues, { error: missing }))
    .transform((v) => Number(v) as RiskLevel);

/** A level from 1 to 5, or blank (null). */
const optionalLevel = (invalid: string) =>
  z
    .preprocess(blankToUndefined, z.string().trim().pipe(z.enum(levelValues, { error: invalid })).optional())
    .transform((v) => (v === undefined ? null : (Number(v) as RiskLevel)));

type Issue = { path: string[]; message: string };
const report = (ctx: z.RefinementCtx, issues: Issue[]) => {
  for (const issue of issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
};

const targetAboveCurrent = (target: number, current: number) =>
  `The target score (${target}) is higher than the current score (${current}): set a target at or below the current score`;

// --------------------------------------------------------------- a review

/** The fields of a review: the new current likelihood and impact, optionally a new target, and what changed. */
export const riskReviewShape = {
  likelihood: level("Choose how likely the risk is now"),
  impact: level("Choose how serious its impact would be now"),
  targetLikelihood: optionalLevel("Choose a target likelihood from 1 to 5"),
  targetImpact: optionalLevel("Choose a target impact from 1 to 5"),
  commentary: requiredText("Say what has changed since the last review, and why the scores are what they are", 4000, "The commentary"),
};
export type RiskReviewInput = z.output<z.ZodObject<typeof riskReviewShape>>;

/** A new target needs both its levels, and may not be above the new current score. */
export function reviewProblems(review: RiskReviewInput): Issue[] {
  const { targetLikelihood, targetImpact } = review;
  if (targetLikelihood !== null && targetImpact === null) return [{ path: ["targetImpact"], message: "Choose a target impact as well as a target likelihood, or neither" }];
  if (targetImpact !== null && targetLikelihood === null) return [{ path: ["targetLikelihood"], message: "Choose a target likelihood as well as a target impact, or neither" }];
  if (targetLikelihood !== null && targetImpact !== null) {
    const target = riskScore({ likelihood: targetLikelihood, impact: targetImpact });
    const current = riskScore({ likelihood: review.likelihood, impact: review.impact });
    if (target > current) return [{ path: ["targetLikelihood"], message: targetAboveCurrent(target, current) }];
  }
  return [];
}
export const checkRiskReview = (review: RiskReviewInput, ctx: z.RefinementCtx) => report(ctx, reviewProblems(review));

/** A review as the review form sends it; a blank target leaves the target as it was. */
export const riskReviewSchema = z.object(riskReviewShape).superRefine(checkRiskReview);

// ------------------------------------------------------------------ a risk

/** The fields of a risk (cause, event, effect in the Orange Book's words), for creating and editing it. */
export const riskShape = {
  title: requiredText("Enter a short title for the risk", 200, "The title"),
  cause: requiredText("Describe the cause: what could make this happen", 2000, "The cause"),
  event: requiredText("Describe the risk: what could happen", 2000, "The risk"),
  effect: requiredText("Describe the effect: what it would mean for children, services or the partnership", 2000, "The effect"),
  category: z.enum(riskCategories, { error: "Choose the kind of risk" }),
  ownerUserId: uuidField("Choose the person who owns the risk"),
  ownerOrganisationId: uuidField("Choose the partner that owns the risk"),
  scope: z.enum(riskScopes, { error: "Choose whether the risk is shared by the partnership or one partner's only" }),
  raisedOn: requiredDate("Enter the date the risk was raised"),
  reviewFrequency: z.enum(reviewFrequencies, { error: "Choose how often the risk is reviewed" }),
  inherentLikelihood: level("Choose the inherent likelihood: how likely the risk is before any controls"),
  inherentImpact: level("Choose the inherent impact: how serious it would be before any controls"),
  currentLikelihood: level("Choose the current likelihood: how likely the risk is with today's controls"),
  currentImpact: level("Choose the current impact: how serious it would be with today's controls"),
  targetLikelihood: level("Choose the target likelihood: how likely the risk should be once the planned actions are done"),
  targetImpact: level("Choose the target impact: how serious it should be once the planned actions are done"),
  targetDate: optionalDate("The target date"),
};
export type RiskInput = z.output<z.ZodObject<typeof riskShape>>;

/** The target may not be above the current score, nor its date before the risk was raised. */
export function riskProblems(risk: RiskInput): Issue[] {
  const issues: Issue[] = [];
  const current = riskScore({ likelihood: risk.currentLikelihood, impact: risk.currentImpact });
  const target = riskScore({ likelihood: risk.targetLikelihood, impact: risk.targetImpact });
  if (target > current) issues.push({ path: ["targetLikelihood"], message: targetAboveCurrent(target, current) });
  if (risk.targetDate !== null && risk.targetDate < risk.raisedOn) issues.push({ path: ["targetDate"], message: "The target date must be on or after the date the risk was raised" });
  return issues;
}
export const checkRisk = (risk: RiskInput, ctx: z.RefinementCtx) => report(ctx, riskProblems(risk));

/** A risk as the create and edit forms send it. */
export const riskSchema = z.object(riskShape).superRefine(checkRisk);

/** The three ratings of a parsed risk form. */
export const ratingsOf = (risk: RiskInput) => ({
  inherent: { likelihood: risk.inherentLikelihood, impact: risk.inherentImpact },
  current: { likelihood: risk.currentLikelihood, impact: risk.currentImpact },
  target: { likelihood: risk.targetLikelihood, impact: risk.targetImpact },
});

// --------------------------------------------------- status and escalation

export const riskStatusChangeShape = {
  toStatus: z.enum(riskStatuses, { error: "Choose the new status" }),
  reason: requiredText("Say why the status is changing", 2000, "The reason"),
  /** For a transfer: the partner whose own register takes the risk, and which register. */
  transferredToOrganisationId: optionalUuid("Choose the partner whose register the risk moves to"),
  transferredToRegister: optionalText(200, "The register's name"),
};
export type RiskStatusChangeInput = z.output<z.ZodObject<typeof riskStatusChangeShape>>;

/** A transfer says where the risk goes: the partner and its register. */
export function statusChangeProblems(change: RiskStatusChangeInput): Issue[] {
  if (change.toStatus !== "transferred") return [];
  const issues: Issue[] = [];
  if (change.transferredToOrganisationId === null) issues.push({ path: ["transferredToOrganisationId"], message: "Choose the partner whose register the risk moves to" });
  if (change.transferredToRegister === null)
    issues.push({ path: ["transferredToRegister"], message: "Enter the register the risk moves to, for example the council's corporate risk register" });
  return issues;
}
export const checkRiskStatusChange = (change: RiskStatusChangeInput, ctx: z.RefinementCtx) => report(ctx, statusChangeProblems(change));

/** Escalating, de-escalating, closing, reopening or transferring a risk, with why (and, for a transfer, where). */
export const riskStatusChangeSchema = z.object(riskStatusChangeShape).superRefine(checkRiskStatusChange);

/** Putting an escalated risk back to a later board meeting (once: see deferEscalation). */
export const escalationDeferralShape = {
  reason: requiredText("Say why the board will consider this risk at a later meeting", 2000, "The reason"),
};
export const escalationDeferralSchema = z.object(escalationDeferralShape);

// --------------------------------------------------------------- settings

/**
 * The settings form's field names: the path of each setting joined with
 * dots, so that parseForm puts each message on its field.
 */
export const riskSettingsFormFields: readonly string[] = [
  "bands.amberFrom",
  "bands.redFrom",
  "escalationThreshold",
  ...appetiteLevels.map((l) => `appetiteMaxima.${l}`),
  ...(["likelihood", "impact"] as const).flatMap((scale) => levelKeys.flatMap((k) => [`${scale}.${k}.name`, `${scale}.${k}.description`])),
];

function nest(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of riskSettingsFormFields) {
    if (!(field in raw)) continue;
    const value = raw[field];
    const path = field.split(".");
    const isNumber = !field.startsWith("likelihood.") && !field.startsWith("impact.");
    let node = out;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    // Whole numbers become numbers; anything else stays text, for the number field's message.
    node[path[path.length - 1]] = isNumber && typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  }
  return out;
}

/** The settings form, parsed into settings (a field left out takes its default; a blank one is refused). */
export const riskSettingsFormSchema = z.record(z.string(), z.unknown()).transform(nest).pipe(riskSettingsSchema);

/** The settings as the form's field values, to fill it in. */
export function riskSettingsFormValues(settings: RiskSettings): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of riskSettingsFormFields) {
    let node: unknown = settings;
    for (const key of field.split(".")) node = (node as Record<string, unknown>)[key];
    values[field] = String(node);
  }
  return values;
}
