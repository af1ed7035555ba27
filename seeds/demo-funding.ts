import type { SeedFunding } from "./seed-funding";

// The demo's money (seeds/seed-funding.ts). Years count from the financial
// year the demo is loaded in: 0 this year, -1 last year.

const quarterly = (orgKey: string, share: string, paid: string[], note?: string) =>
  paid.map((on) => ({ orgKey, on: { fy: 0, on }, amount: share, note }));

const lot1Shares: [string, string, string?][] = [
  ["havering", "£520,000"],
  ["barking-dagenham", "£450,000"],
  ["tower-hamlets", "£410,000", "Tower Hamlets' Cabinet has yet to ratify the extension."],
  ["newham", "£480,000"],
  ["waltham-forest", "£395,000"],
  ["redbridge", "£375,000"],
  ["hackney", "£390,000", "Hackney's Cabinet meets on the extension in January."],
  ["city-of-london", "£130,000"],
];

// NELCP: each borough's share of the lot 1 block contracts, pooled with
// Havering as lead authority and paid in quarterly; the lot 2 block contract
// Havering pays the Thames Gateway Care consortium, with its innovation
// payment of up to 7%; and the specialist-needs price uplift, shared by the
// two boroughs that use those beds (Newham's share above its member's
// delegated authority).
export const nelcpFunding: SeedFunding = {
  recordedBy: "secretariat@nelcp.example",
  lines: [
    {
      key: "lot1",
      kind: "pooled_budget",
      title: "Lot 1 block contracts: pooled budget",
      description: "Each borough's share of the lot 1 block contracts (low and medium needs), by its use of beds, paid quarterly to Havering as lead authority.",
      decision: "Extend the lot 1 block contracts",
      // The extension runs two years from October: this year's shares and next year's are committed.
      commitments: [0, 1].flatMap((fy) =>
        lot1Shares.map(([orgKey, amount, note]) => ({ orgKey, fy, amount, decision: "Extend the lot 1 block contracts", note: fy === 0 ? note : undefined })),
      ),
      actuals: [
        ...quarterly("havering", "£130,000", ["07-10", "10-09"]),
        ...quarterly("barking-dagenham", "£112,500", ["07-14", "10-14"]),
        ...quarterly("tower-hamlets", "£102,500", ["07-22"]),
        ...quarterly("newham", "£120,000", ["07-11", "10-10"]),
        ...quarterly("waltham-forest", "£98,750", ["07-18", "10-17"]),
        ...quarterly("redbridge", "£93,750", ["07-09", "10-08"]),
        { orgKey: "hackney", on: { fy: 0, on: "07-25" }, amount: "£97,500" },
        { orgKey: "hackney", on: { fy: 0, on: "10-28" }, amount: "£61,212.47", note: "Part of the second quarter's share: the balance follows Hackney's Cabinet decision." },
        ...quarterly("city-of-london", "£32,500", ["08-04"]),
      ],
    },
    {
      key: "lot2",
      kind: "contract_payment",
      title: "Lot 2 block contract: payments to Thames Gateway Care",
      description: "Twelve medium and high needs beds, contracted by Havering as lead authority for all eight boroughs over four years.",
      orgKey: "havering",
      decision: "Award lot 2 to the Thames Gateway Care consortium",
      commitments: [{ orgKey: "havering", fy: 0, amount: "£2,450,000", decision: "Award lot 2 to the Thames Gateway Care consortium", note: "The contract's first year; its cost is recharged to the boroughs by their use of beds." }],
      actuals: quarterly("havering", "£612,500", ["07-01", "10-01"]),
    },
    {
      key: "innovation",
      kind: "innovation_payment",
      title: "Lot 2 innovation payment",
      description: "Paid to the consortium for the outcomes the contract sets: children placed within 20 miles, stable placements and young people's feedback.",
      orgKey: "havering",
      decision: "Award lot 2 to the Thames Gateway Care consortium",
      cap: { percent: "7", ofLine: "lot2" },
      commitments: [{ orgKey: "havering", fy: 0, amount: "£171,500", decision: "Award lot 2 to the Thames Gateway Care consortium" }],
      actuals: [{ orgKey: "havering", on: { fy: 0, on: "10-30" }, amount: "£85,750", note: "First half-year: the placement distance and stability measures were met." }],
    },
    {
      key: "uplift",
      kind: "pooled_budget",
      title: "Specialist-needs price uplift",
      description: "The 4% uplift in the specialist-needs band, shared by the boroughs that use the two specialist beds.",
      decision: "Uplift the specialist-needs band price by 4%",
      commitments: [
        { orgKey: "barking-dagenham", fy: 0, amount: "£62,000", decision: "Uplift the specialist-needs band price by 4%", approvedBy: "m.bellamy@barking-dagenham.example" },
        { orgKey: "newham", fy: 0, amount: "£118,000", decision: "Uplift the specialist-needs band price by 4%", approvedBy: "member@nelcp.example" },
      ],
      actuals: [
        { orgKey: "barking-dagenham", on: { fy: 0, on: "10-20" }, amount: "£20,666.67" },
        { orgKey: "newham", on: { fy: 0, on: "10-20" }, amount: "£39,333.33" },
      ],
    },
  ],
};

// Leicestershire CIP: the joint bids of the partnership's first year of joint
// bidding (£1,964,765 won; one not funded; the Youth Futures bid still with
// the funder), Barnardo's match funding for that bid (approved by its Finance
// Committee under its delegated procedure), and Barnardo's co-investment as
// its half-yearly statements report it.
export const cipFunding: SeedFunding = {
  recordedBy: "c.langley@leics.example",
  lines: [
    {
      key: "bid-edge",
      kind: "joint_bid",
      title: "Edge of care family support",
      bid: { funder: "The National Lottery Community Fund", sought: "£560,000", submitted: { fy: -1, on: "05-12" }, outcome: { outcome: "won", on: { fy: -1, on: "09-30" }, won: "£520,000" } },
    },
    {
      key: "bid-short-breaks",
      kind: "joint_bid",
      title: "Short breaks co-designed with parent carers",
      bid: { funder: "Department for Education", sought: "£412,500", submitted: { fy: -1, on: "06-20" }, outcome: { outcome: "won", on: { fy: -1, on: "10-28" }, won: "£412,500" } },
    },
    {
      key: "bid-wellbeing",
      kind: "joint_bid",
      title: "Care leavers' emotional wellbeing",
      bid: { funder: "NHS Leicester, Leicestershire and Rutland Integrated Care Board", sought: "£300,000", submitted: { fy: -1, on: "07-15" }, outcome: { outcome: "won", on: { fy: -1, on: "11-14" }, won: "£287,265" } },
    },
    {
      key: "bid-send",
      kind: "joint_bid",
      title: "Young people with SEND as co-designers",
      bid: { funder: "Esmée Fairbairn Foundation", sought: "£800,000", submitted: { fy: -1, on: "09-30" }, outcome: { outcome: "won", on: { fy: -1, on: "01-20" }, won: "£745,000" } },
    },
    {
      key: "bid-academy",
      kind: "joint_bid",
      title: "Residential care workforce academy",
      bid: { funder: "Department for Education", sought: "£350,000", submitted: { fy: -1, on: "10-20" }, outcome: { outcome: "lost", on: { fy: -1, on: "02-10" } } },
    },
    {
      key: "bid-employment",
      kind: "joint_bid",
      title: "Care leavers' employment and mentoring",
      decision: "Submit the joint bid for a care leavers' employment project",
      bid: { funder: "Youth Futures Foundation", sought: "£465,000", submitted: { fy: -1, on: "03-11" } },
    },
    {
      key: "match",
      kind: "co_investment",
      title: "Barnardo's match funding for the care leavers' employment project",
      orgKey: "barnardos",
      decision: "Submit the joint bid for a care leavers' employment project",
      commitments: [
        {
          orgKey: "barnardos",
          fy: 0,
          amount: "£60,000",
          decision: "Submit the joint bid for a care leavers' employment project",
          approvedBy: "s.kaur@barnardos.example",
          note: "Approved by Barnardo's Finance Committee under its high value and risk procedure; spent only if the bid succeeds.",
        },
      ],
    },
    {
      key: "co-investment",
      kind: "co_investment",
      title: "Barnardo's co-investment",
      description: "Staff time, project management and matched funding, as Barnardo's half-yearly co-investment statements report what it spent.",
      orgKey: "barnardos",
      actualsFrom: { obligationTitle: "Co-investment statement", field: "spent" },
    },
  ],
};

// Newport: the council's payments for the family support service, and
// Barnardo's Cymru's co-investment of £200,000 this year (20% of the council's
// £1,000,000) and what it has spent of it so far.
export const newportFunding: SeedFunding = {
  recordedBy: "r.pugh@newport.example",
  lines: [
    {
      key: "council",
      kind: "contract_payment",
      title: "Council's payments to Barnardo's Cymru",
      description: "The council's contribution to the family support service under the strategic partnership agreement, paid quarterly.",
      orgKey: "newport",
      commitments: [{ orgKey: "newport", fy: 0, amount: "£1,000,000", decision: "Confirm the co-investment for" }],
      actuals: quarterly("newport", "£250,000", ["04-30", "07-31", "10-30", "01-29"]),
    },
    {
      key: "co-investment",
      kind: "co_investment",
      title: "Barnardo's Cymru co-investment",
      description: "20% of the council's contribution, in staff and training.",
      orgKey: "barnardos-cymru",
      decision: "Confirm the co-investment for",
      commitments: [
        { orgKey: "barnardos-cymru", fy: 0, amount: "£200,000", decision: "Confirm the co-investment for", approvedBy: "e.vaughan@barnardoscymru.example" },
      ],
      actuals: [
        { orgKey: "barnardos-cymru", on: { fy: 0, on: "07-15" }, amount: "£48,250.37", note: "First quarter: two family support workers' time and training." },
        { orgKey: "barnardos-cymru", on: { fy: 0, on: "10-15" }, amount: "£51,730.45", note: "Second quarter, including the Saturday family support sessions agreed in April." },
      ],
    },
  ],
};
