// Formatters are made once: building an Intl.DateTimeFormat costs about 50 times a format call,
// and a page of dates made one per date.
const londonDateFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
const readableDateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const londonDayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const londonClockFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Europe/London" });

/** Today's date in Europe/London as YYYY-MM-DD (the partnerships' working calendar). */
export function londonDate(at: Date = new Date()): string {
  return londonDateFormat.format(at);
}

/** A YYYY-MM-DD date as people read it in the UK, e.g. "1 April 2025". */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "";
  const [y, m, d] = isoDate.split("-").map(Number);
  return readableDateFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** A moment as people read it in London, e.g. "3 March 2026 at 14:05". */
export function formatDateTime(at: Date | string | null | undefined): string {
  if (!at) return "";
  const date = typeof at === "string" ? new Date(at) : at;
  return `${londonDayFormat.format(date)} at ${londonClockFormat.format(date)}`;
}

/** Adds whole days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  // Read and written by hand: pages run this thousands of times, and toISOString is the slow part.
  const date = new Date(Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)) + days));
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${date.getUTCFullYear()}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** True when a term that runs from `start` to `end` (inclusive; null = open-ended) covers `onDate`. */
export function coversDate(start: string, end: string | null, onDate: string): boolean {
  return start <= onDate && (end === null || end >= onDate);
}

/** Whether a string is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const londonPartsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function londonParts(at: Date) {
  const parts = Object.fromEntries(londonPartsFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute) };
}

/** "HH:MM" on the London clock at an instant. */
export function londonTime(at: Date): string {
  const p = londonParts(at);
  return `${String(p.h).padStart(2, "0")}:${String(p.mi).padStart(2, "0")}`;
}

/**
 * The instant a London wall-clock time happens on a date, whichever side of
 * the clock change it falls. A time that does not exist (the hour skipped in
 * March) resolves to the same time on the later, summer, clock; a time that
 * happens twice (the hour repeated in October) is its first occurrence, on
 * summer time, as in RFC 5545 (iCalendar) and JavaScript's Temporal.
 */
export function londonTimeToInstant(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const wall = Date.UTC(y, m - 1, d, h, mi);
  const offsetAt = (at: number) => {
    const p = londonParts(new Date(at));
    return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi) - at;
  };
  // The offsets a day either side (London changes its clocks at most once a
  // day); each gives a real instant if London shows that offset then.
  const before = offsetAt(wall - 86_400_000);
  const after = offsetAt(wall + 86_400_000);
  const real = [wall - before, wall - after].filter((at) => wall - offsetAt(at) === at);
  return new Date(real.length ? Math.min(...real) : wall - before);
}

/** Whether a string is a time written HH:MM on the 24-hour clock. */
export const isClockTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
