import { date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { decisions } from "./decisions";
import { users } from "./identity";
import { agendaItems, meetings } from "./meetings";
import { organisations, partnerships } from "./partnerships";
import { risks } from "./risks";

// Actions and their updates.

export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    title: text("title").notNull(),
    description: text("description"),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: text("status").notNull(), // open | done | cancelled (overdue is worked out from the due date)
    completedOn: date("completed_on", { mode: "string" }),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    decisionId: uuid("decision_id").references(() => decisions.id),
    // Set when the action mitigates a risk on the register.
    riskId: uuid("risk_id").references(() => risks.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("actions_partnership_idx").on(t.partnershipId, t.status, t.dueDate),
    index("actions_owner_idx").on(t.ownerUserId, t.status),
    // A meeting's and a decision's pages list their own actions.
    index("actions_meeting_idx").on(t.meetingId),
    index("actions_decision_idx").on(t.decisionId),
    // A risk's page lists its mitigating actions.
    index("actions_risk_idx").on(t.riskId),
  ],
);

export const actionUpdates = pgTable(
  "action_updates",
  {
    id: uuid("id").primaryKey(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id),
    note: text("note").notNull(),
    statusTo: text("status_to"),
    madeBy: uuid("made_by").references(() => users.id),
    madeAt: createdAt(),
  },
  (t) => [index("action_updates_action_idx").on(t.actionId, t.madeAt)],
);
