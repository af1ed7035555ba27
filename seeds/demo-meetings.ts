import type { SeedMeeting } from "./seed-meetings";

// A year of NELCP board meetings, every two months through 2026, with the
// uneven engagement the evaluation describes: Havering, Redbridge, Newham and
// Waltham Forest nearly always there; Tower Hamlets fading once its deputy's
// delegation lapsed; the City of London absent before its member's term ran
// out. July is inquorate. Minutes are approved at the next quorate meeting.

const P = "present" as const;
const A = "apologies" as const;
const X = "absent" as const;

const venue = "Havering Town Hall, Main Road, Romford";
const link = "https://meet.havering.example/nelcp-board";

export const nelcpMeetings: SeedMeeting[] = [
  {
    key: "jan",
    title: "NELCP board",
    date: "2026-01-15",
    start: "10:00",
    end: "12:00",
    location: venue,
    onlineLink: link,
    attendance: {
      "chair@nelcp.example": P,
      "vicechair@nelcp.example": P,
      "m.bellamy@barking-dagenham.example": P,
      "r.chowdhury@towerhamlets.example": P,
      "member@nelcp.example": P,
      "c.hennessy@walthamforest.example": P,
      "j.whitfield@hackney.example": A,
      "o.grant@cityoflondon.example": X,
      "k.morris@silverlinedhorizons.example": A,
      "m.castell@ift.example": P,
      "h.marchbank@silverlinedhorizons.example": P,
    },
    items: [
      {
        title: "Placement sufficiency report, quarter 3",
        presenter: "Priya Raman, NELCP Programme Lead",
        purpose: "information",
        notes:
          "31 of the 35 block-contracted beds were filled at the end of the quarter. Two children were placed more than 20 miles from home in the quarter, both with specialist needs. The board asked for the specialist band to be looked at with providers.",
        actions: [
          { title: "Bring options for specialist-needs placements to the March board", owner: "secretariat@nelcp.example", dueDate: "2026-03-05", done: "Options paper circulated with the March papers." },
        ],
      },
      {
        title: "Young people's participation plan for 2026",
        presenter: "Helen Marchbank, Silver Lined Horizons",
        purpose: "decision",
        notes: "Young people asked to join the bid assessment panel for the second contract lot and to visit the homes before the award.",
        decisions: [
          {
            title: "Young people join the lot 2 assessment panel",
            text: "Two care-experienced young people, supported by Silver Lined Horizons, sit on the lot 2 bid assessment panel and join the site visits, with their scores counted alongside officers'.",
            rationale: "The evaluation found the board changed for the better once young people joined it.",
            outcome: "agreed",
          },
        ],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "mar",
    title: "NELCP board",
    date: "2026-03-12",
    start: "10:00",
    end: "12:30",
    location: venue,
    onlineLink: link,
    attendance: {
      "chair@nelcp.example": P,
      "vicechair@nelcp.example": P,
      "m.bellamy@barking-dagenham.example": P,
      "r.chowdhury@towerhamlets.example": P,
      "member@nelcp.example": P,
      "c.hennessy@walthamforest.example": P,
      "j.whitfield@hackney.example": P,
      "o.grant@cityoflondon.example": A,
      "k.morris@silverlinedhorizons.example": P,
      "m.castell@ift.example": A,
      "h.marchbank@silverlinedhorizons.example": P,
    },
    items: [
      {
        title: "Minutes of the January meeting",
        presenter: "Graham Featherstone, Chair",
        purpose: "decision",
        decisions: [{ title: "Approve the January minutes", text: "The minutes of the board meeting of 15 January 2026 are approved as a correct record.", outcome: "agreed", approvesMinutesOf: "jan" }],
      },
      {
        title: "Award of block contract lot 2 (medium and high needs)",
        presenter: "Priya Raman, NELCP Programme Lead",
        purpose: "decision",
        notes:
          "Three consortium bids were scored by officers and the young people's panel. Marcus Bellamy declared that he is a trustee of a fostering charity in one consortium and left the room for the item.",
        declarations: [{ email: "m.bellamy@barking-dagenham.example", interest: "Trustee of East London Foster Carers' Network, a member of one bidding consortium", recused: true }],
        decisions: [
          {
            title: "Award lot 2 to the Thames Gateway Care consortium",
            text: "Havering, as lead authority, awards the lot 2 block contract (12 beds, medium and high needs) to the Thames Gateway Care consortium for four years with an option to extend by two, including the innovation payment of up to 7%.",
            rationale: "Highest combined quality and price score; the young people's panel ranked it first.",
            optionsConsidered: "Award to the second-ranked bidder; re-tender lot 2 with lot 3.",
            outcome: "agreed",
            delegatedAuthority: "London Borough of Havering as lead authority, contracting for all eight boroughs under the leadership agreement",
            financialImplicationGbp: 9_800_000,
            financialNote: "Over four years, shared between the boroughs by their use of beds.",
          },
        ],
        actions: [{ title: "Issue the award letters and the standstill notice", owner: "secretariat@nelcp.example", dueDate: "2026-03-20", done: "Letters sent 16 March; standstill ended without challenge." }],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "may",
    title: "NELCP board",
    date: "2026-05-14",
    start: "10:00",
    end: "12:00",
    location: venue,
    onlineLink: link,
    attendance: {
      "chair@nelcp.example": P,
      "vicechair@nelcp.example": P,
      "m.bellamy@barking-dagenham.example": P,
      "r.chowdhury@towerhamlets.example": { deputy: "t.egan@towerhamlets.example" },
      "member@nelcp.example": P,
      "c.hennessy@walthamforest.example": P,
      "j.whitfield@hackney.example": P,
      "k.morris@silverlinedhorizons.example": A,
      "m.castell@ift.example": P,
      "h.marchbank@silverlinedhorizons.example": A,
    },
    items: [
      {
        title: "Minutes of the March meeting",
        presenter: "Graham Featherstone, Chair",
        purpose: "decision",
        decisions: [{ title: "Approve the March minutes", text: "The minutes of the board meeting of 12 March 2026 are approved as a correct record.", outcome: "agreed", approvesMinutesOf: "mar" }],
      },
      {
        title: "Extending the lot 1 block contracts",
        presenter: "Funmi Adeyemi, Vice-chair",
        purpose: "decision",
        notes: "Occupancy of lot 1 has stayed above 90% and placement moves fell. Each borough's Cabinet must agree the extension because it commits money beyond members' delegated authority.",
        decisions: [
          {
            title: "Extend the lot 1 block contracts by two years",
            text: "The lot 1 block contracts (low and medium needs) are extended by two years from 1 October 2026, subject to ratification by each borough's Cabinet.",
            rationale: "Stable placements close to home; the alternative spot-purchasing costs more.",
            outcome: "agreed",
            needsRatification: true,
            financialImplicationGbp: 6_300_000,
            ratifications: [
              { orgKey: "havering", status: "ratified", on: "2026-06-10" },
              { orgKey: "redbridge", status: "ratified", on: "2026-06-17" },
              { orgKey: "barking-dagenham", status: "ratified", on: "2026-06-23" },
              { orgKey: "newham", status: "ratified", on: "2026-07-08" },
              { orgKey: "waltham-forest", status: "ratified", on: "2026-07-14" },
            ],
          },
        ],
        actions: [
          { title: "Take the extension to Tower Hamlets Cabinet", owner: "r.chowdhury@towerhamlets.example", orgKey: "tower-hamlets", dueDate: "2026-09-30" },
          { title: "Take the extension to Hackney Cabinet", owner: "j.whitfield@hackney.example", orgKey: "hackney", dueDate: "2026-09-30", done: "Cabinet paper drafted; meeting moved to January." },
        ],
      },
      {
        title: "City of London representation",
        presenter: "Graham Featherstone, Chair",
        purpose: "discussion",
        notes: "Oliver Grant's term ended on 31 March. The City has not attended since January.",
        actions: [{ title: "Name the City of London's new board member", orgKey: "city-of-london", dueDate: "2026-06-30" }],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "jul",
    title: "NELCP board",
    date: "2026-07-09",
    start: "10:00",
    end: "11:30",
    onlineLink: link,
    attendance: {
      "chair@nelcp.example": P,
      "vicechair@nelcp.example": A,
      "m.bellamy@barking-dagenham.example": P,
      "r.chowdhury@towerhamlets.example": X,
      "member@nelcp.example": P,
      "c.hennessy@walthamforest.example": P,
      "j.whitfield@hackney.example": A,
      "k.morris@silverlinedhorizons.example": P,
      "m.castell@ift.example": P,
      "h.marchbank@silverlinedhorizons.example": P,
    },
    items: [
      {
        title: "Specialist-needs band: price uplift",
        presenter: "Priya Raman, NELCP Programme Lead",
        purpose: "decision",
        notes: "Only five voting members from five partners were present, against the six the terms of reference require. The board agreed the uplift so providers could plan, knowing it would need ratifying.",
        decisions: [
          {
            title: "Uplift the specialist-needs band price by 4%",
            text: "The weekly price for specialist-needs placements rises by 4% from 1 August 2026 to keep two specialist beds in the sub-region.",
            rationale: "Two providers said they would withdraw specialist beds at the current price.",
            outcome: "agreed",
            financialImplicationGbp: 180_000,
            laterStatus: { to: "agreed", reason: "Ratified at the quorate board meeting of 10 September 2026.", after: "sep" },
          },
        ],
        actions: [{ title: "Renew Tower Hamlets' deputy delegation", owner: "r.chowdhury@towerhamlets.example", orgKey: "tower-hamlets", dueDate: "2026-08-31" }],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "sep",
    title: "NELCP board",
    date: "2026-09-10",
    start: "10:00",
    end: "12:00",
    location: venue,
    onlineLink: link,
    attendance: {
      "chair@nelcp.example": P,
      "vicechair@nelcp.example": P,
      "m.bellamy@barking-dagenham.example": P,
      "r.chowdhury@towerhamlets.example": X,
      "member@nelcp.example": { deputy: "g.mensah@newham.example" },
      "c.hennessy@walthamforest.example": P,
      "j.whitfield@hackney.example": A,
      "k.morris@silverlinedhorizons.example": P,
      "m.castell@ift.example": A,
      "h.marchbank@silverlinedhorizons.example": P,
    },
    items: [
      {
        title: "Minutes of the May and July meetings",
        presenter: "Graham Featherstone, Chair",
        purpose: "decision",
        decisions: [
          { title: "Approve the May minutes", text: "The minutes of the board meeting of 14 May 2026 are approved as a correct record.", outcome: "agreed", approvesMinutesOf: "may" },
          { title: "Approve the July minutes", text: "The minutes of the inquorate board meeting of 9 July 2026 are approved as a correct record.", outcome: "agreed", approvesMinutesOf: "jul" },
        ],
      },
      {
        title: "Ratifying the July price uplift",
        presenter: "Graham Featherstone, Chair",
        purpose: "decision",
        notes: "The board ratified the specialist-needs uplift agreed when July's meeting was not quorate.",
      },
      {
        title: "Young people's feedback on the lot 2 homes",
        presenter: "Kayden Morris, Young Ambassador",
        purpose: "discussion",
        notes: "Young people who visited the new homes asked for quieter study spaces and for keyworkers to stay the same when a child moves between homes in the consortium.",
        actions: [{ title: "Agree keyworker continuity with the lot 2 consortium", owner: "secretariat@nelcp.example", dueDate: "2026-10-31" }],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "nov",
    title: "NELCP board",
    date: "2026-11-12",
    start: "10:00",
    end: "12:00",
    location: venue,
    onlineLink: link,
    attendance: {
      "chair@nelcp.example": P,
      "vicechair@nelcp.example": P,
      "m.bellamy@barking-dagenham.example": P,
      "r.chowdhury@towerhamlets.example": X,
      "member@nelcp.example": P,
      "c.hennessy@walthamforest.example": P,
      "j.whitfield@hackney.example": P,
      "k.morris@silverlinedhorizons.example": P,
      "m.castell@ift.example": P,
      "h.marchbank@silverlinedhorizons.example": P,
    },
    items: [
      {
        title: "Minutes of the September meeting",
        presenter: "Graham Featherstone, Chair",
        purpose: "decision",
        decisions: [{ title: "Approve the September minutes", text: "The minutes of the board meeting of 10 September 2026 are approved as a correct record.", outcome: "agreed", approvesMinutesOf: "sep" }],
      },
      {
        title: "Planning for the lot 1 re-procurement",
        presenter: "Funmi Adeyemi, Vice-chair",
        purpose: "discussion",
        notes: "The board discussed whether to bring lot 3 forward. It will decide in January once every Cabinet has ratified the lot 1 extension.",
        actions: [
          { title: "Write to each Cabinet lead member about ratifying the lot 1 extension", owner: "chair@nelcp.example", orgKey: "havering", dueDate: "2026-12-18" },
          { title: "Set out the case for bringing lot 3 forward for January's board", owner: "vicechair@nelcp.example", orgKey: "redbridge", dueDate: "2027-01-07" },
          { title: "Share Newham's forecast of specialist placements for 2027-28", owner: "member@nelcp.example", orgKey: "newham", dueDate: "2026-12-11" },
          { title: "Confirm Barking and Dagenham's lot 3 demand forecast", owner: "rep@barking-dagenham.example", orgKey: "barking-dagenham", dueDate: "2026-12-11" },
          { title: "Ask the young people's group what they want from specialist homes", owner: "participation@nelcp.example", dueDate: "2027-01-07" },
          { title: "Share the regional commissioning guidance the boroughs asked about", owner: "observer@nelcp.example", dueDate: "2026-12-31" },
        ],
        decisions: [
          {
            title: "Bring lot 3 forward a year",
            text: "Procurement of lot 3 (specialist needs) starts in April 2027, a year earlier than planned.",
            outcome: "deferred",
          },
        ],
      },
    ],
    minutes: "draft",
  },
  {
    key: "jan27",
    title: "NELCP board",
    date: "2027-01-14",
    start: "10:00",
    end: "12:00",
    location: venue,
    onlineLink: link,
    attendance: {},
    items: [
      { title: "Minutes of the November meeting", presenter: "Graham Featherstone, Chair", purpose: "decision" },
      { title: "Bringing lot 3 forward", presenter: "Funmi Adeyemi, Vice-chair", purpose: "decision" },
      { title: "Placement sufficiency report, quarter 3", presenter: "Priya Raman, NELCP Programme Lead", purpose: "information" },
    ],
    minutes: "draft",
  },
];

// Newport's senior leaders meet twice a year to review the contract.
const civicCentre = "Newport Civic Centre, Godfrey Road, Newport";
const newportAll = { "g.powell@newport.example": P, "e.vaughan@barnardoscymru.example": P, "s.reesjenkins@newport.example": P, "o.bevan@barnardoscymru.example": P, "r.pugh@newport.example": P };

// Newport's quarterly reviews sit beside the two contract reviews a year: the
// performance report, the waiting list and the co-investment, quarter by quarter.
export const newportMeetings: SeedMeeting[] = [
  {
    key: "q-jan",
    type: "quarterly_review",
    title: "Quarterly review (quarter 3)",
    date: "2026-01-21",
    start: "10:00",
    end: "11:30",
    location: civicCentre,
    attendance: { ...newportAll, "e.vaughan@barnardoscymru.example": A },
    items: [
      {
        title: "Quarterly performance report, October to December",
        presenter: "Owain Bevan, Barnardo's Cymru",
        purpose: "discussion",
        notes: "The waiting list for family support had grown to 31 families over the autumn; most cases closed with the family's needs met.",
        actions: [{ title: "Bring a plan to bring the waiting list under 20 families", owner: "o.bevan@barnardoscymru.example", orgKey: "barnardos-cymru", dueDate: "2026-04-17", done: "Plan agreed at the April review." }],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "q-apr",
    type: "quarterly_review",
    title: "Quarterly review (quarter 4)",
    date: "2026-04-22",
    start: "10:00",
    end: "11:30",
    location: civicCentre,
    attendance: newportAll,
    items: [
      {
        title: "Waiting list plan",
        presenter: "Owain Bevan, Barnardo's Cymru",
        purpose: "decision",
        decisions: [
          {
            title: "Add a weekend family support session to shorten the waiting list",
            text: "Barnardo's Cymru runs a Saturday family support session from May, staffed from its co-investment, until the waiting list is under 20 families.",
            outcome: "agreed",
            financialImplicationGbp: 18_000,
            financialNote: "Met from Barnardo's Cymru's co-investment for 2025-26.",
          },
        ],
        actions: [{ title: "Report the waiting list monthly to the Partnership Manager", owner: "o.bevan@barnardoscymru.example", orgKey: "barnardos-cymru", dueDate: "2026-12-31" }],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "q-oct",
    type: "quarterly_review",
    title: "Quarterly review (quarter 2)",
    date: "2026-10-21",
    start: "10:00",
    end: "11:30",
    location: civicCentre,
    attendance: { ...newportAll, "s.reesjenkins@newport.example": A },
    items: [
      {
        title: "Quarterly performance report, July to September",
        presenter: "Owain Bevan, Barnardo's Cymru",
        purpose: "discussion",
        notes: "The waiting list was down to 17 families; the Saturday session will continue to the end of the year.",
        actions: [
          { title: "Prepare the options for extending the agreement for the winter contract review", owner: "g.powell@newport.example", orgKey: "newport", dueDate: "2026-12-02" },
          { title: "Collect families' views of the service for the extension decision", owner: "s.reesjenkins@newport.example", orgKey: "newport", dueDate: "2027-01-29" },
          { title: "Confirm Barnardo's Cymru's co-investment plan for 2027-28", owner: "e.vaughan@barnardoscymru.example", orgKey: "barnardos-cymru", dueDate: "2027-02-26" },
        ],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "summer",
    type: "contract_review",
    title: "Contract review (summer)",
    date: "2026-06-03",
    start: "14:00",
    end: "16:00",
    location: "Newport Civic Centre, Godfrey Road, Newport",
    attendance: {
      "g.powell@newport.example": P,
      "e.vaughan@barnardoscymru.example": P,
      "s.reesjenkins@newport.example": P,
      "o.bevan@barnardoscymru.example": P,
      "r.pugh@newport.example": P,
    },
    items: [
      {
        title: "Performance against the partnership's outcomes",
        presenter: "Owain Bevan, Barnardo's Cymru",
        purpose: "discussion",
        notes: "Fewer children became looked after in the year; families reported that workers built on what they already did well.",
      },
      {
        title: "Co-investment for 2026-27",
        presenter: "Rhian Pugh, Partnership Manager",
        purpose: "decision",
        decisions: [
          {
            title: "Confirm the co-investment for 2026-27",
            text: "Barnardo's Cymru co-invests £200,000 in 2026-27, 20% of the council's contribution, in staff and training.",
            outcome: "agreed",
            financialImplicationGbp: 200_000,
          },
        ],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "winter",
    type: "contract_review",
    title: "Contract review (winter)",
    date: "2026-12-09",
    start: "14:00",
    end: "16:00",
    location: "Newport Civic Centre, Godfrey Road, Newport",
    attendance: {},
    items: [
      { title: "Minutes of the summer review", presenter: "Gareth Powell, Chair", purpose: "decision" },
      { title: "Extending the agreement", presenter: "Rhian Pugh, Partnership Manager", purpose: "decision" },
    ],
    minutes: "draft",
  },
];
