import { describe, expect, it } from "vitest";
import { addDays, coversDate, daysBetween, formatDate, formatDateTime, isIsoDate, londonDate } from "../../app/domain/dates";

describe("addDays", () => {
  it("adds and subtracts days within a month", () => {
    expect(addDays("2026-03-10", 1)).toBe("2026-03-11");
    expect(addDays("2026-03-10", -1)).toBe("2026-03-09");
    expect(addDays("2026-03-10", 0)).toBe("2026-03-10");
  });

  it("crosses month ends of 30 and 31 days", () => {
    expect(addDays("2026-04-30", 1)).toBe("2026-05-01");
    expect(addDays("2026-05-31", 1)).toBe("2026-06-01");
    expect(addDays("2026-05-01", -1)).toBe("2026-04-30");
    expect(addDays("2026-03-10", 60)).toBe("2026-05-09");
  });

  it("crosses the year end both ways", () => {
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2025-11-15", 60)).toBe("2026-01-14");
  });

  it("knows February has 29 days in leap years and 28 otherwise", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2023-03-01", -1)).toBe("2023-02-28");
  });

  it("follows the century rules: 2000 was a leap year, 2100 will not be", () => {
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
  });

  it("adds a whole year of days, counting a leap day", () => {
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
    expect(addDays("2025-01-01", 365)).toBe("2026-01-01");
  });

  it("is not thrown by the clocks changing in London", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
  });
});

describe("daysBetween", () => {
  it("counts whole days forward and backward", () => {
    expect(daysBetween("2026-03-10", "2026-03-10")).toBe(0);
    expect(daysBetween("2026-03-10", "2026-03-11")).toBe(1);
    expect(daysBetween("2026-03-11", "2026-03-10")).toBe(-1);
    expect(daysBetween("2026-03-10", "2026-05-09")).toBe(60);
  });

  it("counts across leap days, year ends and clock changes", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });

  it("undoes addDays", () => {
    for (const n of [-400, -61, -1, 0, 1, 59, 60, 61, 365, 366, 1000]) expect(daysBetween("2024-02-29", addDays("2024-02-29", n)), `${n}`).toBe(n);
  });
});

describe("coversDate", () => {
  it("includes the first and last days of a term", () => {
    expect(coversDate("2026-01-01", "2026-12-31", "2026-01-01")).toBe(true);
    expect(coversDate("2026-01-01", "2026-12-31", "2026-12-31")).toBe(true);
    expect(coversDate("2026-01-01", "2026-12-31", "2026-06-15")).toBe(true);
  });

  it("excludes the day before the start and the day after the end", () => {
    expect(coversDate("2026-01-01", "2026-12-31", "2025-12-31")).toBe(false);
    expect(coversDate("2026-01-01", "2026-12-31", "2027-01-01")).toBe(false);
  });

  it("treats a term with no end as running on indefinitely, from its start", () => {
    expect(coversDate("2026-01-01", null, "2099-12-31")).toBe(true);
    expect(coversDate("2026-01-01", null, "2025-12-31")).toBe(false);
  });

  it("covers a one-day term on that day only", () => {
    expect(coversDate("2026-03-10", "2026-03-10", "2026-03-10")).toBe(true);
    expect(coversDate("2026-03-10", "2026-03-10", "2026-03-09")).toBe(false);
    expect(coversDate("2026-03-10", "2026-03-10", "2026-03-11")).toBe(false);
  });
});

describe("isIsoDate", () => {
  it("accepts real dates, including 29 February in a leap year", () => {
    for (const d of ["2026-03-10", "2024-02-29", "2000-02-29", "2026-12-31", "2026-01-01", "2026-04-30"]) expect(isIsoDate(d), d).toBe(true);
  });

  it("rejects dates that do not exist", () => {
    for (const d of ["2026-02-30", "2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32"])
      expect(isIsoDate(d), d).toBe(false);
  });

  it("rejects other ways of writing a date", () => {
    for (const d of ["", "2026-3-10", "2026-03-1", "26-03-10", "10/03/2026", "2026/03/10", "20260310", " 2026-03-10", "2026-03-10 ", "2026-03-10T00:00", "2026-03-1a", "+2026-03-10"])
      expect(isIsoDate(d), JSON.stringify(d)).toBe(false);
  });
});

describe("formatDate", () => {
  it("writes a date as people read it in the UK", () => {
    expect(formatDate("2025-04-01")).toBe("1 April 2025");
    expect(formatDate("2026-12-31")).toBe("31 December 2026");
    expect(formatDate("2024-02-29")).toBe("29 February 2024");
  });

  it("writes nothing for a missing date", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
    expect(formatDate("")).toBe("");
  });
});

describe("londonDate and formatDateTime", () => {
  it("gives the date in London, which runs an hour ahead of UTC in summer", () => {
    expect(londonDate(new Date("2026-07-01T22:59:00Z"))).toBe("2026-07-01");
    expect(londonDate(new Date("2026-07-01T23:00:00Z"))).toBe("2026-07-02");
    expect(londonDate(new Date("2026-01-01T23:59:00Z"))).toBe("2026-01-01");
    expect(londonDate(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01");
  });

  it("writes a moment in London time", () => {
    expect(formatDateTime(new Date("2026-03-03T14:05:00Z"))).toBe("3 March 2026 at 14:05");
    expect(formatDateTime("2026-07-01T23:30:00Z")).toBe("2 July 2026 at 00:30");
    expect(formatDateTime(null)).toBe("");
  });
});
