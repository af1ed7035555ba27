import { data, Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, ErrorSummary, VersionField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { describeStage, SCHEDULE_FORM_ROWS } from "../rules/obligations";
import { failure, rejected, submittedValues } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { parseScheduleForm, reminderScheduleOf, saveReminderSchedule } from "../obligations.server";
import type { Route } from "./+types/reminder-schedule";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Reminder schedule – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name, version: scope.partnership.version },
    stages: reminderScheduleOf(scope.partnership),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const form = await readForm(request);
  const parsed = parseScheduleForm(form);
  if (!parsed.ok) return data(failure(parsed.errors, submittedValues(form)), { status: 400 });
  const result = await saveReminderSchedule(getDb(), scope, parsed.stages, parsed.version);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/obligations`, "schedule-saved"));
}

export default function ReminderSchedule({ loaderData }: Route.ComponentProps) {
  const { partnership: p, stages } = loaderData;
  const f = useFormResult();
  const rows = Array.from({ length: SCHEDULE_FORM_ROWS }, (_, i) => stages[i] ?? null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">Reminder schedule</h1>
        <p className="govuk-body">When partners are reminded about each return. Reminders go at 07:00 London time; those that fall on a weekend or bank holiday move to a working day.</p>
        <ul className="govuk-list govuk-list--bullet">
          {stages.map((s) => (
            <li key={s.key}>{describeStage(s)}</li>
          ))}
        </ul>
        <AppForm method="post" noValidate>
          <VersionField value={p.version} />
          {rows.map((stage, i) => (
            <fieldset key={i} className="govuk-fieldset govuk-!-margin-bottom-4">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Reminder {i + 1}</legend>
              <div className="app-filters">
                <div className={`govuk-form-group${f.errors?.[`days-${i}`] ? " govuk-form-group--error" : ""}`}>
                  <label className="govuk-label" htmlFor={`days-${i}`}>
                    Days
                  </label>
                  {f.errors?.[`days-${i}`] ? (
                    <p className="govuk-error-message" id={`days-${i}-error`}>
                      <span className="govuk-visually-hidden">Error:</span> {f.errors[`days-${i}`]}
                    </p>
                  ) : null}
                  <input
                    className="govuk-input govuk-input--width-3"
                    id={`days-${i}`}
                    name={`days-${i}`}
                    inputMode="numeric"
                    defaultValue={f.value(`days-${i}`, stage ? String(Math.abs(stage.offset)) : "")}
                    aria-describedby={f.errors?.[`days-${i}`] ? `days-${i}-error` : undefined}
                  />
                </div>
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor={`unit-${i}`}>
                    Counted as
                  </label>
                  <select className="govuk-select" id={`unit-${i}`} name={`unit-${i}`} defaultValue={f.value(`unit-${i}`, stage?.unit ?? "days")}>
                    <option value="days">Days</option>
                    <option value="working_days">Working days</option>
                  </select>
                </div>
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor={`when-${i}`}>
                    When
                  </label>
                  <select className="govuk-select" id={`when-${i}`} name={`when-${i}`} defaultValue={f.value(`when-${i}`, stage && stage.offset > 0 ? "after" : "before")}>
                    <option value="before">Before the due date (0: on the day)</option>
                    <option value="after">After the due date</option>
                  </select>
                </div>
                <div className="govuk-form-group">
                  <div className="govuk-checkboxes govuk-checkboxes--small">
                    <div className="govuk-checkboxes__item">
                      <input className="govuk-checkboxes__input" id={`escalate-${i}`} name={`escalate-${i}`} type="checkbox" value="yes" defaultChecked={f.failed ? f.value(`escalate-${i}`) === "yes" : Boolean(stage?.escalate)} />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`escalate-${i}`}>
                        Escalate to the chair
                      </label>
                    </div>
                  </div>
                </div>
              </div>
            </fieldset>
          ))}
          <p className="govuk-body">Leave a reminder&apos;s days empty to remove it.</p>
          <div className="govuk-button-group">
            <Button>Save schedule</Button>
            <Link className="govuk-link" to={`/p/${p.slug}/obligations`}>
              Cancel
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
