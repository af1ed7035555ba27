import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { blankPortalCookie, endPortalSession } from "../accounts.server";
import { currentPortalPerson } from "../portal.server";
import type { Route } from "./+types/portal-sign-out";

export function loader() {
  throw redirect("/portal");
}

export async function action({ request }: Route.ActionArgs) {
  const person = await currentPortalPerson(request);
  if (person) await endPortalSession(getDb(), person.sessionId);
  throw redirect("/portal/sign-in?signed-out=1", { headers: { "Set-Cookie": blankPortalCookie() } });
}
