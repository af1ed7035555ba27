import { data, Link, redirect, useActionData, useSearchParams } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, TextField } from "../../../platform/ui/forms";
import { signIn, signInSchema } from "../auth.server";
import { failure, parseForm } from "../../../platform/forms";
import { safeRedirect } from "../../../platform/redirect";
import { sessionCookie } from "../session.server";
import type { Route } from "./+types/sign-in";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Sign in – Partnership governance" }];

// Pass the action's headers (Retry-After when rate-limited) to the page response.
export const headers = ({ actionHeaders }: Route.HeadersArgs) => actionHeaders;

export function loader({ context, request }: Route.LoaderArgs) {
  if (context.user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(signInSchema, form, ["email"]);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await signIn(getDb(), parsed.data, context.clientAddress);
  if (!result.ok) {
    if (result.reason === "rate_limited") {
      const n = result.retryAfterSeconds < 60 ? result.retryAfterSeconds : Math.ceil(result.retryAfterSeconds / 60);
      const wait = `${n} ${result.retryAfterSeconds < 60 ? "second" : "minute"}${n === 1 ? "" : "s"}`;
      return data(
        failure({ form: `Too many failed sign-in attempts. Wait ${wait}, then try again.` }, { email: parsed.data.email }),
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return data(failure({ email: "Enter a correct email address and password" }, { email: parsed.data.email }), { status: 401 });
  }
  const to = result.kind === "young_person" ? "/portal" : safeRedirect(form.get("redirectTo"));
  throw redirect(to, { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt) } });
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Sign in</h1>
        <AppForm method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <TextField
            name="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            defaultValue={result && !result.ok ? result.values.email : undefined}
            error={errors?.email}
          />
          <TextField name="password" label="Password" type="password" autoComplete="current-password" error={errors?.password} />
          <Button>Sign in</Button>
        </AppForm>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgot-password">
            Forgotten your password?
          </Link>
        </p>
      </div>
    </div>
  );
}
