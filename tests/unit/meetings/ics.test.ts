import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { londonTimeToInstant } from "../../../app/platform/time/dates";
import { buildCalendar, icsFileName, type IcsMeeting } from "../../../app/areas/meetings/rules/ics";
import { escapeText, foldLine } from "../../../app/platform/text/ics";

const generatedAt = new Date("2026-11-22T12:34:56.789Z");

function meeting(overrides: Partial<IcsMeeting> = {}): IcsMeeting {
  return {
    id: "4f0c8a52-3b1e-4d7a-9a57-0d2f6f2b9c11",
    type: "board",
    title: "Board meeting",
    startsAt: new Date("2026-03-12T10:00:00Z"),
    endsAt: new Date("2026-03-12T12:00:00Z"),
    location: "Havering Town Hall, Romford",
    onlineLink: null,
    cancelledAt: null,
    sequence: 0,
    partnershipShortName: "NELCP",
    url: "https://governance.example.org/p/nelcp/meetings/4f0c8a52-3b1e-4d7a-9a57-0d2f6f2b9c11",
    ...overrides,
  };
}

/** Parses with ical.js, the independent RFC 5545 parser. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((c) => ({ component: c, event: new ICAL.Event(c) }));
  return { calendar, events };
}

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("buildCalendar", () => {
  it("writes a VCALENDAR with the fixed header fields and CRLF line endings", () => {
    const ics = buildCalendar([meeting()], { generatedAt });
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Partnership governance//EN");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(events).toHaveLength(1);
  });

  it("writes each event's fields so a parser reads them back", () => {
    const m = meeting({ onlineLink: "https://teams.example/join/abc?x=1,2;3", sequence: 3 });
    const { events } = parse(buildCalendar([m], { generatedAt }));
    const { event, component } = events[0];
    expect(event.uid).toBe("4f0c8a52-3b1e-4d7a-9a57-0d2f6f2b9c11@partnership-governance");
    expect(event.summary).toBe("NELCP: Board meeting");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-12T10:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-03-12T12:00:00.000Z");
    expect(event.startDate.zone.tzid).toBe("UTC");
    expect(event.sequence).toBe(3);
    expect(event.location).toBe("Havering Town Hall, Romford (or join online: https://teams.example/join/abc?x=1,2;3)");
    expect(event.description).toBe(
      [
        "Board meeting of NELCP.",
        "Join online: https://teams.example/join/abc?x=1,2;3",
        `Agenda, papers and minutes: ${m.url}`,
      ].join("\n"),
    );
    expect(component.getFirstPropertyValue("url")).toBe(m.url);
    expect(component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    const stamp = component.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe("2026-11-22T12:34:56.000Z");
  });

  it("uses the online link alone as the location when there is no place", () => {
    const { events } = parse(buildCalendar([meeting({ location: null, onlineLink: "https://meet.example/x" })], { generatedAt }));
    expect(events[0].event.location).toBe("https://meet.example/x");
    const none = parse(buildCalendar([meeting({ location: "  ", onlineLink: null })], { generatedAt }));
    expect(none.events[0].component.hasProperty("location")).toBe(false);
  });

  it("escapes commas, semicolons, backslashes, newlines and keeps non-ASCII text intact", () => {
    const title = "Barnardo's Cymru – adolygiad; budget, risks\\issues\nand next steps ✓ 🗓";
    const { events } = parse(
      buildCalendar([meeting({ title, partnershipShortName: "Newport, Barnardo's", location: "Room 1; Civic Centre\r\nNewport" })], { generatedAt }),
    );
    expect(events[0].event.summary).toBe(`Newport, Barnardo's: ${title}`);
    expect(events[0].event.location).toBe("Room 1; Civic Centre\nNewport");
  });

  it("folds long lines at 75 octets without splitting a multi-byte character", () => {
    const title = `Adolygiad blynyddol – ${"gwasanaethau plant a theuluoedd – ".repeat(4)}€€€ 🗓🗓🗓 diwedd`;
    const longPlace = `${"Ystafell gyfarfod – ".repeat(12)}Casnewydd`;
    const ics = buildCalendar([meeting({ title, location: longPlace, onlineLink: `https://teams.example/${"a".repeat(150)}` })], { generatedAt });
    const lines = ics.split("\r\n");
    expect(lines.some((l) => l.startsWith(" "))).toBe(true); // something was folded
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own: no character was cut in half.
      const bytes = Buffer.from(line, "utf8");
      expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe(line);
    }
    const { events } = parse(ics);
    expect(events[0].event.summary).toBe(`NELCP: ${title}`);
    expect(events[0].event.location).toContain(longPlace);
    expect(events[0].event.description).toContain(`https://teams.example/${"a".repeat(150)}`);
  });

  it("marks a cancelled meeting CANCELLED and says so in the description", () => {
    const { events } = parse(
      buildCalendar([meeting({ cancelledAt: new Date("2026-03-01T09:00:00Z"), cancelReason: "Not quorate", sequence: 2 })], { generatedAt }),
    );
    expect(events[0].component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events[0].event.sequence).toBe(2);
    expect(events[0].event.description).toContain("This meeting has been cancelled. Not quorate");
  });

  it("round-trips London times either side of the March clock change", () => {
    const after = londonTimeToInstant("2026-03-30", "10:00"); // British Summer Time
    const before = londonTimeToInstant("2026-03-27", "10:00"); // Greenwich Mean Time
    const ics = buildCalendar(
      [
        meeting({ id: "a", startsAt: after, endsAt: londonTimeToInstant("2026-03-30", "11:30") }),
        meeting({ id: "b", startsAt: before, endsAt: londonTimeToInstant("2026-03-27", "11:30") }),
      ],
      { generatedAt },
    );
    expect(ics).toContain("DTSTART:20260330T090000Z");
    expect(ics).toContain("DTSTART:20260327T100000Z");
    const { events } = parse(ics);
    // Sorted by start: the earlier meeting comes first.
    expect(events.map((e) => e.event.uid)).toEqual(["b@partnership-governance", "a@partnership-governance"]);
    expect(events[0].event.startDate.toJSDate().toISOString()).toBe("2026-03-27T10:00:00.000Z");
    expect(events[1].event.startDate.toJSDate().toISOString()).toBe("2026-03-30T09:00:00.000Z");
    expect(events[1].event.endDate.toJSDate().toISOString()).toBe("2026-03-30T10:30:00.000Z");
  });

  it("names a feed and holds no events when there are no meetings", () => {
    const { calendar, events } = parse(buildCalendar([], { generatedAt, name: "Partnership governance meetings" }));
    expect(events).toHaveLength(0);
    expect(calendar.getFirstPropertyValue("name")).toBe("Partnership governance meetings");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Partnership governance meetings");
  });
});

describe("escapeText and foldLine", () => {
  it("escapes the four TEXT specials and drops control characters", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\u0007")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("leaves short lines alone and folds at exactly 75 octets", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
    const line = "X".repeat(75);
    expect(foldLine(line)).toBe(line);
    expect(foldLine("X".repeat(76))).toBe(`${"X".repeat(75)}\r\n X`);
    // 74 ASCII octets then a three-octet "€": the € moves to the next line whole.
    expect(foldLine(`${"X".repeat(74)}€`)).toBe(`${"X".repeat(74)}\r\n €`);
  });

  it("folds a long line, ASCII or not, into lines of at most 75 octets that unfold to it", () => {
    for (const line of [`DESCRIPTION:${"Placements far from home; ".repeat(20)}`, `DESCRIPTION:${"Newham’s £250,000 uplift – ".repeat(15)}`]) {
      const folded = foldLine(line);
      const physical = folded.split("\r\n");
      expect(physical.length).toBeGreaterThan(4);
      for (const l of physical) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(75);
      expect(physical.slice(1).every((l) => l.startsWith(" "))).toBe(true);
      expect(folded.replace(/\r\n /g, "")).toBe(line);
    }
  });
});

describe("icsFileName", () => {
  it("names the file after the partnership, meeting type and London date", () => {
    expect(icsFileName("nelcp", "board", new Date("2026-03-12T10:00:00Z"))).toBe("nelcp-board-2026-03-12.ics");
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(icsFileName("leicestershire-cip", "steering_group", new Date("2026-06-30T23:30:00Z"))).toBe("leicestershire-cip-steering-group-2026-07-01.ics");
  });
});
