import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ChoiceGroup, DateField, ErrorSummary, TextArea, TextField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { BackLink } from "../../partnerships/components/partnership-nav";
import { listYoungPeople } from "../accounts.server";
import { activitySchema, recordActivity } from "../activities.server";
import { activityKindLabels, activityKinds, lundyElements, lundyLabels } from "../rules/activities";
import type { Route } from "./+types/activity-new";

export const meta = () => [{ title: "Record an activity – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  const people = await listYoungPeople(getDb(), scope.partnership.id);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    youngPeople: people.filter((p) => p.displayName && p.status === "active").map((p) => ({ value: p.id, label: p.displayName! })),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  const form = await readForm(request);
  const parsed = parseForm(activitySchema, form, "all", ["participants"]);
  if (!parsed.ok) return invalid(parsed);
  const result = await recordActivity(getDb(), scope, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/participation`, "activity-recorded"));
}

export default function ActivityNew({ loaderData }: Route.ComponentProps) {
  const { partnership: p, youngPeople } = loaderData;
  const f = useFormResult();
  return (
    <>
      <BackLink to={`/p/${p.slug}/participation`}>Young people</BackLink>
      <ErrorSummary errors={f.errors} />
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">Record an activity</h1>
      <p className="govuk-body">Adults see what happened and how many young people took part, never who.</p>
      <AppForm method="post" noValidate>
        <ChoiceGroup type="radio" name="kind" legend="What kind of activity" error={f.errors?.kind} options={activityKinds.map((k) => ({ value: k, label: activityKindLabels[k] }))} checked={f.checkedList("kind", [])} />
        <TextField name="title" label="Title" defaultValue={f.value("title")} error={f.errors?.title} />
        <DateField name="heldOn" label="Date held" defaultValue={f.value("heldOn")} error={f.errors?.heldOn} />
        {lundyElements.map((e) => (
          <TextArea key={e} name={e} label={lundyLabels[e].name} hint={lundyLabels[e].question} rows={3} defaultValue={f.value(e)} error={f.errors?.[e]} />
        ))}
        <TextField name="decisionReference" label="The decision it fed (optional)" hint="Its reference, like NELCP-2026-014." className="govuk-input--width-20" defaultValue={f.value("decisionReference")} error={f.errors?.decisionReference} />
        {youngPeople.length ? <ChoiceGroup type="checkbox" name="participants" legend="Who took part" hint="Only you see this." small error={f.errors?.participants} options={youngPeople} checked={f.checkedList("participants", [])} /> : null}
        <Button>Record the activity</Button>
      </AppForm>
    </>
  );
}
