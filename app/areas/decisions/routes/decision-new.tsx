import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ChoiceGroup, DateField, ErrorSummary, SelectField, TextArea, TextField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDate } from "../../../platform/time/dates";
import { appToday } from "../../../platform/clock.server";
import { outsideMeetingSchema, proposalSchema, proposeDecision, recordOutsideMeeting } from "../decisions.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requireAnyPermission, requirePermission } from "../../../platform/guard.server";
import { listUpcomingMeetings } from "../../meetings/public.server";
import type { Route } from "./+types/decision-new";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "A new decision – Partnership governance" }];

const deciders = ["decision:propose", "decision:record"] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const outside = new URL(request.url).searchParams.has("outside");
  const scope = outside ? await requirePermission(request, context, params.slug, "decision:record") : await requireAnyPermission(request, context, params.slug, deciders);
  const today = appToday();
  const meetings = (await listUpcomingMeetings(getDb(), scope.partnership.id, today)).filter((m) => !m.cancelledAt);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    outside,
    today,
    meetings: meetings.map((m) => ({ id: m.id, label: `${m.title}, ${formatDate(m.date)}` })),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await readForm(request);
  const outside = form.get("kind") === "outside";
  const scope = await requirePermission(request, context, params.slug, outside ? "decision:record" : "decision:propose");
  const db = getDb();
  if (outside) {
    const parsed = parseForm(outsideMeetingSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await recordOutsideMeeting(db, scope, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(`/p/${scope.partnership.slug}/decisions/${result.value}`, "decision-recorded"));
  }
  const parsed = parseForm(proposalSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await proposeDecision(db, scope, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/decisions/${result.value}`, "decision-proposed"));
}

export default function NewDecision({ loaderData }: Route.ComponentProps) {
  const { partnership: p, outside, today, meetings } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">{outside ? "Record a decision taken outside a meeting" : "Propose a decision"}</h1>
        <p className="govuk-body">
          {outside
            ? "Written procedure (members agreed in writing) or chair's action (the chair decided between meetings, to report to the next one). It is flagged as taken outside a meeting."
            : "A proposal gets a reference now and waits in the log until the board decides it at a meeting."}
        </p>
        <AppForm method="post" noValidate>
          <input type="hidden" name="kind" value={outside ? "outside" : "proposal"} />
          <TextField name="title" label="Short title" defaultValue={f.value("title")} error={f.errors?.title} />
          <TextArea name="text" label={outside ? "What was decided" : "The proposed decision"} rows={4} defaultValue={f.value("text")} error={f.errors?.text} />
          <TextArea name="rationale" label="Why (optional)" rows={3} defaultValue={f.value("rationale")} error={f.errors?.rationale} />
          <TextArea name="optionsConsidered" label="Options considered (optional)" rows={3} defaultValue={f.value("optionsConsidered")} error={f.errors?.optionsConsidered} />
          {outside ? (
            <>
              <ChoiceGroup
                type="radio"
                name="route"
                legend="How it was decided"
                error={f.errors?.route}
                options={[
                  { value: "written_procedure", label: "Written procedure" },
                  { value: "chairs_action", label: "Chair's action" },
                ]}
                checked={[f.value("route", "chairs_action")]}
                small
              />
              <ChoiceGroup
                type="radio"
                name="outcome"
                legend="Outcome"
                error={f.errors?.outcome}
                options={[
                  { value: "agreed", label: "Agreed" },
                  { value: "rejected", label: "Not agreed" },
                ]}
                checked={[f.value("outcome", "agreed")]}
                small
                inline
              />
              <DateField name="decidedOn" label="Date decided" defaultValue={f.value("decidedOn", today)} error={f.errors?.decidedOn} />
              <TextField name="delegatedAuthority" label="Delegated authority used (optional)" defaultValue={f.value("delegatedAuthority")} error={f.errors?.delegatedAuthority} />
              <TextField name="financialImplicationGbp" label="Financial implication in pounds (optional)" inputMode="numeric" className="govuk-input--width-10" defaultValue={f.value("financialImplicationGbp")} error={f.errors?.financialImplicationGbp} />
              <TextField name="financialNote" label="About the money (optional)" defaultValue={f.value("financialNote")} error={f.errors?.financialNote} />
              <ChoiceGroup
                type="checkbox"
                name="needsRatification"
                legend="Ratification"
                error={f.errors?.needsRatification}
                options={[{ value: "yes", label: "Needs ratifying by partners' own bodies" }]}
                checked={f.value("needsRatification") === "yes" ? ["yes"] : []}
                small
              />
              <ChoiceGroup
                type="checkbox"
                name="keyDecision"
                legend="Call-in"
                error={f.errors?.keyDecision}
                options={[{ value: "yes", label: "A key decision", hint: "Significant spending, or a significant effect on people in two or more areas. Where the terms of reference allow it, scrutiny may call in a key decision before it is implemented." }]}
                checked={f.value("keyDecision") === "yes" ? ["yes"] : []}
                small
              />
              <TextField name="urgentReason" label="If it is urgent, why (optional)" hint="An urgent decision is not subject to call-in. Leave this empty unless it cannot wait for the call-in period." defaultValue={f.value("urgentReason")} error={f.errors?.urgentReason} />
              <DateField name="reviewDate" label="Review the decision by (optional)" defaultValue={f.value("reviewDate")} error={f.errors?.reviewDate} />
            </>
          ) : (
            <SelectField
              name="meetingId"
              label="For which meeting (optional)"
              defaultValue={f.value("meetingId", "")}
              error={f.errors?.meetingId}
              options={[{ value: "", label: "The next suitable meeting" }, ...meetings.map((m) => ({ value: m.id, label: m.label }))]}
            />
          )}
          <div className="govuk-button-group">
            <Button>{outside ? "Record decision" : "Propose decision"}</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/decisions`}>
              Cancel
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
