import { noteFormKey } from "./request-store.server";

/** A submitted form, its one-time key noted for the write it causes (every action reads its form this way). */
export async function readForm(request: Request): Promise<FormData> {
  const form = await request.formData();
  noteFormKey(form);
  return form;
}
