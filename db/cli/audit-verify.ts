import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { checkpointKeyFromSeed, parseCheckpoints, publicKeyFromBase64, verifyWithCheckpoints } from "../audit-checkpoint";
import { database, openDatabase, setDatabase } from "../client";
import { EnvError, env } from "../../app/platform/env.server";
import { CliError, exitWith } from "./postgres-tools";

// npm run audit:verify [-- --checkpoint FILE [--public-key KEY]] — walks
// every audit chain; with checkpoints (saved from the daily emails or the
// download), also checks that each is genuinely signed and that its chain
// still reaches it (nothing removed from the end, nothing rewritten up to it).
// Exit 0 intact; 1 broken, or a checkpoint not reached; 2 asked wrongly.

const usage = `Usage: npm run audit:verify [-- --checkpoint FILE [--checkpoint FILE2] [--public-key KEY]]

  --checkpoint FILE   a file of signed checkpoints (a saved checkpoint email or the download)
  --public-key KEY    the signing key's public half (base64, as the checkpoint emails print it);
                      without it, the key configured in AUDIT_CHECKPOINT_KEY is used`;

const argsSchema = z.object({
  checkpoint: z.array(z.string().trim().min(1, { error: "--checkpoint needs a file name" })).default([]),
  "public-key": z
    .string()
    .trim()
    .refine((v) => Buffer.from(v, "base64").length === 32, { error: "--public-key must be the 32-byte public key in base64, as the checkpoint emails print it" })
    .optional(),
});

function parseCommandLine(argv: string[]) {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { checkpoint: { type: "string", multiple: true }, "public-key": { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`, 2);
  }
  if (values.help) return undefined;
  const { help: _help, ...rest } = values;
  const result = argsSchema.safeParse(rest);
  if (!result.success) throw new CliError(`${result.error.issues.map((i) => i.message).join("\n")}\n\n${usage}`, 2);
  return { files: result.data.checkpoint, publicKey: result.data["public-key"] };
}

async function main() {
  const args = parseCommandLine(process.argv.slice(2));
  if (!args) {
    console.log(usage);
    return 0;
  }
  const checkpoints = args.files.flatMap((name) => {
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), name);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`Checkpoint file not found: ${file}`, 2);
    const { checkpoints: found, problems } = parseCheckpoints(fs.readFileSync(file, "utf8"));
    if (problems.length) throw new CliError(`${file}: ${problems.join("; ")}. Nothing was checked.`, 2);
    if (found.length === 0) throw new CliError(`${file} holds no checkpoint lines (lines of JSON such as {"v":1,"chain":…}).`, 2);
    return found;
  });
  const e = env();
  const key = args.publicKey ? publicKeyFromBase64(args.publicKey) : checkpointKeyFromSeed(e.AUDIT_CHECKPOINT_KEY);
  setDatabase(openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR }));
  try {
    const { trail, checks } = await verifyWithCheckpoints(database().db, checkpoints, key);
    let code = 0;
    if (trail.ok) console.log(`Audit trail intact: ${trail.events} events in ${trail.chains} chains.`);
    else {
      console.error(`Audit trail BROKEN at event ${trail.badEventId} (chain ${trail.chain}, sequence ${trail.seq}): ${trail.problem}.`);
      console.error(`${trail.events} events before it verified.`);
      code = 1;
    }
    for (const c of checks) {
      const what = `Checkpoint ${c.checkpoint.label} sequence ${c.checkpoint.seq} (signed ${c.checkpoint.signedAt})`;
      if (c.ok) console.log(`${what}: reached.`);
      else {
        console.error(`${what}: NOT REACHED: ${c.problem}.`);
        code = 1;
      }
    }
    return code;
  } finally {
    await database().close();
  }
}

exitWith(main(), (error) => error instanceof EnvError);
