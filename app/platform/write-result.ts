import type { Db, Tx } from "../../db/client";
import { claimFormKey, releaseFormKey, storeFormResult } from "./once.server";
import { requestStore } from "./request-store.server";

// What a server operation tells the route: done, or which field is wrong and why.

export type WriteFailure = { ok: false; field: string; message: string; conflict?: boolean };
export type WriteResult<T = null> = { ok: true; value: T } | WriteFailure;

export function ok(): { ok: true; value: null };
export function ok<T>(value: T): { ok: true; value: T };
export function ok(value: unknown = null) {
  return { ok: true as const, value };
}
export const fail = (field: string, message: string): WriteFailure => ({ ok: false, field, message });

/** Someone saved the record after this form was loaded: nothing was saved, the form keeps what was typed. */
export const conflict = (what: string): WriteFailure => ({
  ok: false,
  field: "version",
  conflict: true,
  message: `Someone else changed this ${what} while you were editing it, so your changes were not saved. Your text is kept below: compare it with the saved version, then save again.`,
});

/** Only the fields that changed, before and after: what the audit trail records. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

class Refusal extends Error {
  constructor(readonly failure: WriteFailure) {
    super(failure.message);
  }
}

/** Stops a transaction part-way and rolls it back; `transact` turns it into the failure the form shows. */
export function refuse(failure: WriteFailure): never {
  throw new Refusal(failure);
}

/**
 * Runs a write in one transaction: a refusal anywhere inside rolls everything
 * back, so nothing is half-saved. The form's one-time key is stored with the
 * write, so a repeated submission gets the first result back (once.server.ts).
 */
export async function transact<T>(db: Db | Tx, fn: (tx: Tx) => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  try {
    // What the request looked up before it wrote may have changed: look again afterwards.
    requestStore()?.memo?.clear();
    return await db.transaction(async (tx) => {
      const claim = await claimFormKey(tx as Tx);
      if (claim?.first) return (claim.first.result as WriteResult<T> | null) ?? fail("form", "This form has already been sent. Reload the page to see what was saved.");
      const result = await fn(tx as Tx);
      if (claim) {
        if (result.ok) await storeFormResult(tx as Tx, claim.key, result);
        else await releaseFormKey(tx as Tx, claim.key);
      }
      return result;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.failure;
    throw error;
  }
}
