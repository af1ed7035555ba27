import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { actionState } from "../../../app/areas/actions/rules";
import { csvField, toCsv, type CsvCell } from "../../../app/platform/text/csv";
import { addDays } from "../../../app/platform/time/dates";
import { actionStatuses } from "../../../app/areas/actions/rules";

const TODAY = "2026-11-22";

describe("actionState", () => {
  it("shows an open action due yesterday, or long ago, as overdue", () => {
    expect(actionState("open", addDays(TODAY, -1), TODAY)).toBe("overdue");
    expect(actionState("open", "2025-01-01", TODAY)).toBe("overdue");
  });

  it("does not show an open action due today or later as overdue", () => {
    expect(actionState("open", TODAY, TODAY)).toBe("open");
    expect(actionState("open", addDays(TODAY, 1), TODAY)).toBe("open");
    expect(actionState("open", "2027-06-30", TODAY)).toBe("open");
  });

  it("compares dates across month and year ends", () => {
    expect(actionState("open", "2026-12-31", "2027-01-01")).toBe("overdue");
    expect(actionState("open", "2027-01-01", "2026-12-31")).toBe("open");
    expect(actionState("open", "2026-02-28", "2026-03-01")).toBe("overdue");
    expect(actionState("open", "2026-10-01", "2026-09-30")).toBe("open");
  });

  it("never shows a done or cancelled action as overdue, whenever it was due", () => {
    for (const status of ["done", "cancelled"] as const)
      for (const due of ["2025-01-01", addDays(TODAY, -1), TODAY, addDays(TODAY, 1)]) expect(actionState(status, due, TODAY), `${status} ${due}`).toBe(status);
  });

  it("otherwise shows the action's own status", () => {
    for (const status of actionStatuses) expect(actionState(status, addDays(TODAY, 7), TODAY)).toBe(status);
  });
});

/** Reads a CSV back as a spreadsheet would, insisting that records end CRLF. */
const readBack = (csv: string): string[][] => parse(csv, { record_delimiter: "\r\n" });

/** One value written as a one-column CSV and read back. */
const roundTrip = (value: CsvCell) => readBack(toCsv(["Value"], [[value]]))[1][0];

describe("csvField", () => {
  it("writes plain text as it is", () => {
    expect(csvField("Award lot 2")).toBe("Award lot 2");
    expect(csvField("O'Neill")).toBe("O'Neill");
    expect(csvField("  spaced  ")).toBe("  spaced  ");
  });

  it("quotes a field with a comma, a double quote or a line break, doubling the quotes", () => {
    expect(csvField("Smith, Jones and Patel")).toBe('"Smith, Jones and Patel"');
    expect(csvField('He said "yes", then left')).toBe('"He said ""yes"", then left"');
    expect(csvField('"')).toBe('""""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("line\r\nbreak")).toBe('"line\r\nbreak"');
    expect(csvField("line\rbreak")).toBe('"line\rbreak"');
  });

  it("defuses formulas hidden behind spaces, non-breaking spaces and full-width signs", () => {
    expect(csvField(" =HYPERLINK(\"http://evil.example\")")).toBe('"\' =HYPERLINK(""http://evil.example"")"');
    expect(csvField("\u00a0+1+1")).toBe("'\u00a0+1+1");
    expect(csvField("  @SUM(A1)")).toBe("'  @SUM(A1)");
    expect(csvField("\uff1dSUM(A1)")).toBe("'\uff1dSUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("  spaced words")).toBe("  spaced words");
  });

  it("writes nothing for null, undefined and empty text", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField("")).toBe("");
  });

  it("writes numbers and booleans as they read, leaving negative numbers alone", () => {
    expect(csvField(0)).toBe("0");
    expect(csvField(42)).toBe("42");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(-0.25)).toBe("-0.25");
    expect(csvField(2_500_000)).toBe("2500000");
    expect(csvField(true)).toBe("true");
    expect(csvField(false)).toBe("false");
  });

  it("puts an apostrophe before text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+44 20 7946 0000")).toBe("'+44 20 7946 0000");
    expect(csvField("-5")).toBe("'-5");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
  });

  it("both defuses and quotes a formula that needs quoting", () => {
    expect(csvField('=HYPERLINK("http://evil.example","Click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csvField("\r=1+2")).toBe(`"'\r=1+2"`);
  });

  it("leaves those characters alone anywhere but at the start", () => {
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("5-3")).toBe("5-3");
    expect(csvField("chair@nelcp.example")).toBe("chair@nelcp.example");
    expect(csvField("Plan A + B")).toBe("Plan A + B");
  });
});

describe("toCsv", () => {
  it("writes a header and rows, every row ending CRLF", () => {
    expect(
      toCsv(
        ["Reference", "Title", "Votes for"],
        [
          ["NELCP-2026-001", "Award lot 2", 5],
          ["NELCP-2026-002", "Extend, then review", null],
        ],
      ),
    ).toBe('Reference,Title,Votes for\r\nNELCP-2026-001,Award lot 2,5\r\nNELCP-2026-002,"Extend, then review",\r\n');
  });

  it("writes just the header, ending CRLF, when there are no rows", () => {
    expect(toCsv(["Reference", "Title"], [])).toBe("Reference,Title\r\n");
  });

  it("keeps a line break inside a quoted field rather than starting a row", () => {
    expect(toCsv(["a", "b"], [["1", "line\nbreak"]])).toBe('a,b\r\n1,"line\nbreak"\r\n');
    expect(readBack(toCsv(["a", "b"], [["1", "line\r\nbreak"]]))).toEqual([
      ["a", "b"],
      ["1", "line\r\nbreak"],
    ]);
  });

  it("quotes header names like any other field", () => {
    expect(readBack(toCsv(["Financial implication, GBP", 'The "why"'], []))).toEqual([["Financial implication, GBP", 'The "why"']]);
  });

  it("reads back in a real CSV parser with the same rows and columns", () => {
    const header = ["Reference", "Title", "Votes for", "Quorate", "Rationale"];
    const rows: CsvCell[][] = [
      ["NELCP-2026-001", 'Quote "this", and a comma, please', 3, true, "First line\r\nSecond line"],
      ["NELCP-2026-002", "Ysgol Gymraeg – Môn’s “new” site 👍", 0, false, null],
      ["NELCP-2026-003", "", -2, undefined, "=SUM(A1:A9) looks like a formula"],
    ];
    expect(readBack(toCsv(header, rows))).toEqual([
      header,
      ["NELCP-2026-001", 'Quote "this", and a comma, please', "3", "true", "First line\r\nSecond line"],
      ["NELCP-2026-002", "Ysgol Gymraeg – Môn’s “new” site 👍", "0", "false", ""],
      ["NELCP-2026-003", "", "-2", "", "'=SUM(A1:A9) looks like a formula"],
    ]);
  });
});

describe("CSV round trips through a real parser", () => {
  it("returns text with commas, quotes and line breaks unchanged", () => {
    for (const text of [
      "plain",
      "Smith, Jones and Patel",
      ",",
      ",,",
      '"',
      '""',
      'The "Thames Gateway" consortium',
      '"Quoted at both ends"',
      "Windows\r\nline break",
      "Unix\nline break",
      "Old Mac\rline break",
      "ends with a break\r\n",
      "\nstarts with a break",
      "two\n\nparagraphs",
      "  leading and trailing spaces  ",
      "'already has an apostrophe",
    ])
      expect(roundTrip(text), JSON.stringify(text)).toBe(text);
  });

  it("returns text beyond ASCII unchanged", () => {
    for (const text of ["Môn & Gwynedd", "Newport–Barnardo's", "Zoë’s “quote”", "£1,250,000", "Łódź, Kraków", "日本語のテキスト", "👍🏽 agreed", "non\u00a0breaking"])
      expect(roundTrip(text), text).toBe(text);
  });

  it("returns empty, null and undefined as empty fields", () => {
    expect(readBack(toCsv(["a", "b", "c", "d"], [["", null, undefined, "x"]]))[1]).toEqual(["", "", "", "x"]);
    expect(readBack(toCsv(["a", "b"], [[null, null]]))[1]).toEqual(["", ""]);
  });

  it("returns numbers and booleans as their text", () => {
    for (const [value, text] of [
      [0, "0"],
      [7, "7"],
      [-5, "-5"],
      [3.5, "3.5"],
      [10_000_000_000, "10000000000"],
      [true, "true"],
      [false, "false"],
    ] as const)
      expect(roundTrip(value), String(value)).toBe(text);
  });

  it("returns formula-looking text with an apostrophe in front, and otherwise intact", () => {
    for (const text of ["=1+2", "+1", "-1", "@SUM(A1:A2)", "\t=1", "\r=1", '=HYPERLINK("http://evil.example","Click, here")', "-", "=", "+44 20 7946 0000"])
      expect(roundTrip(text), JSON.stringify(text)).toBe(`'${text}`);
  });
});
