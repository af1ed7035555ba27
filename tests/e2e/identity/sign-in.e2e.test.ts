import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launchBrowser, seriousAxeViolations } from "../../helpers/browser";
import { DEMO_PASSWORD, startTestServer, type TestServer } from "../../helpers/server";

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

async function newPage() {
  const context = await browser.newContext({ baseURL: s.baseUrl });
  return context.newPage();
}

async function expectAccessible(page: Page) {
  expect(await accessibilityProblems(page)).toEqual([]);
}

describe("in a browser", () => {
  it("the accessibility check itself catches real problems", async () => {
    const page = await newPage();
    await page.setContent('<html lang="en"><body><main><input type="text"><p style="color:#ccc;background:#fff">faint</p></main></body></html>');
    const ids = (await seriousAxeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(["label", "color-contrast"]));
  });

  it("checks every page at a phone's width too, where crowded links are caught", async () => {
    const page = await newPage();
    // Two links 10px tall, side by side: too small and too close to tap with a thumb.
    await page.setContent('<html lang="en"><head><title>t</title></head><body><main><nav aria-label="x"><a href="/a" style="display:inline-block;font-size:8px;line-height:10px">A</a><a href="/b" style="display:inline-block;font-size:8px;line-height:10px">B</a></nav></main></body></html>');
    const problems = await accessibilityProblems(page);
    expect(problems.filter((v) => v.id === "target-size").map((v) => v.width)).toContain(390);
    expect(page.viewportSize()?.width).not.toBe(390); // the page's own width is restored
  });

  it("a chair signs in, opens NELCP and sees its ten partners and board; every page passes axe", async () => {
    const page = await newPage();
    await page.goto("/");
    await expect.poll(() => page.url()).toContain("/sign-in");
    await expectAccessible(page);

    await page.getByLabel("Email address").fill("chair@nelcp.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your partnerships" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "North-East London Commissioning Partnership" }).click();
    await page.getByRole("heading", { name: "North-East London Commissioning Partnership", level: 1 }).waitFor();
    await expect.poll(() => page.getByRole("heading", { name: /Partners \(10\)/ }).count()).toBe(1);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/partnership.png`, fullPage: true });
    const partnerRows = page.getByRole("table", { name: /Partners/ }).locator("tbody tr");
    expect(await partnerRows.count()).toBe(10);
    const board = page.getByRole("table", { name: /Board members/ });
    expect(await board.getByRole("row", { name: /Graham Featherstone .* Chair/ }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
  });

  it("shows an error summary that takes focus and links to the field", async () => {
    const page = await newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await summary.getByRole("link", { name: "Enter your email address" }).getAttribute("href")).toBe("#email");
    await expectAccessible(page);
  });

  it("the invitation form and the 403 page are accessible too", async () => {
    const page = await newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill("chair@nelcp.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your partnerships" }).waitFor();
    await page.goto("/p/nelcp/invite");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    await expectAccessible(page);
    const res = await page.goto("/p/newport-barnardos");
    expect(res?.status()).toBe(403);
    await page.getByRole("heading", { name: "You do not have permission to see this page" }).waitFor();
    await expectAccessible(page);
  });

  it("a young person on a phone lands on the portal", async () => {
    const context = await browser.newContext({ baseURL: s.baseUrl, viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await context.newPage();
    await page.goto("/portal");
    await page.getByLabel("Your portal name").fill("River");
    await page.getByLabel("Your passphrase").fill("purple kettle rain");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Hello, River" }).waitFor();
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/portal-phone.png`, fullPage: true });
    expect(new URL(page.url()).pathname).toBe("/portal");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await expectAccessible(page);
  });
});
