// Money as whole pence: read from what people type ("£1,234.56") and written
// back as pounds, by string arithmetic, never through a float. Used wherever
// an amount is typed or shown (the money area, returns' money fields).

/** The most one amount may be: £10,000,000,000.00 (safe as a JavaScript integer and a PostgreSQL bigint). */
export const MAX_PENCE = 1_000_000_000_000;

export type PenceResult = { ok: true; pence: number } | { ok: false; message: string };

/**
 * Reads an amount of money as people write it: "£1,234.56", "1234.5",
 * "£200,000", "200000.00". Answers integer pence, or a sentence saying what
 * is wrong (empty, negative, letters, more than two decimal places, commas in
 * the wrong places, too large). Never goes through floating point.
 */
export function parsePence(input: string, label = "The amount"): PenceResult {
  const raw = input.trim();
  if (raw === "") return { ok: false, message: `Enter ${label.toLowerCase()} in pounds, for example £1,250.00` };
  let s = raw.replace(/\s+/g, "");
  if (/^-|^£-|^\(|−/.test(s)) return { ok: false, message: `${label} cannot be negative` };
  if (s.startsWith("£")) s = s.slice(1);
  if (s.includes("£")) return { ok: false, message: `${label} must be in pounds and pence, with at most one £ sign at the start, for example £1,250.00` };
  if (/[^0-9.,]/.test(s)) return { ok: false, message: `${label} must be a number of pounds, like £1,250.00, without letters or other symbols` };
  const parts = s.split(".");
  if (parts.length > 2) return { ok: false, message: `${label} has more than one decimal point` };
  const [whole, decimals = ""] = parts;
  if (parts.length === 2 && decimals === "") return { ok: false, message: `${label} ends with a decimal point: write the pence, for example £1,250.50` };
  if (decimals.includes(",")) return { ok: false, message: `${label} has a comma after the decimal point` };
  if (!/^\d*$/.test(decimals)) return { ok: false, message: `${label} must be a number of pounds, like £1,250.00` };
  if (decimals.length > 2) return { ok: false, message: `${label} can have at most two decimal places (pence)` };
  if (whole === "" && decimals === "") return { ok: false, message: `${label} must be a number of pounds, like £1,250.00` };
  if (whole.includes(",") && !/^\d{1,3}(,\d{3})+$/.test(whole)) return { ok: false, message: `${label} has commas in the wrong places: write it like £1,250,000` };
  const digits = (whole.replace(/,/g, "") || "0").replace(/^0+(?=\d)/, "");
  if (digits.length > 13) return { ok: false, message: `${label} is too large: at most ${formatPence(MAX_PENCE)}` };
  const pence = Number(digits) * 100 + Number(decimals.padEnd(2, "0"));
  if (!Number.isSafeInteger(pence) || pence > MAX_PENCE) return { ok: false, message: `${label} is too large: at most ${formatPence(MAX_PENCE)}` };
  return { ok: true, pence };
}

/** Integer pence as pounds: 196476500 → "£1,964,765.00"; negative amounts as "−£12.50". */
export function formatPence(pence: number): string {
  if (!Number.isSafeInteger(pence)) throw new Error(`Not a whole number of pence: ${pence}`);
  const negative = pence < 0;
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const rest = abs % 100;
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "−" : ""}£${grouped}.${String(rest).padStart(2, "0")}`;
}

/** Pence as the plain figure a spreadsheet reads: 196476500 → "1964765.00". */
export function penceAsDecimal(pence: number): string {
  const negative = pence < 0;
  const abs = Math.abs(pence);
  return `${negative ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
