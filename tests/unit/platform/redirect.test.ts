import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../../app/platform/redirect";

// Where sign-in sends people back to: only a path on this site, whatever is tried.

describe("safeRedirect", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirect("/p/nelcp/board?on=2024-06-01#seats")).toBe("/p/nelcp/board?on=2024-06-01#seats");
    expect(safeRedirect("/")).toBe("/");
    expect(safeRedirect("/p/nelcp/decisions?q=lot 2")).toBe("/p/nelcp/decisions?q=lot%202");
  });

  it.each([
    ["another origin", "https://evil.example/"],
    ["protocol-relative", "//evil.example/"],
    ["a tab after the slash (Chromium drops it)", "/\t/evil.example/"],
    ["a newline after the slash", "/\n/evil.example/"],
    ["a carriage return and newline", "/\r\n/evil.example/"],
    ["a backslash", "/\\evil.example/"],
    ["two backslashes", "\\\\evil.example"],
    ["a slash and a backslash", "/\\/evil.example"],
    ["a scheme", "javascript:alert(1)"],
    ["a data URL", "data:text/html,hi"],
    ["no leading slash", "evil.example"],
    ["a NUL byte", "/p/nelcp\u0000"],
    ["nothing", ""],
    ["far too long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_what, to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it("keeps encoded forms as paths on this site, never as another origin", () => {
    expect(safeRedirect("/%2F%2Fevil.example/")).toBe("/%2F%2Fevil.example/");
    expect(safeRedirect("/%09/evil.example/")).toBe("/%09/evil.example/");
    expect(safeRedirect("/%5Cevil.example")).toBe("/%5Cevil.example");
  });

  it("gives a path safe to put in a header: other characters are percent-encoded", () => {
    expect(safeRedirect("/p/nelcp/decisions?q=café ✓")).toBe("/p/nelcp/decisions?q=caf%C3%A9%20%E2%9C%93");
    expect(safeRedirect("/p/Łódź")).toBe("/p/%C5%81%C3%B3d%C5%BA");
  });

  it("uses the fallback it is given, and ignores files and other form values", () => {
    expect(safeRedirect(null, "/portal")).toBe("/portal");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File(["x"], "x.txt"))).toBe("/");
  });
});
