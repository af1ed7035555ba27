import { and, eq } from "drizzle-orm";
import { redirect, type AppLoadContext } from "react-router";
import { getDb } from "../../db/client";
import { partnershipRoles, partnerships } from "../../db/schema";
import { mayOnRecord, type Permission, permissionRefusals, permissionsFor, recordPermissions, type RecordOwner, type RecordPermission } from "./permissions";
import { appToday } from "./clock.server";
import { recordOwner, type RecordRef } from "./record-owners.server";
import { oncePerRequest } from "./request-store.server";
import type { PartnershipRole } from "./permissions";
import type { SessionUser } from "./request-context";

export function forbidden(message = "You do not have permission to see this page."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "Page not found"): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

/** The signed-in user, or a redirect to sign in that comes back here. */
export function requireUser(request: Request, context: AppLoadContext): SessionUser {
  if (context.user) return context.user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(`/sign-in?redirectTo=${encodeURIComponent(back)}`);
}

/** A signed-in adult: young people are sent to the participation portal. */
export function requireAdult(request: Request, context: AppLoadContext): SessionUser {
  const user = requireUser(request, context);
  if (user.kind === "young_person") throw redirect("/portal");
  return user;
}

export function requirePlatformAdmin(request: Request, context: AppLoadContext): SessionUser {
  const user = requireAdult(request, context);
  if (!user.isPlatformAdmin) forbidden("Only platform administrators can do this.");
  return user;
}

export type PartnershipScope = {
  user: SessionUser;
  partnership: typeof partnerships.$inferSelect;
  roles: PartnershipRole[];
  permissions: Set<Permission>;
  /** Organisations the user acts for here, by role (e.g. the partner a representative speaks for). */
  grants: { role: PartnershipRole; organisationId: string | null }[];
  /** Whether the user may do something to a record with this owner (for pages deciding which forms to show). */
  canOn(permission: RecordPermission, owner: RecordOwner): boolean;
};

/**
 * The one permission check: every loader and action in a partnership calls
 * it before touching data, and uses the partnership it returns as the scope.
 * Given a record, it also decides by who the record belongs to (a partner
 * representative's own borough, an action's owner). Not signed in: redirect
 * to sign-in. No such partnership or record: 404. Not allowed: 403, with a
 * message that says who may.
 */
export async function requirePermission(request: Request, context: AppLoadContext, partnershipSlug: string | undefined, permission: Permission): Promise<PartnershipScope>;
export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  partnershipSlug: string | undefined,
  permission: RecordPermission,
  record: RecordRef,
): Promise<PartnershipScope & { owner: RecordOwner }>;
export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  partnershipSlug: string | undefined,
  permission: Permission | RecordPermission,
  record?: RecordRef,
): Promise<PartnershipScope> {
  const user = requireUser(request, context);
  const db = getDb();
  const { partnership, grants } = await membership(db, partnershipSlug ?? "", user.id);
  if (!partnership) notFound("There is no partnership at this address.");
  const scope = scopeFor(user, partnership, grants);
  if (!record) {
    if (!scope.permissions.has(permission as Permission)) forbidden(permissionRefusals[permission as Permission]);
    return scope;
  }
  // Nobody outside the partnership learns whether a record exists.
  if (!scope.permissions.has("partnership:view")) forbidden(permissionRefusals["partnership:view"]);
  const owner = await recordOwner(db, partnership.id, record, appToday());
  if (!owner) notFound("That record is not in this partnership.");
  if (!scope.canOn(permission as RecordPermission, owner)) forbidden(recordPermissions[permission as RecordPermission].refusal);
  return Object.assign(scope, { owner });
}

/** The partnership at an address and the roles a person holds in it: one query, shared by the layout's and the page's guard. */
function membership(db: ReturnType<typeof getDb>, slug: string, userId: string) {
  return oncePerRequest(`membership:${slug}:${userId}`, async () => {
    const rows = await db
      .select({ partnership: partnerships, role: partnershipRoles.role, organisationId: partnershipRoles.organisationId })
      .from(partnerships)
      .leftJoin(partnershipRoles, and(eq(partnershipRoles.partnershipId, partnerships.id), eq(partnershipRoles.userId, userId)))
      .where(eq(partnerships.slug, slug));
    return {
      partnership: rows[0]?.partnership,
      grants: rows.flatMap((r) => (r.role ? [{ role: r.role as PartnershipRole, organisationId: r.organisationId }] : [])),
    };
  });
}

/** The scope a person acts in within a partnership, from their roles there (the guard's, and the demo seed's). */
export function scopeFor(user: SessionUser, partnership: typeof partnerships.$inferSelect, grants: PartnershipScope["grants"]): PartnershipScope {
  // Young people never hold platform administration, whatever a row says.
  const granted = permissionsFor(
    grants.map((g) => g.role),
    user.isPlatformAdmin && user.kind === "adult",
  );
  const actor = { userId: user.id, granted, grants };
  return { user, partnership, roles: grants.map((g) => g.role), permissions: granted, grants, canOn: (p, owner) => mayOnRecord(actor, p, owner) };
}

/** Like requirePermission, for pages open to holders of any one of several permissions. */
export async function requireAnyPermission(
  request: Request,
  context: AppLoadContext,
  partnershipSlug: string | undefined,
  anyOf: readonly Permission[],
): Promise<PartnershipScope> {
  const scope = await requirePermission(request, context, partnershipSlug, "partnership:view");
  if (!anyOf.some((p) => scope.permissions.has(p))) forbidden(permissionRefusals[anyOf[0]]);
  return scope;
}
