import { z } from "zod";
import { activityKindLabels, activityKinds, ageBandLabels, ageBands, consentGiverLabels, consentGivers, consentScopes, consentScopeShortLabels, ideaKinds } from "../../areas/participation/public";
import { defineAction, id, instant, isoDate, on, quoted } from "../define";

// The participation area's audit actions. A young person is referenced by
// the id of their place, never described: no display name, no text they
// wrote, nothing about them but their age band and what they agreed to.
// Their own actions are recorded without an actor (they are not users).

const scopes = z.array(z.enum(consentScopes));
const list = (s: readonly (typeof consentScopes)[number][]) => s.map((x) => consentScopeShortLabels[x].toLowerCase()).join(", ");

export const participationActions = {
  "young_person.place_added": defineAction({
    entity: "young_person",
    label: "Young person's place added",
    before: null,
    after: z.strictObject({ ageBand: z.enum(ageBands), closesOn: isoDate.optional() }),
    describe: (e) => `${e.actor} added a place for a young person aged ${ageBandLabels[e.after.ageBand]}${e.after.closesOn ? `, the account to close at the upper age on ${on(e.after.closesOn)}` : ""}`,
  }),
  "young_person.closing_date_set": defineAction({
    entity: "young_person",
    label: "Account closing date recorded",
    before: z.strictObject({ closesOn: isoDate.nullable() }),
    after: z.strictObject({ closesOn: isoDate.nullable() }),
    describe: (e) =>
      e.after.closesOn
        ? `${e.actor} recorded that a young person's account closes at the upper age on ${on(e.after.closesOn)}${e.before.closesOn ? ` (was ${on(e.before.closesOn)})` : ""}`
        : `${e.actor} removed the date a young person's account closes`,
  }),
  "young_person.closed": defineAction({
    entity: "young_person",
    label: "Account closed at the upper age",
    before: null,
    after: z.strictObject({ closesOn: isoDate, contributions: z.number().int().min(0) }),
    describe: (e) =>
      `A young person's account closed on ${on(e.after.closesOn)}, when they reached the partnership's upper age; their portal name, passphrase, consents and what they wrote were deleted (${e.after.contributions === 1 ? "1 contribution" : `${e.after.contributions} contributions`})`,
  }),
  "young_person.code_issued": defineAction({
    entity: "young_person",
    label: "Portal code issued",
    before: null,
    after: z.strictObject({ expiresAt: instant }),
    describe: (e) => `${e.actor} issued a young person a single-use portal code`,
  }),
  "young_person.joined": defineAction({
    entity: "young_person",
    label: "Young person joined",
    before: null,
    after: null,
    describe: () => "A young person used their code and joined the portal",
  }),
  "young_person.access_reset": defineAction({
    entity: "young_person",
    label: "Portal access reset",
    before: null,
    after: null,
    describe: () => "A young person used a new code and chose a new passphrase",
  }),
  "young_person.consent_changed": defineAction({
    entity: "young_person",
    label: "Consent given or changed",
    before: null,
    after: z.strictObject({ givenBy: z.enum(consentGivers), given: scopes, withdrawn: scopes }),
    describe: (e) => {
      const who = e.after.givenBy === "young_person" ? "A young person" : `${consentGiverLabels[e.after.givenBy]} of a young person (recorded by ${e.actor})`;
      const parts = [e.after.given.length ? `agreed to ${list(e.after.given)}` : "", e.after.withdrawn.length ? `took back ${list(e.after.withdrawn)}` : ""].filter(Boolean);
      return `${who} ${parts.join(" and ") || "changed nothing"}`;
    },
  }),
  "young_person.consent_withdrawn": defineAction({
    entity: "young_person",
    label: "Consent withdrawn",
    before: null,
    after: z.strictObject({ scopes }),
    describe: (e) => `A young person withdrew all consent (${list(e.after.scopes)}): what they wrote is hidden from adults from now on`,
  }),
  "young_person.answered": defineAction({
    entity: "young_person",
    label: "Consultation answered",
    before: null,
    after: z.strictObject({ consultationId: id, answers: z.number().int().min(1) }),
    describe: (e) => `A young person sent ${e.after.answers === 1 ? "an answer" : `${e.after.answers} answers`} to a consultation, for moderation`,
  }),
  "young_person.sent_idea": defineAction({
    entity: "young_person",
    label: "Idea or feedback sent",
    before: null,
    after: z.strictObject({ kind: z.enum(ideaKinds) }),
    describe: (e) => `A young person sent ${e.after.kind === "idea" ? "an idea" : "feedback"}, for moderation`,
  }),
  "consultation.create": defineAction({
    entity: "consultation",
    label: "Consultation opened",
    before: null,
    after: z.strictObject({ title: z.string(), questions: z.number().int().min(1), closesOn: isoDate.nullable(), allowAnonymous: z.boolean() }),
    describe: (e) => `${e.actor} opened the consultation ${quoted(e.after.title)} with ${e.after.questions} question${e.after.questions === 1 ? "" : "s"}${e.after.closesOn ? `, closing on ${on(e.after.closesOn)}` : ""}${e.after.allowAnonymous ? "; answers may be anonymous" : ""}`,
  }),
  "contribution.moderate": defineAction({
    entity: "contribution",
    label: "Contribution moderated",
    before: null,
    after: z.strictObject({ decision: z.enum(["published", "changes_requested", "withheld"]) }),
    describe: (e) =>
      `${e.actor} ${e.after.decision === "published" ? "published" : e.after.decision === "withheld" ? "withheld" : "asked for a change to"} a young person's contribution`,
  }),
  "contribution.respond": defineAction({
    entity: "contribution",
    label: "Young person answered (you said, we did)",
    before: null,
    after: z.strictObject({ decisionId: id.nullable(), actionId: id.nullable().optional() }),
    describe: (e) => {
      const links = [e.after.decisionId ? "the decision" : "", e.after.actionId ? "the action" : ""].filter(Boolean);
      return `${e.actor} told a young person what happened to their contribution${links.length ? `, linking it to ${links.join(" and ")} it informed` : ""}`;
    },
  }),
  "safeguarding.message_sent": defineAction({
    entity: "safeguarding_message",
    label: "Message to the safeguarding lead",
    before: null,
    after: null,
    describe: () => "A confidential message was sent to the designated safeguarding lead",
  }),
  "participation_policy.safeguarding_lead": defineAction({
    entity: "partnership",
    label: "Safeguarding lead named",
    before: z.strictObject({ leadUserId: id.nullable() }),
    after: z.strictObject({ leadUserId: id }),
    describe: (e) => `${e.actor} named ${e.before.leadUserId ? "a new" : "the"} designated safeguarding lead for young people's participation`,
  }),
  "young_person.erased": defineAction({
    entity: "young_person",
    label: "Young person's account deleted",
    before: null,
    after: z.strictObject({ contributions: z.number().int().min(0) }),
    describe: (e) => `A young person deleted their account and everything they wrote (${e.after.contributions === 1 ? "1 contribution" : `${e.after.contributions} contributions`})`,
  }),
  "participation_policy.update": defineAction({
    entity: "partnership",
    label: "Participation policy changed",
    before: z.strictObject({ adultConsentUnder: z.number().int(), suppressionThreshold: z.number().int(), upperAge: z.number().int().optional() }),
    after: z.strictObject({ adultConsentUnder: z.number().int(), suppressionThreshold: z.number().int(), upperAge: z.number().int().optional() }),
    describe: (e) => {
      const parts = [
        e.before.adultConsentUnder !== e.after.adultConsentUnder ? `an adult's consent needed under ${e.before.adultConsentUnder} → ${e.after.adultConsentUnder}` : "",
        e.before.suppressionThreshold !== e.after.suppressionThreshold ? `smallest count shown ${e.before.suppressionThreshold} → ${e.after.suppressionThreshold}` : "",
        e.after.upperAge !== undefined && e.before.upperAge !== e.after.upperAge ? `upper age ${e.before.upperAge ?? 25} → ${e.after.upperAge}` : "",
      ].filter(Boolean);
      return `${e.actor} changed the participation policy${parts.length ? ` (${parts.join("; ")})` : ""}`;
    },
  }),
  "activity.record": defineAction({
    entity: "participation_activity",
    label: "Participation activity recorded",
    before: null,
    after: z.strictObject({ kind: z.enum(activityKinds), title: z.string(), heldOn: isoDate, participants: z.number().int().min(0), decisionId: id.nullable() }),
    describe: (e) => `${e.actor} recorded ${activityKindLabels[e.after.kind].toLowerCase()} ${quoted(e.after.title)} on ${on(e.after.heldOn)}${e.after.decisionId ? ", linked to the decision it fed" : ""}`,
  }),
};
