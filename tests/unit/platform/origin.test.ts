import { describe, expect, it } from "vitest";
import { isSameOriginMutation } from "../../../app/platform/origin.server";
import { safeRedirect } from "../../../app/platform/redirect";

const appUrl = "https://governance.example.org";

describe("same-origin check for state-changing requests", () => {
  it("accepts a form posted from the host it was sent to", () => {
    expect(isSameOriginMutation({ origin: "http://127.0.0.1:4000", referer: null, host: "127.0.0.1:4000", appUrl })).toBe(true);
  });
  it("accepts the configured public origin behind a proxy", () => {
    expect(isSameOriginMutation({ origin: appUrl, referer: null, host: "internal:8080", appUrl })).toBe(true);
  });
  it("falls back to the Referer when there is no Origin", () => {
    expect(isSameOriginMutation({ origin: null, referer: `${appUrl}/sign-in`, host: "internal", appUrl })).toBe(true);
  });
  it("refuses another site, a null origin, a missing origin and junk", () => {
    expect(isSameOriginMutation({ origin: "https://evil.example", referer: null, host: "governance.example.org", appUrl })).toBe(false);
    expect(isSameOriginMutation({ origin: "null", referer: null, host: "governance.example.org", appUrl })).toBe(false);
    expect(isSameOriginMutation({ origin: null, referer: null, host: "governance.example.org", appUrl })).toBe(false);
    expect(isSameOriginMutation({ origin: "::::", referer: null, host: "governance.example.org", appUrl })).toBe(false);
  });
  it("refuses a look-alike host", () => {
    expect(isSameOriginMutation({ origin: "https://governance.example.org.evil.example", referer: null, host: "governance.example.org", appUrl })).toBe(false);
  });
});

describe("redirect after sign-in", () => {
  it("allows local paths only", () => {
    expect(safeRedirect("/p/nelcp")).toBe("/p/nelcp");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect(null)).toBe("/");
  });
});
