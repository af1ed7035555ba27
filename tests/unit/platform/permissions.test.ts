import { describe, expect, it } from "vitest";
import { can, canManageOrganisationRecords, mayOnRecord, permissions, permissionsFor, roleMatrix } from "../../../app/platform/permissions";
import { partnershipRoles, type PartnershipRole } from "../../../app/platform/permissions";

describe("role matrix", () => {
  it("gives a young person the participation portal and nothing else", () => {
    expect([...permissionsFor(["young_person"], false)]).toEqual(["participation:use"]);
  });

  it("lets every adult role see the partnership, but only the chair invite people", () => {
    for (const role of partnershipRoles.filter((r) => r !== "young_person")) {
      expect(can([role], false, "partnership:view"), role).toBe(true);
      expect(can([role], false, "member:invite"), role).toBe(role === "chair");
    }
  });

  it("keeps the audit trail from observers", () => {
    expect(can(["observer"], false, "audit:view")).toBe(false);
    expect(can(["scrutiny_member"], false, "audit:view")).toBe(true);
  });

  it("gives platform administrators every adult permission without any role", () => {
    const granted = permissionsFor([], true);
    expect(granted.has("member:invite")).toBe(true);
    expect(granted.has("partnership:view")).toBe(true);
    expect(granted.has("participation:use")).toBe(false);
  });

  it("grants nothing to someone with no role", () => {
    expect(permissionsFor([], false).size).toBe(0);
  });

  it("combines permissions from several roles", () => {
    expect(permissionsFor(["observer", "chair"], false).has("member:invite")).toBe(true);
  });

  it("only names permissions that exist", () => {
    for (const granted of Object.values(roleMatrix)) for (const p of granted) expect(permissions).toContain(p);
  });
});

describe("managing the partnership and organisations' records", () => {
  it("lets only the chair and the secretariat manage the partnership", () => {
    for (const role of partnershipRoles) expect(can([role], false, "partnership:manage"), role).toBe(role === "chair" || role === "secretariat");
  });

  it("lets only partner representatives manage their own organisation's board records", () => {
    for (const role of partnershipRoles) expect(can([role], false, "board:manage_own_organisation"), role).toBe(role === "partner_rep");
  });

  it("still gives a young person nothing but the participation portal", () => {
    expect(can(["young_person"], false, "partnership:manage")).toBe(false);
    expect(can(["young_person"], false, "board:manage_own_organisation")).toBe(false);
    expect([...permissionsFor(["young_person"], false)]).toEqual(["participation:use"]);
  });

  it("gives platform administrators the power to manage any partnership", () => {
    expect(can([], true, "partnership:manage")).toBe(true);
  });

  const council = "org-council";
  const trust = "org-trust";
  const mayManage = (roles: { role: PartnershipRole; organisationId: string | null }[], organisationId: string, isPlatformAdmin = false) =>
    canManageOrganisationRecords(
      permissionsFor(
        roles.map((g) => g.role),
        isPlatformAdmin,
      ),
      roles,
      organisationId,
    );

  it("lets the chair and the secretariat manage any organisation's records", () => {
    for (const role of ["chair", "secretariat"] as const) {
      expect(mayManage([{ role, organisationId: null }], council), role).toBe(true);
      expect(mayManage([{ role, organisationId: council }], trust), role).toBe(true);
    }
  });

  it("lets a partner representative manage their own organisation's records and no other's", () => {
    expect(mayManage([{ role: "partner_rep", organisationId: council }], council)).toBe(true);
    expect(mayManage([{ role: "partner_rep", organisationId: council }], trust)).toBe(false);
  });

  it("does not let a partner representative with no organisation manage anyone's records", () => {
    expect(mayManage([{ role: "partner_rep", organisationId: null }], council)).toBe(false);
  });

  it("lets someone who represents two organisations manage both", () => {
    const grants = [
      { role: "partner_rep" as const, organisationId: council },
      { role: "partner_rep" as const, organisationId: trust },
    ];
    expect(mayManage(grants, council)).toBe(true);
    expect(mayManage(grants, trust)).toBe(true);
    expect(mayManage(grants, "org-other")).toBe(false);
  });

  it("does not let other roles manage an organisation's records, even one they are linked to", () => {
    for (const role of partnershipRoles.filter((r) => !["chair", "secretariat", "partner_rep"].includes(r)))
      expect(mayManage([{ role, organisationId: council }], council), role).toBe(false);
  });

  it("does not treat another role's link to an organisation as a partner representative's", () => {
    // A board member for the council who is partner representative for the trust manages only the trust's records.
    const grants = [
      { role: "board_member" as const, organisationId: council },
      { role: "partner_rep" as const, organisationId: trust },
    ];
    expect(mayManage(grants, council)).toBe(false);
    expect(mayManage(grants, trust)).toBe(true);
  });

  it("requires the permission as well as the grant", () => {
    // A grant on its own, without the permission it brings, is not enough.
    expect(canManageOrganisationRecords(new Set(["partnership:view"]), [{ role: "partner_rep", organisationId: council }], council)).toBe(false);
  });

  it("lets platform administrators manage any organisation's records", () => {
    expect(mayManage([], council, true)).toBe(true);
  });
});

describe("the risk register", () => {
  const council = "org-council";
  const trust = "org-trust";
  const risk = { organisationIds: [council], userId: "owner" };
  const actor = (userId: string, grants: { role: PartnershipRole; organisationId: string | null }[], isPlatformAdmin = false) => ({
    userId,
    granted: permissionsFor(
      grants.map((g) => g.role),
      isPlatformAdmin,
    ),
    grants,
  });

  it("lets only the chair and the secretariat manage the register and its appetite", () => {
    for (const role of partnershipRoles) expect(can([role], false, "risk:manage"), role).toBe(role === "chair" || role === "secretariat");
    expect(can([], true, "risk:manage")).toBe(true);
  });

  it("lets only the chair and the secretariat change the partnership's money; every adult here reads it", () => {
    for (const role of partnershipRoles) expect(can([role], false, "funding:manage"), role).toBe(role === "chair" || role === "secretariat");
    expect(can([], true, "funding:manage")).toBe(true);
    for (const role of partnershipRoles) expect(can([role], false, "partnership:view"), role).toBe(role !== "young_person");
  });

  it("lets a risk's owner, their partner's representative and the managers review it, and nobody else", () => {
    expect(mayOnRecord(actor("owner", [{ role: "board_member", organisationId: council }]), "risk:review", risk)).toBe(true);
    expect(mayOnRecord(actor("rep", [{ role: "partner_rep", organisationId: council }]), "risk:review", risk)).toBe(true);
    expect(mayOnRecord(actor("rep", [{ role: "partner_rep", organisationId: trust }]), "risk:review", risk)).toBe(false);
    expect(mayOnRecord(actor("member", [{ role: "board_member", organisationId: council }]), "risk:review", risk)).toBe(false);
    for (const role of ["chair", "secretariat"] as const) expect(mayOnRecord(actor("x", [{ role, organisationId: null }]), "risk:review", risk), role).toBe(true);
    for (const role of ["vice_chair", "observer", "scrutiny_member", "participation_worker", "young_person"] as const)
      expect(mayOnRecord(actor("x", [{ role, organisationId: council }]), "risk:review", risk), role).toBe(false);
    expect(mayOnRecord(actor("admin", [], true), "risk:review", risk)).toBe(true);
  });

  it("keeps a young person who somehow owned a risk from reviewing it", () => {
    expect(mayOnRecord(actor("owner", [{ role: "young_person", organisationId: null }]), "risk:review", risk)).toBe(false);
  });

  it("lets only the managers change a risk, even its owner's partner's representative", () => {
    expect(mayOnRecord(actor("rep", [{ role: "partner_rep", organisationId: council }]), "risk:change", risk)).toBe(false);
    expect(mayOnRecord(actor("owner", [{ role: "board_member", organisationId: council }]), "risk:change", risk)).toBe(false);
    expect(mayOnRecord(actor("x", [{ role: "secretariat", organisationId: null }]), "risk:change", risk)).toBe(true);
  });
});
