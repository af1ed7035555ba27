import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, partnershipRoles, remindersSent, users } from "../../../db/schema";
import { safeguardingMessages } from "../../../db/schema/participation";
import { hashPassword } from "../../../app/areas/identity/public.server";
import { describeAuditEvent } from "../../../app/audit/catalogue";
import { partnershipId } from "../../helpers/pages";
import { DEMO_PASSWORD, pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// "Worried about something?": the message reaches the designated safeguarding
// lead only. The email says a message waits, never what it says; the audit
// event says one was sent; no other adult sees it, however senior.

let s: TestServer;
let river: HttpClient;
let lead: HttpClient;

beforeAll(async () => {
  s = await startTestServer({ SMTP_URL: "" });
  river = s.client();
  await river.signInPortal();
  lead = s.client();
  await lead.signIn("participation@nelcp.example");
});
afterAll(async () => {
  await s?.close();
});

const SECRET = "Someone at the home keeps taking my phone at night";

describe("worried about something?", () => {
  it("is linked from every portal page and says where to get help now, signed in or not", async () => {
    for (const path of ["/portal", "/portal/consent", "/portal/privacy"]) expect(await (await river.get(path)).text()).toContain('href="/portal/worried"');
    const out = await pageText(await s.client().get("/portal/worried"));
    expect(out).toContain("Childline free on 0800 1111");
    expect(out).toContain("sign in");
  });

  it("refuses an empty message and one that is too long, saving nothing", async () => {
    const empty = await river.post("/portal/worried", { message: "  " });
    expect(empty.status).toBe(400);
    expect(await pageText(empty)).toContain("Write what you are worried about");
    const long = await river.post("/portal/worried", { message: "x".repeat(4001) });
    expect(await pageText(long)).toContain("Your message must be 4,000 characters or fewer");
    expect(await s.db.select().from(safeguardingMessages)).toHaveLength(0);
  });

  it("reaches the lead alone: an email that says only that a message waits, an audit event that says nothing of it", async () => {
    const sent = await river.post("/portal/worried", { message: SECRET });
    expect(sent.status).toBe(302);
    expect(await pageText(await river.get(sent.headers.get("location")!))).toContain("Thank you for telling us");
    const [message] = await s.db.select().from(safeguardingMessages);
    expect(message.text).toBe(SECRET);
    const emails = await s.db.select().from(remindersSent).where(eq(remindersSent.kind, "safeguarding"));
    expect(emails.map((e) => e.recipientEmail)).toEqual(["participation@nelcp.example"]);
    expect(JSON.stringify(emails)).not.toContain("phone at night");
    expect(JSON.stringify(emails)).not.toContain("River");
    const [event] = await s.db.select().from(auditEvents).where(eq(auditEvents.entityId, message.id));
    expect(event.action).toBe("safeguarding.message_sent");
    expect([event.before, event.after, event.reason]).toEqual([null, null, null]);
    expect(describeAuditEvent(event, { actor: null })).toBe("A confidential message was sent to the designated safeguarding lead");
    // The lead reads it.
    expect(await pageText(await lead.get("/p/nelcp/participation/safeguarding"))).toContain(SECRET);
  });

  it("is shown to nobody else: not the chair, another participation worker, scrutiny or a platform administrator", async () => {
    const nelcp = await partnershipId(s.db, "nelcp");
    const [observer] = await s.db.select({ id: users.id }).from(users).where(eq(users.email, "observer@nelcp.example"));
    // A second participation worker, who is not the lead.
    await s.db.insert(partnershipRoles).values({ id: crypto.randomUUID(), partnershipId: nelcp, userId: observer.id, role: "participation_worker", organisationId: null });
    await s.db.update(users).set({ passwordHash: await hashPassword(DEMO_PASSWORD) }).where(eq(users.id, observer.id));
    for (const email of ["chair@nelcp.example", "observer@nelcp.example", "admin@platform.example", "secretariat@nelcp.example"]) {
      const c = s.client();
      await c.signIn(email);
      const res = await c.get("/p/nelcp/participation/safeguarding");
      expect(res.status, email).toBe(403);
      expect(await pageText(res)).toContain("Only the partnership's designated safeguarding lead reads these messages");
      expect(await pageText(await c.get("/p/nelcp/participation")), email).not.toContain(SECRET);
    }
    const scrutiny = s.client();
    await scrutiny.signIn("scrutiny@leics.example");
    expect((await scrutiny.get("/p/nelcp/participation/safeguarding")).status).toBe(403);
  });

  it("goes to the participation workers while no lead is named, and to a newly named lead after", async () => {
    const named = await lead.post("/p/nelcp/participation", { leadUserId: "not-a-person" });
    expect(named.status).toBe(400);
    expect(await pageText(named)).toContain("Choose the designated safeguarding lead");
    const [secretariat] = await s.db.select({ id: users.id }).from(users).where(eq(users.email, "secretariat@nelcp.example"));
    expect((await lead.post("/p/nelcp/participation", { leadUserId: secretariat.id })).status).toBe(302);
    const c = s.client();
    await c.signIn("secretariat@nelcp.example");
    expect(await pageText(await c.get("/p/nelcp/participation/safeguarding"))).toContain(SECRET);
    expect((await lead.get("/p/nelcp/participation/safeguarding")).status).toBe(403);
  });
});
