// Kinds of participation, and Lundy's model of it: space (a safe, inclusive
// place to speak), voice (help to say what they think), audience (someone with
// power listens) and influence (it is acted on, and they are told).

export const activityKinds = ["consultation", "board_attendance", "bid_panel", "site_visit", "workshop", "mentoring"] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindLabels: Record<ActivityKind, string> = {
  consultation: "Consultation or survey",
  board_attendance: "Board attendance",
  bid_panel: "Bid assessment panel",
  site_visit: "Site visit",
  workshop: "Co-production workshop",
  mentoring: "Youth mentoring",
};

export const lundyElements = ["space", "voice", "audience", "influence"] as const;
export type LundyElement = (typeof lundyElements)[number];
export const lundyLabels: Record<LundyElement, { name: string; question: string }> = {
  space: { name: "Space", question: "How were young people given a safe, inclusive place to give their views?" },
  voice: { name: "Voice", question: "How were they helped to say what they think?" },
  audience: { name: "Audience", question: "Who with the power to act listened?" },
  influence: { name: "Influence", question: "What was done with their views, and how were they told?" },
};
