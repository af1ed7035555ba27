import { useActionData } from "react-router";
import { SetPasswordPage } from "../components/set-password-page";
import { loadTokenPage, submitTokenPage } from "../token-pages.server";
import type { Route } from "./+types/reset-password";

export const meta = () => [{ title: "Choose a new password – Partnership governance" }];

export const loader = ({ params }: Route.LoaderArgs) => loadTokenPage(params.token, "password_reset");
export const action = ({ request, params }: Route.ActionArgs) => submitTokenPage(request, params.token, "password_reset");

export default function ResetPassword({ loaderData }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  return (
    <SetPasswordPage
      title="Choose a new password"
      problem={loaderData.problem}
      email={loaderData.email ?? undefined}
      errors={result && !result.ok ? result.errors : undefined}
      submitLabel="Save password and sign in"
    />
  );
}
