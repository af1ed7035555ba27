import { z } from "zod";
import {
  appetiteLevelLabels,
  appetiteLevels,
  appetiteStatementSchema,
  controlEffectivenessLabels,
  controlEffectivenessRatings,
  reviewFrequencies,
  reviewFrequencyLabels,
  riskCategories,
  riskCategoryLabels,
  riskScopeLabels,
  riskScopes,
  riskStatuses,
  riskStatusLabels,
  levelKeys,
  riskSettingsSchema,
  type AppetiteStatement,
  type RiskSettings,
} from "../../areas/risks/public";
import { because, change, defineAction, id, isoDate, on, quoted, text } from "../define";

// The risk register's audit actions. Every payload carries the risk's
// reference, so each sentence names the risk as people know it
// ("Risk NELCP-R-012's current score 12 → 16 by Priya Raman: …").

const level = z.number().int().min(1).max(5);

const riskContent = {
  title: text,
  cause: text,
  event: text,
  effect: text,
  category: z.enum(riskCategories),
  ownerUserId: id,
  ownerOrganisationId: id,
  scope: z.enum(riskScopes),
  raisedOn: isoDate,
  reviewFrequency: z.enum(reviewFrequencies),
  nextReviewOn: isoDate,
  inherentLikelihood: level,
  inherentImpact: level,
  currentLikelihood: level,
  currentImpact: level,
  targetLikelihood: level,
  targetImpact: level,
  targetDate: isoDate.nullable(),
};

const controlContent = { description: text, ownerUserId: id.nullable(), effectiveness: z.enum(controlEffectivenessRatings) };

const risk = (reference: string | null | undefined, subject: string | null) => {
  const r = reference ?? subject;
  return r ? `Risk ${r}` : "A risk";
};

type Content = Partial<{ [K in keyof typeof riskContent]: z.output<(typeof riskContent)[K]> }>;

/** "current score 12 → 16; title “A” → “B”; cause reworded": each change to a risk, as people read it. */
function riskChanges(before: Content, after: Content): string {
  const parts: string[] = [];
  for (const kind of ["inherent", "current", "target"] as const) {
    const [l, i] = [`${kind}Likelihood`, `${kind}Impact`] as const;
    if (!(l in after) && !(i in after)) continue;
    const was = (before[l] ?? 0) * (before[i] ?? 0);
    const now = (after[l] ?? before[l] ?? 0) * (after[i] ?? before[i] ?? 0);
    parts.push(was && now ? `${kind} score ${was} → ${now}` : `${kind} score changed`);
  }
  if ("title" in after) parts.push(`title ${quoted(before.title)} → ${quoted(after.title)}`);
  for (const key of ["cause", "event", "effect"] as const) if (key in after) parts.push(`${key === "event" ? "the risk" : key} reworded`);
  if (after.category) parts.push(`category ${before.category ? `${riskCategoryLabels[before.category].toLowerCase()} → ` : ""}${riskCategoryLabels[after.category].toLowerCase()}`);
  if (after.scope) parts.push(`now ${riskScopeLabels[after.scope].toLowerCase()}`);
  if ("ownerUserId" in after) parts.push("owner changed");
  if ("ownerOrganisationId" in after) parts.push("owning partner changed");
  if (after.reviewFrequency) parts.push(`reviewed ${reviewFrequencyLabels[after.reviewFrequency].toLowerCase()}`);
  if ("raisedOn" in after) parts.push(`raised on ${change(before.raisedOn, after.raisedOn)}`);
  if ("nextReviewOn" in after) parts.push(`next review ${change(before.nextReviewOn, after.nextReviewOn)}`);
  if ("targetDate" in after) parts.push(`target date ${change(before.targetDate, after.targetDate)}`);
  return parts.join("; ");
}

/** "red from 15 → 16; escalation threshold 15 → 20; impact level 4 redefined": what a settings change did. */
function settingsChanges(before: RiskSettings, after: RiskSettings): string {
  const parts: string[] = [];
  const moved = (what: string, a: number, b: number) => (a !== b ? parts.push(`${what} ${a} → ${b}`) : 0);
  moved("amber from", before.bands.amberFrom, after.bands.amberFrom);
  moved("red from", before.bands.redFrom, after.bands.redFrom);
  moved("escalation threshold", before.escalationThreshold, after.escalationThreshold);
  for (const level of appetiteLevels) moved(`${appetiteLevelLabels[level].toLowerCase()} appetite's highest score`, before.appetiteMaxima[level], after.appetiteMaxima[level]);
  for (const scale of ["likelihood", "impact"] as const)
    for (const key of levelKeys)
      if (JSON.stringify(before[scale][key]) !== JSON.stringify(after[scale][key])) parts.push(`${scale} level ${key} now “${after[scale][key].name}”`);
  return parts.join("; ");
}

const statement = (levels: AppetiteStatement, before?: AppetiteStatement) =>
  riskCategories
    .filter((c) => levels[c])
    .map((c) => {
      const was = before?.[c];
      const now = levels[c]!;
      const label = (l: (typeof appetiteLevels)[number]) => appetiteLevelLabels[l].toLowerCase();
      return `${riskCategoryLabels[c].toLowerCase()} ${was && was !== now ? `${label(was)} → ` : ""}${label(now)}`;
    })
    .join("; ");

export const risksActions = {
  "risk.create": defineAction({
    entity: "risk",
    label: "Risk raised",
    before: null,
    after: z.strictObject({ id, partnershipId: id, number: z.number().int().min(1), reference: text, status: z.enum(riskStatuses), createdBy: id, ...riskContent }),
    describe: (e) =>
      `${risk(e.after.reference, e.subject)} ${quoted(e.after.title)} added to the register by ${e.actor}, current score ${e.after.currentLikelihood * e.after.currentImpact}` +
      ` (target ${e.after.targetLikelihood * e.after.targetImpact}), reviewed ${reviewFrequencyLabels[e.after.reviewFrequency].toLowerCase()}`,
  }),
  "risk.update": defineAction({
    entity: "risk",
    label: "Risk changed",
    before: z.strictObject(riskContent).partial(),
    after: z.strictObject({ reference: text, ...z.strictObject(riskContent).partial().shape }),
    describe: (e) => `${risk(e.after.reference, e.subject)} changed by ${e.actor}: ${riskChanges(e.before, e.after) || "no field changed"}${because(e.reason)}`,
  }),
  "risk.review": defineAction({
    entity: "risk",
    label: "Risk reviewed",
    before: z.strictObject({ likelihood: level, impact: level, targetLikelihood: level, targetImpact: level, nextReviewOn: isoDate }),
    after: z.strictObject({
      reference: text,
      reviewId: id,
      reviewedOn: isoDate,
      likelihood: level,
      impact: level,
      targetLikelihood: level,
      targetImpact: level,
      nextReviewOn: isoDate,
      commentary: text,
    }),
    describe: (e) => {
      const [was, now] = [e.before.likelihood * e.before.impact, e.after.likelihood * e.after.impact];
      const [targetWas, targetNow] = [e.before.targetLikelihood * e.before.targetImpact, e.after.targetLikelihood * e.after.targetImpact];
      const target = targetWas !== targetNow ? ` and target ${targetWas} → ${targetNow}` : "";
      const name = risk(e.after.reference, e.subject);
      return (
        (was !== now || target ? `${name}'s current score ${was === now ? `stays at ${now}` : `${was} → ${now}`}${target} by ${e.actor}` : `${name} reviewed by ${e.actor}, its current score staying at ${now}`) +
        `: “${e.after.commentary}”`
      );
    },
  }),
  "risk.status": defineAction({
    entity: "risk",
    label: "Risk status changed",
    before: z.strictObject({ status: z.enum(riskStatuses) }),
    after: z.strictObject({ reference: text, status: z.enum(riskStatuses), transferredToOrganisationId: id.nullable(), transferredToRegister: text.nullable() }),
    describe: (e) =>
      `${risk(e.after.reference, e.subject)} ${riskStatusLabels[e.before.status].toLowerCase()} → ${riskStatusLabels[e.after.status].toLowerCase()} by ${e.actor}` +
      `${e.after.transferredToRegister ? ` (to ${e.after.transferredToRegister})` : ""}${because(e.reason)}`,
  }),
  "risk.escalate": defineAction({
    entity: "risk",
    label: "Risk escalated to the board",
    before: z.strictObject({ status: z.enum(riskStatuses) }),
    after: z.strictObject({ reference: text, escalationId: id, reasons: z.array(text).min(1), meetingId: id.nullable(), meetingDate: isoDate.nullable(), agendaItemId: id.nullable() }),
    describe: (e) =>
      `${risk(e.after.reference, e.subject)} escalated to the board by ${e.actor}` +
      `${e.after.meetingDate ? `, on the agenda of the board meeting of ${on(e.after.meetingDate)}` : ", waiting for a board meeting to be arranged"}: ${e.after.reasons.join(" ")}`,
  }),
  "risk.escalation_placed": defineAction({
    entity: "risk",
    label: "Escalated risk put on an agenda",
    before: null,
    after: z.strictObject({ reference: text, escalationId: id, meetingId: id, meetingDate: isoDate, agendaItemId: id }),
    describe: (e) => `${risk(e.after.reference, e.subject)}, escalated, put on the agenda of the board meeting of ${on(e.after.meetingDate)}`,
  }),
  "risk.escalation_deferred": defineAction({
    entity: "risk",
    label: "Escalated risk put back",
    before: z.strictObject({ meetingId: id, meetingDate: isoDate }),
    after: z.strictObject({ reference: text, escalationId: id, meetingId: id, meetingDate: isoDate, agendaItemId: id }),
    describe: (e) => `${risk(e.after.reference, e.subject)} put back from the board meeting of ${on(e.before.meetingDate)} to ${on(e.after.meetingDate)} by ${e.actor}${because(e.reason)}`,
  }),
  "risk.escalation_decided": defineAction({
    entity: "risk",
    label: "Board decided on an escalated risk",
    before: null,
    after: z.strictObject({ reference: text, escalationId: id, decisionId: id, decisionReference: text, decidedOn: isoDate }),
    describe: (e) => `The board decided on escalated ${risk(e.after.reference, e.subject).replace(/^Risk/, "risk").replace(/^A risk/, "a risk")} on ${on(e.after.decidedOn)}: decision ${e.after.decisionReference}, recorded by ${e.actor}`,
  }),
  "risk.mitigation": defineAction({
    entity: "risk",
    label: "Mitigating action added",
    before: null,
    after: z.strictObject({ reference: text, actionId: id, title: text, dueDate: isoDate, ownerUserId: id.nullable(), organisationId: id.nullable() }),
    describe: (e) => `Mitigating action ${quoted(e.after.title)}, due ${on(e.after.dueDate)}, added to ${risk(e.after.reference, e.subject).replace(/^Risk/, "risk").replace(/^A risk/, "a risk")} by ${e.actor}`,
  }),
  "risk.link_decision": defineAction({
    entity: "risk",
    label: "Decision linked to a risk",
    before: null,
    after: z.strictObject({ reference: text, decisionId: id, decisionReference: text }),
    describe: (e) => `${risk(e.after.reference, e.subject)} linked to decision ${e.after.decisionReference} by ${e.actor}`,
  }),
  "risk_control.create": defineAction({
    entity: "risk_control",
    label: "Control added",
    before: null,
    after: z.strictObject({ id, riskId: id, reference: text, ...controlContent }),
    describe: (e) => `Control ${quoted(e.after.description)} added to risk ${e.after.reference} by ${e.actor}, rated ${controlEffectivenessLabels[e.after.effectiveness].toLowerCase()}`,
  }),
  "risk_control.update": defineAction({
    entity: "risk_control",
    label: "Control changed",
    before: z.strictObject(controlContent).partial(),
    after: z.strictObject({ reference: text, ...z.strictObject(controlContent).partial().shape }),
    describe: (e) => {
      const parts: string[] = [];
      if (e.after.effectiveness && e.before.effectiveness)
        parts.push(`${controlEffectivenessLabels[e.before.effectiveness].toLowerCase()} → ${controlEffectivenessLabels[e.after.effectiveness].toLowerCase()}`);
      if ("description" in e.after) parts.push(`reworded as ${quoted(e.after.description)}`);
      if ("ownerUserId" in e.after) parts.push("owner changed");
      return `A control on risk ${e.after.reference} changed by ${e.actor}${parts.length ? `: ${parts.join("; ")}` : ""}${because(e.reason)}`;
    },
  }),
  "risk_settings.update": defineAction({
    entity: "partnership",
    label: "Risk scoring settings changed",
    before: riskSettingsSchema,
    after: riskSettingsSchema,
    describe: (e) => `The risk register's scoring settings changed by ${e.actor}: ${settingsChanges(e.before, e.after) || "no setting changed"}`,
  }),
  "risk_appetite.approve": defineAction({
    entity: "risk_appetite",
    label: "Risk appetite approved",
    before: z.strictObject({ levels: appetiteStatementSchema }),
    after: z.strictObject({ levels: appetiteStatementSchema, decisionId: id, decisionReference: text, approvedOn: isoDate }),
    describe: (e) => `The partnership's risk appetite approved by decision ${e.after.decisionReference} on ${on(e.after.approvedOn)}, recorded by ${e.actor}: ${statement(e.after.levels, e.before.levels)}`,
  }),
};
