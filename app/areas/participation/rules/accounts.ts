import { z } from "zod";
import { daysBetween } from "../../../platform/time/dates";

// Young people's portal accounts: no email, no date of birth. A worker adds a
// place (an age band) and hands over a single-use code; the young person
// picks a made-up display name and a passphrase. See docs/ico-age-appropriate-design.md.

export const ageBands = ["10-12", "13-15", "16-17", "18-21", "22-25"] as const;
export type AgeBand = (typeof ageBands)[number];
export const ageBandLabels: Record<AgeBand, string> = {
  "10-12": "10 to 12",
  "13-15": "13 to 15",
  "16-17": "16 or 17",
  "18-21": "18 to 21",
  "22-25": "22 to 25 (care leavers)",
};
/** The youngest age in a band: adult consent is needed when it is under the policy's age. */
export const youngestIn = (band: AgeBand) => Number(band.split("-")[0]);

export const youngPersonStatuses = ["invited", "active", "closed", "erased"] as const;
export type YoungPersonStatus = (typeof youngPersonStatuses)[number];
export const youngPersonStatusLabels: Record<YoungPersonStatus, string> = {
  invited: "Code handed over, not joined yet",
  active: "Joined",
  closed: "Account closed",
  erased: "Account deleted",
};

// ------------------------------------------------------------------ access codes

/** No 0/O, 1/I/L or U/V look-alikes: easy to read out and type on a phone. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789";
export const CODE_LENGTH = 8;
export const CODE_LIFETIME_DAYS = 14;

/** A code from random bytes (rejection sampling keeps every character equally likely). */
export function codeFromBytes(bytes: Uint8Array): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = "";
  for (const b of bytes) {
    if (b >= limit) continue;
    code += CODE_ALPHABET[b % CODE_ALPHABET.length];
    if (code.length === CODE_LENGTH) return code;
  }
  throw new Error("codeFromBytes: not enough random bytes");
}

/** "ABCD-EFGH": how a code is shown and read out. */
export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** What was typed, as the stored code: capitals, no spaces or dashes. */
export const normaliseCode = (typed: string) => typed.toUpperCase().replace(/[\s\-–.]/g, "");

export const codeSchema = z
  .string({ error: "Enter the code your participation worker gave you" })
  .transform(normaliseCode)
  .pipe(
    z
      .string()
      .min(1, { error: "Enter the code your participation worker gave you" })
      .refine((c) => c.length === CODE_LENGTH && [...c].every((ch) => CODE_ALPHABET.includes(ch)), {
        error: "The code should be 8 letters and numbers, like ABCD-2345. Check it and try again",
      }),
  );

// ------------------------------------------------------------------ display names

/**
 * Why a display name could identify someone, or null if it is fine. A display
 * name is made up: not a real-looking full name, and no contact details.
 */
export function displayNameProblem(name: string): string | null {
  const n = name.trim();
  if (/@/.test(n) || /\b(www\.|https?:)/i.test(n) || /\.(com|co\.uk|org|net|uk)\b/i.test(n)) return "Your name cannot have an email or web address in it";
  if ((n.match(/\d/g) ?? []).length >= 5) return "Your name cannot have a phone number in it";
  if (/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i.test(n)) return "Your name cannot have a postcode in it";
  // Two or more capitalised words ("Jordan Smith") look like a real full name.
  if (/^[A-Z][a-z']+(?:[\s-]+[A-Z][a-z']+)+$/.test(n)) return "That looks like a real full name. Make one up, like Skylark or Blue 7";
  return null;
}

export const displayNameSchema = z
  .string({ error: "Choose a name for the portal" })
  .trim()
  .min(1, { error: "Choose a name for the portal" })
  .min(2, { error: "Your name must be at least 2 characters" })
  .max(20, { error: "Your name must be 20 characters or fewer" })
  // Contact details first: their message says more than the one about characters.
  .superRefine((n, ctx) => {
    const problem = displayNameProblem(n);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .regex(/^[\p{L}\p{N} '\-.]+$/u, { error: "Use only letters, numbers, spaces, dashes and full stops in your name" });

export const passphraseSchema = z
  .string({ error: "Choose a passphrase" })
  .min(1, { error: "Choose a passphrase" })
  .min(10, { error: "Your passphrase must be at least 10 characters. Three words you will remember work well" })
  .max(200, { error: "Your passphrase must be 200 characters or fewer" });

// ------------------------------------------------------------------ sessions

/** Shorter than adults' (30 days): a shared phone should not stay signed in. */
export const PORTAL_SESSION_HOURS = 8;
export const PORTAL_IDLE_MINUTES = 30;

// ------------------------------------------------------------------ the upper age

/** The oldest a partnership's policy may let young people take part (care leavers, up to 25) and the youngest it may stop at. */
export const UPPER_AGE_RANGE = { min: 18, max: 25 } as const;
export const DEFAULT_UPPER_AGE = 25;
/** How long before an account closes at the upper age the portal tells them, with the offer to download their data. */
export const CLOSURE_NOTICE_DAYS = 30;

/** The age bands a partnership whose policy stops at this age can hold: a band is allowed while its youngest age is within it. */
export const bandsUpTo = (upperAge: number): AgeBand[] => ageBands.filter((b) => youngestIn(b) <= upperAge);

/**
 * What the portal tells a young person about their account closing at the
 * upper age: nothing until CLOSURE_NOTICE_DAYS before, then the days left
 * (0 on the day itself, when the scheduler closes it).
 */
export function closureNotice(closesOn: string | null, today: string): { closesOn: string; daysLeft: number } | null {
  if (!closesOn) return null;
  const daysLeft = daysBetween(today, closesOn);
  if (daysLeft > CLOSURE_NOTICE_DAYS) return null;
  return { closesOn, daysLeft: Math.max(0, daysLeft) };
}
