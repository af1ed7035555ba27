// The national dataset's plan: how many of everything, and how it is shared
// among the partnerships. Only these per-partnership parameters (about a
// thousand rows) and the obligations' schedule are worked out here; every
// record is then made in the database by set-based SQL from them
// (generate.ts).

/** The national dataset at scale 1 (BENCH_SCALE multiplies every count). */
export const NATIONAL = {
  partnerships: 1_000,
  memberships: 10_000,
  users: 50_000,
  organisations: 3_000,
  meetings: 100_000,
  nelcpMeetings: 5_000,
  decisions: 1_000_000,
  nelcpDecisions: 100_000,
  actions: 400_000,
  nelcpActions: 40_000,
  returns: 150_000,
  nelcpReturns: 15_000,
  auditEvents: 10_000_000,
  nelcpAuditEvents: 2_000_000,
  /** People in NELCP's past (board members before the demo's board, officers): 1% of the users. */
  nelcpUsers: 500,
} as const;

export type Targets = { [K in keyof typeof NATIONAL]: number };

export function targets(scale: number): Targets {
  return Object.fromEntries(Object.entries(NATIONAL).map(([k, v]) => [k, Math.max(1, Math.round(v * scale))])) as Targets;
}

// ------------------------------------------------------------------- ids

/**
 * Generated records' ids: valid UUID version 7 (the app's own kind, which its
 * routes validate), made from a kind and a number so that any statement can
 * name a record it did not make (a meeting's agenda item, an action's
 * decision) without a lookup. The time field counts from November 2004, so
 * ids sort in the order they were numbered, as the app's ids do.
 */
export const ID_KINDS = {
  organisation: 1,
  partnership: 2,
  user: 3,
  membership: 4,
  seat: 5,
  role: 6,
  terms: 7,
  meeting: 8,
  agendaItem: 9,
  decision: 10,
  action: 11,
  actionUpdate: 12,
  obligation: 13,
  submission: 14,
  auditEvent: 15,
  statusChange: 16,
  keyDate: 17,
  declaration: 18,
} as const;
export const ID_T0 = 1_100_000_000_000;

export function uid(kind: number, n: number): string {
  const hex = (ID_T0 + n).toString(16).padStart(12, "0") + "7" + kind.toString(16).padStart(3, "0") + "8" + n.toString(16).padStart(15, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ------------------------------------------------------------- organisations

export type OrgType = "local_authority" | "voluntary_sector" | "private_provider" | "nhs" | "police" | "school" | "university" | "funder";

/** The type of generated organisation number n (1-based): a fifth are local authorities. Mirrored in SQL by orgTypeSql. */
export function orgType(n: number): OrgType {
  const r = n % 20;
  if (r < 4) return "local_authority";
  if (r < 11) return "voluntary_sector";
  if (r < 16) return "private_provider";
  if (r < 18) return "nhs";
  if (r === 18) return "police";
  return (["school", "university", "funder"] as const)[Math.floor(n / 20) % 3];
}
export const orgTypeSql = (n: string) =>
  `(case when ${n} % 20 < 4 then 'local_authority' when ${n} % 20 < 11 then 'voluntary_sector' when ${n} % 20 < 16 then 'private_provider' ` +
  `when ${n} % 20 < 18 then 'nhs' when ${n} % 20 = 18 then 'police' else (array['school','university','funder'])[(${n} / 20) % 3 + 1] end)`;

// ------------------------------------------------------------------ helpers

/** A small deterministic PRNG (mulberry32), so a scale always makes the same dataset. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Shares a whole-number total among weights, each share at least min[i] and
 * at most cap[i] where given, the sum exactly the total when the caps allow.
 */
export function distribute(total: number, weights: number[], min: number[] = [], cap: number[] = []): number[] {
  const n = weights.length;
  const lo = weights.map((_, i) => min[i] ?? 0);
  const hi = weights.map((_, i) => cap[i] ?? Infinity);
  const out = [...lo];
  let remaining = total - lo.reduce((a, b) => a + b, 0);
  let open = weights.map((_, i) => i).filter((i) => out[i] < hi[i]);
  for (let round = 0; round < 20 && remaining > 0 && open.length; round++) {
    const w = open.reduce((a, i) => a + weights[i], 0) || open.length;
    const give = open.map((i) => Math.min(hi[i] - out[i], Math.floor((remaining * (weights[i] || 1)) / w)));
    let given = 0;
    open.forEach((i, j) => {
      out[i] += give[j];
      given += give[j];
    });
    remaining -= given;
    open = open.filter((i) => out[i] < hi[i]);
    if (given === 0) {
      // Hand out the last few one at a time to the heaviest open shares.
      for (const i of [...open].sort((a, b) => weights[b] - weights[a])) {
        if (remaining <= 0) break;
        out[i] += 1;
        remaining -= 1;
      }
      open = open.filter((i) => out[i] < hi[i]);
    }
  }
  return out.slice(0, n);
}

const DAY = 86_400_000;
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const addDaysIso = (iso: string, days: number) => isoDate(new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY));
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

// -------------------------------------------------------------- obligations

export type Cadence = "monthly" | "quarterly" | "half_yearly" | "annual";
const MONTHS: Record<Cadence, number> = { monthly: 1, quarterly: 3, half_yearly: 6, annual: 12 };

/** The first day of the period of this cadence containing a date (quarters, halves and years from April, as the app counts them). */
export function periodStart(cadence: Cadence, iso: string): string {
  const [y, m] = iso.split("-").map(Number); // m: 1-12
  const at = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, "0")}-01`;
  if (cadence === "monthly") return at(y, m);
  if (cadence === "quarterly") return at(y, m - ((m - 1) % 3));
  if (cadence === "half_yearly") return m >= 10 ? at(y, 10) : m >= 4 ? at(y, 4) : at(y - 1, 10);
  return m >= 4 ? at(y, 4) : at(y - 1, 4);
}

function addMonthsIso(iso: string, months: number) {
  const [y, m] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}-01`;
}

/** Periods of an obligation starting on `startsOn` that have ended before today. */
export function endedPeriods(cadence: Cadence, startsOn: string, today: string): number {
  let start = periodStart(cadence, startsOn);
  let n = 0;
  for (;;) {
    const next = addMonthsIso(start, MONTHS[cadence]);
    if (addDaysIso(next, -1) >= today) return n;
    n += 1;
    start = next;
  }
}

export type ObligationTemplate = {
  type: string;
  title: string;
  instructions: string;
  cadence: Cadence;
  dueDays: number;
  /** Owed by every partner of a type, or by the lead partner, or by the first partner of a type. */
  owedBy: { type: OrgType } | { lead: true } | { firstOf: OrgType };
};

const monthlyReturns = [
  ["Monthly placements data return", "Children placed under the block contracts, by needs band and provider, with start and end dates."],
  ["Monthly missing-from-care return", "Missing episodes of children placed, with return interviews offered and held."],
  ["Monthly finance and spend return", "Spend against the partner's share of the contract and the pooled budget, month by month."],
  ["Monthly sufficiency tracker", "Referrals, matches and children waiting for a placement, by needs band."],
  ["Monthly placement stability return", "Placement moves, unplanned endings and disruption meetings held."],
  ["Monthly education outcomes return", "School attendance, exclusions and personal education plans of children placed."],
  ["Monthly workforce return", "Vacancies, agency staff and caseloads in the teams that place children."],
] as const;

export const nelcpObligationTemplates: ObligationTemplate[] = [
  ...monthlyReturns.map(([title, instructions]) => ({ type: "data_return", title, instructions, cadence: "monthly" as const, dueDays: 20, owedBy: { type: "local_authority" as const } })),
  { type: "quarterly_performance_return", title: "Quarterly outcomes report", instructions: "Outcomes for children placed: stability, education, health and what children said.", cadence: "quarterly", dueDays: 30, owedBy: { type: "local_authority" } },
  { type: "co_investment_statement", title: "Quarterly finance return", instructions: "Each borough's contributions and spend against the pooled budget for the quarter.", cadence: "quarterly", dueDays: 30, owedBy: { type: "local_authority" } },
  { type: "risk_review", title: "Half-yearly risk review", instructions: "Each partner's review of the shared risks it owns, with scores and controls.", cadence: "half_yearly", dueDays: 45, owedBy: { type: "local_authority" } },
  { type: "annual_report", title: "Annual report to the board", instructions: "The lead authority's report on the year: placements, spend, outcomes and lessons.", cadence: "annual", dueDays: 60, owedBy: { lead: true } },
  { type: "data_return", title: "Quarterly provider quality return", instructions: "Each provider's quality assurance: complaints, notifications, inspection grades and staffing.", cadence: "quarterly", dueDays: 30, owedBy: { type: "private_provider" } },
];

export const partnershipObligationTemplates: ObligationTemplate[] = [
  { type: "quarterly_performance_return", title: "Quarterly performance return", instructions: "Placements made, children placed far from home, placement moves and spend against each partner's share.", cadence: "quarterly", dueDays: 30, owedBy: { type: "local_authority" } },
  { type: "annual_report", title: "Annual report", instructions: "Progress against the partnership's plan, joint funding won and what children and families said.", cadence: "annual", dueDays: 60, owedBy: { lead: true } },
  { type: "co_investment_statement", title: "Co-investment statement", instructions: "What the partner has invested in the half-year: staff time, project management and matched funding.", cadence: "half_yearly", dueDays: 30, owedBy: { firstOf: "voluntary_sector" } },
  { type: "data_return", title: "Quarterly provider return", instructions: "Providers' occupancy, notifications, complaints and staffing for the quarter.", cadence: "quarterly", dueDays: 30, owedBy: { type: "private_provider" } },
  { type: "data_return", title: "Monthly placements data return", instructions: "Children placed, by needs band and provider, with start and end dates.", cadence: "monthly", dueDays: 20, owedBy: { type: "local_authority" } },
];

/** Share of owed returns that arrive (the rest are overdue), plus returns sent back and resubmitted. */
export const RETURN_RATE = 0.95 * 1.04;
