import { Link } from "react-router";
import { getDb } from "../../../../db/client";
import { partnershipTypeLabels, type PartnershipType } from "../rules/vocabulary";
import { requireAdult } from "../../../platform/guard.server";
import { listMyPartnerships } from "../partnerships.server";
import type { Route } from "./+types/home";

export const meta = () => [{ title: "Your partnerships – Partnership governance" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireAdult(request, context);
  return { partnerships: await listMyPartnerships(getDb(), user), isPlatformAdmin: user.isPlatformAdmin };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { partnerships, isPlatformAdmin } = loaderData;
  return (
    <>
      <h1 className="govuk-heading-l">Your partnerships</h1>
      {isPlatformAdmin ? (
        <>
          <p className="govuk-body">As a platform administrator you can see every partnership.</p>
          <Link className="govuk-button govuk-button--secondary" to="/admin/partnerships/new">
            Create a partnership
          </Link>
        </>
      ) : null}
      {partnerships.length === 0 ? (
        <p className="govuk-body">You are not a member of any partnership yet. Your partnership&apos;s chair can invite you.</p>
      ) : (
        <ul className="govuk-list">
          {partnerships.map((p) => (
            <li key={p.id} className="govuk-!-margin-bottom-4">
              <Link className="govuk-link govuk-heading-s govuk-!-margin-bottom-1" to={`/p/${p.slug}`}>
                {p.name}
              </Link>
              <span className="govuk-body-s govuk-!-display-block">
                {p.shortName} · {partnershipTypeLabels[p.type as PartnershipType] ?? p.type}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
