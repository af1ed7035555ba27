import type { ReturnField } from "../app/areas/obligations/public";
import type { SeedObligation } from "./seed-obligations";

const field = (key: string, label: string, kind: ReturnField["kind"], more: Partial<ReturnField> = {}): ReturnField => ({ key, label, kind, required: true, unit: null, help: null, options: [], ...more });

// What NELCP's boroughs report each quarter (the example), and what
// the board added for the quarters to come once placement endings worried it.
const nelcpFields: ReturnField[] = [
  field("placements_low", "New placements: low needs", "number", { unit: "children" }),
  field("placements_medium", "New placements: medium needs", "number", { unit: "children" }),
  field("placements_high", "New placements: high needs", "number", { unit: "children" }),
  field("placements_specialist", "New placements: specialist needs", "number", { unit: "children" }),
  field("placed_over_20_miles", "Children placed more than 20 miles from home", "number", { unit: "children", help: "Every child the borough had in a residential home on the last day of the quarter." }),
  field("block_contract_spend", "Spend against the block contract", "money", { help: "The borough's share of the block contract paid in the quarter." }),
  field("forecast", "The year's spend against budget", "choice", { required: false, options: ["On track", "Some risk", "Off track"] }),
];
const nelcpNextFields: ReturnField[] = [...nelcpFields, field("unplanned_endings", "Placements that ended unplanned", "number", { unit: "children", help: "Moves the child or the home did not plan, including breakdowns." })];

// A borough's figures for the nth quarter of the story: steady, a little different each quarter.
const boroughSize: Record<string, number> = { havering: 3, redbridge: 4, newham: 5, "barking-dagenham": 4, "waltham-forest": 4, hackney: 5, "tower-hamlets": 4, "city-of-london": 1 };
function nelcpFigures(orgKey: string, n: number): Record<string, string> {
  const size = boroughSize[orgKey] ?? 3;
  const wobble = (k: number) => ((size * 7 + n * 5 + k * 3) % 4) - 1;
  const spend = size * 61_250_00 + ((size * 13 + n * 29) % 17) * 1_035_50;
  return {
    placements_low: String(Math.max(0, size - 2 + wobble(1))),
    placements_medium: String(Math.max(0, size + wobble(2))),
    placements_high: String(Math.max(0, Math.round(size / 2) + wobble(3))),
    placements_specialist: String(Math.max(0, wobble(4))),
    placed_over_20_miles: String(Math.max(0, size * 2 + 3 - n + wobble(5))),
    block_contract_spend: (spend / 100).toFixed(2),
    forecast: ["On track", "On track", "Some risk", "On track"][(size + n) % 4],
  };
}

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
            reason: i === 3 && last === "returned" ? "The spend against the block contract does not match the invoices Havering paid on the borough's behalf: check it with Havering and send the return again." : undefined,
            values: nelcpFigures(orgKey, i),
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
    fields: nelcpFields,
    nextFields: nelcpNextFields,
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

// A co-investment statement's money fields; the money area reads "spent" as the actuals.
const coInvestmentFields: ReturnField[] = [
  field("committed", "Co-investment committed for the period", "money"),
  field("spent", "Co-investment spent in the period", "money", { help: "Staff time, project management and matched funding, at cost." }),
  field("staff_days", "Staff days given to the partnership", "number", { required: false, unit: "days" }),
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
    fields: coInvestmentFields,
    returns: [
      { orgKey: "barnardos", periodKey: "2025-09-30", submittedOn: "2025-10-29", status: "accepted", values: { committed: "85000.00", spent: "71240.00", staff_days: "96" } },
      { orgKey: "barnardos", periodKey: "2026-03-31", submittedOn: "2026-05-12", status: "accepted", values: { committed: "85000.00", spent: "92615.40", staff_days: "104" } },
      { orgKey: "barnardos", periodKey: "2026-09-30", submittedOn: "2026-10-30", status: "submitted", values: { committed: "90000.00", spent: "78380.25", staff_days: "88" } },
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
    fields: [
      field("families_supported", "Families supported in the quarter", "number", { unit: "families" }),
      field("cases_closed_needs_met", "Cases closed with needs met", "number", { unit: "cases" }),
      field("waiting_list", "Families waiting at the end of the quarter", "number", { unit: "families" }),
      field("children_safely_home", "Children supported who stayed safely at home", "percentage", { required: false }),
    ],
    returns: [
      { orgKey: "barnardos-cymru", periodKey: "2025-12-31", submittedOn: "2026-01-19", status: "accepted", values: { families_supported: "212", cases_closed_needs_met: "64", waiting_list: "18", children_safely_home: "91" } },
      { orgKey: "barnardos-cymru", periodKey: "2026-03-31", submittedOn: "2026-04-21", status: "accepted", values: { families_supported: "226", cases_closed_needs_met: "71", waiting_list: "23", children_safely_home: "92.5" } },
      { orgKey: "barnardos-cymru", periodKey: "2026-06-30", submittedOn: "2026-07-20", status: "accepted", values: { families_supported: "231", cases_closed_needs_met: "69", waiting_list: "31", children_safely_home: "90" } },
      { orgKey: "barnardos-cymru", periodKey: "2026-09-30", submittedOn: "2026-10-21", status: "accepted", values: { families_supported: "244", cases_closed_needs_met: "77", waiting_list: "27", children_safely_home: "93" } },
    ],
  },
  {
    type: "co_investment_statement",
    title: "Co-investment statement",
    instructions: "Barnardo's Cymru's fixed contribution to the partnership, 20% of the council's share, committed and spent in the financial year.",
    owedBy: { orgKey: "barnardos-cymru" },
    cadence: "annual",
    dueRule: { kind: "working_days_after_period_end", days: 40 },
    startsOn: "2024-04-01",
    fields: coInvestmentFields,
    returns: [
      { orgKey: "barnardos-cymru", periodKey: "2025-03-31", submittedOn: "2025-05-21", status: "accepted", values: { committed: "200000.00", spent: "193450.00", staff_days: "410" } },
      { orgKey: "barnardos-cymru", periodKey: "2026-03-31", submittedOn: "2026-05-27", status: "accepted", values: { committed: "200000.00", spent: "201120.00", staff_days: "436" } },
    ],
  },
];
