import { data, Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, SummaryList, Tag, TextArea, WarningText } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { appNow, appToday } from "../../../platform/clock.server";
import { failure, invalid, parseForm, rejected, submittedValues } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { MAX_PAPER_BYTES, checkPaper } from "../../meetings/public.server";
import { submissionSchema, submitReturn } from "../obligations.server";
import { loadReturnForm, saveDraft } from "../return-fields.server";
import { periodStatusLabels } from "../rules/obligations";
import { formatFieldValue, readReturnValues, typedValue } from "../rules/return-fields";
import { ReturnFieldInput } from "../components/return-field-input";
import type { Route } from "./+types/obligation-return";

// One partner's return for one period: the fields in force for that period,
// saved as a draft as often as wanted, then sent for review.

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.obligation.title ?? "Return"} – Partnership governance` }];

const query = (request: Request) => {
  const url = new URL(request.url);
  return { organisationId: url.searchParams.get("partner") ?? "", periodKey: url.searchParams.get("period") ?? "" };
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { organisationId, periodKey } = query(request);
  const scope = await requirePermission(request, context, params.slug, "return:submit", { organisation: organisationId });
  const page = await loadReturnForm(getDb(), scope, params.obligationId, organisationId, periodKey, appToday());
  if (!page.found) notFound(page.message);
  const { found: _f, ...rest } = page;
  return { partnership: { slug: scope.partnership.slug }, ...rest };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_PAPER_BYTES + 1024 * 1024) return data(failure({ file: "The file must be 20 MB or smaller" }), { status: 413 });
  const { organisationId, periodKey } = query(request);
  const scope = await requirePermission(request, context, params.slug, "return:submit", { organisation: organisationId });
  const db = getDb();
  const form = await readForm(request, { upload: true });
  const page = await loadReturnForm(db, scope, params.obligationId, organisationId, periodKey, appToday());
  if (!page.found) notFound(page.message);
  const parsed = parseForm(submissionSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  if (parsed.data.organisationId !== organisationId || parsed.data.periodKey !== page.period.key) return data(failure({ form: "This form is for another partner or period: reload the page" }, submittedValues(form)), { status: 400 });
  const draft = form.get("intent") === "draft";
  const read = readReturnValues(page.fieldSet?.fields ?? [], (name) => String(form.get(name) ?? ""), draft ? "draft" : "submit");
  if (!read.ok) return data(failure(read.errors, submittedValues(form)), { status: 400 });
  const here = `/p/${scope.partnership.slug}/obligations/${page.obligation.id}`;
  if (draft) {
    const draftVersion = Number(form.get("draftVersion") ?? "0");
    const result = await saveDraft(db, scope, page.obligation.id, { ...parsed.data, values: read.values, draftVersion: Number.isInteger(draftVersion) ? draftVersion : -1 }, appNow());
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(`${here}/return?partner=${organisationId}&period=${page.period.key}`, "return-draft-saved"));
  }
  const upload = form.get("file");
  let file = null;
  if (upload instanceof File && upload.size > 0) {
    const bytes = Buffer.from(await upload.arrayBuffer());
    const checked = checkPaper(upload.name, bytes);
    if (!checked.ok) return data(failure({ file: checked.message }, submittedValues(form)), { status: 400 });
    file = { filename: checked.filename, contentType: checked.contentType, bytes };
  }
  const result = await submitReturn(db, scope, page.obligation.id, { ...parsed.data, values: read.values }, file, appNow());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(here, "return-submitted"));
}

export default function ReturnPage({ loaderData }: Route.ComponentProps) {
  const { partnership: p, obligation: o, period, partner, fieldSet, draft, latest } = loaderData;
  const f = useFormResult();
  const base = `/p/${p.slug}/obligations/${o.id}`;
  const fields = fieldSet?.fields ?? [];
  const open = !latest || latest.status === "returned";
  // What the form starts with: the draft, else the answers sent back for correction.
  const start = draft?.figures ?? (latest?.status === "returned" && latest.fieldSetId === (fieldSet?.id ?? null) ? latest.figures : {});
  const startComment = draft?.comment ?? (latest?.status === "returned" ? latest.comment : null);
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <span className="govuk-caption-l">
        {partner.name} · {o.title}
      </span>
      <h1 className="govuk-heading-l">Return for {period.label}</h1>
      <SummaryList
        rows={[
          ["Period", `${formatDate(period.start)} to ${formatDate(period.end)}`],
          ["Due", formatDate(period.due)],
          latest ? ["Where it stands", <Tag key="s" colour={latest.status === "accepted" ? "green" : latest.status === "returned" ? "red" : "blue"}>{periodStatusLabels[latest.status]}</Tag>] : null,
          o.instructions ? ["What to send", <span key="i" className="app-pre-wrap">{o.instructions}</span>] : null,
        ]}
      />
      {latest?.status === "returned" && latest.reviewReason ? (
        <WarningText>
          Sent back for changes: {latest.reviewReason}
        </WarningText>
      ) : null}

      {!open && latest ? (
        <>
          <p className="govuk-body">
            Submitted on {formatDate(latest.submittedOn)}
            {latest.submittedBy ? ` by ${latest.submittedBy}` : ""}.
          </p>
          {latest.fields.length ? (
            <SummaryList rows={latest.fields.map((field) => [field.label, formatFieldValue(field, latest.figures[field.key]) || "Not given"])} />
          ) : null}
        </>
      ) : (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {draft ? <p className="govuk-body">Draft saved {formatDate(draft.savedAt.toISOString().slice(0, 10))}. Nobody else sees it until you send the return.</p> : null}
            <AppForm method="post" encType="multipart/form-data" noValidate>
              <input type="hidden" name="organisationId" value={partner.organisationId} />
              <input type="hidden" name="periodKey" value={period.key} />
              <input type="hidden" name="fieldSetId" value={fieldSet?.id ?? ""} />
              <input type="hidden" name="draftVersion" value={draft?.version ?? 0} />
              {fields.map((field) => (
                <ReturnFieldInput key={field.key} field={field} value={f.value(`field_${field.key}`, typedValue(field, start[field.key]))} error={f.errors?.[`field_${field.key}`]} />
              ))}
              <TextArea name="comment" label="Comment (optional)" rows={3} defaultValue={f.value("comment", startComment)} error={f.errors?.comment} />
              <div className={`govuk-form-group${f.errors?.file ? " govuk-form-group--error" : ""}`}>
                <label className="govuk-label" htmlFor="file">
                  The return as a file (optional)
                </label>
                <div id="file-hint" className="govuk-hint">
                  A PDF or an Office document, 20 MB or smaller. A draft does not keep a file: attach it when you send the return.
                </div>
                {f.errors?.file ? (
                  <p id="file-error" className="govuk-error-message">
                    <span className="govuk-visually-hidden">Error:</span> {f.errors.file}
                  </p>
                ) : null}
                <input className="govuk-file-upload" id="file" name="file" type="file" aria-describedby={f.errors?.file ? "file-hint file-error" : "file-hint"} />
              </div>
              <div className="govuk-button-group">
                <Button name="intent" value="submit">
                  Send the return
                </Button>
                <Button name="intent" value="draft" secondary>
                  Save as a draft
                </Button>
              </div>
            </AppForm>
          </div>
        </div>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={base}>
          Back to {o.title}
        </Link>
      </p>
    </>
  );
}
