import { describe, expect, it } from "vitest";
import {
  answersGrid,
  csvFieldValue,
  fieldKeyFrom,
  fieldSetFor,
  fieldsAcross,
  formatFieldValue,
  readFieldEditor,
  readFieldValue,
  readReturnValues,
  sparklinePath,
  typedValue,
  versionAppliesFrom,
  type ReturnField,
} from "../../../app/areas/obligations/rules/return-fields";

const field = (kind: ReturnField["kind"], more: Partial<ReturnField> = {}): ReturnField => ({ key: "f", label: "Spend", kind, required: true, unit: null, help: null, options: [], ...more });
const read = (kind: ReturnField["kind"], typed: string, more: Partial<ReturnField> = {}) => readFieldValue(field(kind, more), typed);

describe("reading a typed answer", () => {
  it("money becomes exact whole pence, with or without £ and commas", () => {
    expect(read("money", "£1,250.00")).toEqual({ ok: true, value: 125_000 });
    expect(read("money", "0.1")).toEqual({ ok: true, value: 10 });
    expect(read("money", "241050.07")).toEqual({ ok: true, value: 24_105_007 });
    // 0.1 + 0.2 style float errors cannot creep in: 19.99 is 1999 pence, not 1998.9999.
    expect(read("money", "19.99")).toEqual({ ok: true, value: 1999 });
    expect(read("money", "1964765")).toEqual({ ok: true, value: 196_476_500 });
  });

  it("money refuses what is not pounds and pence, saying so", () => {
    expect(read("money", "12.345")).toEqual({ ok: false, message: "Spend can have at most two decimal places (pence)" });
    expect(read("money", "-5")).toEqual({ ok: false, message: "Spend cannot be negative" });
    expect(read("money", "£")).toEqual({ ok: false, message: "Spend must be a number of pounds, like £1,250.00" });
    for (const bad of ["ten pounds", "1e6"]) expect(read("money", bad)).toEqual({ ok: false, message: "Spend must be a number of pounds, like £1,250.00, without letters or other symbols" });
    expect(read("money", "12..5")).toEqual({ ok: false, message: "Spend has more than one decimal point" });
    expect(read("money", "100000000001")).toEqual({ ok: false, message: "Spend is too large: at most £10,000,000,000.00" });
  });

  it("numbers, percentages, dates, yes/no, text and choices", () => {
    expect(read("number", "1,204")).toEqual({ ok: true, value: 1204 });
    expect(read("number", "3.5")).toEqual({ ok: true, value: 3.5 });
    expect(read("number", "-1")).toMatchObject({ ok: false, message: "Spend must be a number of 0 or more, like 12 or 3.5" });
    expect(read("percentage", "92.5%")).toEqual({ ok: true, value: 92.5 });
    expect(read("percentage", "101")).toMatchObject({ ok: false, message: "Spend must be a percentage from 0 to 100, like 85 or 12.5" });
    expect(read("date", "2026-02-30")).toMatchObject({ ok: false, message: "Spend must be a real date, for example 2026-04-01" });
    expect(read("date", "2026-02-28")).toEqual({ ok: true, value: "2026-02-28" });
    expect(read("yes_no", "yes")).toEqual({ ok: true, value: true });
    expect(read("yes_no", "no")).toEqual({ ok: true, value: false });
    expect(read("yes_no", "maybe")).toMatchObject({ ok: false, message: "Choose yes or no for spend" });
    expect(read("text", "x".repeat(501))).toMatchObject({ ok: false, message: "Spend must be 500 characters or fewer" });
    expect(read("choice", "Off track", { options: ["On track", "Off track"] })).toEqual({ ok: true, value: "Off track" });
    expect(read("choice", "Sideways", { options: ["On track", "Off track"] })).toMatchObject({ ok: false, message: "Choose spend from the list" });
    expect(read("number", "   ")).toEqual({ ok: true, value: null });
  });

  it("a return sent for review needs every required answer; a draft does not, but still refuses a wrong one", () => {
    const fields = [field("number", { key: "families", label: "Families supported" }), field("choice", { key: "rag", label: "Status", options: ["Green", "Red"] }), field("text", { key: "note", label: "Note", required: false })];
    const typed = (values: Record<string, string>) => (name: string) => values[name] ?? "";
    expect(readReturnValues(fields, typed({}), "submit")).toEqual({ ok: false, errors: { field_families: "Enter families supported", field_rag: "Choose status" } });
    expect(readReturnValues(fields, typed({}), "draft")).toEqual({ ok: true, values: {} });
    expect(readReturnValues(fields, typed({ field_families: "many" }), "draft")).toEqual({ ok: false, errors: { field_families: "Families supported must be a number of 0 or more, like 12 or 3.5" } });
    expect(readReturnValues(fields, typed({ field_families: "41", field_rag: "Red" }), "submit")).toEqual({ ok: true, values: { families: 41, rag: "Red" } });
  });
});

describe("showing answers", () => {
  it("as people read them, as a form shows them again, and in a spreadsheet", () => {
    expect(formatFieldValue(field("money"), 24_105_007)).toBe("£241,050.07");
    expect(formatFieldValue(field("percentage"), 92.5)).toBe("92.5%");
    expect(formatFieldValue(field("number", { unit: "families" }), 1204)).toBe("1,204 families");
    expect(formatFieldValue(field("date"), "2026-04-01")).toBe("1 April 2026");
    expect(formatFieldValue(field("yes_no"), false)).toBe("No");
    expect(formatFieldValue(field("number"), undefined)).toBe("");
    expect(typedValue(field("money"), 125_000)).toBe("1250.00");
    expect(typedValue(field("yes_no"), true)).toBe("yes");
    expect(csvFieldValue(field("money"), 24_105_007)).toBe("241050.07");
    expect(csvFieldValue(field("yes_no"), true)).toBe("Yes");
  });
});

describe("versions of the fields", () => {
  const quarters = [
    { key: "2026-06-30", start: "2026-04-01" },
    { key: "2026-09-30", start: "2026-07-01" },
    { key: "2026-12-31", start: "2026-10-01" },
    { key: "2027-03-31", start: "2027-01-01" },
  ];

  it("the first applies from the first period; a later one from the next period to begin", () => {
    expect(versionAppliesFrom(quarters, true, "2026-11-22")).toBe("2026-06-30");
    expect(versionAppliesFrom(quarters, false, "2026-11-22")).toBe("2027-03-31");
    expect(versionAppliesFrom(quarters, false, "2026-09-30")).toBe("2026-12-31");
    expect(versionAppliesFrom(quarters, false, "2027-01-01")).toBe(null);
  });

  it("a period is answered with the newest version in force for it", () => {
    const versions = [
      { number: 1, appliesFrom: "2026-06-30" },
      { number: 2, appliesFrom: "2027-03-31" },
      { number: 3, appliesFrom: "2027-03-31" },
    ];
    expect(fieldSetFor(versions, "2026-03-31")).toBe(null);
    expect(fieldSetFor(versions, "2026-12-31")?.number).toBe(1);
    expect(fieldSetFor(versions, "2027-03-31")?.number).toBe(3);
  });

  it("every field across versions once, named as the newest names it", () => {
    const v1 = { number: 1, fields: [field("number", { key: "a", label: "Old name" }), field("number", { key: "gone", label: "Gone" })] };
    const v2 = { number: 2, fields: [field("number", { key: "b", label: "New" }), field("number", { key: "a", label: "New name" })] };
    expect(fieldsAcross([v1, v2]).map((f) => `${f.key}:${f.label}`)).toEqual(["b:New", "a:New name", "gone:Gone"]);
  });
});

describe("the field editor", () => {
  const form = (values: Record<string, string>) => (name: string) => values[name] ?? "";

  it("keeps existing keys, makes new ones from labels, and drops rows with no label", () => {
    const read = readFieldEditor(form({ "label-0": "Families supported", "key-0": "families", "kind-0": "number", "required-0": "yes", "unit-0": "families", "label-2": "RAG status", "kind-2": "choice", "options-2": "Green\nAmber\n\nRed\nGreen" }), 3);
    expect(read).toEqual({
      ok: true,
      fields: [
        { key: "families", label: "Families supported", kind: "number", required: true, unit: "families", help: null, options: [] },
        { key: "rag_status", label: "RAG status", kind: "choice", required: false, unit: null, help: null, options: ["Green", "Amber", "Red"] },
      ],
    });
  });

  it("names each problem on its own row", () => {
    const read = readFieldEditor(form({ "label-0": "Status", "kind-0": "choice", "options-0": "Only one", "label-1": "status", "kind-1": "number", "label-2": "Other", "kind-2": "colour" }), 3);
    expect(read).toEqual({
      ok: false,
      errors: { "options-0": "Field 1: a choice needs at least two options, one per line", "label-1": "Field 2 has the same label as an earlier one", "kind-2": "Field 3: choose what kind of answer it takes" },
    });
  });

  it("keys are stable, safe and unique", () => {
    expect(fieldKeyFrom("Spend against the block contract (£)", new Set())).toBe("spend_against_the_block_contract");
    expect(fieldKeyFrom("20 miles", new Set())).toBe("f_20_miles");
    expect(fieldKeyFrom("Families", new Set(["families"]))).toBe("families_2");
    expect(fieldKeyFrom("£%!", new Set())).toBe("field");
  });
});

describe("the answers table", () => {
  it("a row per partner, a cell per period, blank where a return was not asked the field; the trend from the numbers", () => {
    const versions = [
      { id: "v1", number: 1, appliesFrom: "2026-06-30", fields: [field("number", { key: "families", label: "Families" })] },
      { id: "v2", number: 2, appliesFrom: "2026-12-31", fields: [field("number", { key: "families", label: "Families" }), field("money", { key: "spend", label: "Spend" })] },
    ];
    const periods = [{ key: "2026-09-30", label: "Q2" }, { key: "2026-12-31", label: "Q3" }];
    const grid = answersGrid(versions, [{ organisationId: "o1", name: "Newport" }], periods, [
      { organisationId: "o1", periodKey: "2026-09-30", status: "accepted", fieldSetId: "v1", figures: { families: 212, spend: 999 } },
      { organisationId: "o1", periodKey: "2026-12-31", status: "submitted", fieldSetId: "v2", figures: { families: 226, spend: 125_000 } },
    ]);
    expect(grid.map((g) => g.field.key)).toEqual(["families", "spend"]);
    expect(grid[0].rows[0].cells.map((c) => c.text)).toEqual(["212", "226"]);
    expect(grid[0].rows[0].trend).toEqual([212, 226]);
    // Version 1 did not ask for spend, so a stray value there is not shown.
    expect(grid[1].rows[0].cells.map((c) => c.text)).toEqual(["", "£1,250.00"]);
    expect(grid[1].rows[0].cells[1].awaitingReview).toBe(true);
  });

  it("the trend line skips gaps and needs two points", () => {
    expect(sparklinePath([5], 100, 20)).toBe(null);
    expect(sparklinePath([null, 5, null], 100, 20)).toBe(null);
    expect(sparklinePath([0, null, 10], 100, 20)).toBe("M2.0,18.0 L98.0,2.0");
    expect(sparklinePath([3, 3], 100, 20)).toBe("M2.0,10.0 L98.0,10.0");
  });
});

describe("the returns a person still has to send", () => {
  it("every begun period of the partners they act for that is not submitted or accepted; a return sent back included", async () => {
    const { returnsToSend } = await import("../../../app/areas/obligations/rules/obligations");
    const cell = (organisationId: string, start: string, status: "not_due" | "due_soon" | "overdue" | "submitted" | "accepted" | "returned") => ({ organisationId, status, period: { start } });
    const cells = [cell("bd", "2026-07-01", "accepted"), cell("bd", "2026-10-01", "not_due"), cell("bd", "2027-01-01", "not_due"), cell("nh", "2026-10-01", "overdue"), cell("bd", "2026-04-01", "returned"), cell("bd", "2026-01-01", "submitted")];
    const send = returnsToSend([{ organisationId: "bd" }], cells, "2026-11-22");
    expect(send.map((x) => `${x.cell.period.start} ${x.cell.status}`)).toEqual(["2026-10-01 not_due", "2026-04-01 returned"]);
    expect(returnsToSend([], cells, "2026-11-22")).toEqual([]);
  });
});
