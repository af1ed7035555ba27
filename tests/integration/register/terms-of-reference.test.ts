import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../../../db/audit";
import { termsOfReference } from "../../../db/schema";
import { termsInForce } from "../../../app/areas/register/terms.server";
import { formVersion, lastAuditOf, partnershipId } from "../../helpers/pages";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

let s: TestServer;
let chair: HttpClient;
beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  savedSections = (await termsInForce(s.db, await partnershipId(s.db, "nelcp"), "2026-11-22"))!.sections;
});
afterAll(async () => {
  await s?.close();
});

let savedSections: Record<string, string> = {};

/** The draft form as a browser would send it: version 2's sections, its rules with a raised quorum, and any changes. */
function draftForm(version: string, changes: Record<string, string | string[]> = {}) {
  const form: Record<string, string | string[]> = {
    ...savedSections,
    version,
    changeSummary: "Quorum raised to seven; the lead body no longer has to be present.",
    minVotingMembers: "7",
    minPartners: "5",
    requiredRolesAnyOf: ["chair", "vice_chair"],
    deputiesCount: "yes",
    method: "consensus",
    votingBasis: "per_partner",
    ratifyingPartnerTypes: ["local_authority"],
    ratifyingBody: "Cabinet",
    callInAppliesTo: "key_decisions",
    callInWindow: "5",
    callInSignatories: "2",
    callInOptions: ["callInChairAlone", "callInGroundsRequired"],
    callInConsiderWithin: "15",
    callInReconsiderWithin: "10",
    "seniority-0-target": "partner_type:local_authority",
    "seniority-0-minimumTier": "assistant_director",
    "seniority-1-target": "board_role:chair",
    "seniority-1-minimumTier": "director",
    "seniority-2-target": "",
    "seniority-2-minimumTier": "assistant_director",
    purpose: "To commission residential care jointly across the eight boroughs.",
    quorum: "Seven voting members from at least five boroughs, including the chair or the vice-chair.",
    reviewDate: "2028-03-31",
    ...changes,
  };
  return form;
}

describe("terms of reference", () => {
  it("shows the version in force and its rules, and the history", async () => {
    const text = await pageText(await chair.get("/p/nelcp/terms"));
    expect(text).toContain("Version 2, in force since 1 April 2025");
    expect(text).toContain("Quorum: at least 6 voting members present");
    expect(text).toMatch(/Version 1 Superseded 1 September 2017/);
  });

  it("a chair drafts version 3 from version 2, and bad rules are refused with precise messages and nothing saved", async () => {
    const started = await chair.post("/p/nelcp/terms", {});
    expect(started.status).toBe(302);
    expect(started.headers.get("location")).toBe("/p/nelcp/terms/3/edit?notice=terms-draft-created");
    const version = await formVersion(chair, "/p/nelcp/terms/3/edit");

    const bad = await chair.post("/p/nelcp/terms/3/edit", draftForm(version, { minVotingMembers: "4", minPartners: "5", "seniority-2-target": "partner_type:local_authority", "seniority-2-minimumTier": "officer", reviewDate: "2028-02-30" }));
    expect(bad.status).toBe(400);
    const text = await pageText(bad);
    expect(text).toContain("The number of partners represented cannot be more than the number of voting members");
    expect(text).toContain("Seniority rules 1 and 3 apply to the same people: keep one");
    expect(text).toContain("The review date must be a real date");
    expect(text).toContain("Quorum raised to seven"); // what was typed is kept
    const [draft] = await s.db.select().from(termsOfReference).where(and(eq(termsOfReference.partnershipId, await partnershipId(s.db, "nelcp")), eq(termsOfReference.versionNumber, 3)));
    expect(draft.changeSummary).toBeNull();

    const zero = await chair.post("/p/nelcp/terms/3/edit", draftForm(version, { minVotingMembers: "0" }));
    expect(await pageText(zero)).toContain("The number of voting members must be between 1 and 200");

    // Call-in's periods and signatories: each wrong value named, nothing saved.
    const callIn = await chair.post("/p/nelcp/terms/3/edit", draftForm(version, { callInWindow: "0", callInSignatories: "two", callInConsiderWithin: "", callInAppliesTo: "some", callInOptions: ["callInEverything"] }));
    expect(callIn.status).toBe(400);
    const callInText = await pageText(callIn);
    expect(callInText).toContain("The call-in period must be between 1 and 20");
    expect(callInText).toContain("The number of scrutiny members who must sign must be a whole number");
    expect(callInText).toContain("Enter the time to consider a call-in");
    expect(callInText).toContain("Choose which decisions may be called in");
    expect(callInText).toContain("Choose from the list");
    const [still] = await s.db.select().from(termsOfReference).where(and(eq(termsOfReference.partnershipId, await partnershipId(s.db, "nelcp")), eq(termsOfReference.versionNumber, 3)));
    expect(still.changeSummary).toBeNull();
  });

  it("only one draft at a time", async () => {
    const again = await chair.post("/p/nelcp/terms", {});
    expect(again.status).toBe(400);
    expect(await pageText(again)).toContain("Version 3 is already being drafted: finish or discard it first");
  });

  it("saves the draft, detects a stale save, and approves it; the earlier version governs earlier dates", async () => {
    const version = await formVersion(chair, "/p/nelcp/terms/3/edit");
    const saved = await chair.post("/p/nelcp/terms/3/edit", draftForm(version));
    expect(saved.status).toBe(302);

    // A second editor who loaded the form before that save is told, and their text is kept.
    const stale = await chair.post("/p/nelcp/terms/3/edit", draftForm(version, { changeSummary: "My competing summary" }));
    expect(stale.status).toBe(409);
    const staleText = await pageText(stale);
    expect(staleText).toContain("Someone else changed this draft while you were editing it");
    expect(staleText).toContain("My competing summary");

    const approveVersion = await formVersion(chair, "/p/nelcp/terms/3");
    const tooEarly = await chair.post("/p/nelcp/terms/3", { intent: "approve", version: approveVersion, effectiveFrom: "2025-01-01" });
    expect(tooEarly.status).toBe(400);
    expect(await pageText(tooEarly)).toContain("Version 2 took effect on 1 April 2025: the new version must take effect on or after that date");

    const approved = await chair.post("/p/nelcp/terms/3", { intent: "approve", version: approveVersion, effectiveFrom: "2026-11-22", approvalNote: "Agreed at the November board." });
    expect(approved.status).toBe(302);

    const text = await pageText(await chair.get("/p/nelcp/terms"));
    expect(text).toContain("Version 3, in force since 22 November 2026");
    expect(text).toMatch(/Version 2 Superseded 1 April 2025/);
    expect(text).toContain("Quorum: at least 7 voting members present");
    expect(text).toContain("Quorum: the lead body need not be represented");
    expect(text).toContain("Ratification: where a decision needs it, by each local authority partner's Cabinet");
    expect(text).toContain("Call-in: key decisions, except urgent ones, may be called in within 5 working days of publication by 2 scrutiny members (or the committee's chair alone), giving grounds");
    expect(text).not.toContain("Call-in: no decisions are subject to call-in");

    const id = await partnershipId(s.db, "nelcp");
    expect((await termsInForce(s.db, id, "2026-11-21"))?.versionNumber).toBe(2);
    expect((await termsInForce(s.db, id, "2026-11-22"))?.versionNumber).toBe(3);
    expect((await termsInForce(s.db, id, "2018-01-01"))?.rules.quorum.minVotingMembers).toBe(5);
    expect(await termsInForce(s.db, id, "2017-08-31")).toBeUndefined();

    const [row] = await s.db.select().from(termsOfReference).where(and(eq(termsOfReference.partnershipId, id), eq(termsOfReference.versionNumber, 3)));
    const event = await lastAuditOf(s.db, row.id);
    expect(event.action).toBe("terms_of_reference.approve");
    expect(event.reason).toBe("Agreed at the November board.");
  });

  it("an approved version cannot be edited, and text sent to it is kept for a new draft", async () => {
    expect(await pageText(await chair.get("/p/nelcp/terms/3/edit"))).toContain("Version 3 has been approved, so it can no longer be changed");
    const post = await chair.post("/p/nelcp/terms/3/edit", draftForm("2"));
    expect(post.status).toBe(400);
    const text = await pageText(post);
    expect(text).toContain("Version 3 has been approved and can no longer be changed");
    expect(text).toContain("Quorum raised to seven");
  });

  it("compares any two versions, marking what was removed and added", async () => {
    const res = await chair.get("/p/nelcp/terms/compare?from=2&to=3");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<del class="app-diff__removed">.*?6/);
    expect(html).toMatch(/<ins class="app-diff__added">.*?7/);
    const text = await pageText(new Response(html));
    expect(text).toMatch(/Meeting frequency Unchanged/);
    expect(text).toMatch(/Quorum Changed/);
    expect((await chair.get("/p/nelcp/terms/compare?from=2&to=9")).status).toBe(404);
  });

  it("a draft can be discarded; the history and the audit chain stay intact", async () => {
    await chair.post("/p/nelcp/terms", {});
    const version = await formVersion(chair, "/p/nelcp/terms/4");
    const res = await chair.post("/p/nelcp/terms/4", { intent: "discard", version });
    expect(res.status).toBe(302);
    expect((await chair.get("/p/nelcp/terms/4")).status).toBe(404);
    expect((await verifyAuditTrail(s.db)).ok).toBe(true);
  });

  it("only the chair, secretariat and administrators draft or approve; others read", async () => {
    for (const who of ["rep@barking-dagenham.example", "member@nelcp.example", "observer@nelcp.example", "vicechair@nelcp.example"]) {
      const c = s.client();
      await c.signIn(who);
      expect((await c.get("/p/nelcp/terms")).status, who).toBe(200);
      expect(await pageText(await c.get("/p/nelcp/terms")), who).not.toContain("Start drafting a new version");
      expect((await c.post("/p/nelcp/terms", {})).status, who).toBe(403);
      expect((await c.post("/p/nelcp/terms/3", { intent: "approve", version: "1", effectiveFrom: "2026-12-01" })).status, who).toBe(403);
    }
    const secretariat = s.client();
    await secretariat.signIn("secretariat@nelcp.example");
    expect((await secretariat.post("/p/nelcp/terms", {})).status).toBe(302);
    const scrutiny = s.client();
    await scrutiny.signIn("scrutiny@leics.example");
    expect((await scrutiny.get("/p/leicestershire-cip/terms")).status).toBe(200);
    expect((await scrutiny.post("/p/leicestershire-cip/terms", {})).status).toBe(403);
    const young = s.client();
    await young.signInPortal();
    expect((await young.get("/p/nelcp/terms")).headers.get("location")).toMatch(/^\/sign-in/);
  });
});
