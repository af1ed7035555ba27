import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launchBrowser, noHorizontalOverflow, PHONE, signedInPage } from "../../helpers/browser";
import { eq } from "drizzle-orm";
import { AUDIT_PAGE_SIZE } from "../../../app/areas/scrutiny/rules/audit-filters";
import { decisions } from "../../../db/schema";
import { startTestServer, type TestServer } from "../../helpers/server";

// The audit trail explorer in a browser, as the secretariat or a scrutiny
// member uses it: from the partnership's sections, filtered with the form
// alone (keyboard), to one risk's history with its fields before and after,
// then a mistyped date in the address. axe at 1280 px and at 390 px.

let s: TestServer;
let browser: Browser;
beforeAll(async () => {
  s = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function expectFine(page: Page) {
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(await noHorizontalOverflow(page)).toBe(true);
}

describe("the audit trail explorer in a browser", () => {
  it("finds who changed a risk's score and why, by keyboard, and passes axe on a desktop and a phone", async () => {
    const page = await signedInPage(browser, s.baseUrl, "secretariat@nelcp.example", { viewport: { width: 1280, height: 900 } });
    await page.goto("/p/nelcp");
    await page.getByRole("navigation", { name: /sections/ }).getByRole("link", { name: "Audit trail" }).click();
    await page.getByRole("heading", { name: "Audit trail", level: 1 }).waitFor();
    await page.getByTestId("verification").getByText(new RegExp(`The ${AUDIT_PAGE_SIZE} events on this page verify`)).waitFor();
    await expectFine(page);

    // Choose "Risk reviewed" with the keyboard and send the form with Enter.
    await page.getByLabel("What happened").focus();
    await page.getByLabel("What happened").selectOption({ label: "Risk reviewed" });
    await page.keyboard.press("Tab");
    await page.getByRole("button", { name: "Show events" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/action=risk\.review/);
    const first = page.locator(".app-audit-list__item").first();
    await expect.poll(() => first.getAttribute("data-action")).toBe("risk.review");
    const items = page.locator(".app-audit-list__item");
    expect(new Set(await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-action"))))).toEqual(new Set(["risk.review"]));

    // The history of the commissioning-market risk, whose current score went from 12 to 16 in June.
    const changed = items.filter({ hasText: /current score 12 → 16/ }).first();
    await changed.getByRole("link", { name: /^History of NELCP-R-/ }).click();
    await page.getByRole("heading", { name: /^History of NELCP-R-/, level: 1 }).waitFor();
    await page.locator(".app-audit-list__item[data-action='risk.create']").waitFor();
    const review = page.locator(".app-audit-list__item", { hasText: "current score 12 → 16" });
    await review.getByText("Fields before and after").click();
    await review.getByText(/likelihood\s*3 → 4/).waitFor();
    await expectFine(page);
    await page.setViewportSize(PHONE);
    await expectFine(page);

    // A mistyped date in the address is named, and the trail still shows.
    await page.goto("/p/nelcp/audit?from=2026-02-30");
    await page.getByRole("heading", { name: "There is a problem" }).waitFor();
    await page.getByRole("link", { name: "Enter a real date, for example 2026-03-31" }).waitFor();
    expect(await page.locator(".app-audit-list__item").count()).toBe(AUDIT_PAGE_SIZE);
    await expectFine(page);
  });

  it("a called-in decision's page, with the board's reconsideration form, passes axe on a desktop and a phone; the form names what is wrong", async () => {
    const [hub] = await s.db.select({ id: decisions.id }).from(decisions).where(eq(decisions.title, "Mobilise the residential hub from Service Design Brief 1"));
    const page = await signedInPage(browser, s.baseUrl, "c.langley@leics.example", { viewport: { width: 1280, height: 900 } });
    await page.goto(`/p/leicestershire-cip/decisions/${hub.id}`);
    await page.getByRole("heading", { name: "Call-in", level: 2 }).waitFor();
    await page.getByText(/Referred back: not to be implemented/).first().waitFor();
    await expectFine(page);
    // "Changed" without the new decision's reference: the error summary names it and takes focus.
    await page.getByLabel("Changed it by a new decision").check();
    await page.getByRole("button", { name: "Record the board's reconsideration" }).click();
    await page.getByRole("link", { name: /Enter the reference of the decision that changed it/ }).waitFor();
    await expectFine(page);
    await page.setViewportSize(PHONE);
    await expectFine(page);
  });

  it("the accountability dashboard's attendance chart and table pass axe on a desktop and a phone, and fit the phone", async () => {
    const page = await signedInPage(browser, s.baseUrl, "chair@nelcp.example", { viewport: { width: 1280, height: 900 } });
    await page.goto("/p/nelcp");
    await page.getByRole("navigation", { name: /sections/ }).getByRole("link", { name: "Accountability" }).click();
    await page.getByRole("heading", { name: "Board meeting attendance", level: 2 }).waitFor();
    await page.getByRole("img", { name: /Board meeting attendance by partner/ }).waitFor();
    await expectFine(page);
    await page.setViewportSize(PHONE);
    await expectFine(page);
  });

  it("a scrutiny member asks the chair a question on a phone (a mistake first), the chair answers it on a desktop; axe on both", async () => {
    const [hub] = await s.db.select({ id: decisions.id }).from(decisions).where(eq(decisions.title, "Mobilise the residential hub from Service Design Brief 1"));
    const phone = await signedInPage(browser, s.baseUrl, "scrutiny@leics.example", { viewport: PHONE });
    await phone.goto(`/p/leicestershire-cip/decisions/${hub.id}`);
    await phone.getByRole("link", { name: "Ask a question or challenge about this decision" }).click();
    await phone.getByRole("heading", { name: "Ask a question or challenge", level: 1 }).waitFor();
    // The usual answer-by date is offered, ten working days on.
    expect(await phone.getByLabel("Answer by").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expectFine(phone);
    await phone.getByLabel("Short title").fill("Who will run the assessment beds");
    await phone.getByLabel("Your question or challenge").fill("Will Barnardo's or the council employ the staff of the assessment beds?");
    await phone.getByRole("button", { name: "Send to the chair" }).click();
    // No kind chosen: the error summary names it and takes focus.
    const summary = phone.getByRole("alert");
    await summary.getByRole("link", { name: "Choose whether this is a question or a challenge" }).waitFor();
    await expect.poll(() => phone.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary") ?? false)).toBe(true);
    await expectFine(phone);
    await phone.getByLabel("A question").check();
    await phone.getByRole("button", { name: "Send to the chair" }).click();
    await phone.getByText("Your question has been sent to the chair").waitFor();
    await phone.getByText(/Awaiting an answer by/).first().waitFor();
    const path = new URL(phone.url()).pathname;
    await expectFine(phone);

    const desk = await signedInPage(browser, s.baseUrl, "c.langley@leics.example", { viewport: { width: 1280, height: 900 } });
    await desk.goto(path);
    await desk.getByLabel("Your answer").fill("The council employs them; Barnardo's manages the service day to day.");
    await desk.getByRole("button", { name: "Send the answer" }).click();
    await desk.getByText("The answer has been recorded and sent to scrutiny").waitFor();
    await desk.getByRole("heading", { name: /^Answer from Catherine Langley/ }).waitFor();
    await expectFine(desk);
    await desk.goto("/p/leicestershire-cip/scrutiny/challenges");
    await desk.getByRole("link", { name: /Who will run the assessment beds/ }).waitFor();
    await expectFine(desk);
  });

  it("the scrutiny pack's page, reached from the dashboard, passes axe on a desktop and a phone and offers the PDF", async () => {
    const page = await signedInPage(browser, s.baseUrl, "scrutiny-chair@leics.example", { viewport: { width: 1280, height: 900 } });
    await page.goto("/p/leicestershire-cip/accountability");
    await page.getByRole("link", { name: "The scrutiny pack for this period" }).click();
    await page.getByRole("heading", { name: "Questions and challenges", level: 2 }).waitFor();
    const pdf = page.getByRole("link", { name: /PDF/ }).first();
    expect(await pdf.getAttribute("href")).toMatch(/\/p\/leicestershire-cip\/scrutiny\/pack\.pdf\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await expectFine(page);
    await page.setViewportSize(PHONE);
    await expectFine(page);
  });
});
