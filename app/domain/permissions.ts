import type { PartnershipRole } from "./vocabulary";

// The role matrix: which partnership roles grant which permissions. Pure data,
// used by the one guard (app/lib/guard.server.ts) on every loader and action.

export const permissions = [
  "partnership:view", // overview, partners, board register
  "audit:view", // the partnership's audit trail
  "member:invite", // invite a person to this partnership
  "participation:use", // the young people's participation portal
  "partnership:manage", // partnership details, partners, board seats, terms of reference, any declaration
  "board:manage_own_organisation", // deputies and declarations for the user's own organisation
] as const;
export type Permission = (typeof permissions)[number];

const adultRead: Permission[] = ["partnership:view", "audit:view"];

export const roleMatrix: Record<PartnershipRole, readonly Permission[]> = {
  chair: [...adultRead, "member:invite", "partnership:manage"],
  vice_chair: adultRead,
  board_member: adultRead,
  partner_rep: [...adultRead, "board:manage_own_organisation"],
  secretariat: [...adultRead, "partnership:manage"],
  participation_worker: adultRead,
  scrutiny_member: adultRead,
  observer: ["partnership:view"],
  // A young person's account reaches the participation portal and nothing else.
  young_person: ["participation:use"],
};

// Platform administrators hold every adult permission in every partnership;
// they are not young people and do not use the portal as one.
const adminPermissions: readonly Permission[] = permissions.filter((p) => p !== "participation:use");

export function permissionsFor(roles: readonly PartnershipRole[], isPlatformAdmin: boolean): Set<Permission> {
  const granted = new Set<Permission>(isPlatformAdmin ? adminPermissions : []);
  for (const role of roles) for (const p of roleMatrix[role]) granted.add(p);
  return granted;
}

export function can(roles: readonly PartnershipRole[], isPlatformAdmin: boolean, permission: Permission): boolean {
  return permissionsFor(roles, isPlatformAdmin).has(permission);
}

/**
 * Whether someone may manage records that belong to one organisation (its
 * deputies, its members' declarations): anyone who manages the partnership,
 * or a partner representative of that organisation.
 */
export function canManageOrganisationRecords(
  granted: ReadonlySet<Permission>,
  grants: readonly { role: PartnershipRole; organisationId: string | null }[],
  organisationId: string,
): boolean {
  if (granted.has("partnership:manage")) return true;
  if (!granted.has("board:manage_own_organisation")) return false;
  return grants.some((g) => g.role === "partner_rep" && g.organisationId === organisationId);
}
