import { londonDate, londonTime, londonTimeToInstant } from "./time/dates";
import { env } from "./env.server";

/**
 * Today's date in Europe/London, as the partnership's records are judged.
 * Outside production APP_TODAY can pin it, so tests and demonstrations see
 * the same board problems whatever day they run.
 */
export function appToday(): string {
  return env().APP_TODAY ?? londonDate();
}

/**
 * Now, as the app judges it: the real instant, or with APP_TODAY pinned, the
 * same London time of day on the pinned date (so "has the meeting begun?"
 * reads the same as the pinned today).
 */
export function appNow(): Date {
  const pinned = env().APP_TODAY;
  const now = new Date();
  return pinned ? londonTimeToInstant(pinned, londonTime(now)) : now;
}
