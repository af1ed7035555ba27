import { addDays, coversDate, formatDate } from "../../../platform/time/dates";
import { describeSeniorityRule, type QuorumRule, type SeniorityRule } from "./terms-of-reference";
import { possessive } from "../../../platform/text/english";
import { boardRoleLabels, officerTiers, representativeBoardRoles, seniorityTierLabels, type BoardRole, type SeniorityTier } from "./vocabulary";
import type { OrganisationType, PartnerRole } from "../../partnerships/public";

// The board's rules as plain functions: seniority against the terms of
// reference, the composition checks shown on the partnership page (and used
// by scheduled reminders), and quorum. Nothing here touches the database.

export type Seat = {
  id: string;
  personName: string;
  organisationId: string;
  boardRole: BoardRole;
  seniority: SeniorityTier;
  hasVote: boolean;
  termStart: string;
  termEnd: string | null;
  /** For a deputy: the seat of the member they may stand in for. */
  deputyForSeatId: string | null;
};

export type Partner = {
  organisationId: string;
  name: string;
  type: OrganisationType;
  role: PartnerRole;
  joinedOn: string;
  leftOn: string | null;
};

export const isSeatCurrent = (seat: Pick<Seat, "termStart" | "termEnd">, onDate: string) =>
  coversDate(seat.termStart, seat.termEnd, onDate);

/** A partner is in the partnership from the day it joins to its last day (`leftOn`), inclusive. */
export const isPartnerCurrent = (p: Pick<Partner, "joinedOn" | "leftOn">, onDate: string) => coversDate(p.joinedOn, p.leftOn, onDate);

// ---------------------------------------------------------------- seniority

/** Whether a tier meets a rule: at or above its officer tier, or one of the non-officer categories it accepts. */
export function meetsSeniorityRule(tier: SeniorityTier, rule: Pick<SeniorityRule, "minimumTier" | "alsoAccept">): boolean {
  const rank = (officerTiers as readonly string[]).indexOf(tier);
  if (rank >= 0) return rank <= officerTiers.indexOf(rule.minimumTier);
  return (rule.alsoAccept as readonly string[]).includes(tier);
}

// Rules about a partner's type or role govern the people who represent it
// (members, the chair and vice-chair, and deputies standing in for them);
// advisers, young people's and scrutiny representatives are there in another
// capacity and are only held to rules that name their board role.
const representsPartner = (role: BoardRole) => representativeBoardRoles.includes(role) || role === "deputy";

export function seniorityRulesFor(
  seat: Pick<Seat, "boardRole" | "organisationId">,
  partner: Pick<Partner, "type" | "role"> | undefined,
  rules: readonly SeniorityRule[],
): SeniorityRule[] {
  return rules.filter((r) => {
    if (r.appliesTo === "board_role") return r.value === seat.boardRole;
    if (!partner || !representsPartner(seat.boardRole)) return false;
    return r.appliesTo === "partner_type" ? r.value === partner.type : r.value === partner.role;
  });
}

export type SeniorityShortfall = { seatId: string; rule: SeniorityRule; requirement: string };

/** The rules a seat's holder falls short of (empty when the seat meets them all). */
export function seniorityShortfalls(
  seat: Pick<Seat, "id" | "boardRole" | "organisationId" | "seniority">,
  partner: Pick<Partner, "type" | "role"> | undefined,
  rules: readonly SeniorityRule[],
): SeniorityShortfall[] {
  return seniorityRulesFor(seat, partner, rules)
    .filter((r) => !meetsSeniorityRule(seat.seniority, r))
    .map((rule) => ({ seatId: seat.id, rule, requirement: describeSeniorityRule(rule) }));
}

// ------------------------------------------------------- composition checks

export type BoardProblem =
  | { kind: "below_required_seniority"; seatId: string; message: string }
  | { kind: "partner_unrepresented"; organisationId: string; message: string }
  | { kind: "deputy_lapsed"; seatId: string; message: string }
  | { kind: "term_ending_soon"; seatId: string; termEnd: string; message: string };

export const TERM_ENDING_WARNING_DAYS = 60;

export type DeputyStatus = "valid" | "not_started" | "expired" | "principal_gone" | "not_a_deputy";

/** Whether a deputy may stand in for the member they deputise for on a date. */
export function deputyStatus(deputy: Seat | undefined, principal: Seat | undefined, onDate: string): DeputyStatus {
  if (!deputy || deputy.boardRole !== "deputy" || !principal || deputy.deputyForSeatId !== principal.id) return "not_a_deputy";
  if (deputy.termStart > onDate) return "not_started";
  if (deputy.termEnd !== null && deputy.termEnd < onDate) return "expired";
  if (!isSeatCurrent(principal, onDate)) return "principal_gone";
  return "valid";
}

/**
 * What is wrong with the board on a date: seats below the seniority the terms
 * of reference require, partners with nobody on the board, deputies whose
 * delegation has lapsed, and terms ending within 60 days.
 */
export function boardProblems(input: {
  seats: readonly Seat[];
  partners: readonly Partner[];
  seniorityRules: readonly SeniorityRule[];
  onDate: string;
}): BoardProblem[] {
  const { seats, partners, seniorityRules, onDate } = input;
  const partnerByOrg = new Map(partners.map((p) => [p.organisationId, p]));
  const seatById = new Map(seats.map((s) => [s.id, s]));
  const current = seats.filter((s) => isSeatCurrent(s, onDate));
  const problems: BoardProblem[] = [];
  const orgName = (id: string) => partnerByOrg.get(id)?.name ?? "an organisation that is not a partner";

  for (const seat of current) {
    for (const shortfall of seniorityShortfalls(seat, partnerByOrg.get(seat.organisationId), seniorityRules)) {
      problems.push({
        kind: "below_required_seniority",
        seatId: seat.id,
        message: `${seat.personName} (${orgName(seat.organisationId)}, ${seniorityTierLabels[seat.seniority].toLowerCase()}) is below the seniority the terms of reference require. ${shortfall.requirement}.`,
      });
    }
  }

  for (const partner of partners) {
    if (!isPartnerCurrent(partner, onDate)) continue;
    const represented = current.some((s) => s.organisationId === partner.organisationId && s.boardRole !== "deputy");
    if (!represented)
      problems.push({
        kind: "partner_unrepresented",
        organisationId: partner.organisationId,
        message: `${partner.name} has nobody on the board.`,
      });
  }

  // A delegation has lapsed when the deputy's term ended while the member
  // still sits and has no other current deputy, or when the member the
  // deputy stood in for has left the board. Of a member's lapsed
  // delegations only the one that ended last is reported: earlier ones
  // were renewed (by it).
  for (const deputy of seats) {
    if (deputy.boardRole !== "deputy" || !deputy.deputyForSeatId) continue;
    const principal = seatById.get(deputy.deputyForSeatId);
    const status = deputyStatus(deputy, principal, onDate);
    if (status === "expired" && principal && isSeatCurrent(principal, onDate)) {
      const replaced = seats.some((d) => {
        if (d.id === deputy.id || d.deputyForSeatId !== principal.id) return false;
        const other = deputyStatus(d, principal, onDate);
        return other === "valid" || (other === "expired" && d.termEnd! > deputy.termEnd!);
      });
      if (!replaced)
        problems.push({
          kind: "deputy_lapsed",
          seatId: deputy.id,
          message: `${possessive(deputy.personName)} delegation as deputy for ${principal.personName} lapsed on ${formatDate(deputy.termEnd)} and has not been renewed.`,
        });
    } else if (status === "principal_gone" && isSeatCurrent(deputy, onDate)) {
      problems.push({
        kind: "deputy_lapsed",
        seatId: deputy.id,
        message: `${deputy.personName} is a deputy for ${principal?.personName ?? "a member"}, who is no longer on the board.`,
      });
    }
  }

  const horizon = addDays(onDate, TERM_ENDING_WARNING_DAYS);
  for (const seat of current) {
    if (seat.termEnd !== null && seat.termEnd <= horizon)
      problems.push({
        kind: "term_ending_soon",
        seatId: seat.id,
        termEnd: seat.termEnd,
        message: `${possessive(seat.personName)} term as ${boardRoleLabels[seat.boardRole].toLowerCase()} (${orgName(seat.organisationId)}) ends on ${formatDate(seat.termEnd)}.`,
      });
  }
  return problems;
}

// ------------------------------------------------------------------- quorum

export const attendanceStatuses = ["present", "apologies", "absent", "deputy"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceStatusLabels: Record<AttendanceStatus, string> = {
  present: "Present",
  apologies: "Apologies",
  absent: "Absent",
  deputy: "Represented by deputy",
};

export type Attendance = { seatId: string; status: AttendanceStatus; deputySeatId?: string | null };

export type QuorumResult = {
  quorate: boolean;
  /** Voting members counted towards the quorum, in person or through a deputy. */
  countedVotingMembers: number;
  countedSeatIds: string[];
  /** Seats standing in: principal seat id → deputy seat id. */
  deputiesCounted: Record<string, string>;
  partnersRepresented: string[];
  /** Why the meeting is not quorate (empty when it is). */
  shortfalls: string[];
  /** Things the chair should know that do not by themselves decide the quorum. */
  notes: string[];
};

/**
 * Whether a meeting (or one agenda item, given the members who withdrew from
 * it) is quorate under the quorum and seniority rules in force on its date.
 */
export function evaluateQuorum(input: {
  rule: QuorumRule;
  seniorityRules: readonly SeniorityRule[];
  seats: readonly Seat[];
  partners: readonly Partner[];
  leadOrganisationId: string | null;
  attendance: readonly Attendance[];
  onDate: string;
  recusedSeatIds?: readonly string[];
}): QuorumResult {
  const { rule, seniorityRules, seats, partners, leadOrganisationId, attendance, onDate } = input;
  const recused = new Set(input.recusedSeatIds ?? []);
  const seatById = new Map(seats.map((s) => [s.id, s]));
  const partnerByOrg = new Map(partners.map((p) => [p.organisationId, p]));
  const notes: string[] = [];
  const counted: Seat[] = [];
  const deputiesCounted: Record<string, string> = {};
  const presentInPerson: Seat[] = [];

  const seniorEnough = (seat: Seat, who: Seat) => {
    const short = seniorityShortfalls(who, partnerByOrg.get(who.organisationId), seniorityRules);
    if (short.length === 0) return true;
    const verdict = rule.onlySeniorEnoughCount ? "so is not counted" : "but still counts under these terms";
    notes.push(`${who.personName}${who === seat ? "" : ` (deputy for ${seat.personName})`} is below the required seniority, ${verdict}.`);
    return !rule.onlySeniorEnoughCount;
  };

  for (const a of attendance) {
    const seat = seatById.get(a.seatId);
    if (!seat) continue;
    if (a.status !== "present" && a.status !== "deputy") continue;
    if (!isSeatCurrent(seat, onDate)) {
      notes.push(`${seat.personName} is not on the board on ${formatDate(onDate)}, so is not counted.`);
      continue;
    }
    const partner = partnerByOrg.get(seat.organisationId);
    if (!partner || !isPartnerCurrent(partner, onDate)) {
      notes.push(`${possessive(seat.personName)} organisation is not a partner on ${formatDate(onDate)}, so they are not counted.`);
      continue;
    }
    if (recused.has(seat.id)) {
      notes.push(`${seat.personName} has withdrawn from this item, so is not counted.`);
      continue;
    }
    if (a.status === "present") {
      presentInPerson.push(seat);
      if (!seat.hasVote) continue;
      // A deputy's vote is their authority to stand in for their member: on
      // their own they are not a voting member.
      if (seat.boardRole === "deputy") {
        if (!attendance.some((o) => o.status === "deputy" && o.deputySeatId === seat.id))
          notes.push(`${seat.personName} is a deputy and counts only when standing in for the member they deputise for.`);
        continue;
      }
      if (seniorEnough(seat, seat)) counted.push(seat);
      continue;
    }
    // Represented by a deputy.
    const deputy = a.deputySeatId ? seatById.get(a.deputySeatId) : undefined;
    const status = deputyStatus(deputy, seat, onDate);
    if (status !== "valid" || !deputy) {
      const why =
        status === "expired"
          ? `their delegation lapsed on ${formatDate(deputy?.termEnd)}`
          : status === "not_started"
            ? `their delegation starts on ${formatDate(deputy?.termStart)}`
            : "they are not a named deputy for this member";
      notes.push(`${deputy?.personName ?? "The deputy"} cannot stand in for ${seat.personName}: ${why}.`);
      continue;
    }
    if (recused.has(deputy.id)) {
      notes.push(`${deputy.personName} (deputy for ${seat.personName}) has withdrawn from this item, so is not counted.`);
      continue;
    }
    if (!rule.deputiesCount) {
      notes.push(`${deputy.personName} stands in for ${seat.personName}, but deputies do not count towards the quorum under these terms.`);
      continue;
    }
    if (!seat.hasVote) continue;
    if (!deputy.hasVote) {
      notes.push(`${deputy.personName} stands in for ${seat.personName} without authority to vote, so is not counted.`);
      continue;
    }
    if (seniorEnough(seat, deputy)) {
      counted.push(seat);
      deputiesCounted[seat.id] = deputy.id;
    }
  }

  const partnersRepresented = [...new Set(counted.map((s) => s.organisationId))];
  const shortfalls: string[] = [];
  if (counted.length < rule.minVotingMembers)
    shortfalls.push(`${counted.length} of the ${rule.minVotingMembers} voting members needed are present.`);
  if (partnersRepresented.length < rule.minPartners)
    shortfalls.push(`${partnersRepresented.length} of the ${rule.minPartners} partner organisations needed are represented.`);
  if (rule.requiredRolesAnyOf.length > 0 && !presentInPerson.some((s) => rule.requiredRolesAnyOf.includes(s.boardRole))) {
    const roles = rule.requiredRolesAnyOf.map((r) => boardRoleLabels[r].toLowerCase());
    shortfalls.push(roles.length === 1 ? `The ${roles[0]} is not present.` : `Neither the ${roles.join(" nor the ")} is present.`);
  }
  if (rule.leadPartnerRequired && (!leadOrganisationId || !partnersRepresented.includes(leadOrganisationId))) {
    shortfalls.push(`The lead body (${partnerByOrg.get(leadOrganisationId ?? "")?.name ?? "not set"}) is not represented.`);
  }
  return {
    quorate: shortfalls.length === 0,
    countedVotingMembers: counted.length,
    countedSeatIds: counted.map((s) => s.id),
    deputiesCounted,
    partnersRepresented,
    shortfalls,
    notes,
  };
}
