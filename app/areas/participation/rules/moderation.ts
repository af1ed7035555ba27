import { z } from "zod";

// Contributions and their moderation: nothing a young person writes reaches
// an adult until a participation worker has read it. Text that looks like
// personal details is flagged for the worker first.

export const contributionStatuses = ["pending", "published", "changes_requested", "withheld"] as const;
export type ContributionStatus = (typeof contributionStatuses)[number];
/** In the young person's words. */
export const contributionStatusForYoungPerson: Record<ContributionStatus, string> = {
  pending: "Waiting to be checked",
  published: "Shared with the people running this",
  changes_requested: "Please change something",
  withheld: "Not shared",
};
export const contributionStatusLabels: Record<ContributionStatus, string> = {
  pending: "Waiting for moderation",
  published: "Published",
  changes_requested: "Changes asked for",
  withheld: "Withheld",
};

export const personalDetailKinds = ["email", "phone", "postcode", "school", "name", "web"] as const;
export type PersonalDetailKind = (typeof personalDetailKinds)[number];
export const personalDetailLabels: Record<PersonalDetailKind, string> = {
  email: "an email address",
  phone: "a phone number",
  postcode: "a postcode",
  school: "a school's name",
  name: "what may be a person's name",
  web: "a web or social media address",
};

// Words that start sentences or are capitalised for other reasons, not names.
const notNames = new Set(
  "I The A An My Our We They He She It This That These Those When Where What Why How If But And Or So Because Also Then There Here Mr Mrs Ms Miss Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Christmas Easter London England Britain UK Newham Hackney Havering Redbridge Barking Dagenham Waltham Forest Tower Hamlets City Council Board Partnership Silver Lined Horizons Young People Care".split(" "),
);

/** What in a text looks like personal details, each with the words that raised it. */
export function personalDetailFlags(text: string): { kind: PersonalDetailKind; found: string }[] {
  const flags: { kind: PersonalDetailKind; found: string }[] = [];
  const add = (kind: PersonalDetailKind, re: RegExp) => {
    for (const m of text.matchAll(re)) flags.push({ kind, found: m[0].trim() });
  };
  add("email", /[\w.+-]+@[\w-]+\.[\w.-]+/g);
  add("web", /\b(?:https?:\/\/|www\.)\S+|(?:^|\s)@[A-Za-z0-9_]{3,}/g);
  add("phone", /(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b/g);
  add("postcode", /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi);
  add("school", /\b(?:[A-Z][a-z']+\s+){1,4}(?:School|Academy|College|Primary|High)\b/g);
  add("name", /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z'-]+/g);
  // Two capitalised words together, not at a sentence's start and not common words: "Jordan Smith".
  for (const m of text.matchAll(/(^|[^.!?]\s)([A-Z][a-z']+)\s+([A-Z][a-z']+)\b/g)) {
    const [first, second] = [m[2], m[3]];
    if (notNames.has(first) || notNames.has(second)) continue;
    if (flags.some((f) => f.kind === "school" && f.found.includes(`${first} ${second}`))) continue;
    flags.push({ kind: "name", found: `${first} ${second}` });
  }
  return flags;
}

export const contributionText = z
  .string({ error: "Write your answer" })
  .trim()
  .max(2000, { error: "Your answer must be 2,000 characters or fewer" });

/** What a young person can send: an answer to a consultation's question, or an idea or feedback of their own. */
export const contributionKinds = ["answer", "idea", "feedback"] as const;
export type ContributionKind = (typeof contributionKinds)[number];
export const ideaKinds = ["idea", "feedback"] as const;
export type IdeaKind = (typeof ideaKinds)[number];
/** In the young person's words. */
export const ideaKindLabels: Record<IdeaKind, string> = { idea: "An idea", feedback: "Feedback about something" };
/** How a contribution is headed on the workers' pages. */
export const contributionHeading = (kind: string, consultation: string | null, question: string | null) =>
  kind === "idea" ? "An idea" : kind === "feedback" ? "Feedback" : `${consultation ?? "A consultation"}${question ? `: ${question}` : ""}`;

export const ideaSchema = z.object({
  kind: z.enum(ideaKinds, { error: "Choose whether it is an idea or feedback" }),
  text: z
    .string({ error: "Write your idea or feedback" })
    .trim()
    .min(1, { error: "Write your idea or feedback" })
    .max(2000, { error: "It must be 2,000 characters or fewer" }),
});

export const moderationDecisions = ["publish", "ask_change", "withhold"] as const;
export type ModerationDecision = (typeof moderationDecisions)[number];
export const moderationSchema = z
  .object({
    contributionId: z.uuid({ error: "Choose a contribution" }),
    decision: z.enum(moderationDecisions, { error: "Choose what to do with it" }),
    note: z.string().trim().max(500, { error: "The note must be 500 characters or fewer" }).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "publish" && v.note === "")
      ctx.addIssue({ code: "custom", path: ["note"], message: v.decision === "withhold" ? "Say why it is withheld: the young person will see this" : "Say what to change: the young person will see this" });
  });

/** The share of contributions answered within 30 days of being sent, as a whole percentage (null when there are none). */
export function answeredWithin30Days(items: readonly { submittedAt: Date; respondedAt: Date | null }[], now: Date): number | null {
  // Only those sent 30 or more days ago, or already answered, can be judged.
  const due = items.filter((i) => i.respondedAt || now.getTime() - i.submittedAt.getTime() >= 30 * 86_400_000);
  if (due.length === 0) return null;
  const inTime = due.filter((i) => i.respondedAt && i.respondedAt.getTime() - i.submittedAt.getTime() <= 30 * 86_400_000).length;
  return Math.round((inTime / due.length) * 100);
}
