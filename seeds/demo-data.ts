import type { SeedData } from "./types";

// Demo data for local development and demonstrations.
// Organisations, governance arrangements, dates and figures follow the public
// evaluation reports in shared/domain; every person named here is invented.
// "Today" for the scenario is 2026-11-22: several seats are deliberately
// lapsed or close to lapsing so the register has something to flag.

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
    { name: "Neil Hargreaves", email: "n.hargreaves@barnardos.example", jobTitle: "Director of Children's Services, Midlands" },
    { name: "Sunita Kaur", email: "s.kaur@barnardos.example", jobTitle: "Assistant Director, Children's Innovation Partnership" },

    // --- Newport ---
    { name: "Gareth Powell", email: "g.powell@newport.example", jobTitle: "Strategic Director, Social Services" },
    { name: "Siân Rees-Jenkins", email: "s.reesjenkins@newport.example", jobTitle: "Head of Children and Family Services" },
    { name: "Rhian Pugh", email: "r.pugh@newport.example", jobTitle: "Partnership Manager" },
    { name: "Eleri Vaughan", email: "e.vaughan@barnardoscymru.example", jobTitle: "Director, Wales" },
    { name: "Owain Bevan", email: "o.bevan@barnardoscymru.example", jobTitle: "Assistant Director, Newport Partnership" },

    // --- Platform ---
    { name: "Sam Whitlock", email: "admin@platform.example", jobTitle: "Platform administrator" },
  ],

  platformAdmins: ["admin@platform.example"],

  // Young people sign in with a pseudonym only; no full names are held.
  youngPeople: [
    { displayName: "River", email: "river@young.example", partnershipSlug: "nelcp" },
    { displayName: "Sky K.", email: "sky@young.example", partnershipSlug: "nelcp" },
    { displayName: "Jae", email: "jae@young.example", partnershipSlug: "nelcp" },
  ],

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
        { email: "chair@nelcp.example", orgKey: "havering", boardRole: "chair", seniority: "director", hasVote: true, termStart: "2025-04-01", termEnd: "2028-03-31" },
        { email: "vicechair@nelcp.example", orgKey: "redbridge", boardRole: "vice_chair", seniority: "director", hasVote: true, termStart: "2025-04-01", termEnd: "2028-03-31" },
        { email: "m.bellamy@barking-dagenham.example", orgKey: "barking-dagenham", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2025-04-01", termEnd: "2028-03-31" },
        { email: "r.chowdhury@towerhamlets.example", orgKey: "tower-hamlets", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2025-04-01", termEnd: "2028-03-31" },
        // Lapsed deputy: term ended and has not been renewed.
        { email: "t.egan@towerhamlets.example", orgKey: "tower-hamlets", boardRole: "deputy", seniority: "head_of_service", hasVote: false, termStart: "2024-07-01", termEnd: "2026-06-30" },
        { email: "member@nelcp.example", orgKey: "newham", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2025-04-01", termEnd: "2028-03-31" },
        // Below the Assistant Director level the terms of reference ask for.
        { email: "c.hennessy@walthamforest.example", orgKey: "waltham-forest", boardRole: "member", seniority: "head_of_service", hasVote: true, termStart: "2025-09-01", termEnd: "2028-03-31" },
        // Term ends within 60 days of 2026-11-22.
        { email: "j.whitfield@hackney.example", orgKey: "hackney", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2024-01-01", termEnd: "2026-12-31" },
        // City of London has had no current representative since this term ended.
        { email: "o.grant@cityoflondon.example", orgKey: "city-of-london", boardRole: "member", seniority: "assistant_director", hasVote: true, termStart: "2023-04-01", termEnd: "2026-03-31" },
        { email: "m.castell@ift.example", orgKey: "ift", boardRole: "adviser", seniority: "head_of_service", hasVote: false, termStart: "2025-04-01", termEnd: "2028-03-31" },
        { email: "h.marchbank@silverlinedhorizons.example", orgKey: "silver-lined-horizons", boardRole: "adviser", seniority: "director", hasVote: false, termStart: "2025-04-01", termEnd: "2028-03-31" },
        { email: "k.morris@silverlinedhorizons.example", orgKey: "silver-lined-horizons", boardRole: "young_peoples_rep", seniority: "officer", hasVote: true, termStart: "2025-10-01", termEnd: "2027-09-30" },
      ],
      access: [
        { email: "chair@nelcp.example", role: "chair", orgKey: "havering" },
        { email: "vicechair@nelcp.example", role: "vice_chair", orgKey: "redbridge" },
        { email: "m.bellamy@barking-dagenham.example", role: "board_member", orgKey: "barking-dagenham" },
        { email: "r.chowdhury@towerhamlets.example", role: "board_member", orgKey: "tower-hamlets" },
        { email: "member@nelcp.example", role: "board_member", orgKey: "newham" },
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
      access: [
        { email: "c.langley@leics.example", role: "chair", orgKey: "leicestershire" },
        { email: "n.hargreaves@barnardos.example", role: "vice_chair", orgKey: "barnardos" },
        { email: "p.rowntree@leics.example", role: "board_member", orgKey: "leicestershire" },
        { email: "a.liddell@leics.example", role: "board_member", orgKey: "leicestershire" },
        { email: "s.kaur@barnardos.example", role: "board_member", orgKey: "barnardos" },
        { email: "h.pemberton@leics.example", role: "scrutiny_member", orgKey: "leicestershire" },
        { email: "f.siddiqui@leics.example", role: "scrutiny_member", orgKey: "leicestershire" },
        { email: "scrutiny@leics.example", role: "scrutiny_member", orgKey: "leicestershire" },
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
      access: [
        { email: "g.powell@newport.example", role: "chair", orgKey: "newport" },
        { email: "e.vaughan@barnardoscymru.example", role: "vice_chair", orgKey: "barnardos-cymru" },
        { email: "s.reesjenkins@newport.example", role: "board_member", orgKey: "newport" },
        { email: "o.bevan@barnardoscymru.example", role: "board_member", orgKey: "barnardos-cymru" },
        // The council-employed Partnership Manager services the contract reviews.
        { email: "r.pugh@newport.example", role: "secretariat", orgKey: "newport" },
      ],
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
    { email: "river@young.example", password: DEMO_PASSWORD, description: "NELCP young person (River)" },
    { email: "scrutiny@leics.example", password: DEMO_PASSWORD, description: "CIP scrutiny member (Leicestershire councillor)" },
    { email: "observer@nelcp.example", password: DEMO_PASSWORD, description: "NELCP observer (independent evaluation adviser)" },
  ],
};
