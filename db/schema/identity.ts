import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organisations, partnerships } from "./partnerships";

// People, sessions, emailed links, sign-in limits and access roles.

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    jobTitle: text("job_title"),
    // "adult" or "young_person": a young person's account can only reach the
    // participation portal, and holds no more than a display name and email.
    kind: text("kind").notNull().default("adult"),
    passwordHash: text("password_hash"),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    // Bumped to revoke the secret address of the person's calendar feed.
    // Non-urgent reminders one at a time, or gathered into a daily digest.
    emailDigest: boolean("email_digest").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    // hex SHA-256 of the token the browser holds; the token itself is never stored
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    // When the session was last used: one left idle longer than SESSION_IDLE_HOURS ends.
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// Single-use emailed links: invitations and password resets.
export const userTokens = pgTable(
  "user_tokens",
  {
    id: text("id").primaryKey(), // hex SHA-256 of the emailed token
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(), // "invitation" | "password_reset"
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("user_tokens_user_idx").on(t.userId)],
);

// Fixed-window counters for sign-in attempts, keyed by account or by client
// address, kept in the database so the limit holds across instances.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
  count: integer("count").notNull(),
  // For sign-in throttles: when the latest failure of the streak was.
  lastAt: timestamp("last_at", { withTimezone: true, mode: "date" }),
});

// What a user may do within a partnership (see app/platform/permissions.ts).
export const partnershipRoles = pgTable(
  "partnership_roles",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("partnership_roles_key").on(t.partnershipId, t.userId, t.role),
    index("partnership_roles_user_idx").on(t.userId),
  ],
);

// A person's calendar feed address: a random token, stored only as its
// SHA-256, one per person, shown once when created and revocable.
export const calendarFeeds = pgTable("calendar_feeds", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});
