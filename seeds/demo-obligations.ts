import type { SeedObligation } from "./seed-obligations";

// NELCP's quarterly returns from each borough over the last year: Havering,
// Redbridge and Newham reliably on time; Barking and Dagenham and Waltham
// Forest now and then late; Hackney often late, its latest return sent back;
// Tower Hamlets missing the last two; the City of London barely engaging.

const qpr = (orgKey: string, dates: (string | null)[], last?: "submitted" | "returned") => {
  const periods = ["2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"];
  return dates.flatMap((d, i) =>
    d
      ? [
          {
            orgKey,
            periodKey: periods[i],
            submittedOn: d,
            status: i === 3 && last ? last : ("accepted" as const),
            reason: i === 3 && last === "returned" ? "The number of children placed more than 20 miles from home is missing: add it and send the return again." : undefined,
          },
        ]
      : [],
  );
};

export const nelcpObligations: SeedObligation[] = [
  {
    type: "quarterly_performance_return",
    title: "Quarterly performance return",
    instructions:
      "Placements made under the block contracts by needs band, children placed more than 20 miles from home, placement moves, and spend against the borough's share of the contract.",
    owedBy: { orgType: "local_authority" },
    cadence: "quarterly",
    dueRule: { kind: "working_days_after_period_end", days: 20 },
    startsOn: "2025-10-01",
    responsibles: [
      { orgKey: "newham", email: "member@nelcp.example" },
      { orgKey: "barking-dagenham", email: "rep@barking-dagenham.example" },
    ],
    returns: [
      ...qpr("havering", ["2026-01-20", "2026-04-22", "2026-07-21", "2026-10-20"]),
      ...qpr("redbridge", ["2026-01-27", "2026-04-28", "2026-07-27", "2026-10-26"]),
      ...qpr("newham", ["2026-01-29", "2026-04-30", "2026-07-24", "2026-10-28"], "submitted"),
      ...qpr("barking-dagenham", ["2026-01-28", "2026-05-08", "2026-07-28", "2026-10-27"]),
      ...qpr("waltham-forest", ["2026-02-05", "2026-04-29", "2026-07-28", "2026-11-04"]),
      ...qpr("hackney", ["2026-02-12", "2026-05-14", "2026-07-27", "2026-10-28"], "returned"),
      ...qpr("tower-hamlets", ["2026-01-26", "2026-04-29", null, null]),
      ...qpr("city-of-london", [null, "2026-05-20", null, null]),
    ],
  },
];

export const cipObligations: SeedObligation[] = [
  {
    type: "annual_report",
    title: "Annual report to the Overview and Scrutiny Committee",
    instructions: "Progress on each service design brief, joint funding won, co-investment by both partners, and what children and families said.",
    owedBy: { orgKey: "leicestershire" },
    cadence: "annual",
    dueRule: { kind: "working_days_after_period_end", days: 60 },
    startsOn: "2019-04-01",
    returns: [
      { orgKey: "leicestershire", periodKey: "2025-03-31", submittedOn: "2025-06-20", status: "accepted" },
      { orgKey: "leicestershire", periodKey: "2026-03-31", submittedOn: "2026-06-25", status: "accepted" },
    ],
  },
  {
    type: "co_investment_statement",
    title: "Co-investment statement",
    instructions: "What Barnardo's has invested in the partnership in the half-year: staff time, project management and matched funding.",
    owedBy: { orgKey: "barnardos" },
    cadence: "half_yearly",
    dueRule: { kind: "days_after_period_end", days: 30 },
    startsOn: "2025-04-01",
    returns: [
      { orgKey: "barnardos", periodKey: "2025-09-30", submittedOn: "2025-10-29", status: "accepted" },
      { orgKey: "barnardos", periodKey: "2026-03-31", submittedOn: "2026-05-12", status: "accepted" },
      { orgKey: "barnardos", periodKey: "2026-09-30", submittedOn: "2026-10-30", status: "submitted" },
    ],
  },
];

export const newportObligations: SeedObligation[] = [
  {
    type: "quarterly_performance_return",
    title: "Quarterly performance report",
    instructions: "Families supported, children who stayed safely at home, and the outcomes measures agreed in the partnership agreement.",
    owedBy: { orgKey: "barnardos-cymru" },
    cadence: "quarterly",
    dueRule: { kind: "working_days_after_period_end", days: 15 },
    startsOn: "2025-10-01",
    returns: [
      { orgKey: "barnardos-cymru", periodKey: "2025-12-31", submittedOn: "2026-01-19", status: "accepted" },
      { orgKey: "barnardos-cymru", periodKey: "2026-03-31", submittedOn: "2026-04-21", status: "accepted" },
      { orgKey: "barnardos-cymru", periodKey: "2026-06-30", submittedOn: "2026-07-20", status: "accepted" },
      { orgKey: "barnardos-cymru", periodKey: "2026-09-30", submittedOn: "2026-10-21", status: "accepted" },
    ],
  },
];
