/**
 * A state-changing request is accepted only when the browser says it comes
 * from this site: its Origin (or, failing that, its Referer) must name the
 * host the request was sent to, or the configured APP_URL.
 */
export function isSameOriginMutation(input: {
  origin: string | null;
  referer: string | null;
  host: string | null;
  appUrl: string;
}): boolean {
  const source = input.origin && input.origin !== "null" ? input.origin : input.referer;
  if (!source) return false;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (input.host && url.host === input.host) return true;
  return url.origin === new URL(input.appUrl).origin;
}
