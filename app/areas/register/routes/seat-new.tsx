import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, ReasonField, SelectField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { AuthorityFields, HolderFields } from "../components/seat-fields";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { boardRoleLabels, boardRoles } from "../rules/vocabulary";
import { createSeat, loadSeatFormChoices, newSeatSchema } from "../board.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requireAnyPermission, requirePermission } from "../../../platform/guard.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/seat-new";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Add a seat – Partnership governance" }];

const editors = ["partnership:manage", "board:manage_own_organisation"] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requireAnyPermission(request, context, params.slug, editors);
  const today = appToday();
  const choices = await loadSeatFormChoices(getDb(), scope, today);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    today,
    deputyFor: new URL(request.url).searchParams.get("deputyFor") ?? "",
    ...choices,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await readForm(request);
  const newSeat = { organisationId: String(form.get("organisationId") ?? ""), deputy: form.get("boardRole") === "deputy" };
  const scope = await requirePermission(request, context, params.slug, "seat:create", { newSeat });
  const parsed = parseForm(newSeatSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await createSeat(getDb(), scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/board/${result.value}`, "seat-added"));
}

export default function NewSeat({ loaderData }: Route.ComponentProps) {
  const { partnership: p, today, deputyFor, manager, people, organisations, members } = loaderData;
  const f = useFormResult();
  const preset = members.find((m) => m.id === deputyFor);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">{manager ? "Add a seat to the board" : "Name a deputy"}</h1>
        <AppForm method="post" noValidate>
          <SelectField
            name="userId"
            label="Person"
            hint={<>Only people who belong to this partnership are listed. <Link className="govuk-link" to={`/p/${p.slug}/invite`}>Invite someone first</Link> if they are not.</>}
            defaultValue={f.value("userId", "")}
            error={f.errors?.userId}
            options={[{ value: "", label: "Choose a person" }, ...people.map((x) => ({ value: x.id, label: x.jobTitle ? `${x.name} – ${x.jobTitle}` : x.name }))]}
          />
          <SelectField
            name="organisationId"
            label="Organisation they represent"
            defaultValue={f.value("organisationId", preset?.organisationId ?? (organisations.length === 1 ? organisations[0].id : ""))}
            error={f.errors?.organisationId}
            options={[{ value: "", label: "Choose an organisation" }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          />
          {manager ? (
            <SelectField
              name="boardRole"
              label="Board role"
              defaultValue={f.value("boardRole", preset ? "deputy" : "member")}
              error={f.errors?.boardRole}
              options={boardRoles.map((r) => ({ value: r, label: boardRoleLabels[r] }))}
            />
          ) : (
            <input type="hidden" name="boardRole" value="deputy" />
          )}
          <SelectField
            name="deputyForSeatId"
            label={manager ? "Deputy for (only for the deputy role)" : "Deputy for"}
            hint="The member this person may stand in for, from the same organisation."
            defaultValue={f.value("deputyForSeatId", preset?.id ?? "")}
            error={f.errors?.deputyForSeatId}
            options={[{ value: "", label: manager ? "Not a deputy" : "Choose a member" }, ...members.map((m) => ({ value: m.id, label: m.label }))]}
          />
          <HolderFields f={f} />
          <AuthorityFields f={f} />
          <DateField name="termStart" label="Term starts" defaultValue={f.value("termStart", today)} error={f.errors?.termStart} />
          <DateField name="termEnd" label="Term ends (optional)" hint="For a deputy, the day the delegation lapses." defaultValue={f.value("termEnd")} error={f.errors?.termEnd} />
          <ReasonField defaultValue={f.value("reason")} error={f.errors?.reason} />
          <div className="govuk-button-group">
            <Button>{manager ? "Add seat" : "Name deputy"}</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/board`}>Cancel</Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
