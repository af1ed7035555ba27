import { describe, expect, it } from "vitest";
import { addDays, coversDate, daysBetween, formatDate, formatDateTime, isClockTime, isIsoDate, londonDate, londonTime, londonTimeToInstant } from "../../../app/platform/time/dates";

describe("addDays", () => {
  it("adds and subtracts days within a month", () => {
    expect(addDays("2026-03-10", 1)).toBe("2026-03-11");
    expect(addDays("2026-03-10", -1)).toBe("2026-03-09");
    expect(addDays("2026-03-10", 0)).toBe("2026-03-10");
  });

  it("agrees with the calendar for every day of four years, leap day included, forwards and back", () => {
    const reference = (iso: string, days: number) => {
      const [y, m, d] = iso.split("-").map(Number);
      return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    };
    let day = "2023-01-01";
    for (let i = 0; i < 4 * 366; i++) {
      for (const n of [1, -1, 29, -400, 1000]) expect(addDays(day, n), `${day} ${n}`).toBe(reference(day, n));
      day = reference(day, 1);
    }
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
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

const at = (iso: string) => new Date(iso);
/** Every `step` minutes from `from` (inclusive) to `to` (exclusive), as instants. */
function* every(step: number, from: string, to: string) {
  for (let t = Date.parse(from); t < Date.parse(to); t += step * 60_000) yield new Date(t);
}

describe("londonTime", () => {
  it("gives the time on London's clock: UTC in winter, an hour ahead in summer", () => {
    expect(londonTime(at("2026-01-15T09:05:00Z"))).toBe("09:05");
    expect(londonTime(at("2026-07-01T09:05:00Z"))).toBe("10:05");
  });

  it("writes midnight as 00:00 and the last minute of the day as 23:59", () => {
    expect(londonTime(at("2026-01-16T00:00:00Z"))).toBe("00:00");
    expect(londonTime(at("2026-07-01T23:00:00Z"))).toBe("00:00");
    expect(londonTime(at("2026-01-15T23:59:00Z"))).toBe("23:59");
    expect(londonTime(at("2026-07-01T22:59:00Z"))).toBe("23:59");
  });

  it("drops the seconds rather than rounding them", () => {
    expect(londonTime(at("2026-01-15T09:05:59.999Z"))).toBe("09:05");
    expect(londonTime(at("2026-01-15T23:59:59.999Z"))).toBe("23:59");
  });

  it("jumps from 00:59 to 02:00 when the clocks go forward on 29 March 2026", () => {
    expect(londonTime(at("2026-03-29T00:00:00Z"))).toBe("00:00");
    expect(londonTime(at("2026-03-29T00:59:00Z"))).toBe("00:59");
    expect(londonTime(at("2026-03-29T01:00:00Z"))).toBe("02:00");
    expect(londonTime(at("2026-03-29T09:00:00Z"))).toBe("10:00");
  });

  it("shows 01:00 to 01:59 twice when the clocks go back on 25 October 2026", () => {
    expect(londonTime(at("2026-10-24T23:59:00Z"))).toBe("00:59");
    expect(londonTime(at("2026-10-25T00:00:00Z"))).toBe("01:00");
    expect(londonTime(at("2026-10-25T00:30:00Z"))).toBe("01:30");
    expect(londonTime(at("2026-10-25T00:59:00Z"))).toBe("01:59");
    expect(londonTime(at("2026-10-25T01:00:00Z"))).toBe("01:00");
    expect(londonTime(at("2026-10-25T01:30:00Z"))).toBe("01:30");
    expect(londonTime(at("2026-10-25T02:00:00Z"))).toBe("02:00");
    expect(londonTime(at("2026-10-25T10:00:00Z"))).toBe("10:00");
  });
});

describe("londonTimeToInstant", () => {
  const instant = (date: string, time: string) => londonTimeToInstant(date, time).toISOString();

  it("reads a London time as UTC in winter and an hour earlier in UTC in summer", () => {
    expect(instant("2026-01-15", "09:00")).toBe("2026-01-15T09:00:00.000Z");
    expect(instant("2026-07-01", "09:00")).toBe("2026-07-01T08:00:00.000Z");
    expect(instant("2026-12-31", "14:30")).toBe("2026-12-31T14:30:00.000Z");
  });

  it("handles midnight and 23:59, including summer midnight falling on the previous UTC day", () => {
    expect(instant("2026-01-15", "00:00")).toBe("2026-01-15T00:00:00.000Z");
    expect(instant("2026-01-15", "23:59")).toBe("2026-01-15T23:59:00.000Z");
    expect(instant("2026-07-01", "00:00")).toBe("2026-06-30T23:00:00.000Z");
    expect(instant("2026-07-01", "23:59")).toBe("2026-07-01T22:59:00.000Z");
    expect(instant("2027-01-01", "00:00")).toBe("2027-01-01T00:00:00.000Z");
  });

  it("uses winter time the day before the clocks go forward and summer time the day after", () => {
    expect(instant("2026-03-28", "10:00")).toBe("2026-03-28T10:00:00.000Z");
    expect(instant("2026-03-28", "23:59")).toBe("2026-03-28T23:59:00.000Z");
    expect(instant("2026-03-30", "00:00")).toBe("2026-03-29T23:00:00.000Z");
    expect(instant("2026-03-30", "10:00")).toBe("2026-03-30T09:00:00.000Z");
  });

  it("on 29 March 2026, uses winter time before 01:00 and summer time from 02:00", () => {
    expect(instant("2026-03-29", "00:00")).toBe("2026-03-29T00:00:00.000Z");
    expect(instant("2026-03-29", "00:59")).toBe("2026-03-29T00:59:00.000Z");
    expect(instant("2026-03-29", "02:00")).toBe("2026-03-29T01:00:00.000Z");
    expect(instant("2026-03-29", "03:00")).toBe("2026-03-29T02:00:00.000Z");
    expect(instant("2026-03-29", "23:59")).toBe("2026-03-29T22:59:00.000Z");
  });

  it("moves a time in the skipped hour on 29 March 2026 to the same time on the summer clock", () => {
    expect(instant("2026-03-29", "01:30")).toBe("2026-03-29T01:30:00.000Z");
    expect(londonTime(londonTimeToInstant("2026-03-29", "01:30"))).toBe("02:30");
    expect(londonTime(londonTimeToInstant("2026-03-29", "01:00"))).toBe("02:00");
    expect(londonTime(londonTimeToInstant("2026-03-29", "01:59"))).toBe("02:59");
  });

  it("uses summer time the day before the clocks go back and winter time the day after", () => {
    expect(instant("2026-10-24", "10:00")).toBe("2026-10-24T09:00:00.000Z");
    expect(instant("2026-10-24", "23:59")).toBe("2026-10-24T22:59:00.000Z");
    expect(instant("2026-10-26", "00:00")).toBe("2026-10-26T00:00:00.000Z");
    expect(instant("2026-10-26", "10:00")).toBe("2026-10-26T10:00:00.000Z");
  });

  it("on 25 October 2026, uses summer time before 01:00 and winter time from 02:00", () => {
    expect(instant("2026-10-25", "00:00")).toBe("2026-10-24T23:00:00.000Z");
    expect(instant("2026-10-25", "00:59")).toBe("2026-10-24T23:59:00.000Z");
    expect(instant("2026-10-25", "02:00")).toBe("2026-10-25T02:00:00.000Z");
    expect(instant("2026-10-25", "10:00")).toBe("2026-10-25T10:00:00.000Z");
    expect(instant("2026-10-25", "23:59")).toBe("2026-10-25T23:59:00.000Z");
  });

  it("takes a time in the repeated hour on 25 October 2026 as its first occurrence, on summer time", () => {
    expect(instant("2026-10-25", "01:00")).toBe("2026-10-25T00:00:00.000Z");
    expect(instant("2026-10-25", "01:30")).toBe("2026-10-25T00:30:00.000Z");
    expect(instant("2026-10-25", "01:59")).toBe("2026-10-25T00:59:00.000Z");
  });

  it("makes a meeting that runs into the repeated hour last as long as the clock says", () => {
    const minutes = (date: string, from: string, to: string) => (londonTimeToInstant(date, to).getTime() - londonTimeToInstant(date, from).getTime()) / 60_000;
    expect(minutes("2026-10-25", "00:30", "01:30")).toBe(60);
    expect(minutes("2026-10-25", "00:59", "01:00")).toBe(1);
    expect(minutes("2026-10-25", "09:00", "10:00")).toBe(60);
    expect(minutes("2026-03-29", "09:00", "10:00")).toBe(60);
    expect(minutes("2026-03-29", "00:30", "02:30")).toBe(60); // the clock skips an hour
  });

  it("gives back the date and time it was given, every hour of 2026, except in the skipped hour", () => {
    const wrong: string[] = [];
    for (const moment of every(60, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")) {
      const [date, time] = moment.toISOString().slice(0, 16).split("T");
      if (date === "2026-03-29" && time.startsWith("01:")) continue;
      const back = londonTimeToInstant(date, time);
      if (londonDate(back) !== date || londonTime(back) !== time) wrong.push(`${date} ${time} came back as ${londonDate(back)} ${londonTime(back)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("gives back the instant of every London date and time, each minute around both clock changes, but the repeat of 01:00 to 01:59", () => {
    for (const [from, to] of [
      ["2026-03-28T22:00:00Z", "2026-03-29T04:00:00Z"],
      ["2026-10-24T22:00:00Z", "2026-10-25T04:00:00Z"],
    ])
      for (const moment of every(1, from, to)) {
        const back = londonTimeToInstant(londonDate(moment), londonTime(moment));
        const repeat = moment >= at("2026-10-25T01:00:00Z") && moment < at("2026-10-25T02:00:00Z");
        expect(back.toISOString(), moment.toISOString()).toBe(new Date(moment.getTime() - (repeat ? 3_600_000 : 0)).toISOString());
      }
  });
});

describe("isClockTime", () => {
  it("accepts times from 00:00 to 23:59 on the 24-hour clock", () => {
    for (const t of ["00:00", "00:01", "00:59", "09:00", "09:59", "10:00", "12:00", "19:59", "20:00", "23:00", "23:59"]) expect(isClockTime(t), t).toBe(true);
  });

  it("rejects hours and minutes past the end of the clock", () => {
    for (const t of ["24:00", "24:01", "25:00", "29:00", "30:00", "99:99", "12:60", "23:60", "00:99"]) expect(isClockTime(t), t).toBe(false);
  });

  it("rejects other ways of writing a time", () => {
    for (const t of ["9:00", "09:0", "9:5", "0900", "09.00", "09-00", "9", "", "09:00:00", " 09:00", "09:00 ", "09:00\n", "9am", "09:00am", "-1:00", "T09:00", "１２:００"])
      expect(isClockTime(t), JSON.stringify(t)).toBe(false);
  });
});
