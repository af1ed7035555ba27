import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { formSubmissions } from "../../db/schema";
import { requestStore } from "./request-store.server";

// A repeated submission of one rendered form (a double click, a resent POST)
// records once: the form's key is stored in the transaction of the write it
// caused, with the result; a second submission with the same key waits for
// the first, then gets its result back instead of writing again.

type Claim = { key: string; first: null } | { key: string; first: { result: unknown } } | null;

/** Inside the write's transaction: claims the request's form key, or finds the result of the submission that already used it. */
export async function claimFormKey(tx: Tx): Promise<Claim> {
  const store = requestStore();
  if (!store?.formKey || store.formKeyUsed) return null;
  store.formKeyUsed = true;
  const key = encodeHexLowerCase(sha256(new TextEncoder().encode(`${store.userId ?? "anonymous"}|${store.path}|${store.formKey}`)));
  // On PostgreSQL this waits while another transaction holds the same key, so a replay sees the first one's outcome.
  const inserted = await tx.insert(formSubmissions).values({ key, userId: store.userId }).onConflictDoNothing().returning({ key: formSubmissions.key });
  if (inserted.length) return { key, first: null };
  const [first] = await tx.select({ result: formSubmissions.result }).from(formSubmissions).where(eq(formSubmissions.key, key));
  return { key, first: { result: first?.result ?? null } };
}

export async function storeFormResult(tx: Tx, key: string, result: unknown) {
  await tx.update(formSubmissions).set({ result: result as object }).where(eq(formSubmissions.key, key));
}

export async function releaseFormKey(tx: Tx, key: string) {
  await tx.delete(formSubmissions).where(eq(formSubmissions.key, key));
}
