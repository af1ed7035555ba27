import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../../../db/audit";
import { pageText, startTestServer, type TestServer } from "../../helpers/server";

// A young person's rights, from the portal: everything held about them on a
// page and in a file; deleting the account leaves none of their personal data
// in any table, and the audit trail still verifies.

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ SMTP_URL: "" });
});
afterAll(async () => {
  await s?.close();
});

/** Tables with a row whose text holds the needle as whole words (so "Nova" is not found in "innovation"). */
async function tablesHolding(needle: string) {
  const tables = (await s.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as { rows?: { table_name: string }[] } & { table_name: string }[];
  const names = (tables.rows ?? tables).map((t) => t.table_name);
  const found: string[] = [];
  for (const name of names) {
    const res = (await s.db.execute(sql`select count(*)::int as n from ${sql.identifier(name)} t where t::text ~ ${`\\m${needle}\\M`}`)) as unknown as { rows?: { n: number }[] } & { n: number }[];
    if ((res.rows ?? res)[0].n > 0) found.push(name);
  }
  return found;
}

describe("a young person's data", () => {
  it("is all on one page and in one file, theirs alone", async () => {
    const river = s.client();
    await river.signInPortal();
    const page = await pageText(await river.get("/portal/my-data"));
    expect(page).toContain("River");
    expect(page).toContain("16 or 17");
    expect(page).toContain("Like a normal house, not an office");
    expect(page).toContain("The specification now says homes must feel like a family home");
    const file = await river.get("/portal/my-data.json");
    expect(file.headers.get("content-disposition")).toContain("my-information.json");
    const json = await file.json();
    expect(json.account.portalName).toBe("River");
    // Two answers to the consultation and the idea River sent on their own.
    expect(json.answers.map((a: { kind: string }) => a.kind).sort()).toEqual(["answer", "answer", "idea"]);
    expect(json.consents.map((c: { what: string }) => c.what).sort()).toEqual(["quote", "quote_with_name", "take_part"]);
    expect(JSON.stringify(json)).not.toContain("Nova");
    expect((await s.client().get("/portal/my-data.json")).headers.get("location")).toBe("/portal/sign-in");
  });

  it("is deleted on request: no table holds their name or words, safeguarding messages are kept unlinked, the audit trail verifies", async () => {
    const nova = s.client();
    await nova.signInPortal("Nova", "purple kettle rain");
    expect((await nova.post("/portal/worried", { message: "Unsure who to talk to about my placement ending" })).status).toBe(302);
    const unconfirmed = await nova.post("/portal/my-data", {});
    expect(unconfirmed.status).toBe(400);
    expect(await pageText(unconfirmed)).toContain("Tick the box to say you understand that this cannot be undone");
    // The scan finds them before: their place, their words.
    expect(await tablesHolding("Nova")).toEqual(["young_people"]);
    expect(await tablesHolding("Show you round before you move")).toEqual(["contributions"]);

    const deleted = await nova.post("/portal/my-data", { confirm: "yes" });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/portal/sign-in?deleted=1");
    expect(await tablesHolding("Nova")).toEqual([]);
    expect(await tablesHolding("Show you round before you move")).toEqual([]);
    // Kept for safeguarding, with no link to who sent it.
    expect(await tablesHolding("Unsure who to talk to")).toEqual(["safeguarding_messages"]);
    const lead = s.client();
    await lead.signIn("participation@nelcp.example");
    expect(await pageText(await lead.get("/p/nelcp/participation/safeguarding"))).toContain("The young person has since deleted their account");
    // Signed out everywhere, and the name is free again.
    expect((await nova.get("/portal")).headers.get("location")).toBe("/portal/sign-in");
    expect((await s.client().post("/portal/sign-in", { displayName: "Nova", passphrase: "purple kettle rain" })).status).toBe(401);
    expect((await verifyAuditTrail(s.db)).ok).toBe(true);
  });
});
