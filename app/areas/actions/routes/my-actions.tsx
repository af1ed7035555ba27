import { Link } from "react-router";
import { getDb } from "../../../../db/client";
import { ActionTable } from "../components/action-table";
import { listMyActions } from "../actions.server";
import { RECENTLY_CLOSED } from "../rules";
import { appToday } from "../../../platform/clock.server";
import { requireAdult } from "../../../platform/guard.server";
import type { Route } from "./+types/my-actions";

export const meta = () => [{ title: "My actions – Partnership governance" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireAdult(request, context);
  return listMyActions(getDb(), user.id, appToday());
}

export default function MyActions({ loaderData }: Route.ComponentProps) {
  const { open, openCount, closed } = loaderData;
  const overdue = open.filter((r) => r.state === "overdue").length;
  return (
    <>
      <h1 className="govuk-heading-l">My actions</h1>
      <p className="govuk-body">
        {openCount === 0 ? "You have no open actions." : `You have ${openCount} open ${openCount === 1 ? "action" : "actions"}${overdue ? `, ${overdue}${openCount > open.length ? " or more" : ""} overdue` : ""}.`}{" "}
        <Link className="govuk-link" to="/">
          Your partnerships
        </Link>
      </p>
      {open.length ? <ActionTable rows={open} caption={openCount > open.length ? `Open: the ${open.length} due soonest` : "Open"} showPartnership /> : null}
      {closed.length ? <ActionTable rows={closed} caption={closed.length < RECENTLY_CLOSED ? "Done or cancelled" : `Done or cancelled: the latest ${RECENTLY_CLOSED}`} showPartnership /> : null}
    </>
  );
}
