import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participationPolicies } from "../../../db/schema/participation";
import { partnershipId } from "../../helpers/pages";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// The partnership's participation policy: the threshold under which adults
// see "fewer than", never below 3, and the age under which an adult's consent
// is needed too; refused values save nothing; a stale form is a conflict.

let s: TestServer;
let worker: HttpClient;
beforeAll(async () => {
  s = await startTestServer();
  worker = s.client();
  await worker.signIn("participation@nelcp.example");
});
afterAll(async () => {
  await s?.close();
});

const version = async () => (await s.db.select().from(participationPolicies).where(eq(participationPolicies.partnershipId, await partnershipId(s.db, "nelcp"))))[0].version;

describe("the participation policy", () => {
  it("refuses a threshold below 3 and an age out of range, saving nothing", async () => {
    const v = String(await version());
    const res = await worker.post("/p/nelcp/participation/policy", { adultConsentUnder: "30", suppressionThreshold: "2", upperAge: "26", version: v });
    expect(res.status).toBe(400);
    const text = await pageText(res);
    expect(text).toContain("The smallest count adults may see must be between 3 and 20");
    expect(text).toContain("The age below which an adult's consent is needed must be between 10 and 18");
    expect(text).toContain("The oldest age that takes part must be between 18 and 25");
    expect(String(await version())).toBe(v);
    const member = s.client();
    await member.signIn("member@nelcp.example");
    expect((await member.post("/p/nelcp/participation/policy", { adultConsentUnder: "13", suppressionThreshold: "3", upperAge: "25", version: v })).status).toBe(403);
  });

  it("applies a new threshold to what adults see at once; a form from before the change is a conflict", async () => {
    const v = String(await version());
    expect((await worker.post("/p/nelcp/participation/policy", { adultConsentUnder: "13", suppressionThreshold: "10", upperAge: "25", version: v })).status).toBe(302);
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const page = await pageText(await chair.get("/p/nelcp/participation"));
    expect(page).toContain("fewer than 10");
    expect(page).not.toContain("fewer than 5");
    const stale = await worker.post("/p/nelcp/participation/policy", { adultConsentUnder: "14", suppressionThreshold: "4", upperAge: "25", version: v });
    expect(stale.status).toBe(409);
    expect(await pageText(stale)).toContain("Someone else changed this policy while you were editing it");
  });
});
