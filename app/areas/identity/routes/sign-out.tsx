import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { signOut } from "../auth.server";
import { blankSessionCookie } from "../session.server";
import type { Route } from "./+types/sign-out";

export function loader() {
  return redirect("/");
}

export async function action({ context }: Route.ActionArgs) {
  if (context.user && context.sessionId) await signOut(getDb(), context.user.id, context.sessionId);
  throw redirect("/sign-in", { headers: { "Set-Cookie": blankSessionCookie() } });
}
