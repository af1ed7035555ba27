import { Link } from "react-router";
import { getDb } from "../../../../db/client";
import { Notice } from "../../../platform/ui/notice";
import { participationPolicy } from "../accounts.server";
import { currentConsents } from "../consent.server";
import { openConsultations } from "../contributions.server";
import { appToday } from "../../../platform/clock.server";
import { formatDate } from "../../../platform/time/dates";
import { requirePortalPerson } from "../portal.server";
import { consentScopeLabels, consentScopes, consentState, ownScopes } from "../rules/consent";
import { closureNotice } from "../rules/accounts";
import type { Route } from "./+types/portal-home";

export const meta = () => [{ title: "Home – Have your say" }];

// A young person's home in the portal: whether what they write can be used
// yet, what they agreed to, and (as the portal grows) what to answer.
export async function loader({ request }: Route.LoaderArgs) {
  const person = await requirePortalPerson(request);
  const db = getDb();
  const today = appToday();
  const [consents, policy, open] = await Promise.all([currentConsents(db, person.id), participationPolicy(db, person.partnershipId), openConsultations(db, person, today)]);
  return {
    closing: closureNotice(person.closesOn, today),
    upperAge: policy.upperAge,
    open,
    displayName: person.displayName,
    state: consentState(consents, person.ageBand, policy.adultConsentUnder),
    agreed: [...ownScopes(consents)],
  };
}

export default function PortalHome({ loaderData }: Route.ComponentProps) {
  const { displayName, state, agreed, open, closing, upperAge } = loaderData;
  return (
    <>
      <Notice />
      <h1 className="govuk-heading-l">Hello, {displayName}</h1>
      {closing ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="closing-title" data-module="govuk-notification-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="closing-title">
              Your account is closing
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              {closing.daysLeft <= 1 ? "Your account closes very soon" : `Your account closes in ${closing.daysLeft} days`}, on {formatDate(closing.closesOn)}.
            </p>
            <p className="govuk-body">This is because you are reaching {upperAge + 1}, and this part of the partnership is for young people up to {upperAge}. Thank you for everything you told us.</p>
            <p className="govuk-body">When it closes, we delete your portal name, your passphrase and everything you wrote. If you want a copy, download it before then.</p>
            <Link to="/portal/my-data" className="govuk-button" data-module="govuk-button">
              Download your information
            </Link>
          </div>
        </div>
      ) : null}
      {state === "needs_own" ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">Before you start, tell us what you are happy for us to do with what you write. It is up to you.</p>
          <Link to="/portal/consent" className="govuk-button" data-module="govuk-button">
            Choose what you agree to
          </Link>
        </div>
      ) : state === "needs_adult" ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">Thank you for saying yes. Because of your age, we also need a parent or carer to say yes. Your participation worker will ask them.</p>
          <p className="govuk-body">Until then, nobody will use anything you write.</p>
        </div>
      ) : (
        <div className="govuk-inset-text">
          <p className="govuk-body">You are taking part. Thank you!</p>
        </div>
      )}
      {agreed.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">What you agreed to</h2>
          <ul className="govuk-list govuk-list--bullet">
            {consentScopes
              .filter((s) => agreed.includes(s))
              .map((s) => (
                <li key={s}>{consentScopeLabels[s]}</li>
              ))}
          </ul>
          <p className="govuk-body">
            <Link className="govuk-link" to="/portal/consent">
              Change this, or stop taking part
            </Link>
          </p>
        </>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to="/portal/my-data">
          See, download or delete your information
        </Link>
      </p>
      <h2 className="govuk-heading-m">Your ideas</h2>
      <p className="govuk-body">Got an idea, or something to say about how things are done? You do not have to wait to be asked.</p>
      <Link to="/portal/ideas" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Send an idea or feedback
      </Link>
      <h2 className="govuk-heading-m">Questions for you</h2>
      {open.length === 0 ? (
        <p className="govuk-body">There are no questions right now. When the people running the partnership want to hear from you, they will be here.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {open.map((c) => (
            <li key={c.id}>
              <Link className="govuk-link govuk-!-font-size-24" to={`/portal/consultations/${c.id}`}>
                {c.title}
              </Link>
              {c.closesOn ? <span className="govuk-body-s"> (until {formatDate(c.closesOn)})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
