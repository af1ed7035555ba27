import { formatDate } from "../../../platform/time/dates";
import { addWorkingDays, workingDaysBetween } from "../../../platform/time/working-days";

// Formal questions and challenges: when an answer is due, when a late one is
// escalated to the lead body, and how each stands, in London working days.

export type ChallengeKind = "question" | "challenge";
export type ChallengeStatus = "awaiting_answer" | "answered" | "closed";
export type ChallengeSubjectType = "decision" | "risk" | "obligation" | "meeting";

export const challengeKindLabels: Record<ChallengeKind, string> = { question: "Question", challenge: "Challenge" };
export const challengeSubjectLabels: Record<ChallengeSubjectType, string> = { decision: "Decision", risk: "Risk", obligation: "Return", meeting: "Meeting" };

/** The answer-by date offered when a question is raised or followed up. */
export const DEFAULT_ANSWER_WORKING_DAYS = 10;
/** The partnership has at least this long to answer, and scrutiny asks for no more than a quarter ahead. */
export const MIN_ANSWER_WORKING_DAYS = 5;
export const MAX_ANSWER_WORKING_DAYS = 65;

export const defaultDueOn = (today: string) => addWorkingDays(today, DEFAULT_ANSWER_WORKING_DAYS);

/** What is wrong with an answer-by date chosen on `today`, or null. */
export function dueDateProblem(dueOn: string, today: string): string | null {
  const earliest = addWorkingDays(today, MIN_ANSWER_WORKING_DAYS);
  const latest = addWorkingDays(today, MAX_ANSWER_WORKING_DAYS);
  if (dueOn < earliest) return `Give the partnership at least ${MIN_ANSWER_WORKING_DAYS} working days to answer: choose ${formatDate(earliest)} or later`;
  if (dueOn > latest) return `Choose an answer-by date no later than ${formatDate(latest)}, three months of working days from today`;
  return null;
}

/** The day a late answer is escalated to the lead body: the first working day after the one it was due. */
export const escalatedOn = (dueOn: string) => addWorkingDays(dueOn, 1);

export type ChallengeStanding =
  | { state: "awaiting_answer"; dueOn: string }
  | { state: "overdue"; dueOn: string; escalatedOn: string; escalated: boolean }
  | { state: "answered" }
  | { state: "closed"; closedOn: string | null };

/** Where a question or challenge stands on `today`. */
export function challengeStanding(row: { status: ChallengeStatus; dueOn: string; closedOn: string | null }, today: string): ChallengeStanding {
  if (row.status === "closed") return { state: "closed", closedOn: row.closedOn };
  if (row.status === "answered") return { state: "answered" };
  if (today <= row.dueOn) return { state: "awaiting_answer", dueOn: row.dueOn };
  const on = escalatedOn(row.dueOn);
  return { state: "overdue", dueOn: row.dueOn, escalatedOn: on, escalated: today >= on };
}

export function challengeStandingWords(s: ChallengeStanding, leadBody: string): string {
  switch (s.state) {
    case "awaiting_answer":
      return `Awaiting an answer by ${formatDate(s.dueOn)}`;
    case "overdue":
      return s.escalated ? `Answer overdue since ${formatDate(s.dueOn)}: escalated to ${leadBody} on ${formatDate(s.escalatedOn)}` : `Answer overdue since ${formatDate(s.dueOn)}`;
    case "answered":
      return "Answered";
    case "closed":
      return s.closedOn ? `Closed on ${formatDate(s.closedOn)}` : "Closed";
  }
}

export const standingColour = (s: ChallengeStanding): "red" | "yellow" | "green" | "grey" => (s.state === "overdue" ? "red" : s.state === "awaiting_answer" ? "yellow" : s.state === "answered" ? "green" : "grey");

/** How many working days a question took to be answered for the first time, and whether that was by its first due date. */
export function answerSpeed(row: { raisedOn: string; firstAnsweredOn: string | null; firstDueOn: string }): { workingDays: number; onTime: boolean } | null {
  if (!row.firstAnsweredOn) return null;
  return { workingDays: workingDaysBetween(row.raisedOn, row.firstAnsweredOn), onTime: row.firstAnsweredOn <= row.firstDueOn };
}
