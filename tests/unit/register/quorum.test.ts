import { describe, expect, it } from "vitest";
import { evaluateQuorum, type Attendance, type Partner, type Seat } from "../../../app/areas/register/rules/board-rules";
import { termsRulesSchema, versionInForce, type QuorumRule, type SeniorityRule } from "../../../app/areas/register/rules/terms-of-reference";
import {
  allPartners,
  byDeputy,
  CHARITY,
  COUNCIL,
  deputy,
  ON,
  partner,
  present,
  quorumRule,
  seat,
  seniorityRule,
  TOMORROW,
  TRUST,
  UNI,
  YESTERDAY,
} from "./board-fixtures";

// The board used throughout:
//   Northshire Council (lead): Amara (chair, director), Ben (member, head of service),
//     Dee (Ben's deputy, head of service, may vote), Cllr Kaur (member, elected member)
//   Northshire NHS Trust: Chen (member, assistant director)
//   Youth Voice: Fola (vice-chair, trustee), Yas (young people's representative, votes)
//   Northshire University: Gita (adviser, no vote)
const board = (): Seat[] => [
  seat("amara", { boardRole: "chair" }),
  seat("ben", { seniority: "head_of_service" }),
  deputy("dee", "ben"),
  seat("kaur", { seniority: "elected_member" }),
  seat("chen", { organisationId: TRUST, seniority: "assistant_director" }),
  seat("fola", { organisationId: CHARITY, boardRole: "vice_chair", seniority: "trustee" }),
  seat("yas", { organisationId: CHARITY, boardRole: "young_peoples_rep", seniority: "officer" }),
  seat("gita", { organisationId: UNI, boardRole: "adviser", hasVote: false, seniority: "head_of_service" }),
];

const lenient = quorumRule({ minVotingMembers: 1, minPartners: 0 });

function quorum(
  attendance: Attendance[],
  opts: {
    rule?: QuorumRule;
    seniorityRules?: SeniorityRule[];
    seats?: Seat[];
    partners?: Partner[];
    lead?: string | null;
    onDate?: string;
    recused?: string[];
  } = {},
) {
  return evaluateQuorum({
    rule: opts.rule ?? lenient,
    seniorityRules: opts.seniorityRules ?? [],
    seats: opts.seats ?? board(),
    partners: opts.partners ?? allPartners(),
    leadOrganisationId: opts.lead === undefined ? COUNCIL : opts.lead,
    attendance,
    onDate: opts.onDate ?? ON,
    recusedSeatIds: opts.recused,
  });
}

/** Replaces one seat of the standard board. */
const boardWith = (id: string, overrides: Partial<Seat>): Seat[] => board().map((s) => (s.id === id ? { ...s, ...overrides } : s));

describe("evaluateQuorum: numbers", () => {
  it("is quorate with the whole board present, counting every voting member once and every partner with a vote", () => {
    const result = quorum(present("amara", "ben", "kaur", "chen", "fola", "yas", "gita"), {
      rule: quorumRule({ minVotingMembers: 6, minPartners: 3, requiredRolesAnyOf: ["chair", "vice_chair"], leadPartnerRequired: true }),
    });
    expect(result).toEqual({
      quorate: true,
      countedVotingMembers: 6,
      countedSeatIds: ["amara", "ben", "kaur", "chen", "fola", "yas"],
      deputiesCounted: {},
      partnersRepresented: [COUNCIL, TRUST, CHARITY],
      shortfalls: [],
      notes: [],
    });
  });

  it("is quorate with exactly the minimum number of voting members, and not with one fewer", () => {
    const rule = quorumRule({ minVotingMembers: 3, minPartners: 0 });
    expect(quorum(present("amara", "ben", "chen"), { rule })).toMatchObject({ quorate: true, countedVotingMembers: 3, shortfalls: [] });
    expect(quorum(present("amara", "ben"), { rule })).toMatchObject({
      quorate: false,
      countedVotingMembers: 2,
      shortfalls: ["2 of the 3 voting members needed are present."],
    });
  });

  it("is quorate with exactly the minimum number of partners represented, and not with one fewer", () => {
    const rule = quorumRule({ minVotingMembers: 1, minPartners: 2 });
    expect(quorum(present("ben", "chen"), { rule })).toMatchObject({ quorate: true, partnersRepresented: [COUNCIL, TRUST] });
    expect(quorum(present("amara", "ben", "kaur"), { rule })).toMatchObject({
      quorate: false,
      countedVotingMembers: 3,
      partnersRepresented: [COUNCIL],
      shortfalls: ["1 of the 2 partner organisations needed are represented."],
    });
  });

  it("accepts a meeting when no partners are required, and reports both shortfalls when nobody comes", () => {
    expect(quorum(present("ben")).quorate).toBe(true);
    const result = quorum([], { rule: quorumRule({ minVotingMembers: 2, minPartners: 1 }) });
    expect(result.quorate).toBe(false);
    expect(result.shortfalls).toEqual([
      "0 of the 2 voting members needed are present.",
      "0 of the 1 partner organisations needed are represented.",
    ]);
  });

  it("counts neither apologies nor absences, and ignores attendance for seats not on the register", () => {
    const attendance: Attendance[] = [
      { seatId: "amara", status: "apologies" },
      { seatId: "chen", status: "absent" },
      { seatId: "nobody", status: "present" },
      { seatId: "ben", status: "present" },
    ];
    expect(quorum(attendance)).toMatchObject({ countedVotingMembers: 1, countedSeatIds: ["ben"], notes: [] });
  });

  it("counts voting young people's representatives but not advisers without a vote", () => {
    const result = quorum(present("yas", "gita"), { rule: quorumRule({ minVotingMembers: 2, minPartners: 2 }) });
    expect(result.countedSeatIds).toEqual(["yas"]);
    expect(result.partnersRepresented).toEqual([CHARITY]);
    expect(result.shortfalls).toEqual([
      "1 of the 2 voting members needed are present.",
      "1 of the 2 partner organisations needed are represented.",
    ]);
  });

  it("counts a member whose vote has been withdrawn as present but not as a voting member", () => {
    const result = quorum(present("chen"), { seats: boardWith("chen", { hasVote: false }) });
    expect(result).toMatchObject({ quorate: false, countedVotingMembers: 0, partnersRepresented: [] });
  });
});

describe("evaluateQuorum: partners represented", () => {
  it("counts a partner as represented only through a counted voting member", () => {
    // The university's only person is an adviser: present, but the university is not represented.
    const result = quorum(present("ben", "gita"), { rule: quorumRule({ minVotingMembers: 1, minPartners: 2 }) });
    expect(result.partnersRepresented).toEqual([COUNCIL]);
    expect(result.quorate).toBe(false);
  });

  it("does not count a partner whose only member present has withdrawn from the item", () => {
    const result = quorum(present("ben", "chen"), { rule: quorumRule({ minVotingMembers: 1, minPartners: 2 }), recused: ["chen"] });
    expect(result.partnersRepresented).toEqual([COUNCIL]);
    expect(result.shortfalls).toEqual(["1 of the 2 partner organisations needed are represented."]);
  });

  it("does not count a partner whose only member is below seniority when only the senior enough count", () => {
    const nhsRule = seniorityRule({ appliesTo: "partner_type", value: "nhs", minimumTier: "director" });
    const rule = quorumRule({ minVotingMembers: 1, minPartners: 2, onlySeniorEnoughCount: true });
    const result = quorum(present("ben", "chen"), { rule, seniorityRules: [nhsRule] });
    expect(result.partnersRepresented).toEqual([COUNCIL]);
    expect(result.quorate).toBe(false);
  });

  it("counts a partner once however many of its members attend", () => {
    expect(quorum(present("amara", "ben", "kaur")).partnersRepresented).toEqual([COUNCIL]);
  });

  it("counts a partner represented through a deputy", () => {
    const result = quorum([byDeputy("ben", "dee"), ...present("chen")], { rule: quorumRule({ minVotingMembers: 2, minPartners: 2 }) });
    expect(result).toMatchObject({ quorate: true, partnersRepresented: [COUNCIL, TRUST] });
  });
});

describe("evaluateQuorum: required seats", () => {
  const chairOrVice = quorumRule({ minVotingMembers: 1, minPartners: 0, requiredRolesAnyOf: ["chair", "vice_chair"] });

  it("is satisfied by the chair or by the vice-chair", () => {
    expect(quorum(present("amara", "ben"), { rule: chairOrVice }).quorate).toBe(true);
    expect(quorum(present("fola", "ben"), { rule: chairOrVice }).quorate).toBe(true);
  });

  it("says neither the chair nor the vice-chair is present when both are missing", () => {
    const result = quorum(present("ben", "chen"), { rule: chairOrVice });
    expect(result.quorate).toBe(false);
    expect(result.shortfalls).toEqual(["Neither the chair nor the vice-chair is present."]);
  });

  it("names a single required seat on its own", () => {
    const chairOnly = quorumRule({ minVotingMembers: 1, minPartners: 0, requiredRolesAnyOf: ["chair"] });
    expect(quorum(present("fola", "ben"), { rule: chairOnly }).shortfalls).toEqual(["The chair is not present."]);
  });

  it("requires the seat in person: a deputy standing in for the chair does not satisfy it", () => {
    const seats = [...board(), deputy("dan", "amara")];
    const result = quorum([byDeputy("amara", "dan"), ...present("ben")], { rule: chairOrVice, seats });
    expect(result.countedSeatIds).toEqual(["amara", "ben"]);
    expect(result.shortfalls).toEqual(["Neither the chair nor the vice-chair is present."]);
  });

  it("is satisfied by a chair without a vote, who is present though not counted", () => {
    const result = quorum(present("amara", "ben"), { rule: chairOrVice, seats: boardWith("amara", { hasVote: false }) });
    expect(result).toMatchObject({ quorate: true, countedSeatIds: ["ben"] });
  });

  it("is satisfied by a chair below the required seniority even when they are not counted", () => {
    const chairRule = seniorityRule({ appliesTo: "board_role", value: "chair", minimumTier: "director" });
    const rule = quorumRule({ ...chairOrVice, onlySeniorEnoughCount: true });
    const result = quorum(present("amara", "ben"), { rule, seniorityRules: [chairRule], seats: boardWith("amara", { seniority: "officer" }) });
    expect(result).toMatchObject({ quorate: true, countedSeatIds: ["ben"] });
  });

  it("is not satisfied by a chair who has withdrawn from the item", () => {
    const result = quorum(present("amara", "ben"), { rule: chairOrVice, recused: ["amara"] });
    expect(result.shortfalls).toEqual(["Neither the chair nor the vice-chair is present."]);
  });

  it("is not satisfied by a chair whose term has ended", () => {
    const result = quorum(present("amara", "ben"), { rule: chairOrVice, seats: boardWith("amara", { termEnd: YESTERDAY }) });
    expect(result.shortfalls).toEqual(["Neither the chair nor the vice-chair is present."]);
  });
});

describe("evaluateQuorum: lead partner", () => {
  const leadRequired = quorumRule({ minVotingMembers: 1, minPartners: 0, leadPartnerRequired: true });

  it("is satisfied when a counted member of the lead body attends", () => {
    expect(quorum(present("ben"), { rule: leadRequired }).quorate).toBe(true);
  });

  it("names the lead body when none of its voting members is counted", () => {
    const result = quorum(present("chen"), { rule: leadRequired });
    expect(result.quorate).toBe(false);
    expect(result.shortfalls).toEqual(["The lead body (Northshire Council) is not represented."]);
  });

  it("is not satisfied by the lead body's adviser without a vote", () => {
    const result = quorum(present("gita", "chen"), { rule: leadRequired, lead: UNI });
    expect(result.shortfalls).toEqual(["The lead body (Northshire University) is not represented."]);
  });

  it("is not satisfied when the lead body's only member present has withdrawn", () => {
    const result = quorum(present("ben", "chen"), { rule: leadRequired, recused: ["ben"] });
    expect(result.shortfalls).toEqual(["The lead body (Northshire Council) is not represented."]);
  });

  it("cannot be satisfied when no lead body is set", () => {
    const result = quorum(present("ben", "chen"), { rule: leadRequired, lead: null });
    expect(result.shortfalls).toEqual(["The lead body (not set) is not represented."]);
  });

  it("is ignored when the terms do not require the lead body", () => {
    expect(quorum(present("chen"), { lead: COUNCIL }).quorate).toBe(true);
  });
});

describe("evaluateQuorum: deputies", () => {
  const two = quorumRule({ minVotingMembers: 2, minPartners: 0 });

  it("counts a deputy with a valid delegation for the member they replace", () => {
    const result = quorum([byDeputy("ben", "dee"), ...present("chen")], { rule: two });
    expect(result).toMatchObject({
      quorate: true,
      countedVotingMembers: 2,
      countedSeatIds: ["ben", "chen"],
      deputiesCounted: { ben: "dee" },
      notes: [],
    });
  });

  it("counts a deputy on the last day of their delegation", () => {
    const result = quorum([byDeputy("ben", "dee"), ...present("chen")], { rule: two, seats: boardWith("dee", { termEnd: ON }) });
    expect(result).toMatchObject({ quorate: true, deputiesCounted: { ben: "dee" } });
  });

  it("does not count a deputy whose delegation lapsed yesterday, and says when it lapsed", () => {
    const result = quorum([byDeputy("ben", "dee"), ...present("chen")], { rule: two, seats: boardWith("dee", { termEnd: YESTERDAY }) });
    expect(result).toMatchObject({ quorate: false, countedSeatIds: ["chen"], deputiesCounted: {} });
    expect(result.shortfalls).toEqual(["1 of the 2 voting members needed are present."]);
    expect(result.notes).toEqual(["Dee cannot stand in for Ben: their delegation lapsed on 9 March 2026."]);
  });

  it("does not count a deputy whose delegation starts tomorrow, and says when it starts", () => {
    const result = quorum([byDeputy("ben", "dee"), ...present("chen")], { rule: two, seats: boardWith("dee", { termStart: TOMORROW }) });
    expect(result.quorate).toBe(false);
    expect(result.notes).toEqual(["Dee cannot stand in for Ben: their delegation starts on 11 March 2026."]);
  });

  it("counts a deputy on the first day of their delegation", () => {
    const result = quorum([byDeputy("ben", "dee"), ...present("chen")], { rule: two, seats: boardWith("dee", { termStart: ON }) });
    expect(result.quorate).toBe(true);
  });

  it("does not count someone who is not the member's named deputy", () => {
    const seats = [...board(), deputy("tia", "chen", { organisationId: TRUST })];
    const result = quorum([byDeputy("ben", "tia"), ...present("chen")], { rule: two, seats });
    expect(result.countedSeatIds).toEqual(["chen"]);
    expect(result.notes).toEqual(["Tia cannot stand in for Ben: they are not a named deputy for this member."]);
  });

  it("does not count a member marked as represented by a deputy when no deputy is named", () => {
    const result = quorum([byDeputy("ben", null), ...present("chen")], { rule: two });
    expect(result.countedSeatIds).toEqual(["chen"]);
    expect(result.notes).toEqual(["The deputy cannot stand in for Ben: they are not a named deputy for this member."]);
  });

  it("does not count a deputy for a member who has left the board", () => {
    const result = quorum([byDeputy("ben", "dee"), ...present("chen")], { rule: two, seats: boardWith("ben", { termEnd: YESTERDAY }) });
    expect(result).toMatchObject({ quorate: false, countedSeatIds: ["chen"], deputiesCounted: {} });
    expect(result.notes).toEqual(["Ben is not on the board on 10 March 2026, so is not counted."]);
  });

  it("does not count a deputy without authority to vote, and says so", () => {
    const result = quorum([byDeputy("ben", "dee"), ...present("chen")], { rule: two, seats: boardWith("dee", { hasVote: false }) });
    expect(result).toMatchObject({ quorate: false, countedSeatIds: ["chen"] });
    expect(result.notes).toEqual(["Dee stands in for Ben without authority to vote, so is not counted."]);
  });

  it("does not count deputies at all when the terms say they do not count", () => {
    const rule = quorumRule({ minVotingMembers: 2, minPartners: 0, deputiesCount: false });
    const result = quorum([byDeputy("ben", "dee"), ...present("chen")], { rule });
    expect(result).toMatchObject({ quorate: false, countedVotingMembers: 1, deputiesCounted: {} });
    expect(result.notes).toEqual(["Dee stands in for Ben, but deputies do not count towards the quorum under these terms."]);
  });

  it("does not count a deputy standing in for a member without a vote", () => {
    const seats = boardWith("ben", { hasVote: false });
    const result = quorum([byDeputy("ben", "dee")], { seats });
    expect(result).toMatchObject({ quorate: false, countedVotingMembers: 0, deputiesCounted: {} });
  });

  it("does not count a deputy attending on their own account, without standing in for their member", () => {
    const result = quorum(present("dee", "chen"), { rule: two });
    expect(result).toMatchObject({ quorate: false, countedSeatIds: ["chen"] });
    expect(result.notes).toEqual(["Dee is a deputy and counts only when standing in for the member they deputise for."]);
  });

  it("does not count a deputy twice when they are also marked present", () => {
    const result = quorum([byDeputy("ben", "dee"), ...present("dee")], { rule: two });
    expect(result).toMatchObject({ quorate: false, countedVotingMembers: 1, countedSeatIds: ["ben"], notes: [] });
  });

  it("does not count a deputy marked present when deputies do not count", () => {
    const rule = quorumRule({ minVotingMembers: 1, minPartners: 0, deputiesCount: false });
    expect(quorum(present("dee"), { rule })).toMatchObject({ quorate: false, countedVotingMembers: 0 });
  });

  it("holds a deputy to the seniority their partner's members must have", () => {
    const councilRule = seniorityRule({ appliesTo: "partner_type", value: "local_authority", minimumTier: "head_of_service" });
    const seats = boardWith("dee", { seniority: "service_manager" });
    const strict = quorumRule({ minVotingMembers: 1, minPartners: 0, onlySeniorEnoughCount: true });
    const strictResult = quorum([byDeputy("ben", "dee")], { rule: strict, seniorityRules: [councilRule], seats });
    expect(strictResult).toMatchObject({ quorate: false, countedVotingMembers: 0, deputiesCounted: {} });
    expect(strictResult.notes).toEqual(["Dee (deputy for Ben) is below the required seniority, so is not counted."]);

    const lenientResult = quorum([byDeputy("ben", "dee")], { seniorityRules: [councilRule], seats });
    expect(lenientResult).toMatchObject({ quorate: true, deputiesCounted: { ben: "dee" } });
    expect(lenientResult.notes).toEqual(["Dee (deputy for Ben) is below the required seniority, but still counts under these terms."]);
  });
});

describe("evaluateQuorum: withdrawals from an item", () => {
  it("turns a quorate meeting inquorate for an item from which a member withdraws", () => {
    const rule = quorumRule({ minVotingMembers: 3, minPartners: 2 });
    const attendance = present("amara", "ben", "chen");
    expect(quorum(attendance, { rule }).quorate).toBe(true);
    const item = quorum(attendance, { rule, recused: ["ben"] });
    expect(item).toMatchObject({ quorate: false, countedSeatIds: ["amara", "chen"] });
    expect(item.shortfalls).toEqual(["2 of the 3 voting members needed are present."]);
    expect(item.notes).toEqual(["Ben has withdrawn from this item, so is not counted."]);
  });

  it("does not let a deputy count for a member who has withdrawn", () => {
    const result = quorum([byDeputy("ben", "dee")], { recused: ["ben"] });
    expect(result).toMatchObject({ quorate: false, deputiesCounted: {} });
    expect(result.notes).toEqual(["Ben has withdrawn from this item, so is not counted."]);
  });

  it("does not count a deputy who has withdrawn, naming whom they stood in for", () => {
    const result = quorum([byDeputy("ben", "dee")], { recused: ["dee"] });
    expect(result).toMatchObject({ quorate: false, countedVotingMembers: 0, deputiesCounted: {} });
    expect(result.notes).toEqual(["Dee (deputy for Ben) has withdrawn from this item, so is not counted."]);
  });

  it("is unaffected by the withdrawal of someone who is not there", () => {
    expect(quorum(present("ben"), { recused: ["chen"] })).toMatchObject({ quorate: true, notes: [] });
  });
});

describe("evaluateQuorum: seniority", () => {
  const councilRule = seniorityRule({ appliesTo: "partner_type", value: "local_authority", minimumTier: "head_of_service" });

  it("counts a member below the required seniority, with a note, unless the terms say only the senior enough count", () => {
    const seats = boardWith("ben", { seniority: "service_manager" });
    const counted = quorum(present("ben"), { seats, seniorityRules: [councilRule] });
    expect(counted).toMatchObject({ quorate: true, countedSeatIds: ["ben"] });
    expect(counted.notes).toEqual(["Ben is below the required seniority, but still counts under these terms."]);

    const strict = quorumRule({ minVotingMembers: 1, minPartners: 0, onlySeniorEnoughCount: true });
    const notCounted = quorum(present("ben"), { seats, seniorityRules: [councilRule], rule: strict });
    expect(notCounted).toMatchObject({ quorate: false, countedSeatIds: [] });
    expect(notCounted.notes).toEqual(["Ben is below the required seniority, so is not counted."]);
  });

  it("counts a member exactly at the required seniority without comment", () => {
    const strict = quorumRule({ minVotingMembers: 1, minPartners: 0, onlySeniorEnoughCount: true });
    expect(quorum(present("ben"), { seniorityRules: [councilRule], rule: strict })).toMatchObject({ quorate: true, notes: [] });
  });

  it("counts an elected member only when the rule lists elected members", () => {
    const strict = quorumRule({ minVotingMembers: 1, minPartners: 0, onlySeniorEnoughCount: true });
    expect(quorum(present("kaur"), { seniorityRules: [councilRule], rule: strict }).quorate).toBe(false);
    const withCouncillors = seniorityRule({ ...councilRule, alsoAccept: ["elected_member"] });
    expect(quorum(present("kaur"), { seniorityRules: [withCouncillors], rule: strict }).quorate).toBe(true);
  });

  it("does not hold a young people's representative to the partner's seniority rules", () => {
    const charityRule = seniorityRule({ appliesTo: "partner_type", value: "voluntary_sector", minimumTier: "director", alsoAccept: ["trustee"] });
    const strict = quorumRule({ minVotingMembers: 1, minPartners: 0, onlySeniorEnoughCount: true });
    expect(quorum(present("yas"), { seniorityRules: [charityRule], rule: strict })).toMatchObject({ quorate: true, notes: [] });
  });
});

describe("evaluateQuorum: who is on the board on the day", () => {
  it("does not count a person present whose term ended yesterday, and says so", () => {
    const result = quorum(present("chen"), { seats: boardWith("chen", { termEnd: YESTERDAY }) });
    expect(result).toMatchObject({ quorate: false, countedVotingMembers: 0 });
    expect(result.notes).toEqual(["Chen is not on the board on 10 March 2026, so is not counted."]);
  });

  it("counts a person on the last day of their term", () => {
    expect(quorum(present("chen"), { seats: boardWith("chen", { termEnd: ON }) }).quorate).toBe(true);
  });

  it("does not count a person whose term starts tomorrow", () => {
    const result = quorum(present("chen"), { seats: boardWith("chen", { termStart: TOMORROW }) });
    expect(result.quorate).toBe(false);
    expect(result.notes).toEqual(["Chen is not on the board on 10 March 2026, so is not counted."]);
  });

  it("counts the members of a partner on the day it leaves (leftOn is its last day)", () => {
    const partners = [...allPartners().filter((p) => p.organisationId !== TRUST), partner(TRUST, { leftOn: ON })];
    expect(quorum(present("chen"), { partners })).toMatchObject({ quorate: true, partnersRepresented: [TRUST] });
  });

  it("does not count the members of a partner that left yesterday", () => {
    const partners = [...allPartners().filter((p) => p.organisationId !== TRUST), partner(TRUST, { leftOn: YESTERDAY })];
    const result = quorum(present("chen"), { partners });
    expect(result).toMatchObject({ quorate: false, partnersRepresented: [] });
    expect(result.notes).toEqual(["Chen's organisation is not a partner on 10 March 2026, so they are not counted."]);
  });

  it("does not count the members of an organisation that is not a partner at all", () => {
    const result = quorum(present("chen"), { partners: [partner(COUNCIL)] });
    expect(result.notes).toEqual(["Chen's organisation is not a partner on 10 March 2026, so they are not counted."]);
  });

  it("does not count a deputy standing in for a member of a partner that has left", () => {
    const seats = [...board(), deputy("tia", "chen", { organisationId: TRUST })];
    const partners = [...allPartners().filter((p) => p.organisationId !== TRUST), partner(TRUST, { leftOn: YESTERDAY })];
    const result = quorum([byDeputy("chen", "tia")], { seats, partners });
    expect(result).toMatchObject({ quorate: false, deputiesCounted: {} });
  });
});

describe("evaluateQuorum: the terms in force on each meeting's date", () => {
  // Version 1 (from 2025): two voting members from two partners, deputies count.
  // Version 2 (from 1 April 2026): three voting members, the chair or vice-chair,
  // deputies no longer count, and council members must be heads of service or above.
  const versions = [
    {
      id: "v1",
      versionNumber: 1,
      status: "superseded" as const,
      effectiveFrom: "2025-01-01",
      rules: termsRulesSchema.parse({
        quorum: { minVotingMembers: 2, minPartners: 2 },
        decisions: { method: "consensus" },
      }),
    },
    {
      id: "v2",
      versionNumber: 2,
      status: "approved" as const,
      effectiveFrom: "2026-04-01",
      rules: termsRulesSchema.parse({
        quorum: {
          minVotingMembers: 3,
          minPartners: 2,
          requiredRolesAnyOf: ["chair", "vice_chair"],
          deputiesCount: false,
          onlySeniorEnoughCount: true,
        },
        seniority: [{ appliesTo: "partner_type", value: "local_authority", minimumTier: "head_of_service" }],
        decisions: { method: "simple_majority" },
      }),
    },
    {
      id: "v3",
      versionNumber: 3,
      status: "draft" as const,
      effectiveFrom: "2026-03-01",
      rules: termsRulesSchema.parse({ quorum: { minVotingMembers: 10, minPartners: 4 }, decisions: { method: "unanimous" } }),
    },
  ];
  const attendance = [byDeputy("ben", "dee"), ...present("chen", "kaur")];

  const meetingOn = (onDate: string) => {
    const terms = versionInForce(versions, onDate)!;
    return { version: terms.versionNumber, result: quorum(attendance, { rule: terms.rules.quorum, seniorityRules: terms.rules.seniority, onDate }) };
  };

  it("is quorate on 31 March 2026 under version 1", () => {
    const { version, result } = meetingOn("2026-03-31");
    expect(version).toBe(1);
    expect(result).toMatchObject({
      quorate: true,
      countedVotingMembers: 3,
      deputiesCounted: { ben: "dee" },
      partnersRepresented: [COUNCIL, TRUST],
      notes: [],
    });
  });

  it("is not quorate on 1 April 2026 with the same people under version 2", () => {
    const { version, result } = meetingOn("2026-04-01");
    expect(version).toBe(2);
    expect(result).toMatchObject({ quorate: false, countedVotingMembers: 1, countedSeatIds: ["chen"], deputiesCounted: {} });
    expect(result.shortfalls).toEqual([
      "1 of the 3 voting members needed are present.",
      "1 of the 2 partner organisations needed are represented.",
      "Neither the chair nor the vice-chair is present.",
    ]);
    expect(result.notes).toEqual([
      "Dee stands in for Ben, but deputies do not count towards the quorum under these terms.",
      "Kaur is below the required seniority, so is not counted.",
    ]);
  });
});
