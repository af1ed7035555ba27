import { z } from "zod";
import { agendaPurposes, meetingTypeLabels, meetingTypes } from "../../areas/meetings/public";
import { because, changes, defineAction, id, instant, quoted, someOf, text } from "../define";
import { formatDateTime } from "../../platform/time/dates";

const meeting = { type: z.enum(meetingTypes), title: text, startsAt: instant, endsAt: instant, location: text.nullable(), onlineLink: text.nullable() };
const item = { title: text, presenter: text.nullable(), purpose: z.enum(agendaPurposes), description: text.nullable() };
const when = (iso: string) => formatDateTime(new Date(iso));

export const meetingsActions = {
  "meeting.create": defineAction({
    entity: "meeting",
    label: "Meeting scheduled",
    before: null,
    after: z.strictObject(meeting),
    describe: (e) => `${meetingTypeLabels[e.after.type]} ${quoted(e.after.title)} scheduled for ${when(e.after.startsAt)} by ${e.actor}${because(e.reason)}`,
  }),
  "meeting.update": defineAction({
    entity: "meeting",
    label: "Meeting changed",
    before: someOf(meeting),
    after: someOf(meeting),
    describe: (e) => `${e.subject ?? "A meeting"} changed by ${e.actor} (${changes(mapTimes(e.before), mapTimes(e.after))})${because(e.reason)}`,
  }),
  "meeting.cancel": defineAction({
    entity: "meeting",
    label: "Meeting cancelled",
    before: null,
    after: null,
    describe: (e) => `${e.subject ?? "A meeting"} cancelled by ${e.actor}${because(e.reason)}`,
  }),
  "meeting.send_invitations": defineAction({
    entity: "meeting",
    label: "Meeting invitations sent",
    before: null,
    after: z.strictObject({ recipients: z.number().int().min(0), sequence: z.number().int().min(0) }),
    describe: (e) => `${e.actor} sent the invitations to ${e.subject ?? "a meeting"}: ${e.after.recipients} ${e.after.recipients === 1 ? "person" : "people"} invited`,
  }),
  "meeting.publish_agenda": defineAction({
    entity: "meeting",
    label: "Agenda and papers published",
    before: null,
    after: z.strictObject({ items: z.number().int().min(0), papers: z.number().int().min(0), recipients: z.number().int().min(0) }),
    describe: (e) => `${e.actor} published the agenda and papers of ${e.subject ?? "a meeting"} (${e.after.items} ${e.after.items === 1 ? "item" : "items"}, ${e.after.papers} ${e.after.papers === 1 ? "paper" : "papers"}) to ${e.after.recipients} ${e.after.recipients === 1 ? "person" : "people"}`,
  }),
  "agenda_item.create": defineAction({
    entity: "agenda_item",
    label: "Agenda item added",
    before: null,
    after: z.strictObject({ ...item, meetingId: id, position: z.number().int() }),
    describe: (e) => `Item ${e.after.position} ${quoted(e.after.title)} added to ${e.subject ?? "a meeting's agenda"} by ${e.actor}`,
  }),
  "agenda_item.update": defineAction({
    entity: "agenda_item",
    label: "Agenda item changed",
    before: someOf(item),
    after: someOf(item),
    describe: (e) => `${e.subject ? `Agenda item ${quoted(e.subject)}` : "An agenda item"} changed by ${e.actor} (${changes(e.before, e.after)})`,
  }),
  "agenda_item.move": defineAction({
    entity: "agenda_item",
    label: "Agenda item moved",
    before: z.strictObject({ position: z.number().int() }),
    after: z.strictObject({ position: z.number().int() }),
    describe: (e) => `Agenda item ${e.subject ? `${quoted(e.subject)} ` : ""}moved from place ${e.before.position} to ${e.after.position} by ${e.actor}`,
  }),
  "agenda_item.remove": defineAction({
    entity: "agenda_item",
    label: "Agenda item removed",
    before: z.strictObject({ title: text, position: z.number().int() }),
    after: null,
    describe: (e) => `Agenda item ${e.before.position} ${quoted(e.before.title)} removed by ${e.actor}`,
  }),
  "agenda_item.notes": defineAction({
    entity: "agenda_item",
    label: "Item notes saved",
    before: z.strictObject({ notes: text.nullable() }),
    after: z.strictObject({ notes: text.nullable() }),
    describe: (e) => `Notes on ${e.subject ? quoted(e.subject) : "an agenda item"} ${e.before.notes ? "changed" : "written"} by ${e.actor}`,
  }),
  "paper.upload": defineAction({
    entity: "meeting_paper",
    label: "Paper added",
    before: null,
    after: z.strictObject({ meetingId: id, agendaItemId: id.nullable(), filename: text, size: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    describe: (e) => `Paper ${quoted(e.after.filename)} (${Math.max(1, Math.round(e.after.size / 1024))} KB, SHA-256 ${e.after.sha256.slice(0, 12)}…) added by ${e.actor}`,
  }),
  "paper.remove": defineAction({
    entity: "meeting_paper",
    label: "Paper removed",
    before: z.strictObject({ filename: text }),
    after: null,
    describe: (e) => `Paper ${quoted(e.before.filename)} removed by ${e.actor}`,
  }),
  "attendance.record": defineAction({
    entity: "meeting",
    label: "Attendance recorded",
    // Seat → "present", "apologies", "absent", or "deputy:<seat of the deputy>".
    before: z.record(id, text.nullable()),
    after: z.record(id, text.nullable()),
    describe: (e) => `Attendance at ${e.subject ?? "a meeting"} recorded by ${e.actor} for ${Object.keys(e.after).length} ${Object.keys(e.after).length === 1 ? "seat" : "seats"}`,
  }),
  "item_declaration.create": defineAction({
    entity: "item_declaration",
    label: "Interest declared on an item",
    before: null,
    after: z.strictObject({ id, agendaItemId: id, seatId: id, interest: text, recused: z.boolean() }),
    describe: (e) => `An interest declared on ${e.subject ? quoted(e.subject) : "an agenda item"}, recorded by ${e.actor}${e.after.recused ? "; the member left the discussion and vote" : ""}: ${e.after.interest}`,
  }),
  "minutes.update": defineAction({
    entity: "minutes",
    label: "Minutes drafted",
    before: z.strictObject({ summary: text.nullable() }),
    after: z.strictObject({ summary: text.nullable() }),
    describe: (e) => `The draft minutes of ${e.subject ?? "a meeting"} edited by ${e.actor}`,
  }),
  "minutes.circulate": defineAction({
    entity: "minutes",
    label: "Minutes circulated",
    before: z.strictObject({ status: z.literal("draft") }),
    after: z.strictObject({ status: z.literal("circulated") }),
    describe: (e) => `The draft minutes of ${e.subject ?? "a meeting"} circulated to the board by ${e.actor}`,
  }),
  "minutes.approve": defineAction({
    entity: "minutes",
    label: "Minutes approved",
    before: z.strictObject({ status: z.enum(["draft", "circulated"]) }),
    after: z.strictObject({ status: z.literal("approved"), decision: text }),
    describe: (e) => `The minutes of ${e.subject ?? "a meeting"} approved by decision ${e.after.decision} and locked; recorded by ${e.actor}`,
  }),
  "minutes.amend": defineAction({
    entity: "minutes",
    label: "Minutes amended",
    before: null,
    after: z.strictObject({ amendmentId: id, agendaItemId: id.nullable(), text }),
    describe: (e) => `An amendment to the approved minutes of ${e.subject ?? "a meeting"} recorded by ${e.actor}${because(e.reason)}`,
  }),
};

function mapTimes(v: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === "string" && /T\d\d:/.test(x) ? when(x) : x]));
}
