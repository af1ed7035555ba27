import { describe, expect, it } from "vitest";
import { can, permissions, permissionsFor, roleMatrix } from "../../app/domain/permissions";
import { partnershipRoles } from "../../app/domain/vocabulary";

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
