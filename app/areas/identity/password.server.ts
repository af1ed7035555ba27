import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// argon2id with the OWASP-recommended minimums (19 MiB, 2 passes).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const newPasswordSchema = z
  .string({ error: "Enter a password" })
  .min(12, { error: "Password must be at least 12 characters" })
  .max(200, { error: "Password must be 200 characters or fewer" });
