import type { Browser, BrowserContextOptions, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launchBrowser, noHorizontalOverflow, signedInPage } from "../../helpers/browser";
import { startTestServer, type TestServer } from "../../helpers/server";

// The demo data's problems (a lapsed deputy, a term ending within 60 days)
// are true on this date; APP_TODAY pins it so the file passes on any day.
const TODAY = "2026-11-22";

let s: TestServer;
let browser: Browser;
beforeAll(async () => {
  s = await startTestServer({ APP_TODAY: TODAY });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const signedIn = (email: string, options: BrowserContextOptions = {}) => signedInPage(browser, s.baseUrl, email, options);

async function expectAccessible(page: Page) {
  expect(await accessibilityProblems(page)).toEqual([]);
}

const path = (page: Page) => new URL(page.url()).pathname;

/** What a diff mark says on screen, without the visually hidden "[removed: …]" wrapper. */
const visibleTexts = (marks: Locator) =>
  marks.evaluateAll((els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".govuk-visually-hidden").forEach((h) => h.remove());
      return (copy.textContent ?? "").trim();
    }),
  );

describe("board register and terms of reference in a browser", () => {
  it("the chair drafts version 3 of NELCP's terms, fixes a mistake, approves it and compares it with version 2", async () => {
    const page = await signedIn("chair@nelcp.example");
    await page.goto("/p/nelcp/terms");
    await page.getByRole("heading", { name: "Terms of reference", level: 1 }).waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Start drafting a new version" }).click();
    await page.getByRole("heading", { name: "Edit draft version 3", level: 1 }).waitFor();
    expect(path(page)).toBe("/p/nelcp/terms/3/edit");
    await page.getByText("A new draft of the terms of reference has been started").waitFor();
    // The draft starts as a copy of version 2.
    const members = page.getByLabel("Voting members who must be present");
    expect(await members.inputValue()).toBe("6");
    const leadBody = page.getByLabel("The lead body must be represented");
    expect(await leadBody.isChecked()).toBe(true);
    await expectAccessible(page);

    // A mistake first: nobody need be present.
    const summaryText = "Quorum rises to seven voting members; Havering need no longer be present.";
    await page.getByLabel("What this version changes").fill(summaryText);
    await members.fill("0");
    await leadBody.uncheck();
    await page.getByRole("button", { name: "Save draft" }).click();
    const errorSummary = page.locator(".govuk-error-summary");
    await errorSummary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    const errorLinks = errorSummary.getByRole("link");
    const tooFew = errorSummary.getByRole("link", { name: "The number of voting members must be between 1 and 200" });
    expect(await tooFew.getAttribute("href")).toBe("#minVotingMembers");
    // Five partners cannot be represented by no members either; that is said too, after the first mistake.
    expect(await errorLinks.evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual(["#minVotingMembers", "#minPartners"]);
    expect(await page.locator("#minVotingMembers-error").isVisible()).toBe(true);
    // What was typed is still there, nothing was saved.
    expect(await members.inputValue()).toBe("0");
    expect(await page.getByLabel("What this version changes").inputValue()).toBe(summaryText);
    expect(await leadBody.isChecked()).toBe(false);
    expect(path(page)).toBe("/p/nelcp/terms/3/edit");
    await tooFew.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("minVotingMembers");
    await expectAccessible(page);

    // A second kind of mistake: more partners than members.
    await members.fill("3");
    await page.getByRole("button", { name: "Save draft" }).click();
    await errorSummary.getByRole("link", { name: /partners represented cannot be more than the number of voting members/ }).waitFor();
    expect(await errorSummary.getByRole("link").getAttribute("href")).toBe("#minPartners");
    expect(await members.inputValue()).toBe("3");

    // Fixed and saved.
    await members.fill("7");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("heading", { name: "Terms of reference, version 3", level: 1 }).waitFor();
    expect(path(page)).toBe("/p/nelcp/terms/3");
    await page.getByText("The draft has been saved").waitFor();
    await page.getByText("Quorum: at least 7 voting members present").waitFor();
    await page.getByText("Quorum: the lead body need not be represented").waitFor();
    await page.getByText(summaryText).waitFor();
    await expectAccessible(page);

    // Approve it, taking effect today.
    const takesEffect = page.getByLabel("Takes effect on");
    expect(await takesEffect.inputValue()).toBe(TODAY);
    await page.getByLabel("How it was approved").fill("Agreed by the board at its November meeting, item 3.");
    await page.getByRole("button", { name: "Approve version 3" }).click();
    await page.getByText("The terms of reference have been approved").waitFor();
    const status = page.locator(".govuk-summary-list__row", { hasText: "Status" });
    expect((await status.locator("dd").innerText()).trim()).toBe("In force");
    expect(await page.getByRole("button", { name: "Approve version 3" }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Terms of reference", exact: true }).click();
    await page.getByRole("heading", { name: "Terms of reference", level: 1 }).waitFor();
    const versions = page.getByRole("table", { name: "Versions" });
    const statusOf = async (n: number) => (await versions.getByRole("row", { name: new RegExp(`^Version ${n}\\b`) }).getByRole("cell").first().innerText()).trim();
    expect(await statusOf(3)).toBe("In force");
    expect(await statusOf(2)).toBe("Superseded");
    expect(await statusOf(1)).toBe("Superseded");
    await page.getByRole("heading", { name: /^Version 3, in force since/ }).waitFor();
    // Nothing is being drafted any more, so a new draft can be started.
    expect(await page.getByRole("button", { name: "Start drafting a new version" }).count()).toBe(1);
    await expectAccessible(page);

    // Compare version 2 with version 3.
    await page.getByLabel("Compare version").selectOption({ label: "Version 2" });
    await page.getByLabel("with version").selectOption({ label: "Version 3" });
    await page.getByRole("button", { name: "Compare" }).click();
    await page.getByRole("heading", { name: "Version 2 compared with version 3", level: 1 }).waitFor();
    const query = new URL(page.url()).searchParams;
    expect([path(page), query.get("from"), query.get("to")]).toEqual(["/p/nelcp/terms/compare", "2", "3"]);

    const rules = page.getByRole("region", { name: /^Rules the platform applies/ });
    expect(await rules.getByRole("heading", { level: 2 }).innerText()).toContain("Changed");
    const [left, right] = [rules.locator(".app-compare__side").nth(0), rules.locator(".app-compare__side").nth(1)];
    expect(await left.getByRole("heading", { level: 3 }).innerText()).toBe("Version 2");
    expect(await right.getByRole("heading", { level: 3 }).innerText()).toBe("Version 3");
    expect(await visibleTexts(left.locator("del"))).toEqual(expect.arrayContaining(["6", "must"]));
    expect(await visibleTexts(right.locator("ins"))).toEqual(expect.arrayContaining(["7", "need not"]));
    // Each side shows only its own changes.
    expect(await left.locator("ins").count()).toBe(0);
    expect(await right.locator("del").count()).toBe(0);
    // Screen reader users hear what changed, too.
    expect(await left.locator("del").first().textContent()).toMatch(/^\[removed: 6\s*\]$/);

    // The written sections were not edited.
    for (const section of ["Purpose", "Quorum", "Review date"]) {
      const region = page.getByRole("region", { name: new RegExp(`^${section}\\b`) });
      expect(await region.getByRole("heading", { level: 2 }).innerText()).toContain("Unchanged");
      expect(await region.locator("ins, del").count()).toBe(0);
    }
    await page.getByText("1 part differs").waitFor();
    await expectAccessible(page);
  });

  it("the board register shows the board as it stood on a date, and sorts by a column", async () => {
    const page = await signedIn("chair@nelcp.example");
    await page.goto("/p/nelcp/board");
    await page.getByRole("heading", { name: "Board register", level: 1 }).waitFor();
    const register = page.locator("table#register");
    const memberLink = (name: string) => register.getByRole("link", { name, exact: true });

    // Today: Claire Hennessy has taken over Waltham Forest's seat from Andrew Pike.
    expect(await page.getByLabel("The board as on").inputValue()).toBe(TODAY);
    expect(await memberLink("Claire Hennessy").count()).toBe(1);
    expect(await memberLink("Andrew Pike").count()).toBe(0);
    await expectAccessible(page);

    await page.getByLabel("The board as on").fill("2024-06-01");
    await page.getByRole("button", { name: "Show the board" }).click();
    await register.locator("caption", { hasText: "on 1 June 2024" }).waitFor();
    expect(new URL(page.url()).searchParams.get("on")).toBe("2024-06-01");
    expect(await memberLink("Andrew Pike").count()).toBe(1);
    expect(await memberLink("Claire Hennessy").count()).toBe(0);
    expect(await page.getByLabel("The board as on").inputValue()).toBe("2024-06-01");
    await expectAccessible(page);

    // Sorting keeps the date, and says which way the column is sorted.
    const nameHeader = page.getByRole("columnheader", { name: /^Name/ });
    expect(await page.getByRole("columnheader", { name: /^Board role/ }).getAttribute("aria-sort")).toBe("ascending");
    expect(await nameHeader.getAttribute("aria-sort")).toBe("none");
    await nameHeader.getByRole("link").click();
    await expect.poll(() => nameHeader.getAttribute("aria-sort")).toBe("ascending");
    expect(await page.getByRole("columnheader", { name: /^Board role/ }).getAttribute("aria-sort")).toBe("none");
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ on: "2024-06-01", sort: "name", dir: "asc" });
    const names = () => register.locator("tbody th a").allInnerTexts();
    const ascending = await names();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
    expect(ascending).toContain("Andrew Pike");

    await nameHeader.getByRole("link").click();
    await expect.poll(() => nameHeader.getAttribute("aria-sort")).toBe("descending");
    expect(await names()).toEqual([...ascending].reverse());
    await expectAccessible(page);

    // Filtering by organisation.
    await page.goto("/p/nelcp/board");
    await page.getByLabel("Organisation").selectOption({ label: "London Borough of Waltham Forest" });
    await page.getByRole("button", { name: "Show the board" }).click();
    await register.locator("caption", { hasText: "for London Borough of Waltham Forest" }).waitFor();
    expect(await names()).toEqual(["Claire Hennessy"]);
  });

  it("the overview lists what needs attention on NELCP's board, each linked to the member concerned", async () => {
    const page = await signedIn("chair@nelcp.example");
    await page.goto("/p/nelcp");
    const problems = page.getByRole("region", { name: /^Needs attention/ });
    await problems.waitFor();
    const item = (text: RegExp) => problems.getByRole("listitem").filter({ hasText: text });
    const expected = [
      { text: /Claire Hennessy \(London Borough of Waltham Forest, head of service\) is below the seniority/, tag: "Seniority" },
      { text: /City of London Corporation has nobody on the board/, tag: "No representative" },
      { text: /Tom Egan's delegation as deputy for .* lapsed on 30 June 2026/, tag: "Deputy lapsed" },
      { text: /Joanna Whitfield's term as member .* ends on 31 December 2026/, tag: "Term ending" },
    ];
    for (const { text, tag } of expected) {
      expect(await item(text).count(), String(text)).toBe(1);
      expect(await item(text).locator(".govuk-tag").innerText()).toBe(tag);
      expect(await item(text).getByRole("link").count(), String(text)).toBe(1);
    }
    await expectAccessible(page);

    await item(/Claire Hennessy/).getByRole("link").click();
    await page.getByRole("heading", { name: "Claire Hennessy", level: 1 }).waitFor();
    expect(path(page)).toMatch(/^\/p\/nelcp\/board\/[0-9a-f-]{36}$/);
    await page.getByText(/Below the seniority that version \d of the terms of reference requires/).waitFor();
    // Her page says whom she took over from.
    await page.getByRole("link", { name: "Andrew Pike" }).waitFor();
    await expectAccessible(page);

    await page.goBack();
    await item(/Tom Egan/).getByRole("link").click();
    await page.getByRole("heading", { name: "Tom Egan", level: 1 }).waitFor();
    await page.getByText("This deputy's delegation: lapsed.").waitFor();
    await expectAccessible(page);

    await page.goBack();
    await item(/City of London Corporation/).getByRole("link").click();
    await page.getByRole("heading", { name: "City of London Corporation", level: 1 }).waitFor();
    expect(path(page)).toMatch(/^\/p\/nelcp\/partners\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
  });

  it("a partner representative may name a deputy for their own organisation but not change the terms of reference", async () => {
    const page = await signedIn("rep@barking-dagenham.example");
    await page.goto("/p/nelcp/board");
    await page.getByRole("heading", { name: "Board register", level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: "Add a seat" }).count()).toBe(0);
    await page.getByRole("link", { name: "Name a deputy" }).click();
    await page.getByRole("heading", { name: "Name a deputy", level: 1 }).waitFor();
    const organisations = await page.getByLabel("Organisation they represent").locator("option").allInnerTexts();
    expect(organisations).toEqual(["Choose an organisation", "London Borough of Barking and Dagenham"]);
    const members = await page.getByLabel("Deputy for", { exact: true }).locator("option").allInnerTexts();
    expect(members).toEqual(["Choose a member", "Marcus Bellamy (London Borough of Barking and Dagenham)"]);
    expect(await page.getByLabel("Board role").count()).toBe(0);
    await expectAccessible(page);

    await page.goto("/p/nelcp/terms");
    await page.getByRole("heading", { name: "Terms of reference", level: 1 }).waitFor();
    await page.getByRole("table", { name: "Versions" }).waitFor();
    expect(await page.getByRole("button", { name: "Start drafting a new version" }).count()).toBe(0);
    await expectAccessible(page);

    for (const url of ["/p/nelcp/edit", "/p/nelcp/terms/2/edit"]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(403);
      await page.getByRole("heading", { name: "You do not have permission to see this page" }).waitFor();
    }
    await expectAccessible(page);
  });

  it("the overview, the terms of reference and the board register fit a phone's screen", async () => {
    const page = await signedIn("chair@nelcp.example", { viewport: { width: 375, height: 740 }, isMobile: true });
    for (const [url, heading] of [
      ["/p/nelcp", "North-East London Commissioning Partnership"],
      ["/p/nelcp/terms", "Terms of reference"],
      ["/p/nelcp/board", "Board register"],
    ] as const) {
      await page.goto(url);
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/phone-${url.replaceAll("/", "-")}.png`, fullPage: true });
      expect(await noHorizontalOverflow(page), url).toBe(true);
      // Wide tables scroll inside their own container instead of the page.
      for (const table of await page.locator("table").all()) {
        const inScroller = await table.evaluate((t) => Boolean(t.closest(".app-table-scroll")));
        const fits = await table.evaluate((t) => t.getBoundingClientRect().right <= window.innerWidth);
        expect(inScroller || fits, `${url}: a table wider than the screen outside .app-table-scroll`).toBe(true);
      }
      await expectAccessible(page);
    }
  });
});
