import { data, redirect } from "react-router";
import { getDb } from "../../../db/client";
import { inspectToken, setPasswordSchema, setPasswordWithToken, tokenProblemMessages, type TokenPurpose } from "./auth.server";
import { failure, parseForm } from "../../platform/forms";
import { sessionCookie } from "./session.server";
import { readForm } from "../../platform/read-form.server";

// Shared loader/action for the two emailed-link pages (invitation, password reset).

export async function loadTokenPage(token: string | undefined, purpose: TokenPurpose) {
  const found = await inspectToken(getDb(), token ?? "", purpose);
  if (!found.ok) return data({ problem: tokenProblemMessages[purpose][found.problem], email: null }, { status: found.problem === "unknown" ? 404 : 410 });
  return { problem: null, email: found.user.email };
}

export async function submitTokenPage(request: Request, token: string | undefined, purpose: TokenPurpose) {
  const parsed = parseForm(setPasswordSchema, await readForm(request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await setPasswordWithToken(getDb(), token ?? "", purpose, parsed.data.password);
  if (!result.ok) {
    const found = await inspectToken(getDb(), token ?? "", purpose);
    const message = tokenProblemMessages[purpose][found.ok ? "used" : found.problem];
    return data(failure({ form: message }), { status: 410 });
  }
  throw redirect("/", { headers: { "Set-Cookie": sessionCookie(result.sessionToken, result.expiresAt) } });
}
