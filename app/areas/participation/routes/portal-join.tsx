import { data, Link, redirect, useActionData } from "react-router";
import { getDb } from "../../../../db/client";
import { failure, parseForm } from "../../../platform/forms";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ErrorSummary, TextField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { joinSchema, portalCookie, redeemCode } from "../accounts.server";
import type { Route } from "./+types/portal-join";

export const meta = () => [{ title: "Join with your code – Have your say" }];

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(joinSchema, form, ["code", "displayName"]);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await redeemCode(getDb(), parsed.data, context.clientAddress);
  if (!result.ok) return data(failure({ [result.field]: result.message }, { code: String(form.get("code") ?? ""), displayName: parsed.data.displayName }), { status: result.message.startsWith("Too many") ? 429 : 400 });
  throw redirect(withNotice("/portal/consent", "portal-joined"), { headers: { "Set-Cookie": portalCookie(result.token, result.expiresAt) } });
}

export default function PortalJoin() {
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const typed = (k: string) => (result && !result.ok ? String(result.values[k] ?? "") : undefined);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Join with your code</h1>
      <p className="govuk-body">Your participation worker gave you a code. It works once, for 14 days.</p>
      <AppForm method="post" noValidate>
        <TextField name="code" label="Your code" hint="It looks like ABCD-2345" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} className="govuk-input--width-10" defaultValue={typed("code")} error={errors?.code} />
        <TextField
          name="displayName"
          label="Choose a portal name"
          hint="Make one up, like Skylark or Blue 7. Do not use your real name, your phone number or where you live. You sign in with it."
          autoComplete="off"
          spellCheck={false}
          defaultValue={typed("displayName")}
          error={errors?.displayName}
        />
        <TextField name="passphrase" label="Choose a passphrase" hint="At least 10 characters. Three words you will remember work well, like ‘purple kettle rain’. Nobody else can see it." type="password" autoComplete="new-password" error={errors?.passphrase} />
        <Button>Join</Button>
      </AppForm>
      <h2 className="govuk-heading-m">Already joined?</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to="/portal/sign-in">
          Sign in with your portal name
        </Link>
      </p>
    </>
  );
}
