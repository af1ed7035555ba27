import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { requireUser } from "../../../platform/guard.server";
import { listMyPartnerships } from "../../partnerships/public.server";
import type { Route } from "./+types/portal";

export const meta = () => [{ title: "Have your say – Partnership governance" }];

// The young people's participation portal. A placeholder until the
// participation issue builds it; it is the only page a young person reaches.
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (user.kind !== "young_person") throw redirect("/");
  const partnerships = await listMyPartnerships(getDb(), user);
  return { name: user.name, partnerships: partnerships.map((p) => p.name) };
}

export default function Portal({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="govuk-heading-l">Hello, {loaderData.name}</h1>
      <p className="govuk-body-l">This is where you will be able to have your say and see what happened to it.</p>
      {loaderData.partnerships.length > 0 ? (
        <p className="govuk-body">You are taking part in: {loaderData.partnerships.join(", ")}.</p>
      ) : null}
      <p className="govuk-body">We are still building this part. Your participation worker will tell you when it is ready.</p>
    </>
  );
}
