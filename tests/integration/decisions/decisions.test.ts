import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../../../db/audit";
import { decisions, termsOfReference } from "../../../db/schema";
import { termsInForce } from "../../../app/areas/register/terms.server";
import { addItem, decisionForm, markAttendance, scheduleMeeting, seatOn } from "../../helpers/meetings";
import { formVersion, partnershipId } from "../../helpers/pages";
import { pageText, SCENARIO_TODAY, startTestServer, travelTo, type HttpClient, type TestServer } from "../../helpers/server";

let s: TestServer;
let chair: HttpClient;
beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
});
afterAll(async () => {
  await s?.close();
});

const byTitle = async (title: string) => (await s.db.select().from(decisions).where(eq(decisions.title, title)))[0];

/** Four voting members from four boroughs: short of version 2's quorum (six), enough for version 3's (three). */
const fourMembers = {
  "chair@nelcp.example": "present",
  "vicechair@nelcp.example": "present",
  "m.bellamy@barking-dagenham.example": "present",
  "member@nelcp.example": "present",
  "c.hennessy@walthamforest.example": "apologies",
};

describe("decisions under terms of reference that change between two meetings", () => {
  let december: string;
  let decemberItem: string;
  let january: string;
  let januaryItem: string;

  beforeAll(async () => {
    // Version 3: decide by simple majority, quorum of three from two partners, from 1 January 2027.
    await chair.post("/p/nelcp/terms", {});
    const version = await formVersion(chair, "/p/nelcp/terms/3/edit");
    const v2 = (await termsInForce(s.db, await partnershipId(s.db, "nelcp"), "2026-11-22"))!;
    const saved = await chair.post("/p/nelcp/terms/3/edit", {
      ...v2.sections,
      version,
      changeSummary: "Decide by majority; smaller quorum.",
      minVotingMembers: "3",
      minPartners: "2",
      requiredRolesAnyOf: ["chair", "vice_chair"],
      leadPartnerRequired: "yes",
      deputiesCount: "yes",
      method: "simple_majority",
      votingBasis: "per_member",
      ratifyingPartnerTypes: ["local_authority"],
      ratifyingBody: "Cabinet",
      "seniority-0-target": "partner_type:local_authority",
      "seniority-0-minimumTier": "assistant_director",
      reviewDate: "2028-03-31",
    });
    expect(saved.status).toBe(302);
    const approve = await chair.post("/p/nelcp/terms/3", { intent: "approve", version: await formVersion(chair, "/p/nelcp/terms/3"), effectiveFrom: "2027-01-01", route: "written_procedure", approvalNote: "Agreed in writing by all eight boroughs" });
    expect(approve.status).toBe(302);

    december = await scheduleMeeting(chair, "nelcp", { date: "2026-12-03" });
    decemberItem = await addItem(chair, s.db, "nelcp", december, "Lot 3 timetable");
    january = await scheduleMeeting(chair, "nelcp", { date: "2027-01-07" });
    januaryItem = await addItem(chair, s.db, "nelcp", january, "Lot 3 timetable");
    await markAttendance(chair, s.db, "nelcp", december, "2026-12-03", fourMembers);
    await markAttendance(chair, s.db, "nelcp", january, "2027-01-07", fourMembers);
  });
  afterAll(() => travelTo(SCENARIO_TODAY));

  it("approving terms outside a meeting is itself a decision, flagged as written procedure", async () => {
    const d = await byTitle("Approve version 3 of the terms of reference");
    expect(d).toMatchObject({ route: "written_procedure", status: "agreed", reference: "NELCP-2026-011" });
    const text = await pageText(await chair.get("/p/nelcp/terms/3"));
    expect(text).toContain("Decision NELCP-2026-011");
    expect(text).toContain("Takes effect 1 January 2027");
  });

  it("the same attendance is inquorate under version 2 in December and quorate under version 3 in January", async () => {
    // From here on both meetings have taken place, and the partners' Cabinets have met since.
    travelTo("2027-01-31");
    expect(await pageText(await chair.get(`/p/nelcp/meetings/${december}/run`))).toContain("Quorum for the meeting: Not quorate");
    const jan = await pageText(await chair.get(`/p/nelcp/meetings/${january}/run`));
    expect(jan).toContain("Quorum for the meeting: Quorate");
    expect(jan).toContain("4 voting members counted from 4 partners, under version 3 of the terms of reference");

    const consensus = await chair.post(`/p/nelcp/meetings/${december}/run`, decisionForm({ agendaItemId: decemberItem, title: "December lot 3", outcome: "agreed" }));
    expect(consensus.status).toBe(302);
    expect((await byTitle("December lot 3")).status).toBe("inquorate");
  });

  it("votes decide under version 3: a majority agrees, a tie does not, and only counted members may vote", async () => {
    const seat = async (email: string) => (await seatOn(s.db, "nelcp", email, "2027-01-07")).id;
    const [graham, funmi, marcus, daniel, claire] = await Promise.all(
      ["chair@nelcp.example", "vicechair@nelcp.example", "m.bellamy@barking-dagenham.example", "member@nelcp.example", "c.hennessy@walthamforest.example"].map(seat),
    );
    const consensusAtVoteMeeting = await chair.post(`/p/nelcp/meetings/${january}/run`, decisionForm({ agendaItemId: januaryItem, title: "Wrong method", outcome: "agreed" }));
    expect(await pageText(consensusAtVoteMeeting)).toContain("These terms decide by simple majority: record the votes and the outcome follows from them");

    const absentVoter = await chair.post(
      `/p/nelcp/meetings/${january}/run`,
      decisionForm({ agendaItemId: januaryItem, title: "Absent voter", outcome: "by_votes", [`vote-${graham}`]: "for", [`vote-${claire}`]: "for" }),
    );
    expect(await pageText(absentVoter)).toContain("Claire Hennessy is not a voting member counted at this meeting, so cannot vote");

    const majority = await chair.post(
      `/p/nelcp/meetings/${january}/run`,
      decisionForm({
        agendaItemId: januaryItem,
        title: "Bring lot 3 forward",
        text: "Procurement of lot 3 starts in April 2027.",
        outcome: "by_votes",
        needsRatification: "yes",
        [`vote-${graham}`]: "for",
        [`vote-${funmi}`]: "for",
        [`vote-${marcus}`]: "for",
        [`vote-${daniel}`]: "against",
      }),
    );
    expect(majority.status).toBe(302);
    const agreed = await byTitle("Bring lot 3 forward");
    expect(agreed.status).toBe("agreed");
    expect(agreed.reference).toBe("NELCP-2027-001");
    const page = await pageText(await chair.get(`/p/nelcp/decisions/${agreed.id}`));
    expect(page).toContain("Awaiting ratification by 8 of 8");
    expect(page).toMatch(/Daniel Osei London Borough of Newham Against/);
    expect(page).toContain("3 members for, 1 against, 0 abstaining: a majority for.");

    const tie = await chair.post(
      `/p/nelcp/meetings/${january}/run`,
      decisionForm({ agendaItemId: januaryItem, title: "Close a home", outcome: "by_votes", [`vote-${graham}`]: "for", [`vote-${funmi}`]: "for", [`vote-${marcus}`]: "against", [`vote-${daniel}`]: "against" }),
    );
    expect(tie.status).toBe(302);
    expect((await byTitle("Close a home")).status).toBe("rejected");

    // A member who withdrew from the item cannot vote on it.
    expect((await chair.post(`/p/nelcp/meetings/${january}/run`, { intent: "declare", agendaItemId: januaryItem, seatId: marcus, interest: "Trustee of a bidder", recused: "yes" })).status).toBe(302);
    const recused = await chair.post(`/p/nelcp/meetings/${january}/run`, decisionForm({ agendaItemId: januaryItem, title: "Recused vote", outcome: "by_votes", [`vote-${marcus}`]: "for" }));
    expect(await pageText(recused)).toContain("Marcus Bellamy withdrew from this item, so cannot vote on it");
  });

  it("records each partner's ratification, with its date", async () => {
    const d = await byTitle("Bring lot 3 forward");
    const havering = (await seatOn(s.db, "nelcp", "chair@nelcp.example", "2027-01-07")).organisationId;
    const noDate = await chair.post(`/p/nelcp/decisions/${d.id}`, { intent: "ratification", organisationId: havering, version: "1", status: "ratified", body: "Cabinet", decidedOn: "", note: "" });
    expect(await pageText(noDate)).toContain("Enter the date the partner's body decided");
    expect((await chair.post(`/p/nelcp/decisions/${d.id}`, { intent: "ratification", organisationId: havering, version: "1", status: "ratified", body: "Cabinet", decidedOn: "2027-01-20", note: "" })).status).toBe(302);
    expect(await pageText(await chair.get(`/p/nelcp/decisions/${d.id}`))).toContain("Awaiting ratification by 7 of 8");
    const log = await pageText(await chair.get("/p/nelcp/decisions?q=lot%203"));
    expect(log).toContain("Awaiting ratification by 7 of 8");
    const member = s.client();
    await member.signIn("member@nelcp.example");
    expect((await member.post(`/p/nelcp/decisions/${d.id}`, { intent: "ratification", organisationId: havering, version: "2", status: "refused", body: "", decidedOn: "2027-01-21" })).status).toBe(403);
  });

  it("approving a terms-of-reference draft at a meeting brings it into force from the meeting's date", async () => {
    await chair.post("/p/nelcp/terms", {});
    const [draft] = await s.db
      .select()
      .from(termsOfReference)
      .where(and(eq(termsOfReference.partnershipId, await partnershipId(s.db, "nelcp")), eq(termsOfReference.versionNumber, 4)));
    const item = await addItem(chair, s.db, "nelcp", january, "Terms of reference version 4");
    const seat = async (email: string) => (await seatOn(s.db, "nelcp", email, "2027-01-07")).id;
    const res = await chair.post(
      `/p/nelcp/meetings/${january}/run`,
      decisionForm({ agendaItemId: item, title: "Approve version 4", outcome: "by_votes", approves: `terms:${draft.id}`, [`vote-${await seat("chair@nelcp.example")}`]: "for", [`vote-${await seat("member@nelcp.example")}`]: "for" }),
    );
    expect(res.status).toBe(302);
    const inForce = await termsInForce(s.db, await partnershipId(s.db, "nelcp"), "2027-01-07");
    expect(inForce?.versionNumber).toBe(4);
    expect(inForce?.approvedByDecisionId).toBe((await byTitle("Approve version 4")).id);
  });
});

describe("proposals and decisions outside meetings", () => {
  it("a partner representative proposes; only the proposer or the chair rewords it; a stale edit is refused", async () => {
    const rep = s.client();
    await rep.signIn("rep@barking-dagenham.example");
    const bad = await rep.post("/p/nelcp/decisions/new", { kind: "proposal", title: "", text: "", rationale: "", optionsConsidered: "", meetingId: "not-a-meeting" });
    const badText = await pageText(bad);
    expect(badText).toContain("Enter a short title for the decision");
    expect(badText).toContain("Enter what was decided");
    expect(badText).toContain("Choose a meeting from the list");
    const res = await rep.post("/p/nelcp/decisions/new", { kind: "proposal", title: "Share a placement dashboard", text: "Boroughs share a monthly placement dashboard.", rationale: "", optionsConsidered: "", meetingId: "" });
    expect(res.status).toBe(302);
    const d = await byTitle("Share a placement dashboard");
    expect(d.status).toBe("proposed");
    expect(await pageText(await chair.get("/p/nelcp/decisions"))).toContain(`${d.reference}: Share a placement dashboard (proposed by Shanice Lowther)`);

    const edit = { intent: "edit", version: "1", title: "Share a monthly placement dashboard", text: "Each borough shares a monthly dashboard.", rationale: "", optionsConsidered: "" };
    expect((await rep.post(`/p/nelcp/decisions/${d.id}`, edit)).status).toBe(302);
    const stale = await rep.post(`/p/nelcp/decisions/${d.id}`, { ...edit, text: "My competing wording" });
    expect(stale.status).toBe(409);
    expect(await pageText(stale)).toContain("My competing wording");
    const member = s.client();
    await member.signIn("member@nelcp.example");
    const notTheirs = await member.post(`/p/nelcp/decisions/${d.id}`, { ...edit, version: "2" });
    expect(await pageText(notTheirs)).toContain("Only the person who proposed it, or the chair or secretariat, can change a proposal");
    const observer = s.client();
    await observer.signIn("observer@nelcp.example");
    expect((await observer.get("/p/nelcp/decisions/new")).status).toBe(403);
    expect((await observer.get(`/p/nelcp/decisions/${d.id}`)).status).toBe(200);
  });

  it("the chair records a chair's action; representatives cannot", async () => {
    const res = await chair.post("/p/nelcp/decisions/new", {
      kind: "outside",
      route: "chairs_action",
      outcome: "agreed",
      decidedOn: "2026-11-20",
      title: "Emergency placement funding",
      text: "Fund an emergency placement for one child over the winter.",
      rationale: "",
      optionsConsidered: "",
      delegatedAuthority: "Chair's delegated authority under the terms of reference",
      financialImplicationGbp: "45000",
      financialNote: "",
      reviewDate: "",
    });
    expect(res.status).toBe(302);
    const d = await byTitle("Emergency placement funding");
    expect(d).toMatchObject({ route: "chairs_action", status: "agreed", quorumSnapshot: null, financialImplicationGbp: 45000 });
    const page = await pageText(await chair.get(`/p/nelcp/decisions/${d.id}`));
    expect(page).toContain("Chair's action");
    expect(page).toContain("Chair's action, to be reported to the next meeting");
    const rep = s.client();
    await rep.signIn("rep@barking-dagenham.example");
    expect((await rep.get("/p/nelcp/decisions/new?outside=1")).status).toBe(403);
    expect((await rep.post("/p/nelcp/decisions/new", { kind: "outside", route: "chairs_action", outcome: "agreed", decidedOn: "2026-11-20", title: "x", text: "y" })).status).toBe(403);
  });

  it("moves a decision on: rescinded with a reason, superseded only by an agreed decision, and never back", async () => {
    const d = await byTitle("Emergency placement funding");
    const noReason = await chair.post(`/p/nelcp/decisions/${d.id}`, { intent: "status", version: "1", toStatus: "rescinded", reason: "", supersededByReference: "" });
    expect(await pageText(noReason)).toContain("Say why the status is changing");
    const badRef = await chair.post(`/p/nelcp/decisions/${d.id}`, { intent: "status", version: "1", toStatus: "superseded", reason: "Replaced", supersededByReference: "NELCP-1999-001" });
    expect(await pageText(badRef)).toContain("Enter the reference of the agreed decision that replaces this one");
    expect((await chair.post(`/p/nelcp/decisions/${d.id}`, { intent: "status", version: "1", toStatus: "rescinded", reason: "The placement was not needed" })).status).toBe(302);
    const back = await chair.post(`/p/nelcp/decisions/${d.id}`, { intent: "status", version: "2", toStatus: "agreed", reason: "Oops" });
    expect(await pageText(back)).toContain("A decision that is rescinded cannot become agreed");
    const page = await pageText(await chair.get(`/p/nelcp/decisions/${d.id}`));
    expect(page).toMatch(/Agreed → Rescinded by Graham Featherstone\. The placement was not needed/);
  });
});

describe("the decision log", () => {
  beforeAll(async () => {
    // Enough decisions for more than one page.
    for (let i = 1; i <= 30; i++)
      await chair.post("/p/nelcp/decisions/new", {
        kind: "outside",
        route: "written_procedure",
        outcome: "agreed",
        decidedOn: `2025-0${1 + (i % 9)}-${String(1 + (i % 27)).padStart(2, "0")}`,
        title: i === 7 ? 'Quote "this", and a comma, please' : `Routine approval ${i}`,
        text: i === 7 ? "=SUM(A1:A9) looks like a formula" : `Routine written approval number ${i}.`,
        rationale: "",
        optionsConsidered: "",
        delegatedAuthority: "",
        financialImplicationGbp: "",
        financialNote: "",
        reviewDate: "",
      });
  });

  it("pages by keyset, newest first, without repeating or skipping a decision", async () => {
    const first = await (await chair.get("/p/nelcp/decisions")).text();
    const refs = (html: string) => [...html.matchAll(/<th scope="row" class="govuk-table__header"><a[^>]*>([A-Z]+-\d{4}-\d{3})<\/a>/g)].map((m) => m[1]);
    const page1 = refs(first);
    expect(page1).toHaveLength(25);
    const next = first.match(/href="[^"?]*\?([^"]*after=[^"]+)"/)![1].replace(/&amp;/g, "&");
    const second = await (await chair.get(`/p/nelcp/decisions?${next}`)).text();
    const page2 = refs(second);
    const all = await s.db.select({ reference: decisions.reference, decidedOn: decisions.decidedOn }).from(decisions).where(eq(decisions.partnershipId, await partnershipId(s.db, "nelcp")));
    const logged = all.filter((d) => d.decidedOn !== null);
    expect(new Set([...page1, ...page2]).size).toBe(page1.length + page2.length);
    expect(page1.length + page2.length).toBe(Math.min(50, logged.length));
  });

  it("searches words and references, and filters by status, dates, meeting and partner", async () => {
    expect(await pageText(await chair.get("/p/nelcp/decisions?q=lot%202"))).toContain("Award lot 2 to the Thames Gateway Care consortium");
    const byRef = await pageText(await chair.get("/p/nelcp/decisions?q=nelcp-2026-005"));
    expect(byRef).toContain("Extend the lot 1 block contracts by two years");
    expect(byRef).not.toContain("Award lot 2");
    const inquorate = await pageText(await chair.get("/p/nelcp/decisions?status=inquorate"));
    expect(inquorate).toContain("December lot 3");
    expect(inquorate).not.toContain("Routine approval");
    const range = await pageText(await chair.get("/p/nelcp/decisions?from=2026-03-01&to=2026-03-31"));
    expect(range).toContain("Award lot 2");
    expect(range).not.toContain("Extend the lot 1");
    const towerHamlets = (await seatOn(s.db, "nelcp", "r.chowdhury@towerhamlets.example", "2026-11-22")).organisationId;
    const partner = await pageText(await chair.get(`/p/nelcp/decisions?partner=${towerHamlets}`));
    expect(partner).toContain("Extend the lot 1 block contracts by two years");
    expect(partner).not.toContain("Award lot 2");
    const junk = await chair.get("/p/nelcp/decisions?status=maybe&from=yesterday&meeting=x");
    expect(junk.status).toBe(200);
  });

  it("exports the filtered log as CSV that a real parser reads back, with formulas defused", async () => {
    const { parse } = await import("csv-parse/sync");
    const res = await chair.get("/p/nelcp/decisions.csv?from=2025-01-01&to=2025-12-31");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain('attachment; filename="nelcp-decisions.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte-order mark, so Excel reads it as UTF-8
    const rows: string[][] = parse(bytes.toString("utf8"), { bom: true });
    expect(rows[0].slice(0, 5)).toEqual(["Reference", "Date", "Title", "Decision", "Status"]);
    expect(rows).toHaveLength(31);
    const quoted = rows.find((r) => r[2] === 'Quote "this", and a comma, please')!;
    expect(quoted[3]).toBe("'=SUM(A1:A9) looks like a formula");
    expect(quoted[5]).toBe("Written procedure");
    const observer = s.client();
    await observer.signIn("observer@nelcp.example");
    expect((await observer.get("/p/nelcp/decisions.csv")).status).toBe(200);
    const outsider = s.client();
    await outsider.signIn("scrutiny@leics.example");
    expect((await outsider.get("/p/nelcp/decisions.csv")).status).toBe(403);
    expect((await verifyAuditTrail(s.db)).ok).toBe(true);
  });
});
