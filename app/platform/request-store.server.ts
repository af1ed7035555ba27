import { openedDatabase } from "../../db/client";
import { AsyncLocalStorage } from "node:async_hooks";

// What one request carries through its own async work, set up by
// server/app.ts: the signed-in user and the one-time key of the form it
// submitted (noted by the form parsers, used by the first write).

export type RequestStore = {
  /** The id on every log line of this request and in its X-Request-Id header. */
  requestId?: string;
  userId: string | null;
  path: string;
  /** The key the submitted form was rendered with, once a parser has read it. */
  formKey: string | null;
  /** Set when a write has used the form key: one form, one write. */
  formKeyUsed: boolean;
  /** Set when a loader or action failed because the database could not be reached: the answer is a 503, not a 500. */
  databaseUnavailable?: boolean;
  /** What this request has already looked up (the layout's and the page's guard share one lookup). */
  memo?: Map<string, Promise<unknown>>;
};

// One store per process: the server (server/app.ts) and the built app bundle
// import this module separately, so the storage lives on globalThis.
const key = Symbol.for("partnership-governance.request-store");
type GlobalWithStore = typeof globalThis & { [key]?: AsyncLocalStorage<RequestStore> };
const storage = ((globalThis as GlobalWithStore)[key] ??= new AsyncLocalStorage<RequestStore>());

export function runWithRequestStore<T>(store: RequestStore, fn: () => T): T {
  return storage.run(store, fn);
}

export const requestStore = () => storage.getStore();

/** Looks something up once per request; outside a request, every time. */
export function oncePerRequest<T>(key: string, load: () => Promise<T>): Promise<T> {
  const store = storage.getStore();
  if (!store) return load();
  store.memo ??= new Map();
  let found = store.memo.get(key) as Promise<T> | undefined;
  if (!found) {
    // Adopted into a real promise: a query builder is a thenable that runs its query again on every await.
    found = (async () => load())();
    store.memo.set(key, found);
  }
  return found;
}

/**
 * A read several parts of one page need (the board's seats, the partners, the
 * terms in force): made once per request. Only on the database itself, never
 * inside a transaction, which may have changed what it reads.
 */
export function readOncePerRequest<T>(db: unknown, key: string, load: () => Promise<T>): Promise<T> {
  return db === openedDatabase()?.db ? oncePerRequest(key, load) : load();
}

/** The hidden field every rendered form carries (see AppForm). */
export const FORM_KEY_FIELD = "_once";

/** Notes the form's one-time key for the write this request is about to make. */
export function noteFormKey(form: FormData) {
  const store = storage.getStore();
  const key = form.get(FORM_KEY_FIELD);
  if (store && typeof key === "string" && /^[0-9a-f-]{36}$/.test(key) && !store.formKeyUsed) store.formKey = key;
}
