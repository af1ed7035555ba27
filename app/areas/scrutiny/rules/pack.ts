import { formatDate } from "../../../platform/time/dates";
import type { CallInRule } from "../../register/public";
import { callInStatusWords, implementationState, type CallInRecord, type CallInStatus } from "./call-in";

// The scrutiny pack's content, as plain data: sections of paragraphs,
// subheadings and tables that the print-friendly page and the PDF both draw,
// so the two always say the same.

export type PackColumn = { header: string; /** Share of the table's width (the PDF). */ width: number; numeric?: boolean };

export type PackBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "subheading"; text: string }
  /** A hash or other long code: drawn in a fixed-width font and wrapped anywhere. */
  | { kind: "code"; label: string; text: string }
  /** A table: `rowHeaders` makes each row's first cell its header; `empty` is said instead of a table with no rows. */
  | { kind: "table"; caption: string; columns: PackColumn[]; rows: string[][]; rowHeaders?: boolean; empty: string };

export type PackSection = { id: string; title: string; blocks: PackBlock[] };

/** A figure for the summary at the front ("Decisions taken: 42"), given by the section it comes from. */
export type PackFigure = { label: string; value: string };

export type PackContent = {
  partnership: { name: string; shortName: string; slug: string };
  /** The committee the pack is for (the partnership's reportsTo), if recorded. */
  committee: string | null;
  period: { from: string; to: string };
  generatedAt: string;
  sections: PackSection[];
};

/**
 * How far the making of a pack has gone: the sections gathered from the
 * record, then the pages laid out and written (`total` 0 while the layout is
 * still being worked out).
 */
export type PackProgress = { stage: "gathering" | "laying_out"; done: number; total: number };
export type PackProgressListener = (progress: PackProgress) => void | Promise<void>;

/** A section's id for links on the page: its title, lower case, hyphenated. */
export const sectionId = (title: string) =>
  title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f'’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** A section from its title and blocks. */
export const packSection = (title: string, blocks: PackBlock[]): PackSection => ({ id: sectionId(title), title, blocks });

/** The period as people read it: "1 December 2025 to 30 November 2026". */
export const periodWords = (period: { from: string; to: string }) => `${formatDate(period.from)} to ${formatDate(period.to)}`;

/** The PDF's file name: `cip-scrutiny-pack-2025-12-01-to-2026-11-30.pdf`. */
export function packFilename(shortName: string, period: { from: string; to: string }) {
  const name = sectionId(shortName) || "partnership";
  return `${name}-scrutiny-pack-${period.from}-to-${period.to}.pdf`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type DecisionForCallIn = { status: string; decidedOn: string; keyDecision: boolean; urgentReason: string | null };

/**
 * Where a decision taken in the period stands under call-in on a day, in a
 * few words for a table cell: its call-in's status where one was started;
 * otherwise, for an agreed decision, its standing under the rule in force
 * when it was taken (the same rules as the decision's page).
 */
export function callInStanding(d: DecisionForCallIn, callIn: { status: CallInStatus; record: CallInRecord | null } | null, rule: CallInRule | null, today: string): string {
  if (callIn) {
    const words = capitalise(callInStatusWords[callIn.status] ?? callIn.status);
    if (callIn.record && rule) {
      const state = implementationState(rule, { keyDecision: d.keyDecision, urgentReason: d.urgentReason, publishedOn: d.decidedOn }, callIn.record, today);
      if (state.state === "called_in") return `${words} (to be considered by ${formatDate(state.considerBy)}${state.overdue ? ", which has passed" : ""})`;
      if (state.state === "referred_back") return `${words} (to be reconsidered by ${formatDate(state.reconsiderBy)}${state.overdue ? ", which has passed" : ""})`;
    }
    return words;
  }
  if (d.status !== "agreed") return "Not subject to call-in: not agreed";
  if (!rule || rule.appliesTo === "none") return "Not subject to call-in";
  const state = implementationState(rule, { keyDecision: d.keyDecision, urgentReason: d.urgentReason, publishedOn: d.decidedOn }, null, today);
  switch (state.state) {
    case "not_subject":
      return `Not subject to call-in: ${state.why.replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase())}`;
    case "in_period":
      return `In its call-in period until ${formatDate(state.lastDay)}`;
    case "implementable":
      return `Not called in; may be implemented from ${formatDate(state.from)}`;
    default:
      return "Not called in";
  }
}

// ------------------------------------------------------------------ runs (packs made by the worker)

export type PackRunStatus = "queued" | "running" | "done" | "failed";

/** How many times the worker tries to make a pack before it is marked failed. */
export const PACK_RUN_ATTEMPTS = 3;
/** A running pack not heard from for this long was abandoned (its worker stopped) and is taken again. */
export const PACK_RUN_STALE_MS = 2 * 60_000;

export type PackRunProgress = {
  status: PackRunStatus;
  stage: string | null;
  progressDone: number;
  progressTotal: number;
  attempts: number;
  error: string | null;
  pages: number | null;
  heartbeatAt: Date | null;
};

const count = (n: number) => n.toLocaleString("en-GB");

/**
 * Where a run stands, in words, and how far along it is for a progress bar
 * (`value` of `max`; null while there is nothing to measure).
 */
export function packRunStanding(run: PackRunProgress, now: Date): { words: string; value: number | null; max: number; active: boolean } {
  switch (run.status) {
    case "queued":
      return {
        words: run.error ? `Waiting to be tried again: the last attempt failed (${run.error}).` : "Waiting for the worker to start it.",
        value: null,
        max: 1,
        active: true,
      };
    case "running": {
      if (run.heartbeatAt && now.getTime() - run.heartbeatAt.getTime() > PACK_RUN_STALE_MS)
        return { words: "The worker stopped while making it: it will be tried again shortly.", value: null, max: 1, active: true };
      if (run.stage === "gathering") return { words: `Gathering the sections from the record: ${count(run.progressDone)} of ${count(run.progressTotal)} done.`, value: run.progressDone, max: Math.max(1, run.progressTotal), active: true };
      if (run.stage === "laying_out" && run.progressTotal > 0)
        return { words: `Laying out page ${count(run.progressDone)} of ${count(run.progressTotal)}.`, value: run.progressDone, max: run.progressTotal, active: true };
      if (run.stage === "laying_out") return { words: "Working out how the pages are laid out.", value: null, max: 1, active: true };
      return { words: "Started.", value: null, max: 1, active: true };
    }
    case "done":
      return { words: `Ready: ${count(run.pages ?? 0)} ${run.pages === 1 ? "page" : "pages"}.`, value: 1, max: 1, active: false };
    case "failed":
      return { words: `It could not be made after ${run.attempts} ${run.attempts === 1 ? "attempt" : "attempts"}: ${run.error ?? "no reason was recorded"}. Ask for it again, or tell the platform's administrators.`, value: null, max: 1, active: false };
  }
}
