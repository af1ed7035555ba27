import { londonDate } from "./time/dates";
import { env } from "./env.server";

/**
 * Today's date in Europe/London, as the partnership's records are judged.
 * Outside production APP_TODAY can pin it, so tests and demonstrations see
 * the same board problems whatever day they run.
 */
export function appToday(): string {
  return env().APP_TODAY ?? londonDate();
}
