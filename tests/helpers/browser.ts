import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { DEMO_PASSWORD } from "./server";

const require = createRequire(import.meta.url);

// Flags that work on these machines (see DESIGN.md §5).
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error("Chromium not found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH");
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
}

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[]; width?: number | string };

/** Runs axe-core (WCAG 2.x A/AA rules) on the page; returns serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}

/** The main width people use the platform at on a phone. */
export const PHONE = { width: 390, height: 844 };

/**
 * axe at the page's own width and at a phone's (390 px), where navigation
 * wraps and targets crowd: the serious and critical violations at either.
 */
export async function accessibilityProblems(page: Page) {
  const own = page.viewportSize();
  const blocked = (refusedByPolicy.get(page) ?? []).splice(0);
  const refused: AxeViolation[] = blocked.map((text) => ({ id: "content-security-policy", impact: "serious", help: text, nodes: [] }));
  const atOwnWidth = [...(await seriousAxeViolations(page)), ...refused];
  if (own?.width === PHONE.width) return atOwnWidth;
  await page.setViewportSize(PHONE);
  try {
    const atPhoneWidth = await seriousAxeViolations(page);
    return [...atOwnWidth.map((v) => ({ ...v, width: own?.width ?? "default" })), ...atPhoneWidth.map((v) => ({ ...v, width: PHONE.width }))];
  } finally {
    if (own) await page.setViewportSize(own);
  }
}

/** What the Content-Security-Policy refused on each page: a script without the nonce would show here. */
const refusedByPolicy = new WeakMap<Page, string[]>();
export function watchContentSecurityPolicy(page: Page) {
  refusedByPolicy.set(page, []);
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refusedByPolicy.get(page)!.push(message.text());
  });
  return page;
}

/** A page in a new browser context, signed in as a demo user. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL: baseUrl, ...options });
  const page = watchContentSecurityPolicy(await context.newPage());
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Your partnerships" }).waitFor();
  return page;
}

/** Whether the page fits the window's width (no sideways scrolling). */
export const noHorizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
