import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaItems, meetings, partnerships, risks } from "../../../db/schema";
import { accessibilityProblems, launchBrowser, noHorizontalOverflow, PHONE, signedInPage } from "../../helpers/browser";
import { markAttendance } from "../../helpers/meetings";
import { SCENARIO_TODAY, startTestServer, travelTo, type TestServer } from "../../helpers/server";

// The risk register in a browser: Barking and Dagenham's representative
// reviews the borough's spending risk and takes it over the escalation
// threshold; the chair finds it on the next board meeting's agenda, records
// the board's decision on it, and the risk's page links that decision. Every
// page passes axe at 1280 px and at a phone's 390 px.

let s: TestServer;
let browser: Browser;
beforeAll(async () => {
  s = await startTestServer({ APP_TODAY: SCENARIO_TODAY });
  browser = await launchBrowser();
});
afterAll(async () => {
  travelTo(SCENARIO_TODAY);
  await browser?.close();
  await s?.close();
});

const DESKTOP = { width: 1280, height: 900 };
const signedIn = (email: string) => signedInPage(browser, s.baseUrl, email, { viewport: DESKTOP });
async function expectAccessible(page: Page) {
  expect(await accessibilityProblems(page)).toEqual([]);
}

const RISK = "NELCP-R-006";
const TITLE = "Barking and Dagenham's share of spend overruns";
const DECISION = "Cap Barking and Dagenham's specialist placements at three until April";

async function riskIdOf(reference: string) {
  const [p] = await s.db.select().from(partnerships).where(eq(partnerships.slug, "nelcp"));
  return (await s.db.select({ id: risks.id }).from(risks).where(and(eq(risks.partnershipId, p.id), eq(risks.reference, reference))))[0].id;
}

describe("the risk register in a browser", () => {
  it("the register, the heat map, a risk's page and the scoring settings pass axe on a desktop and a phone", async () => {
    const page = await signedIn("chair@nelcp.example");
    await page.goto("/p/nelcp/risks");
    await page.getByRole("heading", { name: "Risk register", level: 1 }).waitFor();
    await page.getByRole("link", { name: new RegExp(TITLE) }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Heat map" }).click();
    await page.getByRole("heading", { name: "Risk heat map", level: 1 }).waitFor();
    await page.getByRole("img", { name: /Risk heat map: Current/ }).waitFor();
    await expectAccessible(page);
    await page.setViewportSize(PHONE);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.setViewportSize(DESKTOP);
    // A cell of the table leads to its risks.
    await page.locator("table").first().getByRole("link").first().click();
    await page.getByText(/Showing risks whose current rating is likelihood \d, impact \d/).waitFor();
    await expectAccessible(page);
    await page.goto(`/p/nelcp/risks/${await riskIdOf("NELCP-R-001")}`);
    await page.getByRole("heading", { name: "Providers unwilling to bid under the block contract", level: 1 }).waitFor();
    await page.getByText("The board decided:").waitFor();
    await expectAccessible(page);
    await page.goto("/p/nelcp/risks/settings");
    await page.getByRole("heading", { name: "Risk scoring", level: 1 }).waitFor();
    await expectAccessible(page);
  });

  it("a partner's representative takes a risk over the threshold; the chair finds it on the next board's agenda and records the decision, which the risk's page then links", async () => {
    const rep = await signedIn("rep@barking-dagenham.example");
    const riskPath = `/p/nelcp/risks/${await riskIdOf(RISK)}`;
    await rep.goto(riskPath);
    await rep.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    const review = rep.locator("section", { has: rep.getByRole("heading", { name: "Review the risk" }) });
    await review.getByRole("group", { name: "Likelihood now" }).getByLabel(/^4 –/).check();
    await review.getByRole("group", { name: "Impact now" }).getByLabel(/^4 –/).check();
    await review.getByLabel("Commentary").fill("Two new specialist placements in October: spend is 11% over the borough's share.");
    await review.getByRole("button", { name: "Record the review" }).click();
    await rep.getByRole("heading", { name: "Escalations to the board" }).waitFor();
    await rep.getByText("Its current score of 16 is at or above the partnership's escalation threshold of 15.").first().waitFor();
    const onAgenda = rep.getByRole("link", { name: /NELCP board, 14 January 2027/ });
    await onAgenda.waitFor();
    await expectAccessible(rep);

    // The chair finds it on that meeting's agenda, marked as an escalated risk.
    const chair = await signedIn("chair@nelcp.example");
    const [meeting] = await s.db.select().from(meetings).where(eq(meetings.title, "NELCP board")).then((rows) => rows.filter((m) => m.startsAt.toISOString().startsWith("2027-01-14")));
    await chair.goto(`/p/nelcp/meetings/${meeting.id}/agenda`);
    await chair.getByRole("heading", { name: new RegExp(`Escalated risk ${RISK}: ${TITLE}`) }).waitFor();
    await chair.getByText(`Escalated from the risk register: risk ${RISK}`).waitFor();
    await expectAccessible(chair);

    // The meeting takes place; the chair records the board's decision under the item.
    travelTo("2027-01-15");
    const client = s.client();
    await client.signIn("chair@nelcp.example");
    const present = { "chair@nelcp.example": "present", "vicechair@nelcp.example": "present", "m.bellamy@barking-dagenham.example": "present", "member@nelcp.example": "present" };
    expect((await markAttendance(client, s.db, "nelcp", meeting.id, "2027-01-14", present)).status).toBe(302);
    const [item] = await s.db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.riskId, await riskIdOf(RISK))));
    await chair.goto(`/p/nelcp/meetings/${meeting.id}/run?item=${item.id}`);
    const details = chair.locator("details", { has: chair.getByText("Record a decision", { exact: true }) });
    await details.locator("summary").click();
    await details.getByLabel("Short title").fill(DECISION);
    await details.getByLabel("What was decided").fill("Barking and Dagenham makes no more than three specialist placements until the April price review.");
    await details.getByRole("group", { name: "Outcome" }).getByLabel("Agreed", { exact: true }).check();
    await details.getByRole("button", { name: "Record decision" }).click();
    await chair.getByText("The decision has been recorded").waitFor();

    await chair.goto(riskPath);
    await chair.getByText("The board decided:").waitFor();
    const link = chair.getByRole("link", { name: /^NELCP-2027-\d{3}$/ }).first();
    await link.waitFor();
    await chair.getByText(DECISION).first().waitFor();
    await expectAccessible(chair);
    await link.click();
    await chair.getByRole("heading", { name: DECISION, level: 1 }).waitFor();
  });
});
