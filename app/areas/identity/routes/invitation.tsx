import { useActionData } from "react-router";
import { SetPasswordPage } from "../components/set-password-page";
import { loadTokenPage, submitTokenPage } from "../token-pages.server";
import type { Route } from "./+types/invitation";

export const meta = () => [{ title: "Set up your account – Partnership governance" }];

export const loader = ({ params }: Route.LoaderArgs) => loadTokenPage(params.token, "invitation");
export const action = ({ request, params }: Route.ActionArgs) => submitTokenPage(request, params.token, "invitation");

export default function AcceptInvitation({ loaderData }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  return (
    <SetPasswordPage
      title="Set up your account"
      problem={loaderData.problem}
      email={loaderData.email ?? undefined}
      errors={result && !result.ok ? result.errors : undefined}
      submitLabel="Set password and sign in"
    />
  );
}
