import { addDays } from "../../../platform/time/dates";
import { workingDaysBetween } from "../../../platform/time/working-days";
import { isoDay } from "./audit-filters";

// The accountability dashboard's figures, as plain functions of the record.

/** The period from the address: the twelve months to today unless chosen; a wrong date is named and the default kept. */
export function accountabilityPeriod(params: URLSearchParams, today: string) {
  const errors: Record<string, string> = {};
  const read = (key: "from" | "to", fallback: string) => {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") return fallback;
    const parsed = isoDay.safeParse(raw);
    if (parsed.success) return parsed.data;
    errors[key] = parsed.error.issues[0].message;
    return fallback;
  };
  const to = read("to", today);
  let from = read("from", addDays(to, -364));
  if (from > to) {
    errors.from = "The start of the period must be on or before its end";
    from = addDays(to, -364);
  }
  return { from, to, errors };
}

export type HeldMeeting = { id: string; date: string };
export type PartnerMark = { meetingId: string; organisationId: string; status: string };
export type PartnerOnBoard = { organisationId: string; name: string; joinedOn: string; leftOn: string | null };

export type PartnerAttendance = {
  organisationId: string;
  name: string;
  /** Board meetings held while it was a partner. */
  held: number;
  /** Of those, the ones at which a member or a deputy of it was present. */
  attended: number;
  /** Of those, the ones at which someone who met the terms' seniority rules attended for it. */
  attendedSenior: number;
  /** attended / held, or null when none were held. */
  rate: number | null;
  belowHalf: boolean;
};

/** A partner attends a meeting when any of its seats is marked present, or is filled by a deputy. */
const ATTENDING = new Set(["present", "deputy"]);

/**
 * Each partner's attendance at the board meetings held while it was a
 * partner: lowest rate first (those with none held last), so the partners
 * scrutiny asks about come first.
 */
export function attendanceByPartner(
  meetings: readonly HeldMeeting[],
  marks: readonly PartnerMark[],
  partners: readonly PartnerOnBoard[],
  /** "meetingId:organisationId" where someone senior enough attended for the partner. */
  seniorEnough: ReadonlySet<string> = new Set(),
): PartnerAttendance[] {
  const present = new Set(marks.filter((m) => ATTENDING.has(m.status)).map((m) => `${m.meetingId}:${m.organisationId}`));
  return partners
    .map((p) => {
      const held = meetings.filter((m) => m.date >= p.joinedOn && (p.leftOn === null || m.date <= p.leftOn));
      const attended = held.filter((m) => present.has(`${m.id}:${p.organisationId}`)).length;
      const attendedSenior = held.filter((m) => present.has(`${m.id}:${p.organisationId}`) && seniorEnough.has(`${m.id}:${p.organisationId}`)).length;
      const rate = held.length ? attended / held.length : null;
      return { organisationId: p.organisationId, name: p.name, held: held.length, attended, attendedSenior, rate, belowHalf: rate !== null && rate < 0.5 };
    })
    .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.name.localeCompare(b.name));
}

/** A rate as people read it: "67%". */
export const percent = (rate: number | null) => (rate === null ? "No meetings" : `${Math.round(rate * 100)}%`);

export type RaisedQuestion = { raisedOn: string; firstDueOn: string; firstAnsweredOn: string | null; status: string; dueOn: string };

/**
 * How promptly the partnership answered scrutiny's questions raised in a
 * period: first answers on time and late, those still waiting (and of them
 * overdue on `today`), and the median working days to a first answer.
 */
export function questionFigures(rows: readonly RaisedQuestion[], today: string) {
  const answered = rows.filter((r) => r.firstAnsweredOn !== null);
  const onTime = answered.filter((r) => r.firstAnsweredOn! <= r.firstDueOn).length;
  const waiting = rows.filter((r) => r.firstAnsweredOn === null && r.status !== "closed");
  const days = answered.map((r) => workingDaysBetween(r.raisedOn, r.firstAnsweredOn!)).sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const median = days.length === 0 ? null : days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
  return { raised: rows.length, onTime, late: answered.length - onTime, waiting: waiting.length, overdue: waiting.filter((r) => today > r.dueOn).length, medianWorkingDays: median };
}

export type ActionCounts = { organisationId: string | null; due: number; doneOnTime: number; doneLate: number; overdue: number; openNotDue: number };

/** Actions due in the period, per partner (those of no partner under null), with the partnership's totals. */
export function actionsByPartner(rows: readonly ActionCounts[], partners: readonly { organisationId: string; name: string }[]) {
  const zero = { due: 0, doneOnTime: 0, doneLate: 0, overdue: 0, openNotDue: 0 };
  const byOrg = new Map(rows.map((r) => [r.organisationId, r]));
  const named = partners.map((p) => ({ organisationId: p.organisationId as string | null, name: p.name, ...zero, ...byOrg.get(p.organisationId) }));
  const unassigned = byOrg.get(null);
  const list = unassigned ? [...named, { ...zero, ...unassigned, organisationId: null, name: "No partner named" }] : named;
  const total = list.reduce((t, r) => ({ due: t.due + r.due, doneOnTime: t.doneOnTime + r.doneOnTime, doneLate: t.doneLate + r.doneLate, overdue: t.overdue + r.overdue, openNotDue: t.openNotDue + r.openNotDue }), zero);
  return { rows: list.sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name)), total };
}
