const BASE = "http://app.invalid";

/**
 * Only a path on this site: never an open redirect. The address is parsed as
 * a browser would (which drops tabs and newlines and reads backslashes as
 * slashes), so "/\t/evil.example" or "/\\evil.example" cannot become another
 * origin; anything with control characters or backslashes is refused outright.
 * The result is the parsed path, percent-encoded, so it is safe in a header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  // eslint-disable-next-line no-control-regex
  if (!to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
