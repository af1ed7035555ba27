import { referencePrefix } from "../../decisions/public";

// Risk references: PREFIX-R-NNN, e.g. NELCP-R-012. The prefix is the one the
// partnership's decisions use (decisions' referencePrefix: its own, or its
// short name in capitals), so a partnership's records read alike.

/** The prefix for a partnership's risk references; "RISK" where the short name has no letters or digits (decisions would say "DEC"). */
export function riskReferencePrefix(p: { referencePrefix: string | null; shortName: string }): string {
  if (!p.referencePrefix && p.shortName.normalize("NFKD").replace(/[^A-Za-z0-9]/g, "") === "") return "RISK";
  return referencePrefix(p);
}

/** PREFIX-R-NNN: at least three digits, more once past 999. */
export function formatRiskReference(prefix: string, n: number): string {
  return `${prefix}-R-${String(n).padStart(3, "0")}`;
}

/** The prefix and number of a risk reference, or null if it is not one. */
export function parseRiskReference(reference: string): { prefix: string; number: number } | null {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)-R-(\d{3,})$/.exec(reference.trim()); // prefixes may hold hyphens, e.g. NCC-BC-R-004
  if (!match) return null;
  const number = Number(match[2]);
  return number >= 1 ? { prefix: match[1], number } : null;
}

/** The number for a new risk: one more than the highest used in the partnership (numbers are never reused). */
export function nextRiskNumber(used: readonly number[]): number {
  return used.reduce((max, n) => Math.max(max, n), 0) + 1;
}
