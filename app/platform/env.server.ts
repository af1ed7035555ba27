import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// Environment, validated once at start-up with messages that say what to fix.
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z
  .object({
    APP_ENV: z
      .enum(["development", "test", "production"], {
        error: "APP_ENV must be one of development, test or production",
      })
      .default("development"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/.+/, {
          error: "DATABASE_URL must be a PostgreSQL URL such as postgres://user:pass@host:5432/db",
        })
        .optional(),
    ),
    // The owner of the tables, for migrations, backups and restores; the app itself connects
    // with DATABASE_URL as a role that owns nothing (see db/app-role.ts). Unset: DATABASE_URL does both.
    MIGRATION_DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/.+/, {
          error: "MIGRATION_DATABASE_URL must be a PostgreSQL URL such as postgres://owner:pass@host:5432/db",
        })
        .optional(),
    ),
    DATA_DIR: optionalString.default("./data"),
    // Signs the audit chains' daily checkpoints (Ed25519): 32 random bytes, base64. The database never holds it.
    AUDIT_CHECKPOINT_KEY: optionalString.pipe(
      z
        .string()
        .refine((v) => /^[A-Za-z0-9+/_-]{43}=?$/.test(v) && Buffer.from(v, "base64").length === 32, {
          error: "AUDIT_CHECKPOINT_KEY must be 32 random bytes written in base64, such as the output of: openssl rand -base64 32",
        })
        .optional(),
    ),
    SESSION_SECRET: optionalString.pipe(
      z.string().min(32, { error: "SESSION_SECRET must be at least 32 characters long" }).optional(),
    ),
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\/.+/, {
          error: "SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465",
        })
        .optional(),
    ),
    MAIL_FROM: optionalString.default("Partnership governance <no-reply@governance.example>"),
    APP_URL: optionalString.pipe(
      z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL such as https://governance.example.org" }).optional(),
    ),
    PORT: optionalString.pipe(
      z
        .string()
        .regex(/^\d+$/, { error: "PORT must be a whole number between 0 and 65535" })
        .transform(Number)
        .refine((n) => n <= 65535, { error: "PORT must be a whole number between 0 and 65535" })
        .optional(),
    ),
    // The address to listen on: outside production only this machine (127.0.0.1), unless set.
    HOST: optionalString,
    TRUST_PROXY_HEADER: optionalString, // e.g. "fly-client-ip" behind Fly's proxy
    // How long a session may sit unused before it ends (adults): hours, default 8.
    SESSION_IDLE_HOURS: optionalString.pipe(
      z
        .string()
        .regex(/^\d+(\.\d+)?$/, { error: "SESSION_IDLE_HOURS must be a number of hours, such as 8" })
        .transform(Number)
        .refine((n) => n > 0 && n <= 24 * 30, { error: "SESSION_IDLE_HOURS must be more than 0 and at most 720 (30 days)" })
        .default(8),
    ),
    // How much the JSON log says: production and development log each request (info); tests only errors.
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"], { error: "LOG_LEVEL must be one of fatal, error, warn, info, debug or silent" }).optional(),
    // The bearer token that opens /metrics; without it /metrics is not served.
    METRICS_TOKEN: optionalString.pipe(z.string().min(32, { error: "METRICS_TOKEN must be at least 32 characters long" }).optional()),
    // Whether the web process also runs the scheduled jobs: "auto" does so on the
    // embedded database (one process only) outside tests.
    JOBS_IN_WEB: z.enum(["auto", "on", "off"], { error: "JOBS_IN_WEB must be auto, on or off" }).default("auto"),
    // How many web processes serve requests (one per CPU): above 1 the first process only hands out the
    // port and restarts any that stop (server/web-processes.ts). Needs PostgreSQL: PGlite admits one process.
    WEB_CONCURRENCY: optionalString.pipe(
      z
        .string()
        .regex(/^\d+$/, { error: "WEB_CONCURRENCY must be a whole number of web processes from 1 to 16" })
        .transform(Number)
        .refine((n) => n >= 1 && n <= 16, { error: "WEB_CONCURRENCY must be a whole number of web processes from 1 to 16" })
        .default(1),
    ),
    // Pins the date the app treats as today (tests and demonstrations); never in production.
    APP_TODAY: optionalString.pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "APP_TODAY must be a date written YYYY-MM-DD, such as 2026-11-22" })
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL)
      ctx.addIssue({ code: "custom", path: ["WEB_CONCURRENCY"], message: "WEB_CONCURRENCY above 1 needs PostgreSQL (DATABASE_URL): the embedded database admits one process" });
    if (env.APP_ENV !== "production") return;
    if (!env.SESSION_SECRET)
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "SESSION_SECRET is required in production (32+ random characters)" });
    if (!env.APP_URL)
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "APP_URL is required in production (the public https address)" });
    if (!env.DATABASE_URL)
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "DATABASE_URL is required in production; the embedded database is for trying the app" });
    if (!env.AUDIT_CHECKPOINT_KEY)
      ctx.addIssue({ code: "custom", path: ["AUDIT_CHECKPOINT_KEY"], message: "AUDIT_CHECKPOINT_KEY is required in production (openssl rand -base64 32): it signs the audit checkpoints" });
    if (env.APP_TODAY)
      ctx.addIssue({ code: "custom", path: ["APP_TODAY"], message: "APP_TODAY is for tests and demonstrations and must not be set in production" });
  });

export type Env = Omit<z.output<typeof envSchema>, "SESSION_SECRET" | "APP_URL" | "DATA_DIR" | "PORT" | "HOST" | "AUDIT_CHECKPOINT_KEY"> & {
  PORT: number;
  HOST: string;
  SESSION_SECRET: string;
  AUDIT_CHECKPOINT_KEY: string;
  APP_URL: string;
  DATA_DIR: string;
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  const env = result.data;
  return {
    ...env,
    DATA_DIR: path.resolve(env.DATA_DIR),
    PORT: env.PORT ?? 3000,
    HOST: env.HOST ?? (env.APP_ENV === "production" ? "0.0.0.0" : "127.0.0.1"),
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT || 3000}`).replace(/\/$/, ""),
    // Outside production, without SESSION_SECRET, env() uses a random secret kept in DATA_DIR.
    SESSION_SECRET: env.SESSION_SECRET ?? "",
    // Likewise a random checkpoint key kept in DATA_DIR.
    AUDIT_CHECKPOINT_KEY: env.AUDIT_CHECKPOINT_KEY ?? "",
  };
}

// Cached on globalThis: the server bundle and the start-up script each have
// their own copy of this module, and both must see one environment.
const cacheKey = Symbol.for("partnership-governance.env");
type GlobalWithEnv = typeof globalThis & { [cacheKey]?: Env };

export function env(): Env {
  const g = globalThis as GlobalWithEnv;
  if (!g[cacheKey]) {
    const parsed = parseEnv(process.env);
    g[cacheKey] = {
      ...parsed,
      SESSION_SECRET: parsed.SESSION_SECRET || developmentSecret(parsed.DATA_DIR),
      AUDIT_CHECKPOINT_KEY: parsed.AUDIT_CHECKPOINT_KEY || developmentCheckpointKey(parsed.DATA_DIR),
    };
  }
  return g[cacheKey];
}

/**
 * Outside production, without SESSION_SECRET: a random secret made on the
 * first start and kept in DATA_DIR (readable by its owner only), so no two
 * installations share one and nothing it keys can be forged from the source.
 */
export function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not made yet
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Outside production, without AUDIT_CHECKPOINT_KEY: a random key made on the first start and kept in DATA_DIR. */
export function developmentCheckpointKey(dataDir: string): string {
  const file = path.join(dataDir, "audit-checkpoint-key");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (Buffer.from(existing, "base64").length === 32) return existing;
  } catch {
    // not made yet
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString("base64");
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** For tests that change the environment. */
export function resetEnvCache() {
  (globalThis as GlobalWithEnv)[cacheKey] = undefined;
  // The logger (log.server.ts) is made from the environment: the next line makes a new one.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("partnership-governance.logger")];
}
