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
  "participation:manage", // the partnership's young people: their places, codes and consents (participation workers only)
  "partnership:manage", // partnership details, partners, board seats, terms of reference, any declaration
  "board:manage_own_organisation", // deputies and declarations for the user's own organisation
  "meeting:manage", // meetings, agendas, papers, attendance, minutes
  "decision:propose", // put a decision forward for the board
  "decision:record", // record outcomes, votes, status changes and ratifications
  "action:manage", // create and change any action (owners and their partner's representatives update their own)
  "risk:manage", // the risk register: raise, change, close and transfer risks, their controls, mitigations and links, and the appetite
  "scrutiny:call_in", // call a decision in and sign a call-in (scrutiny members only)
  "scrutiny:challenge", // raise a formal question or challenge, follow it up and close it (scrutiny members only)
  "scrutiny:answer", // answer scrutiny's questions and challenges for the partnership
  "funding:manage", // the partnership's money: funding lines, commitments, actuals, joint bids and their outcomes
] as const;
export type Permission = (typeof permissions)[number];

/** What a person refused a permission reads: who may do it instead. */
export const permissionRefusals: Record<Permission, string> = {
  "partnership:view": "Your account has no role in this partnership.",
  "audit:view": "Observers cannot see the partnership's audit trail.",
  "member:invite": "Only the chair or a platform administrator can invite people to this partnership.",
  "participation:use": "This is the young people's participation portal.",
  "participation:manage": "Only the partnership's participation workers can see its young people.",
  "partnership:manage": "Only the chair or secretariat can change this.",
  "board:manage_own_organisation": "Only the chair, the secretariat or a partner's representative can change this.",
  "meeting:manage": "Only the chair or secretariat arrange meetings and record what happened at them.",
  "decision:propose": "Only board members, partner representatives, the chair and the secretariat can propose decisions.",
  "decision:record": "Only the chair or secretariat record outcomes, status changes and ratifications.",
  "action:manage": "Only the chair or secretariat can create and change any action.",
  "risk:manage": "Only the chair or secretariat manage the risk register and the partnership's risk appetite.",
  "scrutiny:call_in": "Only the partnership's scrutiny members can call a decision in.",
  "scrutiny:challenge": "Only the partnership's scrutiny members raise, follow up and close questions and challenges.",
  "scrutiny:answer": "Only the chair or secretariat answer scrutiny's questions and challenges.",
  "funding:manage": "Only the chair or secretariat record the partnership's funding: its lines, commitments, payments and joint bids.",
};

const adultRead: Permission[] = ["partnership:view", "audit:view"];
const runsMeetings: Permission[] = ["meeting:manage", "decision:propose", "decision:record", "action:manage"];

export const roleMatrix: Record<PartnershipRole, readonly Permission[]> = {
  chair: [...adultRead, "member:invite", "partnership:manage", ...runsMeetings, "risk:manage", "scrutiny:answer", "funding:manage"],
  vice_chair: [...adultRead, "decision:propose"],
  board_member: [...adultRead, "decision:propose"],
  partner_rep: [...adultRead, "board:manage_own_organisation", "decision:propose"],
  secretariat: [...adultRead, "partnership:manage", ...runsMeetings, "risk:manage", "scrutiny:answer", "funding:manage"],
  participation_worker: [...adultRead, "participation:manage"],
  scrutiny_member: [...adultRead, "scrutiny:call_in", "scrutiny:challenge"],
  observer: ["partnership:view"],
  // A young person's account reaches the participation portal and nothing else.
  young_person: ["participation:use"],
};

// Platform administrators hold every adult permission in every partnership
// but one: young people's records are for the partnership's participation
// workers alone. They are not young people and do not use the portal as one.
// Nor do they call decisions in or challenge the partnership: those are a
// scrutiny member's own acts.
const scrutinyOwnActs: readonly Permission[] = ["scrutiny:call_in", "scrutiny:challenge"];
const adminPermissions: readonly Permission[] = permissions.filter((p) => p !== "participation:use" && p !== "participation:manage" && !scrutinyOwnActs.includes(p));

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

// ------------------------------------------------------ permissions on records
// Some things depend on the record as well as the role: a partner
// representative changes their own organisation's deputies, an owner updates
// their own action. The guard finds who a record belongs to (its owner) and
// asks these rules; every refusal is a 403 with the message below.

/** Who a record belongs to: the partner organisations it is for, the person it is about or owned by, and whether it is a deputy's seat. */
export type RecordOwner = { organisationIds: readonly string[]; userId: string | null; deputy?: boolean };

export type Actor = {
  userId: string;
  granted: ReadonlySet<Permission>;
  grants: readonly { role: PartnershipRole; organisationId: string | null }[];
};

/** A manager of the partnership, or a partner representative of one of the organisations the record is for. */
const representsOwner = (a: Actor, o: RecordOwner) => o.organisationIds.some((id) => canManageOrganisationRecords(a.granted, a.grants, id));

export const recordPermissions = {
  "seat:create": {
    allows: (a: Actor, o: RecordOwner) => a.granted.has("partnership:manage") || (o.deputy === true && representsOwner(a, o)),
    refusal: "You can only add deputies for your own organisation.",
  },
  "seat:edit": {
    allows: (a: Actor, o: RecordOwner) => a.granted.has("partnership:manage") || (o.deputy === true && representsOwner(a, o)),
    refusal: "Only the chair or secretariat can change this seat; partner representatives can change their own organisation's deputies.",
  },
  "declaration:record": {
    // The register is of board members' interests: only for someone with a seat on the board now.
    allows: (a: Actor, o: RecordOwner) =>
      o.organisationIds.length > 0 && (a.granted.has("partnership:manage") || (o.userId === a.userId && a.granted.has("partnership:view")) || representsOwner(a, o)),
    refusal: "You can record declarations for yourself, or as a representative for members of your own organisation.",
  },
  "declaration:end": {
    allows: (a: Actor, o: RecordOwner) => a.granted.has("partnership:manage") || (o.userId === a.userId && a.granted.has("partnership:view")) || representsOwner(a, o),
    refusal: "You can only end your own declarations, or those of your organisation's members.",
  },
  "action:update": {
    allows: (a: Actor, o: RecordOwner) => a.granted.has("action:manage") || (o.userId === a.userId && a.granted.has("partnership:view")) || representsOwner(a, o),
    refusal: "Only the action's owner, their partner's representative, or the chair or secretariat can update it.",
  },
  "risk:review": {
    // Scrutiny members and observers only read; young people never reach the register.
    allows: (a: Actor, o: RecordOwner) =>
      a.granted.has("risk:manage") || (o.userId === a.userId && a.granted.has("partnership:view")) || o.organisationIds.some((id) => a.grants.some((g) => g.role === "partner_rep" && g.organisationId === id)),
    refusal: "Only the risk's owner, a representative of the partner that owns it, or the chair or secretariat can review this risk.",
  },
  "risk:change": {
    allows: (a: Actor) => a.granted.has("risk:manage"),
    refusal: "Only the chair or secretariat can change the risk register.",
  },
  "decision:edit": {
    allows: (a: Actor, o: RecordOwner) => a.granted.has("decision:record") || (a.granted.has("decision:propose") && o.userId === a.userId),
    refusal: "Only the person who proposed it, or the chair or secretariat, can change a proposal.",
  },
  "return:submit": {
    allows: (a: Actor, o: RecordOwner) => a.granted.has("partnership:manage") || representsOwner(a, o),
    refusal: "You can only submit returns for your own organisation.",
  },
  "return:name_responsible": {
    allows: (a: Actor, o: RecordOwner) => a.granted.has("partnership:manage") || representsOwner(a, o),
    refusal: "You can only name people for your own organisation.",
  },
} satisfies Record<string, { allows: (a: Actor, o: RecordOwner) => boolean; refusal: string }>;
export type RecordPermission = keyof typeof recordPermissions;

export function mayOnRecord(actor: Actor, permission: RecordPermission, owner: RecordOwner): boolean {
  return recordPermissions[permission].allows(actor, owner);
}
