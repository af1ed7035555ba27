import { Link, redirect } from "react-router";
import { possessive } from "../../../platform/text/english";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, TextArea, VersionField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { boardRoleLabels } from "../rules/vocabulary";
import { endSeat, endSeatSchema, seatForForm } from "../board.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/seat-end";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "End a term – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "seat:edit", { seat: params.seatId });
  const seat = await seatForForm(getDb(), scope.partnership.id, params.seatId);
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, seat, today: appToday() };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "seat:edit", { seat: params.seatId });
  const form = await readForm(request);
  const parsed = parseForm(endSeatSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await endSeat(getDb(), scope, params.seatId, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/board/${params.seatId}`, "seat-ended"));
}

export default function EndSeat({ loaderData }: Route.ComponentProps) {
  const { partnership: p, seat: s, today } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <span className="govuk-caption-l">
          {boardRoleLabels[s.boardRole]}, {s.organisationName}
        </span>
        <h1 className="govuk-heading-l">End {possessive(s.personName)} term</h1>
        <AppForm method="post" noValidate>
          <VersionField value={s.version} />
          <DateField name="endDate" label="Last day on the board" defaultValue={f.value("endDate", today)} error={f.errors?.endDate} />
          <TextArea name="reason" label="Why the term is ending" rows={3} hint="Kept in the audit trail, for example: left the council, replaced by the new Assistant Director." defaultValue={f.value("reason")} error={f.errors?.reason} />
          <TextArea name="handoverNote" label="Handover note for whoever takes the seat next (optional)" rows={5} defaultValue={f.value("handoverNote")} error={f.errors?.handoverNote} />
          <div className="govuk-button-group">
            <Button warning>End term</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/board/${s.id}`}>Cancel</Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
