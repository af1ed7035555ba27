import type { SeedMeeting } from "./seed-meetings";

// A year of Leicestershire CIP board meetings, every two months to the
// story's day, and the next one: the design briefs after the residential one
// (short breaks, then SENDIAS), the joint funding bids, Barnardo's Finance
// Committee approvals reported to the board, the collaboration agreement's
// review. The council's members are nearly always there; Barnardo's Midlands
// director misses two; August's meeting had no Barnardo's voting member, so
// it was not quorate and its decision was ratified in October.

const P = "present" as const;
const A = "apologies" as const;

const venue = "County Hall, Glenfield, Leicester";
const link = "https://meet.leics.example/cip-board";
const chair = "c.langley@leics.example";

const everyone = { [chair]: P, "n.hargreaves@barnardos.example": P, "p.rowntree@leics.example": P, "a.liddell@leics.example": P, "s.kaur@barnardos.example": P, "h.pemberton@leics.example": P, "f.siddiqui@leics.example": P };

export const cipMeetings: SeedMeeting[] = [
  {
    key: "cip-dec",
    title: "CIP board",
    date: "2025-12-11",
    start: "14:00",
    end: "16:00",
    location: venue,
    onlineLink: link,
    attendance: { ...everyone, "f.siddiqui@leics.example": A },
    items: [
      {
        title: "Service Design Brief 2: short breaks",
        presenter: "Peter Rowntree, Assistant Director",
        purpose: "decision",
        notes: "The council asked the design team to look at short break services for disabled children next, with families in the design team from the start.",
        decisions: [
          {
            title: "Issue Service Design Brief 2: short break services",
            text: "The council issues the second service design brief, on short break services for disabled children and their families, to the joint design team.",
            rationale: "Short breaks are the next largest call on the care budget after residential care, and families have asked for more flexible breaks.",
            outcome: "agreed",
          },
        ],
        actions: [{ title: "Recruit four parent carers to the short breaks design team", owner: "s.kaur@barnardos.example", orgKey: "barnardos", dueDate: "2026-02-27", done: "Five parent carers joined in February." }],
      },
      {
        title: "Joint funding bids: the year so far",
        presenter: "Sunita Kaur, Barnardo's",
        purpose: "information",
        notes: "Three joint bids had been won since April, worth £1.2 million between them; two more were with funders.",
      },
    ],
    minutes: "circulated",
  },
  {
    key: "cip-feb",
    title: "CIP board",
    date: "2026-02-12",
    start: "14:00",
    end: "16:00",
    location: venue,
    onlineLink: link,
    attendance: everyone,
    items: [
      {
        title: "Minutes of the December board",
        presenter: "Catherine Langley, co-chair",
        purpose: "decision",
        decisions: [{ title: "Approve the minutes of the December 2025 CIP board", text: "The minutes of the board of 11 December 2025 are approved as a correct record.", outcome: "agreed", approvesMinutesOf: "cip-dec" }],
      },
      {
        title: "Joint bid to the Youth Futures Foundation",
        presenter: "Sunita Kaur, Barnardo's",
        purpose: "decision",
        notes: "Barnardo's Finance Committee had approved its share under its high value and risk procedure the week before.",
        declarations: [{ email: "n.hargreaves@barnardos.example", interest: "Barnardo's would deliver the project if the bid succeeds", recused: true }],
        decisions: [
          {
            title: "Submit the joint bid for a care leavers' employment project",
            text: "The partnership bids jointly for £465,000 over three years for a care leavers' employment and mentoring project, led by Barnardo's with the council's leaving care service.",
            rationale: "It brings in new money for care leavers without adding to either partner's core budget.",
            outcome: "agreed",
            financialImplicationGbp: 465_000,
            financialNote: "External funding sought; the council's contribution is staff time already budgeted.",
          },
        ],
        actions: [{ title: "Submit the care leavers' employment bid", owner: "s.kaur@barnardos.example", orgKey: "barnardos", dueDate: "2026-03-13", done: "Submitted on 11 March." }],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "cip-apr",
    title: "CIP board",
    date: "2026-04-16",
    start: "14:00",
    end: "16:00",
    location: venue,
    onlineLink: link,
    attendance: { ...everyone, "n.hargreaves@barnardos.example": A },
    items: [
      {
        title: "Minutes of the February board",
        presenter: "Catherine Langley, co-chair",
        purpose: "decision",
        decisions: [{ title: "Approve the minutes of the February 2026 CIP board", text: "The minutes of the board of 12 February 2026 are approved as a correct record.", outcome: "agreed", approvesMinutesOf: "cip-feb" }],
      },
      {
        title: "Short breaks: the design team's options",
        presenter: "Amanda Liddell, Head of Service",
        purpose: "discussion",
        notes: "Families preferred overnight breaks closer to home and more weekend activity; the design team will cost both.",
        actions: [
          { title: "Cost overnight and weekend short break options", owner: "a.liddell@leics.example", orgKey: "leicestershire", dueDate: "2026-06-05", done: "Costed options went to the June board." },
          { title: "Report the year's joint bids and their outcomes to the board", owner: "s.kaur@barnardos.example", orgKey: "barnardos", dueDate: "2026-12-10" },
        ],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "cip-jun",
    title: "CIP board",
    date: "2026-06-11",
    start: "14:00",
    end: "16:00",
    location: venue,
    onlineLink: link,
    attendance: { ...everyone, "h.pemberton@leics.example": A },
    items: [
      {
        title: "Minutes of the April board",
        presenter: "Catherine Langley, co-chair",
        purpose: "decision",
        decisions: [{ title: "Approve the minutes of the April 2026 CIP board", text: "The minutes of the board of 16 April 2026 are approved as a correct record.", outcome: "agreed", approvesMinutesOf: "cip-apr" }],
      },
      {
        title: "Short breaks business case",
        presenter: "Amanda Liddell, Head of Service",
        purpose: "decision",
        notes: "The business case goes to the Transformation Delivery Board and then Cabinet, as the first brief's did.",
        decisions: [
          {
            title: "Send the short breaks business case to Cabinet",
            text: "The board endorses the short breaks business case (overnight breaks in two county homes and a weekend activity offer) for the Transformation Delivery Board and Cabinet.",
            rationale: "Families asked for breaks closer to home; the modelling shows fewer children needing to come into care at crisis points.",
            outcome: "agreed",
            keyDecision: true,
            financialImplicationGbp: 640_000,
            needsRatification: true,
          },
        ],
        actions: [{ title: "Take the short breaks business case to the Transformation Delivery Board", owner: "p.rowntree@leics.example", orgKey: "leicestershire", dueDate: "2026-07-31", done: "Endorsed by the Transformation Delivery Board on 28 July." }],
      },
      {
        title: "Service Design Brief 3: SENDIAS",
        presenter: "Peter Rowntree, Assistant Director",
        purpose: "decision",
        decisions: [
          {
            title: "Issue Service Design Brief 3: the SEND information, advice and support service",
            text: "The council issues the third service design brief, on its special educational needs and disabilities information, advice and support service, to the joint design team.",
            outcome: "agreed",
          },
        ],
        actions: [{ title: "Set up the SENDIAS design team with young people with SEND", owner: "n.hargreaves@barnardos.example", orgKey: "barnardos", dueDate: "2026-10-30" }],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "cip-aug",
    title: "CIP board",
    date: "2026-08-13",
    start: "14:00",
    end: "15:30",
    onlineLink: link,
    attendance: { ...everyone, "n.hargreaves@barnardos.example": A, "s.kaur@barnardos.example": A, "f.siddiqui@leics.example": A },
    items: [
      {
        title: "Residential hub: the first home's registration",
        presenter: "Amanda Liddell, Head of Service",
        purpose: "decision",
        notes: "No Barnardo's voting member could attend, so the board was not quorate; it agreed to apply for registration so Ofsted's timetable was not lost, knowing the decision needed ratifying.",
        decisions: [
          {
            title: "Apply to Ofsted to register the hub's first home",
            text: "The council applies to Ofsted to register the residential hub's first home, a four-bed assessment home, so it can open in the spring.",
            outcome: "agreed",
            laterStatus: { to: "agreed", reason: "Ratified at the quorate board meeting of 8 October 2026.", after: "cip-oct" },
          },
        ],
        actions: [{ title: "Submit the Ofsted registration for the hub's first home", owner: "a.liddell@leics.example", orgKey: "leicestershire", dueDate: "2026-12-18" }],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "cip-oct",
    title: "CIP board",
    date: "2026-10-08",
    start: "14:00",
    end: "16:00",
    location: venue,
    onlineLink: link,
    attendance: everyone,
    items: [
      {
        title: "Minutes of the June and August boards",
        presenter: "Catherine Langley, co-chair",
        purpose: "decision",
        decisions: [
          { title: "Approve the minutes of the June 2026 CIP board", text: "The minutes of the board of 11 June 2026 are approved as a correct record.", outcome: "agreed", approvesMinutesOf: "cip-jun" },
          { title: "Approve the minutes of the August 2026 CIP board", text: "The minutes of the board of 13 August 2026 are approved as a correct record.", outcome: "agreed", approvesMinutesOf: "cip-aug" },
        ],
      },
      {
        title: "Annual review of the Collaboration Agreement",
        presenter: "Catherine Langley, co-chair",
        purpose: "discussion",
        notes: "Both partners want the agreement to run its ten years; the review will propose measures for each design brief's outcomes.",
        actions: [
          { title: "Draft the annual review of the Collaboration Agreement", owner: chair, orgKey: "leicestershire", dueDate: "2026-11-20" },
          { title: "Propose outcome measures for each design brief", owner: "p.rowntree@leics.example", orgKey: "leicestershire", dueDate: "2027-01-29" },
          // The Lead Members on the board carry the review back to the Overview and Scrutiny Committee.
          { title: "Put the CIP's annual review on the Overview and Scrutiny Committee's March agenda", owner: "scrutiny-chair@leics.example", dueDate: "2027-01-15" },
          { title: "Bring the committee's questions on short breaks to December's board", owner: "scrutiny@leics.example", dueDate: "2026-12-09" },
        ],
      },
    ],
    minutes: "circulated",
  },
  {
    key: "cip-dec26",
    title: "CIP board",
    date: "2026-12-10",
    start: "14:00",
    end: "16:00",
    location: venue,
    onlineLink: link,
    attendance: {},
    items: [
      { title: "Minutes of the October board", presenter: "Catherine Langley, co-chair", purpose: "decision" },
      { title: "The residential hub: the board's reconsideration after call-in", presenter: "Catherine Langley, co-chair", purpose: "decision" },
      { title: "Joint bids: the year's outcomes", presenter: "Sunita Kaur, Barnardo's", purpose: "information" },
    ],
    minutes: "draft",
  },
];
