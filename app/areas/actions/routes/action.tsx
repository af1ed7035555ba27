import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { actionStateColour } from "../components/action-table";
import { Button, DateField, ErrorSummary, SelectField, SummaryList, Tag, TextArea, VersionField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { SavedVersion } from "../../../platform/ui/saved-version";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate, formatDateTime } from "../../../platform/time/dates";
import { actionStatuses, actionStatusLabels } from "../rules";
import { actionOwner, actionUpdateSchema, getAction, updateAction } from "../actions.server";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import type { Route } from "./+types/action";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { actionInput } from "../../participation/public.server";
import { showCount } from "../../participation/public";
import { YoungPeoplesInput } from "../../participation/components/young-peoples-input";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.action.title ?? "Action"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const found = await getAction(db, scope.partnership.id, params.actionId, appToday());
  if (!found) notFound("That action is not in this partnership.");
  // Young people's input, as the participation area gives it: a suppressed count and consented quotes only.
  const input = await actionInput(db, scope.partnership.id, found.action.id);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    ...found,
    canUpdate: scope.canOn("action:update", actionOwner(found.action)),
    youngPeoplesInput: input ? { count: showCount(input.youngPeople), quotes: input.quotes } : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "action:update", { action: params.actionId });
  const form = await readForm(request);
  const parsed = parseForm(actionUpdateSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await updateAction(getDb(), scope, params.actionId, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/actions/${params.actionId}`, "action-updated"));
}

export default function ActionPage({ loaderData }: Route.ComponentProps) {
  const { partnership: p, action: a, state, ownerName, organisationName, meetingTitle, itemTitle, decisionReference, risk, updates, canUpdate, youngPeoplesInput } = loaderData;
  const f = useFormResult();
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">{a.title}</h1>
      <SummaryList
        rows={[
          ["Status", <Tag key="s" colour={actionStateColour(state)}>{actionStatusLabels[state]}</Tag>],
          ["Owner", ownerName ?? "No named person"],
          ["Partner", organisationName ?? "No particular partner"],
          ["Due", formatDate(a.dueDate)],
          a.completedOn ? ["Done on", formatDate(a.completedOn)] : null,
          a.description ? ["Detail", <span key="d" className="app-pre-wrap">{a.description}</span>] : null,
          meetingTitle ? ["From", <Link key="m" className="govuk-link" to={`/p/${p.slug}/meetings/${a.meetingId}`}>{meetingTitle}{itemTitle ? `, “${itemTitle}”` : ""}</Link>] : null,
          decisionReference ? ["Decision", <Link key="d" className="govuk-link" to={`/p/${p.slug}/decisions/${a.decisionId}`}>{decisionReference}</Link>] : null,
          risk ? ["Mitigates", <Link key="r" className="govuk-link" to={`/p/${p.slug}/risks/${a.riskId}`}>{risk.reference}: {risk.title}</Link>] : null,
        ]}
      />
      {youngPeoplesInput ? <YoungPeoplesInput input={youngPeoplesInput} record="action" /> : null}
      <h2 className="govuk-heading-m">Updates</h2>
      {updates.length ? (
        <ol className="govuk-list">
          {updates.map((u) => (
            <li key={u.id} className="govuk-!-margin-bottom-3">
              <strong>{formatDateTime(u.madeAt)}</strong>
              {u.by ? `, ${u.by}` : ""}
              {u.statusTo ? ` (now ${actionStatusLabels[u.statusTo as keyof typeof actionStatusLabels].toLowerCase()})` : ""}: <span className="app-pre-wrap">{u.note}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="govuk-body">No updates yet.</p>
      )}
      {canUpdate ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Give an update</h2>
            {f.conflict ? (
              <SavedVersion
                rows={[
                  ["Status", actionStatusLabels[a.status]],
                  ["Due", formatDate(a.dueDate)],
                ]}
              />
            ) : null}
            <AppForm method="post" noValidate>
              <VersionField value={a.version} />
              <TextArea name="note" label="What has happened" rows={3} defaultValue={f.value("note")} error={f.errors?.note} />
              <SelectField name="status" label="Status" defaultValue={f.value("status", a.status)} error={f.errors?.status} options={actionStatuses.map((s) => ({ value: s, label: actionStatusLabels[s] }))} />
              <DateField name="dueDate" label="Due by" defaultValue={f.value("dueDate", a.dueDate)} error={f.errors?.dueDate} />
              <Button>Save update</Button>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
