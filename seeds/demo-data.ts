import { cipMeetings } from "./demo-cip-meetings";
import { nelcpMeetings, newportMeetings } from "./demo-meetings";
import { cipObligations, nelcpObligations, newportObligations } from "./demo-obligations";
import { cipRisks, nelcpRisks, newportRisks } from "./demo-risks";
import { cipFunding, nelcpFunding, newportFunding } from "./demo-funding";
import type { SeedData } from "./types";

// Demo data for local development and demonstrations.
// Organisations, governance arrangements, dates and figures follow the public
// evaluation reports in shared/domain; every person named here is invented.
// The story is written as of 2026-11-22 (STORY_TODAY in story-dates.ts):
// several seats are deliberately lapsed or close to lapsing so the register
// has something to flag. The seed moves every date so that day is the day
// the demo is loaded (move-story.ts); the dates here stay as written.

const DEMO_PASSWORD = "demo-password-2026";

export const demoData: SeedData = {
  organisations: [
    // North-East London Commissioning Partnership: eight boroughs
    { key: "havering", name: "London Borough of Havering", type: "local_authority" },
    { key: "barking-dagenham", name: "London Borough of Barking and Dagenham", type: "local_authority" },
    { key: "tower-hamlets", name: "London Borough of Tower Hamlets", type: "local_authority" },
    { key: "newham", name: "London Borough of Newham", type: "local_authority" },
    { key: "waltham-forest", name: "London Borough of Waltham Forest", type: "local_authority" },
    { key: "redbridge", name: "London Borough of Redbridge", type: "local_authority" },
    { key: "hackney", name: "London Borough of Hackney", type: "local_authority" },
    { key: "city-of-london", name: "City of London Corporation", type: "local_authority" },
    // ... and two private sector organisations
    { key: "ift", name: "Institute of Family Therapy", type: "private_provider" },
    { key: "silver-lined-horizons", name: "Silver Lined Horizons", type: "private_provider" },
    // Leicestershire Children's Innovation Partnership
    { key: "leicestershire", name: "Leicestershire County Council", type: "local_authority" },
    { key: "barnardos", name: "Barnardo's", type: "voluntary_sector" },
    // Newport strategic partnership
    { key: "newport", name: "Newport City Council", type: "local_authority" },
    { key: "barnardos-cymru", name: "Barnardo's Cymru", type: "voluntary_sector" },
  ],

  people: [
    // --- NELCP ---
    { name: "Graham Featherstone", email: "chair@nelcp.example", jobTitle: "Director of Children's Services" },
    { name: "Funmi Adeyemi", email: "vicechair@nelcp.example", jobTitle: "Director of Children's Social Care" },
    { name: "Marcus Bellamy", email: "m.bellamy@barking-dagenham.example", jobTitle: "Assistant Director, Children's Care and Support" },
    { name: "Rahima Chowdhury", email: "r.chowdhury@towerhamlets.example", jobTitle: "Assistant Director, Children's Social Care" },
    { name: "Tom Egan", email: "t.egan@towerhamlets.example", jobTitle: "Head of Service, Children Looked After" },
    { name: "Daniel Osei", email: "member@nelcp.example", jobTitle: "Assistant Director, Commissioning (Children and Young People)" },
    { name: "Grace Mensah", email: "g.mensah@newham.example", jobTitle: "Head of Service, Children Looked After" },
    { name: "Andrew Pike", email: "a.pike@walthamforest.example", jobTitle: "Assistant Director, Children's Social Care" },
    { name: "Claire Hennessy", email: "c.hennessy@walthamforest.example", jobTitle: "Head of Placements and Sufficiency" },
    { name: "Joanna Whitfield", email: "j.whitfield@hackney.example", jobTitle: "Assistant Director, Children and Families Service" },
    { name: "Oliver Grant", email: "o.grant@cityoflondon.example", jobTitle: "Assistant Director, People Services" },
    { name: "Dr Miriam Castell", email: "m.castell@ift.example", jobTitle: "Head of Training and Workforce Development" },
    { name: "Helen Marchbank", email: "h.marchbank@silverlinedhorizons.example", jobTitle: "Director" },
    { name: "Kayden Morris", email: "k.morris@silverlinedhorizons.example", jobTitle: "Young Ambassador (care-experienced)" },
    { name: "Priya Raman", email: "secretariat@nelcp.example", jobTitle: "NELCP Programme Lead" },
    { name: "Leah Donnelly", email: "participation@nelcp.example", jobTitle: "Participation Officer" },
    { name: "Shanice Lowther", email: "rep@barking-dagenham.example", jobTitle: "Commissioning Manager, Children's Placements" },
    { name: "Ruth Abernethy", email: "observer@nelcp.example", jobTitle: "Independent Evaluation Adviser" },

    // --- Leicestershire CIP ---
    { name: "Catherine Langley", email: "c.langley@leics.example", jobTitle: "Director of Children and Family Services" },
    { name: "Peter Rowntree", email: "p.rowntree@leics.example", jobTitle: "Assistant Director, Children's Social Care" },
    { name: "Amanda Liddell", email: "a.liddell@leics.example", jobTitle: "Head of Service, Placement Commissioning" },
    { name: "Cllr Hugh Pemberton", email: "h.pemberton@leics.example", jobTitle: "Lead Member for Children and Families" },
    { name: "Cllr Farah Siddiqui", email: "f.siddiqui@leics.example", jobTitle: "Deputy Lead Member for Children and Families" },
    { name: "Cllr Martin Ashdown", email: "scrutiny@leics.example", jobTitle: "Member, Children and Families Overview and Scrutiny Committee" },
    { name: "Cllr Janet Whitmore", email: "scrutiny-chair@leics.example", jobTitle: "Chair, Children and Families Overview and Scrutiny Committee" },
    { name: "Neil Hargreaves", email: "n.hargreaves@barnardos.example", jobTitle: "Director of Children's Services, Midlands" },
    { name: "Sunita Kaur", email: "s.kaur@barnardos.example", jobTitle: "Assistant Director, Children's Innovation Partnership" },

    // --- Newport ---
    { name: "Gareth Powell", email: "g.powell@newport.example", jobTitle: "Strategic Director, Social Services" },
    { name: "Siân Rees-Jenkins", email: "s.reesjenkins@newport.example", jobTitle: "Head of Children and Family Services" },
    { name: "Rhian Pugh", email: "r.pugh@newport.example", jobTitle: "Partnership Manager" },
    { name: "Eleri Vaughan", email: "e.vaughan@barnardoscymru.example", jobTitle: "Director, Wales" },
    { name: "Owain Bevan", email: "o.bevan@barnardoscymru.example", jobTitle: "Assistant Director, Newport Partnership" },
    { name: "Carys Morgan", email: "c.morgan@barnardoscymru.example", jobTitle: "Participation Lead, Newport Partnership" },

    // --- Platform ---
    { name: "Sam Whitlock", email: "admin@platform.example", jobTitle: "Platform administrator" },
  ],

  platformAdmins: ["admin@platform.example"],

  // NELCP's young people: made-up portal names and age bands only, never an
  // email, a real name or a date of birth. River is the demo account.
  portal: {
    partnershipSlug: "nelcp",
    workerEmail: "participation@nelcp.example",
    demoAccount: { displayName: "River", passphrase: "purple kettle rain", description: "NELCP young person, on the portal at /portal/sign-in" },
    cohort: [
      { displayName: "River", ageBand: "16-17", own: ["take_part", "quote", "quote_with_name"], joinedDaysAgo: 210 },
      { displayName: "Skylark", ageBand: "13-15", own: ["take_part", "quote"], adult: { givenBy: "parent", scopes: ["take_part"] }, joinedDaysAgo: 200 },
      { displayName: "Blue 7", ageBand: "16-17", own: ["take_part", "quote"], joinedDaysAgo: 198 },
      { displayName: "Nova", ageBand: "18-21", own: ["take_part", "quote", "quote_with_name", "photos"], joinedDaysAgo: 190 },
      { displayName: "Comet", ageBand: "13-15", own: ["take_part"], joinedDaysAgo: 160 },
      { displayName: "Maple", ageBand: "16-17", own: ["take_part", "quote"], joinedDaysAgo: 150 },
      // A looked-after child: the consent of the person with parental responsibility, recorded by the worker.
      { displayName: "Zed", ageBand: "10-12", own: ["take_part"], adult: { givenBy: "parental_responsibility", scopes: ["take_part", "quote"] }, joinedDaysAgo: 120 },
      { displayName: "Pixel", ageBand: "16-17", own: ["take_part", "quote"], withdrawn: true, joinedDaysAgo: 110 },
      { displayName: "Echo", ageBand: "18-21", own: ["take_part"], joinedDaysAgo: 90 },
      // A care leaver about to pass the upper age: the portal gives notice and offers their data.
      { displayName: "Orbit", ageBand: "22-25", own: ["take_part", "quote"], joinedDaysAgo: 60, closesInDays: 18 },
      // Under 13 and waiting for a carer's consent: nothing of theirs is used yet.
      { displayName: "Fern", ageBand: "10-12", own: ["take_part"], joinedDaysAgo: 20 },
      { displayName: null, ageBand: "13-15", own: [], joinedDaysAgo: 4 },
    ],
    // Ideas and feedback sent outside the consultation; one answered and linked to the action it informed.
    ideas: [
      {
        by: "Maple",
        kind: "feedback",
        text: "When my key worker left nobody told me for two weeks. Tell us before they go and let us meet the new one.",
        status: "published",
        daysAgo: 95,
        response: "The board asked the lot 2 homes to agree how key workers hand over, so you meet the new one before the old one leaves. The partnership's team is doing this now.",
        respondedAfterDays: 16,
        informedAction: "Agree keyworker continuity with the lot 2 consortium",
      },
      { by: "River", kind: "idea", text: "Let young people help choose what the quarterly returns ask. You count how far away we live but never ask if we feel settled.", status: "published", daysAgo: 25 },
      { by: "Comet", kind: "idea", text: "A welcome booklet about each home, written by the young people who live there.", status: "pending", daysAgo: 2 },
    ],
    // What the cohort took part in during the lot 2 tender and after.
    activities: [
      {
        kind: "bid_panel",
        title: "Lot 2 bid assessment panel",
        heldDaysAgo: 280,
        space: "A separate session at Silver Lined Horizons' office, with a youth worker the panel members knew, before the officers' panel.",
        voice: "Panel members wrote their own questions for bidders and scored each bid on the same sheet as officers.",
        audience: "The lot 2 evaluation panel, whose combined scores went to the board.",
        influence: "Their scores counted alongside officers'; their panel ranked the winning consortium first.",
        participants: ["River", "Nova"],
        informedDecision: "Award lot 2 to the Thames Gateway Care consortium",
      },
      {
        kind: "site_visit",
        title: "Site visits to the short-listed lot 2 homes",
        heldDaysAgo: 270,
        space: "Visits in small groups, with the option to talk to residents without staff present.",
        voice: "A checklist they designed: what they would want to see and ask on their first day.",
        audience: "The commissioning officers who reported to the board.",
        influence: "Two homes were asked to change how they welcome new residents before the contract started.",
        participants: ["River", "Nova", "Blue 7"],
      },
      {
        kind: "workshop",
        title: "Co-producing the residential care specification",
        heldDaysAgo: 120,
        space: "Three evening workshops with food, travel paid and a quiet room.",
        voice: "Post-it walls and a drawing of the ideal home, written up by the young people themselves.",
        audience: "The programme lead and two providers.",
        influence: "Six standards in the specification came from the workshops, each reported back to the group.",
        participants: ["River", "Skylark", "Blue 7", "Nova", "Comet", "Maple", "Echo"],
      },
    ],
    // The consultation on the lot 2 homes' specification: answered, moderated, some answered back.
    consultation: {
      title: "What makes a good children's home?",
      introduction:
        "The boroughs are writing down what every children's home they pay for must be like. Tell us what matters to you. A participation worker reads every answer first, and we will tell you what we did with it.",
      questions: ["What should a good children's home feel like?", "What should staff do when someone first moves in?", "How far from your family and friends is too far?"],
      openedDaysAgo: 75,
      closesInDays: 21,
      answers: [
        { by: "River", question: 0, text: "Like a normal house, not an office. Somewhere you can have mates round without filling in a form.", status: "published", daysAgo: 70, response: "The specification now says homes must feel like a family home, and that friends can visit without a form, agreed with the young person's social worker.", respondedAfterDays: 12, informedDecision: "Award lot 2 to the Thames Gateway Care consortium" },
        { by: "River", question: 2, text: "More than an hour on the bus and you stop going to your old school and seeing your friends.", status: "published", daysAgo: 70, response: "The board set a target that children are placed within 20 miles of home wherever it is safe, and reports how many are further away every quarter.", respondedAfterDays: 20 },
        { by: "Nova", question: 1, text: "Show you round before you move, tell you the rules on day one and give you a key worker who actually has time.", status: "published", daysAgo: 66, response: "Providers must now offer a visit before a move and name a key worker on the first day.", respondedAfterDays: 9, informedDecision: "Award lot 2 to the Thames Gateway Care consortium" },
        { by: "Skylark", question: 0, text: "Quiet space to do homework and staff who knock before coming in.", status: "published", daysAgo: 60, response: "Both are in the standards homes are checked against on the lot 2 site visits.", respondedAfterDays: 41, informedDecision: "Award lot 2 to the Thames Gateway Care consortium" },
        { by: "Blue 7", question: 1, text: "Don't move someone on a Friday night with a bin bag.", status: "published", daysAgo: 58 },
        { by: "Maple", question: 2, text: "Near enough to keep my job at the weekend.", status: "published", daysAgo: 40 },
        { by: "Comet", question: 0, text: "Food you actually like and being allowed to cook.", status: "published", daysAgo: 35 },
        { by: "Pixel", question: 0, text: "Staff who stay. I had six key workers in a year.", status: "published", daysAgo: 50 },
        { by: "Echo", question: 1, text: "Ask what you need instead of reading the file.", status: "changes_requested", note: "Thank you. Could you say a bit more about what you would want to be asked?", daysAgo: 12 },
        { by: "Orbit", question: 2, text: "I was sent miles away from Mrs Patel at Hainault Forest High School and I lost all my friends.", status: "pending", daysAgo: 3 },
      ],
    },
  },

  partnerships: [
    {
      slug: "nelcp",
      name: "North-East London Commissioning Partnership",
      shortName: "NELCP",
      purpose:
        "Jointly commission up to 35 good-quality residential placements for children in care aged 11 to 17 " +
        "inside the sub-region, co-produced with young people and providers, so children live closer to home " +
        "in more stable placements and boroughs stop spot-purchasing against each other.",
      type: "commissioning_partnership",
      status: "active",
      // Approximate: the chair had led the board for about 18 months by March 2019.
      startDate: "2017-09-01",
      termYears: null,
      leadOrgKey: "havering",
      leadAgreement:
        "Signed leadership agreement under which the London Borough of Havering acts as lead authority on behalf " +
        "of all eight boroughs, including entering into contracts with providers for the Partnership. Each " +
        "borough's Cabinet approved and signed the sub-regional procurement agreement.",
      reportsTo: null,
      sharedVision:
        "Children in care from our eight boroughs live in good homes near the people and places they know, " +
        "with providers we know well and who know them, and young people help decide what good care looks like.",
      referencePrefix: "NELCP",
      meetings: { recordedBy: "secretariat@nelcp.example", list: nelcpMeetings },
      risks: nelcpRisks,
      obligations: { recordedBy: "secretariat@nelcp.example", list: nelcpObligations },
      funding: nelcpFunding,
      keyDates: [
        { kind: "review", onDate: "2027-03-31", description: "Review of the block contracts and the innovation payment before the next contract year" },
        { kind: "break_clause", onDate: "2027-09-30", description: "Break point in the block contracts: a borough may withdraw its share of beds on six months' notice" },
      ],
      partners: [
        { orgKey: "havering", role: "lead_authority", joinedOn: "2017-09-01" },
        { orgKey: "barking-dagenham", role: "member_authority", joinedOn: "2017-09-01" },
        { orgKey: "tower-hamlets", role: "member_authority", joinedOn: "2017-09-01" },
        { orgKey: "newham", role: "member_authority", joinedOn: "2017-09-01" },
        { orgKey: "waltham-forest", role: "member_authority", joinedOn: "2017-09-01" },
        { orgKey: "redbridge", role: "member_authority", joinedOn: "2017-09-01" },
        { orgKey: "hackney", role: "member_authority", joinedOn: "2017-09-01" },
        { orgKey: "city-of-london", role: "member_authority", joinedOn: "2017-09-01" },
        // Delivers the systemic practice training for provider staff.
        { orgKey: "ift", role: "delivery_partner", joinedOn: "2017-09-01" },
        // Supports the involvement of children and young people as partners.
        { orgKey: "silver-lined-horizons", role: "co_production_partner", joinedOn: "2017-09-01" },
      ],
      board: [
        // The chair's previous term: the Director of Children's Services has chaired since the board began.
        { key: "chair-2019", email: "chair@nelcp.example", orgKey: "havering", boardRole: "chair", seniority: "director", hasVote: true, termStart: "2019-04-01", termEnd: "2023-03-31", delegatedAuthorityGbp: 500000 },
        { key: "chair", email: "chair@nelcp.example", orgKey: "havering", boardRole: "chair", seniority: "director", hasVote: true, termStart: "2023-04-01", termEnd: "2027-03-31", delegatedAuthorityGbp: 500000 },
        { email: "vicechair@nelcp.example", orgKey: "redbridge", boardRole: "vice_chair", seniority: "director", hasVote: true, termStart: "2023-04-01", termEnd: "2027-03-31", delegatedAuthorityGbp: 250000 },
        { key: "bd", email: "m.bellamy@barking-dagenham.example", orgKey: "barking-dagenham", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2023-04-01", termEnd: "2027-03-31", delegatedAuthorityGbp: 100000 },
        { key: "th", email: "r.chowdhury@towerhamlets.example", orgKey: "tower-hamlets", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2023-04-01", termEnd: "2027-03-31" },
        // Lapsed deputy: the delegation ended in June and has not been renewed.
        { email: "t.egan@towerhamlets.example", orgKey: "tower-hamlets", boardRole: "deputy", deputyFor: "th", seniority: "head_of_service", hasVote: false, termStart: "2024-07-01", termEnd: "2026-06-30" },
        { key: "nh", email: "member@nelcp.example", orgKey: "newham", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2023-04-01", termEnd: "2027-03-31", delegatedAuthorityGbp: 100000 },
        // A current deputy who may vote when standing in.
        { email: "g.mensah@newham.example", orgKey: "newham", boardRole: "deputy", deputyFor: "nh", seniority: "assistant_director", jobTitle: "Acting Assistant Director, Children Looked After", hasVote: true, termStart: "2025-06-01", termEnd: "2027-03-31" },
        {
          key: "wf-2021",
          email: "a.pike@walthamforest.example",
          orgKey: "waltham-forest",
          boardRole: "member",
          seniority: "assistant_director",
          hasVote: true,
          termStart: "2021-04-01",
          termEnd: "2025-08-31",
          endReason: "Left Waltham Forest to join another council.",
          handoverNote:
            "Waltham Forest has two children waiting for a block-contract bed; the sufficiency return for Q1 is drafted but not submitted. The IFT training places for our two homes are booked for October.",
        },
        // Below the Assistant Director level the terms of reference ask for.
        { email: "c.hennessy@walthamforest.example", orgKey: "waltham-forest", boardRole: "member", succeeds: "wf-2021", seniority: "head_of_service", hasVote: true, termStart: "2025-09-01", termEnd: "2027-03-31" },
        // Term ends within 60 days of 2026-11-22.
        { email: "j.whitfield@hackney.example", orgKey: "hackney", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2023-01-01", termEnd: "2026-12-31" },
        // City of London has had no representative since this term ended.
        { email: "o.grant@cityoflondon.example", orgKey: "city-of-london", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2023-04-01", termEnd: "2026-03-31", endReason: "Term ended; the City has not yet named a successor." },
        { email: "m.castell@ift.example", orgKey: "ift", boardRole: "adviser", seniority: "head_of_service", hasVote: false, termStart: "2023-04-01", termEnd: "2027-03-31" },
        { email: "h.marchbank@silverlinedhorizons.example", orgKey: "silver-lined-horizons", boardRole: "adviser", seniority: "director", hasVote: false, termStart: "2023-04-01", termEnd: "2027-03-31" },
        // Young people joined the board later than the partners, and changed it.
        { email: "k.morris@silverlinedhorizons.example", orgKey: "silver-lined-horizons", boardRole: "young_peoples_rep", seniority: "officer", hasVote: true, termStart: "2025-10-01", termEnd: "2027-09-30" },
      ],
      terms: [
        {
          status: "superseded",
          effectiveFrom: "2017-09-01",
          approvedByEmail: "chair@nelcp.example",
          approvedAt: "2017-09-14T10:00:00Z",
          approvalNote: "Agreed at the board's first meeting.",
          changeSummary: null,
          reviewDate: "2019-03-31",
          sections: {
            purpose: "To commission residential care for children in care jointly across the eight boroughs of the North-East London sub-region, through block contracts with a consortium of local providers.",
            scope: "Residential placements for children in care aged 11 to 17 with low, medium, high and specialist needs; the co-production of the service specification with young people and providers; the systemic practice training for provider staff.",
            membership: "One senior officer from each of the eight boroughs, at Head of Service or above; the Institute of Family Therapy and Silver Lined Horizons as advisers without a vote.",
            chair: "Havering's Director of Children's Services chairs the board, as the lead authority; a vice-chair is chosen from the other boroughs.",
            quorum: "Five boroughs, including the chair or the vice-chair and Havering as lead authority.",
            decisionMaking: "By consensus, one voice per borough. Havering contracts on behalf of all eight under the leadership agreement.",
            meetingFrequency: "Monthly during procurement, then every two months.",
            reportingLines: "Each board member reports to their own borough's senior leadership team; contract awards go to each borough's Cabinet.",
            conflictsOfInterest: "Members declare any interest in a provider or bidder at the start of each meeting and withdraw from the item.",
            youngPeoplesRole: "Young people are consulted on the specification through Silver Lined Horizons.",
          },
          rules: {
            quorum: { minVotingMembers: 5, minPartners: 5, requiredRolesAnyOf: ["chair", "vice_chair"], leadPartnerRequired: true, deputiesCount: true, onlySeniorEnoughCount: false },
            seniority: [{ appliesTo: "partner_type", value: "local_authority", minimumTier: "head_of_service", alsoAccept: [] }],
            decisions: { method: "consensus", votingBasis: "per_partner", ratifyingPartnerTypes: ["local_authority"], ratifyingBody: "Cabinet" },
          },
        },
        {
          status: "approved",
          effectiveFrom: "2025-04-01",
          approvedByEmail: "chair@nelcp.example",
          approvedAt: "2025-03-20T15:30:00Z",
          approvalNote: "Agreed by the board on 20 March 2025, acting on the evaluation's advice to raise the seniority of board members.",
          changeSummary: "Raises the seniority each borough must send to Assistant Director; the chair must be a director; young people's representatives join the board with a vote; quorum rises to six voting members.",
          reviewDate: "2027-03-31",
          sections: {
            purpose: "To commission residential care for children in care jointly across the eight boroughs of the North-East London sub-region, through block contracts with a consortium of local providers, so that children live closer to home in stable placements.",
            scope: "Up to 35 block-contracted residential placements for children in care aged 11 to 17, in four needs bands (low, medium, high and specialist); the innovation payment of up to 7%; the systemic practice training for provider staff; young people's participation.",
            membership: "One member from each of the eight boroughs at Assistant Director or above, able to commit their borough; a named deputy of similar standing for each; the Institute of Family Therapy and Silver Lined Horizons as advisers without a vote; young people's representatives with a vote.",
            chair: "Havering's Director of Children's Services chairs the board, as the lead authority; the vice-chair, a director from another borough, chairs in their absence.",
            quorum: "Six voting members from at least five boroughs, including the chair or the vice-chair and Havering as lead authority. A named deputy with a valid delegation counts for their member.",
            decisionMaking: "By consensus, one voice per borough. Where a decision commits a borough's money beyond its member's delegated authority, it needs that borough's Cabinet to ratify it. Havering contracts on behalf of all eight under the leadership agreement.",
            meetingFrequency: "Every two months, with extra meetings when a contract decision is due.",
            reportingLines: "Each member reports to their own borough's senior leadership team; contract awards and extensions go to each borough's Cabinet.",
            conflictsOfInterest: "Members declare interests in the register and at the start of each meeting, and withdraw from any item in which they have an interest; a withdrawn member does not count towards the quorum for that item.",
            youngPeoplesRole: "Care-experienced young people sit on the board with a vote, supported by Silver Lined Horizons; they assess bids, join site visits and see what the board did with what they said.",
          },
          rules: {
            quorum: { minVotingMembers: 6, minPartners: 5, requiredRolesAnyOf: ["chair", "vice_chair"], leadPartnerRequired: true, deputiesCount: true, onlySeniorEnoughCount: false },
            seniority: [
              { appliesTo: "partner_type", value: "local_authority", minimumTier: "assistant_director", alsoAccept: [] },
              { appliesTo: "board_role", value: "chair", minimumTier: "director", alsoAccept: [] },
            ],
            decisions: { method: "consensus", votingBasis: "per_partner", ratifyingPartnerTypes: ["local_authority"], ratifyingBody: "Cabinet" },
          },
        },
      ],
      declarations: [
        { email: "h.marchbank@silverlinedhorizons.example", interestType: "financial", description: "Director of Silver Lined Horizons, which the Partnership pays to support young people's participation", relatedOrganisation: "Silver Lined Horizons", declaredOn: "2023-04-01", endedOn: null },
        { email: "m.bellamy@barking-dagenham.example", interestType: "non_financial_professional", description: "Trustee of a fostering charity that works in the sub-region", relatedOrganisation: "East London Foster Carers' Network", declaredOn: "2024-05-13", endedOn: null },
        { email: "j.whitfield@hackney.example", interestType: "family", description: "A close family member worked for a residential provider that bid for the block contract", relatedOrganisation: "Thameside Children's Homes", declaredOn: "2023-02-01", endedOn: "2025-11-30" },
      ],
      access: [
        { email: "chair@nelcp.example", role: "chair", orgKey: "havering" },
        { email: "vicechair@nelcp.example", role: "vice_chair", orgKey: "redbridge" },
        { email: "m.bellamy@barking-dagenham.example", role: "board_member", orgKey: "barking-dagenham" },
        { email: "r.chowdhury@towerhamlets.example", role: "board_member", orgKey: "tower-hamlets" },
        { email: "member@nelcp.example", role: "board_member", orgKey: "newham" },
        { email: "g.mensah@newham.example", role: "board_member", orgKey: "newham" },
        { email: "c.hennessy@walthamforest.example", role: "board_member", orgKey: "waltham-forest" },
        { email: "j.whitfield@hackney.example", role: "board_member", orgKey: "hackney" },
        { email: "k.morris@silverlinedhorizons.example", role: "board_member", orgKey: "silver-lined-horizons" },
        // Non-voting advisers from the two private partners.
        { email: "m.castell@ift.example", role: "partner_rep", orgKey: "ift" },
        { email: "h.marchbank@silverlinedhorizons.example", role: "partner_rep", orgKey: "silver-lined-horizons" },
        { email: "rep@barking-dagenham.example", role: "partner_rep", orgKey: "barking-dagenham" },
        { email: "secretariat@nelcp.example", role: "secretariat", orgKey: "havering" },
        { email: "participation@nelcp.example", role: "participation_worker", orgKey: "havering" },
        { email: "observer@nelcp.example", role: "observer", orgKey: null },
      ],
    },
    {
      slug: "leicestershire-cip",
      name: "Leicestershire Children's Innovation Partnership",
      shortName: "CIP",
      purpose:
        "Redesign Leicestershire's care offer with Barnardo's as innovation partner: agree service design briefs, " +
        "co-design solutions with children, families and staff, and build local provision, starting with " +
        "residential care, so fewer children are placed out of county.",
      type: "innovation_partnership",
      status: "active",
      startDate: "2018-12-01",
      termYears: 10,
      leadOrgKey: "leicestershire",
      leadAgreement:
        "Innovation partnership contract awarded by Leicestershire County Council to Barnardo's in December 2018 " +
        "after a competitive tender, for up to ten years and reviewed annually, with a CIP Collaboration " +
        "Agreement between the two partners (extended for 2019-20 in July 2019).",
      reportsTo: "Children and Families Overview and Scrutiny Committee",
      scrutinyChairEmail: "scrutiny-chair@leics.example",
      sharedVision:
        "Fewer Leicestershire children placed far from home: services designed with children, families and staff, " +
        "built and run locally by the council and Barnardo's together.",
      referencePrefix: "CIP",
      meetings: { recordedBy: "c.langley@leics.example", list: cipMeetings },
      obligations: { recordedBy: "c.langley@leics.example", list: cipObligations },
      funding: cipFunding,
      risks: cipRisks,
      // The residential hub's mobilisation, called in by two members of the Overview and Scrutiny Committee and
      // referred back: the cost avoidance rests on modelling the committee had not seen.
      callIn: {
        recordedBy: "c.langley@leics.example",
        decision: {
          title: "Mobilise the residential hub from Service Design Brief 1",
          text: "The partnership mobilises the residential hub: an assessment and resource team, three highly supported assessment beds and three multi-functional properties for young people, run by Barnardo's with the council.",
          rationale: "Brings children placed in expensive external residential care back into the county; modelling suggests £359,000 of costs avoided in the first year.",
          financialImplicationGbp: 1_200_000,
          decidedDaysAgo: 20,
        },
        grounds: "The £359,000 of cost avoidance rests on modelling the committee has not seen, and the eight young people interviewed by the design team were not asked about the hub's locations.",
        signers: ["scrutiny@leics.example", "scrutiny-chair@leics.example"],
        considered: { afterWorkingDays: 5, recommendations: "Share the financial model's assumptions with the committee, and ask young people with experience of residential care about the properties' locations before the hub is mobilised." },
      },
      // Scrutiny's questions to the chair: one answered late and closed, one now past its date (escalated to the
      // council as lead body), one waiting within its date.
      challenges: [
        {
          by: "scrutiny-chair@leics.example",
          kind: "challenge",
          about: { type: "risk", title: "The CIP fails to contract a suitable provider in time" },
          title: "Why the provider risk is still rated amber",
          question:
            "The residential tender drew no compliant bid in its first round, yet this risk has stayed amber. What evidence does the board have that a provider will be contracted in time, and what is the fallback if the second round fails?",
          raisedWorkingDaysAgo: 30,
          dueAfter: 10,
          answer: {
            by: "c.langley@leics.example",
            afterWorkingDays: 14,
            text: "Barnardo's has agreed to run the first home itself if the second round fails, under the innovation partnership contract. The board will rescore the risk at its next meeting with the second round's results.",
          },
          closed: { afterWorkingDays: 3, note: "The committee accepts the fallback and will look at the rescored risk in its next pack. The answer came four working days late." },
        },
        {
          by: "scrutiny@leics.example",
          kind: "question",
          about: { type: "obligation", title: "Co-investment statement" },
          title: "What Barnardo's co-investment paid for in the half-year",
          question: "The latest co-investment statement gives a total only. How much was staff time, how much project management and how much matched funding, and how does that compare with what the Collaboration Agreement expects?",
          raisedWorkingDaysAgo: 12,
          dueAfter: 10,
        },
        {
          by: "h.pemberton@leics.example",
          kind: "question",
          about: { type: "decision", title: "Mobilise the residential hub from Service Design Brief 1" },
          title: "How children and families shaped the hub",
          question: "Which of the hub's features came from what children, families and staff said in the co-design sessions, and how will they be told what changed as a result?",
          raisedWorkingDaysAgo: 2,
          dueAfter: 10,
        },
      ],
      keyDates: [
        { kind: "review", onDate: "2026-12-01", description: "Annual review of the CIP Collaboration Agreement" },
        { kind: "extension", onDate: "2028-11-30", description: "End of the ten-year innovation partnership term; any extension to be agreed by Cabinet" },
      ],
      partners: [
        { orgKey: "leicestershire", role: "lead_authority", joinedOn: "2018-12-01" },
        { orgKey: "barnardos", role: "delivery_partner", joinedOn: "2018-12-01" },
      ],
      board: [
        // Co-chaired by senior leaders from both partners.
        { email: "c.langley@leics.example", orgKey: "leicestershire", boardRole: "chair", seniority: "director", hasVote: true, termStart: "2024-04-01", termEnd: "2027-03-31" },
        { email: "n.hargreaves@barnardos.example", orgKey: "barnardos", boardRole: "vice_chair", seniority: "director", hasVote: true, termStart: "2024-04-01", termEnd: "2027-03-31" },
        { email: "p.rowntree@leics.example", orgKey: "leicestershire", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2024-04-01", termEnd: "2027-03-31" },
        { email: "a.liddell@leics.example", orgKey: "leicestershire", boardRole: "member", seniority: "head_of_service", hasVote: true, termStart: "2024-04-01", termEnd: "2027-03-31" },
        { email: "s.kaur@barnardos.example", orgKey: "barnardos", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2024-04-01", termEnd: "2027-03-31" },
        // Oversight and challenge on behalf of the scrutiny committee; terms follow the May 2025 county elections.
        { email: "h.pemberton@leics.example", orgKey: "leicestershire", boardRole: "scrutiny_rep", seniority: "elected_member", hasVote: false, termStart: "2025-06-01", termEnd: "2029-05-31" },
        { email: "f.siddiqui@leics.example", orgKey: "leicestershire", boardRole: "scrutiny_rep", seniority: "elected_member", hasVote: false, termStart: "2025-06-01", termEnd: "2029-05-31" },
      ],
      terms: [
        {
          status: "approved",
          effectiveFrom: "2018-12-01",
          approvedByEmail: "c.langley@leics.example",
          approvedAt: "2018-12-10T11:00:00Z",
          approvalNote: "Set out in the CIP Collaboration Agreement signed in December 2018.",
          changeSummary: null,
          reviewDate: "2026-12-01",
          sections: {
            purpose: "To lead the Children's Innovation Partnership: agree service design briefs, oversee the joint design team's responses and decide which proposals go forward for approval.",
            scope: "The care pathway from edge of care to leaving care, starting with residential care; joint funding bids; the co-investment both partners commit.",
            membership: "Senior leaders of Leicestershire County Council's Children and Family Services and of Barnardo's; the Lead Member and Deputy Lead Member for Children and Families for the Overview and Scrutiny Committee.",
            chair: "Co-chaired by the council's Director of Children and Family Services and Barnardo's Director for the Midlands.",
            quorum: "At least three voting members, with both partners represented and one of the co-chairs present.",
            decisionMaking: "By consensus. Business cases go to the council's Transformation Delivery Board and then Cabinet; within Barnardo's, to the Finance Committee under its delegated authority.",
            meetingFrequency: "Monthly.",
            reportingLines: "Reports regularly to the Children and Families Overview and Scrutiny Committee, and to Cabinet for approvals; within Barnardo's, to the Corporate Leadership Team and the Finance Committee.",
            conflictsOfInterest: "Barnardo's members declare their organisation's interest in any delivery option and take no part in deciding who delivers it.",
            youngPeoplesRole: "Children and families co-design each service brief through the design team.",
          },
          rules: {
            quorum: { minVotingMembers: 3, minPartners: 2, requiredRolesAnyOf: ["chair", "vice_chair"], leadPartnerRequired: true, deputiesCount: true, onlySeniorEnoughCount: false },
            seniority: [
              { appliesTo: "partner_type", value: "local_authority", minimumTier: "head_of_service", alsoAccept: [] },
              { appliesTo: "partner_type", value: "voluntary_sector", minimumTier: "assistant_director", alsoAccept: ["trustee"] },
              { appliesTo: "board_role", value: "scrutiny_rep", minimumTier: "director", alsoAccept: ["elected_member"] },
            ],
            decisions: { method: "consensus", votingBasis: "per_member", ratifyingPartnerTypes: ["local_authority", "voluntary_sector"], ratifyingBody: "Cabinet or Finance Committee" },
            // The council's usual call-in: key decisions, five working days, two members of the Overview and Scrutiny Committee or its chair alone.
            callIn: { appliesTo: "key_decisions", windowWorkingDays: 5, signatories: 2, chairAlone: true, groundsRequired: true, considerWithinWorkingDays: 15, reconsiderWithinWorkingDays: 10 },
          },
        },
      ],
      declarations: [
        { email: "n.hargreaves@barnardos.example", interestType: "financial", description: "Employed by Barnardo's, the council's innovation partner and a possible provider of the services designed", relatedOrganisation: "Barnardo's", declaredOn: "2024-04-01", endedOn: null },
        { email: "s.kaur@barnardos.example", interestType: "financial", description: "Employed by Barnardo's, the council's innovation partner and a possible provider of the services designed", relatedOrganisation: "Barnardo's", declaredOn: "2024-04-01", endedOn: null },
      ],
      access: [
        { email: "c.langley@leics.example", role: "chair", orgKey: "leicestershire" },
        { email: "n.hargreaves@barnardos.example", role: "vice_chair", orgKey: "barnardos" },
        { email: "p.rowntree@leics.example", role: "board_member", orgKey: "leicestershire" },
        { email: "a.liddell@leics.example", role: "board_member", orgKey: "leicestershire" },
        { email: "s.kaur@barnardos.example", role: "board_member", orgKey: "barnardos" },
        { email: "h.pemberton@leics.example", role: "scrutiny_member", orgKey: "leicestershire" },
        { email: "f.siddiqui@leics.example", role: "scrutiny_member", orgKey: "leicestershire" },
        { email: "scrutiny@leics.example", role: "scrutiny_member", orgKey: "leicestershire" },
        { email: "scrutiny-chair@leics.example", role: "scrutiny_member", orgKey: "leicestershire" },
      ],
    },
    {
      slug: "newport-barnardos",
      name: "Newport City Council and Barnardo's Cymru Strategic Partnership",
      shortName: "Newport–Barnardo's",
      purpose:
        "Provide integrated, strengths-based family support for children on the edge of care in Newport, " +
        "helping families stay safely together and keeping the number of children looked after down.",
      type: "strategic_partnership",
      status: "active",
      // Approximate: the report gives the year (2011) only.
      startDate: "2011-04-01",
      termYears: 7,
      leadOrgKey: "newport",
      leadAgreement:
        "Strategic partnership agreement procured by Newport City Council through a formal tender in 2011, " +
        "setting out goals and financial contributions for the partner; five years plus a two-year extension, " +
        "renewed in 2018 on the same five-plus-two basis.",
      reportsTo: null,
      sharedVision: "Children in Newport grow up safely with their own families wherever possible, with help that comes early and builds on what families do well.",
      referencePrefix: "NCC-BC",
      meetings: { recordedBy: "r.pugh@newport.example", list: newportMeetings },
      risks: newportRisks,
      obligations: { recordedBy: "r.pugh@newport.example", list: newportObligations },
      funding: newportFunding,
      keyDates: [
        { kind: "review", onDate: "2026-12-09", description: "Winter contract review meeting of senior leaders" },
        { kind: "extension", onDate: "2027-03-31", description: "Decision due on extending the agreement for a further two years" },
      ],
      partners: [
        { orgKey: "newport", role: "lead_authority", joinedOn: "2011-04-01" },
        { orgKey: "barnardos-cymru", role: "delivery_partner", joinedOn: "2011-04-01" },
      ],
      board: [
        { email: "g.powell@newport.example", orgKey: "newport", boardRole: "chair", seniority: "director", hasVote: true, termStart: "2025-04-01", termEnd: "2030-03-31" },
        { email: "e.vaughan@barnardoscymru.example", orgKey: "barnardos-cymru", boardRole: "vice_chair", seniority: "director", hasVote: true, termStart: "2025-04-01", termEnd: "2030-03-31" },
        { email: "s.reesjenkins@newport.example", orgKey: "newport", boardRole: "member", seniority: "head_of_service", hasVote: true, termStart: "2025-04-01", termEnd: "2030-03-31" },
        { email: "o.bevan@barnardoscymru.example", orgKey: "barnardos-cymru", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2025-04-01", termEnd: "2030-03-31" },
        { email: "r.pugh@newport.example", orgKey: "newport", boardRole: "adviser", seniority: "service_manager", hasVote: false, termStart: "2025-04-01", termEnd: "2030-03-31" },
      ],
      terms: [
        {
          status: "approved",
          effectiveFrom: "2018-04-01",
          approvedByEmail: "g.powell@newport.example",
          approvedAt: "2018-03-22T10:00:00Z",
          approvalNote: "Part of the renewed five-plus-two-year partnership agreement.",
          changeSummary: null,
          reviewDate: "2026-12-09",
          sections: {
            purpose: "To review the strategic partnership's performance, finances and direction, and agree changes to the services it provides.",
            scope: "Family support services for children on the edge of care delivered by Barnardo's Cymru for Newport City Council, and the co-investment both make.",
            membership: "Senior leaders of both organisations; the council's Partnership Manager attends without a vote.",
            chair: "The council's Strategic Director for Social Services.",
            quorum: "Two voting members, one from each partner.",
            decisionMaking: "By consensus.",
            meetingFrequency: "Two contract review meetings a year for senior leaders; quarterly reviews and monthly operational meetings below them.",
            reportingLines: "To the council's Social Services senior leadership and to Barnardo's Cymru's leadership team.",
            conflictsOfInterest: "Declared at each meeting.",
            youngPeoplesRole: "Families' feedback is gathered by the services and reported to each review meeting.",
          },
          rules: {
            quorum: { minVotingMembers: 2, minPartners: 2, requiredRolesAnyOf: [], leadPartnerRequired: true, deputiesCount: true, onlySeniorEnoughCount: false },
            seniority: [
              { appliesTo: "partner_type", value: "local_authority", minimumTier: "head_of_service", alsoAccept: [] },
              { appliesTo: "partner_type", value: "voluntary_sector", minimumTier: "assistant_director", alsoAccept: [] },
            ],
            decisions: { method: "consensus", votingBasis: "per_member" },
          },
        },
      ],
      declarations: [],
      access: [
        { email: "g.powell@newport.example", role: "chair", orgKey: "newport" },
        { email: "e.vaughan@barnardoscymru.example", role: "vice_chair", orgKey: "barnardos-cymru" },
        { email: "s.reesjenkins@newport.example", role: "board_member", orgKey: "newport" },
        { email: "o.bevan@barnardoscymru.example", role: "board_member", orgKey: "barnardos-cymru" },
        // The council-employed Partnership Manager services the contract reviews.
        { email: "r.pugh@newport.example", role: "secretariat", orgKey: "newport" },
        { email: "c.morgan@barnardoscymru.example", role: "participation_worker", orgKey: "barnardos-cymru" },
      ],
      // Children and young people who worked with the family support teams, in the groups that shape them.
      participation: {
        workerEmail: "c.morgan@barnardoscymru.example",
        cohort: [
          { displayName: "Cadi", ageBand: "13-15", own: ["take_part", "quote"], adult: { givenBy: "parent", scopes: ["take_part", "quote"] }, joinedDaysAgo: 240 },
          { displayName: "Dylan R", ageBand: "16-17", own: ["take_part", "quote"], joinedDaysAgo: 230 },
          { displayName: "Seren", ageBand: "16-17", own: ["take_part"], joinedDaysAgo: 200 },
          { displayName: "Kit", ageBand: "13-15", own: ["take_part"], adult: { givenBy: "parent", scopes: ["take_part"] }, joinedDaysAgo: 150 },
          { displayName: "Ffion", ageBand: "18-21", own: ["take_part", "quote", "quote_with_name"], joinedDaysAgo: 120 },
          { displayName: "Jay", ageBand: "16-17", own: ["take_part", "quote"], joinedDaysAgo: 90 },
        ],
        activities: [
          {
            kind: "workshop",
            title: "Young people's group: the Rapid Response Team's first visit",
            heldDaysAgo: 210,
            space: "An evening at the youth centre with food, run by a worker the group already knew, with no case workers in the room.",
            voice: "The group wrote down what they wish they had been told on the first day and what made them trust a worker.",
            audience: "The Rapid Response Team's managers, who came to hear it at the end of the evening.",
            influence: "The first-visit leaflet was rewritten by the group, and workers now explain who will read their notes.",
            participants: ["Cadi", "Dylan R", "Seren", "Kit"],
          },
          {
            kind: "consultation",
            title: "Families' and young people's feedback on the Therapeutic Team",
            heldDaysAgo: 150,
            space: "Short conversations at home or at school, at a time each family chose, with parents and carers taking part separately.",
            voice: "What helped, what did not, and what should change, in their own words.",
            audience: "The Partnership Manager and the Therapeutic Team's lead, then the summer contract review.",
            influence: "Families asked for evening sessions; the team now offers one evening a week.",
            participants: ["Cadi", "Seren", "Ffion", "Jay"],
          },
          {
            kind: "board_attendance",
            title: "Two young people at the summer contract review",
            heldDaysAgo: 172,
            space: "A short item at the start of the review, with their worker beside them and a break before the board's business.",
            voice: "They presented what the young people's group had said about the first visit and about getting back to school.",
            audience: "The whole contract review, both partners' directors included.",
            influence: "The review asked for the return-to-school support to be reported each quarter.",
            participants: ["Dylan R", "Ffion"],
          },
        ],
      },
    },
  ],

  demoAccounts: [
    { email: "admin@platform.example", password: DEMO_PASSWORD, description: "Platform administrator" },
    { email: "chair@nelcp.example", password: DEMO_PASSWORD, description: "NELCP board chair (Havering DCS)" },
    { email: "vicechair@nelcp.example", password: DEMO_PASSWORD, description: "NELCP vice-chair (Redbridge)" },
    { email: "member@nelcp.example", password: DEMO_PASSWORD, description: "NELCP board member (Newham)" },
    { email: "rep@barking-dagenham.example", password: DEMO_PASSWORD, description: "NELCP partner representative (Barking and Dagenham)" },
    { email: "secretariat@nelcp.example", password: DEMO_PASSWORD, description: "NELCP secretariat (Havering programme lead)" },
    { email: "participation@nelcp.example", password: DEMO_PASSWORD, description: "NELCP participation worker" },
    { email: "scrutiny@leics.example", password: DEMO_PASSWORD, description: "CIP scrutiny member (Leicestershire councillor)" },
    { email: "scrutiny-chair@leics.example", password: DEMO_PASSWORD, description: "Chair of Leicestershire's Children and Families Overview and Scrutiny Committee (CIP)" },
    { email: "c.langley@leics.example", password: DEMO_PASSWORD, description: "CIP co-chair (Leicestershire's Director of Children and Family Services)" },
    { email: "observer@nelcp.example", password: DEMO_PASSWORD, description: "NELCP observer (independent evaluation adviser)" },
    { email: "g.powell@newport.example", password: DEMO_PASSWORD, description: "Newport–Barnardo's partnership chair (Newport's Strategic Director, Social Services)" },
  ],
};
