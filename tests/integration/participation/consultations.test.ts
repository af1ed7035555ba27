import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../../db/schema";
import { consultations, contributions, youngPeople } from "../../../db/schema/participation";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// Consultations, end to end: a worker opens one, young people answer, the
// worker moderates (personal details flagged first) and answers back; adults
// see counts and consented quotes only, and a withdrawal takes a young
// person's words off the adults' pages at once.

let s: TestServer;
let worker: HttpClient;
let chair: HttpClient;
let river: HttpClient;

beforeAll(async () => {
  s = await startTestServer();
  worker = s.client();
  await worker.signIn("participation@nelcp.example");
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  river = s.client();
  await river.signInPortal();
});
afterAll(async () => {
  await s?.close();
});

async function openConsultation(title: string, allowAnonymous = false) {
  const res = await worker.post("/p/nelcp/participation/consultations/new", { title, introduction: "Tell us what you think.", questions: "What is good?\nWhat should change?", closesOn: "", ...(allowAnonymous ? { allowAnonymous: "yes" } : {}) });
  expect(res.status).toBe(302);
  const [c] = await s.db.select().from(consultations).where(eq(consultations.title, title));
  return c.id;
}

const questionField = async (client: HttpClient, id: string) => [...(await (await client.get(`/portal/consultations/${id}`)).text()).matchAll(/name="(answer-[0-9a-f-]{36})"/g)].map((m) => m[1]);

describe("opening a consultation", () => {
  it("refuses bad input on each field and saves nothing", async () => {
    const before = (await s.db.select().from(consultations)).length;
    const res = await worker.post("/p/nelcp/participation/consultations/new", { title: "", introduction: "", questions: Array.from({ length: 11 }, (_, i) => `Q${i}`).join("\n"), closesOn: "2020-01-01" });
    expect(res.status).toBe(400);
    const text = await pageText(res);
    expect(text).toContain("Enter a title");
    expect(text).toContain("Say in plain words what the consultation is about");
    expect(text).toContain("Ask 10 questions at most");
    const past = await worker.post("/p/nelcp/participation/consultations/new", { title: "Old", introduction: "x", questions: "One?", closesOn: "2020-01-01" });
    expect(await pageText(past)).toContain("The closing date must be today or later");
    expect((await s.db.select().from(consultations)).length).toBe(before);
    expect((await chair.post("/p/nelcp/participation/consultations/new", { title: "T", introduction: "x", questions: "Q?" })).status).toBe(403);
  });
});

describe("answering, moderating and answering back", () => {
  it("flags personal details for the worker, hides an anonymous author, and publishes once", async () => {
    const id = await openConsultation("Your bedroom", true);
    const [q1, q2] = await questionField(river, id);
    expect(q1).toBeDefined();
    const empty = await river.post(`/portal/consultations/${id}`, { [q1]: " ", [q2]: "" });
    expect(empty.status).toBe(400);
    expect(await pageText(empty)).toContain("Write an answer to at least one question");
    const tooLong = await river.post(`/portal/consultations/${id}`, { [q1]: "x".repeat(2001) });
    expect(await pageText(tooLong)).toContain("Your answer must be 2,000 characters or fewer");
    expect((await river.post(`/portal/consultations/${id}`, { [q1]: "Ring me on 07700 900123 and ask Jamie Brown", anonymous: "yes" })).status).toBe(302);
    const queue = await pageText(await worker.get("/p/nelcp/participation/moderation"));
    expect(queue).toContain("Ring me on 07700 900123");
    expect(queue).toContain("This may contain personal details: a phone number (“07700 900123”), what may be a person's name (“Jamie Brown”)");
    expect(queue).toContain("From a young person answering anonymously");
    const [row] = await s.db.select().from(contributions).where(eq(contributions.consultationId, id));
    // Withholding needs a reason the young person will read.
    const noNote = await worker.post("/p/nelcp/participation/moderation", { contributionId: row.id, decision: "withhold", note: "" });
    expect(noNote.status).toBe(400);
    expect(await pageText(noNote)).toContain("Say why it is withheld: the young person will see this");
    expect((await worker.post("/p/nelcp/participation/moderation", { contributionId: row.id, decision: "ask_change", note: "Please take out the phone number and the name." })).status).toBe(302);
    // The young person sees the note, changes it, and it goes back into the queue.
    const portal = await pageText(await river.get(`/portal/consultations/${id}`));
    expect(portal).toContain("Please change something");
    expect(portal).toContain("Please take out the phone number and the name.");
    expect((await river.post(`/portal/consultations/${id}`, { [q1]: "A lock on the door and a desk." })).status).toBe(302);
    expect((await s.db.select().from(contributions).where(eq(contributions.id, row.id)))[0]).toMatchObject({ status: "pending", text: "A lock on the door and a desk.", flags: [] });
    // Two workers deciding at once: one decision is kept.
    const second = s.client();
    await second.signIn("participation@nelcp.example");
    const [a, b] = await Promise.all([
      worker.post("/p/nelcp/participation/moderation", { contributionId: row.id, decision: "publish", note: "" }),
      second.post("/p/nelcp/participation/moderation", { contributionId: row.id, decision: "withhold", note: "Not about the homes" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    expect(await pageText(a.status === 409 ? a : b)).toContain("Someone has already moderated this contribution");
    const moderations = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, "contribution.moderate")));
    expect(moderations).toHaveLength(2); // the request for a change, then one decision
    // Nothing the young person wrote is in the audit trail.
    expect(JSON.stringify(await s.db.select().from(auditEvents).where(eq(auditEvents.partnershipId, row.partnershipId)))).not.toContain("lock on the door");
  });

  it("will not publish what an under-13 wrote before an adult's consent", async () => {
    const fern = s.client();
    await fern.signInPortal("Fern", "purple kettle rain");
    const id = await openConsultation("Pets in homes");
    const [q1] = await questionField(fern, id);
    expect((await fern.post(`/portal/consultations/${id}`, { [q1]: "Yes to a cat." })).status).toBe(302);
    const [row] = await s.db.select().from(contributions).where(eq(contributions.consultationId, id));
    const res = await worker.post("/p/nelcp/participation/moderation", { contributionId: row.id, decision: "publish", note: "" });
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain("Their consent does not allow this to be used yet");
  });

  it("a response reaches the young person; a withdrawal takes their words off the adults' pages at once", async () => {
    const id = await openConsultation("Bedtimes");
    const [q1] = await questionField(river, id);
    await river.post(`/portal/consultations/${id}`, { [q1]: "Let sixteen-year-olds choose their own bedtime." });
    const [row] = await s.db.select().from(contributions).where(eq(contributions.consultationId, id));
    expect((await worker.post("/p/nelcp/participation/moderation", { contributionId: row.id, decision: "publish", note: "" })).status).toBe(302);
    const adults = await pageText(await chair.get("/p/nelcp/participation"));
    expect(adults).toContain("Let sixteen-year-olds choose their own bedtime.");
    expect(adults).toMatch(/Bedtimes Young people who answered: fewer than 5/);
    expect(await pageText(await worker.get("/p/nelcp/participation/moderation"))).toMatch(/Bedtimes: What is good\? \(0 days old\)/);
    const empty = await worker.post("/p/nelcp/participation/moderation", { intent: "respond", contributionId: row.id, response: "" });
    expect(await pageText(empty)).toContain("Write what happened, in plain words");
    expect((await worker.post("/p/nelcp/participation/moderation", { intent: "respond", contributionId: row.id, response: "Homes now agree bedtimes with each 16 and 17 year old." })).status).toBe(302);
    const portal = await pageText(await river.get(`/portal/consultations/${id}`));
    expect(portal).toContain("What happened Homes now agree bedtimes with each 16 and 17 year old.");

    expect((await river.post("/portal/consent", { intent: "withdraw" })).status).toBe(302);
    const after = await pageText(await chair.get("/p/nelcp/participation"));
    expect(after).not.toContain("Let sixteen-year-olds choose");
    expect(after).not.toContain("River");
    // Their place still exists; only its use has stopped.
    expect((await s.db.select().from(youngPeople).where(eq(youngPeople.displayName, "River")))[0].status).toBe("active");
  });
});
