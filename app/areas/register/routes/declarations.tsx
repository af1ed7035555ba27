import { Link, redirect } from "react-router";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, SelectField, Tag, TextArea, TextField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { interestTypeLabels, interestTypes } from "../rules/vocabulary";
import { createDeclaration, declarantsFor, declarationSchema, listDeclarations } from "../declarations.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/declarations";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Declarations of interest – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const [declarations, declarants] = await Promise.all([listDeclarations(db, scope.partnership.id), declarantsFor(db, scope)]);
  const mayEnd = new Set(declarants.map((d) => d.id));
  const today = appToday();
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    today,
    declarations: declarations.map((d) => ({ ...d, current: !d.endedOn || d.endedOn >= today, canEnd: !d.endedOn && mayEnd.has(d.userId) })),
    declarants,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await readForm(request);
  const scope = await requirePermission(request, context, params.slug, "declaration:record", { member: String(form.get("userId") ?? "") });
  const parsed = parseForm(declarationSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await createDeclaration(getDb(), scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/declarations`, "declaration-added"));
}

export default function Declarations({ loaderData }: Route.ComponentProps) {
  const { partnership: p, declarations, declarants, today } = loaderData;
  const f = useFormResult();
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">Declarations of interest</h1>
      <div {...tableScroll("Register of interests")}>
        <table className="govuk-table" id="register">
          <caption className="govuk-table__caption govuk-table__caption--m">Register of interests ({declarations.filter((d) => d.current).length} current)</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Member</th>
              <th scope="col" className="govuk-table__header">Interest</th>
              <th scope="col" className="govuk-table__header">Organisation</th>
              <th scope="col" className="govuk-table__header">Declared</th>
              <th scope="col" className="govuk-table__header">Ended</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {declarations.map((d) => (
              <tr key={d.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{d.personName}</th>
                <td className="govuk-table__cell">
                  <Tag colour={d.current ? "yellow" : "grey"}>{interestTypeLabels[d.interestType]}</Tag> {d.description}
                </td>
                <td className="govuk-table__cell">{d.relatedOrganisation ?? "–"}</td>
                <td className="govuk-table__cell">{formatDate(d.declaredOn)}</td>
                <td className="govuk-table__cell">
                  {d.endedOn ? formatDate(d.endedOn) : d.canEnd ? (
                    <Link className="govuk-link" to={`/p/${p.slug}/declarations/${d.id}/end`}>
                      Record that it ended<span className="govuk-visually-hidden"> ({d.personName}: {d.description})</span>
                    </Link>
                  ) : "Current"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {declarants.length > 0 ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Declare an interest</h2>
            <AppForm method="post" noValidate>
              <SelectField
                name="userId"
                label="Member"
                defaultValue={f.value("userId", declarants.length === 1 ? declarants[0].id : "")}
                error={f.errors?.userId}
                options={[{ value: "", label: "Choose a member" }, ...declarants.map((d) => ({ value: d.id, label: `${d.name} (${d.organisationName})` }))]}
              />
              <SelectField name="interestType" label="Kind of interest" defaultValue={f.value("interestType", "financial")} error={f.errors?.interestType} options={interestTypes.map((t) => ({ value: t, label: interestTypeLabels[t] }))} />
              <TextArea name="description" label="The interest" rows={3} hint="For example: spouse is a trustee of a provider bidding for the block contract." defaultValue={f.value("description")} error={f.errors?.description} />
              <TextField name="relatedOrganisation" label="Organisation it concerns (optional)" defaultValue={f.value("relatedOrganisation")} error={f.errors?.relatedOrganisation} />
              <DateField name="declaredOn" label="Date declared" defaultValue={f.value("declaredOn", today)} error={f.errors?.declaredOn} />
              <Button>Add to the register</Button>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
