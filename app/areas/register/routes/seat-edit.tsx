import { Link, redirect } from "react-router";
import { possessive } from "../../../platform/text/english";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, ReasonField, VersionField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { SavedVersion } from "../../../platform/ui/saved-version";
import { AuthorityFields, HolderFields } from "../components/seat-fields";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { boardRoleLabels, seniorityTierLabels } from "../rules/vocabulary";
import { editSeatSchema, seatForForm, updateSeat } from "../board.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import type { Route } from "./+types/seat-edit";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Change a seat – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "seat:edit", { seat: params.seatId });
  const seat = await seatForForm(getDb(), scope.partnership.id, params.seatId);
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, seat };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "seat:edit", { seat: params.seatId });
  const form = await readForm(request);
  const parsed = parseForm(editSeatSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await updateSeat(getDb(), scope, params.seatId, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/board/${params.seatId}`, "seat-updated"));
}

export default function EditSeat({ loaderData }: Route.ComponentProps) {
  const { partnership: p, seat: s } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <span className="govuk-caption-l">
          {boardRoleLabels[s.boardRole]}, {s.organisationName}
        </span>
        <h1 className="govuk-heading-l">Change {possessive(s.personName)} seat</h1>
        <p className="govuk-body">To give the seat to someone else, hand it over instead: the register keeps who held it when.</p>
        {f.conflict ? (
          <SavedVersion
            rows={[
              ["Job title", s.jobTitle],
              ["Seniority", seniorityTierLabels[s.seniority]],
              ["Vote", s.hasVote ? "Yes" : "No"],
              ["Term", `${formatDate(s.termStart)} to ${s.termEnd ? formatDate(s.termEnd) : "open-ended"}`],
            ]}
          />
        ) : null}
        <AppForm method="post" noValidate>
          <VersionField value={s.version} />
          <HolderFields f={f} saved={s} />
          <AuthorityFields f={f} saved={s} />
          <DateField name="termStart" label="Term starts" defaultValue={f.value("termStart", s.termStart)} error={f.errors?.termStart} />
          <DateField name="termEnd" label="Term ends (optional)" defaultValue={f.value("termEnd", s.termEnd)} error={f.errors?.termEnd} />
          <ReasonField defaultValue={f.value("reason")} error={f.errors?.reason} />
          <div className="govuk-button-group">
            <Button>Save changes</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/board/${s.id}`}>Cancel</Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
