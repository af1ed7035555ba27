// The meetings area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { MAX_PAPER_BYTES, addAgendaItem, appendAgendaItem, withdrawRiskItem, checkPaper, createMeeting, declareOnItem, findMeeting, listMeetingChoices, listUpcomingMeetings, loadMeetingBoard, refuseIfLocked, saveAttendance, saveItemNotes } from "./meetings.server";
export type { MeetingRow } from "./meetings.server";
export { applyMinutesApproval, circulateMinutes } from "./minutes.server";
export { minutesMessages } from "./reminders.server";
export { calendarFeedStatus } from "./calendar.server";
