import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditEvents, boardSeats, partnerships, users } from "../../db/schema";
import type { HttpClient } from "./server";

/** The hidden row version a form was rendered with (see VersionField). */
export async function formVersion(client: HttpClient, path: string): Promise<string> {
  const res = await client.get(path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  const match = (await res.text()).match(/name="version" value="(\d+)"/);
  if (!match) throw new Error(`No version field on ${path}`);
  return match[1];
}

export async function partnershipId(db: Db, slug: string) {
  const [p] = await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, slug));
  return p.id;
}

export async function userId(db: Db, email: string) {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return u.id;
}

/** A person's seats in a partnership, latest term first. */
export async function seatsOf(db: Db, slug: string, email: string) {
  return db
    .select()
    .from(boardSeats)
    .where(and(eq(boardSeats.partnershipId, await partnershipId(db, slug)), eq(boardSeats.userId, await userId(db, email))))
    .orderBy(desc(boardSeats.termStart));
}

/** The latest audit event about a record. */
export async function lastAuditOf(db: Db, entityId: string) {
  const [event] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(desc(auditEvents.occurredAt), desc(auditEvents.seq)).limit(1);
  return event;
}
