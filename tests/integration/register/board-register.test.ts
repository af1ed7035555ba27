import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../../../db/audit";
import { boardSeats } from "../../../db/schema";
import { formVersion, lastAuditOf, seatsOf, userId } from "../../helpers/pages";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

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

const seatOf = async (email: string) => (await seatsOf(s.db, "nelcp", email))[0];

async function organisationIdOf(email: string) {
  return (await seatOf(email)).organisationId;
}

describe("the partnership page's board checks", () => {
  it("lists what needs attention on the scenario date, each linked to the member or partner", async () => {
    const res = await chair.get("/p/nelcp");
    const html = await res.text();
    const text = await pageText(new Response(html));
    // Four about the board, two from the risk register (risks above appetite, a review overdue).
    expect(text).toContain("Needs attention (6)");
    expect(text).toContain("Claire Hennessy (London Borough of Waltham Forest, head of service) is below the seniority the terms of reference require");
    expect(text).toContain("City of London Corporation has nobody on the board");
    expect(text).toContain("Tom Egan's delegation as deputy for Rahima Chowdhury lapsed on 30 June 2026 and has not been renewed");
    expect(text).toContain("Joanna Whitfield's term as member (London Borough of Hackney) ends on 31 December 2026");
    const claire = await seatOf("c.hennessy@walthamforest.example");
    expect(html).toContain(`href="/p/nelcp/board/${claire.id}"`);
  });

  it("shows the CIP's scrutiny representatives meeting their rule, and Newport's terms due for review", async () => {
    const admin = s.client();
    await admin.signIn("admin@platform.example");
    const cip = await pageText(await admin.get("/p/leicestershire-cip"));
    expect(cip).toContain("Needs attention (2)"); // the terms' review, and a risk's review overdue
    expect(cip).toContain("The terms of reference (version 1) are due for review on 1 December 2026");
    expect(cip).not.toContain("below the seniority");
    const newport = await pageText(await admin.get("/p/newport-barnardos"));
    expect(newport).toContain("The terms of reference (version 1) are due for review on 9 December 2026");
  });
});

describe("the board register", () => {
  it("shows the board as it stood on a past date", async () => {
    const past = await pageText(await chair.get("/p/nelcp/board?on=2024-06-01"));
    expect(past).toContain("10 seats on 1 June 2024");
    expect(past).toContain("Andrew Pike");
    expect(past).toContain("Oliver Grant");
    expect(past).not.toContain("Claire Hennessy");
    const now = await pageText(await chair.get("/p/nelcp/board"));
    expect(now).toContain("11 seats on 22 November 2026");
    expect(now).toContain("Claire Hennessy");
    expect(now).not.toContain("Andrew Pike");
  });

  it("filters by partner and sorts by any column", async () => {
    const newham = await organisationIdOf("member@nelcp.example");
    const text = await pageText(await chair.get(`/p/nelcp/board?organisation=${newham}`));
    expect(text).toContain("2 seats on 22 November 2026 for London Borough of Newham");
    expect(text).toContain("Grace Mensah");
    const html = await (await chair.get("/p/nelcp/board?sort=name&dir=desc")).text();
    expect(html).toMatch(/<th scope="col" class="govuk-table__header" aria-sort="descending"><a[^>]*>Name/);
    const names = [...html.matchAll(/<th scope="row" class="govuk-table__header"><a[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    const bad = await pageText(await chair.get("/p/nelcp/board?on=2026-02-30"));
    expect(bad).toContain("That is not a real date, so today's board is shown");
  });

  it("a member's page shows their deputies, handover and declarations", async () => {
    const claire = await seatOf("c.hennessy@walthamforest.example");
    const text = await pageText(await chair.get(`/p/nelcp/board/${claire.id}`));
    expect(text).toContain("Below the seniority that version 2 of the terms of reference requires");
    expect(text).toContain("Took over from Andrew Pike");
    expect(text).toContain("the sufficiency return for Q1 is drafted but not submitted");
    const daniel = await seatOf("member@nelcp.example");
    const danielText = await pageText(await chair.get(`/p/nelcp/board/${daniel.id}`));
    expect(danielText).toMatch(/Grace Mensah , 1 June 2025 to 31 March 2027, may vote Valid/);
    const helen = await seatOf("h.marchbank@silverlinedhorizons.example");
    expect(await pageText(await chair.get(`/p/nelcp/board/${helen.id}`))).toContain("Director of Silver Lined Horizons, which the Partnership pays");
    expect((await chair.get("/p/nelcp/board/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("changing the register", () => {
  it("adds a seat for City of London, which clears its problem, and audits it", async () => {
    const person = await userId(s.db, "observer@nelcp.example");
    const city = (await seatOf("o.grant@cityoflondon.example")).organisationId;
    const res = await chair.post("/p/nelcp/board/new", {
      userId: person,
      organisationId: city,
      boardRole: "member",
      deputyForSeatId: "",
      jobTitle: "Assistant Director, People Services",
      seniority: "assistant_director",
      hasVote: "yes",
      delegatedAuthorityGbp: "75000",
      termStart: "2026-11-22",
      termEnd: "2029-03-31",
      reason: "The City named a new representative",
    });
    expect(res.status).toBe(302);
    const seatId = res.headers.get("location")!.match(/board\/([0-9a-f-]+)/)![1];
    const [seat] = await s.db.select().from(boardSeats).where(eq(boardSeats.id, seatId));
    expect(seat).toMatchObject({ boardRole: "member", hasVote: true, delegatedAuthorityGbp: 75000, termEnd: "2029-03-31" });
    const event = await lastAuditOf(s.db, seatId);
    expect(event).toMatchObject({ action: "board_seat.create", reason: "The City named a new representative" });
    expect(await pageText(await chair.get("/p/nelcp"))).not.toContain("City of London Corporation has nobody on the board");
  });

  it("refuses overlapping seats, a second chair, and a deputy from another organisation, saying why", async () => {
    const base = {
      deputyForSeatId: "",
      jobTitle: "Assistant Director",
      seniority: "assistant_director",
      hasVote: "yes",
      delegatedAuthorityGbp: "",
      termStart: "2026-12-01",
      termEnd: "",
      reason: "",
    };
    const havering = await organisationIdOf("chair@nelcp.example");
    const overlap = await chair.post("/p/nelcp/board/new", { ...base, userId: await userId(s.db, "member@nelcp.example"), organisationId: await organisationIdOf("member@nelcp.example"), boardRole: "member" });
    expect(overlap.status).toBe(400);
    expect(await pageText(overlap)).toContain("This person already holds a seat from 1 April 2023 to 31 March 2027");

    const secondChair = await chair.post("/p/nelcp/board/new", { ...base, userId: await userId(s.db, "secretariat@nelcp.example"), organisationId: havering, boardRole: "chair" });
    expect(await pageText(secondChair)).toContain("The board already has a chair from 1 April 2023");

    const rahima = await seatOf("r.chowdhury@towerhamlets.example");
    const crossDeputy = await chair.post("/p/nelcp/board/new", { ...base, userId: await userId(s.db, "secretariat@nelcp.example"), organisationId: havering, boardRole: "deputy", deputyForSeatId: rahima.id });
    expect(await pageText(crossDeputy)).toContain("A deputy must come from the same organisation as the member they stand in for");

    const bad = await chair.post("/p/nelcp/board/new", { ...base, userId: "", organisationId: havering, boardRole: "member", seniority: "grand_vizier", termStart: "2026-13-01", delegatedAuthorityGbp: "lots" });
    expect(bad.status).toBe(400);
    const text = await pageText(bad);
    expect(text).toContain("Choose the person who will hold the seat");
    expect(text).toContain("Choose their seniority");
    expect(text).toContain("Enter a real date for the date the term starts");
    expect(text).toContain("Delegated financial authority must be a whole number");
  });

  it("hands a seat over: the old term ends the day before, the deputy follows the seat, the handover note is kept", async () => {
    const rahima = await seatOf("r.chowdhury@towerhamlets.example");
    const version = await formVersion(chair, `/p/nelcp/board/${rahima.id}/replace`);
    const newHolder = await userId(s.db, "secretariat@nelcp.example");
    const missingReason = await chair.post(`/p/nelcp/board/${rahima.id}/replace`, { version, userId: newHolder, jobTitle: "Assistant Director", seniority: "assistant_director", startDate: "2026-12-01", termEnd: "", reason: "", handoverNote: "" });
    expect(missingReason.status).toBe(400);
    expect(await pageText(missingReason)).toContain("Say why the seat is changing hands");

    const res = await chair.post(`/p/nelcp/board/${rahima.id}/replace`, {
      version,
      userId: newHolder,
      jobTitle: "Interim Assistant Director, Children's Social Care",
      seniority: "assistant_director",
      startDate: "2026-12-01",
      termEnd: "2027-03-31",
      reason: "Rahima Chowdhury is seconded to the regional adoption agency",
      handoverNote: "Tower Hamlets owes the Q3 return; the deputy's delegation needs renewing.",
    });
    expect(res.status).toBe(302);
    const successorId = res.headers.get("location")!.match(/board\/([0-9a-f-]+)/)![1];
    const [old] = await s.db.select().from(boardSeats).where(eq(boardSeats.id, rahima.id));
    expect(old.termEnd).toBe("2026-11-30");
    const [successor] = await s.db.select().from(boardSeats).where(eq(boardSeats.id, successorId));
    expect(successor).toMatchObject({ succeedsSeatId: rahima.id, boardRole: "member", termStart: "2026-12-01" });
    const tom = await seatOf("t.egan@towerhamlets.example");
    expect(tom.deputyForSeatId).toBe(successorId);
    const page = await pageText(await chair.get(`/p/nelcp/board/${successorId}`));
    expect(page).toContain("Took over from Rahima Chowdhury");
    expect(page).toContain("Tower Hamlets owes the Q3 return");

    // The same form sent again is stale: the seat changed since it was loaded.
    const again = await chair.post(`/p/nelcp/board/${rahima.id}/replace`, { version, userId: newHolder, jobTitle: "x", seniority: "assistant_director", startDate: "2026-12-02", termEnd: "", reason: "again", handoverNote: "" });
    expect(again.status).toBe(409);
    expect(await pageText(again)).toContain("Someone else changed this seat while you were editing it");
  });

  it("ends a term with a reason, and edits a seat detecting a stale form", async () => {
    const joanna = await seatOf("j.whitfield@hackney.example");
    const editVersion = await formVersion(chair, `/p/nelcp/board/${joanna.id}/edit`);
    const edited = await chair.post(`/p/nelcp/board/${joanna.id}/edit`, { version: editVersion, jobTitle: "Director of Children and Families", seniority: "director", hasVote: "yes", delegatedAuthorityGbp: "", termStart: "2023-01-01", termEnd: "2026-12-31", reason: "Promoted" });
    expect(edited.status).toBe(302);
    const event = await lastAuditOf(s.db, joanna.id);
    expect(event.before).toEqual({ jobTitle: "Assistant Director, Children and Families Service", seniority: "assistant_director" });
    expect(event.after).toEqual({ jobTitle: "Director of Children and Families", seniority: "director" });

    const stale = await chair.post(`/p/nelcp/board/${joanna.id}/edit`, { version: editVersion, jobTitle: "Something else", seniority: "director", hasVote: "yes", delegatedAuthorityGbp: "", termStart: "2023-01-01", termEnd: "2026-12-31", reason: "" });
    expect(stale.status).toBe(409);
    const staleText = await pageText(stale);
    expect(staleText).toContain("What is saved now");
    expect(staleText).toContain("Director of Children and Families");

    const endVersion = await formVersion(chair, `/p/nelcp/board/${joanna.id}/end`);
    const noReason = await chair.post(`/p/nelcp/board/${joanna.id}/end`, { version: endVersion, endDate: "2026-11-30", reason: "", handoverNote: "" });
    expect(await pageText(noReason)).toContain("Say why the seat is ending");
    const tooLate = await chair.post(`/p/nelcp/board/${joanna.id}/end`, { version: endVersion, endDate: "2027-06-30", reason: "Leaving", handoverNote: "" });
    expect(await pageText(tooLate)).toContain("The term already ends on 31 December 2026");
    const ended = await chair.post(`/p/nelcp/board/${joanna.id}/end`, { version: endVersion, endDate: "2026-11-30", reason: "Left Hackney", handoverNote: "Hackney's cabinet paper on the extension is due in January." });
    expect(ended.status).toBe(302);
    const [row] = await s.db.select().from(boardSeats).where(eq(boardSeats.id, joanna.id));
    expect(row).toMatchObject({ termEnd: "2026-11-30", endReason: "Left Hackney" });
  });

  it("a partner representative names a deputy for their own organisation only, and cannot change members' seats", async () => {
    const rep = s.client();
    await rep.signIn("rep@barking-dagenham.example");
    const marcus = await seatOf("m.bellamy@barking-dagenham.example");
    const form = await pageText(await rep.get(`/p/nelcp/board/new?deputyFor=${marcus.id}`));
    expect(form).toContain("Name a deputy");
    const deputy = {
      userId: await userId(s.db, "rep@barking-dagenham.example"),
      organisationId: marcus.organisationId,
      boardRole: "deputy",
      deputyForSeatId: marcus.id,
      jobTitle: "Commissioning Manager, Children's Placements",
      seniority: "assistant_director",
      hasVote: "",
      delegatedAuthorityGbp: "",
      termStart: "2026-11-22",
      termEnd: "2027-03-31",
      reason: "",
    };
    const named = await rep.post("/p/nelcp/board/new", deputy);
    expect(named.status).toBe(302);

    const daniel = await seatOf("member@nelcp.example");
    const otherOrg = await rep.post("/p/nelcp/board/new", { ...deputy, userId: await userId(s.db, "observer@nelcp.example"), organisationId: daniel.organisationId, deputyForSeatId: daniel.id });
    // The guard refuses what the record's organisation does not allow: a 403 that says who may.
    expect(otherOrg.status).toBe(403);
    expect(await pageText(otherOrg)).toContain("You can only add deputies for your own organisation");
    const asMember = await rep.post("/p/nelcp/board/new", { ...deputy, userId: await userId(s.db, "observer@nelcp.example"), boardRole: "member", deputyForSeatId: "", termStart: "2027-04-01" });
    expect(asMember.status).toBe(403);

    expect((await rep.get(`/p/nelcp/board/${marcus.id}/edit`)).status).toBe(403);
    const post = await rep.post(`/p/nelcp/board/${marcus.id}/end`, { version: "1", endDate: "2026-11-30", reason: "no", handoverNote: "" });
    expect(post.status).toBe(403);
    expect((await seatOf("m.bellamy@barking-dagenham.example")).termEnd).toBe("2027-03-31");
  });

  it("observers, scrutiny members, board members and young people cannot change the register", async () => {
    const marcus = await seatOf("m.bellamy@barking-dagenham.example");
    for (const who of ["observer@nelcp.example", "member@nelcp.example", "vicechair@nelcp.example"]) {
      const c = s.client();
      await c.signIn(who);
      expect((await c.get("/p/nelcp/board")).status, who).toBe(200);
      expect((await c.get("/p/nelcp/board/new")).status, who).toBe(403);
      expect((await c.post("/p/nelcp/board/new", { userId: "x" })).status, who).toBe(403);
      expect((await c.get(`/p/nelcp/board/${marcus.id}/replace`)).status, who).toBe(403);
    }
    const young = s.client();
    await young.signInPortal();
    for (const path of ["/p/nelcp/board", `/p/nelcp/board/${marcus.id}`, "/p/nelcp/declarations", "/p/nelcp/partners"]) expect((await young.get(path)).headers.get("location") ?? "", path).toMatch(/^\/sign-in/);
    expect((await verifyAuditTrail(s.db)).ok).toBe(true);
  });
});
