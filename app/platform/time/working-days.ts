import { addDays } from "./dates";
import { englandAndWalesBankHolidays } from "./bank-holidays";

// Working days in England and Wales: Monday to Friday, except bank holidays.

const holidays = new Set(englandAndWalesBankHolidays.map((h) => h.date));

export function isWorkingDay(isoDate: string): boolean {
  const [y, m, d] = isoDate.split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(isoDate);
}

/**
 * The date `n` working days after (or, for negative n, before) a date. With
 * n = 0, the date itself if it is a working day, otherwise the next one.
 */
export function addWorkingDays(isoDate: string, n: number): string {
  let date = isoDate;
  if (n === 0) {
    while (!isWorkingDay(date)) date = addDays(date, 1);
    return date;
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    date = addDays(date, step);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** Working days after `from`, up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date)) n += 1;
  return n;
}
