import { customType, timestamp } from "drizzle-orm/pg-core";

// Column types shared by the schema files.

export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/** File contents stored in the database, so every instance serves the same papers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A text-search vector (PostgreSQL's tsvector), read back as its text form. */
export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});
