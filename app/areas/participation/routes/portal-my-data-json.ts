import { getDb } from "../../../../db/client";
import { everythingAbout } from "../my-data.server";
import { requirePortalPerson } from "../portal.server";
import type { Route } from "./+types/portal-my-data-json";

// The young person's own data as a file: everything on /portal/my-data.
export async function loader({ request }: Route.LoaderArgs) {
  const person = await requirePortalPerson(request);
  const data = await everythingAbout(getDb(), person);
  return new Response(JSON.stringify(data, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="my-information.json"', "Cache-Control": "no-store" },
  });
}
