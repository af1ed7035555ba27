import { Link, redirect } from "react-router";
import { possessive } from "../../../platform/text/english";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, SelectField, TextArea, VersionField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { HolderFields } from "../components/seat-fields";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { boardRoleLabels } from "../rules/vocabulary";
import { listPeopleInPartnership, replaceHolderSchema, replaceSeatHolder, seatForForm } from "../board.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/seat-replace";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Hand a seat over – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "seat:edit", { seat: params.seatId });
  const db = getDb();
  const seat = await seatForForm(db, scope.partnership.id, params.seatId);
  const people = (await listPeopleInPartnership(db, scope.partnership.id)).filter((x) => x.id !== seat.userId);
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, seat, people, today: appToday() };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "seat:edit", { seat: params.seatId });
  const form = await readForm(request);
  const parsed = parseForm(replaceHolderSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await replaceSeatHolder(getDb(), scope, params.seatId, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/board/${result.value}`, "seat-replaced"));
}

export default function ReplaceHolder({ loaderData }: Route.ComponentProps) {
  const { partnership: p, seat: s, people, today } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <span className="govuk-caption-l">
          {boardRoleLabels[s.boardRole]}, {s.organisationName}
        </span>
        <h1 className="govuk-heading-l">Hand {possessive(s.personName)} seat to someone else</h1>
        <p className="govuk-body">
          {possessive(s.personName)} term ends the day before the new holder takes over. The role, vote and any deputies carry over to the new holder.
        </p>
        <AppForm method="post" noValidate>
          <VersionField value={s.version} />
          <SelectField
            name="userId"
            label="New holder"
            hint={<>Not listed? <Link className="govuk-link" to={`/p/${p.slug}/invite`}>Invite them to the partnership</Link> first.</>}
            defaultValue={f.value("userId", "")}
            error={f.errors?.userId}
            options={[{ value: "", label: "Choose a person" }, ...people.map((x) => ({ value: x.id, label: x.jobTitle ? `${x.name} – ${x.jobTitle}` : x.name }))]}
          />
          <HolderFields f={f} />
          <DateField name="startDate" label="Date they take over" defaultValue={f.value("startDate", today)} error={f.errors?.startDate} />
          <DateField name="termEnd" label="Their term ends (optional)" defaultValue={f.value("termEnd", s.termEnd)} error={f.errors?.termEnd} />
          <TextArea name="reason" label="Why the seat is changing hands" rows={3} defaultValue={f.value("reason")} error={f.errors?.reason} />
          <TextArea name="handoverNote" label="Handover note from the outgoing holder (optional)" hint="What the new holder needs to know: open actions, commitments, relationships." rows={5} defaultValue={f.value("handoverNote")} error={f.errors?.handoverNote} />
          <div className="govuk-button-group">
            <Button>Hand over seat</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/board/${s.id}`}>Cancel</Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
