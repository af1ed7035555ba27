// Access roles a user holds within one partnership (what they may do here),
// distinct from the board role they hold on the register.
export const partnershipRoles = [
  "chair",
  "vice_chair",
  "board_member",
  "partner_rep",
  "secretariat",
  "participation_worker",
  "young_person",
  "scrutiny_member",
  "observer",
] as const;
export type PartnershipRole = (typeof partnershipRoles)[number];
export const partnershipRoleLabels: Record<PartnershipRole, string> = {
  chair: "Chair",
  vice_chair: "Vice-chair",
  board_member: "Board member",
  partner_rep: "Partner representative",
  secretariat: "Secretariat",
  participation_worker: "Participation worker",
  young_person: "Young person",
  scrutiny_member: "Scrutiny member",
  observer: "Observer",
};

// The role matrix: which partnership roles grant which permissions. Pure data,
// used by the one guard (app/platform/guard.server.ts) on every loader and action.

export const permissions = [
  "partnership:view", // overview, partners, board register
  "audit:view", // the partnership's audit trail
  "member:invite", // invite a person to this partnership
  "participation:use", // the young people's participation portal
  "partnership:manage", // partnership details, partners, board seats, terms of reference, any declaration
  "board:manage_own_organisation", // deputies and declarations for the user's own organisation
  "meeting:manage", // meetings, agendas, papers, attendance, minutes
  "decision:propose", // put a decision forward for the board
  "decision:record", // record outcomes, votes, status changes and ratifications
  "action:manage", // create and change any action (owners and their partner's representatives update their own)
] as const;
export type Permission = (typeof permissions)[number];

const adultRead: Permission[] = ["partnership:view", "audit:view"];
const runsMeetings: Permission[] = ["meeting:manage", "decision:propose", "decision:record", "action:manage"];

export const roleMatrix: Record<PartnershipRole, readonly Permission[]> = {
  chair: [...adultRead, "member:invite", "partnership:manage", ...runsMeetings],
  vice_chair: [...adultRead, "decision:propose"],
  board_member: [...adultRead, "decision:propose"],
  partner_rep: [...adultRead, "board:manage_own_organisation", "decision:propose"],
  secretariat: [...adultRead, "partnership:manage", ...runsMeetings],
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
