import { z } from "zod";
import { data, useActionData } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, TextField } from "../../../platform/ui/forms";
import { emailSchema, requestPasswordReset, RESET_LIFETIME_MINUTES } from "../auth.server";
import { parseForm } from "../../../platform/forms";
import type { Route } from "./+types/forgot-password";
import { runInBackground } from "../../../platform/background.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Reset your password – Partnership governance" }];

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = parseForm(z.object({ email: emailSchema }), await readForm(request), ["email"]);
  if (!parsed.ok) return data(parsed, { status: 400 });
  // Not awaited: the answer is the same, as quickly, whether or not the address has an account.
  const db = getDb();
  runInBackground("a password reset request", () => requestPasswordReset(db, parsed.data.email, context.clientAddress));
  return { ok: true as const, email: parsed.data.email, expiresInMinutes: RESET_LIFETIME_MINUTES };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  if (result?.ok)
    return (
      <>
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">
          If {result.email} has an account, we have sent it a link to choose a new password. The link expires in{" "}
          {result.expiresInMinutes} minutes.
        </p>
      </>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <AppForm method="post" noValidate>
          <TextField
            name="email"
            label="Email address"
            hint="We will email you a link to choose a new password."
            type="email"
            autoComplete="username"
            spellCheck={false}
            defaultValue={result?.values.email}
            error={result?.errors.email}
          />
          <Button>Send the link</Button>
        </AppForm>
      </div>
    </div>
  );
}
