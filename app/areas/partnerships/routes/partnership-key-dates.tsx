import { Link, redirect } from "react-router";
import { z } from "zod";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, SelectField, TextField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { keyDateKindLabels, keyDateKinds } from "../rules/vocabulary";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { addKeyDate, keyDateSchema, listKeyDates, removeKeyDate } from "../partnerships.server";
import type { Route } from "./+types/partnership-key-dates";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Key dates – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { partnership } = await requirePermission(request, context, params.slug, "partnership:manage");
  return { partnership: { slug: partnership.slug, name: partnership.name }, keyDates: await listKeyDates(getDb(), partnership.id) };
}

const removeSchema = z.object({ keyDateId: z.uuid({ error: "Choose a date to remove" }) });

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const form = await readForm(request);
  const back = `/p/${scope.partnership.slug}/key-dates`;
  if (form.get("intent") === "remove") {
    const parsed = parseForm(removeSchema, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await removeKeyDate(getDb(), scope, parsed.data.keyDateId);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(back, "key-date-removed"));
  }
  const parsed = parseForm(keyDateSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await addKeyDate(getDb(), scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(back, "key-date-added"));
}

export default function KeyDates({ loaderData }: Route.ComponentProps) {
  const { partnership: p, keyDates } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Notice />
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Key dates</h1>
        <p className="govuk-body">Review dates, break clauses and extensions in the partnership&apos;s agreement.</p>
        {keyDates.length === 0 ? (
          <p className="govuk-body">No dates recorded yet.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Recorded dates</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Date</th>
                <th scope="col" className="govuk-table__header">Kind</th>
                <th scope="col" className="govuk-table__header">Description</th>
                <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {keyDates.map((d) => (
                <tr key={d.id} className="govuk-table__row">
                  <td className="govuk-table__cell">{formatDate(d.onDate)}</td>
                  <td className="govuk-table__cell">{keyDateKindLabels[d.kind]}</td>
                  <td className="govuk-table__cell">{d.description}</td>
                  <td className="govuk-table__cell">
                    <AppForm method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="keyDateId" value={d.id} />
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                        Remove<span className="govuk-visually-hidden"> {keyDateKindLabels[d.kind].toLowerCase()} on {formatDate(d.onDate)}</span>
                      </button>
                    </AppForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2 className="govuk-heading-m">Add a date</h2>
        <AppForm method="post" noValidate>
          <SelectField name="kind" label="Kind of date" defaultValue={f.value("kind", "review")} error={f.errors?.kind} options={keyDateKinds.map((k) => ({ value: k, label: keyDateKindLabels[k] }))} />
          <DateField name="onDate" label="Date" defaultValue={f.value("onDate")} error={f.errors?.onDate} />
          <TextField name="description" label="Description" hint="For example: annual review of the collaboration agreement." defaultValue={f.value("description")} error={f.errors?.description} />
          <Button>Add date</Button>
        </AppForm>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/p/${p.slug}`}>
            Back to the overview
          </Link>
        </p>
      </div>
    </div>
  );
}
