import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launchBrowser, noHorizontalOverflow, PHONE, signedInPage, watchContentSecurityPolicy } from "../../helpers/browser";
import { startTestServer, type TestServer } from "../../helpers/server";

// The young people's portal on a phone (390 px, its main width): a worker
// adds a place and reads out the code; the young person joins, agrees,
// answers a consultation, sees the worker's response, and later withdraws,
// which takes their words off the adults' pages; "Exit this page" leaves at
// once. axe runs on every page, at 390 px and the desktop width.

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

async function phonePage() {
  const context = await browser.newContext({ baseURL: s.baseUrl, viewport: PHONE, isMobile: true, hasTouch: true });
  return watchContentSecurityPolicy(await context.newPage());
}

async function expectFine(page: Page) {
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(await noHorizontalOverflow(page)).toBe(true);
}

describe("the young people's portal on a phone", () => {
  it("a worker gives a code; the young person joins, agrees, is counted; withdraws; and exits in one tap", async () => {
    const worker = await signedInPage(browser, s.baseUrl, "participation@nelcp.example", { viewport: PHONE, isMobile: true });
    await worker.goto("/p/nelcp/participation");
    await expectFine(worker);
    await worker.getByRole("link", { name: "Add a young person" }).click();
    await worker.getByLabel("16 or 17").check();
    await worker.getByRole("button", { name: "Add and get a code" }).click();
    const code = (await worker.getByTestId("portal-code").textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectFine(worker);

    const yp = await phonePage();
    await yp.goto("/portal");
    await yp.getByRole("heading", { name: "Sign in" }).waitFor();
    await expectFine(yp);
    await yp.getByRole("link", { name: "Join with your code" }).click();
    await expectFine(yp);
    // A mistake first: a real-looking name is refused, with the error summary focused.
    await yp.getByLabel("Your code").fill(code);
    await yp.getByLabel("Choose a portal name").fill("Jordan Smith");
    await yp.getByLabel("Choose a passphrase").fill("orange boat sky");
    await yp.getByRole("button", { name: "Join" }).click();
    await yp.getByText("That looks like a real full name").first().waitFor();
    await expectFine(yp);
    await yp.getByLabel("Choose a portal name").fill("Starling");
    await yp.getByLabel("Choose a passphrase").fill("orange boat sky");
    await yp.getByRole("button", { name: "Join" }).click();
    await yp.getByRole("heading", { name: "What you agree to" }).waitFor();
    await expectFine(yp);
    await yp.getByLabel(/^Take part/).check();
    await yp.getByLabel(/^Quote me: your words/).check();
    await yp.getByRole("button", { name: "Save what I agree to" }).click();
    await yp.getByRole("heading", { name: "Hello, Starling" }).waitFor();
    await yp.getByText("You are taking part").waitFor();
    await expectFine(yp);

    // The worker sees them as taking part; other adults see only counts.
    await worker.goto("/p/nelcp/participation");
    await expect.poll(() => worker.getByRole("row", { name: /Starling/ }).textContent()).toContain("Taking part");

    // They answer the open consultation; it waits for moderation.
    await yp.getByRole("link", { name: "What makes a good children's home?" }).click();
    await yp.getByRole("heading", { name: "What makes a good children's home?" }).waitFor();
    await expectFine(yp);
    await yp.getByLabel("What should staff do when someone first moves in?").fill("Make a cup of tea and show me where everything is.");
    await yp.getByRole("button", { name: "Send my answers" }).click();
    await yp.getByText("Your answers have been sent").waitFor();
    await expectFine(yp);

    // The worker publishes it and says what happened.
    await worker.goto("/p/nelcp/participation/moderation");
    await expectFine(worker);
    const card = worker.locator("section", { hasText: "Make a cup of tea" });
    await card.getByLabel(/^Publish/).check();
    await card.getByRole("button", { name: "Save" }).click();
    await worker.getByText("The young person will see what happened").waitFor();
    const answer = worker.locator("section", { hasText: "Make a cup of tea" });
    await answer.getByLabel("What happened (you said, we did)").fill("Every home now has a first-evening welcome, with a tour and a key worker.");
    await answer.getByRole("button", { name: "Send the response" }).click();
    await worker.getByText("The response has been sent").waitFor();

    const chair = await signedInPage(browser, s.baseUrl, "chair@nelcp.example");
    await chair.goto("/p/nelcp/participation");
    await expectFine(chair);
    expect(await chair.locator("main").textContent()).not.toContain("Starling");
    expect(await chair.locator("main").textContent()).toContain("Make a cup of tea and show me where everything is.");

    // Later, the young person sees the response.
    await yp.reload();
    await yp.getByText("Every home now has a first-evening welcome").waitFor();
    // Their own information, and the private message to the safeguarding lead: both reachable and accessible.
    await yp.getByRole("link", { name: "Worried about something?" }).click();
    await yp.getByRole("heading", { name: "Worried about something?" }).waitFor();
    await expectFine(yp);
    await yp.goto("/portal");
    await yp.getByRole("link", { name: "See, download or delete your information" }).click();
    await yp.getByText("Make a cup of tea and show me where everything is.").waitFor();
    await expectFine(yp);
    await yp.goto("/portal");

    // Withdrawal: one step, explained, and it takes effect at once.
    await yp.getByRole("link", { name: "Change this, or stop taking part" }).click();
    await yp.getByText("adults will not see anything you wrote").waitFor();
    await yp.getByRole("button", { name: "Stop taking part" }).click();
    await yp.getByText("You have taken back your consent").waitFor();
    await expectFine(yp);
    await worker.goto("/p/nelcp/participation");
    expect(await worker.getByRole("row", { name: /Starling/ }).textContent()).toContain("Not agreed yet");
    // Their words are off the adults' pages at once.
    await chair.reload();
    expect(await chair.locator("main").textContent()).not.toContain("Make a cup of tea");

    // Exit this page: swaps the page away, replacing it in the history (as GOV.UK's does), so "back" does not return to it.
    const exited = yp.url();
    await yp.route("https://www.bbc.co.uk/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<html lang='en'><title>Weather</title><h1>Weather</h1></html>" }));
    await yp.getByRole("button", { name: "Emergency Exit this page" }).click();
    await yp.waitForURL("https://www.bbc.co.uk/weather");
    await yp.goBack().catch(() => null);
    expect(yp.url()).not.toBe(exited);
  });

  it("a young person sends an idea (mistake first) and sees it waiting; one whose account is closing is told, with the way to download", async () => {
    const signIn = async (page: Page, name: string) => {
      await page.goto("/portal/sign-in");
      await page.getByLabel("Your portal name").fill(name);
      await page.getByLabel("Your passphrase").fill("purple kettle rain");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: `Hello, ${name}` }).waitFor();
    };

    const river = await phonePage();
    await signIn(river, "River");
    // No closing banner for someone whose account is not closing.
    expect(await river.getByText("Your account is closing").count()).toBe(0);
    await river.getByRole("link", { name: "Send an idea or feedback" }).click();
    await river.getByRole("heading", { name: "Ideas and feedback" }).waitFor();
    // The idea River sent earlier, published and waiting for an answer.
    await river.getByText("You count how far away we live").waitFor();
    await river.getByText("We will tell you here what happened because of it.").waitFor();
    await expectFine(river);
    // Nothing chosen, nothing written: both are named, and the summary takes focus.
    await river.getByRole("button", { name: "Send it" }).click();
    await river.getByRole("link", { name: "Choose whether it is an idea or feedback" }).waitFor();
    await river.getByRole("link", { name: "Write your idea or feedback" }).waitFor();
    expect(await river.evaluate(() => document.activeElement?.className ?? "")).toContain("govuk-error-summary");
    await expectFine(river);
    await river.getByRole("radio", { name: "An idea" }).check();
    await river.getByLabel("Write it here").fill("Put the board papers in plain words for us as well.");
    await river.getByRole("button", { name: "Send it" }).click();
    await river.getByText("Thank you. It has been sent.").waitFor();
    const sent = river.locator("section", { hasText: "Put the board papers in plain words" });
    await sent.getByText("An idea, sent").waitFor();
    await expectFine(river);
    // The same page at the desktop width.
    await river.setViewportSize({ width: 1280, height: 900 });
    await expectFine(river);

    // The worker sees it waiting for moderation, headed as an idea.
    const worker = await signedInPage(browser, s.baseUrl, "participation@nelcp.example");
    await worker.goto("/p/nelcp/participation/moderation");
    await worker.locator("section", { hasText: "Put the board papers in plain words" }).getByText("An idea").first().waitFor();
    await expectFine(worker);

    // Orbit's account closes at the partnership's upper age in 18 days: the home page says so.
    const orbit = await phonePage();
    await signIn(orbit, "Orbit");
    const banner = orbit.getByRole("region", { name: "Your account is closing" });
    await banner.getByText("Your account closes in 18 days").waitFor();
    await expectFine(orbit);
    await banner.getByRole("link", { name: "Download your information" }).click();
    await orbit.waitForURL(/\/portal\/my-data/);
    await expectFine(orbit);
  });

  it("Shift pressed three times exits too, and every public portal page passes axe", async () => {
    const page = await phonePage();
    for (const path of ["/portal/sign-in", "/portal/join", "/portal/privacy", "/portal/worried"]) {
      await page.goto(path);
      await page.getByRole("button", { name: "Emergency Exit this page" }).waitFor();
      await expectFine(page);
    }
    await page.route("https://www.bbc.co.uk/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<html lang='en'><title>Weather</title></html>" }));
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.waitForURL("https://www.bbc.co.uk/weather");
  });
});
