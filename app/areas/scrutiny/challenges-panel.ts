import type { TagColour } from "../../platform/ui/forms";

/** What a record's page shows of its questions and challenges (built by challengesPanel in challenges.server.ts). */
export type ChallengesPanel = {
  subjectLabel: string;
  items: { number: number; label: string; path: string; standing: string; colour: TagColour }[];
  /** Where a scrutiny member asks a new one; null for everyone else. */
  askPath: string | null;
};
