import fs from "node:fs/promises";
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
const phone = { viewport: { width: 390, height: 844 }, isMobile: true };

async function expectAccessible(page: Page) {
  expect(await accessibilityProblems(page)).toEqual([]);
}

const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
let returnPage = "";

describe("returns in a browser", () => {
  it("Barking and Dagenham's representative fills in a return on a 390 px phone: mistakes are named, nothing typed is lost", async () => {
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
    // Last quarter's figures, with their trend, in the table, one figure at a time.
    await page.getByRole("navigation", { name: "Figures returned" }).getByRole("link", { name: "Spend against the block contract" }).click();
    expect(await page.getByRole("table", { name: "Spend against the block contract (£)" }).getByRole("row", { name: /London Borough of Barking and Dagenham/ }).innerText()).toMatch(/£\d{3},\d{3}\.\d{2}/);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Fill in the return for London Borough of Barking and Dagenham, October to December 2026" }).click();
    await page.getByRole("heading", { name: "Return for October to December 2026", level: 1 }).waitFor();
    await page.getByLabel("New placements: low needs").fill("1");
    await page.getByLabel("New placements: medium needs").fill("4");
    await page.getByLabel("New placements: high needs").fill("2");
    await page.getByLabel("New placements: specialist needs").fill("0");
    await page.getByLabel("Children placed more than 20 miles from home").fill("9");
    await page.getByLabel("Spend against the block contract").fill("two hundred thousand");
    await page.getByLabel("The year's spend against budget (optional)").selectOption("Some risk");
    await page.getByLabel("Comment (optional)").fill("Two step-downs to foster care; one placement ended early.");
    await page.getByRole("button", { name: "Send the return" }).click();
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Spend against the block contract must be a number of pounds, like £1,250.00, without letters or other symbols");
    expect(await page.evaluate(() => Boolean(document.activeElement?.classList.contains("govuk-error-summary")))).toBe(true);
    expect(await page.getByLabel("Children placed more than 20 miles from home").inputValue()).toBe("9");
    expect(await page.getByLabel("Comment (optional)").inputValue()).toBe("Two step-downs to foster care; one placement ended early.");
    expect(await noHorizontalOverflow(page)).toBe(true);
    await expectAccessible(page);

    await page.getByLabel("Spend against the block contract").fill("238,410.50");
    await page.getByLabel("The return as a file (optional)").setInputFiles({ name: "q3-return.txt", mimeType: "text/plain", buffer: Buffer.from("not a return") });
    await page.getByRole("button", { name: "Send the return" }).click();
    await page.locator(".govuk-error-summary", { hasText: "The file must be a PDF or an Office document" }).waitFor();
    expect(await page.getByLabel("Spend against the block contract").inputValue()).toBe("238,410.50");

    await page.getByLabel("The return as a file (optional)").setInputFiles({ name: "Q3 return.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "Send the return" }).click();
    await page.getByText("The return has been submitted").waitFor();
    const received = page.getByRole("heading", { name: "Returns received" }).locator("xpath=following-sibling::ul[1]");
    expect(await received.innerText()).toMatch(/London Borough of Barking and Dagenham, period ending 31 December 2026: \d{1,2} [A-Z][a-z]+ \d{4}\s+Submitted/);
    // A representative reviews nothing.
    expect(await page.getByRole("heading", { name: /Waiting for review/ }).count()).toBe(0);
    await expectAccessible(page);
  });

  it("the secretariat sends it back with a reason; the borough corrects it on the phone; it is accepted and its figures are in the table and the CSV", async () => {
    const page = await signedIn("secretariat@nelcp.example");
    await page.goto(returnPage);
    await page.getByRole("heading", { name: /Waiting for review \(\d+\)/ }).waitFor();
    const form = () => page.locator("form").filter({ hasText: "London Borough of Barking and Dagenham, period ending 31 December 2026" });
    await form().getByRole("link", { name: "Q3 return.pdf" }).waitFor();
    expect(await form().innerText()).toContain("£238,410.50");
    await form().getByLabel("Reason, if returning it for changes").fill("The spend leaves out December's invoice from the lot 2 homes: please add it.");
    await form().getByRole("button", { name: "Return for changes to London Borough of Barking and Dagenham" }).click();
    await page.getByText("The return has been reviewed").waitFor();
    await expectAccessible(page);

    const rep = await signedIn("rep@barking-dagenham.example", phone);
    await rep.goto(returnPage);
    const received = rep.getByRole("heading", { name: "Returns received" }).locator("xpath=following-sibling::ul[1]");
    expect(await received.locator("li", { hasText: "period ending 31 December 2026" }).innerText()).toContain("Returned for changes");
    await rep.getByRole("link", { name: "Correct and send again for London Borough of Barking and Dagenham, October to December 2026" }).click();
    await rep.getByText("Sent back for changes: The spend leaves out December's invoice").waitFor();
    expect(await rep.getByLabel("Spend against the block contract").inputValue()).toBe("238410.50");
    expect(await rep.getByLabel("Children placed more than 20 miles from home").inputValue()).toBe("9");
    await rep.getByLabel("Spend against the block contract").fill("251,962.75");
    expect(await noHorizontalOverflow(rep)).toBe(true);
    await expectAccessible(rep);
    await rep.getByRole("button", { name: "Send the return" }).click();
    await rep.getByText("The return has been submitted").waitFor();

    await page.goto(returnPage);
    await form().getByRole("button", { name: "Accept London Borough of Barking and Dagenham's return" }).click();
    await page.getByText("The return has been reviewed").waitFor();
    await page.getByRole("navigation", { name: "Figures returned" }).getByRole("link", { name: "Spend against the block contract" }).click();
    const spend = page.getByRole("table", { name: "Spend against the block contract (£)" });
    await spend.waitFor();
    const quarter = await spend.getByRole("columnheader").allInnerTexts();
    const column = quarter.findIndex((h) => h.includes("October to December 2026"));
    expect(column).toBeGreaterThan(0);
    expect(await spend.getByRole("row", { name: /London Borough of Barking and Dagenham/ }).getByRole("cell").nth(column - 1).innerText()).toBe("£251,962.75");
    await expectAccessible(page);

    // What the return asks for, and its versions: the secretariat's editor, on a desktop and a phone.
    await page.getByRole("link", { name: "Change what the return asks for (version 2 now)" }).click();
    await page.getByRole("heading", { name: "What the return asks for", level: 1 }).waitFor();
    expect(await page.getByRole("group", { name: "Field 6: Spend against the block contract" }).getByLabel("Kind of answer").inputValue()).toBe("money");
    await expectAccessible(page);
    const editor = await signedIn("secretariat@nelcp.example", phone);
    await editor.goto(new URL(page.url()).pathname);
    expect(await noHorizontalOverflow(editor)).toBe(true);
    await expectAccessible(editor);
    await page.goBack();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download every period's figures as a spreadsheet (CSV)" }).click()]);
    const csv = await fs.readFile((await download.path())!, "utf8");
    const row = csv.split("\r\n").find((line) => line.startsWith("London Borough of Barking and Dagenham,2026-12-31,"));
    // Answered with version 1 of the fields: blank for version 2's "Placements that ended unplanned", which it was not asked.
    expect(row).toMatch(/,Accepted,1,1,4,2,0,9,251962\.75,Some risk,$/);
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
