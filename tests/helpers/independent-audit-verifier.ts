import { createHash } from "node:crypto";

// A re-verifier for the audit trail's JSON lines export written from
// docs/verifying-an-audit-export.md alone, as a councillor's own analyst
// would: node:crypto and nothing of the app's (not db/audit.ts's canonical
// form or hash), so that a mistake shared by both cannot hide.

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

function canonical(value: Value): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
  if (typeof value === "object") {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return "{" + keys.map((k) => JSON.stringify(k) + ":" + canonical(value[k])).join(",") + "}";
  }
  return JSON.stringify(value);
}

export type ExportCheck = { ok: true; events: number; links: number } | { ok: false; line: number; problem: string };

/** Checks every line's hash and, where two lines follow each other in the chain, their link. */
export function verifyJsonLinesExport(text: string): ExportCheck {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  let previous: { chain: string; seq: number; hash: string } | null = null;
  let links = 0;
  for (let i = 0; i < lines.length; i++) {
    let event: Record<string, Value>;
    try {
      event = JSON.parse(lines[i]);
    } catch {
      return { ok: false, line: i + 1, problem: "not JSON" };
    }
    const { prevHash, hash, ...fields } = event;
    if (typeof prevHash !== "string" || typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(prevHash) || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, line: i + 1, problem: "no hashes" };
    const recomputed = createHash("sha256").update(prevHash + canonical(fields), "utf8").digest("hex");
    if (recomputed !== hash) return { ok: false, line: i + 1, problem: "hash does not match contents" };
    const seq = fields.seq as number;
    if (seq === 1 && prevHash !== "0".repeat(64)) return { ok: false, line: i + 1, problem: "first event does not start from zeros" };
    if (previous && previous.chain === fields.chain && previous.seq + 1 === seq) {
      if (prevHash !== previous.hash) return { ok: false, line: i + 1, problem: "does not link to the line before" };
      links++;
    }
    previous = { chain: fields.chain as string, seq, hash };
  }
  return { ok: true, events: lines.length, links };
}
