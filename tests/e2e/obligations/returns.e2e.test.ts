import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launchBrowser, noHorizontalOverflow, signedInPage } from "../../helpers/browser";
import { SCENARIO_TODAY, startTestServer, type TestServer } from "../../helpers/server";

// Returns as the partners and the secretariat handle them: a borough's
// representative submits one from a phone, the secretariat sends it back
// with a reason, and everyone's email preferences and the administrator's
// failed deliveries list are a click away.

let s: TestServer;
let browser: Browser;
beforeAll(async () => {
  s = await startTestServer({ APP_TODAY: SCENARIO_TODAY });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const signedIn = (email: string, options: BrowserContextOptions = {}) => signedInPage(browser, s.baseUrl, email, options);
const phone = { viewport: { width: 375, height: 740 }, isMobile: true };

async function expectAccessible(page: Page) {
  expect(await accessibilityProblems(page)).toEqual([]);
}

const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
let returnPage = "";

describe("returns in a browser", () => {
  it("Barking and Dagenham's representative submits a return from a phone; a wrong file is refused and nothing typed is lost", async () => {
    const page = await signedIn("rep@barking-dagenham.example", phone);
    await page.goto("/p/nelcp");
    await page.getByRole("link", { name: "Returns", exact: true }).click();
    await page.getByRole("heading", { name: "Returns and obligations", level: 1 }).waitFor();
    expect(await page.getByRole("table", { name: "How each partner is doing" }).getByRole("row", { name: /London Borough of Barking and Dagenham 75% \(3 of 4\)/ }).count()).toBe(1);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await expectAccessible(page);

    await page.getByRole("heading", { name: "Quarterly performance return", level: 3 }).getByRole("link").click();
    await page.getByRole("heading", { name: "Quarterly performance return", level: 1 }).waitFor();
    returnPage = new URL(page.url()).pathname;
    expect(await noHorizontalOverflow(page)).toBe(true);
    await expectAccessible(page);

    await page.getByLabel("Period", { exact: true }).selectOption("2026-12-31");
    await page.getByLabel("Placements made in the period (optional)").fill("3");
    await page.getByLabel("Comment (optional)").fill("Two step-downs to foster care; one placement ended early.");
    await page.getByLabel("The return as a file (optional)").setInputFiles({ name: "q3-return.txt", mimeType: "text/plain", buffer: Buffer.from("not a return") });
    await page.getByRole("button", { name: "Submit return" }).click();
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("The file must be a PDF or an Office document");
    expect(await page.evaluate(() => Boolean(document.activeElement?.classList.contains("govuk-error-summary")))).toBe(true);
    expect(await page.getByLabel("Comment (optional)").inputValue()).toBe("Two step-downs to foster care; one placement ended early.");
    expect(await page.getByLabel("Placements made in the period (optional)").inputValue()).toBe("3");
    await expectAccessible(page);

    await page.getByLabel("Period", { exact: true }).selectOption("2026-12-31");
    await page.getByLabel("The return as a file (optional)").setInputFiles({ name: "Q3 return.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "Submit return" }).click();
    await page.getByText("The return has been submitted").waitFor();
    const received = page.getByRole("heading", { name: "Returns received" }).locator("xpath=following-sibling::ul[1]");
    expect(await received.innerText()).toMatch(/London Borough of Barking and Dagenham, period ending 31 December 2026: \d{1,2} [A-Z][a-z]+ \d{4}\s+Submitted/);
    // A representative reviews nothing.
    expect(await page.getByRole("heading", { name: /Waiting for review/ }).count()).toBe(0);
    await expectAccessible(page);
  });

  it("the secretariat sends it back with a reason, which the borough then reads", async () => {
    const page = await signedIn("secretariat@nelcp.example");
    await page.goto(returnPage);
    await page.getByRole("heading", { name: /Waiting for review \(\d+\)/ }).waitFor();
    const form = page.locator("form").filter({ hasText: "London Borough of Barking and Dagenham, period ending 31 December 2026" });
    await form.getByRole("link", { name: "Q3 return.pdf" }).waitFor();
    await form.getByLabel("Reason, if returning it for changes").fill("The placements figure leaves out the two step-downs: please include them.");
    await form.getByRole("button", { name: "Return for changes to London Borough of Barking and Dagenham" }).click();
    await page.getByText("The return has been reviewed").waitFor();
    await expectAccessible(page);

    const rep = await signedIn("rep@barking-dagenham.example");
    await rep.goto(returnPage);
    const received = rep.getByRole("heading", { name: "Returns received" }).locator("xpath=following-sibling::ul[1]");
    const mine = received.locator("li", { hasText: "period ending 31 December 2026" });
    expect(await mine.innerText()).toContain("Returned for changes");
    expect(await mine.innerText()).toContain("The placements figure leaves out the two step-downs");
  });

  it("anyone reaches their email preferences from every page; only administrators see failed deliveries", async () => {
    const page = await signedIn("member@nelcp.example");
    const account = page.getByRole("navigation", { name: "Your account" });
    expect(await account.getByRole("link", { name: "Failed deliveries" }).count()).toBe(0);
    await account.getByRole("link", { name: "Email preferences" }).click();
    await page.getByRole("heading", { name: "Your account", level: 1 }).waitFor();
    await page.getByLabel("Gather them into one email a day").check();
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.getByText("Your email preferences have been saved").waitFor();
    expect(await page.getByLabel("Gather them into one email a day").isChecked()).toBe(true);
    await expectAccessible(page);

    const admin = await signedIn("admin@platform.example");
    await admin.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "Failed deliveries" }).click();
    await admin.getByRole("heading", { name: "Failed deliveries", level: 1 }).waitFor();
    await expectAccessible(admin);
  });
});
