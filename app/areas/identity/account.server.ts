import { eq } from "drizzle-orm";
import { appendAudit } from "../../audit/append.server";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import type { SessionUser } from "../../platform/request-context";

export async function getEmailPreferences(db: Db, userId: string) {
  const [row] = await db.select({ emailDigest: users.emailDigest }).from(users).where(eq(users.id, userId));
  return { emailDigest: row?.emailDigest ?? false };
}

/** Immediate or daily digest for non-urgent reminders; statutory reminders and escalations always go at once. */
export async function setEmailDigest(db: Db, user: SessionUser, digest: boolean) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ emailDigest: users.emailDigest }).from(users).where(eq(users.id, user.id));
    if (before.emailDigest === digest) return;
    await tx.update(users).set({ emailDigest: digest }).where(eq(users.id, user.id));
    await appendAudit(tx, { actorUserId: user.id, action: "user.email_preferences", entityId: user.id, before, after: { emailDigest: digest } });
  });
}
