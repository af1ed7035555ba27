import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE, seriousAxeViolations, signedInPage } from "../../helpers/browser";
import { SCENARIO_TODAY, startTestServer, type TestServer } from "../../helpers/server";

// Every page people reach by following links, opened on a phone (390 px wide)
// and checked with axe's WCAG 2.2 AA rules, target size included: navigation
// rows and link groups must be big enough, and far enough apart, for a thumb.

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

/** Pages a link leads to that are files or actions, not pages. */
const notAPage = /\.(csv|ics)$|\/papers\/|\/returns\/|\/calendar\/feed\/|\/dev\/outbox|sign-out/;

async function crawl(email: string, start: string[], limit: number) {
  const page = await signedInPage(browser, s.baseUrl, email, { viewport: PHONE });
  const seen = new Set<string>();
  const queue = [...start];
  const problems: string[] = [];
  while (queue.length && seen.size < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await page.goto(path);
    if (!res || res.status() >= 400 || !(res.headers()["content-type"] ?? "").includes("text/html")) continue;
    for (const v of await seriousAxeViolations(page)) problems.push(`${path}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    for (const href of await page.$$eval("a[href]", (links) => links.map((a) => a.getAttribute("href") ?? ""))) {
      const next = href.split("#")[0];
      if (next.startsWith("/") && !next.startsWith("//") && !notAPage.test(next) && !seen.has(next) && !queue.includes(next)) queue.push(next);
    }
  }
  return { visited: seen.size, problems };
}

describe("at a phone's width", () => {
  it("every page the chair reaches passes axe, target size included", async () => {
    const { visited, problems } = await crawl("chair@nelcp.example", ["/", "/p/nelcp", "/actions", "/calendar", "/account"], 60);
    expect(visited).toBeGreaterThanOrEqual(50);
    expect(problems).toEqual([]);
  }, 240_000);

  it("every page a partner representative reaches passes axe", async () => {
    const { visited, problems } = await crawl("rep@barking-dagenham.example", ["/", "/p/nelcp", "/p/nelcp/board", "/p/nelcp/obligations"], 30);
    expect(visited).toBeGreaterThanOrEqual(20);
    expect(problems).toEqual([]);
  }, 240_000);
});
