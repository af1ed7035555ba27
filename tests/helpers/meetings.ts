import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, boardSeats } from "../../db/schema";
import { isSeatCurrent } from "../../app/areas/register/rules/board-rules";
import { partnershipId, userId } from "./pages";
import type { HttpClient } from "./server";

/** Schedules a meeting through the form and returns its id. */
export async function scheduleMeeting(client: HttpClient, slug: string, fields: Partial<Record<string, string>> = {}) {
  const res = await client.post(`/p/${slug}/meetings/new`, {
    type: "board",
    title: "Board meeting",
    date: "2026-12-03",
    startTime: "10:00",
    endTime: "12:00",
    location: "Havering Town Hall",
    onlineLink: "",
    reason: "",
    ...fields,
  } as Record<string, string>);
  if (res.status !== 302) throw new Error(`Scheduling failed with ${res.status}`);
  return res.headers.get("location")!.match(/meetings\/([0-9a-f-]{36})/)![1];
}

/** Adds an agenda item through the form and returns its id. */
export async function addItem(client: HttpClient, db: Db, slug: string, meetingId: string, title: string, purpose = "decision") {
  const res = await client.post(`/p/${slug}/meetings/${meetingId}/agenda`, { intent: "add", title, presenter: "", purpose, description: "" });
  if (res.status !== 302) throw new Error(`Adding an item failed with ${res.status}`);
  const items = await db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.title, title))).orderBy(asc(agendaItems.position));
  return items[items.length - 1].id;
}

/** The seat a person holds on a date (or, with `anyDate`, their latest seat, even one that has ended). */
export async function seatOn(db: Db, slug: string, email: string, onDate: string, anyDate = false) {
  const seats = await db
    .select()
    .from(boardSeats)
    .where(and(eq(boardSeats.partnershipId, await partnershipId(db, slug)), eq(boardSeats.userId, await userId(db, email))))
    .orderBy(desc(boardSeats.termStart));
  const seat = anyDate ? seats[0] : seats.find((s) => isSeatCurrent(s, onDate));
  if (!seat) throw new Error(`${email} has no seat on ${onDate}`);
  return seat;
}

/** Records attendance through the running screen's form: email → present | apologies | absent | deputy:<email>. */
export async function markAttendance(client: HttpClient, db: Db, slug: string, meetingId: string, onDate: string, marks: Record<string, string>) {
  const form: Record<string, string> = { intent: "attendance" };
  for (const [email, mark] of Object.entries(marks)) {
    const seat = await seatOn(db, slug, email, onDate);
    if (mark.startsWith("deputy:")) {
      form[`status-${seat.id}`] = "deputy";
      form[`deputy-${seat.id}`] = (await seatOn(db, slug, mark.slice(7), onDate, true)).id;
    } else form[`status-${seat.id}`] = mark;
  }
  return client.post(`/p/${slug}/meetings/${meetingId}/run`, form);
}

/** The NELCP members who make a quorum under version 2 of its terms: six voting members from six boroughs, chair and Havering included. */
export const nelcpQuorum = {
  "chair@nelcp.example": "present",
  "vicechair@nelcp.example": "present",
  "m.bellamy@barking-dagenham.example": "present",
  "member@nelcp.example": "present",
  "c.hennessy@walthamforest.example": "present",
  "j.whitfield@hackney.example": "present",
};

export const decisionForm = (fields: Record<string, string> = {}) => ({
  intent: "decision",
  title: "A decision",
  text: "The board decided something.",
  rationale: "",
  optionsConsidered: "",
  outcome: "agreed",
  delegatedAuthority: "",
  financialImplicationGbp: "",
  financialNote: "",
  reviewDate: "",
  approves: "",
  proposedDecisionId: "",
  ...fields,
});
