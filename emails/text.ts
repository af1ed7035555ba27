import { formatDate } from "../app/platform/time/dates";

/**
 * A title used inside a sentence: "Quarterly performance return" becomes
 * "quarterly performance return", but "SEND sufficiency return" and
 * "NELCP board" keep their capitals.
 */
export function inSentence(title: string): string {
  const first = title.split(/\s/, 1)[0] ?? "";
  if (/[A-Z].*[A-Z]/.test(first) || /\d/.test(first)) return title;
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** "1 reminder", "3 reminders". */
export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Free text that may carry a YYYY-MM-DD date ("NELCP board, 2026-11-12") with the date as people read it. */
export const readableDates = (text: string) => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));
