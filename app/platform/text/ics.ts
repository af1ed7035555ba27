// iCalendar (RFC 5545) text: escaping, UTC date-times and line folding.

export const ICS_PRODID = "-//Partnership governance//EN";
export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";

/** An instant as an RFC 5545 UTC date-time, e.g. 20260330T090000Z. */
export function icsUtc(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

// Control characters other than HTAB may not appear in a content line.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(controlCharacters, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** A URI value: not escaped, but line breaks and control characters cannot be carried. */
export function uriValue(value: string): string {
  return value.replace(/[\r\n]/g, "").replace(controlCharacters, "").trim();
}

/** The UTF-8 length of one character (a code point), without encoding it. */
function utf8Octets(char: string): number {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

// eslint-disable-next-line no-control-regex
const asciiOnly = /^[\u0000-\u007f]*$/;

/**
 * Folds a content line so no line is longer than 75 octets (RFC 5545 §3.1):
 * continuation lines start with one space. Splits only between characters,
 * never inside a character's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  // Most lines are plain ASCII, a byte a character: cut them by length, without measuring each character.
  if (asciiOnly.test(line)) {
    if (line.length <= 75) return line;
    const cut = [line.slice(0, 75)];
    for (let at = 75; at < line.length; at += 74) cut.push(line.slice(at, at + 74));
    return cut.join("\r\n ");
  }
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Octets(char);
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

/** A parameter value (RFC 5545 §3.2): quoted, since names may hold commas, colons or semicolons; a quote cannot be carried. */
export function paramValue(value: string): string {
  return `"${value.replace(/"/g, "'").replace(/[\r\n]/g, " ").replace(controlCharacters, "").trim()}"`;
}

/** A mailto: address for ORGANIZER and ATTENDEE lines. */
export const mailto = (email: string) => `mailto:${uriValue(email)}`;
