import { z } from "zod";
import { appetiteLevelLabels, appetiteLevels, ragBands, riskCategoryLabels, type AppetiteLevel, type RagBand, type RiskCategory, riskCategories } from "./vocabulary";

// Scoring a risk the way UK public bodies do (HM Treasury's Orange Book):
// likelihood and impact each from 1 to 5, the score their product (1-25),
// a RAG band by score, and an appetite per category saying the highest
// current score the partnership will tolerate. Each partnership can change
// the written definitions of the levels, the band thresholds, the appetite
// maxima and the escalation threshold; `riskSettingsSchema` holds them, with
// the defaults below.

export const riskLevels = [1, 2, 3, 4, 5] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const isRiskLevel = (n: unknown): n is RiskLevel => typeof n === "number" && (riskLevels as readonly number[]).includes(n);

/** One assessment of a risk: how likely, how bad. */
export type Rating = { likelihood: RiskLevel; impact: RiskLevel };

export const MIN_SCORE = 1;
export const MAX_SCORE = 25;

/** Likelihood × impact, from 1 to 25. */
export const riskScore = (rating: Rating): number => rating.likelihood * rating.impact;

/**
 * The only scores a risk can have: products of 1-5 never give 7, 11, 13, 14,
 * 17, 18, 19, 21, 22, 23 or 24. Thresholds may still be any whole number
 * from 1 to 25, and every rule here works for any integer score.
 */
export const possibleScores: readonly number[] = [...new Set(riskLevels.flatMap((l) => riskLevels.map((i) => l * i)))].sort((a, b) => a - b);
export const isPossibleScore = (score: number) => possibleScores.includes(score);

// ------------------------------------------------------ level definitions

export type LevelKey = "1" | "2" | "3" | "4" | "5";
export const levelKeys: readonly LevelKey[] = ["1", "2", "3", "4", "5"];
/** What a level is called and what it means, so everyone scores the same way. */
export type LevelDefinition = { name: string; description: string };
export type LevelDefinitions = Record<LevelKey, LevelDefinition>;

/** Default likelihood over the next twelve months, with the chance in numbers as most councils' matrices give it. */
export const defaultLikelihoodDefinitions: LevelDefinitions = {
  "1": { name: "Rare", description: "May happen only in exceptional circumstances: less than 5% chance in the next year." },
  "2": { name: "Unlikely", description: "Could happen but is not expected: a 5% to 25% chance in the next year." },
  "3": { name: "Possible", description: "Might well happen at some point: a 25% to 50% chance in the next year." },
  "4": {
    name: "Likely",
    description: "Will probably happen: a 50% to 80% chance in the next year, or it has happened recently here or in a similar partnership.",
  },
  "5": { name: "Almost certain", description: "Expected to happen, or already happening: more than 80% chance in the next year." },
};

/**
 * Default impact on children, services, money, reputation and the
 * partnership itself, for UK children's services partnerships. Score the
 * worst that fits: any one of the effects is enough.
 */
export const defaultImpactDefinitions: LevelDefinitions = {
  "1": {
    name: "Insignificant",
    description: "No noticeable effect on children or services; a loss under £10,000; handled in day-to-day management.",
  },
  "2": {
    name: "Minor",
    description: "A short delay or inconvenience to a service with no harm to children; a loss of £10,000 to £50,000; a complaint or local interest.",
  },
  "3": {
    name: "Moderate",
    description:
      "An individual child's service or placement disrupted, or a statutory or contractual deadline missed; a loss of £50,000 to £250,000; local press coverage or a partner's formal concern.",
  },
  "4": {
    name: "Major",
    description:
      "Service to a group of children disrupted, or a child's safety put at risk; a loss over £250,000; a critical inspection finding, or a partner threatening to withdraw.",
  },
  "5": {
    name: "Severe",
    description:
      "Serious harm to a child, or the partnership or a core service unable to continue; a loss over £1 million; intervention by Ofsted, Care Inspectorate Wales or ministers, or national press coverage.",
  },
};

// ------------------------------------------------------------- RAG bands

/** A score is red from `redFrom`, amber from `amberFrom` below that, green below `amberFrom`. */
export type BandThresholds = { amberFrom: number; redFrom: number };
/**
 * Green 1-6, amber 8-12, red 15-25: the common split of a 5 × 5 matrix.
 * Green goes up to "possible and minor" (3 × 2); red starts at 15
 * ("possible and severe", 3 × 5) and takes in "likely and major" (4 × 4).
 * No risk can score 7, 13 or 14, so amber starting at 7 or 8, and red at
 * 13, 14 or 15, band every real score alike; 8 and 15 are the first real
 * scores of each band, so the thresholds say what people see.
 */
export const defaultBandThresholds: BandThresholds = { amberFrom: 8, redFrom: 15 };

/** The band a score falls in; works for any integer (below 1 is green, above 25 red). */
export function ragBand(score: number, thresholds: BandThresholds): RagBand {
  if (score >= thresholds.redFrom) return "red";
  if (score >= thresholds.amberFrom) return "amber";
  return "green";
}

export type BandRange = { band: RagBand; from: number; to: number; scores: number[]; text: string };

/** Each band's range of whole numbers, the scores that can really fall in it, and "1 to 6" as people read it. */
export function bandRanges(thresholds: BandThresholds): BandRange[] {
  const bounds: Record<RagBand, [number, number]> = {
    green: [MIN_SCORE, thresholds.amberFrom - 1],
    amber: [thresholds.amberFrom, thresholds.redFrom - 1],
    red: [thresholds.redFrom, MAX_SCORE],
  };
  return ragBands.map((band) => {
    const [from, to] = bounds[band];
    const scores = possibleScores.filter((s) => s >= from && s <= to);
    const text = scores.length === 0 ? "none" : scores.length === 1 ? String(scores[0]) : `${scores[0]} to ${scores[scores.length - 1]}`;
    return { band, from, to, scores, text };
  });
}

// --------------------------------------------------------------- appetite

/** The highest current score each appetite level tolerates. */
export type AppetiteMaxima = Record<AppetiteLevel, number>;
/**
 * Averse 4, minimal 6, cautious 9, open 12, eager 16. Each is a score that
 * can happen, so "at most" is a real line: averse tolerates only low risks
 * (up to "unlikely and minor", 2 × 2, or "rare and major", 1 × 4), minimal the top of green,
 * cautious the lower half of amber, open all of amber, eager the bottom of
 * red (15 and 16). Above 16 (20, 25) no appetite tolerates: every such risk
 * is also escalated by its score.
 */
export const defaultAppetiteMaxima: AppetiteMaxima = { averse: 4, minimal: 6, cautious: 9, open: 12, eager: 16 };

/** A partnership's approved appetite for each category; a category missing has none approved yet. */
export const appetiteStatementSchema = z.partialRecord(z.enum(riskCategories), z.enum(appetiteLevels));
export type AppetiteStatement = z.output<typeof appetiteStatementSchema>;

export const appetiteMaximum = (level: AppetiteLevel, settings: Pick<RiskSettings, "appetiteMaxima">) => settings.appetiteMaxima[level];

/** Whether a current score is above what an appetite level tolerates (equal to the maximum is within it). */
export function isAboveAppetite(currentScore: number, level: AppetiteLevel, settings: Pick<RiskSettings, "appetiteMaxima">): boolean {
  return currentScore > appetiteMaximum(level, settings);
}

export type AppetiteCheck =
  | { status: "within" | "above"; level: AppetiteLevel; maximum: number; sentence: string }
  | { status: "not_set"; sentence: string };

/** A risk's current score against its category's approved appetite, or a plain statement that there is none yet. */
export function appetiteCheck(
  currentScore: number,
  category: RiskCategory,
  statement: AppetiteStatement,
  settings: Pick<RiskSettings, "appetiteMaxima">,
): AppetiteCheck {
  const level = statement[category];
  const kind = riskCategoryLabels[category].toLowerCase();
  if (!level) return { status: "not_set", sentence: `The partnership has not yet approved an appetite for ${kind} risks, so this risk cannot be checked against one.` };
  const maximum = appetiteMaximum(level, settings);
  const above = currentScore > maximum;
  return {
    status: above ? "above" : "within",
    level,
    maximum,
    sentence: `A current score of ${currentScore} is ${above ? "above" : "within"} the partnership's ${appetiteLevelLabels[level].toLowerCase()} appetite for ${kind} risks, which tolerates scores up to ${maximum}.`,
  };
}

// --------------------------------------------------------------- settings

/** The default escalation threshold: every red risk (15 and above) goes to the board. */
export const DEFAULT_ESCALATION_THRESHOLD = 15;

const wholeScore = (label: string, min = MIN_SCORE, max = MAX_SCORE) => {
  const message = `${label} must be a whole number from ${min} to ${max}`;
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
};

const levelDefinitionSchema = (scale: "likelihood" | "impact", key: LevelKey, fallback: LevelDefinition) =>
  z
    .object({
      name: z
        .string({ error: `Enter a name for ${scale} level ${key}, for example ${fallback.name}` })
        .trim()
        .min(1, { error: `Enter a name for ${scale} level ${key}, for example ${fallback.name}` })
        .max(40, { error: `The name of ${scale} level ${key} must be 40 characters or fewer` }),
      description: z
        .string({ error: `Describe ${scale} level ${key}, so that everyone scores risks the same way` })
        .trim()
        .min(1, { error: `Describe ${scale} level ${key}, so that everyone scores risks the same way` })
        .max(500, { error: `The description of ${scale} level ${key} must be 500 characters or fewer` }),
    })
    .default(() => ({ ...fallback }));

const levelDefinitionsSchema = (scale: "likelihood" | "impact", defaults: LevelDefinitions) =>
  z
    .object({
      "1": levelDefinitionSchema(scale, "1", defaults["1"]),
      "2": levelDefinitionSchema(scale, "2", defaults["2"]),
      "3": levelDefinitionSchema(scale, "3", defaults["3"]),
      "4": levelDefinitionSchema(scale, "4", defaults["4"]),
      "5": levelDefinitionSchema(scale, "5", defaults["5"]),
    })
    .prefault({});

/** What people call each appetite level's maximum in messages. */
const appetiteFieldLabel = (level: AppetiteLevel) => `The highest score a${level === "averse" || level === "open" || level === "eager" ? "n" : ""} ${level} appetite tolerates`;

/**
 * A partnership's scoring settings, as stored (JSON) and as the settings
 * form sends them (see riskSettingsFormSchema). Anything missing takes the
 * default, so `riskSettingsSchema.parse({})` is the defaults.
 */
export const riskSettingsSchema = z
  .object({
    likelihood: levelDefinitionsSchema("likelihood", defaultLikelihoodDefinitions),
    impact: levelDefinitionsSchema("impact", defaultImpactDefinitions),
    bands: z
      .object({
        amberFrom: wholeScore("The score where amber starts", 2, 24).default(defaultBandThresholds.amberFrom),
        redFrom: wholeScore("The score where red starts", 3, 25).default(defaultBandThresholds.redFrom),
      })
      .prefault({}),
    appetiteMaxima: z
      .object(
        Object.fromEntries(appetiteLevels.map((level) => [level, wholeScore(appetiteFieldLabel(level)).default(defaultAppetiteMaxima[level])])) as Record<
          AppetiteLevel,
          z.ZodDefault<z.ZodInt>
        >,
      )
      .prefault({}),
    escalationThreshold: wholeScore("The escalation threshold").default(DEFAULT_ESCALATION_THRESHOLD),
  })
  .superRefine((settings, ctx) => {
    for (const problem of settingsProblems(settings)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  });
export type RiskSettings = z.output<typeof riskSettingsSchema>;
/** Settings as written before defaults are applied (what seeds and stored JSON may hold). */
export type RiskSettingsInput = z.input<typeof riskSettingsSchema>;

export const defaultRiskSettings: RiskSettings = riskSettingsSchema.parse({});

/**
 * What is wrong with settings whose fields are each in range: bands out of
 * order or a band no score can fall in, appetite levels that do not rise.
 */
export function settingsProblems(settings: Pick<RiskSettings, "bands" | "appetiteMaxima">): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  const { amberFrom, redFrom } = settings.bands;
  if (redFrom <= amberFrom) {
    problems.push({ path: ["bands", "redFrom"], message: `Red must start at a higher score than amber (${amberFrom})` });
  } else if (!possibleScores.some((s) => s >= amberFrom && s < redFrom)) {
    const range = redFrom - 1 === amberFrom ? `${amberFrom}` : `from ${amberFrom} to ${redFrom - 1}`;
    problems.push({
      path: ["bands", "redFrom"],
      message: `No risk can score ${range} (likelihood times impact never gives ${redFrom - 1 === amberFrom ? "it" : "those scores"}), so nothing would ever be amber: start amber lower or red higher`,
    });
  }
  for (let i = 1; i < appetiteLevels.length; i++) {
    const lower = appetiteLevels[i - 1];
    const level = appetiteLevels[i];
    const was = settings.appetiteMaxima[lower];
    if (settings.appetiteMaxima[level] <= was)
      problems.push({
        path: ["appetiteMaxima", level],
        message: `${appetiteLevelLabels[level]} must tolerate a higher score than ${appetiteLevelLabels[lower].toLowerCase()} (${was})`,
      });
  }
  return problems;
}

/** The written definition of one level, e.g. ("impact", 4) → { name: "Major", … }. */
export function levelDefinition(settings: Pick<RiskSettings, "likelihood" | "impact">, scale: "likelihood" | "impact", level: RiskLevel): LevelDefinition {
  return settings[scale][String(level) as LevelKey];
}

/** "Likely (4) × Major (4) = 16", for tables and history. */
export function describeRating(rating: Rating, settings: Pick<RiskSettings, "likelihood" | "impact">): string {
  const l = levelDefinition(settings, "likelihood", rating.likelihood).name;
  const i = levelDefinition(settings, "impact", rating.impact).name;
  return `${l} (${rating.likelihood}) × ${i} (${rating.impact}) = ${riskScore(rating)}`;
}
