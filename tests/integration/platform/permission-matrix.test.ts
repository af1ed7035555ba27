import type { RouteConfigEntry } from "@react-router/dev/routes";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import routes from "../../../app/routes";
import { auditEvents, users } from "../../../db/schema";
import { setUpMatrixRecords, type MatrixRecords, type NelcpExtras, type PartnershipRecords } from "../../helpers/permission-matrix";
import { type HttpClient, startTestServer, type TestServer } from "../../helpers/server";

// Who may do what, page by page, generated from the route manifest: every route,
// every demo principal, their own partnership and another one, GET and every POST
// intent. The expectations below are the policy written out by hand; they are not
// read from app/platform/permissions.ts, so that the two can disagree.
// tests/integration/platform/permissions.test.ts is the older hand-picked table.

// ------------------------------------------------------------------ principals

const principals = {
  signedOut: null,
  admin: "admin@platform.example",
  chair: "chair@nelcp.example",
  vicechair: "vicechair@nelcp.example",
  member: "member@nelcp.example",
  rep: "rep@barking-dagenham.example",
  secretariat: "secretariat@nelcp.example",
  participation: "participation@nelcp.example",
  observer: "observer@nelcp.example",
  young: "portal:River", // the demo's young person, signed in to the portal (young people have no adult account)
  scrutiny: "scrutiny@leics.example",
} as const;
type Who = keyof typeof principals;
const everyone = Object.keys(principals) as Who[];

/** Each principal's own partnership and another one (the platform administrator belongs to none: NELCP stands in). */
const partnershipsOf = (who: Who) => (who === "scrutiny" ? { own: "leicestershire-cip", other: "nelcp" } : { own: "nelcp", other: "leicestershire-cip" });

// Groups used below, written out by hand.
const EVERYONE: readonly Who[] = everyone;
/** Every signed-in adult (in a partnership route: every adult with a role in it, and the platform administrator). */
const ADULTS: readonly Who[] = ["admin", "chair", "vicechair", "member", "rep", "secretariat", "participation", "observer", "scrutiny"];

// ------------------------------------------------------------------ the table

type Form = Record<string, string | string[]>;
type BodyContext = { r: PartnershipRecords; x: NelcpExtras; me: string };
type Post = {
  /** The value of the form field the action dispatches on; absent for the action's default branch when its form sends none. */
  intent?: string;
  /** Names the row when there is no intent (e.g. "add"). */
  label?: string;
  /** The field the action dispatches on (decision-new uses `kind`). */
  field?: "intent" | "kind";
  allowed: readonly Who[];
  /** Extra fields, kept short of passing validation, that the guard needs to find the record (e.g. the organisation). */
  body?: (c: BodyContext) => Form;
  /** Takes no fields, so an allowed POST really does something: it may write (such rows run one at a time, after the route's others). */
  writes?: boolean;
  /** Signs each principal in afresh (sign-out would end the shared session). */
  freshClient?: boolean;
};
/** One principal on a different NELCP record (or with a different body) than the route's usual one. */
type Extra = {
  who: Who;
  method: "GET" | "POST";
  intent?: string;
  params?: (x: NelcpExtras) => Record<string, string>;
  /** In place of the entry's query. */
  query?: (r: PartnershipRecords, x: NelcpExtras) => string;
  body?: (c: BodyContext) => Form;
  allowed: boolean;
  why: string;
};
type Entry = {
  get: readonly Who[];
  /** The same page with a query that needs a different permission. */
  getVariants?: { query: string; allowed: readonly Who[] }[];
  /** Appended to the path for every request (pages that need a query to show anything). */
  query?: (r: PartnershipRecords) => string;
  post?: Post[];
  extras?: Extra[];
  /** What a signed-in adult who may not use the page gets, when it is not a 403. */
  adultRefusal?: { status: number; location: string };
  /** Statuses an allowed GET may answer besides 2xx and 3xx (a page that is meant to be missing). */
  getStatuses?: number[];
  /** Params outside partnerships. */
  params?: (m: MatrixRecords) => Record<string, string>;
  /** Run after every other route (it changes things later rows depend on). */
  last?: boolean;
};

const expectations: Record<string, Entry> = {
  // ---------------------------------------------------------------- outside partnerships
  "areas/partnerships/routes/home.tsx": { get: ADULTS },
  "areas/identity/routes/sign-in.tsx": { get: EVERYONE, post: [{ label: "sign in", allowed: EVERYONE }] },
  "areas/identity/routes/sign-out.tsx": { get: EVERYONE, post: [{ label: "sign out", allowed: EVERYONE, freshClient: true, writes: true }], last: true },
  "areas/identity/routes/forgot-password.tsx": { get: EVERYONE, post: [{ label: "request a reset", allowed: EVERYONE }] },
  // Emailed links: the token is the credential, whoever holds it.
  "areas/identity/routes/reset-password.tsx": { get: EVERYONE, post: [{ label: "set password", allowed: EVERYONE }], params: (m) => ({ token: m.globals.resetToken }) },
  "areas/identity/routes/invitation.tsx": { get: EVERYONE, post: [{ label: "set password", allowed: EVERYONE }], params: (m) => ({ token: m.globals.invitationToken }) },
  "areas/partnerships/routes/admin-partnership-new.tsx": { get: ["admin"], post: [{ label: "create", allowed: ["admin"] }] },

  // ---------------------------------------------------------------- a partnership and its partners
  "areas/partnerships/routes/partnership.tsx": { get: ADULTS },
  // The layout every page inside a partnership shares: its own address is the overview's.
  "areas/partnerships/routes/partnership-layout.tsx": { get: ADULTS },
  "areas/partnerships/routes/partnership-edit.tsx": { get: ["admin", "chair", "secretariat"], post: [{ label: "save", allowed: ["admin", "chair", "secretariat"] }] },
  "areas/partnerships/routes/partnership-key-dates.tsx": {
    get: ["admin", "chair", "secretariat"],
    post: [
      { label: "add", allowed: ["admin", "chair", "secretariat"] },
      { intent: "remove", allowed: ["admin", "chair", "secretariat"] },
    ],
  },
  // Young people: every adult here sees the suppressed counts; only participation workers see the young people
  // (not the platform administrator: children's records are for the partnership's workers alone).
  "areas/participation/routes/participation.tsx": { get: ADULTS, post: [{ label: "name the safeguarding lead", allowed: ["participation"] }] },
  // The same suppressed figures as a spreadsheet, for every adult who sees the page.
  "areas/participation/routes/participation-csv.ts": { get: ADULTS },
  // Only the designated safeguarding lead (in the demo, the participation worker): not the chair, scrutiny or administrators.
  "areas/participation/routes/safeguarding.tsx": { get: ["participation"] },
  "areas/participation/routes/activity-new.tsx": { get: ["participation"], post: [{ label: "record", allowed: ["participation"] }] },
  "areas/participation/routes/participation-policy.tsx": { get: ["admin", "chair", "secretariat", "participation"], post: [{ label: "save", allowed: ["admin", "chair", "secretariat", "participation"] }] },
  "areas/participation/routes/consultation-new.tsx": { get: ["participation"], post: [{ label: "open", allowed: ["participation"] }] },
  "areas/participation/routes/moderation.tsx": {
    get: ["participation"],
    post: [
      { label: "moderate", allowed: ["participation"] },
      { intent: "respond", allowed: ["participation"] },
    ],
  },
  "areas/participation/routes/young-person-new.tsx": { get: ["participation"], post: [{ label: "add", allowed: ["participation"] }] },
  "areas/participation/routes/young-person.tsx": {
    get: ["participation"],
    post: [
      { label: "record an adult's consent", allowed: ["participation"] },
      { intent: "closes-on", allowed: ["participation"] },
      { intent: "reset", allowed: ["participation"], writes: true },
    ],
  },
  "areas/identity/routes/partnership-invite.tsx": { get: ["admin", "chair"], post: [{ label: "invite", allowed: ["admin", "chair"] }] },
  "areas/partnerships/routes/partners.tsx": { get: ADULTS },
  "areas/partnerships/routes/partner-new.tsx": { get: ["admin", "chair", "secretariat"], post: [{ label: "add", allowed: ["admin", "chair", "secretariat"] }] },
  "areas/partnerships/routes/partner.tsx": {
    get: ADULTS,
    post: [
      { intent: "edit", allowed: ["admin", "chair", "secretariat"] },
      { intent: "exit", allowed: ["admin", "chair", "secretariat"] },
    ],
  },

  // ---------------------------------------------------------------- the register
  "areas/register/routes/board.tsx": { get: ADULTS },
  // Managers add any seat; a partner's representative adds deputies for their own organisation.
  "areas/register/routes/seat-new.tsx": {
    get: ["admin", "chair", "secretariat", "rep"],
    post: [{ label: "add a deputy for the representative's organisation", allowed: ["admin", "chair", "secretariat", "rep"], body: ({ r }) => ({ organisationId: r.repOrganisationId, boardRole: "deputy" }) }],
    extras: [
      { who: "rep", method: "POST", body: ({ x }) => ({ organisationId: x.newhamOrganisationId, boardRole: "deputy" }), allowed: false, why: "a deputy for another organisation (Newham)" },
      { who: "rep", method: "POST", body: ({ r }) => ({ organisationId: r.repOrganisationId, boardRole: "member" }), allowed: false, why: "a member's seat, not a deputy, for their own organisation" },
    ],
  },
  "areas/register/routes/seat.tsx": { get: ADULTS },
  // The usual seat is a Barking and Dagenham deputy: its representative may change it.
  "areas/register/routes/seat-edit.tsx": {
    get: ["admin", "chair", "secretariat", "rep"],
    post: [{ label: "save", allowed: ["admin", "chair", "secretariat", "rep"] }],
    extras: [
      { who: "rep", method: "GET", params: (x) => ({ seatId: x.newhamDeputySeatId }), allowed: false, why: "Newham's deputy" },
      { who: "rep", method: "POST", params: (x) => ({ seatId: x.newhamDeputySeatId }), allowed: false, why: "Newham's deputy" },
      { who: "rep", method: "GET", params: (x) => ({ seatId: x.bdMemberSeatId }), allowed: false, why: "their own organisation's member seat (not a deputy)" },
      { who: "rep", method: "POST", params: (x) => ({ seatId: x.bdMemberSeatId }), allowed: false, why: "their own organisation's member seat (not a deputy)" },
    ],
  },
  "areas/register/routes/seat-end.tsx": {
    get: ["admin", "chair", "secretariat", "rep"],
    post: [{ label: "end", allowed: ["admin", "chair", "secretariat", "rep"] }],
    extras: [
      { who: "rep", method: "GET", params: (x) => ({ seatId: x.newhamDeputySeatId }), allowed: false, why: "Newham's deputy" },
      { who: "rep", method: "POST", params: (x) => ({ seatId: x.newhamDeputySeatId }), allowed: false, why: "Newham's deputy" },
      { who: "rep", method: "POST", params: (x) => ({ seatId: x.bdMemberSeatId }), allowed: false, why: "their own organisation's member seat (not a deputy)" },
    ],
  },
  "areas/register/routes/seat-replace.tsx": {
    get: ["admin", "chair", "secretariat", "rep"],
    post: [{ label: "hand over", allowed: ["admin", "chair", "secretariat", "rep"] }],
    extras: [
      { who: "rep", method: "GET", params: (x) => ({ seatId: x.newhamDeputySeatId }), allowed: false, why: "Newham's deputy" },
      { who: "rep", method: "POST", params: (x) => ({ seatId: x.newhamDeputySeatId }), allowed: false, why: "Newham's deputy" },
      { who: "rep", method: "POST", params: (x) => ({ seatId: x.bdMemberSeatId }), allowed: false, why: "their own organisation's member seat (not a deputy)" },
    ],
  },
  // Starting a draft takes no fields: an allowed POST creates one, so it runs last.
  "areas/register/routes/terms.tsx": { get: ADULTS, post: [{ label: "start a draft", allowed: ["admin", "chair", "secretariat"], writes: true }], last: true },
  "areas/register/routes/terms-compare.tsx": { get: ADULTS, query: (r) => `?from=1&to=${r.number}` },
  "areas/register/routes/terms-version.tsx": {
    get: ADULTS,
    post: [
      { intent: "approve", allowed: ["admin", "chair", "secretariat"] },
      { intent: "discard", allowed: ["admin", "chair", "secretariat"] },
    ],
  },
  "areas/register/routes/terms-edit.tsx": { get: ["admin", "chair", "secretariat"], post: [{ label: "save", allowed: ["admin", "chair", "secretariat"] }] },
  // Board members declare their own interests; a representative also for their organisation's members; managers for any board member.
  // The register is of the board's interests: someone without a seat (an observer, the secretariat, an administrator) has none to declare.
  "areas/register/routes/declarations.tsx": {
    get: ADULTS,
    post: [{ label: "declare (for themselves)", allowed: ["chair", "vicechair", "member"], body: ({ me }) => ({ userId: me }) }],
    extras: [
      { who: "rep", method: "POST", body: ({ x }) => ({ userId: x.bellamyUserId }), allowed: true, why: "for Barking and Dagenham's board member" },
      { who: "secretariat", method: "POST", body: ({ x }) => ({ userId: x.bellamyUserId }), allowed: true, why: "for a board member" },
      { who: "rep", method: "POST", body: ({ x }) => ({ userId: x.memberUserId }), allowed: false, why: "for Newham's board member" },
      { who: "member", method: "POST", body: ({ x }) => ({ userId: x.bellamyUserId }), allowed: false, why: "for another borough's board member" },
      { who: "observer", method: "POST", body: ({ x }) => ({ userId: x.bellamyUserId }), allowed: false, why: "for a board member" },
    ],
  },
  // The usual declaration is Barking and Dagenham's board member's. The form to end it is
  // for those who may end it, as with the forms to change or end a seat.
  "areas/register/routes/declaration-end.tsx": {
    get: ["admin", "chair", "secretariat", "rep"],
    post: [{ label: "end", allowed: ["admin", "chair", "secretariat", "rep"] }],
    extras: [
      { who: "rep", method: "GET", params: (x) => ({ declarationId: x.marchbankDeclarationId }), allowed: false, why: "Silver Lined Horizons' director's declaration" },
      { who: "rep", method: "POST", params: (x) => ({ declarationId: x.marchbankDeclarationId }), allowed: false, why: "Silver Lined Horizons' director's declaration" },
      { who: "member", method: "GET", params: (x) => ({ declarationId: x.memberDeclarationId }), allowed: true, why: "their own declaration" },
      { who: "member", method: "POST", params: (x) => ({ declarationId: x.memberDeclarationId }), allowed: true, why: "their own declaration" },
      { who: "rep", method: "POST", params: (x) => ({ declarationId: x.memberDeclarationId }), allowed: false, why: "Newham's board member's declaration" },
    ],
  },

  // ---------------------------------------------------------------- meetings
  "areas/meetings/routes/meetings.tsx": { get: ADULTS },
  "areas/meetings/routes/meeting-new.tsx": { get: ["admin", "chair", "secretariat"], post: [{ label: "schedule", allowed: ["admin", "chair", "secretariat"] }] },
  "areas/meetings/routes/meeting.tsx": {
    get: ADULTS,
    post: [
      { label: "cancel", allowed: ["admin", "chair", "secretariat"] },
      { intent: "send_invitations", allowed: ["admin", "chair", "secretariat"] },
    ],
  },
  "areas/meetings/routes/meeting-edit.tsx": { get: ["admin", "chair", "secretariat"], post: [{ label: "save", allowed: ["admin", "chair", "secretariat"] }] },
  "areas/meetings/routes/meeting-agenda.tsx": {
    get: ["admin", "chair", "secretariat"],
    post: ["add", "edit", "up", "down", "remove", "remove-paper", "upload", "defer-risk"].map((intent) => ({ intent, allowed: ["admin", "chair", "secretariat"] as const })),
  },
  "areas/meetings/routes/meeting-run.tsx": {
    get: ["admin", "chair", "secretariat"],
    post: [
      ...["attendance", "declare", "notes", "decision", "action"].map((intent) => ({ intent, allowed: ["admin", "chair", "secretariat"] as const })),
      { label: "no intent", allowed: ["admin", "chair", "secretariat"] },
    ],
  },
  "areas/meetings/routes/meeting-minutes.tsx": {
    get: ADULTS,
    post: ["summary", "circulate", "amend"].map((intent) => ({ intent, allowed: ["admin", "chair", "secretariat"] as const })),
  },
  "areas/meetings/routes/meeting-ics.ts": { get: ADULTS },
  "areas/meetings/routes/meeting-paper.ts": { get: ADULTS },

  // ---------------------------------------------------------------- decisions
  "areas/decisions/routes/decisions.tsx": { get: ADULTS },
  "areas/decisions/routes/decisions-csv.ts": { get: ADULTS },
  // ---------------------------------------------------------------- scrutiny
  "areas/scrutiny/routes/audit-checkpoints.ts": { get: ADULTS.filter((who) => who !== "observer") },
  "areas/scrutiny/routes/audit.tsx": { get: ADULTS.filter((who) => who !== "observer") },
  "areas/scrutiny/routes/accountability.tsx": { get: ADULTS },
  "areas/scrutiny/routes/audit-csv.ts": { get: ADULTS.filter((who) => who !== "observer") },
  "areas/scrutiny/routes/audit-jsonl.ts": { get: ADULTS.filter((who) => who !== "observer") },
  "areas/scrutiny/routes/challenges.tsx": { get: ADULTS },
  // Preparing the pack's PDF in the background is open to whoever may download it directly (it records a run and sends a job).
  "areas/scrutiny/routes/pack.tsx": { get: ADULTS, post: [{ label: "prepare the PDF", allowed: ADULTS, writes: true }] },
  "areas/scrutiny/routes/pack-pdf.ts": { get: ADULTS },
  "areas/scrutiny/routes/pack-run.tsx": { get: ADULTS },
  "areas/scrutiny/routes/pack-run-pdf.ts": { get: ADULTS },
  // Raising, following up and closing a question are a scrutiny member's own acts (not an administrator's); answering is the chair's or secretariat's.
  "areas/scrutiny/routes/challenge-new.tsx": { get: ["scrutiny"], query: (r) => `?about=decision%3A${r.decisionId}`, post: [{ label: "raise", allowed: ["scrutiny"] }] },
  "areas/scrutiny/routes/challenge.tsx": {
    get: ADULTS,
    post: [
      { intent: "answer", allowed: ["admin", "chair", "secretariat"] },
      { intent: "follow_up", allowed: ["scrutiny"] },
      { intent: "close", allowed: ["scrutiny"] },
    ],
  },
  "areas/decisions/routes/decision-new.tsx": {
    get: ["admin", "chair", "vicechair", "member", "rep", "secretariat"],
    getVariants: [{ query: "?outside=1", allowed: ["admin", "chair", "secretariat"] }],
    post: [
      { field: "kind", intent: "proposal", allowed: ["admin", "chair", "vicechair", "member", "rep", "secretariat"] },
      { field: "kind", intent: "outside", allowed: ["admin", "chair", "secretariat"] },
    ],
  },
  // The usual decision is a proposal by Barking and Dagenham's representative (in the CIP, by the administrator).
  "areas/decisions/routes/decision.tsx": {
    get: ADULTS,
    post: [
      { intent: "edit", allowed: ["admin", "chair", "secretariat", "rep"] },
      { intent: "action", allowed: ["admin", "chair", "secretariat"] },
      { intent: "ratification", allowed: ["admin", "chair", "secretariat"] },
      { intent: "status", allowed: ["admin", "chair", "secretariat"] },
      // Calling a decision in is a scrutiny member's own act (not even an administrator's); recording what came of it is the chair's or secretariat's.
      { intent: "call_in", allowed: ["scrutiny"] },
      { intent: "sign_call_in", allowed: ["scrutiny"] },
      { intent: "consider_call_in", allowed: ["admin", "chair", "secretariat"] },
      { intent: "reconsider_call_in", allowed: ["admin", "chair", "secretariat"] },
    ],
    extras: [
      { who: "rep", method: "POST", intent: "edit", params: (x) => ({ decisionId: x.memberProposalId }), allowed: false, why: "Newham's board member's proposal" },
      { who: "rep", method: "POST", intent: "edit", params: (x) => ({ decisionId: x.secretariatDecisionId }), allowed: false, why: "a decision the secretariat put forward" },
      { who: "member", method: "POST", intent: "edit", params: (x) => ({ decisionId: x.memberProposalId }), allowed: true, why: "their own proposal" },
      { who: "vicechair", method: "POST", intent: "edit", params: (x) => ({ decisionId: x.memberProposalId }), allowed: false, why: "another member's proposal" },
    ],
  },

  // ---------------------------------------------------------------- actions
  "areas/actions/routes/partnership-actions.tsx": { get: ADULTS },
  // The usual action is Barking and Dagenham's, with no named owner.
  "areas/actions/routes/action.tsx": {
    get: ADULTS,
    post: [{ label: "update", allowed: ["admin", "chair", "secretariat", "rep"] }],
    extras: [
      { who: "rep", method: "POST", params: (x) => ({ actionId: x.towerHamletsActionId }), allowed: false, why: "Tower Hamlets' action" },
      { who: "member", method: "POST", params: (x) => ({ actionId: x.memberActionId }), allowed: true, why: "an action they own" },
      { who: "member", method: "POST", params: (x) => ({ actionId: x.towerHamletsActionId }), allowed: false, why: "Tower Hamlets' action" },
      { who: "observer", method: "POST", params: (x) => ({ actionId: x.memberActionId }), allowed: false, why: "someone else's action" },
    ],
  },
  "areas/actions/routes/my-actions.tsx": { get: ADULTS },

  // ---------------------------------------------------------------- the risk register
  // The chair and secretariat manage the register and its appetite; everyone in the partnership reads it.
  "areas/risks/routes/risks.tsx": { get: ADULTS },
  "areas/risks/routes/risks-csv.ts": { get: ADULTS },
  "areas/risks/routes/risk-heat-map.tsx": { get: ADULTS },
  "areas/risks/routes/risk-settings.tsx": { get: ["admin", "chair", "secretariat"], post: [{ label: "save", allowed: ["admin", "chair", "secretariat"] }] },
  "areas/risks/routes/risk-new.tsx": { get: ["admin", "chair", "secretariat"], post: [{ label: "add", allowed: ["admin", "chair", "secretariat"] }] },
  "areas/risks/routes/risk-appetite.tsx": { get: ADULTS, post: [{ label: "approve", allowed: ["admin", "chair", "secretariat"] }] },
  // The usual risk is owned by Barking and Dagenham's board member: its representative may review it, as may its owner.
  "areas/risks/routes/risk.tsx": {
    get: ADULTS,
    post: [
      { intent: "review", allowed: ["admin", "chair", "secretariat", "rep"] },
      ...["status", "control", "mitigation", "link"].map((intent) => ({ intent, allowed: ["admin", "chair", "secretariat"] as const })),
    ],
    extras: [
      { who: "rep", method: "POST", intent: "review", params: (x) => ({ riskId: x.memberRiskId }), allowed: false, why: "Newham's risk" },
      { who: "member", method: "POST", intent: "review", params: (x) => ({ riskId: x.memberRiskId }), allowed: true, why: "a risk they own" },
      { who: "member", method: "POST", intent: "status", params: (x) => ({ riskId: x.memberRiskId }), allowed: false, why: "a risk they own: only managers change it" },
      { who: "vicechair", method: "POST", intent: "review", params: (x) => ({ riskId: x.memberRiskId }), allowed: false, why: "another member's risk" },
      { who: "observer", method: "POST", intent: "review", params: (x) => ({ riskId: x.memberRiskId }), allowed: false, why: "someone else's risk" },
    ],
  },
  "areas/risks/routes/risk-edit.tsx": {
    get: ["admin", "chair", "secretariat"],
    post: [{ label: "save", allowed: ["admin", "chair", "secretariat"] }],
    extras: [
      { who: "member", method: "GET", params: (x) => ({ riskId: x.memberRiskId }), allowed: false, why: "a risk they own" },
      { who: "rep", method: "POST", allowed: false, why: "their own partner's risk" },
    ],
  },

  // ---------------------------------------------------------------- obligations and returns
  "areas/obligations/routes/obligations.tsx": { get: ADULTS },
  "areas/obligations/routes/obligation-new.tsx": { get: ["admin", "chair", "secretariat"], post: [{ label: "add", allowed: ["admin", "chair", "secretariat"] }] },
  "areas/obligations/routes/reminder-schedule.tsx": { get: ["admin", "chair", "secretariat"], post: [{ label: "save", allowed: ["admin", "chair", "secretariat"] }] },
  // Reviewing is the managers'; submitting and naming who answers are for the partner the return is from.
  "areas/obligations/routes/obligation.tsx": {
    get: ADULTS,
    post: [
      { intent: "review", allowed: ["admin", "chair", "secretariat"] },
      { intent: "responsible", allowed: ["admin", "chair", "secretariat", "rep"], body: ({ r }) => ({ organisationId: r.repOrganisationId }) },
    ],
    extras: [
      { who: "rep", method: "POST", intent: "responsible", body: ({ x }) => ({ organisationId: x.newhamOrganisationId }), allowed: false, why: "naming someone for Newham" },
    ],
  },
  // A return is sent from its own page, by the partner it is from (or the managers for them).
  "areas/obligations/routes/obligation-return.tsx": {
    get: ["admin", "chair", "secretariat", "rep"],
    query: (r) => `?partner=${r.repOrganisationId}&period=${r.periodKey}`,
    post: [
      { intent: "submit", allowed: ["admin", "chair", "secretariat", "rep"], body: ({ r }) => ({ organisationId: r.repOrganisationId }) },
      { intent: "draft", allowed: ["admin", "chair", "secretariat", "rep"], body: ({ r }) => ({ organisationId: r.repOrganisationId, "field_block_contract_spend": "lots" }) },
    ],
    extras: [
      { who: "rep", method: "GET", query: (r, x) => `?partner=${x.newhamOrganisationId}&period=${r.periodKey}`, allowed: false, why: "Newham's return" },
      { who: "rep", method: "POST", intent: "submit", query: (r, x) => `?partner=${x.newhamOrganisationId}&period=${r.periodKey}`, body: ({ x }) => ({ organisationId: x.newhamOrganisationId }), allowed: false, why: "a return for Newham" },
      { who: "member", method: "GET", allowed: false, why: "a return for another borough" },
      { who: "member", method: "POST", intent: "submit", body: ({ r }) => ({ organisationId: r.repOrganisationId }), allowed: false, why: "a return for another borough" },
    ],
  },
  "areas/obligations/routes/obligation-fields.tsx": { get: ["admin", "chair", "secretariat"], post: [{ label: "save", allowed: ["admin", "chair", "secretariat"] }] },
  "areas/obligations/routes/obligation-returns-csv.ts": { get: ADULTS },
  "areas/obligations/routes/submission-file.ts": { get: ADULTS },

  // ---------------------------------------------------------------- money
  // Every adult in the partnership reads the money; only the chair and secretariat change it.
  "areas/funding/routes/money.tsx": { get: ADULTS, post: [{ label: "record a bid's outcome", allowed: ["admin", "chair", "secretariat"] }] },
  "areas/funding/routes/money-csv.ts": { get: ADULTS },
  "areas/funding/routes/money-new.tsx": {
    get: ["admin", "chair", "secretariat"],
    post: ["commitment", "actual", "line"].map((intent) => ({ intent, allowed: ["admin", "chair", "secretariat"] as const })),
  },

  // ---------------------------------------------------------------- the person's own pages
  "areas/identity/routes/account.tsx": { get: ADULTS, post: [{ label: "save preferences", allowed: ADULTS }] },
  "areas/notifications/routes/admin-deliveries.tsx": { get: ["admin"], post: [{ label: "send again", allowed: ["admin"] }] },
  // Resetting the feed takes no fields: it runs last, after the feed itself is checked.
  "areas/meetings/routes/calendar.tsx": { get: ADULTS, post: [{ label: "reset the feed", allowed: ADULTS, writes: true }], last: true },
  // The secret address is the credential: calendar apps cannot sign in.
  "areas/meetings/routes/calendar-feed.ts": { get: EVERYONE, params: (m) => ({ token: m.globals.calendarToken }) },
  // The young people's portal: its own sign-in; anyone else is asked to sign in to it.
  "areas/participation/routes/portal-layout.tsx": { get: ["young"], adultRefusal: { status: 302, location: "/portal/sign-in" } },
  "areas/participation/routes/portal-home.tsx": { get: ["young"], adultRefusal: { status: 302, location: "/portal/sign-in" } },
  "areas/participation/routes/portal-join.tsx": { get: EVERYONE, post: [{ label: "redeem a code", allowed: EVERYONE }] },
  "areas/participation/routes/portal-sign-in.tsx": { get: EVERYONE, post: [{ label: "sign in", allowed: EVERYONE }] },
  "areas/participation/routes/portal-sign-out.tsx": { get: EVERYONE, post: [{ label: "sign out", allowed: EVERYONE, freshClient: true, writes: true }], last: true },
  "areas/participation/routes/portal-privacy.tsx": { get: EVERYONE },
  // Deleting needs the confirmation box, which the matrix never ticks: an allowed POST is refused on its field.
  "areas/participation/routes/portal-my-data.tsx": { get: ["young"], adultRefusal: { status: 302, location: "/portal/sign-in" }, post: [{ label: "delete", allowed: ["young"] }] },
  "areas/participation/routes/portal-my-data-json.ts": { get: ["young"], adultRefusal: { status: 302, location: "/portal/sign-in" } },
  // Anyone reads where to get help; only a signed-in young person can send the message.
  "areas/participation/routes/portal-worried.tsx": { get: EVERYONE, post: [{ label: "send", allowed: ["young"] }], adultRefusal: { status: 302, location: "/portal/sign-in" } },
  "areas/participation/routes/portal-ideas.tsx": { get: ["young"], adultRefusal: { status: 302, location: "/portal/sign-in" }, post: [{ label: "send", allowed: ["young"] }] },
  "areas/participation/routes/portal-consultation.tsx": {
    get: ["young"],
    adultRefusal: { status: 302, location: "/portal/sign-in" },
    post: [{ label: "answer", allowed: ["young"] }],
    params: (m) => ({ consultationId: m.extras.consultationId }),
  },
  "areas/participation/routes/portal-consent.tsx": {
    get: ["young"],
    adultRefusal: { status: 302, location: "/portal/sign-in" },
    post: [
      { label: "save consent", allowed: ["young"] },
      // Withdrawing takes no fields: it really withdraws the demo young person's consent, so it runs last.
      { intent: "withdraw", allowed: ["young"], writes: true },
    ],
    last: true,
  },
  // Development only (off in production and with SMTP): open to anyone who can reach it.
  // Outside production, without SMTP: the emails it holds sign people in, so only a platform administrator reads them.
  "platform/routes/dev-outbox.tsx": { get: ["admin"] },
  "platform/routes/dev-outbox-file.tsx": { get: ["admin"], params: (m) => ({ file: m.globals.outboxFile }) },
  // The accessibility statement is for anyone, signed in or not.
  "platform/routes/accessibility.tsx": { get: EVERYONE },
  "platform/routes/not-found.tsx": { get: EVERYONE, getStatuses: [404], params: () => ({ "*": "no/such/page" }) },
};

// ------------------------------------------------------------------ the manifest

type ManifestRoute = { file: string; path: string };

function flatten(entries: readonly RouteConfigEntry[], parent = ""): ManifestRoute[] {
  return entries.flatMap((e) => {
    const path = [parent, e.path ?? ""].filter(Boolean).join("/");
    return [{ file: e.file, path }, ...flatten(e.children ?? [], path)];
  });
}
const manifest = flatten(routes);

// ------------------------------------------------------------------ running a cell

let s: TestServer;
async function signInAs(client: HttpClient, who: Who) {
  if (who === "young") await client.signInPortal();
  else if (principals[who]) await client.signIn(principals[who]!);
}
let clients: Record<Who, HttpClient>;
let m: MatrixRecords;
let cells = 0;

beforeAll(async () => {
  s = await startTestServer({ SMTP_URL: "" });
  const entries = await Promise.all(
    everyone.map(async (who) => {
      const client = s.client();
      await signInAs(client, who);
      return [who, client] as const;
    }),
  );
  clients = Object.fromEntries(entries) as Record<Who, HttpClient>;
  m = await setUpMatrixRecords(s, clients);
  await loadUserIds();
});
afterAll(async () => {
  await s?.close();
});

const auditCount = async () => (await s.db.select({ n: count() }).from(auditEvents))[0].n;
const auditIds = async () => new Set((await s.db.select({ id: auditEvents.id }).from(auditEvents)).map((e) => e.id));

const userIds = new Map<Who, string>();
async function loadUserIds() {
  for (const who of everyone) {
    const email = principals[who];
    if (email && who !== "young") userIds.set(who, (await s.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0].id);
  }
}
const whoIs = (userId: string | null) => [...userIds].find(([, id]) => id === userId)?.[0] ?? userId ?? "nobody";

function fill(path: string, params: Record<string, string>) {
  const parts = path.split("/").map((part) => {
    if (part === "*") return params["*"];
    if (!part.startsWith(":")) return part;
    const name = part.slice(1).replace(/\?$/, "");
    if (params[name] === undefined) throw new Error(`no value for :${name} in ${path}`);
    return params[name];
  });
  return `/${parts.join("/")}`.replace(/(.)\/$/, "$1");
}

const partnershipParams = (r: PartnershipRecords) => ({
  slug: r.slug,
  seatId: r.seatId,
  meetingId: r.meetingId,
  paperId: r.paperId,
  decisionId: r.decisionId,
  actionId: r.actionId,
  obligationId: r.obligationId,
  submissionId: r.submissionId,
  declarationId: r.declarationId,
  partnerId: r.partnerId,
  riskId: r.riskId,
  youngPersonId: r.youngPersonId,
  challengeId: r.challengeId,
  runId: r.runId,
  number: r.number,
});

const describeResponse = (res: Response) => `${res.status}${res.headers.get("location") ? ` to ${res.headers.get("location")}` : ""}`;

const describeRefusal = (who: Who, entry: Entry) =>
  who === "signedOut" ? "302 to sign in" : who === "young" ? "403 or 302 to sign in" : entry.adultRefusal ? `${entry.adultRefusal.status} to ${entry.adultRefusal.location}` : "403";

/**
 * How a response reads for this principal: "allowed", "denied" (the refusal the
 * policy gives them), or what else happened.
 */
function outcome(res: Response, who: Who, path: string, entry: Entry) {
  const location = res.headers.get("location");
  if (res.status >= 500) return `server error ${res.status}`;
  const toSignIn = res.status === 302 && location?.startsWith("/sign-in?");
  if (who === "signedOut") {
    if (toSignIn && location === `/sign-in?redirectTo=${encodeURIComponent(path)}`) return "denied";
    if (entry.adultRefusal && res.status === entry.adultRefusal.status && location === entry.adultRefusal.location) return "denied";
    if (toSignIn) return `sent to sign in, but to come back to ${location}`;
    return res.status === 403 ? "403 (not sent to sign in)" : "allowed";
  }
  if (who === "young") {
    // A young person has no adult session: adults' pages send them to sign in as an adult.
    if (res.status === 403 || toSignIn) return "denied";
  } else if (entry.adultRefusal) {
    if (res.status === entry.adultRefusal.status && location === entry.adultRefusal.location) return "denied";
  } else if (res.status === 403) return "denied";
  if (res.status === 403) return `403 (expected ${describeRefusal(who, entry)})`;
  if (toSignIn) return "sent to sign in while signed in";
  return "allowed";
}

type Cell = { who: Who; method: "GET" | "POST"; scope: string; path: string; label?: string; form?: Form; allowed: boolean; fresh?: boolean; writes?: boolean };
const cellName = (cell: Cell) => `${cell.who} ${cell.method}${cell.label ? ` ${cell.label}` : ""} ${cell.scope} ${cell.path}`.replace(/ {2,}/g, " ");

async function check(entry: Entry, cell: Cell) {
  cells += 1;
  const client = cell.fresh ? s.client() : clients[cell.who];
  if (cell.fresh) await signInAs(client, cell.who);
  const res = cell.method === "GET" ? await client.get(cell.path) : await client.post(cell.path, cell.form ?? {});
  await res.arrayBuffer();
  const got = outcome(res, cell.who, cell.path, entry);
  const what = cellName(cell);
  expect.soft(got, `${what} → ${describeResponse(res)}, expected ${cell.allowed ? "allowed" : describeRefusal(cell.who, entry)}`).toBe(cell.allowed ? "allowed" : "denied");
  // An allowed page should open: a 400 or 404 here means the record chosen for it is wrong.
  if (cell.allowed && cell.method === "GET" && got === "allowed" && res.status >= 400 && !entry.getStatuses?.includes(res.status))
    expect.soft(res.status, `${what} → ${res.status}: allowed, but the page did not open`).toBeLessThan(400);
}

function postForm(post: Post, c: BodyContext): Form {
  return { ...(post.intent !== undefined ? { [post.field ?? "intent"]: post.intent } : {}), ...(post.body?.(c) ?? {}) };
}
const postLabel = (post: Post) => (post.intent !== undefined ? `${post.field ?? "intent"}=${post.intent}` : post.label);

/** Every cell of one route: each principal, own and other partnership, GET and each POST, then the extra rows. */
function cellsOf(route: ManifestRoute, entry: Entry): Cell[] {
  const inPartnership = route.path.startsWith("p/:slug");
  const out: Cell[] = [];
  for (const who of everyone) {
    const me = userIds.get(who) ?? "";
    const scopes = inPartnership ? (["own", "other"] as const).map((scope) => ({ scope, r: m.records[partnershipsOf(who)[scope]] })) : [{ scope: "", r: m.records.nelcp }];
    for (const { scope, r } of scopes) {
      // In another partnership only the platform administrator gets in.
      const may = (list: readonly Who[]) => list.includes(who) && (scope !== "other" || who === "admin");
      const base = fill(route.path, inPartnership ? partnershipParams(r) : (entry.params?.(m) ?? {})) + (entry.query?.(r) ?? "");
      const c: BodyContext = { r, x: m.extras, me };
      out.push({ who, method: "GET", scope, path: base, allowed: may(entry.get) });
      for (const v of entry.getVariants ?? []) out.push({ who, method: "GET", scope, path: base + v.query, allowed: may(v.allowed) });
      for (const post of entry.post ?? [])
        out.push({ who, method: "POST", scope, path: base, label: postLabel(post), form: postForm(post, c), allowed: may(post.allowed), fresh: post.freshClient, writes: post.writes });
    }
  }
  for (const extra of entry.extras ?? []) {
    const r = m.records.nelcp;
    const path = fill(route.path, { ...partnershipParams(r), ...(extra.params?.(m.extras) ?? {}) }) + (extra.query?.(r, m.extras) ?? entry.query?.(r) ?? "");
    const post = (entry.post ?? []).find((p) => p.intent === extra.intent) ?? entry.post?.[0];
    const c: BodyContext = { r, x: m.extras, me: userIds.get(extra.who) ?? "" };
    const form = extra.method === "POST" ? { ...(post ? postForm(post, c) : {}), ...(extra.body?.(c) ?? {}) } : undefined;
    const label = extra.method === "POST" && post ? postLabel(post) : undefined;
    out.push({ who: extra.who, method: extra.method, scope: `own (${extra.why})`, path, label, form, allowed: extra.allowed });
  }
  return out;
}

async function runRoute(route: ManifestRoute, entry: Entry) {
  const all = cellsOf(route, entry);
  // Principals run side by side, each one's requests in order; the rows that take no fields
  // (and so may really write) run afterwards one at a time, so each write is pinned on one row.
  const quiet = all.filter((c) => !c.writes);
  const before = await auditIds();
  await Promise.all(
    everyone.map(async (who) => {
      for (const cell of quiet.filter((c) => c.who === who)) await check(entry, cell);
    }),
  );
  const written = (await s.db.select({ id: auditEvents.id, action: auditEvents.action, actor: auditEvents.actorUserId }).from(auditEvents)).filter((e) => !before.has(e.id));
  // Refused POSTs must change nothing, and allowed ones are sent bodies that cannot pass validation.
  expect.soft(written.map((e) => `${e.action} by ${whoIs(e.actor)}`), `POSTs to /${route.path} wrote to the audit trail`).toEqual([]);
  for (const cell of all.filter((c) => c.writes)) {
    const n = await auditCount();
    await check(entry, cell);
    if (!cell.allowed) expect.soft((await auditCount()) - n, `${cellName(cell)}: refused, yet the audit trail grew`).toBe(0);
  }
}

// ------------------------------------------------------------------ the tests

describe("the permission matrix", () => {
  it("has one expectation for every route in app/routes.ts, and none for routes it no longer has", () => {
    const files = manifest.map((r) => r.file);
    const duplicated = files.filter((f, i) => files.indexOf(f) !== i);
    const missing = files.filter((f) => !(f in expectations));
    const stale = Object.keys(expectations).filter((f) => !files.includes(f));
    expect.soft(duplicated, `route modules serving more than one path (give each its own entry): ${duplicated.join(", ")}`).toEqual([]);
    expect.soft(missing, `routes with no entry in the permission matrix: ${missing.join(", ")}`).toEqual([]);
    expect.soft(stale, `permission matrix entries for routes no longer in app/routes.ts: ${stale.join(", ")}`).toEqual([]);
  });

  const ordered = [...manifest.filter((r) => !expectations[r.file]?.last), ...manifest.filter((r) => expectations[r.file]?.last)];
  for (const route of ordered) {
    const entry = expectations[route.file];
    it.skipIf(!entry)(`/${route.path} (${route.file})`, async () => {
      await runRoute(route, entry);
    });
  }

  afterAll(() => {
    console.info(`permission matrix: ${cells} route × principal × method cells checked`);
  });
});
