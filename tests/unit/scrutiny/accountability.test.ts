import { describe, expect, it } from "vitest";
import { accountabilityPeriod, actionsByPartner, attendanceByPartner, percent } from "../../../app/areas/scrutiny/rules/accountability";

const meetings = [
  { id: "m1", date: "2026-01-15" },
  { id: "m2", date: "2026-03-12" },
  { id: "m3", date: "2026-05-14" },
  { id: "m4", date: "2026-07-09" },
];
const partner = (organisationId: string, joinedOn = "2017-09-01", leftOn: string | null = null) => ({ organisationId, name: organisationId, joinedOn, leftOn });

describe("attendance by partner", () => {
  it("counts a meeting as attended when any seat of the partner was present or filled by a deputy", () => {
    const rows = attendanceByPartner(
      meetings,
      [
        { meetingId: "m1", organisationId: "Havering", status: "present" },
        { meetingId: "m2", organisationId: "Havering", status: "deputy" },
        { meetingId: "m3", organisationId: "Havering", status: "apologies" },
        { meetingId: "m4", organisationId: "Havering", status: "absent" },
        { meetingId: "m4", organisationId: "Havering", status: "present" }, // a second seat of the same partner
        { meetingId: "m1", organisationId: "Tower Hamlets", status: "apologies" },
        { meetingId: "m2", organisationId: "Tower Hamlets", status: "present" },
      ],
      [partner("Havering"), partner("Tower Hamlets")],
    );
    expect(rows).toEqual([
      { organisationId: "Tower Hamlets", name: "Tower Hamlets", held: 4, attended: 1, attendedSenior: 0, rate: 0.25, belowHalf: true },
      { organisationId: "Havering", name: "Havering", held: 4, attended: 3, attendedSenior: 0, rate: 0.75, belowHalf: false },
    ]);
  });

  it("is below half only under 50%: exactly half is not", () => {
    const rows = attendanceByPartner(meetings, [{ meetingId: "m1", organisationId: "A", status: "present" }, { meetingId: "m2", organisationId: "A", status: "present" }], [partner("A")]);
    expect(rows[0]).toMatchObject({ attended: 2, held: 4, rate: 0.5, belowHalf: false });
  });

  it("counts only the meetings held while the organisation was a partner, including the days it joined and left", () => {
    const rows = attendanceByPartner(meetings, [{ meetingId: "m3", organisationId: "New", status: "present" }], [partner("New", "2026-05-14"), partner("Gone", "2017-01-01", "2026-01-15"), partner("Later", "2027-01-01")]);
    expect(rows.map((r) => [r.name, r.held, r.attended, r.rate])).toEqual([
      ["Gone", 1, 0, 0],
      ["New", 2, 1, 0.5],
      ["Later", 0, 0, null],
    ]);
    expect(rows[2].belowHalf).toBe(false);
  });

  it("reads as a whole percentage", () => {
    expect(percent(2 / 3)).toBe("67%");
    expect(percent(0)).toBe("0%");
    expect(percent(null)).toBe("No meetings");
  });
});

describe("the dashboard's period", () => {
  const period = (query: string) => accountabilityPeriod(new URLSearchParams(query), "2026-11-22");

  it("is the twelve months to today unless chosen", () => {
    expect(period("")).toEqual({ from: "2025-11-23", to: "2026-11-22", errors: {} });
    expect(period("from=2026-01-01&to=2026-06-30")).toEqual({ from: "2026-01-01", to: "2026-06-30", errors: {} });
    expect(period("to=2026-06-30")).toEqual({ from: "2025-07-01", to: "2026-06-30", errors: {} });
  });

  it("names a wrong date and keeps the default in its place", () => {
    expect(period("from=2026-02-30")).toEqual({ from: "2025-11-23", to: "2026-11-22", errors: { from: "Enter a real date, for example 2026-03-31" } });
    expect(period("to=yesterday").errors).toEqual({ to: "Enter a real date, for example 2026-03-31" });
  });

  it("refuses a start after its end, but takes a single day", () => {
    expect(period("from=2026-07-01&to=2026-06-30")).toEqual({ from: "2025-07-01", to: "2026-06-30", errors: { from: "The start of the period must be on or before its end" } });
    expect(period("from=2026-06-30&to=2026-06-30").errors).toEqual({});
  });
});

describe("actions by partner", () => {
  it("gives every partner a row (zero where none were due), actions of no partner their own, the most overdue first, and totals that add up", () => {
    const rows = [
      { organisationId: "a", due: 4, doneOnTime: 2, doneLate: 1, overdue: 1, openNotDue: 0 },
      { organisationId: "b", due: 3, doneOnTime: 0, doneLate: 0, overdue: 3, openNotDue: 0 },
      { organisationId: null, due: 2, doneOnTime: 1, doneLate: 0, overdue: 0, openNotDue: 1 },
    ];
    const { rows: shown, total } = actionsByPartner(rows, [
      { organisationId: "a", name: "Alpha" },
      { organisationId: "b", name: "Beta" },
      { organisationId: "c", name: "Gamma" },
    ]);
    expect(shown.map((r) => [r.name, r.due, r.overdue])).toEqual([
      ["Beta", 3, 3],
      ["Alpha", 4, 1],
      ["Gamma", 0, 0],
      ["No partner named", 2, 0],
    ]);
    expect(total).toEqual({ due: 9, doneOnTime: 3, doneLate: 1, overdue: 4, openNotDue: 1 });
  });
});

describe("attendance by someone senior enough", () => {
  it("counts only the meetings the partner attended at which its attendee met the terms' seniority", () => {
    const marks = [
      { meetingId: "m1", organisationId: "a", status: "present" },
      { meetingId: "m2", organisationId: "a", status: "deputy" },
      { meetingId: "m3", organisationId: "a", status: "apologies" },
    ];
    // m3's entry in the set is ignored: the partner was not there.
    const [row] = attendanceByPartner(meetings, marks, [partner("a")], new Set(["m1:a", "m3:a"]));
    expect(row).toMatchObject({ held: 4, attended: 2, attendedSenior: 1 });
  });
});
