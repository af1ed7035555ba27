import fs from "node:fs/promises";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { decisions } from "../../../db/schema";
import { accessibilityProblems, launchBrowser, signedInPage } from "../../helpers/browser";
import { addItem as addItemByHttp, markAttendance as markAttendanceByHttp, nelcpQuorum, scheduleMeeting as scheduleByHttp } from "../../helpers/meetings";
import { SCENARIO_TODAY, startTestServer, travelTo, type TestServer } from "../../helpers/server";

// Meetings as NELCP's chair runs them: scheduled, given an agenda and papers,
// run with a live quorum, minuted, and approved at the next meeting. The app's
// "today" is pinned to the demo scenario's date, 22 November 2026.

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

const signedIn = (email: string) => signedInPage(browser, s.baseUrl, email);

async function expectAccessible(page: Page) {
  expect(await accessibilityProblems(page)).toEqual([]);
}

const path = (page: Page) => new URL(page.url()).pathname;
const text = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, " ").trim();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
const errorSummaryFocused = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.classList.contains("govuk-error-summary")));

/** A small but real PDF: one blank page. */
function smallPdf() {
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
    "",
  ].join("\n");
  return Buffer.from(body, "latin1");
}

/** The quorum panel whose heading starts with `title` ("Quorum for the meeting", "Quorum for this item", "Quorum"). */
const quorumPanel = (page: Page, title: string) =>
  page.locator(".app-quorum, .govuk-inset-text").filter({ has: page.getByRole("heading", { name: new RegExp(`^${title}\\b`) }) });

/** One seat's attendance radios on the running screen. */
const seat = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^${name} \\(`) });

async function markAttendance(page: Page, marks: Record<string, "Present" | "Apologies" | "Absent">) {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save attendance" }) });
  if (!(await form.isVisible())) await page.getByText(/^Attendance \(\d+ of \d+ recorded\)$/).click();
  for (const [name, mark] of Object.entries(marks)) await seat(page, name).getByLabel(mark, { exact: true }).check();
  await page.getByRole("button", { name: "Save attendance" }).click();
  // The banner may still be there from an earlier save, so callers wait for the verdict they expect.
  await page.getByText("Attendance has been saved").waitFor();
}

async function openItem(page: Page, title: string) {
  await page.getByRole("navigation", { name: "Agenda items" }).getByRole("link", { name: new RegExp(`^\\d+\\. ${title}$`) }).click();
  await page.locator("#current-item", { hasText: title }).waitFor();
  expect(new URL(page.url()).searchParams.get("item")).toMatch(/^[0-9a-f-]{36}$/);
}

async function openDetails(page: Page, summary: string) {
  const details = page.locator("details").filter({ has: page.locator("summary", { hasText: summary }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  return details;
}

async function scheduleMeeting(page: Page, fields: { title: string; date: string; start: string; end: string; place: string }) {
  await page.goto("/p/nelcp/meetings");
  await page.getByRole("heading", { name: "Meetings", level: 1 }).waitFor();
  await page.getByRole("link", { name: "Schedule a meeting" }).click();
  await page.getByRole("heading", { name: "Schedule a meeting", level: 1 }).waitFor();
  await page.getByLabel("Title").fill(fields.title);
  await page.getByLabel("Date").fill(fields.date);
  await page.getByLabel("Starts at").fill(fields.start);
  await page.getByLabel("Ends at").fill(fields.end);
  await page.getByLabel("Place (optional if online)").fill(fields.place);
  await page.getByRole("button", { name: "Schedule meeting" }).click();
}

async function addAgendaItem(page: Page, title: string, purpose: string, presenter = "") {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add item" }) });
  await form.getByLabel("Title").fill(title);
  if (presenter) await form.getByLabel("Presented by (optional)").fill(presenter);
  await form.getByLabel("Purpose").selectOption({ label: purpose });
  await form.getByRole("button", { name: "Add item" }).click();
  await page.getByRole("heading", { level: 2, name: new RegExp(`^\\d+\\. ${title}$`) }).waitFor();
}

async function recordDecision(page: Page, fields: { title: string; text: string; approves?: string }) {
  const details = await openDetails(page, "Record a decision");
  await details.getByLabel("Short title").fill(fields.title);
  await details.getByLabel("What was decided").fill(fields.text);
  await details.getByRole("group", { name: "Outcome" }).getByLabel("Agreed", { exact: true }).check();
  if (fields.approves) await details.getByLabel("This decision approves (optional)").selectOption({ label: fields.approves });
  await details.getByRole("button", { name: "Record decision" }).click();
  await page.getByText("The decision has been recorded").waitFor();
}

const DECEMBER = "NELCP board (December)";
const DECEMBER_PLACE = "Havering Town Hall, Main Road, Romford";
const REPORT_ITEM = "Placement sufficiency report, quarter 3";
const DECISION_ITEM = "Specialist-needs framework for 2027";
const DECISION_TITLE = "Set up a specialist-needs framework from April 2027";
const NOTES = "The board heard that two specialist beds closed in October. Providers want a framework rather than spot purchase.";
const ACTION_TITLE = "Write to providers about the specialist-needs framework";

/** The December meeting made by the first test, for the second. */
let december: { id: string; decisionReference: string } | undefined;

describe("meetings, decisions and minutes in a browser", () => {
  it("the chair schedules a board meeting, adds the agenda and a paper, runs it with a live quorum and circulates the minutes", async () => {
    const page = await signedIn("chair@nelcp.example");
    await page.goto("/p/nelcp/meetings");
    await page.getByRole("heading", { name: "Meetings", level: 1 }).waitFor();
    await expectAccessible(page);

    // First with the end before the start: refused, with what was typed kept.
    await scheduleMeeting(page, { title: DECEMBER, date: "2026-12-03", start: "12:00", end: "10:00", place: DECEMBER_PLACE });
    const errorSummary = page.locator(".govuk-error-summary");
    await errorSummary.waitFor();
    await expect.poll(() => errorSummaryFocused(page)).toBe(true);
    const endError = errorSummary.getByRole("link", { name: "The meeting must end after it starts" });
    expect(await endError.getAttribute("href")).toBe("#endTime");
    expect(await page.locator("#endTime-error").innerText()).toContain("The meeting must end after it starts");
    expect(path(page)).toBe("/p/nelcp/meetings/new");
    expect(await page.getByLabel("Title").inputValue()).toBe(DECEMBER);
    expect(await page.getByLabel("Date").inputValue()).toBe("2026-12-03");
    expect(await page.getByLabel("Starts at").inputValue()).toBe("12:00");
    expect(await page.getByLabel("Ends at").inputValue()).toBe("10:00");
    expect(await page.getByLabel("Place (optional if online)").inputValue()).toBe(DECEMBER_PLACE);
    await endError.click();
    await expect.poll(() => focusedId(page)).toBe("endTime");
    await expectAccessible(page);

    // Fixed: 10:00 to 12:00. Scheduling leads to the agenda.
    await page.getByLabel("Starts at").fill("10:00");
    await page.getByLabel("Ends at").fill("12:00");
    await page.getByRole("button", { name: "Schedule meeting" }).click();
    await page.getByRole("heading", { name: "Agenda and papers", level: 1 }).waitFor();
    await page.getByText("The meeting has been scheduled as a draft: nobody is invited yet.", { exact: false }).waitFor();
    const meetingId = path(page).match(/^\/p\/nelcp\/meetings\/([0-9a-f-]{36})\/agenda$/)?.[1];
    expect(meetingId).toBeTruthy();
    await page.getByText(`${DECEMBER}, 3 December 2026`).waitFor();
    await expectAccessible(page);

    await addAgendaItem(page, REPORT_ITEM, "For information", "Priya Raman, NELCP Programme Lead");
    await addAgendaItem(page, DECISION_ITEM, "For decision", "Funmi Adeyemi, Vice-chair");
    const agendaHeadings = await page.locator(".app-agenda__item h2").allInnerTexts();
    expect(agendaHeadings).toEqual([`1. ${REPORT_ITEM}`, `2. ${DECISION_ITEM}`]);
    expect(await text(page.locator(".app-agenda__item").nth(1).locator("p").first())).toContain("For decision");
    await expectAccessible(page);

    // A paper for the decision item: a real PDF is accepted and downloads as an attachment.
    const pdf = smallPdf();
    await page.getByLabel("Upload a paper").setInputFiles({ name: "specialist-needs-options.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByLabel("For which item").selectOption({ label: `2. ${DECISION_ITEM}` });
    await page.getByRole("button", { name: "Upload paper" }).click();
    await page.getByText("The paper has been uploaded").waitFor();
    const papers = page.locator("h2", { hasText: "Papers" }).locator("xpath=following-sibling::ul[1]");
    const paperLink = papers.getByRole("link", { name: "specialist-needs-options.pdf" });
    await paperLink.waitFor();
    expect(await text(papers.locator("li").first())).toContain(`(${DECISION_ITEM})`);
    const href = await paperLink.getAttribute("href");
    expect(href).toMatch(new RegExp(`^/p/nelcp/meetings/${meetingId}/papers/[0-9a-f-]{36}$`));
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="specialist-needs-options\.pdf"/);
    expect(Buffer.compare(await download.body(), pdf)).toBe(0);
    await expectAccessible(page);

    // A text file is refused, saying what is allowed.
    await page.getByLabel("Upload a paper").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Notes from the pre-meeting.\n") });
    await page.getByRole("button", { name: "Upload paper" }).click();
    const refusal = "The file must be a PDF or an Office document (Word, Excel, PowerPoint or OpenDocument)";
    await errorSummary.getByRole("link", { name: refusal }).waitFor();
    await expect.poll(() => errorSummaryFocused(page)).toBe(true);
    expect(await errorSummary.getByRole("link", { name: refusal }).getAttribute("href")).toBe("#paper");
    expect(await page.locator("#paper-error").innerText()).toContain(refusal);
    expect(await papers.getByRole("link").allInnerTexts()).toEqual(["specialist-needs-options.pdf"]);
    await expectAccessible(page);

    // The meeting page lists the agenda with its paper.
    await page.getByRole("link", { name: "Back to the meeting" }).click();
    await page.getByRole("heading", { name: DECEMBER, level: 1 }).waitFor();
    await page.getByText("3 December 2026, 10:00 to 12:00 (London time)").waitFor();
    await page.getByText(DECEMBER_PLACE).waitFor();
    await page.getByRole("link", { name: "specialist-needs-options.pdf" }).waitFor();
    await page.getByText("Attendance has not been recorded yet.").waitFor();
    await expectAccessible(page);

    // Running the meeting: nothing to judge until attendance is recorded.
    await page.getByRole("link", { name: "Run the meeting" }).click();
    await page.waitForURL(/\/run$/);
    await page.getByRole("heading", { name: DECEMBER, level: 1 }).waitFor();
    expect(path(page)).toBe(`/p/nelcp/meetings/${meetingId}/run`);
    const meetingQuorum = quorumPanel(page, "Quorum for the meeting");
    expect(await text(meetingQuorum)).toContain("Record who is present to see whether the meeting is quorate under version 2 of the terms of reference.");
    await expectAccessible(page);

    // Too few: the chair and two members.
    await markAttendance(page, { "Graham Featherstone": "Present", "Marcus Bellamy": "Present", "Daniel Osei": "Present", "Funmi Adeyemi": "Apologies" });
    await expect.poll(() => text(meetingQuorum.getByRole("heading"))).toBe("Quorum for the meeting: Not quorate");
    const shortfalls = await meetingQuorum.locator("ul").first().locator("li").allInnerTexts();
    expect(shortfalls).toEqual(["3 of the 6 voting members needed are present.", "3 of the 5 partner organisations needed are represented."]);
    expect(await text(meetingQuorum)).toContain("3 voting members counted from 3 partners, under version 2 of the terms of reference.");
    await expectAccessible(page);

    // Enough: seven voting members from seven partners, the chair and Havering among them.
    await markAttendance(page, {
      "Funmi Adeyemi": "Present",
      "Rahima Chowdhury": "Present",
      "Claire Hennessy": "Present",
      "Joanna Whitfield": "Present",
      "Kayden Morris": "Absent",
      "Dr Miriam Castell": "Apologies",
      "Helen Marchbank": "Present",
    });
    await expect.poll(() => text(meetingQuorum.getByRole("heading"))).toBe("Quorum for the meeting: Quorate");
    expect(await text(meetingQuorum)).toContain("7 voting members counted from 7 partners");
    // Nothing is missing; the one note says Claire Hennessy counts though below the seniority asked for.
    expect(await meetingQuorum.locator(":scope > ul").count()).toBe(0);
    expect(await text(meetingQuorum.locator("summary"))).toBe("Notes on who was counted (1)");
    expect(await seat(page, "Joanna Whitfield").getByLabel("Present", { exact: true }).isChecked()).toBe(true);
    await expectAccessible(page);

    // The decision item: Marcus Bellamy declares an interest and withdraws.
    await openItem(page, DECISION_ITEM);
    expect(await page.locator("#current-item").innerText()).toContain("Item 2 of 2");
    await page.getByRole("link", { name: "specialist-needs-options.pdf" }).waitFor();
    const declare = await openDetails(page, "Record a declaration of interest");
    await declare.getByLabel("Member").selectOption({ label: "Marcus Bellamy (London Borough of Barking and Dagenham)" });
    const interest = "Trustee of East London Foster Carers' Network, which runs a specialist home";
    await declare.getByLabel("Interest declared").fill(interest);
    await declare.getByLabel("They withdrew from this item").check();
    await declare.getByRole("button", { name: "Record declaration" }).click();
    await page.getByText("The declaration has been recorded").waitFor();
    await page.locator("#current-item", { hasText: DECISION_ITEM }).waitFor();
    const declared = page.locator("h3", { hasText: "Interests declared" }).locator("xpath=following-sibling::ul[1]");
    expect(await text(declared)).toBe(`Marcus Bellamy: ${interest} Withdrew from the item`);
    const itemQuorum = quorumPanel(page, "Quorum for this item");
    expect(await text(itemQuorum.getByRole("heading"))).toBe("Quorum for this item: Quorate");
    expect(await text(itemQuorum)).toContain("6 voting members counted from 6 partners");
    await itemQuorum.locator("summary").click();
    await itemQuorum.getByText("Marcus Bellamy has withdrawn from this item, so is not counted.").waitFor();
    await expectAccessible(page);

    // Notes for the minutes.
    await page.getByLabel("What was said on item 2").fill(NOTES);
    await page.getByRole("button", { name: "Save notes" }).click();
    await page.getByText("The notes have been saved").waitFor();
    expect(await page.getByLabel("What was said on item 2").inputValue()).toBe(NOTES);

    // The meeting is under way by the time its outcome is recorded.
    travelTo("2026-12-04");
    // The decision, agreed by consensus.
    await recordDecision(page, {
      title: DECISION_TITLE,
      text: "NELCP sets up a framework of specialist-needs providers from 1 April 2027, replacing spot purchase for specialist placements.",
    });
    const itemDecisions = page.locator("h3", { hasText: "Decisions on this item" }).locator("xpath=following-sibling::ul[1]");
    const decisionLink = itemDecisions.getByRole("link", { name: new RegExp(`^NELCP-2026-0\\d\\d: ${DECISION_TITLE}$`) });
    await decisionLink.waitFor();
    expect(await text(itemDecisions.locator("li").first())).toMatch(/Agreed$/);
    const decisionReference = (await decisionLink.innerText()).split(":")[0];
    expect(decisionReference).toMatch(/^NELCP-2026-0\d\d$/);
    await expectAccessible(page);

    // An action, owned by the chair; first sent with nothing filled in.
    let addAction = await openDetails(page, "Add an action");
    await addAction.getByRole("button", { name: "Add action" }).click();
    const noTitle = errorSummary.getByRole("link", { name: "Enter what needs to be done" });
    await noTitle.waitFor();
    await expect.poll(() => errorSummaryFocused(page)).toBe(true);
    // The link leads to the action's own field, not to the decision form's title above it.
    expect(await noTitle.getAttribute("href")).toBe("#action-title");
    expect(await errorSummary.getByRole("link", { name: "Enter the date the action is due" }).getAttribute("href")).toBe("#dueDate");
    addAction = await openDetails(page, "Add an action");
    expect(await addAction.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await noTitle.click();
    await expect.poll(() => focusedId(page)).toBe("action-title");
    await expectAccessible(page);
    await addAction.getByLabel("Action", { exact: true }).fill(ACTION_TITLE);
    await addAction.getByLabel("Owner").selectOption({ label: "Graham Featherstone" });
    await addAction.getByLabel("Due by").fill("2027-01-15");
    await expectAccessible(page);
    await addAction.getByRole("button", { name: "Add action" }).click();
    await page.getByText("The action has been added").waitFor();
    const itemActions = page.locator("h3", { hasText: "Actions from this item" }).locator("xpath=following-sibling::ul[1]");
    expect(await text(itemActions)).toBe(`${ACTION_TITLE} (Graham Featherstone, due 15 January 2027)`);

    // The decision log leads to the decision, with the quorum as it stood and its history.
    await page.goto("/p/nelcp/decisions");
    await page.getByRole("heading", { name: "Decision log", level: 1 }).waitFor();
    const logRow = page.locator("table#log tbody tr", { hasText: DECISION_TITLE });
    expect(await text(logRow)).toContain("3 December 2026");
    await logRow.getByRole("link", { name: decisionReference }).click();
    await page.getByRole("heading", { name: DECISION_TITLE, level: 1 }).waitFor();
    expect(await page.locator(".govuk-caption-l").innerText()).toContain(decisionReference);
    await page.locator("p .govuk-tag", { hasText: /^Agreed$/ }).first().waitFor();
    const how = page.locator(".govuk-summary-list__row", { hasText: "How" }).locator("dd");
    expect(await text(how)).toBe(`At ${DECEMBER}, item “${DECISION_ITEM}”`);
    expect(await text(page.locator(".govuk-summary-list__row", { hasText: "Method" }).locator("dd"))).toBe("Consensus (terms of reference version 2)");
    await page.getByRole("heading", { name: "Quorum when it was decided" }).waitFor();
    const snapshot = quorumPanel(page, "Quorum");
    expect(await text(snapshot.getByRole("heading"))).toBe("Quorum: Quorate");
    expect(await text(snapshot)).toContain("6 voting members counted from 6 partners, under version 2 of the terms of reference.");
    const history = page.locator("h2", { hasText: "History" }).locator("xpath=following-sibling::ol[1]").locator("li");
    expect(await history.count()).toBe(1);
    expect(await text(history.first())).toMatch(/: Agreed by Graham Featherstone/);
    await expectAccessible(page);

    // The action is in the partnership's actions and the chair's own.
    await page.goto("/p/nelcp/actions");
    await page.getByRole("heading", { name: "Actions", level: 1 }).waitFor();
    const actionRow = page.locator("tbody tr", { hasText: ACTION_TITLE });
    expect(await text(actionRow)).toContain("Graham Featherstone");
    expect(await text(actionRow)).toContain("15 January 2027");
    expect(await text(actionRow)).toContain(DECEMBER);
    await expectAccessible(page);
    await page.goto("/actions");
    await page.getByRole("heading", { name: "My actions", level: 1 }).waitFor();
    expect(await text(page.locator("tbody tr", { hasText: ACTION_TITLE }))).toBe(`${ACTION_TITLE} NELCP Graham Featherstone 15 January 2027 Open ${DECEMBER}`);
    await expectAccessible(page);

    // The draft minutes are drawn from the record.
    await page.goto(`/p/nelcp/meetings/${meetingId}/run`);
    await page.getByRole("link", { name: "Minutes", exact: true }).click();
    await page.getByRole("heading", { name: `Minutes: ${DECEMBER}, 3 December 2026`, level: 1 }).waitFor();
    await page.locator(".govuk-tag", { hasText: /^Draft$/ }).waitFor();
    const present = await page.locator("h3", { hasText: /^Present$/ }).locator("xpath=following-sibling::ul[1]").innerText();
    for (const name of ["Graham Featherstone", "Funmi Adeyemi", "Marcus Bellamy", "Rahima Chowdhury", "Daniel Osei", "Claire Hennessy", "Joanna Whitfield", "Helen Marchbank"])
      expect(present).toContain(name);
    expect(await page.locator("h3", { hasText: /^Apologies$/ }).locator("xpath=following-sibling::ul[1]").innerText()).toContain("Dr Miriam Castell");
    expect(await page.locator("h3", { hasText: /^Absent$/ }).locator("xpath=following-sibling::ul[1]").innerText()).toContain("Kayden Morris");
    await page.getByText("The meeting was quorate: 7 voting members from 7 partners.").waitFor();
    const minute = page.getByRole("region", { name: `2. ${DECISION_ITEM}` });
    expect(await text(minute)).toContain(`Marcus Bellamy declared: ${interest} (withdrew from the item)`);
    expect(await text(minute)).toContain(NOTES);
    expect(await text(minute)).toContain(`Decision ${decisionReference}: ${DECISION_TITLE} (agreed)`);
    expect(await text(minute)).toContain(`${ACTION_TITLE} – Graham Featherstone, by 15 January 2027`);
    expect(await text(page.getByRole("region", { name: `1. ${REPORT_ITEM}` }))).toContain("No notes were taken.");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Circulate for approval" }).click();
    await page.getByText("The minutes have been circulated for approval").waitFor();
    await page.locator(".govuk-tag", { hasText: /^Circulated for approval$/ }).waitFor();
    await page.getByText("These minutes are waiting for approval.").waitFor();
    expect(await page.getByRole("button", { name: "Circulate for approval" }).count()).toBe(0);
    await expectAccessible(page);

    december = { id: meetingId!, decisionReference };
  });

  it("the next meeting approves the December minutes, which are then locked and corrected only by amendment", async () => {
    expect(december, "needs the December meeting from the previous test").toBeDefined();
    const page = await signedIn("chair@nelcp.example");
    const title = "NELCP board (January)";
    await scheduleMeeting(page, { title, date: "2027-01-28", start: "10:00", end: "12:00", place: DECEMBER_PLACE });
    await page.getByRole("heading", { name: "Agenda and papers", level: 1 }).waitFor();
    const meetingId = path(page).split("/")[4];
    const item = "Minutes of the December meeting";
    await addAgendaItem(page, item, "For decision", "Graham Featherstone, Chair");

    travelTo("2027-01-29");
    await page.goto(`/p/nelcp/meetings/${meetingId}/run`);
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();
    // Joanna Whitfield's term ended on 31 December, so she is not on this board.
    expect(await seat(page, "Joanna Whitfield").count()).toBe(0);
    await markAttendance(page, {
      "Graham Featherstone": "Present",
      "Funmi Adeyemi": "Present",
      "Marcus Bellamy": "Present",
      "Rahima Chowdhury": "Present",
      "Daniel Osei": "Present",
      "Claire Hennessy": "Present",
    });
    await expect.poll(() => text(quorumPanel(page, "Quorum for the meeting").getByRole("heading"))).toBe("Quorum for the meeting: Quorate");
    await page.locator("#current-item", { hasText: item }).waitFor();

    await recordDecision(page, {
      title: "Approve the December minutes",
      text: "The minutes of the board meeting of 3 December 2026 are approved as a correct record.",
      approves: `The minutes of ${DECEMBER}, 3 December 2026`,
    });
    const approval = page.getByRole("link", { name: /^NELCP-2027-\d{3}: Approve the December minutes$/ });
    await approval.waitFor();
    const approvalReference = (await approval.innerText()).split(":")[0];
    await expectAccessible(page);

    // The December minutes are approved by that decision and locked.
    await page.goto(`/p/nelcp/meetings/${december!.id}/minutes`);
    await page.getByRole("heading", { name: `Minutes: ${DECEMBER}, 3 December 2026`, level: 1 }).waitFor();
    const status = page.locator("p", { has: page.locator(".govuk-tag", { hasText: /^Approved$/ }) });
    expect(await text(status)).toMatch(new RegExp(`Approved by decision ${approvalReference} on 28 January 2027, and locked\\.`));
    expect(approvalReference).toMatch(/^NELCP-2027-\d{3}$/);
    expect(await status.getByRole("link", { name: approvalReference }).getAttribute("href")).toMatch(/^\/p\/nelcp\/decisions\/[0-9a-f-]{36}$/);
    expect(await page.getByLabel("Summary").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save summary" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Circulate for approval" }).count()).toBe(0);
    await page.getByRole("heading", { name: "Correct the approved minutes" }).waitFor();
    await expectAccessible(page);

    // A correction is shown beside the original, which is unchanged.
    const correction = "Marcus Bellamy's interest is as a trustee of the network, not of the home it runs.";
    await page.getByLabel("Which part").selectOption({ label: `2. ${DECISION_ITEM}` });
    await page.getByLabel("The correction").fill(correction);
    await page.getByLabel("Why it is needed").fill("Marcus Bellamy asked for the record to be corrected.");
    await page.getByRole("button", { name: "Record amendment" }).click();
    await page.getByText("The correction has been recorded beside the approved minutes").waitFor();
    const minute = page.getByRole("region", { name: `2. ${DECISION_ITEM}` });
    const amendment = minute.locator(".app-amendment");
    expect(await text(amendment.getByRole("heading"))).toBe("Amendment after approval");
    expect(await text(amendment)).toContain(correction);
    expect(await text(amendment)).toContain("by Graham Featherstone. Reason: Marcus Bellamy asked for the record to be corrected.");
    expect(await text(minute)).toContain(NOTES);
    expect(await text(minute)).toContain(`Decision ${december!.decisionReference}: ${DECISION_TITLE} (agreed)`);
    await expectAccessible(page);

    // Back to the scenario's today: the meetings list shows both still to come.
    travelTo(SCENARIO_TODAY);
    await page.goto("/p/nelcp/meetings");
    const upcoming = page.locator("table#upcoming");
    expect(await text(upcoming.locator("tr", { hasText: DECEMBER }))).toContain("Approved");
    expect(await text(upcoming.locator("tr", { hasText: title }))).toContain("1");
  });

  it("July's decision taken without a quorum shows it was ratified later; May's extension awaits three Cabinets", async () => {
    const page = await signedIn("chair@nelcp.example");
    await page.goto("/p/nelcp/meetings");
    await page.locator("table#past tbody tr", { hasText: "9 July 2026" }).getByRole("link").click();
    await page.getByRole("heading", { name: "NELCP board", level: 1 }).waitFor();
    await page.getByText("9 July 2026, 10:00 to 11:30 (London time)").waitFor();
    expect(await text(quorumPanel(page, "Quorum").getByRole("heading"))).toBe("Quorum: Not quorate");
    await expectAccessible(page);

    await page.getByRole("link", { name: /Uplift the specialist-needs band price by 4%$/ }).click();
    await page.getByRole("heading", { name: "Uplift the specialist-needs band price by 4%", level: 1 }).waitFor();
    expect(await text(quorumPanel(page, "Quorum").getByRole("heading"))).toBe("Quorum: Not quorate");
    // First recorded as inquorate, then agreed when September's quorate meeting ratified it.
    // (The demo data stamps both changes with the time it was loaded, so their order on the page is not asserted.)
    const history = await page.locator("h2", { hasText: "History" }).locator("xpath=following-sibling::ol[1]").locator("li").allInnerTexts();
    expect(history).toHaveLength(2);
    expect(history).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/: Inquorate – needs ratification by Priya Raman\. The meeting was not quorate/),
        expect.stringMatching(/: Inquorate – needs ratification → Agreed by Priya Raman\. Ratified at the quorate board meeting of 10 September 2026\.$/),
      ]),
    );
    await page.locator("p .govuk-tag", { hasText: /^Agreed$/ }).first().waitFor();
    // It is ratified now, so no longer carries the inquorate warning.
    expect(await page.getByText("The meeting was not quorate when this was decided").count()).toBe(0);
    await expectAccessible(page);

    await page.goto("/p/nelcp/meetings");
    await page.locator("table#past tbody tr", { hasText: "14 May 2026" }).getByRole("link").click();
    await page.getByText("14 May 2026, 10:00 to 12:00 (London time)").waitFor();
    await page.getByRole("link", { name: /Extend the lot 1 block contracts by two years$/ }).click();
    await page.getByRole("heading", { name: "Extend the lot 1 block contracts by two years", level: 1 }).waitFor();
    await page.getByText("Awaiting ratification by 3 of 8", { exact: true }).waitFor();
    const ratifications = page.locator("table", { has: page.getByRole("columnheader", { name: "Body and date" }) });
    const statuses = await ratifications.locator("tbody tr td:nth-child(2) .govuk-tag").allInnerTexts();
    expect(statuses.filter((x) => x === "Awaiting")).toHaveLength(3);
    expect(statuses.filter((x) => x === "Ratified")).toHaveLength(5);
    expect(await text(ratifications.locator("tbody tr", { hasText: "London Borough of Havering" }).locator("td").nth(2))).toBe("Cabinet, 10 June 2026");
    await expectAccessible(page);
  });

  it("a partner representative proposes a decision but may not run a meeting", async () => {
    const page = await signedIn("rep@barking-dagenham.example");
    await page.goto("/p/nelcp/decisions");
    await page.getByRole("heading", { name: "Decision log", level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: "Record a decision taken outside a meeting" }).count()).toBe(0);
    await page.getByRole("link", { name: "Propose a decision" }).click();
    await page.getByRole("heading", { name: "Propose a decision", level: 1 }).waitFor();
    expect(path(page)).toBe("/p/nelcp/decisions/new");
    await expectAccessible(page);

    // Nothing filled in: refused.
    await page.getByRole("button", { name: "Propose decision" }).click();
    const errorSummary = page.locator(".govuk-error-summary");
    await errorSummary.waitFor();
    await expect.poll(() => errorSummaryFocused(page)).toBe(true);
    expect(await errorSummary.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual(expect.arrayContaining(["#title", "#text"]));
    await expectAccessible(page);

    const title = "Share the cost of out-of-area visits by placement days";
    await page.getByLabel("Short title").fill(title);
    await page.getByLabel("The proposed decision").fill("Travel for social workers visiting children placed outside the sub-region is shared between the boroughs by placement days.");
    await page.getByLabel("Why (optional)").fill("Barking and Dagenham pays for most of these visits today.");
    await page.getByLabel("For which meeting (optional)").selectOption({ label: "NELCP board, 14 January 2027" });
    await page.getByRole("button", { name: "Propose decision" }).click();
    await page.getByText("The decision has been proposed").waitFor();
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();
    await page.locator("p .govuk-tag", { hasText: /^Proposed$/ }).waitFor();
    const reference = (await page.locator(".govuk-caption-l").innerText()).split("·")[1].trim();
    expect(reference).toMatch(/^NELCP-2026-\d{3}$/);
    await expectAccessible(page);

    await page.getByRole("navigation", { name: /sections$/ }).getByRole("link", { name: "Decisions", exact: true }).click();
    await page.getByRole("heading", { name: "Decision log", level: 1 }).waitFor();
    const proposals = page.getByRole("region", { name: /^Proposed, waiting for a meeting/ });
    await proposals.waitFor();
    expect(await text(proposals.locator("li", { hasText: title }))).toBe(`${reference}: ${title} (proposed by Shanice Lowther)`);

    // The meeting page offers no running screen, and the running screen itself is refused.
    await page.goto("/p/nelcp/meetings");
    await page.locator("table#upcoming tbody tr", { hasText: "14 January 2027" }).getByRole("link").click();
    await page.getByRole("heading", { name: "NELCP board", level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: "Run the meeting" }).count()).toBe(0);
    const res = await page.goto(`${path(page)}/run`);
    expect(res?.status()).toBe(403);
    await page.getByRole("heading", { name: "You do not have permission to see this page" }).waitFor();
    await expectAccessible(page);
  });

  it("the decision log finds the lot 2 award and exports what it shows as CSV", async () => {
    const page = await signedIn("chair@nelcp.example");
    await page.goto("/p/nelcp/decisions");
    await page.getByRole("heading", { name: "Decision log", level: 1 }).waitFor();
    await page.getByLabel("Words or reference").fill("lot 2");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("lot 2");
    const award = page.locator("table#log tbody tr", { hasText: "Award lot 2 to the Thames Gateway Care consortium" });
    await award.waitFor();
    expect(await text(award)).toContain("12 March 2026");
    expect(await text(award)).toContain("Agreed");
    // The URL changes before React has finished rendering the filtered rows, so wait for the rows.
    await expect.poll(() => page.locator("table#log tbody tr", { hasText: "Uplift the specialist-needs band" }).count()).toBe(0);
    expect(await page.getByLabel("Words or reference").inputValue()).toBe("lot 2");
    await expectAccessible(page);

    const csvLink = page.getByRole("link", { name: "Download these decisions as a spreadsheet (CSV)" });
    expect(new URL((await csvLink.getAttribute("href"))!, s.baseUrl).searchParams.get("q")).toBe("lot 2");
    const [download] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
    expect(download.suggestedFilename()).toBe("nelcp-decisions.csv");
    const csv = await fs.readFile((await download.path())!, "utf8");
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^\uFEFFReference,Date,Title,/); // with a byte-order mark, for Excel
    expect(lines.some((line) => line.includes("Award lot 2 to the Thames Gateway Care consortium"))).toBe(true);
    expect(lines.some((line) => line.includes("Uplift the specialist-needs band"))).toBe(false);
  });

  it("a double click on Record decision records one decision; the form then starts empty, and unsent text stays behind", async () => {
    const http = s.client();
    await http.signIn("chair@nelcp.example");
    const id = await scheduleByHttp(http, "nelcp", { date: "2026-11-19", title: "NELCP board (double click)" });
    const first = await addItemByHttp(http, s.db, "nelcp", id, "Lot 5 award");
    await addItemByHttp(http, s.db, "nelcp", id, "Lot 6 award");
    expect((await markAttendanceByHttp(http, s.db, "nelcp", id, "2026-11-19", nelcpQuorum)).status).toBe(302);

    const page = await signedIn("chair@nelcp.example");
    await page.goto(`/p/nelcp/meetings/${id}/run?item=${first}`);
    await page.locator("#current-item", { hasText: "Lot 5 award" }).waitFor();
    const details = await openDetails(page, "Record a decision");
    await details.getByLabel("Short title").fill("Award lot 5 (double click)");
    await details.getByLabel("What was decided").fill("Lot 5 is awarded to the consortium.");
    await details.getByRole("group", { name: "Outcome" }).getByLabel("Agreed", { exact: true }).check();
    await details.getByRole("button", { name: "Record decision" }).dblclick();
    await page.getByText("The decision has been recorded").waitFor();
    const recorded = await s.db.select().from(decisions).where(eq(decisions.title, "Award lot 5 (double click)"));
    expect(recorded).toHaveLength(1);

    // The form starts afresh for the next decision.
    const again = await openDetails(page, "Record a decision");
    expect(await again.getByLabel("Short title").inputValue()).toBe("");
    expect(await again.getByLabel("What was decided").inputValue()).toBe("");

    // Text typed but not sent does not follow the chair to the next item.
    await again.getByLabel("Short title").fill("Half-typed, never sent");
    await openItem(page, "Lot 6 award");
    const next = await openDetails(page, "Record a decision");
    expect(await next.getByLabel("Short title").inputValue()).toBe("");
  });
});
