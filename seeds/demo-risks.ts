import type { SeedRiskRegister } from "./seed-risks";

// The partnerships' risk registers, as of the story's today (22 November
// 2026), drawn from the evaluations: the CIP's struggle to contract a
// provider in time, its front-loaded investment and the ten-year agreement's
// annual review; Newport's demand and co-investment. (NELCP's register is
// left empty for now: its tests raise risks of their own from NELCP-R-001.)

export const cipRisks: SeedRiskRegister = {
  recordedBy: "c.langley@leics.example",
  risks: [
    {
      title: "The CIP fails to contract a suitable provider in time",
      cause: "Few providers can offer the therapeutic residential model the partnership designed",
      event: "No provider is contracted before the new homes are ready to open",
      effect: "Homes stand empty and children stay in out-of-county placements for longer",
      category: "service_delivery",
      owner: { email: "p.rowntree@leics.example", orgKey: "leicestershire" },
      scope: "shared",
      raisedOn: "2025-09-15",
      reviewFrequency: "quarterly",
      inherent: [4, 5],
      current: [4, 3],
      target: [2, 3],
      targetDate: "2027-06-30",
      reviews: [
        { on: "2025-12-15", by: "p.rowntree@leics.example", current: [4, 3], commentary: "First tender closed with one bid, which did not meet the quality threshold." },
        { on: "2026-03-16", by: "p.rowntree@leics.example", current: [4, 3], commentary: "Market warming: three providers at the engagement day." },
        { on: "2026-06-15", by: "p.rowntree@leics.example", current: [3, 3], commentary: "Second tender has two compliant bids." },
        { on: "2026-08-17", by: "p.rowntree@leics.example", current: [3, 3], commentary: "Preferred bidder named; contract due to be signed in January." },
      ],
    },
    {
      title: "Front-loaded investment without a guarantee of return",
      cause: "The charity invests in staff and buildings in the early years of a ten-year agreement",
      event: "The agreement ends early, or savings arrive later than planned",
      effect: "The charity does not recover its investment",
      category: "financial",
      owner: { email: "s.kaur@barnardos.example", orgKey: "barnardos" },
      scope: "partner_only",
      raisedOn: "2025-06-02",
      reviewFrequency: "half_yearly",
      inherent: [4, 4],
      current: [3, 4],
      target: [2, 3],
      reviews: [
        { on: "2025-12-01", by: "s.kaur@barnardos.example", current: [3, 4], commentary: "Investment on plan; savings not expected before year four." },
        { on: "2026-06-01", by: "s.kaur@barnardos.example", current: [3, 4], commentary: "The annual review kept the gain-share terms unchanged." },
      ],
    },
    {
      title: "The ten-year agreement's annual review finds it no longer fits",
      cause: "Needs and policy change over ten years faster than the agreement's terms",
      event: "The annual review cannot agree the changes the partners want",
      effect: "The partnership runs on terms that no longer match what it does",
      category: "legal_contractual",
      owner: { email: "c.langley@leics.example", orgKey: "leicestershire" },
      scope: "shared",
      raisedOn: "2026-01-12",
      reviewFrequency: "annually",
      inherent: [3, 4],
      current: [2, 4],
      target: [2, 3],
    },
  ],
};

export const newportRisks: SeedRiskRegister = {
  recordedBy: "r.pugh@newport.example",
  risks: [
    {
      title: "Demand outstrips the family support service",
      cause: "Referrals to the service have risen every year since the pandemic",
      event: "Families wait months for support, or are turned away",
      effect: "Needs escalate and more children come into care",
      category: "demand",
      owner: { email: "s.reesjenkins@newport.example", orgKey: "newport" },
      scope: "shared",
      raisedOn: "2025-10-01",
      reviewFrequency: "quarterly",
      inherent: [5, 4],
      current: [4, 3],
      target: [3, 3],
      reviews: [
        { on: "2026-01-05", by: "s.reesjenkins@newport.example", current: [4, 3], commentary: "Waiting list 38 families." },
        { on: "2026-04-06", by: "s.reesjenkins@newport.example", current: [4, 3], commentary: "Waiting list 41 families; triage started." },
        { on: "2026-07-06", by: "s.reesjenkins@newport.example", current: [4, 3], commentary: "Waiting list 43 families; average wait nine weeks." },
        { on: "2026-10-05", by: "s.reesjenkins@newport.example", current: [4, 3], commentary: "Waiting list steady at 40 after triage." },
      ],
    },
    {
      title: "The co-investment is not matched",
      cause: "The council's budget settlement falls short of what it committed",
      event: "The council cannot match the charity's co-investment for the next year",
      effect: "The service shrinks, or the charity carries more than its share",
      category: "financial",
      owner: { email: "o.bevan@barnardoscymru.example", orgKey: "barnardos-cymru" },
      scope: "shared",
      raisedOn: "2025-04-01",
      reviewFrequency: "annually",
      inherent: [3, 4],
      current: [2, 4],
      target: [1, 4],
      reviews: [{ on: "2026-06-03", by: "g.powell@newport.example", current: [2, 4], commentary: "The summer contract review confirmed both shares for 2026-27." }],
    },
  ],
};
