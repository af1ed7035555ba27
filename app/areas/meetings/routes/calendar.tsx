import { Link, useActionData } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, SuccessBanner, TextField } from "../../../platform/ui/forms";
import { calendarFeedAddress, resetCalendarFeed } from "../calendar.server";
import { notFound, requireAdult } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import type { Route } from "./+types/calendar";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Your meetings calendar – Partnership governance" }];

// The page shows a secret address: never let a shared cache keep it.
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireAdult(request, context);
  const feedUrl = await calendarFeedAddress(getDb(), user.id);
  if (!feedUrl) notFound();
  return { feedUrl };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireAdult(request, context);
  await readForm(request); // only the one-time key: a repeated reset resets once
  await resetCalendarFeed(getDb(), user.id);
  return { ok: true as const, reset: true };
}

export default function Calendar({ loaderData }: Route.ComponentProps) {
  const { feedUrl } = loaderData;
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {result?.reset ? (
          <SuccessBanner>Your calendar address has been reset. The old address no longer works: add the new one below to your calendar apps.</SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">Your meetings calendar</h1>
        <p className="govuk-body">
          Subscribe to this address in Outlook, Google Calendar or another calendar app to see the meetings of every partnership you belong to,
          from three months ago onwards. Your calendar app checks it for changes, so new, moved and cancelled meetings appear by themselves.
        </p>
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

        <h2 className="govuk-heading-m">Reset the address</h2>
        <p className="govuk-body">
          If the address has been shared with someone who should not have it, reset it. The old address stops working straight away, and you
          will need to add the new one to your calendar apps again.
        </p>
        <AppForm method="post">
          <Button warning>Reset the address</Button>
        </AppForm>

        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Back to your partnerships
          </Link>
        </p>
      </div>
    </div>
  );
}
