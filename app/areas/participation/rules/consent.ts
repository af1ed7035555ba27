import type { AgeBand } from "./accounts";
import { youngestIn } from "./accounts";

// What a young person agrees to, recorded scope by scope, and whose consent
// the partnership's policy needs before anything they write is used.

export const consentScopes = ["take_part", "quote", "quote_with_name", "photos"] as const;
export type ConsentScope = (typeof consentScopes)[number];
/** In the young person's words: what each kind of consent lets us do. */
export const consentScopeLabels: Record<ConsentScope, string> = {
  take_part: "Take part: the people running this can read what you write and use it to make things better",
  quote: "Quote me: your words can be shown to the board, without your name",
  quote_with_name: "Quote me with my portal name next to my words",
  photos: "Photos: pictures of me at events can be used",
};
/** For adults' pages: short. */
export const consentScopeShortLabels: Record<ConsentScope, string> = {
  take_part: "Taking part",
  quote: "Quoting",
  quote_with_name: "Quoting with display name",
  photos: "Photos",
};

export const consentGivers = ["young_person", "parent", "carer", "parental_responsibility"] as const;
export type ConsentGiver = (typeof consentGivers)[number];
export const adultConsentGivers = ["parent", "carer", "parental_responsibility"] as const satisfies readonly ConsentGiver[];
export type AdultConsentGiver = (typeof adultConsentGivers)[number];
export const consentGiverLabels: Record<ConsentGiver, string> = {
  young_person: "The young person",
  parent: "A parent",
  carer: "A carer",
  parental_responsibility: "The person with parental responsibility (for a looked-after child)",
};

export const DEFAULT_ADULT_CONSENT_UNDER = 13;

export type CurrentConsent = { scope: ConsentScope; givenBy: ConsentGiver };

export const needsAdultConsent = (band: AgeBand, adultConsentUnder: number) => youngestIn(band) < adultConsentUnder;

export type ConsentState =
  /** Has not said yes to taking part yet. */
  | "needs_own"
  /** Said yes; the policy needs an adult's yes too, which a worker has not recorded yet. */
  | "needs_adult"
  /** Everything they write may be used (after moderation). */
  | "taking_part";

/** Whether what a young person writes may be used: their own consent, and an adult's where the policy needs it. */
export function consentState(consents: readonly CurrentConsent[], band: AgeBand, adultConsentUnder: number): ConsentState {
  const own = consents.some((c) => c.scope === "take_part" && c.givenBy === "young_person");
  if (!own) return "needs_own";
  const adult = consents.some((c) => c.scope === "take_part" && c.givenBy !== "young_person");
  if (needsAdultConsent(band, adultConsentUnder) && !adult) return "needs_adult";
  return "taking_part";
}

/** The scopes a young person has agreed to themselves (quoting with their name implies quoting). */
export function ownScopes(consents: readonly CurrentConsent[]): Set<ConsentScope> {
  return new Set(consents.filter((c) => c.givenBy === "young_person").map((c) => c.scope));
}

/** Quoting with a name needs quoting; nothing else is asked for without taking part. */
export function consentChoiceProblem(scopes: readonly ConsentScope[]): string | null {
  if (!scopes.includes("take_part")) return "Tick ‘Take part’ to join in. If you do not want to take part, you do not have to: just sign out";
  if (scopes.includes("quote_with_name") && !scopes.includes("quote")) return "To be quoted with your name, tick ‘Quote me’ as well";
  return null;
}
