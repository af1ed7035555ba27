import { and, count, eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparePackRun, removeOldPackRuns, requeueWaitingPackRuns } from "../../../app/areas/scrutiny/pack-runs.server";
import type { PackProgress } from "../../../app/areas/scrutiny/rules/pack";
import { appNow } from "../../../app/platform/clock.server";
import { addDays } from "../../../app/platform/time/dates";
import { database } from "../../../db/client";
import { auditEvents, packRuns } from "../../../db/schema";
import { startBoss } from "../../../jobs/boss";
import { workPackRuns } from "../../../jobs/runtime";
import { expectConsoleError } from "../../helpers/console-guard";
import { SCENARIO_TODAY, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// Long scrutiny packs prepared by the worker (docs/decisions/0021): asked for
// from the pack's page, made by the job's handler with its progress recorded
// as it goes, shown on the run's page, and downloaded as stored, opened with
// pdf.js (unpdf) as pack.test.ts does.

let s: TestServer;
let chair: HttpClient;
let rep: HttpClient;
let observer: HttpClient;
let cipScrutiny: HttpClient;
let boss: PgBoss | undefined;
beforeAll(async () => {
  s = await startTestServer();
  [chair, rep, observer, cipScrutiny] = [s.client(), s.client(), s.client(), s.client()];
  await chair.signIn("chair@nelcp.example");
  await rep.signIn("rep@barking-dagenham.example");
  await observer.signIn("observer@nelcp.example");
  await cipScrutiny.signIn("scrutiny@leics.example");
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await s?.close();
});

const SECTIONS = ["Summary", "Decisions taken", "Risks above appetite or threshold", "Attendance by partner", "Questions and challenges", "Young people's influence", "Audit trail verification"];
const YEAR = { from: addDays(SCENARIO_TODAY, -364), to: SCENARIO_TODAY };
let once = 0;
const formKey = () => `pack-runs-test-${++once}`;

/** Asks for the pack of a period from the pack's page; the run's id and where the answer went. */
async function ask(client: HttpClient, slug: string, period: { from: string; to: string }, key = formKey()) {
  const res = await client.post(`/p/${slug}/scrutiny/pack`, { from: period.from, to: period.to, _once: key });
  expect(res.status, await res.clone().text()).toBe(302);
  const location = res.headers.get("location")!;
  const id = location.match(/\/scrutiny\/pack\/runs\/([0-9a-f-]{36})\?notice=(pack-queued|pack-reused)$/);
  expect(id, location).not.toBeNull();
  return { id: id![1], notice: id![2] };
}

const runRow = async (id: string) => (await s.db.select().from(packRuns).where(eq(packRuns.id, id)))[0];
const requests = async (id: string) => (await s.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.action, "scrutiny_pack.request"), eq(auditEvents.entityId, id))))[0].n;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");

async function pdfPages(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const { totalPages, text } = await extractText(await getDocumentProxy(bytes), { mergePages: false });
  expect(text.length).toBe(totalPages);
  return text.map((t) => t.replace(/\s+/g, " "));
}

describe("scrutiny packs prepared by the worker", () => {
  let yearRun: string;

  it("records one audited run from the pack's page, shows it waiting, and the worker makes it with its progress moving", async () => {
    const page = await chair.get(`/p/nelcp/scrutiny/pack?from=${YEAR.from}&to=${YEAR.to}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Prepare the PDF");

    const { id, notice } = await ask(chair, "nelcp", YEAR);
    yearRun = id;
    expect(notice).toBe("pack-queued");
    expect(await requests(id)).toBe(1);
    // The audit trail says who asked for which period, and links to the run.
    const audit = await (await chair.get("/p/nelcp/audit")).text();
    expect(text(audit)).toContain("Graham Featherstone asked for the scrutiny pack from");
    expect(audit).toContain(`/p/nelcp/scrutiny/pack/runs/${id}`);
    const waiting = await chair.get(`/p/nelcp/scrutiny/pack/runs/${id}`);
    expect(waiting.status).toBe(200);
    const waitingHtml = await waiting.text();
    expect(waitingHtml).toMatch(/<meta http-equiv="refresh" content="2"\/?>/);
    expect(text(waitingHtml)).toContain("Waiting for the worker to start it.");
    expect(waitingHtml).toContain("<progress");
    expect(waitingHtml).not.toContain(`/runs/${id}/pack.pdf`);
    // Not ready: its PDF is not there to download.
    expect((await chair.get(`/p/nelcp/scrutiny/pack/runs/${id}/pack.pdf`)).status).toBe(404);

    const seen: PackProgress[] = [];
    let shown = "";
    const outcome = await preparePackRun(s.db, id, {
      now: appNow(),
      progressEveryMs: 0,
      onProgress: async (p) => {
        seen.push(p);
        const row = await runRow(id);
        expect(row.status).toBe("running");
        expect([row.stage, row.progressDone, row.progressTotal]).toEqual([p.stage, p.done, p.total]);
        // Part-way through the pages, the run's page says how far it has gone and keeps refreshing.
        if (!shown && p.stage === "laying_out" && p.total > 0) {
          const html = await (await chair.get(`/p/nelcp/scrutiny/pack/runs/${id}`)).text();
          shown = text(html);
          expect(html).toMatch(/<meta http-equiv="refresh" content="2"\/?>/);
          expect(html).toContain(`value="${p.done}" max="${p.total}"`);
        }
      },
    });
    expect(outcome).toBe("done");
    expect(shown).toMatch(/Laying out page 1 of \d+\./);
    const gathering = seen.filter((p) => p.stage === "gathering");
    expect(gathering.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const pages = seen.filter((p) => p.stage === "laying_out" && p.total > 0);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.done)).toEqual([...pages.map((p) => p.done)].sort((a, b) => a - b));
    expect(pages[pages.length - 1].done).toBe(pages[0].total);

    const row = await runRow(id);
    expect(row).toMatchObject({ status: "done", attempts: 1, error: null, pages: pages[0].total, progressDone: pages[0].total });
    expect(row.pdfBytes).toBe(row.pdf!.byteLength);
    expect(row.finishedAt).not.toBeNull();
  });

  it("shows the finished run without refreshing, with a download of the stored PDF that has every section", async () => {
    const html = await (await chair.get(`/p/nelcp/scrutiny/pack/runs/${yearRun}`)).text();
    expect(html).not.toContain('http-equiv="refresh"');
    expect(text(html)).toMatch(/Ready: \d+ pages\./);
    expect(html).toContain(`/p/nelcp/scrutiny/pack/runs/${yearRun}/pack.pdf`);
    // Listed on the pack's page among the recent runs.
    expect(await (await chair.get("/p/nelcp/scrutiny/pack")).text()).toContain(`/p/nelcp/scrutiny/pack/runs/${yearRun}`);

    const res = await chair.get(`/p/nelcp/scrutiny/pack/runs/${yearRun}/pack.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="nelcp-scrutiny-pack-${YEAR.from}-to-${YEAR.to}.pdf"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const row = await runRow(yearRun);
    expect(Number(res.headers.get("content-length"))).toBe(row.pdfBytes);
    const pages = await pdfPages(res);
    expect(pages.length).toBe(row.pages);
    expect(pages[0]).toContain("Scrutiny pack");
    expect(pages[1].startsWith("Contents ")).toBe(true);
    for (const title of SECTIONS) expect(pages.some((p, i) => i > 1 && p.startsWith(`${title} `)), title).toBe(true);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it("records a repeated submission once, and a second request for a period being prepared reuses its run", async () => {
    const period = { from: addDays(SCENARIO_TODAY, -90), to: SCENARIO_TODAY };
    const key = formKey();
    const first = await ask(chair, "nelcp", period, key);
    const again = await ask(chair, "nelcp", period, key);
    expect(again.id).toBe(first.id);
    const other = await ask(rep, "nelcp", period);
    expect(other).toEqual({ id: first.id, notice: "pack-reused" });
    expect(await requests(first.id)).toBe(1);
    const [{ n }] = await s.db.select({ n: count() }).from(packRuns).where(and(eq(packRuns.periodFrom, period.from), eq(packRuns.periodTo, period.to)));
    expect(n).toBe(1);
    // Once it is done, a new request makes a new run.
    expect(await preparePackRun(s.db, first.id, { now: appNow() })).toBe("done");
    const later = await ask(rep, "nelcp", period);
    expect(later.id).not.toBe(first.id);
    expect(later.notice).toBe("pack-queued");
  });

  it("lets whoever may see the pack follow and download a run; another partnership's run is not found, and another partnership's people are refused", async () => {
    for (const who of [rep, observer]) {
      expect((await who.get(`/p/nelcp/scrutiny/pack/runs/${yearRun}`)).status).toBe(200);
      expect((await who.get(`/p/nelcp/scrutiny/pack/runs/${yearRun}/pack.pdf`)).status).toBe(200);
    }
    expect((await cipScrutiny.get(`/p/nelcp/scrutiny/pack/runs/${yearRun}`)).status).toBe(403);
    expect((await cipScrutiny.get(`/p/nelcp/scrutiny/pack/runs/${yearRun}/pack.pdf`)).status).toBe(403);
    expect((await cipScrutiny.post("/p/nelcp/scrutiny/pack", { from: YEAR.from, to: YEAR.to, _once: formKey() })).status).toBe(403);
    // NELCP's run looked for under the CIP, by someone of the CIP: not there.
    expect((await cipScrutiny.get(`/p/leicestershire-cip/scrutiny/pack/runs/${yearRun}`)).status).toBe(404);
    expect((await cipScrutiny.get(`/p/leicestershire-cip/scrutiny/pack/runs/${yearRun}/pack.pdf`)).status).toBe(404);
    expect((await cipScrutiny.get("/p/leicestershire-cip/scrutiny/pack/runs/not-a-run")).status).toBe(404);
    const anonymous = await s.client().get(`/p/nelcp/scrutiny/pack/runs/${yearRun}/pack.pdf`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/sign-in");
  });

  it("puts a run that fails part-way back in the queue with its message, completes it on the retry, and marks it failed when its attempts are used up", async () => {
    const period = { from: addDays(SCENARIO_TODAY, -30), to: SCENARIO_TODAY };
    const { id } = await ask(cipScrutiny, "leicestershire-cip", period);
    expectConsoleError(/scrutiny pack run failed/);
    const breakAtPage = (page: number) => (p: PackProgress) => {
      if (p.stage === "laying_out" && p.done >= page) throw new Error("The worker ran out of memory");
    };
    await expect(preparePackRun(s.db, id, { now: appNow(), progressEveryMs: 0, onProgress: breakAtPage(1) })).rejects.toThrow("ran out of memory");
    expect(await runRow(id)).toMatchObject({ status: "queued", attempts: 1, error: "The worker ran out of memory", pdf: null });
    const html = text(await (await cipScrutiny.get(`/p/leicestershire-cip/scrutiny/pack/runs/${id}`)).text());
    expect(html).toContain("Waiting to be tried again: the last attempt failed (The worker ran out of memory).");
    // The retry (pg-boss sends the job again) completes it.
    expect(await preparePackRun(s.db, id, { now: appNow() })).toBe("done");
    expect(await runRow(id)).toMatchObject({ status: "done", attempts: 2, error: null });
    // Done is done: another delivery of the job leaves it alone.
    expect(await preparePackRun(s.db, id, { now: appNow() })).toBe("not_waiting");

    const doomed = (await ask(cipScrutiny, "leicestershire-cip", period)).id;
    for (let attempt = 1; attempt <= 3; attempt++) await expect(preparePackRun(s.db, doomed, { now: appNow(), onProgress: breakAtPage(1) })).rejects.toThrow();
    expect(await runRow(doomed)).toMatchObject({ status: "failed", attempts: 3, error: "The worker ran out of memory" });
    expect(text(await (await cipScrutiny.get(`/p/leicestershire-cip/scrutiny/pack/runs/${doomed}`)).text())).toContain("It could not be made after 3 attempts: The worker ran out of memory.");
    expect(await preparePackRun(s.db, doomed, { now: appNow() })).toBe("not_waiting");
    // A failed run does not stand in the way of asking again.
    expect((await ask(cipScrutiny, "leicestershire-cip", period)).notice).toBe("pack-queued");
  });

  it("takes again a run whose worker stopped without a word, but not one still being worked on", async () => {
    const period = { from: addDays(SCENARIO_TODAY, -60), to: SCENARIO_TODAY };
    const { id } = await ask(cipScrutiny, "leicestershire-cip", period);
    await s.db.update(packRuns).set({ status: "running", attempts: 1, stage: "laying_out", progressDone: 3, progressTotal: 9, heartbeatAt: new Date() }).where(eq(packRuns.id, id));
    expect(await preparePackRun(s.db, id, { now: appNow() })).toBe("not_waiting");
    expect(await requeueWaitingPackRuns(s.db, new Date(), async () => {})).not.toContain(id);
    const stale = new Date(Date.now() - 5 * 60_000);
    await s.db.update(packRuns).set({ heartbeatAt: stale }).where(eq(packRuns.id, id));
    expect(text(await (await cipScrutiny.get(`/p/leicestershire-cip/scrutiny/pack/runs/${id}`)).text())).toContain("The worker stopped while making it: it will be tried again shortly.");
    const sent: string[] = [];
    expect(await requeueWaitingPackRuns(s.db, new Date(), async (runId) => void sent.push(runId))).toContain(id);
    expect(sent).toContain(id);
    expect(await preparePackRun(s.db, id, { now: appNow() })).toBe("done");
    expect(await runRow(id)).toMatchObject({ status: "done", attempts: 2 });
  });

  it("removes runs finished more than 30 days ago, with their PDFs, and keeps those still in progress", async () => {
    const period = { from: addDays(SCENARIO_TODAY, -45), to: SCENARIO_TODAY };
    const { id: old } = await ask(cipScrutiny, "leicestershire-cip", period);
    expect(await preparePackRun(s.db, old, { now: appNow() })).toBe("done");
    const { id: waiting } = await ask(cipScrutiny, "leicestershire-cip", period);
    expect(await removeOldPackRuns(s.db)).toBe(0);
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await removeOldPackRuns(s.db, later)).toBeGreaterThanOrEqual(1);
    expect(await runRow(old)).toBeUndefined();
    expect(await runRow(waiting)).toMatchObject({ status: "queued" });
    expect((await cipScrutiny.get(`/p/leicestershire-cip/scrutiny/pack/runs/${old}`)).status).toBe(404);
  });

  it("is made by a real pg-boss worker from the job the page sends, and the run's page turns to the download", async () => {
    boss = await startBoss(database(), { cron: false });
    await workPackRuns(boss, s.db, { pollingIntervalSeconds: 0.5 });
    const period = { from: addDays(SCENARIO_TODAY, -180), to: SCENARIO_TODAY };
    const { id } = await ask(cipScrutiny, "leicestershire-cip", period);
    const deadline = Date.now() + 30_000;
    let html = "";
    while (Date.now() < deadline) {
      html = await (await cipScrutiny.get(`/p/leicestershire-cip/scrutiny/pack/runs/${id}`)).text();
      if (html.includes('data-run-status="done"')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(html).toContain('data-run-status="done"');
    const res = await cipScrutiny.get(`/p/leicestershire-cip/scrutiny/pack/runs/${id}/pack.pdf`);
    expect(res.status).toBe(200);
    const pages = await pdfPages(res);
    expect(pages[0]).toContain("Leicestershire");
    for (const title of SECTIONS) expect(pages.some((p) => p.startsWith(`${title} `)), title).toBe(true);
  }, 60_000);
});

// PostgreSQL only: PGlite runs one transaction at a time.
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("two requests for the same period at once", () => {
  it("make one run, which both are sent to", async () => {
    const period = { from: addDays(SCENARIO_TODAY, -120), to: SCENARIO_TODAY };
    const clients = [chair, rep, observer, s.client(), s.client()];
    await clients[3].signIn("secretariat@nelcp.example");
    await clients[4].signIn("vicechair@nelcp.example");
    const answers = await Promise.all(clients.map((c) => ask(c, "nelcp", period)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(answers.filter((a) => a.notice === "pack-queued")).toHaveLength(1);
    const [{ n }] = await s.db.select({ n: count() }).from(packRuns).where(and(eq(packRuns.periodFrom, period.from), eq(packRuns.periodTo, period.to)));
    expect(n).toBe(1);
    expect(await requests(answers[0].id)).toBe(1);
  });
});
