import fs from "node:fs/promises";
import path from "node:path";
import { env } from "../env.server";
import { outboxDir } from "./mailer.server";

// The development outbox: where emails go when SMTP_URL is not set.

export function outboxEnabled() {
  const e = env();
  return e.APP_ENV !== "production" && !e.SMTP_URL;
}

const FILE_NAME = /^[\w.@-]+\.eml$/;

function header(raw: string, name: string) {
  const match = raw.match(new RegExp(`^${name}: (.*(?:\\n[ \\t].*)*)`, "mi"));
  return match ? match[1].replace(/\n[ \t]+/g, " ").trim() : "";
}

function links(raw: string) {
  const decoded = raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const base = env().APP_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...new Set(decoded.match(new RegExp(`${base}/[^\\s"<>]+`, "g")) ?? [])];
}

export async function listOutbox() {
  const dir = outboxDir();
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => FILE_NAME.test(f)).sort().reverse();
  return Promise.all(
    files.slice(0, 200).map(async (file) => {
      const raw = await fs.readFile(path.join(dir, file), "utf8");
      return { file, to: header(raw, "To"), subject: header(raw, "Subject"), date: header(raw, "Date"), links: links(raw) };
    }),
  );
}

export async function readOutboxMessage(file: string) {
  if (!FILE_NAME.test(file)) return null;
  return fs.readFile(path.join(outboxDir(), file), "utf8").catch(() => null);
}
