import { describe, expect, it } from "vitest";
import { auditActionNames, auditCatalogue, describeAuditEvent, type AuditActionName } from "../../../app/audit/catalogue";
import type { AuditActionDefinition } from "../../../app/audit/define";
import { defaultRiskSettings } from "../../../app/areas/risks/rules/scoring";

// Every catalogued action, with a payload shaped as the code writes it: each
// must pass its own schemas and read as a sentence a councillor understands.

const U = (n: number) => `0192f0a0-0000-7000-8000-${String(n).padStart(12, "0")}`;
const seat = { userId: U(1), organisationId: U(2), boardRole: "member", jobTitle: "Director of Children's Services", seniority: "director", hasVote: true, delegatedAuthorityGbp: 250000, termStart: "2026-04-01", termEnd: "2028-03-31", deputyForSeatId: null, succeedsSeatId: null };
const decision = {
  id: U(10), partnershipId: U(11), reference: "NELCP-2026-014", route: "meeting", meetingId: U(12), agendaItemId: U(13),
  title: "Extend the block contract for lot 2", text: "The block contract for lot 2 is extended for 12 months.", rationale: "Placements are stable.", optionsConsidered: null,
  method: "consensus", status: "agreed", decidedOn: "2026-05-14", termsVersion: 2, delegatedAuthority: null, financialImplicationGbp: 1250000, financialNote: null,
  termsSections: ["decisionMaking"], reviewDate: null, approvesTermsId: null, approvesMinutesOfMeetingId: null, proposedBy: U(1), proposedByOrganisationId: null, recordedBy: U(1),
  quorate: true, votes: [{ seatId: U(20), vote: "for", deputySeatId: null }], ratifyingOrganisationIds: [U(2), U(3)],
};
const terms = {
  sections: { purpose: "To commission residential care together." },
  rules: {
    quorum: { minVotingMembers: 5, minPartners: 4, leadPartnerRequired: true, requiredRolesAnyOf: ["chair", "vice_chair"], deputiesCount: true, onlySeniorEnoughCount: false },
    seniority: [],
    decisions: { method: "consensus", votingBasis: "per_member", ratifyingPartnerTypes: ["local_authority"], ratifyingBody: "Cabinet" },
  },
  reviewDate: "2027-03-31",
  changeSummary: "Quorum raised to five",
};

type Example = { before?: unknown; after?: unknown; reason?: string | null; subject?: string; says: RegExp };
const examples: Record<AuditActionName, Example> = {
  "user.create": { after: { kind: "young_person" }, says: /^A young person's account created by Priya Raman$/ },
  "user.invite": { subject: "Daniel Okafor", says: /Priya Raman invited Daniel Okafor/ },
  "user.accept_invitation": { says: /Priya Raman accepted an invitation/ },
  "user.request_password_reset": { subject: "chair@nelcp.example", says: /reset link was requested for chair@nelcp.example/ },
  "user.reset_password": { says: /Priya Raman set a new password/ },
  "user.sign_in": { says: /^Priya Raman signed in$/ },
  "user.sign_out": { says: /^Priya Raman signed out$/ },
  "user.email_preferences": { before: { emailDigest: false }, after: { emailDigest: true }, says: /in a daily digest/ },
  "calendar_feed.reset": { before: { active: true }, after: { active: true }, says: /^Priya Raman replaced their calendar feed address; the old address stopped working$/ },
  "calendar_feed.revoke": { before: { active: true }, after: { active: false }, says: /^Priya Raman turned off their calendar feed address$/ },
  "partnership_role.grant": { after: { userId: U(1), role: "partner_rep", organisationId: U(2) }, subject: "Daniel Okafor", says: /gave Daniel Okafor the role of partner representative/ },
  "organisation.create": { after: { name: "Silver Lined Horizons", type: "private_provider" }, says: /^Silver Lined Horizons added to the platform's organisations by Priya Raman$/ },
  "partnership.create": {
    after: { id: U(11), slug: "nelcp", name: "North-East London Commissioning Partnership", shortName: "NELCP", purpose: "Residential care", type: "commissioning_partnership", status: "forming", startDate: "2024-04-01", leadOrganisationId: U(2) },
    says: /North-East London Commissioning Partnership \(NELCP\) created by Priya Raman, starting 1 April 2024/,
  },
  "partnership.update": { before: { termYears: 5 }, after: { termYears: 7 }, reason: "Extension agreed", subject: "NELCP", says: /NELCP's details changed by Priya Raman \(term years 5 → 7\): “Extension agreed”/ },
  "key_date.create": { after: { kind: "break_clause", onDate: "2027-03-31", description: "First break" }, says: /Break clause on 31 March 2027 added by Priya Raman: First break/ },
  "key_date.remove": { before: { kind: "review", onDate: "2027-03-31", description: "Annual review" }, says: /Review date on 31 March 2027 removed by Priya Raman/ },
  "partner.join": { after: { id: U(5), partnershipId: U(11), organisationId: U(2), role: "member_authority", joinedOn: "2024-04-01" }, subject: "London Borough of Newham", says: /London Borough of Newham joined as member authority on 1 April 2024/ },
  "partner.update": { before: { role: "member_authority" }, after: { role: "delivery_partner" }, subject: "Hackney", says: /Hackney's membership changed by Priya Raman \(role member_authority → delivery_partner\)/ },
  "partner.leave": { before: { leftOn: null }, after: { leftOn: "2027-03-31", exitNoticeDate: "2026-09-30", exitReason: "Funding ended", exitHandover: null }, reason: "Funding ended", subject: "Hackney", says: /Hackney leaves on 31 March 2027 \(notice given 30 September 2026\)/ },
  "board_seat.create": { after: seat, subject: "Daniel Okafor", says: /Daniel Okafor given a seat as member from 1 April 2026 to 31 March 2028 by Priya Raman/ },
  "board_seat.update": { before: { seniority: "head_of_service" }, after: { seniority: "director" }, reason: "Promoted", says: /seniority head_of_service → director/ },
  "board_seat.end": { before: { termEnd: "2028-03-31" }, after: { termEnd: "2026-11-30", handoverNote: "recorded" }, reason: "Left the council", subject: "Daniel Okafor's seat", says: /Daniel Okafor's seat ends on 30 November 2026, recorded by Priya Raman, with a handover note: “Left the council”/ },
  "declaration.create": { after: { userId: U(1), interestType: "financial", description: "Shares in a provider", relatedOrganisation: "Acme Care", declaredOn: "2026-06-01" }, subject: "Daniel Okafor", says: /Financial interest declared for Daniel Okafor on 1 June 2026 \(Acme Care\)/ },
  "declaration.end": { before: { endedOn: null }, after: { endedOn: "2026-10-01" }, reason: "Shares sold", says: /ended on 1 October 2026, recorded by Priya Raman: “Shares sold”/ },
  "terms_of_reference.create": { after: { versionNumber: 1, status: "approved", effectiveFrom: "2024-04-01" }, says: /Version 1 of the terms of reference loaded \(approved, in force from 1 April 2024\) by Priya Raman/ },
  "terms_of_reference.draft": { after: { versionNumber: 3, basedOn: 2 }, says: /Version 3 of the terms of reference drafted by Priya Raman, from version 2/ },
  "terms_of_reference.update": { before: { reviewDate: "2027-01-31" }, after: { reviewDate: terms.reviewDate, rules: terms.rules }, says: /edited by Priya Raman \(rules, review date changed\)/ },
  "terms_of_reference.approve": { before: { status: "draft" }, after: { status: "approved", versionNumber: 3, effectiveFrom: "2026-12-01", decision: "NELCP-2026-020" }, says: /Version 3 of the terms of reference approved by decision NELCP-2026-020, in force from 1 December 2026/ },
  "terms_of_reference.supersede": { before: { status: "approved" }, after: { status: "superseded", supersededBy: 3 }, subject: "Version 2 of the terms of reference", says: /^Version 2 of the terms of reference superseded by version 3$/ },
  "terms_of_reference.discard": { before: { versionNumber: 3, status: "draft" }, says: /The draft of version 3 of the terms of reference discarded by Priya Raman/ },
  "meeting.create": { after: { type: "board", title: "Board meeting", startsAt: "2026-12-10T14:00:00.000Z", endsAt: "2026-12-10T16:00:00.000Z", location: "Romford Town Hall", onlineLink: null }, says: /Board meeting “Board meeting” scheduled for 10 December 2026 at 14:00 by Priya Raman/ },
  "meeting.update": { before: { location: "Romford Town Hall" }, after: { location: "Barking Town Hall" }, reason: "Room double-booked", subject: "The December board", says: /The December board changed by Priya Raman \(location Romford Town Hall → Barking Town Hall\): “Room double-booked”/ },
  "meeting.cancel": { reason: "Not quorate", subject: "The December board", says: /^The December board cancelled by Priya Raman: “Not quorate”$/ },
  "meeting.send_invitations": { after: { recipients: 12, sequence: 0 }, subject: "NELCP board", says: /^Priya Raman sent the invitations to NELCP board: 12 people invited$/ },
  "meeting.publish_agenda": { after: { items: 4, papers: 1, recipients: 12 }, subject: "NELCP board", says: /^Priya Raman published the agenda and papers of NELCP board \(4 items, 1 paper\) to 12 people$/ },
  "agenda_item.create": { after: { meetingId: U(12), position: 3, title: "Sufficiency report", presenter: null, purpose: "information", description: null }, subject: "the December board's agenda", says: /Item 3 “Sufficiency report” added to the December board's agenda/ },
  "agenda_item.update": { before: { title: "Sufficiency" }, after: { title: "Sufficiency report" }, subject: "Sufficiency", says: /Agenda item “Sufficiency” changed by Priya Raman \(title Sufficiency → Sufficiency report\)/ },
  "agenda_item.move": { before: { position: 3 }, after: { position: 2 }, says: /moved from place 3 to 2 by Priya Raman/ },
  "agenda_item.remove": { before: { title: "Any other business", position: 5 }, says: /Agenda item 5 “Any other business” removed by Priya Raman/ },
  "agenda_item.notes": { before: { notes: null }, after: { notes: "Discussed" }, subject: "Sufficiency report", says: /Notes on “Sufficiency report” written by Priya Raman/ },
  "paper.upload": { after: { meetingId: U(12), agendaItemId: null, filename: "report.pdf", size: 204800, sha256: "a".repeat(64) }, says: /Paper “report.pdf” \(200 KB, SHA-256 aaaaaaaaaaaa…\) added by Priya Raman/ },
  "paper.remove": { before: { filename: "report.pdf" }, says: /Paper “report.pdf” removed by Priya Raman/ },
  "attendance.record": { before: { [U(20)]: null }, after: { [U(20)]: "present", [U(21)]: `deputy:${U(22)}` }, subject: "the December board", says: /Attendance at the December board recorded by Priya Raman for 2 seats/ },
  "item_declaration.create": { after: { id: U(30), agendaItemId: U(13), seatId: U(20), interest: "Trustee of a bidder", recused: true }, subject: "Lot 2 award", says: /on “Lot 2 award”, recorded by Priya Raman; the member left the discussion and vote: Trustee of a bidder/ },
  "minutes.update": { before: { summary: null }, after: { summary: "The board met." }, subject: "the December board", says: /The draft minutes of the December board edited by Priya Raman/ },
  "minutes.circulate": { before: { status: "draft" }, after: { status: "circulated" }, subject: "the December board", says: /circulated to the board by Priya Raman/ },
  "minutes.approve": { before: { status: "circulated" }, after: { status: "approved", decision: "NELCP-2027-001" }, subject: "the December board", says: /approved by decision NELCP-2027-001 and locked/ },
  "minutes.amend": { after: { amendmentId: U(31), agendaItemId: null, text: "Correct the date" }, reason: "Typo", subject: "the December board", says: /An amendment to the approved minutes of the December board recorded by Priya Raman: “Typo”/ },
  "decision.propose": { after: { ...decision, status: "proposed", decidedOn: null, quorate: null, votes: [], recordedBy: null }, says: /^Decision NELCP-2026-014 “Extend the block contract for lot 2” proposed by Priya Raman$/ },
  "decision.record": { before: null, after: decision, reason: "Everyone present agreed", says: /^Decision NELCP-2026-014 “Extend the block contract for lot 2” recorded as agreed by Priya Raman, £1,250,000: “Everyone present agreed”$/ },
  "decision.update": { before: { title: "Extend lot 2", text: "Extend", rationale: null, optionsConsidered: null }, after: { title: "Extend the block contract for lot 2", text: "Extend", rationale: null, optionsConsidered: null }, subject: "NELCP-2026-014", says: /Decision NELCP-2026-014 reworded by Priya Raman: “Extend lot 2” → “Extend the block contract for lot 2”/ },
  "decision.status": { before: { status: "agreed" }, after: { status: "rescinded", supersededById: null }, reason: "The provider withdrew", subject: "NELCP-2026-014", says: /^Decision NELCP-2026-014 agreed → rescinded by Priya Raman: “The provider withdrew”$/ },
  "decision.ratification": { before: { organisationId: U(2), status: "awaiting", decidedOn: null }, after: { organisationId: U(2), status: "ratified", body: "Newham Cabinet", decidedOn: "2026-06-10", note: null }, subject: "NELCP-2026-014", says: /Decision NELCP-2026-014: Newham Cabinet ratified on 10 June 2026, recorded by Priya Raman/ },
  "action.create": { after: { id: U(40), partnershipId: U(11), title: "Send the sufficiency data", description: null, ownerUserId: U(1), organisationId: null, dueDate: "2026-12-31", status: "open", meetingId: null, agendaItemId: null, decisionId: null, createdBy: U(1) }, says: /Action “Send the sufficiency data”, due 31 December 2026, created by Priya Raman/ },
  "action.update": { before: { status: "open", dueDate: "2026-12-31" }, after: { status: "done", dueDate: "2026-12-31", note: "Sent" }, subject: "Send the sufficiency data", says: /Action “Send the sufficiency data” updated by Priya Raman: open → done: “Sent”/ },
  "obligation.create": {
    after: { id: U(50), partnershipId: U(11), type: "quarterly_performance_return", title: "Quarterly performance return", instructions: null, owedByOrganisationId: null, owedByOrganisationType: "local_authority", cadence: "quarterly", dueRule: { kind: "working_days_after_period_end", days: 20 }, startsOn: "2026-04-01", endsOn: null, createdBy: U(1) },
    says: /Quarterly performance return “Quarterly performance return” set up by Priya Raman, quarterly from 1 April 2026/,
  },
  "obligation.responsible": { after: { organisationId: U(2), userId: U(3) }, subject: "Quarterly performance return", says: /named as responsible for “Quarterly performance return” by Priya Raman/ },
  "submission.create": {
    after: { id: U(60), obligationId: U(50), organisationId: U(2), periodKey: "2026-Q3", dueDate: "2026-10-28", submittedAt: "2026-10-30T10:00:00.000Z", submittedOn: "2026-10-30", submittedBy: U(1), comment: null, figures: { placements: 4, spend: 1_250_000, on_track: true }, fieldSetId: U(61), filename: null, contentType: null, size: null, status: "submitted" },
    says: /A return for 2026-Q3 \(due 28 October 2026\) submitted by Priya Raman on 30 October 2026, late/,
  },
  "obligation.fields": {
    before: null,
    after: { id: U(61), number: 1, appliesFrom: "2026-06-30", fields: [{ key: "families", label: "Families supported", kind: "number", required: true, unit: "families", help: null, options: [] }] },
    subject: "Quarterly performance report",
    says: /Version 1 of the fields “Quarterly performance report” asks for set by Priya Raman, from the period ending 30 June 2026: Families supported/,
  },
  "submission.save_draft": { after: { organisationId: U(2), periodKey: "2026-09-30", fieldSetId: U(61), figures: { families: 41 }, comment: null }, subject: "Quarterly performance report", says: /A draft return for the period ending 30 September 2026 saved by Priya Raman for “Quarterly performance report”/ },
  "submission.accept": { before: { status: "submitted" }, after: { status: "accepted" }, says: /A return accepted by Priya Raman/ },
  "submission.return": { before: { status: "submitted" }, after: { status: "returned" }, reason: "Figures missing", says: /sent back for changes by Priya Raman: “Figures missing”/ },
  "reminder_schedule.update": {
    before: { stages: [{ key: "due_in_14_days", offset: -14, unit: "days", escalate: false }] },
    after: { stages: [{ key: "due_in_7_days", offset: -7, unit: "days", escalate: false }, { key: "late", offset: 3, unit: "working_days", escalate: true }] },
    says: /changed by Priya Raman: 7 days before, 3 working days after \(escalated\)/,
  },
  "risk.create": {
    after: {
      id: U(70), partnershipId: U(11), number: 12, reference: "NELCP-R-012", status: "open", createdBy: U(1),
      title: "A block provider leaves the market", cause: "Rising costs", event: "A provider gives notice", effect: "Children move placement",
      category: "service_delivery", ownerUserId: U(1), ownerOrganisationId: U(2), scope: "shared", raisedOn: "2026-11-01", reviewFrequency: "quarterly", nextReviewOn: "2027-02-01",
      inherentLikelihood: 4, inherentImpact: 5, currentLikelihood: 3, currentImpact: 4, targetLikelihood: 2, targetImpact: 3, targetDate: "2027-09-30",
    },
    says: /^Risk NELCP-R-012 “A block provider leaves the market” added to the register by Priya Raman, current score 12 \(target 6\), reviewed quarterly$/,
  },
  "risk.update": {
    before: { title: "Provider exit", currentLikelihood: 3, currentImpact: 4 },
    after: { reference: "NELCP-R-012", title: "A block provider leaves the market", currentLikelihood: 4, currentImpact: 4 },
    reason: "Corrected after the contract meeting",
    says: /^Risk NELCP-R-012 changed by Priya Raman: current score 12 → 16; title “Provider exit” → “A block provider leaves the market”: “Corrected after the contract meeting”$/,
  },
  "risk.review": {
    before: { likelihood: 3, impact: 4, targetLikelihood: 2, targetImpact: 3, nextReviewOn: "2026-12-01" },
    after: { reference: "NELCP-R-012", reviewId: U(71), reviewedOn: "2026-11-22", likelihood: 4, impact: 4, targetLikelihood: 2, targetImpact: 3, nextReviewOn: "2027-02-22", commentary: "the provider gave notice" },
    says: /^Risk NELCP-R-012's current score 12 → 16 by Priya Raman: “the provider gave notice”$/,
  },
  "risk.status": {
    before: { status: "open" },
    after: { reference: "NELCP-R-012", status: "transferred", transferredToOrganisationId: U(2), transferredToRegister: "the council's corporate risk register" },
    reason: "Only Havering carries it now",
    says: /^Risk NELCP-R-012 open → transferred to a partner's register by Priya Raman \(to the council's corporate risk register\): “Only Havering carries it now”$/,
  },
  "risk.escalate": {
    before: { status: "open" },
    after: {
      reference: "NELCP-R-012", escalationId: U(74), reasons: ["Its current score of 16 is at or above the partnership's escalation threshold of 15."],
      meetingId: U(12), meetingDate: "2026-12-10", agendaItemId: U(13),
    },
    says: /^Risk NELCP-R-012 escalated to the board by Priya Raman, on the agenda of the board meeting of 10 December 2026: Its current score of 16 is at or above the partnership's escalation threshold of 15\.$/,
  },
  "risk.escalation_placed": {
    after: { reference: "NELCP-R-012", escalationId: U(74), meetingId: U(12), meetingDate: "2027-01-14", agendaItemId: U(13) },
    says: /^Risk NELCP-R-012, escalated, put on the agenda of the board meeting of 14 January 2027$/,
  },
  "risk.escalation_deferred": {
    before: { meetingId: U(12), meetingDate: "2026-12-10" },
    after: { reference: "NELCP-R-012", escalationId: U(74), meetingId: U(14), meetingDate: "2027-01-14", agendaItemId: U(15) },
    reason: "The provider's answer is due on 5 January",
    says: /^Risk NELCP-R-012 put back from the board meeting of 10 December 2026 to 14 January 2027 by Priya Raman: “The provider's answer is due on 5 January”$/,
  },
  "risk.escalation_decided": {
    after: { reference: "NELCP-R-012", escalationId: U(74), decisionId: U(10), decisionReference: "NELCP-2026-014", decidedOn: "2026-12-10" },
    says: /^The board decided on escalated risk NELCP-R-012 on 10 December 2026: decision NELCP-2026-014, recorded by Priya Raman$/,
  },
  "risk_settings.update": {
    before: defaultRiskSettings,
    after: { ...defaultRiskSettings, bands: { amberFrom: 8, redFrom: 16 }, escalationThreshold: 20, impact: { ...defaultRiskSettings.impact, "4": { name: "Serious", description: "Loss over £500k" } } },
    says: /^The risk register's scoring settings changed by Priya Raman: red from 15 → 16; escalation threshold 15 → 20; impact level 4 now “Serious”$/,
  },
  "risk.mitigation": {
    after: { reference: "NELCP-R-012", actionId: U(72), title: "Agree a retention payment", dueDate: "2027-01-31", ownerUserId: U(1), organisationId: null },
    says: /^Mitigating action “Agree a retention payment”, due 31 January 2027, added to risk NELCP-R-012 by Priya Raman$/,
  },
  "risk.link_decision": { after: { reference: "NELCP-R-012", decisionId: U(10), decisionReference: "NELCP-2026-014" }, says: /^Risk NELCP-R-012 linked to decision NELCP-2026-014 by Priya Raman$/ },
  "risk_control.create": {
    after: { id: U(73), riskId: U(70), reference: "NELCP-R-012", description: "Monthly contract meetings", ownerUserId: null, effectiveness: "partly_effective" },
    says: /^Control “Monthly contract meetings” added to risk NELCP-R-012 by Priya Raman, rated partly effective$/,
  },
  "risk_control.update": {
    before: { effectiveness: "partly_effective" },
    after: { reference: "NELCP-R-012", effectiveness: "effective" },
    says: /^A control on risk NELCP-R-012 changed by Priya Raman: partly effective → effective$/,
  },
  "risk_appetite.approve": {
    before: { levels: { safeguarding: "minimal" } },
    after: { levels: { financial: "cautious", safeguarding: "averse" }, decisionId: U(10), decisionReference: "NELCP-2026-020", approvedOn: "2026-11-20" },
    says: /^The partnership's risk appetite approved by decision NELCP-2026-020 on 20 November 2026, recorded by Priya Raman: financial cautious; safeguarding minimal → averse$/,
  },
  "delivery.requeue": { after: { kind: "obligation", partnershipId: U(11) }, says: /A obligation email that had failed was queued to be sent again by Priya Raman/ },
  // Young people are referenced, never described: no name, no words of theirs.
  "young_person.place_added": { after: { ageBand: "13-15" }, says: /^Priya Raman added a place for a young person aged 13 to 15$/ },
  "young_person.closing_date_set": { before: { closesOn: null }, after: { closesOn: "2027-03-01" }, says: /^Priya Raman recorded that a young person's account closes at the upper age on 1 March 2027$/ },
  "young_person.closed": { after: { closesOn: "2027-03-01", contributions: 1 }, says: /^A young person's account closed on 1 March 2027, when they reached the partnership's upper age; their portal name, passphrase, consents and what they wrote were deleted \(1 contribution\)$/ },
  "call_in.start": { after: { decisionId: U(40), grounds: "The providers were not consulted", status: "gathering", signatures: 1, calledInOn: null }, subject: "LCIP-2026-004", says: /^Priya Raman started a call-in of decision LCIP-2026-004, on the grounds “The providers were not consulted”, with 1 signature so far$/ },
  "call_in.sign": { after: { status: "called_in", signatures: 2, calledInOn: "2026-06-08" }, subject: "LCIP-2026-004", says: /^Priya Raman signed the call-in of decision LCIP-2026-004 \(2 signatures\): it is called in and suspended from 8 June 2026$/ },
  "call_in.consider": { before: { status: "called_in" }, after: { status: "referred_back", consideredOn: "2026-06-17", recommendations: "Consult the providers first" }, subject: "LCIP-2026-004", says: /^The call-in of decision LCIP-2026-004 considered on 17 June 2026, recorded by Priya Raman: referred back to the board with the recommendations “Consult the providers first”$/ },
  "call_in.reconsider": { before: { status: "referred_back" }, after: { status: "changed", reconsideredOn: "2026-07-01", newDecisionId: U(41) }, subject: "LCIP-2026-004", says: /^The board reconsidered decision LCIP-2026-004 on 1 July 2026, recorded by Priya Raman: changed by a new decision$/ },
  "scrutiny_pack.request": { after: { from: "2025-12-01", to: "2026-11-30" }, says: /^Priya Raman asked for the scrutiny pack from 1 December 2025 to 30 November 2026 to be prepared as a PDF$/ },
  "challenge.raise": { after: { number: 3, kind: "challenge", subjectType: "obligation", subjectId: U(42), title: "Late returns", question: "Why were two returns late?", dueOn: "2026-12-18" }, subject: "Challenge 3", says: /^Priya Raman raised a challenge to the chair, “Late returns” \(Challenge 3\), on a return, to be answered by 18 December 2026$/ },
  "challenge.answer": { before: { status: "awaiting_answer", dueOn: "2026-12-18" }, after: { status: "answered", answer: "Staff changes", answeredOn: "2026-12-21", late: true }, subject: "Challenge 3", says: /^Priya Raman answered Challenge 3 on 21 December 2026, after it was due on 18 December 2026: “Staff changes”$/ },
  "challenge.follow_up": { before: { status: "answered", dueOn: "2026-12-18" }, after: { status: "awaiting_answer", question: "Which staff?", dueOn: "2027-01-15" }, subject: "Challenge 3", says: /^Priya Raman followed up Challenge 3, “Which staff\?”, to be answered by 15 January 2027$/ },
  "challenge.close": { before: { status: "answered" }, after: { status: "closed", closedOn: "2027-01-20", closingNote: "Satisfied" }, subject: "Challenge 3", says: /^Priya Raman closed Challenge 3 on 20 January 2027: “Satisfied”$/ },
  "young_person.sent_idea": { after: { kind: "feedback" }, says: /^A young person sent feedback, for moderation$/ },
  "young_person.code_issued": { after: { expiresAt: "2026-12-19T10:00:00.000Z" }, says: /^Priya Raman issued a young person a single-use portal code$/ },
  "young_person.joined": { says: /^A young person used their code and joined the portal$/ },
  "young_person.access_reset": { says: /^A young person used a new code and chose a new passphrase$/ },
  "young_person.consent_changed": { after: { givenBy: "carer", given: ["take_part", "quote"], withdrawn: [] }, says: /^A carer of a young person \(recorded by Priya Raman\) agreed to taking part, quoting$/ },
  "young_person.answered": { after: { consultationId: U(30), answers: 3 }, says: /^A young person sent 3 answers to a consultation, for moderation$/ },
  "consultation.create": { after: { title: "What good care looks like", questions: 3, closesOn: "2027-01-31", allowAnonymous: true }, says: /^Priya Raman opened the consultation “What good care looks like” with 3 questions, closing on 31 January 2027; answers may be anonymous$/ },
  "contribution.moderate": { after: { decision: "withheld" }, says: /^Priya Raman withheld a young person's contribution$/ },
  "contribution.respond": { after: { decisionId: U(10), actionId: U(11) }, says: /^Priya Raman told a young person what happened to their contribution, linking it to the decision and the action it informed$/ },
  "safeguarding.message_sent": { says: /^A confidential message was sent to the designated safeguarding lead$/ },
  "participation_policy.safeguarding_lead": { before: { leadUserId: null }, after: { leadUserId: U(1) }, says: /^Priya Raman named the designated safeguarding lead for young people's participation$/ },
  "young_person.erased": { after: { contributions: 2 }, says: /^A young person deleted their account and everything they wrote \(2 contributions\)$/ },
  "participation_policy.update": { before: { adultConsentUnder: 13, suppressionThreshold: 5 }, after: { adultConsentUnder: 13, suppressionThreshold: 7 }, says: /^Priya Raman changed the participation policy \(smallest count shown 5 → 7\)$/ },
  "activity.record": { after: { kind: "bid_panel", title: "Lot 2 bid assessment panel", heldOn: "2026-02-20", participants: 2, decisionId: U(10) }, says: /^Priya Raman recorded bid assessment panel “Lot 2 bid assessment panel” on 20 February 2026, linked to the decision it fed$/ },
  "young_person.consent_withdrawn": { after: { scopes: ["take_part", "photos"] }, says: /^A young person withdrew all consent \(taking part, photos\): what they wrote is hidden from adults from now on$/ },
  "funding_line.create": {
    after: { id: U(70), partnershipId: U(11), kind: "joint_bid", title: "Edge of care family support", description: null, organisationId: null, decisionId: null, capBasisPoints: null, capOfLineId: null, actualsObligationId: null, actualsFieldKey: null, funder: "The National Lottery Community Fund", amountSoughtPence: 56_000_000, submittedOn: "2025-05-12", outcome: "pending", outcomeOn: null, amountWonPence: null, createdBy: U(1) },
    says: /^Joint funding bid “Edge of care family support” to The National Lottery Community Fund for £560,000.00 recorded by Priya Raman, submitted on 12 May 2025$/,
  },
  "funding_commitment.create": {
    after: { id: U(71), lineId: U(70), organisationId: U(2), financialYear: "2026-27", amountPence: 11_800_000, decisionId: U(10), approvedBySeatId: U(20), note: null, authority: "above" },
    subject: "Specialist-needs price uplift",
    says: /^£118,000.00 committed for 2026-27 to “Specialist-needs price uplift”, recorded by Priya Raman under a decision of the partnership; above the approving member's delegated financial authority$/,
  },
  "funding_actual.record": {
    after: { id: U(72), lineId: U(70), organisationId: U(2), financialYear: "2026-27", amountPence: 4_825_037, paidOn: "2026-07-15", note: null, source: "recorded" },
    subject: "Barnardo's Cymru co-investment",
    says: /^£48,250.37 paid on 15 July 2026 \(2026-27\) on “Barnardo's Cymru co-investment”, recorded by Priya Raman$/,
  },
  "funding_bid.record_outcome": {
    before: { outcome: "pending", outcomeOn: null, amountWonPence: null },
    after: { outcome: "won", outcomeOn: "2025-09-30", amountWonPence: 52_000_000 },
    subject: "Edge of care family support",
    says: /^The joint bid “Edge of care family support”: won, £520,000.00 on 30 September 2025, recorded by Priya Raman$/,
  },
};

describe("the audit catalogue", () => {
  it("has an example for every action, and every example is a catalogued action", () => {
    expect(Object.keys(examples).sort()).toEqual([...auditActionNames].sort());
  });

  it.each(auditActionNames)("%s: its example matches its schemas and reads as a sentence", (name) => {
    const definition = auditCatalogue[name] as AuditActionDefinition;
    const ex = examples[name];
    if (definition.before) expect(definition.before.safeParse(ex.before ?? null).error).toBeUndefined();
    else expect(ex.before ?? null).toBeNull();
    if (definition.after) expect(definition.after.safeParse(ex.after ?? null).error).toBeUndefined();
    else expect(ex.after ?? null).toBeNull();
    const sentence = describeAuditEvent({ action: name, before: ex.before ?? null, after: ex.after ?? null, reason: ex.reason ?? null }, { actor: "Priya Raman", subject: ex.subject });
    expect(sentence).toMatch(ex.says);
    expect(sentence).not.toMatch(/undefined|\bnull\b|\[object|NaN| {2}/);
    expect(sentence[0]).toBe(sentence[0].toUpperCase());
    expect(definition.label.length).toBeGreaterThan(3);
  });

  it("describes the platform's own events, and stored events whose payload no longer matches, without failing", () => {
    expect(describeAuditEvent({ action: "organisation.create", before: null, after: { name: "Barnardo's", type: "voluntary_sector" }, reason: null }, { actor: null })).toBe(
      "Barnardo's added to the platform's organisations by The platform",
    );
    expect(describeAuditEvent({ action: "decision.status", before: { state: "old shape" }, after: null, reason: "kept" }, { actor: "Priya Raman" })).toBe("Decision status changed by Priya Raman: “kept”");
    expect(describeAuditEvent({ action: "retired.action", before: null, after: null, reason: null }, { actor: "Priya Raman" })).toBe("retired.action by Priya Raman");
  });

  it("keeps young people's details out: an account is described by its kind, and its schema refuses a name or an email", () => {
    const schema = auditCatalogue["user.create"].after;
    expect(schema.safeParse({ kind: "young_person", name: "River" }).success).toBe(false);
    expect(schema.safeParse({ kind: "young_person", email: "river@young.example" }).success).toBe(false);
  });
});
