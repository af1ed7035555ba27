import { describe, expect, it } from "vitest";
import { bandsUpTo, closureNotice, CODE_ALPHABET, CODE_LENGTH, codeFromBytes, codeSchema, displayNameProblem, displayNameSchema, formatCode, passphraseSchema } from "../../../app/areas/participation/rules/accounts";
import { consentChoiceProblem, consentState, needsAdultConsent } from "../../../app/areas/participation/rules/consent";

describe("portal codes", () => {
  it("use only characters that cannot be mistaken for one another", () => {
    for (const ch of "01OILUV") expect(CODE_ALPHABET).not.toContain(ch);
  });
  it("are 8 characters, every character equally likely (bytes past the last whole alphabet are skipped)", () => {
    const bytes = new Uint8Array(32).map((_, i) => (i * 37) % 256);
    const code = codeFromBytes(bytes);
    expect(code).toHaveLength(CODE_LENGTH);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    const limit = 256 - (256 % CODE_ALPHABET.length);
    expect(codeFromBytes(new Uint8Array([limit, limit + 1, 0, 1, 2, 3, 4, 5, 6, 7]))).toBe(CODE_ALPHABET.slice(0, 8));
    expect(() => codeFromBytes(new Uint8Array([255, 255, 0]))).toThrow();
  });
  it("are read back however they were typed", () => {
    expect(formatCode("ABCD2345")).toBe("ABCD-2345");
    expect(codeSchema.parse(" abcd-2345 ")).toBe("ABCD2345");
    expect(codeSchema.parse("ab cd 23 45")).toBe("ABCD2345");
    expect(codeSchema.safeParse("ABCD-234").success).toBe(false);
    expect(codeSchema.safeParse("ABCD-2340").success).toBe(false); // 0 is never in a code
    expect(codeSchema.safeParse("").error?.issues[0].message).toBe("Enter the code your participation worker gave you");
  });
});

describe("display names", () => {
  it("accept made-up names", () => {
    for (const n of ["River", "Blue 7", "sky k.", "Zed", "Nova-22", "Jae"]) expect(displayNameProblem(n), n).toBeNull();
  });
  it("refuse real-looking full names and contact details", () => {
    expect(displayNameProblem("Jordan Smith")).toMatch(/real full name/);
    expect(displayNameProblem("Mary-Jane Watson")).toMatch(/real full name/);
    expect(displayNameProblem("me@example.org")).toMatch(/email/);
    expect(displayNameProblem("snap.com")).toMatch(/web address/);
    expect(displayNameProblem("07700 900123")).toMatch(/phone number/);
    expect(displayNameProblem("E15 4HT")).toMatch(/postcode/);
    expect(displayNameProblem("rm14ab")).toMatch(/postcode/); // RM1 4AB without its space
    expect(displayNameProblem("Rm14")).toBeNull(); // not a full postcode
    expect(displayNameProblem("RM1 4AB")).toMatch(/postcode/);
  });
  it("are 2 to 20 characters of letters, numbers, spaces, dashes and full stops", () => {
    expect(displayNameSchema.safeParse("A").error?.issues[0].message).toBe("Your name must be at least 2 characters");
    expect(displayNameSchema.safeParse("x".repeat(21)).error?.issues[0].message).toBe("Your name must be 20 characters or fewer");
    expect(displayNameSchema.safeParse("<b>").error?.issues[0].message).toMatch(/Use only letters/);
    expect(displayNameSchema.parse("  Zoë 9 ")).toBe("Zoë 9");
  });
  it("passphrases are at least 10 characters", () => {
    expect(passphraseSchema.safeParse("123456789").success).toBe(false);
    expect(passphraseSchema.safeParse("1234567890").success).toBe(true);
  });
});

describe("consent by age band", () => {
  it("needs an adult's consent below the policy's age (default 13), judged by the band's youngest age", () => {
    expect(needsAdultConsent("10-12", 13)).toBe(true);
    expect(needsAdultConsent("13-15", 13)).toBe(false);
    expect(needsAdultConsent("13-15", 14)).toBe(true);
    expect(needsAdultConsent("16-17", 16)).toBe(false);
    expect(needsAdultConsent("16-17", 18)).toBe(true);
  });
  it("uses nothing without the young person's own yes, nor without the adult's where needed", () => {
    expect(consentState([], "16-17", 13)).toBe("needs_own");
    expect(consentState([{ scope: "take_part", givenBy: "parent" }], "10-12", 13)).toBe("needs_own");
    expect(consentState([{ scope: "take_part", givenBy: "young_person" }], "10-12", 13)).toBe("needs_adult");
    expect(consentState([{ scope: "quote", givenBy: "young_person" }], "16-17", 13)).toBe("needs_own");
    expect(consentState([{ scope: "take_part", givenBy: "young_person" }, { scope: "quote", givenBy: "carer" }], "10-12", 13)).toBe("needs_adult");
    expect(consentState([{ scope: "take_part", givenBy: "young_person" }, { scope: "take_part", givenBy: "parental_responsibility" }], "10-12", 13)).toBe("taking_part");
    expect(consentState([{ scope: "take_part", givenBy: "young_person" }], "16-17", 13)).toBe("taking_part");
  });
  it("asks for taking part first, and quoting before quoting with a name", () => {
    expect(consentChoiceProblem([])).toMatch(/Take part/);
    expect(consentChoiceProblem(["quote"])).toMatch(/Take part/);
    expect(consentChoiceProblem(["take_part", "quote_with_name"])).toMatch(/Quote me/);
    expect(consentChoiceProblem(["take_part", "quote", "quote_with_name", "photos"])).toBeNull();
  });
});

describe("the upper age", () => {
  it("gives notice from 30 days before the closing date, counting down to 0 on the day", () => {
    expect(closureNotice(null, "2026-11-22")).toBeNull();
    expect(closureNotice("2026-12-23", "2026-11-22")).toBeNull(); // 31 days away
    expect(closureNotice("2026-12-22", "2026-11-22")).toEqual({ closesOn: "2026-12-22", daysLeft: 30 });
    expect(closureNotice("2026-11-23", "2026-11-22")).toEqual({ closesOn: "2026-11-23", daysLeft: 1 });
    expect(closureNotice("2026-11-22", "2026-11-22")).toEqual({ closesOn: "2026-11-22", daysLeft: 0 });
    // Past the day (before the scheduler's pass): still 0, never negative.
    expect(closureNotice("2026-11-20", "2026-11-22")).toEqual({ closesOn: "2026-11-20", daysLeft: 0 });
    // Across the clocks going back in October.
    expect(closureNotice("2026-10-26", "2026-10-24")?.daysLeft).toBe(2);
  });

  it("allows the age bands whose youngest age is within the policy's upper age", () => {
    expect(bandsUpTo(25)).toEqual(["10-12", "13-15", "16-17", "18-21", "22-25"]);
    expect(bandsUpTo(22)).toEqual(["10-12", "13-15", "16-17", "18-21", "22-25"]);
    expect(bandsUpTo(21)).toEqual(["10-12", "13-15", "16-17", "18-21"]);
    expect(bandsUpTo(18)).toEqual(["10-12", "13-15", "16-17", "18-21"]);
  });
});
