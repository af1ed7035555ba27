import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The lint rules that keep the areas apart (eslint.config.js, docs/architecture.md):
// each forbidden import below fails `npm run lint` with a message that says why,
// and each allowed one passes.

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint();
});

async function lint(filePath: string, source: string) {
  const [result] = await eslint.lintText(`${source}\nexport const used = [a];\n`, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("boundaries between areas", () => {
  it("an area reaches another only through its doors", async () => {
    const inside = await lint("app/areas/meetings/example.server.ts", `import { a } from "../decisions/decisions.server";`);
    expect(inside.join()).toContain("Reach the decisions area through its doors");
    expect(await lint("app/areas/meetings/example.server.ts", `import { a } from "../decisions/public.server";`)).toEqual([]);
    expect(await lint("app/areas/meetings/example.server.ts", `import { a } from "../decisions/public";`)).toEqual([]);
    expect(await lint("app/areas/meetings/example.server.ts", `import { a } from "./minutes.server";`)).toEqual([]);
  });

  it("jobs, seeds and the server use areas through their doors too", async () => {
    expect((await lint("jobs/example.ts", `import { a } from "../app/areas/meetings/meetings.server";`)).join()).toContain("doors");
    expect((await lint("seeds/example.ts", `import { a } from "../app/areas/register/rules/board-rules";`)).join()).toContain("doors");
    expect(await lint("seeds/example.ts", `import { a } from "../app/areas/register/public.server";`)).toEqual([]);
  });

  it("pages may reuse another area's components; server modules may not", async () => {
    expect(await lint("app/areas/meetings/routes/example.tsx", `import { a } from "../../decisions/components/decision-status";`)).toEqual([]);
    expect((await lint("app/areas/meetings/example.server.ts", `import { a } from "../decisions/components/decision-status";`)).join()).toContain("doors");
  });

  it("routes import no drizzle and no schema", async () => {
    expect((await lint("app/areas/meetings/routes/example.tsx", `import { a } from "drizzle-orm";`)).join()).toContain("Routes stay thin");
    expect((await lint("app/areas/meetings/routes/example.tsx", `import { a } from "../../../../db/schema";`)).join()).toContain("Routes stay thin");
    expect((await lint("app/platform/routes/example.tsx", `import { a } from "../../../db/schema/meetings";`)).join()).toContain("Routes stay thin");
  });

  it("rules are pure: platform/time, platform/text, zod and other areas' public.ts only", async () => {
    const file = "app/areas/register/rules/example.ts";
    expect(await lint(file, `import { a } from "../../../platform/time/dates";`)).toEqual([]);
    expect(await lint(file, `import { a } from "../../../platform/text/csv";`)).toEqual([]);
    expect(await lint(file, `import { a } from "zod";`)).toEqual([]);
    expect(await lint(file, `import { a } from "./vocabulary";`)).toEqual([]);
    expect(await lint(file, `import { a } from "../../partnerships/public";`)).toEqual([]);
    expect((await lint(file, `import { a } from "../../../platform/forms";`)).join()).toContain("only platform/time and platform/text");
    expect((await lint(file, `import { a } from "react";`)).join()).toContain("only package they use is zod");
    expect((await lint(file, `import { a } from "../board.server";`)).join()).toContain("no server modules");
    expect((await lint(file, `import { a } from "../../partnerships/public.server";`)).join()).toContain("public.ts only");
    expect((await lint(file, `import { a } from "../../../../db/schema";`)).join()).toContain("no database");
    expect((await lint("app/platform/time/example.ts", `import { a } from "../forms";`)).join()).toContain("use only each other");
  });

  it("nothing outside the participation area imports its tables", async () => {
    const message = (await lint("app/areas/register/example.server.ts", `import { a } from "../../../db/schema/participation";`)).join();
    expect(message).toContain("Young people's records stay inside app/areas/participation");
    expect((await lint("jobs/example.ts", `import { a } from "../db/schema/participation";`)).join()).toContain("Young people's records");
    expect(await lint("app/areas/participation/example.server.ts", `import { a } from "../../../db/schema/participation";`)).toEqual([]);
  });
});

describe("the audit trail", () => {
  it("is written only through the catalogue", async () => {
    const message = (await lint("app/areas/meetings/example.server.ts", `import { appendAuditEvent as a } from "../../../db/audit";`)).join();
    expect(message).toContain("appendAudit from app/audit/append.server.ts");
    expect((await lint("seeds/example.ts", `import { appendAuditEvent as a } from "../db/audit";`)).join()).toContain("catalogued actions");
    expect(await lint("app/areas/meetings/example.server.ts", `import { verifyAuditTrail as a } from "../../../db/audit";`)).toEqual([]);
    expect(await lint("app/audit/append.server.ts", `import { appendAuditEvent as a } from "../../db/audit";`)).toEqual([]);
  });
});

describe("forms that post once", () => {
  it("routes read forms through readForm, and pages post with AppForm", async () => {
    const read = await eslint.lintText(`export async function action({ request }: { request: Request }) { return request.formData(); }\n`, { filePath: "app/areas/meetings/routes/example.tsx" });
    expect(read[0].messages.map((m) => m.message).join()).toContain("Read forms with readForm(request)");
    const post = await eslint.lintText(`import { Form } from "react-router";\nexport const Page = () => <Form method="post"><button>Save</button></Form>;\n`, { filePath: "app/areas/meetings/components/example.tsx" });
    expect(post[0].messages.map((m) => m.message).join()).toContain("Post with <AppForm>");
    const search = await eslint.lintText(`import { Form } from "react-router";\nexport const Page = () => <Form method="get"><button>Search</button></Form>;\n`, { filePath: "app/areas/meetings/components/example.tsx" });
    expect(search[0].messages.filter((m) => m.ruleId === "no-restricted-syntax")).toEqual([]);
  });
});

describe("errors that stay readable in the log", () => {
  it("code logs the error itself, never loggableError's output (the serializer would see a plain object)", async () => {
    const code = `import { log, loggableError } from "../../platform/log.server";\nexport const f = (error: unknown) => log().error({ err: loggableError(error) }, "x");\n`;
    for (const filePath of ["app/areas/meetings/example.server.ts", "server/example.ts", "jobs/example.ts"]) {
      const [result] = await eslint.lintText(code, { filePath });
      expect(result.messages.map((m) => m.message).join(), filePath).toContain("Log the error itself");
    }
    const [fine] = await eslint.lintText(`import { log } from "../../platform/log.server";\nexport const f = (error: unknown) => log().error({ err: error }, "x");\n`, { filePath: "app/areas/meetings/example.server.ts" });
    expect(fine.messages.filter((m) => m.ruleId === "no-restricted-syntax")).toEqual([]);
  });
});
