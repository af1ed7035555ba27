import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectReminders, recordReminders } from "../../../app/areas/notifications/public.server";
import { callInMessages } from "../../../app/areas/scrutiny/public.server";
import { londonTimeToInstant } from "../../../app/platform/time/dates";
import { addWorkingDays } from "../../../app/platform/time/working-days";
import { callIns, decisions, partnerships, remindersSent } from "../../../db/schema";
import { startTestServer, type TestServer } from "../../helpers/server";

// Call-in's deadlines reach people through the reminders machinery, exactly
// once: the demo's residential hub decision was referred back by the CIP's
// scrutiny committee and must be reconsidered by the board within 10 working
// days. The chair hears 3 working days before; on the first working day after
// a missed deadline the chair and the two councillors who signed it hear.

let s: TestServer;
let cip: string;
let callInId: string;
let reconsiderBy: string;
beforeAll(async () => {
  s = await startTestServer();
  [{ id: cip }] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, "leicestershire-cip"));
  const [row] = await s.db
    .select({ id: callIns.id, consideredOn: callIns.consideredOn, status: callIns.status })
    .from(callIns)
    .innerJoin(decisions, eq(decisions.id, callIns.decisionId))
    .where(and(eq(callIns.partnershipId, cip), eq(decisions.title, "Mobilise the residential hub from Service Design Brief 1")));
  expect(row.status).toBe("referred_back");
  callInId = row.id;
  reconsiderBy = addWorkingDays(row.consideredOn!, 10);
});
afterAll(async () => {
  await s?.close();
});

const at = (day: string) => londonTimeToInstant(day, "08:00");
const messagesOn = async (day: string) => (await collectReminders(s.db, at(day), [callInMessages], [cip])).filter((m) => m.subjectId === callInId);

describe("call-in reminders", () => {
  it("tell the chair three working days before the board must reconsider it, and not a day sooner", async () => {
    const dueOn = addWorkingDays(reconsiderBy, -3);
    expect(await messagesOn(addWorkingDays(dueOn, -1))).toEqual([]);
    const due = await messagesOn(dueOn);
    expect(due.map((m) => [m.stage, m.recipient.email])).toEqual([["reconsider_due", "c.langley@leics.example"]]);
    expect(due[0].subject).toMatch(/^CIP: decision CIP-\d{4}-\d{3} to be reconsidered by the board$/);
    expect(due[0].props).toMatchObject({ kind: "call_in_reconsider_due", date: reconsiderBy, reason: "You chair or run the secretariat of Leicestershire Children's Innovation Partnership." });
  });

  it("tell the chair and the councillors who signed it once the deadline has passed, each once however many passes run", async () => {
    const overdueOn = addWorkingDays(reconsiderBy, 1);
    expect((await messagesOn(reconsiderBy)).filter((m) => m.stage === "reconsider_overdue")).toEqual([]);
    const overdue = (await messagesOn(overdueOn)).filter((m) => m.stage === "reconsider_overdue");
    expect(overdue.map((m) => m.recipient.email).sort()).toEqual(["c.langley@leics.example", "scrutiny-chair@leics.example", "scrutiny@leics.example"]);
    expect(overdue.every((m) => m.urgent && m.subject.endsWith(", now overdue"))).toBe(true);
    const first = await recordReminders(s.db, overdue);
    const again = await recordReminders(s.db, (await messagesOn(overdueOn)).filter((m) => m.stage === "reconsider_overdue"));
    expect(first).toHaveLength(3);
    expect(again).toEqual([]);
    const rows = await s.db.select().from(remindersSent).where(and(eq(remindersSent.kind, "call_in"), eq(remindersSent.subjectId, callInId), eq(remindersSent.stage, "reconsider_overdue")));
    expect(rows).toHaveLength(3);
  });
});
