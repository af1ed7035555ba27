import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "../../../app/platform/forms";
import {
  checkRisk,
  escalationDeferralSchema,
  ratingsOf,
  riskReviewSchema,
  riskSchema,
  riskSettingsFormFields,
  riskSettingsFormSchema,
  riskSettingsFormValues,
  riskShape,
  riskStatusChangeSchema,
} from "../../../app/areas/risks/rules/forms";
import { defaultRiskSettings } from "../../../app/areas/risks/rules/scoring";

const OWNER = "0196a3c2-6c1e-7c2a-9a43-1f2e3d4c5b6a";
const HAVERING = "0196a3c2-6c1e-7c2a-9a43-2a2b2c2d2e2f";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}
function parse<S extends z.ZodType>(schema: S, values: Record<string, string>) {
  return parseForm(schema, form(values));
}
function errorsOf<S extends z.ZodType>(schema: S, values: Record<string, string>) {
  const result = parse(schema, values);
  return result.ok ? {} : result.errors;
}

describe("the review form", () => {
  const review = { likelihood: "3", impact: "4", targetLikelihood: "", targetImpact: "", commentary: "Two providers have now bid under the block contract." };

  it("takes the new current scores and a commentary, leaving the target as it was when blank", () => {
    expect(parse(riskReviewSchema, review)).toEqual({
      ok: true,
      data: { likelihood: 3, impact: 4, targetLikelihood: null, targetImpact: null, commentary: "Two providers have now bid under the block contract." },
    });
    const withTarget = parse(riskReviewSchema, { ...review, targetLikelihood: "2", targetImpact: "3" });
    expect(withTarget.ok && [withTarget.data.targetLikelihood, withTarget.data.targetImpact]).toEqual([2, 3]);
  });

  it("says what is missing in plain English", () => {
    expect(errorsOf(riskReviewSchema, {})).toEqual({
      likelihood: "Choose how likely the risk is now",
      impact: "Choose how serious its impact would be now",
      commentary: "Say what has changed since the last review, and why the scores are what they are",
    });
    expect(errorsOf(riskReviewSchema, { ...review, likelihood: "6", impact: "0", commentary: "   " })).toEqual({
      likelihood: "Choose how likely the risk is now",
      impact: "Choose how serious its impact would be now",
      commentary: "Say what has changed since the last review, and why the scores are what they are",
    });
    expect(errorsOf(riskReviewSchema, { ...review, commentary: "x".repeat(4001) })).toEqual({ commentary: "The commentary must be 4000 characters or fewer" });
    expect(errorsOf(riskReviewSchema, { ...review, targetLikelihood: "9", targetImpact: "2" })).toEqual({ targetLikelihood: "Choose a target likelihood from 1 to 5" });
  });

  it("needs both target levels or neither, and a target no higher than the new current score", () => {
    expect(errorsOf(riskReviewSchema, { ...review, targetLikelihood: "2" })).toEqual({ targetImpact: "Choose a target impact as well as a target likelihood, or neither" });
    expect(errorsOf(riskReviewSchema, { ...review, targetImpact: "2" })).toEqual({ targetLikelihood: "Choose a target likelihood as well as a target impact, or neither" });
    // Current 3 × 4 = 12: a target of 12 is allowed, 15 is not.
    expect(parse(riskReviewSchema, { ...review, targetLikelihood: "4", targetImpact: "3" }).ok).toBe(true);
    expect(errorsOf(riskReviewSchema, { ...review, targetLikelihood: "3", targetImpact: "5" })).toEqual({
      targetLikelihood: "The target score (15) is higher than the current score (12): set a target at or below the current score",
    });
  });
});

describe("the risk form", () => {
  const risk = {
    title: "Providers unwilling to bid under the block contract",
    cause: "Providers see the block-contract model as too risky for them",
    event: "Too few providers bid for the residential placements",
    effect: "Children are placed far from home, on expensive spot purchases",
    category: "service_delivery",
    ownerUserId: OWNER,
    ownerOrganisationId: HAVERING,
    scope: "shared",
    raisedOn: "2026-03-02",
    reviewFrequency: "quarterly",
    inherentLikelihood: "4",
    inherentImpact: "4",
    currentLikelihood: "3",
    currentImpact: "4",
    targetLikelihood: "2",
    targetImpact: "3",
    targetDate: "",
  };

  it("parses a complete risk", () => {
    const result = parse(riskSchema, risk);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ category: "service_delivery", scope: "shared", reviewFrequency: "quarterly", targetDate: null, inherentLikelihood: 4 });
    expect(ratingsOf(result.data)).toEqual({
      inherent: { likelihood: 4, impact: 4 },
      current: { likelihood: 3, impact: 4 },
      target: { likelihood: 2, impact: 3 },
    });
    const dated = parse(riskSchema, { ...risk, targetDate: "2026-09-30" });
    expect(dated.ok && dated.data.targetDate).toBe("2026-09-30");
  });

  it("says what is missing in plain English", () => {
    expect(errorsOf(riskSchema, {})).toEqual({
      title: "Enter a short title for the risk",
      cause: "Describe the cause: what could make this happen",
      event: "Describe the risk: what could happen",
      effect: "Describe the effect: what it would mean for children, services or the partnership",
      category: "Choose the kind of risk",
      ownerUserId: "Choose the person who owns the risk",
      ownerOrganisationId: "Choose the partner that owns the risk",
      scope: "Choose whether the risk is shared by the partnership or one partner's only",
      raisedOn: "Enter the date the risk was raised",
      reviewFrequency: "Choose how often the risk is reviewed",
      inherentLikelihood: "Choose the inherent likelihood: how likely the risk is before any controls",
      inherentImpact: "Choose the inherent impact: how serious it would be before any controls",
      currentLikelihood: "Choose the current likelihood: how likely the risk is with today's controls",
      currentImpact: "Choose the current impact: how serious it would be with today's controls",
      targetLikelihood: "Choose the target likelihood: how likely the risk should be once the planned actions are done",
      targetImpact: "Choose the target impact: how serious it should be once the planned actions are done",
    });
  });

  it("refuses values that are not real", () => {
    expect(
      errorsOf(riskSchema, {
        ...risk,
        title: "x".repeat(201),
        category: "weather",
        ownerUserId: "someone",
        scope: "private",
        raisedOn: "2026-02-30",
        reviewFrequency: "weekly",
        currentImpact: "3.5",
        targetDate: "soon",
      }),
    ).toEqual({
      title: "The title must be 200 characters or fewer",
      category: "Choose the kind of risk",
      ownerUserId: "Choose the person who owns the risk",
      scope: "Choose whether the risk is shared by the partnership or one partner's only",
      raisedOn: "Enter a real date for the date the risk was raised, for example 2026-04-01",
      reviewFrequency: "Choose how often the risk is reviewed",
      currentImpact: "Choose the current impact: how serious it would be with today's controls",
      targetDate: "The target date must be a real date, for example 2026-04-01",
    });
  });

  it("keeps the target at or below the current score, and its date on or after the day the risk was raised", () => {
    // Current 3 × 4 = 12.
    expect(parse(riskSchema, { ...risk, targetLikelihood: "3", targetImpact: "4" }).ok).toBe(true);
    expect(errorsOf(riskSchema, { ...risk, targetLikelihood: "5", targetImpact: "3" })).toEqual({
      targetLikelihood: "The target score (15) is higher than the current score (12): set a target at or below the current score",
    });
    expect(errorsOf(riskSchema, { ...risk, targetDate: "2026-03-01" })).toEqual({ targetDate: "The target date must be on or after the date the risk was raised" });
    expect(parse(riskSchema, { ...risk, targetDate: "2026-03-02" }).ok).toBe(true);
  });

  it("can be extended with more fields and keep its checks", () => {
    const edit = z.object({ ...riskShape, version: z.string().regex(/^\d+$/).transform(Number) }).superRefine(checkRisk);
    expect(errorsOf(edit, { ...risk, version: "3", targetDate: "2026-01-01" })).toEqual({ targetDate: "The target date must be on or after the date the risk was raised" });
    const ok = parse(edit, { ...risk, version: "3" });
    expect(ok.ok && ok.data.version).toBe(3);
  });
});

describe("status changes and deferrals", () => {
  it("need a reason; a transfer says to which partner's register", () => {
    expect(parse(riskStatusChangeSchema, { toStatus: "closed", reason: "The contract is let", transferredToOrganisationId: "", transferredToRegister: "" })).toEqual({
      ok: true,
      data: { toStatus: "closed", reason: "The contract is let", transferredToOrganisationId: null, transferredToRegister: null },
    });
    expect(errorsOf(riskStatusChangeSchema, { toStatus: "", reason: "" })).toEqual({ toStatus: "Choose the new status", reason: "Say why the status is changing" });
    expect(errorsOf(riskStatusChangeSchema, { toStatus: "transferred", reason: "Only Havering carries it now" })).toEqual({
      transferredToOrganisationId: "Choose the partner whose register the risk moves to",
      transferredToRegister: "Enter the register the risk moves to, for example the council's corporate risk register",
    });
    const moved = parse(riskStatusChangeSchema, {
      toStatus: "transferred",
      reason: "Only Havering carries it now",
      transferredToOrganisationId: HAVERING,
      transferredToRegister: "Havering Children's Services risk register",
    });
    expect(moved.ok && moved.data.transferredToRegister).toBe("Havering Children's Services risk register");
    expect(errorsOf(riskStatusChangeSchema, { toStatus: "transferred", reason: "r", transferredToOrganisationId: "havering", transferredToRegister: "x" })).toEqual({
      transferredToOrganisationId: "Choose the partner whose register the risk moves to",
    });
  });

  it("deferring to a later board meeting needs a reason", () => {
    expect(errorsOf(escalationDeferralSchema, { reason: " " })).toEqual({ reason: "Say why the board will consider this risk at a later meeting" });
    expect(parse(escalationDeferralSchema, { reason: "The finance lead is away" }).ok).toBe(true);
  });
});

describe("the settings form", () => {
  const filled = riskSettingsFormValues(defaultRiskSettings);

  it("round-trips the settings through its fields", () => {
    expect(Object.keys(filled)).toEqual(riskSettingsFormFields);
    expect(filled["bands.amberFrom"]).toBe("8");
    expect(filled["appetiteMaxima.cautious"]).toBe("9");
    expect(filled["impact.4.name"]).toBe("Major");
    expect(parse(riskSettingsFormSchema, filled)).toEqual({ ok: true, data: defaultRiskSettings });
    const changed = parse(riskSettingsFormSchema, { ...filled, "bands.redFrom": " 16 ", escalationThreshold: "20", "likelihood.1.name": "Very unlikely" });
    expect(changed.ok && [changed.data.bands.redFrom, changed.data.escalationThreshold, changed.data.likelihood["1"].name]).toEqual([16, 20, "Very unlikely"]);
  });

  it("puts each message on its field", () => {
    expect(errorsOf(riskSettingsFormSchema, { ...filled, "bands.amberFrom": "", escalationThreshold: "high", "impact.2.description": " " })).toEqual({
      "bands.amberFrom": "The score where amber starts must be a whole number from 2 to 24",
      escalationThreshold: "The escalation threshold must be a whole number from 1 to 25",
      "impact.2.description": "Describe impact level 2, so that everyone scores risks the same way",
    });
    expect(errorsOf(riskSettingsFormSchema, { ...filled, "bands.amberFrom": "15", "bands.redFrom": "15" })).toEqual({
      "bands.redFrom": "Red must start at a higher score than amber (15)",
    });
    expect(errorsOf(riskSettingsFormSchema, { ...filled, "appetiteMaxima.open": "9" })).toEqual({
      "appetiteMaxima.open": "Open must tolerate a higher score than cautious (9)",
    });
  });
});
