import { data, Link, redirect, useActionData, useSearchParams } from "react-router";
import { getDb } from "../../../../db/client";
import { failure, parseForm } from "../../../platform/forms";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ErrorSummary, SuccessBanner, TextField } from "../../../platform/ui/forms";
import { portalCookie, portalSignInSchema, signInYoungPerson } from "../accounts.server";
import { currentPortalPerson } from "../portal.server";
import type { Route } from "./+types/portal-sign-in";

export const meta = () => [{ title: "Sign in – Have your say" }];

export async function loader({ request }: Route.LoaderArgs) {
  if (await currentPortalPerson(request)) throw redirect("/portal");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(portalSignInSchema, form, ["displayName"]);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await signInYoungPerson(getDb(), parsed.data, context.clientAddress);
  if (!result.ok) return data(failure({ [result.field]: result.message }, { displayName: parsed.data.displayName }), { status: 401 });
  throw redirect("/portal", { headers: { "Set-Cookie": portalCookie(result.token, result.expiresAt) } });
}

export default function PortalSignIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <>
      {params.get("signed-out") ? <SuccessBanner>You have signed out.</SuccessBanner> : null}
      {params.get("deleted") ? <SuccessBanner>Your account has been deleted.</SuccessBanner> : null}
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Sign in</h1>
      <AppForm method="post" noValidate>
        <TextField name="displayName" label="Your portal name" autoComplete="username" spellCheck={false} autoCapitalize="none" defaultValue={result && !result.ok ? String(result.values.displayName ?? "") : undefined} error={errors?.displayName} />
        <TextField name="passphrase" label="Your passphrase" type="password" autoComplete="current-password" error={errors?.passphrase} />
        <Button>Sign in</Button>
      </AppForm>
      <h2 className="govuk-heading-m">New here?</h2>
      <p className="govuk-body">If your participation worker gave you a code, use it to join.</p>
      <Link to="/portal/join" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Join with your code
      </Link>
      <p className="govuk-body">Forgotten your passphrase? Ask your participation worker for a new code. Nobody else can see your passphrase, not even them.</p>
    </>
  );
}
