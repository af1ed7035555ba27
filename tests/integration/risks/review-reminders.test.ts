import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectReminders, recordReminders } from "../../../app/areas/notifications/public.server";
import { riskReviewMessages } from "../../../app/areas/risks/public.server";
import { londonTimeToInstant } from "../../../app/platform/time/dates";
import { partnerships, remindersSent, risks, users } from "../../../db/schema";
import { startTestServer, type TestServer } from "../../helpers/server";

// Reviews feed the reminders machinery as obligations do: the risk's owner a
// week before the review date and on the day, the chair on the first working
// day after it, each exactly once; a review moves the date and the reminders
// with it. The demo's CIP register: CIP-R-001 was due on 17 November 2026
// (a Tuesday), CIP-R-002 is due on 1 December 2026 (a Tuesday).

let s: TestServer;
let cip: string;
beforeAll(async () => {
  s = await startTestServer();
  [{ id: cip }] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, "leicestershire-cip"));
});
afterAll(async () => {
  await s?.close();
});

const at = (day: string) => londonTimeToInstant(day, "08:00");
const riskId = async (reference: string) => (await s.db.select({ id: risks.id }).from(risks).where(and(eq(risks.partnershipId, cip), eq(risks.reference, reference))))[0].id;
const emailOf = async (id: string) => (await s.db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0].email;
const reviewMessages = async (day: string) => (await collectReminders(s.db, at(day), [riskReviewMessages], [cip])).filter((m) => m.kind === "risk_review");

describe("risk review reminders", () => {
  it("go to the chair on the first working day after a missed review date", async () => {
    const due = await reviewMessages("2026-11-18");
    const r001 = await riskId("CIP-R-001");
    // (The owner's reminder for the day itself is still within the scheduler's catch-up window.)
    const overdue = due.filter((m) => m.subjectId === r001 && m.stage === "review_overdue");
    expect(overdue.map((m) => m.recipient.email)).toEqual(["c.langley@leics.example"]);
    expect(overdue[0].subject).toBe("CIP: risk CIP-R-001 review overdue");
    expect(overdue[0].props).toMatchObject({ kind: "risk_review_overdue", date: "2026-11-17" });
    expect((await reviewMessages("2026-11-17")).filter((m) => m.subjectId === r001 && m.stage === "review_overdue")).toEqual([]);
  });

  it("go to the owner a week before and on the day, and never before", async () => {
    const r002 = await riskId("CIP-R-002");
    const owner = await emailOf((await s.db.select({ owner: risks.ownerUserId }).from(risks).where(eq(risks.id, r002)))[0].owner);
    expect((await reviewMessages("2026-11-23")).filter((m) => m.subjectId === r002)).toEqual([]);
    expect((await reviewMessages("2026-11-24")).filter((m) => m.subjectId === r002).map((m) => [m.stage, m.recipient.email])).toEqual([["review_due_in_7_days", owner]]);
    expect((await reviewMessages("2026-12-01")).filter((m) => m.subjectId === r002).map((m) => [m.stage, m.recipient.email])).toEqual([["review_due_today", owner]]);
  });

  it("are recorded once however many passes find them", async () => {
    const r001 = await riskId("CIP-R-001");
    const messages = await reviewMessages("2026-11-18");
    const first = await recordReminders(s.db, messages);
    const again = await recordReminders(s.db, await reviewMessages("2026-11-19"));
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(again).toEqual([]);
    const rows = await s.db.select().from(remindersSent).where(and(eq(remindersSent.kind, "risk_review"), eq(remindersSent.subjectId, r001)));
    expect(rows.map((r) => r.stage).sort()).toEqual(["review_due_today", "review_overdue"]);
  });

  it("are about the review date: once it moves (as a review moves it), none come for the old one", async () => {
    const r001 = await riskId("CIP-R-001");
    await s.db.update(risks).set({ nextReviewOn: "2027-02-18" }).where(eq(risks.id, r001));
    expect((await reviewMessages("2026-11-18")).filter((m) => m.subjectId === r001)).toEqual([]);
  });
});
