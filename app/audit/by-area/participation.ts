import { z } from "zod";
import { ageBandLabels, ageBands, consentGiverLabels, consentGivers, consentScopes, consentScopeShortLabels } from "../../areas/participation/public";
import { defineAction, instant } from "../define";

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
    after: z.strictObject({ ageBand: z.enum(ageBands) }),
    describe: (e) => `${e.actor} added a place for a young person aged ${ageBandLabels[e.after.ageBand]}`,
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
};
