import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";

// What the platform keeps for itself, outside any area's records.

// The one-time key each rendered form carries, stored in the transaction of
// the write it caused, with that write's result: a repeated submission of the
// same form gets the first result back instead of writing again.
export const formSubmissions = pgTable(
  "form_submissions",
  {
    /** SHA-256 of the person, the form's address and intent, and the key the form was rendered with. */
    key: text("key").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    result: jsonb("result"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("form_submissions_created_idx").on(t.createdAt)],
);
