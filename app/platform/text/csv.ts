// CSV as spreadsheets read it (RFC 4180): commas, quoted fields, CRLF rows.

export type CsvCell = string | number | boolean | null | undefined;

/**
 * One field: quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (starting =, +, -, @ or a full-width =,
 * even after spaces, or starting with a tab or carriage return) is prefixed
 * with an apostrophe so opening the export is safe.
 */
const FORMULA = /^[\t\r]|^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvLines([header, ...rows]);
}

/** Rows as CSV lines, each ending CRLF: a piece of a file written a batch at a time. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}
