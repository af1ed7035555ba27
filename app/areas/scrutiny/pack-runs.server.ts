import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { packRuns, users } from "../../../db/schema";
import { appendAudit } from "../../audit/append.server";
import type { PartnershipScope } from "../../platform/guard.server";
import { uuidv7 } from "../../platform/ids";
import { jobQueues } from "../../platform/job-names";
import { sendJob } from "../../platform/job-queue.server";
import { log } from "../../platform/log.server";
import { fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { packContent } from "./pack.server";
import { renderPackPdf } from "./pack-pdf.server";
import { PACK_RUN_ATTEMPTS, PACK_RUN_STALE_MS, type PackProgress, type PackRunStatus } from "./rules/pack";

// Scrutiny packs made by the worker rather than in the request
// (docs/decisions/0021): the page records a run and sends a job; the worker
// gathers the sections and lays out the pages through the same functions as
// pack.pdf, writing its progress to the run as it goes, and stores the PDF.
// A run is taken by one attempt at a time; an attempt that fails puts it back
// in the queue with its message until the attempts are used up, and one that
// stops without a word (the worker killed) is taken again once it has not
// been heard from for PACK_RUN_STALE_MS.

/** How pg-boss retries a run's job: the same number of attempts as the run allows. */
const jobOptions = (runId: string) => ({ retryLimit: PACK_RUN_ATTEMPTS - 1, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60, singletonKey: runId });

/** A run's job: its queue, data and pg-boss options. */
export const packRunJob = (runId: string) => ({ name: jobQueues.scrutinyPack, data: { runId }, options: jobOptions(runId) });

/** Puts a run's job on the queue (from the web process). Sending it twice is harmless: an attempt takes only a run that is waiting. */
export async function queuePackRun(runId: string) {
  const job = packRunJob(runId);
  await sendJob(job.name, job.data, job.options);
}

/** Records a request for the pack of a period, or finds the run already queued or running for it. */
export async function requestPackRun(db: Db, scope: PartnershipScope, period: { from: string; to: string }): Promise<WriteResult<{ id: string; reused: boolean }>> {
  if (period.from > period.to) return fail("from", "The start of the period must be on or before its end");
  return transact(db, async (tx): Promise<WriteResult<{ id: string; reused: boolean }>> => {
    const id = uuidv7();
    // At most one queued or running run per partnership and period (a partial unique index): a second request waits for the first's insert and finds it.
    const inserted = await tx
      .insert(packRuns)
      .values({ id, partnershipId: scope.partnership.id, requestedBy: scope.user.id, periodFrom: period.from, periodTo: period.to, status: "queued" })
      .onConflictDoNothing({ target: [packRuns.partnershipId, packRuns.periodFrom, packRuns.periodTo], where: sql`${packRuns.status} in ('queued', 'running')` })
      .returning({ id: packRuns.id });
    if (!inserted.length) {
      const [active] = await tx
        .select({ id: packRuns.id })
        .from(packRuns)
        .where(and(eq(packRuns.partnershipId, scope.partnership.id), eq(packRuns.periodFrom, period.from), eq(packRuns.periodTo, period.to), inArray(packRuns.status, ["queued", "running"])));
      if (active) return ok({ id: active.id, reused: true });
      return fail("form", "The pack could not be queued: try again");
    }
    await appendAudit(tx, { actorUserId: scope.user.id, action: "scrutiny_pack.request", entityId: id, partnershipId: scope.partnership.id, after: { from: period.from, to: period.to } });
    return ok({ id, reused: false });
  });
}

const runColumns = {
  id: packRuns.id,
  periodFrom: packRuns.periodFrom,
  periodTo: packRuns.periodTo,
  status: packRuns.status,
  stage: packRuns.stage,
  progressDone: packRuns.progressDone,
  progressTotal: packRuns.progressTotal,
  attempts: packRuns.attempts,
  error: packRuns.error,
  pdfBytes: packRuns.pdfBytes,
  pages: packRuns.pages,
  createdAt: packRuns.createdAt,
  startedAt: packRuns.startedAt,
  heartbeatAt: packRuns.heartbeatAt,
  finishedAt: packRuns.finishedAt,
  requestedBy: users.name,
};

export type PackRunRow = Omit<Awaited<ReturnType<typeof listPackRuns>>[number], "status"> & { status: PackRunStatus };

/** The partnership's most recent runs, newest first (without their PDFs). */
export async function listPackRuns(db: Db, partnershipId: string, limit = 10) {
  const rows = await db.select(runColumns).from(packRuns).innerJoin(users, eq(users.id, packRuns.requestedBy)).where(eq(packRuns.partnershipId, partnershipId)).orderBy(desc(packRuns.createdAt)).limit(limit);
  return rows.map((r) => ({ ...r, status: r.status as PackRunStatus }));
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** One run of the partnership (without its PDF), or undefined when it is not one of the partnership's. */
export async function packRunOf(db: Db, partnershipId: string, runId: string) {
  if (!isUuid(runId)) return undefined;
  const [row] = await db.select(runColumns).from(packRuns).innerJoin(users, eq(users.id, packRuns.requestedBy)).where(and(eq(packRuns.id, runId), eq(packRuns.partnershipId, partnershipId)));
  return row ? { ...row, status: row.status as PackRunStatus } : undefined;
}

/** A finished run's PDF and period, or undefined when the run is not the partnership's or not finished. */
export async function packRunPdf(db: Db, partnershipId: string, runId: string) {
  if (!isUuid(runId)) return undefined;
  const [row] = await db
    .select({ pdf: packRuns.pdf, periodFrom: packRuns.periodFrom, periodTo: packRuns.periodTo })
    .from(packRuns)
    .where(and(eq(packRuns.id, runId), eq(packRuns.partnershipId, partnershipId), eq(packRuns.status, "done")));
  return row?.pdf ? { pdf: new Uint8Array(row.pdf), period: { from: row.periodFrom, to: row.periodTo } } : undefined;
}

export type PreparePackOptions = {
  /** The instant the pack is made as of (the app's now). */
  now: Date;
  /** At most one progress write per this many milliseconds (stage changes and the last page always write). */
  progressEveryMs?: number;
  /** Told each progress the run records (tests watch it move, or stop an attempt part-way). */
  onProgress?: (progress: PackProgress) => void | Promise<void>;
};

export type PrepareOutcome = "done" | "not_waiting" | "superseded";

/**
 * The worker's job: takes the run if it is waiting (queued, or running but
 * not heard from for a while), gathers the sections and lays out the pages,
 * writing the progress to the run, and stores the PDF. Idempotent: a run done,
 * or taken by another attempt, is left alone. An error puts the run back in
 * the queue with its message (or marks it failed on the last attempt) and is
 * thrown again, so pg-boss retries the job.
 */
export async function preparePackRun(db: Db, runId: string, options: PreparePackOptions): Promise<PrepareOutcome> {
  const startedAt = new Date();
  const [run] = await db
    .update(packRuns)
    .set({ status: "running", attempts: sql`${packRuns.attempts} + 1`, startedAt, heartbeatAt: startedAt, stage: null, progressDone: 0, progressTotal: 0 })
    .where(and(eq(packRuns.id, runId), or(eq(packRuns.status, "queued"), and(eq(packRuns.status, "running"), lt(packRuns.heartbeatAt, new Date(startedAt.getTime() - PACK_RUN_STALE_MS))))))
    .returning();
  if (!run) return "not_waiting";
  const mine = and(eq(packRuns.id, runId), eq(packRuns.status, "running"), eq(packRuns.attempts, run.attempts));
  const every = options.progressEveryMs ?? 250;
  let last = { stage: "", at: 0, total: 0 };
  const write = async (progress: PackProgress) => {
    const at = Date.now();
    const final = progress.total > 0 && progress.done === progress.total;
    if (progress.stage === last.stage && at - last.at < every && !final) return;
    last = { stage: progress.stage, at, total: progress.total };
    await db.update(packRuns).set({ stage: progress.stage, progressDone: progress.done, progressTotal: progress.total, heartbeatAt: new Date() }).where(mine);
    await options.onProgress?.(progress);
  };
  // Sections finish in parallel: their progress is written one after another, in the order told, so it never goes back.
  let written: Promise<void> = Promise.resolve();
  const record = (progress: PackProgress) => (written = written.then(() => write(progress)));
  try {
    const content = await packContent(db, run.partnershipId, { from: run.periodFrom, to: run.periodTo }, options.now, undefined, record);
    const pdf = await renderPackPdf(content, record);
    const done = await db
      .update(packRuns)
      .set({ status: "done", stage: null, pdf: Buffer.from(pdf), pdfBytes: pdf.byteLength, pages: last.total, progressDone: last.total, progressTotal: last.total, error: null, finishedAt: new Date(), heartbeatAt: new Date() })
      .where(mine)
      .returning({ id: packRuns.id });
    return done.length ? "done" : "superseded";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = run.attempts >= PACK_RUN_ATTEMPTS;
    log().error({ err: error, runId, attempt: run.attempts }, "scrutiny pack run failed");
    await db
      .update(packRuns)
      .set({ status: final ? "failed" : "queued", error: message.slice(0, 1000), finishedAt: final ? new Date() : null, heartbeatAt: new Date() })
      .where(mine);
    throw error;
  }
}

/**
 * For the worker's minute sweep: runs whose job may have been lost (queued a
 * minute ago and not taken, or running and not heard from) are queued again;
 * those abandoned on their last attempt are marked failed. Returns the ids queued.
 */
export async function requeueWaitingPackRuns(db: Db, now = new Date(), send: (runId: string) => Promise<void> = queuePackRun) {
  const stale = new Date(now.getTime() - PACK_RUN_STALE_MS);
  await db
    .update(packRuns)
    .set({ status: "failed", error: "The worker stopped while making this pack, on its last attempt.", finishedAt: now })
    .where(and(eq(packRuns.status, "running"), lt(packRuns.heartbeatAt, stale), sql`${packRuns.attempts} >= ${PACK_RUN_ATTEMPTS}`));
  const waiting = await db
    .select({ id: packRuns.id })
    .from(packRuns)
    .where(or(and(eq(packRuns.status, "queued"), lt(packRuns.createdAt, new Date(now.getTime() - 60_000))), and(eq(packRuns.status, "running"), lt(packRuns.heartbeatAt, stale))));
  for (const { id } of waiting) await send(id);
  return waiting.map((r) => r.id);
}

/** How long a finished or failed run, and its PDF, is kept: the pack can always be made again. */
export const PACK_RUN_KEEP_DAYS = 30;

/** For the worker's hourly housekeeping: runs finished or failed more than PACK_RUN_KEEP_DAYS ago, and their PDFs, removed. Their audit events stay. */
export async function removeOldPackRuns(db: Db, now = new Date()) {
  const before = new Date(now.getTime() - PACK_RUN_KEEP_DAYS * 86_400_000);
  const removed = await db
    .delete(packRuns)
    .where(and(inArray(packRuns.status, ["done", "failed"]), lt(packRuns.finishedAt, before)))
    .returning({ id: packRuns.id });
  return removed.length;
}
