import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, ReasonField, VersionField } from "../../../platform/ui/forms";
import { MeetingFields } from "../components/meeting-fields";
import { withNotice } from "../../../platform/ui/notice";
import { SavedVersion } from "../../../platform/ui/saved-version";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { requireMeeting } from "../meeting-page.server";
import { editMeetingSchema, updateMeeting } from "../meetings.server";
import type { Route } from "./+types/meeting-edit";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Change a meeting – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "meeting:manage");
  const meeting = await requireMeeting(getDb(), scope, params.meetingId);
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, meeting };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "meeting:manage");
  const form = await readForm(request);
  const parsed = parseForm(editMeetingSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await updateMeeting(getDb(), scope, params.meetingId, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/meetings/${params.meetingId}`, "meeting-updated"));
}

export default function EditMeeting({ loaderData }: Route.ComponentProps) {
  const { partnership: p, meeting: m } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Change {m.title}</h1>
        <p className="govuk-body">If its invitations have been sent, everyone invited gets the change as an updated meeting request.</p>
        {f.conflict ? (
          <SavedVersion
            rows={[
              ["Title", m.title],
              ["When", `${formatDate(m.date)}, ${m.startTime} to ${m.endTime}`],
              ["Where", [m.location, m.onlineLink].filter(Boolean).join(" / ")],
            ]}
          />
        ) : null}
        <AppForm method="post" noValidate>
          <VersionField value={m.version} />
          <MeetingFields f={f} saved={m} />
          <ReasonField defaultValue={f.value("reason")} error={f.errors?.reason} />
          <div className="govuk-button-group">
            <Button>Save changes</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/meetings/${m.id}`}>
              Cancel
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
