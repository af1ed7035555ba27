import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ChoiceGroup, DateField, ErrorSummary, SummaryList, TextArea, VersionField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { TermsDocument } from "../components/terms-document";
import { TermsStatusTag } from "../components/terms-status";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate, formatDateTime } from "../../../platform/time/dates";
import { versionInForce } from "../rules/terms-of-reference";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { approveTermsDraft, approveTermsSchema } from "../../decisions/public.server";
import { discardTermsDraft, discardTermsSchema, getTermsVersion } from "../terms.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/terms-version";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Terms of reference version ${data?.version.versionNumber ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const { version, versions } = await getTermsVersion(getDb(), scope.partnership.id, Number(params.number));
  if (!version) notFound("There is no such version of the terms of reference.");
  const today = appToday();
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    version,
    inForce: versionInForce(versions, today)?.id === version.id,
    previous: versions.find((v) => v.versionNumber < version.versionNumber)?.versionNumber ?? null,
    canManage: scope.permissions.has("partnership:manage"),
    today,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const form = await readForm(request);
  const n = Number(params.number);
  const terms = `/p/${scope.partnership.slug}/terms`;
  if (form.get("intent") === "discard") {
    const parsed = parseForm(discardTermsSchema, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await discardTermsDraft(getDb(), scope, n, parsed.data);
    // Discarded by someone else a moment ago: there is no draft left to show the conflict on.
    if (!result.ok && !(await getTermsVersion(getDb(), scope.partnership.id, n)).version) throw redirect(withNotice(terms, "terms-discarded-elsewhere"));
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(terms, "terms-discarded"));
  }
  const parsed = parseForm(approveTermsSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await approveTermsDraft(getDb(), scope, n, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`${terms}/${n}`, "terms-approved"));
}

export default function TermsVersionPage({ loaderData }: Route.ComponentProps) {
  const { partnership: p, version: v, inForce, previous, canManage, today } = loaderData;
  const f = useFormResult();
  const base = `/p/${p.slug}/terms`;
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">Terms of reference, version {v.versionNumber}</h1>
      <SummaryList
        rows={[
          ["Status", <TermsStatusTag key="s" status={v.status} effectiveFrom={v.effectiveFrom} inForce={inForce} />],
          v.effectiveFrom ? ["In force from", formatDate(v.effectiveFrom)] : null,
          v.approvedAt ? ["Approved", `${formatDateTime(v.approvedAt)}${v.approvedByName ? ` by ${v.approvedByName}` : ""}`] : null,
          v.approvalNote ? ["Approval", v.approvalNote] : null,
          v.approvedByDecision ? ["Decision", <Link key="d" className="govuk-link" to={`/p/${p.slug}/decisions/${v.approvedByDecision.id}`}>{v.approvedByDecision.reference}</Link>] : null,
          v.changeSummary ? ["What changed", <span key="c" className="app-pre-wrap">{v.changeSummary}</span>] : null,
        ]}
      />
      {previous ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${base}/compare?from=${previous}&to=${v.versionNumber}`}>
            Compare with version {previous}
          </Link>
        </p>
      ) : null}
      {canManage && v.status === "draft" ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <p className="govuk-body">
              <Link className="govuk-button govuk-button--secondary" to={`${base}/${v.versionNumber}/edit`}>
                Edit the draft
              </Link>
            </p>
            <h2 className="govuk-heading-m">Approve this version</h2>
            <p className="govuk-body">Once approved it cannot be changed, and the version it replaces is superseded from the date it takes effect.</p>
            <AppForm method="post" noValidate>
              <input type="hidden" name="intent" value="approve" />
              <VersionField value={v.version} />
              <DateField name="effectiveFrom" label="Takes effect on" defaultValue={f.value("effectiveFrom", today)} error={f.errors?.effectiveFrom} />
              <ChoiceGroup
                type="radio"
                name="route"
                legend="How the board approved it"
                hint="Approving terms is a decision: it goes in the decision log. To approve them at a meeting, record the decision on the meeting's page instead."
                error={f.errors?.route}
                options={[
                  { value: "chairs_action", label: "Chair's action" },
                  { value: "written_procedure", label: "Written procedure (members agreed in writing)" },
                ]}
                checked={[f.value("route", "chairs_action")]}
                small
              />
              <TextArea name="approvalNote" label="How it was approved (optional)" hint="For example: agreed by the board at its meeting on 12 March 2026, item 4." rows={2} defaultValue={f.value("approvalNote")} error={f.errors?.approvalNote} />
              <Button>Approve version {v.versionNumber}</Button>
            </AppForm>
            <AppForm method="post">
              <input type="hidden" name="intent" value="discard" />
              <VersionField value={v.version} />
              <Button warning>Discard this draft</Button>
            </AppForm>
          </div>
        </div>
      ) : null}
      <TermsDocument sections={v.sections} rules={v.rules} reviewDate={v.reviewDate} />
    </>
  );
}
