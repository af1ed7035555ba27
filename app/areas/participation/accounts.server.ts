import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "../../../db/client";
import { partnerships } from "../../../db/schema";
import { participationConsents, participationPolicies, portalCodes, portalSessions, youngPeople } from "../../../db/schema/participation";
import { appendAudit } from "../../audit/append.server";
import { readOncePerRequest } from "../../platform/request-store.server";
import { generateToken, hashToken, hmacHex } from "../../platform/crypto.server";
import { env } from "../../platform/env.server";
import type { PartnershipScope } from "../../platform/guard.server";
import { uuidv7 } from "../../platform/ids";
import { optionalDate, versionField } from "../../platform/forms";
import { conflict, fail, ok, refuse, transact, type WriteResult } from "../../platform/write-result";
import { clearRateLimit, countRateLimitHit, hashPassword, recordFailure, SIGN_IN_THROTTLE, throttleWait, verifyPassword } from "../identity/public.server";
import {
  ageBands,
  CODE_LENGTH,
  CODE_LIFETIME_DAYS,
  bandsUpTo,
  codeFromBytes,
  DEFAULT_UPPER_AGE,
  codeSchema,
  displayNameSchema,
  passphraseSchema,
  PORTAL_IDLE_MINUTES,
  PORTAL_SESSION_HOURS,
  type AgeBand,
  type YoungPersonStatus,
} from "./rules/accounts";
import { DEFAULT_ADULT_CONSENT_UNDER, type ConsentGiver, type ConsentScope } from "./rules/consent";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./rules/suppression";

// Young people's portal accounts: places added by participation workers,
// single-use codes, joining, signing in, and the portal's own sessions.

export type YoungPersonRow = typeof youngPeople.$inferSelect;

/** The partnership's participation policy, or the defaults if it has not set one (read once per request: a dashboard's figures each ask). */
export async function participationPolicy(db: Queryable, partnershipId: string) {
  const [row] = await readOncePerRequest(db, `participation-policy:${partnershipId}`, async () =>
    db.select().from(participationPolicies).where(eq(participationPolicies.partnershipId, partnershipId)),
  );
  return {
    adultConsentUnder: row?.adultConsentUnder ?? DEFAULT_ADULT_CONSENT_UNDER,
    suppressionThreshold: row?.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    upperAge: row?.upperAge ?? DEFAULT_UPPER_AGE,
    safeguardingLeadUserId: row?.safeguardingLeadUserId ?? null,
  };
}

// ------------------------------------------------------------------ codes

function newCode() {
  // Twice the bytes needed: rejection sampling discards a few.
  const bytes = new Uint8Array(CODE_LENGTH * 2);
  crypto.getRandomValues(bytes);
  return codeFromBytes(bytes);
}

/** A new single-use code for a young person; any earlier unused code stops working. */
async function issueCode(tx: Tx, youngPersonId: string, createdBy: string, now: Date) {
  await tx.delete(portalCodes).where(and(eq(portalCodes.youngPersonId, youngPersonId), isNull(portalCodes.usedAt)));
  const code = newCode();
  const expiresAt = new Date(now.getTime() + CODE_LIFETIME_DAYS * 86_400_000);
  await tx.insert(portalCodes).values({ codeHash: hashToken(code), youngPersonId, expiresAt, createdBy });
  return { code, expiresAt };
}

const closesOnField = optionalDate("The date their account closes");

export const addYoungPersonSchema = z.object({
  ageBand: z.enum(ageBands, { error: "Choose the young person's age band" }),
  closesOn: closesOnField,
});

/** Why a closing date cannot be used, or null. It must be later than today: an account closing today would close before they could use it. */
function closesOnProblem(closesOn: string | null, today: string) {
  return closesOn && closesOn <= today ? "The date their account closes must be after today" : null;
}

/**
 * A participation worker adds a young person's place and gets the code to hand
 * over. The code is returned beside the write's result, never stored in it
 * (a repeated form gets the first result back, without the code).
 */
export async function addYoungPerson(db: Db, scope: PartnershipScope, input: z.output<typeof addYoungPersonSchema>, today: string, now = new Date()) {
  let issued: { code: string; expiresAt: Date } | null = null;
  const result = await transact(db, async (tx) => {
    const policy = await participationPolicy(tx, scope.partnership.id);
    if (!bandsUpTo(policy.upperAge).includes(input.ageBand)) return fail("ageBand", `This partnership's policy is for young people up to ${policy.upperAge}: choose a younger age band`);
    const late = closesOnProblem(input.closesOn, today);
    if (late) return fail("closesOn", late);
    const id = uuidv7(now.getTime());
    await tx.insert(youngPeople).values({ id, partnershipId: scope.partnership.id, ageBand: input.ageBand, closesOn: input.closesOn, createdBy: scope.user.id });
    issued = await issueCode(tx, id, scope.user.id, now);
    await appendAudit(tx, { action: "young_person.place_added", actorUserId: scope.user.id, entityId: id, partnershipId: scope.partnership.id, after: { ageBand: input.ageBand, ...(input.closesOn ? { closesOn: input.closesOn } : {}) } });
    await appendAudit(tx, { action: "young_person.code_issued", actorUserId: scope.user.id, entityId: id, partnershipId: scope.partnership.id, after: { expiresAt: issued.expiresAt.toISOString() } });
    return ok({ youngPersonId: id });
  });
  return { result, issued: result.ok ? (issued as { code: string; expiresAt: Date } | null) : null };
}

/** A new code for a young person who has lost theirs or forgotten their passphrase: it also signs them out everywhere. */
export async function resetAccess(db: Db, scope: PartnershipScope, youngPersonId: string, now = new Date()) {
  let issued: { code: string; expiresAt: Date } | null = null;
  const result = await transact(db, async (tx) => {
    const [person] = await tx
      .select({ status: youngPeople.status })
      .from(youngPeople)
      .where(and(eq(youngPeople.id, youngPersonId), eq(youngPeople.partnershipId, scope.partnership.id)))
      .for("update");
    if (!person) return fail("form", "That young person is not in this partnership.");
    if (person.status === "closed" || person.status === "erased") return fail("form", "This account is closed: it cannot be given a new code.");
    await tx.delete(portalSessions).where(eq(portalSessions.youngPersonId, youngPersonId));
    issued = await issueCode(tx, youngPersonId, scope.user.id, now);
    await appendAudit(tx, { action: "young_person.code_issued", actorUserId: scope.user.id, entityId: youngPersonId, partnershipId: scope.partnership.id, after: { expiresAt: issued.expiresAt.toISOString() } });
    return ok({ youngPersonId });
  });
  return { result, issued: result.ok ? (issued as { code: string; expiresAt: Date } | null) : null };
}

export const closingDateSchema = z.object({ closesOn: closesOnField, version: versionField });

/** The worker records (or clears) when the account closes because they reach the upper age; a stale form is a conflict. */
export async function setClosingDate(db: Db, scope: PartnershipScope, youngPersonId: string, input: z.output<typeof closingDateSchema>, today: string) {
  const late = closesOnProblem(input.closesOn, today);
  if (late) return fail("closesOn", late);
  return transact(db, async (tx) => {
    const [person] = await tx
      .select({ status: youngPeople.status, closesOn: youngPeople.closesOn, version: youngPeople.version })
      .from(youngPeople)
      .where(and(eq(youngPeople.id, youngPersonId), eq(youngPeople.partnershipId, scope.partnership.id)))
      .for("update");
    if (!person || person.status === "erased") return fail("form", "That young person is not in this partnership.");
    if (person.status === "closed") return fail("form", "This account is already closed.");
    if (person.version !== input.version) refuse(conflict("young person"));
    if (person.closesOn === input.closesOn) return ok(null);
    await tx
      .update(youngPeople)
      .set({ closesOn: input.closesOn, version: sql`${youngPeople.version} + 1` })
      .where(eq(youngPeople.id, youngPersonId));
    await appendAudit(tx, { action: "young_person.closing_date_set", actorUserId: scope.user.id, entityId: youngPersonId, partnershipId: scope.partnership.id, before: { closesOn: person.closesOn }, after: { closesOn: input.closesOn } });
    return ok(null);
  });
}

// ------------------------------------------------------------------ joining

export const joinSchema = z.object({
  code: codeSchema,
  displayName: displayNameSchema,
  passphrase: passphraseSchema,
});

/** Redeeming codes: each address may try this many in a quarter of an hour, right or wrong. */
export const REDEEM_LIMIT = { max: 10, windowMs: 15 * 60 * 1000 };

const clientKey = (purpose: string, address: string) => `${purpose}:client:${hmacHex(env().SESSION_SECRET, address)}`;

export type PortalSignedIn = { ok: true; token: string; expiresAt: Date; youngPersonId: string };
export type PortalRefused = { ok: false; field: string; message: string };

/**
 * A young person redeems their code: choosing (or, after a reset, keeping or
 * changing) their display name and a passphrase. One use per code; expired
 * or unknown codes are refused with the same words; attempts are limited per address.
 */
export async function redeemCode(db: Db, input: z.output<typeof joinSchema>, address: string, now = new Date()): Promise<PortalSignedIn | PortalRefused> {
  const attempts = await countRateLimitHit(db, clientKey("portal-code", address), REDEEM_LIMIT, now);
  if (attempts > REDEEM_LIMIT.max) return { ok: false, field: "code", message: "Too many codes have been tried from here. Wait 15 minutes, then try again" };
  const passphraseHash = await hashPassword(input.passphrase);
  const result: WriteResult<{ youngPersonId: string; partnershipId: string; rejoined: boolean }> = await transact(db, async (tx) => {
    const [found] = await tx
      .select({ code: portalCodes, person: youngPeople })
      .from(portalCodes)
      .innerJoin(youngPeople, eq(youngPeople.id, portalCodes.youngPersonId))
      .where(eq(portalCodes.codeHash, hashToken(input.code)))
      .for("update");
    const unusable = "That code does not work. It may have been used already or be more than 14 days old. Ask your participation worker for a new one";
    if (!found || found.code.usedAt || found.code.expiresAt <= now) return fail("code", unusable);
    const person = found.person;
    if (person.status === "closed" || person.status === "erased") return fail("code", unusable);
    const [taken] = await tx
      .select({ id: youngPeople.id })
      .from(youngPeople)
      .where(and(sql`lower(${youngPeople.displayName}) = ${input.displayName.toLowerCase()}`, sql`${youngPeople.id} <> ${person.id}`));
    if (taken) return fail("displayName", "Someone already uses that name. Try adding a number or another word");
    await tx.update(portalCodes).set({ usedAt: now }).where(eq(portalCodes.codeHash, found.code.codeHash));
    await tx
      .update(youngPeople)
      .set({ displayName: input.displayName, passphraseHash, status: "active", joinedAt: person.joinedAt ?? now, version: sql`${youngPeople.version} + 1` })
      .where(eq(youngPeople.id, person.id));
    const rejoined = person.status === "active";
    await appendAudit(tx, { action: rejoined ? "young_person.access_reset" : "young_person.joined", actorUserId: null, entityId: person.id, partnershipId: person.partnershipId });
    return ok({ youngPersonId: person.id, partnershipId: person.partnershipId, rejoined });
  });
  if (!result.ok) {
    if (result.field === "displayName") return { ok: false, field: "displayName", message: result.message };
    return { ok: false, field: result.field === "form" ? "code" : result.field, message: result.message };
  }
  const session = await createPortalSession(db, result.value.youngPersonId, now);
  return { ok: true, ...session, youngPersonId: result.value.youngPersonId };
}

// ------------------------------------------------------------------ signing in

export const portalSignInSchema = z.object({
  displayName: z.string({ error: "Enter your portal name" }).trim().min(1, { error: "Enter your portal name" }).max(40, { error: "Enter your portal name" }),
  passphrase: z.string({ error: "Enter your passphrase" }).min(1, { error: "Enter your passphrase" }).max(200, { error: "Enter your passphrase" }),
});

let dummyHash: Promise<string> | undefined;

/** Signs a young person in with their display name and passphrase; failures slow further tries, per name and per address. */
export async function signInYoungPerson(db: Db, input: z.output<typeof portalSignInSchema>, address: string, now = new Date()): Promise<PortalSignedIn | PortalRefused> {
  const nameKey = `portal-sign-in:name:${hmacHex(env().SESSION_SECRET, input.displayName.toLowerCase())}`;
  const addressKey = clientKey("portal-sign-in", address);
  const wait = Math.max(await throttleWait(db, nameKey, SIGN_IN_THROTTLE.account, now), await throttleWait(db, addressKey, SIGN_IN_THROTTLE.address, now));
  if (wait > 0) return { ok: false, field: "displayName", message: `Too many tries. Wait ${Math.ceil(wait / 60_000)} minute${wait > 60_000 ? "s" : ""}, then try again` };
  const [person] = await db
    .select({ id: youngPeople.id, passphraseHash: youngPeople.passphraseHash, status: youngPeople.status })
    .from(youngPeople)
    .where(sql`lower(${youngPeople.displayName}) = ${input.displayName.toLowerCase()}`);
  const usable = person?.passphraseHash && person.status === "active";
  dummyHash ??= hashPassword("not-a-real-passphrase");
  const matches = await verifyPassword(usable ? person.passphraseHash! : await dummyHash, input.passphrase);
  if (!usable || !matches) {
    await recordFailure(db, nameKey, SIGN_IN_THROTTLE.account, now);
    await recordFailure(db, addressKey, SIGN_IN_THROTTLE.address, now);
    return { ok: false, field: "displayName", message: "That name and passphrase do not match. Check them, or ask your participation worker for a new code" };
  }
  await clearRateLimit(db, nameKey);
  const session = await createPortalSession(db, person.id, now);
  return { ok: true, ...session, youngPersonId: person.id };
}

// ------------------------------------------------------------------ sessions

export const PORTAL_COOKIE = "portal_session";

async function createPortalSession(db: Queryable, youngPersonId: string, now: Date) {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + PORTAL_SESSION_HOURS * 3_600_000);
  await db.insert(portalSessions).values({ id: hashToken(token), youngPersonId, expiresAt, lastUsedAt: now });
  return { token, expiresAt };
}

export type PortalPerson = { id: string; sessionId: string; displayName: string; ageBand: AgeBand; status: YoungPersonStatus; partnershipId: string; closesOn: string | null };

/** The young person a portal session token belongs to, or null (unknown, expired, idle too long, or the account is not active). */
export async function validatePortalSession(db: Queryable, token: string, now = new Date()): Promise<PortalPerson | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({ session: portalSessions, person: youngPeople })
    .from(portalSessions)
    .innerJoin(youngPeople, eq(youngPeople.id, portalSessions.youngPersonId))
    .where(eq(portalSessions.id, id));
  if (!row) return null;
  const idle = now.getTime() - row.session.lastUsedAt.getTime() > PORTAL_IDLE_MINUTES * 60_000;
  if (now >= row.session.expiresAt || idle || row.person.status !== "active" || !row.person.displayName) {
    await db.delete(portalSessions).where(eq(portalSessions.id, id));
    return null;
  }
  if (now.getTime() - row.session.lastUsedAt.getTime() > 60_000) await db.update(portalSessions).set({ lastUsedAt: now }).where(eq(portalSessions.id, id));
  return { id: row.person.id, sessionId: id, displayName: row.person.displayName, ageBand: row.person.ageBand as AgeBand, status: row.person.status as YoungPersonStatus, partnershipId: row.person.partnershipId, closesOn: row.person.closesOn };
}

export async function endPortalSession(db: Queryable, sessionId: string) {
  await db.delete(portalSessions).where(eq(portalSessions.id, sessionId));
}

function secure() {
  const e = env();
  return e.APP_ENV === "production" || e.APP_URL.startsWith("https://");
}

/**
 * The portal's cookie. Path=/ and not /portal: the router fetches a page's
 * data from /portal.data, which a cookie scoped to /portal would miss.
 */
export function portalCookie(token: string, expiresAt: Date) {
  return [`${PORTAL_COOKIE}=${token}`, "HttpOnly", "SameSite=Lax", "Path=/", `Expires=${expiresAt.toUTCString()}`, ...(secure() ? ["Secure"] : [])].join("; ");
}

export function blankPortalCookie() {
  return [`${PORTAL_COOKIE}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0", ...(secure() ? ["Secure"] : [])].join("; ");
}

export function readPortalToken(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === PORTAL_COOKIE) return rest.join("=") || null;
  }
  return null;
}

/** The partnership a young person takes part in (its name and address, for messages about them). */
export async function partnershipOfPerson(db: Queryable, person: PortalPerson) {
  const [row] = await db.select({ slug: partnerships.slug, name: partnerships.name }).from(partnerships).where(eq(partnerships.id, person.partnershipId));
  return row;
}

// ------------------------------------------------------------------ workers' view

/** The partnership's young people, for its participation workers: display names only, never more. */
export async function listYoungPeople(db: Queryable, partnershipId: string) {
  const people = await db
    .select({ id: youngPeople.id, displayName: youngPeople.displayName, ageBand: youngPeople.ageBand, status: youngPeople.status, createdAt: youngPeople.createdAt, joinedAt: youngPeople.joinedAt })
    .from(youngPeople)
    .where(and(eq(youngPeople.partnershipId, partnershipId), sql`${youngPeople.status} <> 'erased'`))
    .orderBy(asc(youngPeople.createdAt));
  const consents = people.length
    ? await db
        .select({ youngPersonId: participationConsents.youngPersonId, scope: participationConsents.scope, givenBy: participationConsents.givenBy })
        .from(participationConsents)
        .innerJoin(youngPeople, eq(youngPeople.id, participationConsents.youngPersonId))
        .where(and(eq(youngPeople.partnershipId, partnershipId), isNull(participationConsents.withdrawnAt)))
    : [];
  return people.map((p) => ({
    ...p,
    ageBand: p.ageBand as AgeBand,
    status: p.status as YoungPersonStatus,
    consents: consents.filter((c) => c.youngPersonId === p.id).map((c) => ({ scope: c.scope as ConsentScope, givenBy: c.givenBy as ConsentGiver })),
  }));
}

/** One young person of this partnership (404 for the route if absent). */
export async function getYoungPerson(db: Queryable, partnershipId: string, youngPersonId: string) {
  if (!z.uuid().safeParse(youngPersonId).success) return null;
  const [person] = await db
    .select()
    .from(youngPeople)
    .where(and(eq(youngPeople.id, youngPersonId), eq(youngPeople.partnershipId, partnershipId)));
  if (!person || person.status === "erased") return null;
  const [code] = await db
    .select({ expiresAt: portalCodes.expiresAt })
    .from(portalCodes)
    .where(and(eq(portalCodes.youngPersonId, youngPersonId), isNull(portalCodes.usedAt), gt(portalCodes.expiresAt, new Date())));
  return { ...person, ageBand: person.ageBand as AgeBand, status: person.status as YoungPersonStatus, codeExpiresAt: code?.expiresAt ?? null };
}

