import { redirect } from "react-router";
import { getDb } from "../../../db/client";
import { oncePerRequest } from "../../platform/request-store.server";
import { readPortalToken, validatePortalSession, type PortalPerson } from "./accounts.server";

// The portal's own guard: a young person's session, separate from adults'
// (a young person has no adult account and can reach nothing outside /portal).

/** The young person signed in to the portal on this request, or null. Looked up once per request. */
export function currentPortalPerson(request: Request): Promise<PortalPerson | null> {
  const token = readPortalToken(request.headers.get("Cookie"));
  if (!token) return Promise.resolve(null);
  return oncePerRequest(`portal:${token}`, () => validatePortalSession(getDb(), token));
}

/** The signed-in young person, or a redirect to the portal's sign-in. */
export async function requirePortalPerson(request: Request): Promise<PortalPerson> {
  const person = await currentPortalPerson(request);
  if (!person) throw redirect("/portal/sign-in");
  return person;
}
