import { data, Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, SelectField, TextArea, TextField, VersionField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { appToday } from "../../../platform/clock.server";
import { failure, rejected, submittedValues, versionField } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { getObligation } from "../obligations.server";
import { listFieldSets, saveFieldSet } from "../return-fields.server";
import { BLANK_FIELD_ROWS, fieldKindLabels, fieldKinds, MAX_FIELDS, readFieldEditor, type ReturnField } from "../rules/return-fields";
import type { Route } from "./+types/obligation-fields";

// The fields a return asks for. Saving makes a new version that applies from
// the next period to begin; returns already answered keep their own.

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Fields of ${data?.obligation.title ?? "a return"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const db = getDb();
  const obligation = await getObligation(db, scope.partnership.id, params.obligationId);
  if (!obligation) notFound("That obligation is not in this partnership.");
  const versions = await listFieldSets(db, obligation.id);
  return { partnership: { slug: scope.partnership.slug }, obligation: { id: obligation.id, title: obligation.title, version: obligation.version }, versions };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const form = await readForm(request);
  const text = (name: string) => String(form.get(name) ?? "");
  const version = versionField.safeParse(text("version"));
  if (!version.success) return data(failure({ version: version.error.issues[0].message }, submittedValues(form)), { status: 400 });
  const rows = Math.min(Math.max(Number(text("rows")) || 0, 0), MAX_FIELDS + BLANK_FIELD_ROWS);
  const read = readFieldEditor(text, rows);
  if (!read.ok) return data(failure(read.errors, submittedValues(form)), { status: 400 });
  const result = await saveFieldSet(getDb(), scope, params.obligationId, { fields: read.fields, version: version.data }, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/obligations/${params.obligationId}`, "return-fields-saved"));
}

export default function FieldsPage({ loaderData }: Route.ComponentProps) {
  const { partnership: p, obligation: o, versions } = loaderData;
  const f = useFormResult();
  const latest = versions[versions.length - 1];
  const current: (ReturnField | null)[] = [...(latest?.fields ?? []), ...Array<null>(BLANK_FIELD_ROWS).fill(null)];
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <span className="govuk-caption-l">{o.title}</span>
      <h1 className="govuk-heading-l">What the return asks for</h1>
      <p className="govuk-body">
        {latest
          ? "Saving makes a new version of the fields. It applies from the next period to begin: returns already sent, and the period under way, keep the fields they were answered against."
          : "The first version applies to every period, including those under way."}{" "}
        Clear a field&apos;s label to remove it. Use the blank rows to add fields.
      </p>
      <AppForm method="post" noValidate>
        <VersionField value={o.version} />
        <input type="hidden" name="rows" value={current.length} />
        {current.map((field, i) => (
          <fieldset key={field?.key ?? `new-${i}`} className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{field ? `Field ${i + 1}: ${field.label}` : `New field ${i + 1}`}</legend>
            <input type="hidden" name={`key-${i}`} value={field?.key ?? ""} />
            <TextField name={`label-${i}`} label="Label" defaultValue={f.value(`label-${i}`, field?.label)} error={f.errors?.[`label-${i}`]} />
            <SelectField
              name={`kind-${i}`}
              label="Kind of answer"
              defaultValue={f.value(`kind-${i}`, field?.kind ?? "number")}
              error={f.errors?.[`kind-${i}`]}
              options={fieldKinds.map((k) => ({ value: k, label: fieldKindLabels[k] }))}
            />
            <div className="govuk-form-group">
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id={`required-${i}`} name={`required-${i}`} type="checkbox" value="yes" defaultChecked={f.checked(`required-${i}`, field?.required ?? false)} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`required-${i}`}>
                    Required
                  </label>
                </div>
              </div>
            </div>
            <TextField name={`unit-${i}`} label="Unit (optional)" hint="For a number, for example families or children" className="govuk-input--width-20" defaultValue={f.value(`unit-${i}`, field?.unit)} error={f.errors?.[`unit-${i}`]} />
            <TextField name={`help-${i}`} label="Help line (optional)" defaultValue={f.value(`help-${i}`, field?.help)} error={f.errors?.[`help-${i}`]} />
            <TextArea name={`options-${i}`} label="Options, one per line (for a choice from a list)" rows={3} defaultValue={f.value(`options-${i}`, field?.options.join("\n"))} error={f.errors?.[`options-${i}`]} />
          </fieldset>
        ))}
        <Button>Save as a new version</Button>
      </AppForm>

      <h2 className="govuk-heading-m">Versions</h2>
      {versions.length === 0 ? (
        <p className="govuk-body">None yet: returns so far are a file and a comment.</p>
      ) : (
        <ul className="govuk-list">
          {[...versions].reverse().map((v) => (
            <li key={v.id}>
              Version {v.number}, from the period ending {formatDate(v.appliesFrom)}: {v.fields.map((x) => x.label).join(", ") || "no fields"}
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/p/${p.slug}/obligations/${o.id}`}>
          Back to {o.title}
        </Link>
      </p>
    </>
  );
}
