import { Link, useActionData } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, SuccessBanner, TextField } from "../../../platform/ui/forms";
import { calendarFeedStatus, resetCalendarFeed, revokeCalendarFeed } from "../calendar.server";
import { formatDateTime } from "../../../platform/time/dates";
import { requireAdult } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import type { Route } from "./+types/calendar";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Your meetings calendar – Partnership governance" }];

// The page shows a secret address: never let a shared cache keep it.
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireAdult(request, context);
  const status = await calendarFeedStatus(getDb(), user.id);
  return { since: status ? formatDateTime(status.since) : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireAdult(request, context);
  const form = await readForm(request);
  if (form.get("intent") === "revoke") {
    await revokeCalendarFeed(getDb(), user.id);
    return { ok: true as const, revoked: true, feedUrl: null };
  }
  return { ok: true as const, revoked: false, feedUrl: await resetCalendarFeed(getDb(), user) };
}

export default function Calendar({ loaderData }: Route.ComponentProps) {
  const { since } = loaderData;
  const result = useActionData<typeof action>();
  const feedUrl = result?.feedUrl ?? null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {result?.revoked ? <SuccessBanner>Your calendar address has been turned off. Calendar apps that had it no longer see your meetings.</SuccessBanner> : null}
        <h1 className="govuk-heading-l">Your meetings calendar</h1>
        <p className="govuk-body">
          Subscribe to your own calendar address in Outlook, Google Calendar or another calendar app to see the meetings of every partnership you
          belong to, from three months ago onwards. Your calendar app checks it for changes, so new, moved and cancelled meetings appear by themselves.
        </p>
        {feedUrl ? (
          <>
            <SuccessBanner>Your new calendar address is ready. Copy it now: for your safety it is not shown again.</SuccessBanner>
            <TextField
              name="feedUrl"
              label="Your calendar address"
              hint="Keep this address private: anyone who has it can see your meetings. Select it and copy it into your calendar app."
              type="text"
              className="govuk-!-width-full"
              value={feedUrl}
              readOnly
              spellCheck={false}
              autoComplete="off"
              onFocus={(e) => e.currentTarget.select()}
            />
          </>
        ) : since ? (
          <p className="govuk-body">
            You created your calendar address on {since}. It is not shown again: if you have lost it, create a new one below (the old one then stops
            working).
          </p>
        ) : (
          <>
            <p className="govuk-body">You have no calendar address yet.</p>
            <AppForm method="post">
              <input type="hidden" name="intent" value="create" />
              <Button>Create my calendar address</Button>
            </AppForm>
          </>
        )}

        <h2 className="govuk-heading-m">Add it to Outlook</h2>
        <ol className="govuk-list govuk-list--number">
          <li>In Outlook on the web, open your calendar and select Add calendar.</li>
          <li>Select Subscribe from web and paste the address.</li>
          <li>Give the calendar a name, such as Partnership meetings, and select Import.</li>
        </ol>
        <p className="govuk-body">
          In the Outlook desktop app, go to the calendar, select Add calendar, then From Internet, and paste the address.
        </p>

        <h2 className="govuk-heading-m">Add it to Google Calendar</h2>
        <ol className="govuk-list govuk-list--number">
          <li>Open Google Calendar on a computer (this cannot be done in the phone app).</li>
          <li>Next to Other calendars, select the plus sign, then From URL.</li>
          <li>Paste the address and select Add calendar.</li>
        </ol>
        <p className="govuk-body">
          Google Calendar and Outlook check subscribed calendars every few hours, so a change may take a while to appear.
        </p>

        {since || feedUrl ? (
          <>
            <h2 className="govuk-heading-m">Replace or turn off the address</h2>
            <p className="govuk-body">
              If the address has been shared with someone who should not have it, or you have lost it, create a new one. The old address stops
              working straight away, and you will need to add the new one to your calendar apps again.
            </p>
            <AppForm method="post">
              <input type="hidden" name="intent" value="create" />
              <Button warning>Create a new address</Button>
            </AppForm>
            <AppForm method="post">
              <input type="hidden" name="intent" value="revoke" />
              <Button secondary>Turn off my calendar address</Button>
            </AppForm>
          </>
        ) : null}

        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Back to your partnerships
          </Link>
        </p>
      </div>
    </div>
  );
}
