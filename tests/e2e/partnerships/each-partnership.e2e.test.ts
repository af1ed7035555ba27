import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launchBrowser, noHorizontalOverflow, signedInPage } from "../../helpers/browser";
import { SCENARIO_TODAY, startTestServer, travelTo, type TestServer } from "../../helpers/server";

// All three partnerships run the same way: each chair opens the next meeting,
// records who came and a decision on its first item, finds the decision in
// the log, and sees the partnership's money: NELCP's innovation payment at
// its 7% cap, the CIP's joint bids that won £1,964,765 in their first year,
// Newport's partner's £200,000 co-investment.
// Today is 22 November 2026.

let s: TestServer;
let browser: Browser;
beforeAll(async () => {
  s = await startTestServer({ APP_TODAY: SCENARIO_TODAY });
  browser = await launchBrowser();
});
afterEach(() => travelTo(SCENARIO_TODAY));
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function expectAccessible(page: Page) {
  expect(await accessibilityProblems(page)).toEqual([]);
}

const partnerships = [
  { slug: "nelcp", chair: "chair@nelcp.example", name: "North-East London", next: "14 January 2027", dayAfter: "2027-01-15", decision: "Approve the November board's minutes", money: ["£171,500.00"] },
  { slug: "leicestershire-cip", chair: "c.langley@leics.example", name: "Leicestershire", next: "10 December 2026", dayAfter: "2026-12-11", decision: "Approve the October board's minutes", money: ["£1,964,765.00"] },
  { slug: "newport-barnardos", chair: "g.powell@newport.example", name: "Newport", next: "9 December 2026", dayAfter: "2026-12-10", decision: "Approve the summer review's minutes", money: ["£200,000.00"] },
];

describe("each partnership, run by its chair", () => {
  for (const p of partnerships)
    it(`${p.name}: the chair opens the next meeting, records a decision, finds it in the log and sees the money`, async () => {
      const page = await signedInPage(browser, s.baseUrl, p.chair);
      await page.goto("/");
      await page.getByRole("link", { name: new RegExp(p.name) }).first().click();
      await page.waitForURL(new RegExp(`/p/${p.slug}$`));
      await page.getByRole("navigation", { name: /sections$/ }).getByRole("link", { name: "Meetings", exact: true }).click();
      await page.getByRole("heading", { name: "Meetings", level: 1 }).waitFor();
      const next = page.locator("table#upcoming tbody tr").first();
      expect(await next.innerText()).toContain(p.next);
      await next.getByRole("link").first().click();
      await page.getByText(new RegExp(`${p.next}, \\d\\d:\\d\\d to`)).waitFor();
      await expectAccessible(page);

      // The day after the meeting, the chair records what happened at it.
      travelTo(p.dayAfter);
      await page.getByRole("link", { name: "Run the meeting" }).click();
      await page.waitForURL(/\/run$/);
      // Everyone came.
      const attendance = page.locator("details").filter({ has: page.locator("summary", { hasText: /^Attendance \(/ }) });
      if (!(await attendance.evaluate((d) => (d as HTMLDetailsElement).open))) await attendance.locator("summary").click();
      const form = attendance.locator("form");
      for (const radio of await form.getByLabel("Present", { exact: true }).all()) await radio.check();
      await page.getByRole("button", { name: "Save attendance" }).click();
      await page.getByText("Attendance has been saved").waitFor();
      await expect.poll(async () => (await page.locator(".app-quorum, .govuk-inset-text").filter({ has: page.getByRole("heading", { name: /^Quorum for the meeting/ }) }).getByRole("heading").first().innerText()).trim()).toBe("Quorum for the meeting: Quorate");

      await page.getByRole("navigation", { name: "Agenda items" }).getByRole("link").first().click();
      const details = page.locator("details").filter({ has: page.locator("summary", { hasText: "Record a decision" }) });
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
      await details.getByLabel("Short title").fill(p.decision);
      await details.getByLabel("What was decided").fill("The minutes are approved as a correct record.");
      await details.getByRole("group", { name: "Outcome" }).getByLabel("Agreed", { exact: true }).check();
      await details.getByRole("button", { name: "Record decision" }).click();
      await page.getByText("The decision has been recorded").waitFor();
      await expectAccessible(page);

      await page.getByRole("navigation", { name: /sections$/ }).getByRole("link", { name: "Decisions", exact: true }).click();
      await page.getByRole("heading", { name: "Decision log", level: 1 }).waitFor();
      const row = page.locator("table#log tbody tr", { hasText: p.decision });
      await row.waitFor();
      expect(await row.innerText()).toContain("Agreed");

      await page.getByRole("navigation", { name: /sections$/ }).getByRole("link", { name: "Money", exact: true }).click();
      await page.getByRole("heading", { name: "Money", level: 1 }).waitFor();
      const money = await page.locator("main").innerText();
      for (const figure of p.money) expect(money).toContain(figure);
      await expectAccessible(page);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await noHorizontalOverflow(page)).toBe(true);
      await expectAccessible(page);
    });
});
