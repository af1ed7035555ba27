import { Form, Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { TermsDocument } from "../components/terms-document";
import { TermsStatusTag } from "../components/terms-status";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate, formatDateTime } from "../../../platform/time/dates";
import { rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { createTermsDraft, listTermsVersions } from "../terms.server";
import { versionInForce } from "../rules/terms-of-reference";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/terms";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Terms of reference – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const today = appToday();
  const versions = await listTermsVersions(getDb(), scope.partnership.id);
  const current = versionInForce(versions, today);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    versions: versions.map(({ sections: _s, rules: _r, ...v }) => ({ ...v, inForce: v.id === current?.id })),
    current: current ?? null,
    canManage: scope.permissions.has("partnership:manage"),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const form = await readForm(request);
  const result = await createTermsDraft(getDb(), scope);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/terms/${result.value}/edit`, "terms-draft-created"));
}

export default function Terms({ loaderData }: Route.ComponentProps) {
  const { partnership: p, versions, current, canManage } = loaderData;
  const f = useFormResult();
  const draft = versions.find((v) => v.status === "draft");
  const comparable = versions;
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">Terms of reference</h1>
      {draft ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/p/${p.slug}/terms/${draft.versionNumber}`}>
            Version {draft.versionNumber} is being drafted
          </Link>
        </p>
      ) : canManage ? (
        <AppForm method="post">
          <Button secondary>Start drafting a new version</Button>
        </AppForm>
      ) : null}

      <h2 className="govuk-heading-m" id="versions">Versions</h2>
      <table className="govuk-table" aria-labelledby="versions">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Version</th>
            <th scope="col" className="govuk-table__header">Status</th>
            <th scope="col" className="govuk-table__header">In force from</th>
            <th scope="col" className="govuk-table__header">Approved</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {versions.map((v) => (
            <tr key={v.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/p/${p.slug}/terms/${v.versionNumber}`}>
                  Version {v.versionNumber}
                </Link>
              </th>
              <td className="govuk-table__cell"><TermsStatusTag status={v.status} effectiveFrom={v.effectiveFrom} inForce={v.inForce} /></td>
              <td className="govuk-table__cell">{v.effectiveFrom ? formatDate(v.effectiveFrom) : "–"}</td>
              <td className="govuk-table__cell">{v.approvedAt ? `${formatDateTime(v.approvedAt)}${v.approvedByName ? ` by ${v.approvedByName}` : ""}` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {comparable.length >= 2 ? (
        <Form method="get" action={`/p/${p.slug}/terms/compare`} className="app-filters">
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="from">Compare version</label>
            <select className="govuk-select" id="from" name="from" defaultValue={String(comparable[1].versionNumber)}>
              {comparable.map((v) => <option key={v.id} value={v.versionNumber}>Version {v.versionNumber}</option>)}
            </select>
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="to">with version</label>
            <select className="govuk-select" id="to" name="to" defaultValue={String(comparable[0].versionNumber)}>
              {comparable.map((v) => <option key={v.id} value={v.versionNumber}>Version {v.versionNumber}</option>)}
            </select>
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary">Compare</button>
        </Form>
      ) : null}

      {current ? (
        <>
          <h2 className="govuk-heading-l govuk-!-margin-top-6">Version {current.versionNumber}, in force since {formatDate(current.effectiveFrom)}</h2>
          <TermsDocument sections={current.sections} rules={current.rules} reviewDate={current.reviewDate} />
        </>
      ) : (
        <p className="govuk-body">No version has been approved yet, so the platform cannot check quorum or seniority.</p>
      )}
    </>
  );
}
