import { Link, redirect } from "react-router";
import { z } from "zod";
import { getDb } from "../../../../db/client";
import { Button, ChoiceGroup, ErrorSummary } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { getEmailPreferences, setEmailDigest } from "../account.server";
import { invalid, parseForm } from "../../../platform/forms";
import { requireAdult } from "../../../platform/guard.server";
import { calendarFeedStatus } from "../../meetings/public.server";
import { formatDateTime } from "../../../platform/time/dates";
import type { Route } from "./+types/account";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Your account – Partnership governance" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireAdult(request, context);
  const [preferences, calendar] = await Promise.all([getEmailPreferences(getDb(), user.id), calendarFeedStatus(getDb(), user.id)]);
  return { user: { name: user.name, email: user.email }, ...preferences, calendarSince: calendar ? formatDateTime(calendar.since) : null };
}

const preferenceSchema = z.object({ delivery: z.enum(["immediate", "digest"], { error: "Choose when to get non-urgent reminders" }) });

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireAdult(request, context);
  const parsed = parseForm(preferenceSchema, await readForm(request), "all");
  if (!parsed.ok) return invalid(parsed);
  await setEmailDigest(getDb(), user, parsed.data.delivery === "digest");
  throw redirect(withNotice("/account", "preferences-saved"));
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { user, emailDigest, calendarSince } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Notice />
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Your account</h1>
        <p className="govuk-body">
          Signed in as {user.name} ({user.email}).
        </p>
        <h2 className="govuk-heading-m">Email reminders</h2>
        <p className="govuk-body">
          Reminders about reporting returns and escalations to the chair always arrive as soon as they are due: partners have committed to them. You can
          choose how other reminders reach you: actions falling due, terms of reference reviews, board terms ending, deputies lapsing and minutes waiting
          for approval.
        </p>
        <AppForm method="post" noValidate>
          <ChoiceGroup
            type="radio"
            name="delivery"
            legend="Other reminders"
            error={f.errors?.delivery}
            options={[
              { value: "immediate", label: "Send each one as it is due" },
              { value: "digest", label: "Gather them into one email a day", hint: "Sent at about 07:30." },
            ]}
            checked={[f.value("delivery", emailDigest ? "digest" : "immediate")]}
          />
          <Button>Save preferences</Button>
        </AppForm>
        <h2 className="govuk-heading-m">Calendar address</h2>
        {calendarSince ? (
          <>
            <p className="govuk-body">
              You created a calendar address on {calendarSince}. Anyone who has it sees your meetings: turn it off if you no longer use it, or if it may have
              been shared.
            </p>
            <AppForm method="post" action="/calendar">
              <input type="hidden" name="intent" value="revoke" />
              <Button secondary>Turn off my calendar address</Button>
            </AppForm>
          </>
        ) : (
          <p className="govuk-body">
            You have no calendar address. <Link className="govuk-link" to="/calendar">Create one on your calendar page</Link>.
          </p>
        )}
      </div>
    </div>
  );
}
