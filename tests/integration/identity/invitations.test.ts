import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, remindersSent, users, userTokens } from "../../../db/schema";
import { deliverReminder } from "../../../app/areas/notifications/delivery.server";
import { pageText, startTestServer, type TestServer } from "../../helpers/server";
import { startSmtpServer } from "../../helpers/smtp";

let s: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  s = await startTestServer({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await s?.close();
  await smtp?.close();
});

function linkIn(text: string | undefined, path: string) {
  const match = text?.match(new RegExp(`http://127\\.0\\.0\\.1:\\d+${path}/[a-z0-9]+`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return new URL(match[0]).pathname;
}

describe("inviting a person", () => {
  it("emails a single-use link that lets the new member set a password and land in the partnership", async () => {
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const [newham] = (await chair.get("/p/nelcp/invite").then((r) => r.text())).match(/value="([0-9a-f-]{36})">London Borough of Newham/)!.slice(1);
    const sent = await chair.post("/p/nelcp/invite", { name: "Amira Shah", email: "Amira.Shah@Newham.example", role: "board_member", organisationId: newham });
    expect(sent.status).toBe(200);
    expect(await pageText(sent)).toContain("Invitation sent to amira.shah@newham.example");

    const [mail] = await smtp.to("amira.shah@newham.example");
    expect(mail.subject).toBe("Invitation to join North-East London Commissioning Partnership");
    expect(mail.html).toContain("Set your password");
    expect(mail.text).toContain("Graham Featherstone has invited you");
    expect(mail.text).toMatch(/You received this because/);
    const path = linkIn(mail.text, "/invitation");

    const invitee = s.client();
    const page = await invitee.get(path);
    expect(page.status).toBe(200);
    expect(await pageText(page)).toContain("amira.shah@newham.example");

    const mismatch = await invitee.post(path, { password: "a-long-enough-password", confirmPassword: "something else entirely" });
    expect(mismatch.status).toBe(400);
    expect(await pageText(mismatch)).toContain("The passwords do not match");
    const short = await invitee.post(path, { password: "short", confirmPassword: "short" });
    expect(await pageText(short)).toContain("Password must be at least 12 characters");

    const done = await invitee.post(path, { password: "newham-cabinet-agreed", confirmPassword: "newham-cabinet-agreed" });
    expect(done.status).toBe(302);
    expect(invitee.cookies.has("session")).toBe(true);
    expect(await pageText(await invitee.get("/"))).toContain("North-East London Commissioning Partnership");

    // The link works once.
    const again = await s.client().get(path);
    expect(again.status).toBe(410);
    expect(await pageText(again)).toContain("This invitation link has already been used");
    const reuse = await s.client().post(path, { password: "another-long-password", confirmPassword: "another-long-password" });
    expect(reuse.status).toBe(410);

    // And the new password signs in.
    expect((await s.client().post("/sign-in", { email: "amira.shah@newham.example", password: "newham-cabinet-agreed" })).status).toBe(302);
    const [grant] = await s.db.select().from(auditEvents).where(and(eq(auditEvents.action, "partnership_role.grant"), eq(auditEvents.actorUserId, (await s.db.select().from(userTokens))[0].createdBy!)));
    expect(grant.after).toMatchObject({ role: "board_member", organisationId: newham });
  });

  it("refuses an expired invitation link", async () => {
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    await chair.post("/p/nelcp/invite", { name: "Late Comer", email: "late@hackney.example", role: "observer", organisationId: "" });
    const [mail] = await smtp.to("late@hackney.example");
    const path = linkIn(mail.text, "/invitation");
    await s.db.update(userTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    const res = await s.client().get(path);
    expect(res.status).toBe(410);
    expect(await pageText(res)).toContain("This invitation link has expired");
  });

  it("says precisely what is wrong with a bad invitation and keeps what was typed", async () => {
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const res = await chair.post("/p/nelcp/invite", { name: "", email: "not-an-email", role: "emperor", organisationId: "123" });
    expect(res.status).toBe(400);
    const text = await pageText(res);
    expect(text).toContain("Enter the person's name");
    expect(text).toContain("Enter an email address in the correct format");
    expect(text).toContain("Choose the role they will have in this partnership");
    expect(text).toContain("Choose an organisation from the list");
    const foreignOrg = await chair.post("/p/nelcp/invite", { name: "X", email: "x@example.org", role: "observer", organisationId: crypto.randomUUID() });
    expect(await pageText(foreignOrg)).toContain("Choose an organisation that is a partner in this partnership");
    const duplicate = await chair.post("/p/nelcp/invite", { name: "Daniel Osei", email: "member@nelcp.example", role: "board_member", organisationId: "" });
    expect(await pageText(duplicate)).toContain("This person already has that role in this partnership");
  });

  it("never invites anyone by email as a young person: young people join the portal with a worker's code", async () => {
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    for (const email of ["member@nelcp.example", "new.young.person@example.org"]) {
      const res = await chair.post("/p/nelcp/invite", { name: "Daniel", email, role: "young_person", organisationId: "" });
      expect(res.status).toBe(400);
      expect(await pageText(res)).toContain("Young people join through the portal, not by email");
    }
    expect(await s.db.select().from(users).where(eq(users.email, "new.young.person@example.org"))).toHaveLength(0);
  });
});

describe("resetting a password", () => {
  it("emails a link that sets a new password and signs out every other session", async () => {
    const elsewhere = s.client();
    await elsewhere.signIn("observer@nelcp.example");
    const res = await s.client().post("/forgot-password", { email: "observer@nelcp.example" });
    expect(await pageText(res)).toContain("If observer@nelcp.example has an account, we have sent it a link");
    const [mail] = await smtp.to("observer@nelcp.example");
    expect(mail.subject).toBe("Reset your password");
    const path = linkIn(mail.text, "/reset-password");
    const me = s.client();
    expect((await me.post(path, { password: "a-brand-new-passphrase", confirmPassword: "a-brand-new-passphrase" })).status).toBe(302);
    expect((await elsewhere.get("/")).status).toBe(302); // the other session was revoked
    expect((await s.client().post("/sign-in", { email: "observer@nelcp.example", password: "demo-password-2026" })).status).toBe(401);
    expect((await s.client().post("/sign-in", { email: "observer@nelcp.example", password: "a-brand-new-passphrase" })).status).toBe(302);
  });

  it("a new password revokes every link still outstanding: an older reset link stops working", async () => {
    await s.client().post("/forgot-password", { email: "secretariat@nelcp.example" });
    const [first] = await smtp.to("secretariat@nelcp.example");
    await s.client().post("/forgot-password", { email: "secretariat@nelcp.example" });
    const mails = await smtp.to("secretariat@nelcp.example", 2);
    const older = linkIn(first.text, "/reset-password");
    const newer = linkIn(mails.find((m) => m !== first)!.text, "/reset-password");
    expect(newer).not.toBe(older);
    expect((await s.client().post(newer, { password: "another-new-passphrase", confirmPassword: "another-new-passphrase" })).status).toBe(302);
    const stale = await s.client().get(older);
    expect(stale.status).toBe(410);
    expect((await s.client().post(older, { password: "an-attackers-passphrase", confirmPassword: "an-attackers-passphrase" })).status).not.toBe(302);
    expect((await s.client().post("/sign-in", { email: "secretariat@nelcp.example", password: "an-attackers-passphrase" })).status).toBe(401);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const before = smtp.messages.length;
    const res = await s.client().post("/forgot-password", { email: "stranger@nowhere.example" });
    expect(await pageText(res)).toContain("If stranger@nowhere.example has an account");
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages.length).toBe(before);
  });

  it("rejects a malformed address and an unknown link clearly", async () => {
    const bad = await s.client().post("/forgot-password", { email: "nope" });
    expect(bad.status).toBe(400);
    expect(await pageText(bad)).toContain("Enter an email address in the correct format");
    const unknown = await s.client().get("/reset-password/not-a-real-token");
    expect(unknown.status).toBe(404);
    expect(await pageText(unknown)).toContain("This password reset link is not valid");
  });
});

describe("sign-in emails go through the delivery log", () => {
  const row = async (email: string, kind: string) => (await s.db.select().from(remindersSent).where(and(eq(remindersSent.recipientEmail, email), eq(remindersSent.kind, kind))))[0];
  const settled = async (email: string, kind: string, status: string) => {
    for (let i = 0; i < 100; i++) {
      const r = await row(email, kind);
      if (r?.status === status) return r;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return row(email, kind);
  };

  it("an invitation the relay refuses is kept and retried, not a server error, and its link still works", async () => {
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    smtp.failNextDeliveries(1);
    const sent = await chair.post("/p/nelcp/invite", { name: "Kofi Mensah", email: "k.mensah@redbridge.example", role: "observer", organisationId: "" });
    expect(sent.status).toBe(200);
    const refused = await settled("k.mensah@redbridge.example", "invitation", "retry");
    expect(refused).toMatchObject({ status: "retry", attempts: 1 });
    expect(refused!.lastError).toMatch(/Mailbox unavailable/);
    // The scheduled jobs try again after the backoff.
    expect(await deliverReminder(s.db, refused!.id, new Date(Date.now() + 2 * 60_000))).toBe("sent");
    const [mail] = await smtp.to("k.mensah@redbridge.example");
    expect(mail.subject).toBe("Invitation to join North-East London Commissioning Partnership");
    const path = linkIn(mail.text, "/invitation");
    expect((await s.client().get(path)).status).toBe(200);
    // Once sent, the log no longer holds the link (the token itself is stored only hashed).
    expect(JSON.stringify((await row("k.mensah@redbridge.example", "invitation"))!.payload)).not.toContain(path);
  });

  it("forgot-password answers at once while the relay is stalled, and the email follows", async () => {
    const before = smtp.messages.length;
    smtp.stopAnsweringAfter(before);
    try {
      const res = await s.client().post("/forgot-password", { email: "vicechair@nelcp.example" });
      expect(res.status).toBe(200);
      expect(await pageText(res)).toContain("If vicechair@nelcp.example has an account");
      expect(smtp.messages.filter((m) => m.subject === "Reset your password" && (m.to as { text: string }).text.includes("vicechair@nelcp.example"))).toHaveLength(0);
    } finally {
      smtp.stopAnsweringAfter(Infinity);
    }
    const pending = await settled("vicechair@nelcp.example", "password_reset", "sending");
    expect(pending?.status).toMatch(/sending|sent/);
  });
});
