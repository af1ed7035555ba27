import fs from "node:fs";
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

// The boundaries between areas (docs/architecture.md), kept by lint:
// - an area is reached from outside only through its doors: public.server.ts
//   (server operations) and public.ts (pure rules and vocabulary); pages and
//   components may also reuse another area's components;
// - routes import no drizzle or schema;
// - rules (rules.ts, rules/, public.ts, platform/time, platform/text) are pure:
//   zod, platform/time, platform/text, their own rules and other areas' public.ts;
// - nothing outside the participation area imports its tables;
// - audit events are appended only through the catalogue (app/audit).
// tests/unit/platform/boundaries.test.ts shows each one failing.

const areas = fs.readdirSync(new URL("./app/areas", import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

const doorMessage = (area) => `Reach the ${area} area through its doors: ${area}/public.server.ts (server) or ${area}/public.ts (rules and vocabulary).`;

/** Other areas' insides, except their doors (and, for pages, their components). */
function otherAreas(own, { components = false, serverDoor = true } = {}) {
  return areas
    .filter((a) => a !== own)
    .map((a) => ({
      regex: `(^|/)${a}/(?!public${serverDoor ? "(\\.server)?" : ""}$${components ? "|components/" : ""})`,
      message: serverDoor ? doorMessage(a) : `Rules reach the ${a} area's rules through ${a}/public.ts only.`,
    }));
}

const participationTables = (own) =>
  own === "participation"
    ? []
    : [{ regex: "(^|/)db/schema/participation$", message: "Young people's records stay inside app/areas/participation: adults see only its suppressed counts (through its public.server.ts)." }];

const noDatabaseInRoutes = [
  { regex: "^drizzle-orm", message: "Routes stay thin: queries live in the area's *.server.ts modules; a route calls one server function." },
  { regex: "(^|/)db/schema(/|$)", message: "Routes stay thin: queries live in the area's *.server.ts modules; a route calls one server function." },
];

const pureRules = [
  { regex: "^(?!\\.|zod$)", message: "Rules are pure: the only package they use is zod." },
  { regex: "\\.server$", message: "Rules are pure: no server modules." },
  { regex: "(^|/)db/", message: "Rules are pure: no database." },
  { regex: "(^|/)platform/(?!time/|text/)", message: "Rules use only platform/time and platform/text." },
  { regex: "(^|/)(components|routes)/", message: "Rules are pure: no pages or components." },
];

// Every audit event goes through the catalogue: only app/audit/append.server.ts writes raw events.
const rawAudit = {
  regex: "(^|/)db/audit$",
  importNames: ["appendAuditEvent"],
  message: "Append audit events with appendAudit from app/audit/append.server.ts: it takes only catalogued actions and checks their payloads.",
};

// The logger's serializer makes an error loggable; doing it beforehand turned every logged error into "not an Error".
const logTheErrorItself = { selector: "CallExpression[callee.name='loggableError']", message: "Log the error itself ({ err: error }): the logger's serializer applies loggableError." };

const restrict = (patterns, { audit = false } = {}) => ({ "no-restricted-imports": ["error", { patterns: audit ? patterns : [...patterns, rawAudit] }] });

const boundaries = [
  // Everything outside the areas (platform, db, jobs, seeds, server, bench, emails) uses areas through their doors.
  {
    files: ["app/platform/**/*.{ts,tsx}", "app/audit/**/*.ts", "app/root.tsx", "db/**/*.ts", "jobs/**/*.ts", "seeds/**/*.ts", "server/**/*.ts", "bench/**/*.ts", "emails/**/*.{ts,tsx}", "tests/**/*.ts"],
    rules: restrict([...otherAreas(null), ...participationTables(null)]),
  },
  { files: ["app/audit/append.server.ts"], rules: restrict([...otherAreas(null), ...participationTables(null)], { audit: true }) },
  // Tests may reach inside areas, but write audit events the same way the code does.
  { files: ["tests/**/*.ts"], rules: restrict([]) },
  {
    files: ["app/platform/routes/**/*.{ts,tsx}"],
    rules: restrict([...otherAreas(null, { components: true }), ...participationTables(null), ...noDatabaseInRoutes]),
  },
  {
    files: ["app/platform/time/**/*.ts", "app/platform/text/**/*.ts"],
    rules: restrict([...pureRules, { regex: "^\\.\\./(?!time/|text/)", message: "platform/time and platform/text use only each other." }, ...otherAreas(null, { serverDoor: false })]),
  },
  ...areas.flatMap((area) => [
    { files: [`app/areas/${area}/**/*.{ts,tsx}`], rules: restrict([...otherAreas(area), ...participationTables(area)]) },
    { files: [`app/areas/${area}/components/**/*.{ts,tsx}`], rules: restrict([...otherAreas(area, { components: true }), ...participationTables(area)]) },
    {
      files: [`app/areas/${area}/routes/**/*.{ts,tsx}`],
      rules: restrict([...otherAreas(area, { components: true }), ...participationTables(area), ...noDatabaseInRoutes]),
    },
    {
      files: [`app/areas/${area}/rules.ts`, `app/areas/${area}/rules/**/*.ts`, `app/areas/${area}/public.ts`],
      rules: restrict([...pureRules, ...otherAreas(area, { serverDoor: false }), ...participationTables(area)]),
    },
  ]),
];

export default tseslint.config(
  { ignores: ["build/", "data/", "node_modules/", ".react-router/", "db/migrations/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // Forms post once: each carries a one-time key (AppForm) that the action reads (readForm).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/platform/read-form.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='request'][callee.property.name='formData']",
          message: "Read forms with readForm(request) (app/platform/read-form.server.ts): it notes the form's one-time key, so a repeated submission records once.",
        },
        {
          selector: "JSXOpeningElement[name.name='Form'] > JSXAttribute[name.name='method'][value.value='post']",
          message: "Post with <AppForm> (app/platform/ui/app-form.tsx): it carries the form's one-time key.",
        },
        logTheErrorItself,
      ],
    },
  },
  {
    files: ["server/**/*.ts", "jobs/**/*.ts", "db/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", logTheErrorItself] },
  },
  ...boundaries,
);
