import { and, eq } from "drizzle-orm";
import { redirect, type AppLoadContext } from "react-router";
import { getDb } from "../../db/client";
import { partnershipRoles, partnerships } from "../../db/schema";
import { canManageOrganisationRecords, type Permission, permissionsFor } from "./permissions";
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
};

/** Whether the scope may manage records that belong to one organisation (see app/platform/permissions.ts). */
export function canManageForOrganisation(scope: PartnershipScope, organisationId: string): boolean {
  return canManageOrganisationRecords(scope.permissions, scope.grants, organisationId);
}

/**
 * The one permission check: every loader and action in a partnership calls
 * it before touching data, and uses the partnership it returns as the scope.
 * Not signed in: redirect to sign-in. Signed in without permission: 403.
 */
export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  partnershipSlug: string | undefined,
  permission: Permission,
): Promise<PartnershipScope> {
  const user = requireUser(request, context);
  const db = getDb();
  const [partnership] = await db.select().from(partnerships).where(eq(partnerships.slug, partnershipSlug ?? ""));
  if (!partnership) notFound("There is no partnership at this address.");
  const roleRows = await db
    .select({ role: partnershipRoles.role, organisationId: partnershipRoles.organisationId })
    .from(partnershipRoles)
    .where(and(eq(partnershipRoles.partnershipId, partnership.id), eq(partnershipRoles.userId, user.id)));
  const grants = roleRows.map((r) => ({ role: r.role as PartnershipRole, organisationId: r.organisationId }));
  const roles = grants.map((g) => g.role);
  // Young people never hold platform administration, whatever a row says.
  const granted = permissionsFor(roles, user.isPlatformAdmin && user.kind === "adult");
  if (!granted.has(permission)) forbidden();
  return { user, partnership, roles, permissions: granted, grants };
}

/** Like requirePermission, for pages open to holders of any one of several permissions. */
export async function requireAnyPermission(
  request: Request,
  context: AppLoadContext,
  partnershipSlug: string | undefined,
  anyOf: readonly Permission[],
): Promise<PartnershipScope> {
  const scope = await requirePermission(request, context, partnershipSlug, "partnership:view");
  if (!anyOf.some((p) => scope.permissions.has(p))) forbidden();
  return scope;
}
