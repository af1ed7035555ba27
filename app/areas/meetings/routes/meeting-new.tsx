import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, ReasonField } from "../../../platform/ui/forms";
import { MeetingFields } from "../components/meeting-fields";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { createMeeting, meetingSchema } from "../meetings.server";
import type { Route } from "./+types/meeting-new";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Schedule a meeting – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { partnership } = await requirePermission(request, context, params.slug, "meeting:manage");
  return { partnership: { slug: partnership.slug, name: partnership.name } };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "meeting:manage");
  const form = await readForm(request);
  const parsed = parseForm(meetingSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await createMeeting(getDb(), scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/meetings/${result.value}/agenda`, "meeting-created"));
}

export default function NewMeeting({ loaderData }: Route.ComponentProps) {
  const { partnership: p } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Schedule a meeting</h1>
        <AppForm method="post" noValidate>
          <MeetingFields f={f} />
          <ReasonField defaultValue={f.value("reason")} error={f.errors?.reason} />
          <div className="govuk-button-group">
            <Button>Schedule meeting</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/meetings`}>
              Cancel
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
