import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageText, startTestServer, type TestServer } from "../../helpers/server";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

// What each demo role may open. "302 /portal" means sent to the portal.
const cases: { who: string; path: string; status: number; location?: string }[] = [
  // adults are not young people: the portal asks them to sign in to it (tests/integration/participation/)
  { who: "participation@nelcp.example", path: "/portal", status: 302, location: "/portal/sign-in" },
  // members see their own partnership only
  { who: "member@nelcp.example", path: "/p/nelcp", status: 200 },
  { who: "member@nelcp.example", path: "/p/leicestershire-cip", status: 403 },
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip", status: 200 },
  { who: "scrutiny@leics.example", path: "/p/nelcp", status: 403 },
  { who: "observer@nelcp.example", path: "/p/nelcp", status: 200 },
  // only the chair (and platform administrators) invite people
  { who: "chair@nelcp.example", path: "/p/nelcp/invite", status: 200 },
  { who: "vicechair@nelcp.example", path: "/p/nelcp/invite", status: 403 },
  { who: "secretariat@nelcp.example", path: "/p/nelcp/invite", status: 403 },
  { who: "rep@barking-dagenham.example", path: "/p/nelcp/invite", status: 403 },
  { who: "observer@nelcp.example", path: "/p/nelcp/invite", status: 403 },
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/invite", status: 403 },
  { who: "chair@nelcp.example", path: "/p/newport-barnardos/invite", status: 403 },
  { who: "admin@platform.example", path: "/p/newport-barnardos", status: 200 },
  { who: "admin@platform.example", path: "/p/newport-barnardos/invite", status: 200 },
  // scrutiny members and observers read the register, terms and declarations, and change nothing
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/board", status: 200 },
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/terms", status: 200 },
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/declarations", status: 200 },
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/board/new", status: 403 },
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/edit", status: 403 },
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/partners/new", status: 403 },
  { who: "observer@nelcp.example", path: "/p/nelcp/partners/new", status: 403 },
  { who: "observer@nelcp.example", path: "/p/nelcp/key-dates", status: 403 },
  // meetings: everyone in the partnership reads; the chair and secretariat run them
  { who: "observer@nelcp.example", path: "/p/nelcp/meetings", status: 200 },
  { who: "observer@nelcp.example", path: "/p/nelcp/meetings/new", status: 403 },
  { who: "rep@barking-dagenham.example", path: "/p/nelcp/meetings/new", status: 403 },
  { who: "vicechair@nelcp.example", path: "/p/nelcp/meetings/new", status: 403 },
  { who: "secretariat@nelcp.example", path: "/p/nelcp/meetings/new", status: 200 },
  // decisions: members and representatives propose; observers and scrutiny read
  { who: "rep@barking-dagenham.example", path: "/p/nelcp/decisions/new", status: 200 },
  { who: "member@nelcp.example", path: "/p/nelcp/decisions/new", status: 200 },
  { who: "member@nelcp.example", path: "/p/nelcp/decisions/new?outside=1", status: 403 },
  { who: "secretariat@nelcp.example", path: "/p/nelcp/decisions/new?outside=1", status: 200 },
  { who: "observer@nelcp.example", path: "/p/nelcp/decisions", status: 200 },
  { who: "observer@nelcp.example", path: "/p/nelcp/decisions/new", status: 403 },
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/decisions", status: 200 },
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/decisions/new", status: 403 },
  { who: "scrutiny@leics.example", path: "/p/nelcp/decisions", status: 403 },
  // actions and calendars are for adults
  { who: "observer@nelcp.example", path: "/p/nelcp/actions", status: 200 },
  { who: "member@nelcp.example", path: "/actions", status: 200 },
  // returns: everyone in the partnership reads them; the chair and secretariat set obligations and reminders
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/obligations", status: 200 },
  { who: "scrutiny@leics.example", path: "/p/leicestershire-cip/obligations/new", status: 403 },
  { who: "scrutiny@leics.example", path: "/p/nelcp/obligations", status: 403 },
  { who: "observer@nelcp.example", path: "/p/nelcp/obligations", status: 200 },
  { who: "observer@nelcp.example", path: "/p/nelcp/obligations/reminders", status: 403 },
  { who: "rep@barking-dagenham.example", path: "/p/nelcp/obligations/new", status: 403 },
  { who: "secretariat@nelcp.example", path: "/p/nelcp/obligations/new", status: 200 },
  { who: "secretariat@nelcp.example", path: "/p/nelcp/obligations/reminders", status: 200 },
  // failed deliveries are for platform administrators; everyone sets their own email preferences
  { who: "admin@platform.example", path: "/admin/deliveries", status: 200 },
  { who: "chair@nelcp.example", path: "/admin/deliveries", status: 403 },
  { who: "scrutiny@leics.example", path: "/account", status: 200 },
  // only platform administrators create partnerships
  { who: "admin@platform.example", path: "/admin/partnerships/new", status: 200 },
  { who: "secretariat@nelcp.example", path: "/admin/partnerships/new", status: 403 },
];

describe("who may open what", () => {
  for (const c of cases) {
    it(`${c.who} → ${c.path} is ${c.status}${c.location ? ` to ${c.location}` : ""}`, async () => {
      const client = s.client();
      await client.signIn(c.who);
      const res = await client.get(c.path);
      expect(res.status).toBe(c.status);
      if (c.location) expect(res.headers.get("location")).toBe(c.location);
      if (c.status === 403) {
        const text = await pageText(res);
        if (c.path.endsWith(".csv")) expect(text).toContain("Your account has no role in this partnership"); // a download has no layout: the refusal is plain text
        else {
          expect(text).toContain("You do not have permission to see this page");
          expect(text).toContain("Sign out"); // the layout is kept
        }
      }
    });
  }

  it("refuses a forbidden POST as well as a forbidden page", async () => {
    const client = s.client();
    await client.signIn("rep@barking-dagenham.example");
    const res = await client.post("/p/nelcp/invite", { name: "A Person", email: "a.person@example.org", role: "board_member", organisationId: "" });
    expect(res.status).toBe(403);
  });

  it("lists every partnership for a platform administrator", async () => {
    const client = s.client();
    await client.signIn("admin@platform.example");
    const text = await pageText(await client.get("/"));
    expect(text).toContain("North-East London Commissioning Partnership");
    expect(text).toContain("Leicestershire");
    expect(text).toContain("Newport");
  });

  it("shows the CIP's scrutiny representatives on its board", async () => {
    const client = s.client();
    await client.signIn("scrutiny@leics.example");
    const text = await pageText(await client.get("/p/leicestershire-cip"));
    expect(text).toContain("Children and Families Overview and Scrutiny Committee");
    expect(text.match(/Scrutiny representative/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
