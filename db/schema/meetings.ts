import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt } from "./columns";
import { decisions } from "./decisions";
import { users } from "./identity";
import { partnerships } from "./partnerships";
import { boardSeats } from "./register";

// Meetings, agendas, papers, attendance, item declarations and minutes.

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    type: text("type").notNull(), // app/areas/meetings/rules/vocabulary.ts meetingTypes
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date" }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }).notNull(),
    location: text("location"),
    onlineLink: text("online_link"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true, mode: "date" }),
    cancelReason: text("cancel_reason"),
    // Incremented whenever the invitation changes, for calendar clients (RFC 5545 SEQUENCE).
    sequence: integer("sequence").notNull().default(0),
    // A meeting is a draft until the secretariat sends its invitations: then every change is sent as an
    // update (or a cancellation) from the same organiser, the person who sent them.
    invitationsSentAt: timestamp("invitations_sent_at", { withTimezone: true, mode: "date" }),
    invitationsSentBy: uuid("invitations_sent_by").references(() => users.id),
    // When the agenda and papers were published to those invited: they hear once.
    agendaPublishedAt: timestamp("agenda_published_at", { withTimezone: true, mode: "date" }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_partnership_idx").on(t.partnershipId, t.startsAt)],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    presenter: text("presenter"),
    purpose: text("purpose").notNull(), // decision | discussion | information
    description: text("description"),
    // What was said, for the minutes.
    notes: text("notes"),
    // Set when the item is a risk escalated to the board (risk_escalations
    // holds the rest); no foreign key here, so the meetings schema does not
    // depend on the risks schema.
    riskId: uuid("risk_id"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId, t.position)],
);

export const meetingPapers = pgTable(
  "meeting_papers",
  {
    id: uuid("id").primaryKey(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: createdAt(),
    removedAt: timestamp("removed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("meeting_papers_meeting_idx").on(t.meetingId)],
);

/** Who came: one row per seat on the board on the meeting's date. */
export const attendance = pgTable(
  "attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    seatId: uuid("seat_id")
      .notNull()
      .references(() => boardSeats.id),
    status: text("status").notNull(), // present | apologies | absent | deputy
    deputySeatId: uuid("deputy_seat_id").references(() => boardSeats.id),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.seatId] })],
);

/** An interest declared on an agenda item; a recusal takes the member out of that item's quorum and vote. */
export const itemDeclarations = pgTable(
  "item_declarations",
  {
    id: uuid("id").primaryKey(),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id),
    seatId: uuid("seat_id")
      .notNull()
      .references(() => boardSeats.id),
    interest: text("interest").notNull(),
    recused: boolean("recused").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("item_declarations_key").on(t.agendaItemId, t.seatId)],
);

export const minutes = pgTable("minutes", {
  meetingId: uuid("meeting_id")
    .primaryKey()
    .references(() => meetings.id),
  status: text("status").notNull(), // draft | circulated | approved
  summary: text("summary"),
  circulatedAt: timestamp("circulated_at", { withTimezone: true, mode: "date" }),
  approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
  approvedByDecisionId: uuid("approved_by_decision_id").references(() => decisions.id),
  // Once approved, the minutes as they were approved: later changes to the record do not alter them.
  lockedContent: jsonb("locked_content"),
  version: integer("version").notNull().default(1),
});

/** A correction to approved minutes, shown beside the original. */
export const minuteAmendments = pgTable(
  "minute_amendments",
  {
    id: uuid("id").primaryKey(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    text: text("text").notNull(),
    reason: text("reason").notNull(),
    madeBy: uuid("made_by").references(() => users.id),
    madeAt: createdAt(),
  },
  (t) => [index("minute_amendments_meeting_idx").on(t.meetingId)],
);
