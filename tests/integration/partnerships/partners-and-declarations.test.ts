import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../../../db/audit";
import { boardSeats, declarationsOfInterest, organisations, partnershipPartners, partnerships } from "../../../db/schema";
import { formVersion, lastAuditOf, partnershipId, seatsOf, userId } from "../../helpers/pages";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

let s: TestServer;
let chair: HttpClient;
let secretariat: HttpClient;
beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  secretariat = s.client();
  await secretariat.signIn("secretariat@nelcp.example");
});
afterAll(async () => {
  await s?.close();
});

async function partnerRow(slug: string, organisationName: string) {
  const [row] = await s.db
    .select({ partner: partnershipPartners })
    .from(partnershipPartners)
    .innerJoin(organisations, eq(organisations.id, partnershipPartners.organisationId))
    .where(and(eq(partnershipPartners.partnershipId, await partnershipId(s.db, slug)), eq(organisations.name, organisationName)));
  return row.partner;
}

const details = (version: string, changes: Record<string, string> = {}) => ({
  version,
  name: "North-East London Commissioning Partnership",
  shortName: "NELCP",
  purpose: "Jointly commission residential placements across the sub-region.",
  sharedVision: "Children live near home.",
  type: "commissioning_partnership",
  status: "active",
  startDate: "2017-09-01",
  termYears: "",
  leadOrganisationId: "",
  leadAgreement: "Havering acts for all eight boroughs.",
  reportsTo: "",
  reason: "",
  ...changes,
});

describe("the partnership's details", () => {
  it("the secretariat edits them; the change is audited field by field with its reason", async () => {
    const [nelcp] = await s.db.select().from(partnerships).where(eq(partnerships.slug, "nelcp"));
    const version = await formVersion(secretariat, "/p/nelcp/edit");
    const res = await secretariat.post("/p/nelcp/edit", details(version, { leadOrganisationId: nelcp.leadOrganisationId!, termYears: "8", reason: "Eight-year block contracts" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/p/nelcp?notice=partnership-updated");
    const event = await lastAuditOf(s.db, nelcp.id);
    expect(event.action).toBe("partnership.update");
    expect(event.reason).toBe("Eight-year block contracts");
    expect(event.after).toMatchObject({ termYears: 8, sharedVision: "Children live near home." });
    expect(event.before).toMatchObject({ termYears: null });
    expect(await pageText(await chair.get("/p/nelcp?notice=partnership-updated"))).toContain("The partnership's details have been saved");
  });

  it("bad input is refused with a message per field and nothing is saved", async () => {
    const version = await formVersion(chair, "/p/nelcp/edit");
    const res = await chair.post("/p/nelcp/edit", details(version, { name: " ", startDate: "2017-02-30", termYears: "a hundred", type: "cartel", leadOrganisationId: "nope" }));
    expect(res.status).toBe(400);
    const text = await pageText(res);
    expect(text).toContain("Enter the partnership's name");
    expect(text).toContain("Enter a real date for the date the partnership started");
    expect(text).toContain("The term must be a whole number");
    expect(text).toContain("Choose the type of partnership");
    expect(text).toContain("Choose the lead body");
    expect(text).toContain("Children live near home."); // typed text kept
    const [nelcp] = await s.db.select().from(partnerships).where(eq(partnerships.slug, "nelcp"));
    expect(nelcp.name).toBe("North-East London Commissioning Partnership");
  });

  it("a stale edit is detected, shows what is saved now, and keeps the loser's text", async () => {
    const [nelcp] = await s.db.select().from(partnerships).where(eq(partnerships.slug, "nelcp"));
    const version = await formVersion(chair, "/p/nelcp/edit");
    const lead = nelcp.leadOrganisationId!;
    expect((await secretariat.post("/p/nelcp/edit", details(version, { leadOrganisationId: lead, purpose: "Secretariat's purpose" }))).status).toBe(302);
    const res = await chair.post("/p/nelcp/edit", details(version, { leadOrganisationId: lead, purpose: "Chair's purpose" }));
    expect(res.status).toBe(409);
    const text = await pageText(res);
    expect(text).toContain("Someone else changed this partnership while you were editing it");
    expect(text).toContain("What is saved now");
    expect(text).toContain("Secretariat's purpose");
    expect(text).toContain("Chair's purpose");
    const [after] = await s.db.select().from(partnerships).where(eq(partnerships.slug, "nelcp"));
    expect(after.purpose).toBe("Secretariat's purpose");
  });

  it("key dates are added and removed, with bad dates refused", async () => {
    const bad = await chair.post("/p/nelcp/key-dates", { kind: "break_clause", onDate: "31/03/2028", description: "" });
    expect(bad.status).toBe(400);
    const badText = await pageText(bad);
    expect(badText).toContain("Enter a real date for the date");
    expect(badText).toContain("Describe the date");
    expect((await chair.post("/p/nelcp/key-dates", { kind: "extension", onDate: "2028-03-31", description: "Option to extend the block contracts by two years" })).status).toBe(302);
    const page = await (await chair.get("/p/nelcp/key-dates")).text();
    expect(page).toContain("Option to extend the block contracts by two years");
    const id = page.match(/name="keyDateId" value="([0-9a-f-]+)"/)![1];
    expect((await chair.post("/p/nelcp/key-dates", { intent: "remove", keyDateId: id })).status).toBe(302);
    const again = await chair.post("/p/nelcp/key-dates", { intent: "remove", keyDateId: id });
    expect(await pageText(again)).toContain("That date has already been removed");
  });

  it("only the chair, secretariat and administrators change the details", async () => {
    for (const who of ["vicechair@nelcp.example", "member@nelcp.example", "rep@barking-dagenham.example", "observer@nelcp.example"]) {
      const c = s.client();
      await c.signIn(who);
      expect((await c.get("/p/nelcp/edit")).status, who).toBe(403);
      expect((await c.post("/p/nelcp/edit", details("1"))).status, who).toBe(403);
      expect((await c.post("/p/nelcp/key-dates", { kind: "review", onDate: "2027-01-01", description: "x" })).status, who).toBe(403);
      expect(await pageText(await c.get("/p/nelcp")), who).not.toContain("Change the partnership's details");
    }
    const admin = s.client();
    await admin.signIn("admin@platform.example");
    expect((await admin.get("/p/nelcp/edit")).status).toBe(200);
  });
});

describe("partners", () => {
  it("adds a new organisation as a partner, and refuses a duplicate or an ambiguous choice", async () => {
    const res = await chair.post("/p/nelcp/partners/new", { organisationId: "", newOrganisationName: "University of East London", newOrganisationType: "university", role: "evaluation_partner", joinedOn: "2026-11-22", reason: "Evaluating the second contract period" });
    expect(res.status).toBe(302);
    const text = await pageText(await chair.get("/p/nelcp/partners"));
    expect(text).toContain("Current partners (11)");
    expect(text).toMatch(/University of East London University or evaluator Evaluation partner 22 November 2026 None/);

    const again = await chair.post("/p/nelcp/partners/new", { organisationId: "", newOrganisationName: "university of east london", newOrganisationType: "university", role: "evaluation_partner", joinedOn: "2026-11-22" });
    expect(await pageText(again)).toContain("University of East London is already known: choose it from the list instead");
    const [uel] = await s.db.select().from(organisations).where(eq(organisations.name, "University of East London"));
    const dup = await chair.post("/p/nelcp/partners/new", { organisationId: uel.id, newOrganisationName: "", newOrganisationType: "", role: "evaluation_partner", joinedOn: "2026-11-22" });
    expect(await pageText(dup)).toContain("That organisation is already a partner");
    const neither = await chair.post("/p/nelcp/partners/new", { organisationId: "", newOrganisationName: "", newOrganisationType: "", role: "boss", joinedOn: "" });
    const neitherText = await pageText(neither);
    expect(neitherText).toContain("Choose an organisation, or enter the name of a new one");
    expect(neitherText).toContain("Choose the organisation's role in the partnership");
    expect(neitherText).toContain("Enter the date the organisation joined");
  });

  it("records a partner leaving: it stays in history and its open seats end on its last day", async () => {
    const ift = await partnerRow("nelcp", "Institute of Family Therapy");
    const version = await formVersion(chair, `/p/nelcp/partners/${ift.id}`);
    const early = await chair.post(`/p/nelcp/partners/${ift.id}`, { intent: "exit", version, exitNoticeDate: "", leftOn: "2016-01-01", exitReason: "Training contract ended", exitHandover: "" });
    expect(await pageText(early)).toContain("The organisation joined on 1 September 2017: it cannot leave before then");
    const noReason = await chair.post(`/p/nelcp/partners/${ift.id}`, { intent: "exit", version, exitNoticeDate: "", leftOn: "2026-12-31", exitReason: "", exitHandover: "" });
    expect(await pageText(noReason)).toContain("Say why the organisation is leaving");

    const res = await chair.post(`/p/nelcp/partners/${ift.id}`, {
      intent: "exit",
      version,
      exitNoticeDate: "2026-09-30",
      leftOn: "2026-12-31",
      exitReason: "The systemic practice training programme is complete.",
      exitHandover: "Training records pass to Havering's workforce team.",
    });
    expect(res.status).toBe(302);
    const [castell] = await seatsOf(s.db, "nelcp", "m.castell@ift.example");
    expect(castell).toMatchObject({ termEnd: "2026-12-31", endReason: "The organisation left the partnership" });
    const page = await pageText(await chair.get(`/p/nelcp/partners/${ift.id}`));
    expect(page).toContain("The systemic practice training programme is complete.");
    expect(page).toContain("Training records pass to Havering's workforce team.");
    // Still a partner until its last day; gone from the board after it.
    expect(await pageText(await chair.get("/p/nelcp/board?on=2027-01-01"))).not.toContain("Miriam Castell");
    expect(await pageText(await chair.get("/p/nelcp/board?on=2026-12-31"))).toContain("Miriam Castell");
  });

  it("the lead body cannot leave until another partner leads", async () => {
    const havering = await partnerRow("nelcp", "London Borough of Havering");
    const version = await formVersion(chair, `/p/nelcp/partners/${havering.id}`);
    const res = await chair.post(`/p/nelcp/partners/${havering.id}`, { intent: "exit", version, exitNoticeDate: "", leftOn: "2026-12-31", exitReason: "Testing", exitHandover: "" });
    expect(await pageText(res)).toContain("This organisation is the lead body: choose another lead body in the partnership's details first");
    const [row] = await s.db.select().from(partnershipPartners).where(eq(partnershipPartners.id, havering.id));
    expect(row.leftOn).toBeNull();
  });

  it("others can read partners but not change them", async () => {
    const rep = s.client();
    await rep.signIn("rep@barking-dagenham.example");
    const bd = await partnerRow("nelcp", "London Borough of Barking and Dagenham");
    expect((await rep.get(`/p/nelcp/partners/${bd.id}`)).status).toBe(200);
    expect(await pageText(await rep.get(`/p/nelcp/partners/${bd.id}`))).not.toContain("Record exit");
    expect((await rep.post(`/p/nelcp/partners/${bd.id}`, { intent: "exit", version: "1", leftOn: "2026-12-31", exitReason: "x" })).status).toBe(403);
    expect((await rep.get("/p/nelcp/partners/new")).status).toBe(403);
  });
});

describe("declarations of interest", () => {
  it("a member declares their own interest; a representative declares for their organisation's member only", async () => {
    const member = s.client();
    await member.signIn("member@nelcp.example");
    const own = await member.post("/p/nelcp/declarations", { userId: await userId(s.db, "member@nelcp.example"), interestType: "non_financial_personal", description: "Governor of a school with a residential unit", relatedOrganisation: "", declaredOn: "2026-11-01" });
    expect(own.status).toBe(302);
    const forOther = await member.post("/p/nelcp/declarations", { userId: await userId(s.db, "chair@nelcp.example"), interestType: "financial", description: "x", relatedOrganisation: "", declaredOn: "2026-11-01" });
    expect(await pageText(forOther)).toContain("You can record declarations for yourself, or as a representative for members of your own organisation");

    const rep = s.client();
    await rep.signIn("rep@barking-dagenham.example");
    const forOwnOrg = await rep.post("/p/nelcp/declarations", { userId: await userId(s.db, "m.bellamy@barking-dagenham.example"), interestType: "financial", description: "Shares in a care provider", relatedOrganisation: "Riverside Care Ltd", declaredOn: "2026-11-20" });
    expect(forOwnOrg.status).toBe(302);
    const forOtherOrg = await rep.post("/p/nelcp/declarations", { userId: await userId(s.db, "member@nelcp.example"), interestType: "financial", description: "x", relatedOrganisation: "", declaredOn: "2026-11-20" });
    expect(forOtherOrg.status).toBe(403);
    expect(await pageText(forOtherOrg)).toContain("You can record declarations for yourself, or as a representative for members of your own organisation");

    const bad = await member.post("/p/nelcp/declarations", { userId: await userId(s.db, "member@nelcp.example"), interestType: "rumour", description: "", relatedOrganisation: "", declaredOn: "yesterday" });
    const badText = await pageText(bad);
    expect(badText).toContain("Choose the kind of interest");
    expect(badText).toContain("Describe the interest");
    expect(badText).toContain("Enter a real date for the date it was declared");

    const register = await pageText(await chair.get("/p/nelcp/declarations"));
    expect(register).toContain("Governor of a school with a residential unit");
    expect(register).toContain("Shares in a care provider");
  });

  it("records that an interest ended, not before it was declared, and only by those who may", async () => {
    const marcusId = await userId(s.db, "m.bellamy@barking-dagenham.example");
    const [declaration] = await s.db.select().from(declarationsOfInterest).where(and(eq(declarationsOfInterest.userId, marcusId), eq(declarationsOfInterest.description, "Shares in a care provider")));
    const observer = s.client();
    await observer.signIn("observer@nelcp.example");
    const refused = await observer.post(`/p/nelcp/declarations/${declaration.id}/end`, { version: "1", endedOn: "2026-11-21" });
    expect(await pageText(refused)).toContain("You can only end your own declarations, or those of your organisation's members");

    const rep = s.client();
    await rep.signIn("rep@barking-dagenham.example");
    const early = await rep.post(`/p/nelcp/declarations/${declaration.id}/end`, { version: "1", endedOn: "2026-01-01", reason: "" });
    expect(await pageText(early)).toContain("The interest was declared on 20 November 2026: it cannot end before then");
    const ended = await rep.post(`/p/nelcp/declarations/${declaration.id}/end`, { version: "1", endedOn: "2026-11-21", reason: "Shares sold" });
    expect(ended.status).toBe(302);
    const event = await lastAuditOf(s.db, declaration.id);
    expect(event).toMatchObject({ action: "declaration.end", reason: "Shares sold" });
  });
});

describe("creating a partnership", () => {
  it("a platform administrator creates one with its lead body and a first draft of terms; others cannot", async () => {
    const admin = s.client();
    await admin.signIn("admin@platform.example");
    const bad = await admin.post("/admin/partnerships/new", { name: "", shortName: "", slug: "Bad Slug!", purpose: "", type: "strategic_partnership", startDate: "2027-04-01", leadOrganisationName: "", leadOrganisationType: "local_authority" });
    const badText = await pageText(bad);
    expect(badText).toContain("Use lower-case letters, numbers and single hyphens only");
    expect(badText).toContain("Enter the partnership's name");
    const res = await admin.post("/admin/partnerships/new", {
      name: "Essex Family Support Partnership",
      shortName: "EFSP",
      slug: "essex-family-support",
      purpose: "Joint family support across the county.",
      type: "strategic_partnership",
      startDate: "2027-04-01",
      leadOrganisationName: "Essex County Council",
      leadOrganisationType: "local_authority",
    });
    expect(res.status).toBe(302);
    const text = await pageText(await admin.get("/p/essex-family-support/terms"));
    expect(text).toContain("Version 1 is being drafted");
    const taken = await admin.post("/admin/partnerships/new", { name: "Another", shortName: "A", slug: "essex-family-support", purpose: "x", type: "strategic_partnership", startDate: "2027-04-01", leadOrganisationName: "Essex County Council", leadOrganisationType: "local_authority" });
    expect(await pageText(taken)).toContain("Another partnership already uses that web address name");

    expect((await chair.get("/admin/partnerships/new")).status).toBe(403);
    expect((await chair.post("/admin/partnerships/new", { name: "x" })).status).toBe(403);
    const seats = await s.db.select().from(boardSeats).where(eq(boardSeats.partnershipId, await partnershipId(s.db, "essex-family-support")));
    expect(seats).toEqual([]);
    expect((await verifyAuditTrail(s.db)).ok).toBe(true);
  });
});
