import { describe, expect, it } from "vitest";
import { isAuditAction } from "../../../app/audit/catalogue";
import { auditFilterQuery, parseAuditFilters } from "../../../app/areas/scrutiny/rules/audit-filters";

const parse = (query: string) => parseAuditFilters(new URLSearchParams(query), isAuditAction);
const person = "0b5e3c1e-8a4f-4c8e-9a41-6f2f0f6d8c11";

describe("the audit trail explorer's filters", () => {
  it("keep every valid filter, trimmed, and ignore empty ones", () => {
    expect(parse(`type=risk&record=${person}&actor=${person}&action=risk.review&from=2026-01-01&to=2026-01-01&before=120&partner=`)).toEqual({
      filters: { type: "risk", record: person, actor: person, action: "risk.review", from: "2026-01-01", to: "2026-01-01", before: 120 },
      errors: {},
    });
    expect(parse("actor=platform&from=%202026-03-31%20")).toEqual({ filters: { actor: "platform", from: "2026-03-31" }, errors: {} });
    expect(parse("")).toEqual({ filters: {}, errors: {} });
  });

  it("name each wrong filter and leave it out, keeping the rest", () => {
    const { filters, errors } = parse("type=risk&action=risk.nothing&from=2026-02-29&to=2026-13-01&before=0&actor=bob&partner=x");
    expect(filters).toEqual({ type: "risk" });
    expect(errors).toEqual({
      action: "Choose an action from the list",
      from: "Enter a real date, for example 2026-03-31",
      to: "Enter a real date, for example 2026-03-31",
      before: "That page does not exist",
      actor: "Choose a person from the list",
      partner: "Choose a partner from the list",
    });
  });

  it("refuse a range that ends before it starts, at the boundary too", () => {
    expect(parse("from=2026-05-02&to=2026-05-01").errors).toEqual({ to: "The end date must be the same as or after the start date" });
    expect(parse("from=2026-05-02&to=2026-05-01").filters).toEqual({ from: "2026-05-02" });
    expect(parse("from=2026-05-01&to=2026-05-01").errors).toEqual({});
  });

  it("need the record's type with a record, and refuse ids that are not ids", () => {
    expect(parse(`record=${person}`)).toEqual({ filters: {}, errors: { record: "Choose the record type as well as the record" } });
    expect(parse("type=decision&record=1%27%20or%201%3D1").errors.record).toMatch(/letters, digits and hyphens only/);
    expect(parse(`type=decision&record=${"a".repeat(101)}`).errors.record).toBeDefined();
  });

  it("refuse pages that are not whole positive numbers", () => {
    for (const before of ["-1", "0", "1.5", "abc", "1e400"]) expect(parse(`before=${before}`).errors.before, before).toBe("That page does not exist");
    expect(parse("before=7").filters.before).toBe(7);
  });

  it("write the query back without the page, for the downloads and the next page", () => {
    expect(auditFilterQuery({ type: "risk", from: "2026-01-01", before: 40 })).toBe("type=risk&from=2026-01-01");
    expect(auditFilterQuery({}, { before: 9 })).toBe("before=9");
  });
});
