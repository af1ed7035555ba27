import { describe, expect, it } from "vitest";
import {
  appetiteCheck,
  appetiteStatementSchema,
  bandRanges,
  defaultAppetiteMaxima,
  defaultBandThresholds,
  defaultRiskSettings,
  describeRating,
  isAboveAppetite,
  isPossibleScore,
  isRiskLevel,
  levelDefinition,
  possibleScores,
  ragBand,
  riskLevels,
  riskScore,
  riskSettingsSchema,
  settingsProblems,
  type BandThresholds,
  type RiskSettings,
} from "../../../app/areas/risks/rules/scoring";
import { appetiteLevels, riskCategories, type AppetiteLevel } from "../../../app/areas/risks/rules/vocabulary";

/** The messages a failed parse gives, by field (dotted, as parseForm puts them). */
function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[issue.path.map(String).join(".")] ??= issue.message;
  return out;
}

describe("scores", () => {
  it("multiplies likelihood by impact, from 1 to 25", () => {
    expect(riskScore({ likelihood: 1, impact: 1 })).toBe(1);
    expect(riskScore({ likelihood: 3, impact: 4 })).toBe(12);
    expect(riskScore({ likelihood: 4, impact: 3 })).toBe(12);
    expect(riskScore({ likelihood: 5, impact: 5 })).toBe(25);
    const all = riskLevels.flatMap((likelihood) => riskLevels.map((impact) => riskScore({ likelihood, impact })));
    expect(Math.min(...all)).toBe(1);
    expect(Math.max(...all)).toBe(25);
  });

  it("knows which scores can happen: never 7, 11, 13, 14, 17, 18, 19, 21, 22, 23 or 24", () => {
    expect(possibleScores).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
    for (const never of [7, 11, 13, 14, 17, 18, 19, 21, 22, 23, 24]) expect(isPossibleScore(never)).toBe(false);
    expect(isPossibleScore(16)).toBe(true);
    expect(isRiskLevel(5)).toBe(true);
    expect(isRiskLevel(0)).toBe(false);
    expect(isRiskLevel(6)).toBe(false);
    expect(isRiskLevel("3")).toBe(false);
  });
});

describe("RAG bands", () => {
  it("defaults to green 1-6, amber 8-12, red 15-25", () => {
    expect(defaultBandThresholds).toEqual({ amberFrom: 8, redFrom: 15 });
    expect(bandRanges(defaultBandThresholds).map((r) => [r.band, r.text])).toEqual([
      ["green", "1 to 6"],
      ["amber", "8 to 12"],
      ["red", "15 to 25"],
    ]);
  });

  // Each threshold at −1, = and +1, for the defaults and for thresholds no product can equal.
  const cases: [BandThresholds, [number, string][]][] = [
    [
      { amberFrom: 8, redFrom: 15 },
      [
        [7, "green"],
        [8, "amber"],
        [9, "amber"],
        [14, "amber"],
        [15, "red"],
        [16, "red"],
      ],
    ],
    [
      { amberFrom: 7, redFrom: 13 },
      [
        [6, "green"],
        [7, "amber"],
        [8, "amber"],
        [12, "amber"],
        [13, "red"],
        [14, "red"],
      ],
    ],
    [
      { amberFrom: 5, redFrom: 20 },
      [
        [4, "green"],
        [5, "amber"],
        [6, "amber"],
        [19, "amber"],
        [20, "red"],
        [21, "red"],
      ],
    ],
    [
      { amberFrom: 2, redFrom: 3 },
      [
        [1, "green"],
        [2, "amber"],
        [3, "red"],
        [4, "red"],
      ],
    ],
    [
      { amberFrom: 24, redFrom: 25 },
      [
        [23, "green"],
        [24, "amber"],
        [25, "red"],
        [26, "red"],
      ],
    ],
  ];
  for (const [thresholds, expected] of cases)
    it(`bands every integer around amber from ${thresholds.amberFrom} and red from ${thresholds.redFrom}`, () => {
      for (const [score, band] of expected) expect([score, ragBand(score, thresholds)]).toEqual([score, band]);
    });

  it("bands any integer, even outside 1-25", () => {
    expect(ragBand(0, defaultBandThresholds)).toBe("green");
    expect(ragBand(-3, defaultBandThresholds)).toBe("green");
    expect(ragBand(30, defaultBandThresholds)).toBe("red");
    for (let s = 1; s <= 25; s++) expect(["green", "amber", "red"]).toContain(ragBand(s, defaultBandThresholds));
  });

  it("lists the scores that can really fall in each band", () => {
    const ranges = bandRanges({ amberFrom: 7, redFrom: 13 });
    expect(ranges.map((r) => [r.from, r.to, r.scores])).toEqual([
      [1, 6, [1, 2, 3, 4, 5, 6]],
      [7, 12, [8, 9, 10, 12]],
      [13, 25, [15, 16, 20, 25]],
    ]);
    expect(bandRanges({ amberFrom: 24, redFrom: 25 }).map((r) => r.text)).toEqual(["1 to 20", "none", "25"]);
  });
});

describe("appetite", () => {
  it("defaults to averse 4, minimal 6, cautious 9, open 12, eager 16, each a score that can happen", () => {
    expect(defaultAppetiteMaxima).toEqual({ averse: 4, minimal: 6, cautious: 9, open: 12, eager: 16 });
    for (const level of appetiteLevels) expect(isPossibleScore(defaultAppetiteMaxima[level])).toBe(true);
  });

  // Each level's maximum at −1, = and +1: equal to the maximum is within appetite.
  for (const level of appetiteLevels)
    it(`puts a score above the ${level} appetite only when it is higher than ${defaultAppetiteMaxima[level]}`, () => {
      const max = defaultAppetiteMaxima[level];
      expect(isAboveAppetite(max - 1, level, defaultRiskSettings)).toBe(false);
      expect(isAboveAppetite(max, level, defaultRiskSettings)).toBe(false);
      expect(isAboveAppetite(max + 1, level, defaultRiskSettings)).toBe(true);
    });

  it("uses the partnership's own maxima", () => {
    const settings = { appetiteMaxima: { averse: 2, minimal: 3, cautious: 5, open: 8, eager: 20 } };
    expect(isAboveAppetite(5, "cautious", settings)).toBe(false);
    expect(isAboveAppetite(6, "cautious", settings)).toBe(true);
    expect(isAboveAppetite(20, "eager", settings)).toBe(false);
    expect(isAboveAppetite(21, "eager", settings)).toBe(true);
  });

  it("checks a risk against its category's approved appetite, and says so when there is none", () => {
    const statement = appetiteStatementSchema.parse({ financial: "cautious", safeguarding: "averse" });
    expect(appetiteCheck(9, "financial", statement, defaultRiskSettings)).toEqual({
      status: "within",
      level: "cautious",
      maximum: 9,
      sentence: "A current score of 9 is within the partnership's cautious appetite for financial risks, which tolerates scores up to 9.",
    });
    expect(appetiteCheck(10, "financial", statement, defaultRiskSettings).status).toBe("above");
    expect(appetiteCheck(5, "safeguarding", statement, defaultRiskSettings).status).toBe("above");
    expect(appetiteCheck(25, "demand", statement, defaultRiskSettings)).toEqual({
      status: "not_set",
      sentence: "The partnership has not yet approved an appetite for demand risks, so this risk cannot be checked against one.",
    });
    expect(appetiteCheck(1, "legal_contractual", {}, defaultRiskSettings).sentence).toContain("legal and contractual risks");
  });

  it("accepts an appetite statement for some categories only, and refuses unknown ones", () => {
    expect(appetiteStatementSchema.parse({})).toEqual({});
    expect(appetiteStatementSchema.safeParse({ financial: "reckless" }).success).toBe(false);
    expect(appetiteStatementSchema.safeParse({ weather: "open" }).success).toBe(false);
    const every = Object.fromEntries(riskCategories.map((c) => [c, "open" as AppetiteLevel]));
    expect(appetiteStatementSchema.parse(every)).toEqual(every);
  });
});

describe("a partnership's scoring settings", () => {
  it("defaults everything, with an escalation threshold of 15 and written definitions of every level", () => {
    const settings = riskSettingsSchema.parse({});
    expect(settings).toEqual(defaultRiskSettings);
    expect(settings.escalationThreshold).toBe(15);
    expect(settings.bands).toEqual({ amberFrom: 8, redFrom: 15 });
    expect(levelDefinition(settings, "likelihood", 1)).toEqual({
      name: "Rare",
      description: "May happen only in exceptional circumstances: less than 5% chance in the next year.",
    });
    expect(levelDefinition(settings, "likelihood", 5).name).toBe("Almost certain");
    expect(levelDefinition(settings, "impact", 4).name).toBe("Major");
    expect(levelDefinition(settings, "impact", 4).description).toContain("Service to a group of children disrupted");
    expect(levelDefinition(settings, "impact", 4).description).toContain("a loss over £250,000");
    for (const scale of ["likelihood", "impact"] as const)
      for (const l of riskLevels) {
        expect(levelDefinition(settings, scale, l).name.length).toBeGreaterThan(0);
        expect(levelDefinition(settings, scale, l).description.length).toBeGreaterThan(20);
      }
    expect(describeRating({ likelihood: 4, impact: 4 }, settings)).toBe("Likely (4) × Major (4) = 16");
  });

  it("takes a partnership's own definitions, thresholds and maxima, defaulting what it leaves out", () => {
    const settings = riskSettingsSchema.parse({
      impact: { "5": { name: "Catastrophic", description: "A child dies or is seriously harmed." } },
      bands: { redFrom: 16 },
      appetiteMaxima: { eager: 20 },
      escalationThreshold: 20,
    });
    expect(levelDefinition(settings, "impact", 5).name).toBe("Catastrophic");
    expect(levelDefinition(settings, "impact", 4).name).toBe("Major");
    expect(settings.bands).toEqual({ amberFrom: 8, redFrom: 16 });
    expect(settings.appetiteMaxima).toEqual({ ...defaultAppetiteMaxima, eager: 20 });
    expect(settings.escalationThreshold).toBe(20);
    // The defaults are not shared objects a partnership could change for everyone.
    (settings.likelihood["1"] as { name: string }).name = "Changed";
    expect(riskSettingsSchema.parse({}).likelihood["1"].name).toBe("Rare");
  });

  it("refuses thresholds out of 1-25 or not whole numbers", () => {
    expect(errors(riskSettingsSchema.safeParse({ bands: { amberFrom: 1 } }))).toEqual({ "bands.amberFrom": "The score where amber starts must be a whole number from 2 to 24" });
    expect(errors(riskSettingsSchema.safeParse({ bands: { amberFrom: 25, redFrom: 25 } }))["bands.amberFrom"]).toBe(
      "The score where amber starts must be a whole number from 2 to 24",
    );
    expect(errors(riskSettingsSchema.safeParse({ bands: { redFrom: 26 } }))).toEqual({ "bands.redFrom": "The score where red starts must be a whole number from 3 to 25" });
    expect(errors(riskSettingsSchema.safeParse({ bands: { redFrom: 12.5 } }))).toEqual({ "bands.redFrom": "The score where red starts must be a whole number from 3 to 25" });
    expect(errors(riskSettingsSchema.safeParse({ escalationThreshold: 0 }))).toEqual({ escalationThreshold: "The escalation threshold must be a whole number from 1 to 25" });
    expect(errors(riskSettingsSchema.safeParse({ escalationThreshold: 26 }))).toEqual({ escalationThreshold: "The escalation threshold must be a whole number from 1 to 25" });
    expect(riskSettingsSchema.safeParse({ escalationThreshold: 1 }).success).toBe(true);
    expect(riskSettingsSchema.safeParse({ escalationThreshold: 25 }).success).toBe(true);
    expect(errors(riskSettingsSchema.safeParse({ appetiteMaxima: { averse: 0 } }))).toEqual({
      "appetiteMaxima.averse": "The highest score an averse appetite tolerates must be a whole number from 1 to 25",
    });
    expect(errors(riskSettingsSchema.safeParse({ appetiteMaxima: { cautious: "nine" } }))).toEqual({
      "appetiteMaxima.cautious": "The highest score a cautious appetite tolerates must be a whole number from 1 to 25",
    });
  });

  it("refuses bands out of order, at the boundary", () => {
    expect(errors(riskSettingsSchema.safeParse({ bands: { amberFrom: 10, redFrom: 9 } }))).toEqual({ "bands.redFrom": "Red must start at a higher score than amber (10)" });
    expect(errors(riskSettingsSchema.safeParse({ bands: { amberFrom: 10, redFrom: 10 } }))).toEqual({ "bands.redFrom": "Red must start at a higher score than amber (10)" });
    expect(riskSettingsSchema.safeParse({ bands: { amberFrom: 10, redFrom: 11 } }).success).toBe(true); // amber is just 10
  });

  it("refuses an amber band no score can fall in", () => {
    expect(errors(riskSettingsSchema.safeParse({ bands: { amberFrom: 13, redFrom: 14 } }))).toEqual({
      "bands.redFrom": "No risk can score 13 (likelihood times impact never gives it), so nothing would ever be amber: start amber lower or red higher",
    });
    expect(errors(riskSettingsSchema.safeParse({ bands: { amberFrom: 13, redFrom: 15 } }))).toEqual({
      "bands.redFrom": "No risk can score from 13 to 14 (likelihood times impact never gives those scores), so nothing would ever be amber: start amber lower or red higher",
    });
    expect(riskSettingsSchema.safeParse({ bands: { amberFrom: 12, redFrom: 15 } }).success).toBe(true);
    expect(riskSettingsSchema.safeParse({ bands: { amberFrom: 13, redFrom: 16 } }).success).toBe(true); // 15 is amber
  });

  it("refuses appetite levels that do not tolerate more as they go, at the boundary", () => {
    expect(errors(riskSettingsSchema.safeParse({ appetiteMaxima: { minimal: 4 } }))).toEqual({
      "appetiteMaxima.minimal": "Minimal must tolerate a higher score than averse (4)",
    });
    expect(errors(riskSettingsSchema.safeParse({ appetiteMaxima: { minimal: 3 } }))["appetiteMaxima.minimal"]).toBeDefined();
    expect(riskSettingsSchema.safeParse({ appetiteMaxima: { minimal: 5 } }).success).toBe(true);
    expect(errors(riskSettingsSchema.safeParse({ appetiteMaxima: { eager: 12 } }))).toEqual({ "appetiteMaxima.eager": "Eager must tolerate a higher score than open (12)" });
    expect(riskSettingsSchema.safeParse({ appetiteMaxima: { eager: 13 } }).success).toBe(true);
    const problems = settingsProblems({ bands: defaultBandThresholds, appetiteMaxima: { averse: 9, minimal: 9, cautious: 9, open: 9, eager: 9 } });
    expect(problems.map((p) => p.path.join("."))).toEqual(["appetiteMaxima.minimal", "appetiteMaxima.cautious", "appetiteMaxima.open", "appetiteMaxima.eager"]);
  });

  it("refuses blank level definitions, with the level in the message", () => {
    const result = riskSettingsSchema.safeParse({ likelihood: { "3": { name: " ", description: "" } } });
    expect(errors(result)).toEqual({
      "likelihood.3.name": "Enter a name for likelihood level 3, for example Possible",
      "likelihood.3.description": "Describe likelihood level 3, so that everyone scores risks the same way",
    });
    expect(errors(riskSettingsSchema.safeParse({ impact: { "1": { name: "x".repeat(41), description: "Fine." } } }))).toEqual({
      "impact.1.name": "The name of impact level 1 must be 40 characters or fewer",
    });
  });

  it("gives the defaults as a settings object any rule can take", () => {
    const settings: RiskSettings = defaultRiskSettings;
    expect(Object.keys(settings).sort()).toEqual(["appetiteMaxima", "bands", "escalationThreshold", "impact", "likelihood"]);
  });
});
