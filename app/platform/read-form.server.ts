import { data } from "react-router";
import { noteFormKey } from "./request-store.server";

/** The most a form may send: 1 MB, or 20 MB (and a little for the other fields) where a file is uploaded. */
export const FORM_LIMIT_BYTES = 1024 * 1024;
export const UPLOAD_LIMIT_BYTES = 21 * 1024 * 1024;

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

const refusal = (status: number, message: string) => data({ ok: false as const, errors: { form: message }, values: {} }, { status });

/**
 * A submitted form, read within a size limit counted as it arrives (not from
 * Content-Length, which a client may leave out or get wrong), and its
 * one-time key noted for the write it causes. Anything that is not a web
 * form, is too large, or holds a character the database cannot store is
 * refused with a 4xx that says why: never half-read, never a server error.
 * Every action reads its form this way (lint).
 */
export async function readForm(request: Request, options: { upload?: boolean } = {}): Promise<FormData> {
  const limit = options.upload ? UPLOAD_LIMIT_BYTES : FORM_LIMIT_BYTES;
  const type = request.headers.get("content-type") ?? "";
  // The body is read (or, past the limit, read and dropped) before any answer, so the
  // client hears the answer instead of a connection reset part-way through sending.
  const body = await readWithin(request, limit, options.upload);
  if (!FORM_TYPES.test(type)) throw refusal(415, "Send this as a web form (application/x-www-form-urlencoded or multipart/form-data)");
  let form: FormData;
  try {
    form = await new Response(body as unknown as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw refusal(400, "The form could not be read: send it again from the page");
  }
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && value.includes("\u0000")) throw refusal(400, `The field ${name.slice(0, 40)} contains a character that cannot be stored (a null byte)`);
  }
  noteFormKey(form);
  return form;
}

const tooLarge = (upload?: boolean) => refusal(413, upload ? "The file must be 20 MB or smaller" : "This form sends more than 1 MB: shorten what you typed");

async function readWithin(request: Request, limit: number, upload?: boolean): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Read on without keeping anything, so the client gets the answer rather than a dropped connection; give up on a body far past the limit.
      for (let drained = total; drained < limit * 4; ) {
        const next = await reader.read();
        if (next.done) break;
        drained += next.value.byteLength;
      }
      await reader.cancel().catch(() => {});
      throw tooLarge(upload);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
