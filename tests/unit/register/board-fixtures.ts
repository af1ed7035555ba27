// Small, readable fixtures for the board rules: a council that leads the
// partnership, an NHS trust, a charity and a university, and helpers that make
// seats and partners with only the fields a test cares about.
import type { Attendance, Partner, Seat } from "../../../app/areas/register/rules/board-rules";
import { addDays } from "../../../app/platform/time/dates";
import { quorumRuleSchema, seniorityRuleSchema, type QuorumRule, type SeniorityRule } from "../../../app/areas/register/rules/terms-of-reference";

/** The day the tests look at the board ("today"). */
export const ON = "2026-03-10";
export const YESTERDAY = addDays(ON, -1); // 2026-03-09
export const TOMORROW = addDays(ON, 1); // 2026-03-11

export const COUNCIL = "org-council";
export const TRUST = "org-trust";
export const CHARITY = "org-charity";
export const UNI = "org-uni";

const basePartners: Record<string, Partner> = {
  [COUNCIL]: {
    organisationId: COUNCIL,
    name: "Northshire Council",
    type: "local_authority",
    role: "lead_authority",
    joinedOn: "2024-01-01",
    leftOn: null,
  },
  [TRUST]: {
    organisationId: TRUST,
    name: "Northshire NHS Trust",
    type: "nhs",
    role: "delivery_partner",
    joinedOn: "2024-01-01",
    leftOn: null,
  },
  [CHARITY]: {
    organisationId: CHARITY,
    name: "Youth Voice",
    type: "voluntary_sector",
    role: "co_production_partner",
    joinedOn: "2024-01-01",
    leftOn: null,
  },
  [UNI]: {
    organisationId: UNI,
    name: "Northshire University",
    type: "university",
    role: "evaluation_partner",
    joinedOn: "2024-01-01",
    leftOn: null,
  },
};

/** One of the four partners, with overrides. */
export function partner(organisationId: string, overrides: Partial<Partner> = {}): Partner {
  const base = basePartners[organisationId];
  if (!base) throw new Error(`No fixture partner ${organisationId}`);
  return { ...base, ...overrides };
}

export const allPartners = (): Partner[] => [partner(COUNCIL), partner(TRUST), partner(CHARITY), partner(UNI)];

/**
 * A seat: by default a voting council member at director level, in post since
 * 2024 with no end date. The person's name is the id capitalised ("ben" → "Ben").
 */
export function seat(id: string, overrides: Partial<Seat> = {}): Seat {
  return {
    id,
    personName: id.charAt(0).toUpperCase() + id.slice(1),
    organisationId: COUNCIL,
    boardRole: "member",
    seniority: "director",
    hasVote: true,
    termStart: "2024-01-01",
    termEnd: null,
    deputyForSeatId: null,
    ...overrides,
  };
}

/** A deputy standing in for `principalId`, by default with authority to vote. */
export function deputy(id: string, principalId: string, overrides: Partial<Seat> = {}): Seat {
  return seat(id, { boardRole: "deputy", deputyForSeatId: principalId, seniority: "head_of_service", termStart: "2025-01-01", ...overrides });
}

/** A quorum rule as the schema reads it (so defaults are the real defaults). */
export function quorumRule(input: Partial<QuorumRule> & { minVotingMembers: number; minPartners: number }): QuorumRule {
  return quorumRuleSchema.parse(input);
}

/** A seniority rule as the schema reads it. */
export function seniorityRule(input: Record<string, unknown>): SeniorityRule {
  return seniorityRuleSchema.parse(input);
}

export const present = (...seatIds: string[]): Attendance[] => seatIds.map((seatId) => ({ seatId, status: "present" }));
export const byDeputy = (seatId: string, deputySeatId: string | null): Attendance => ({ seatId, status: "deputy", deputySeatId });
