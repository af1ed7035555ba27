import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { formatDate } from "../../../platform/time/dates";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ChoiceGroup, DateField, ErrorSummary, TextArea, TextField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { findSubject, raiseChallenge, raiseChallengeSchema, subjectParam } from "../challenges.server";
import { challengeSubjectLabels, defaultDueOn, MIN_ANSWER_WORKING_DAYS } from "../rules/challenges";
import type { Route } from "./+types/challenge-new";

export const meta = () => [{ title: "Ask a question or challenge – Partnership governance" }];

/** The record asked about, from `?about=decision:<id>`: a missing or unknown one is a page not found, never an error. */
async function subjectFrom(request: Request, partnershipId: string, slug: string) {
  const parsed = subjectParam.safeParse(new URL(request.url).searchParams.get("about") ?? undefined);
  if (!parsed.success) notFound("Ask a question from the page of the decision, risk, return or meeting it is about.");
  const found = await findSubject(getDb(), partnershipId, slug, parsed.data);
  if (!found) notFound(`That ${challengeSubjectLabels[parsed.data.type].toLowerCase()} is not in this partnership's records.`);
  return found;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "scrutiny:challenge");
  const subject = await subjectFrom(request, scope.partnership.id, scope.partnership.slug);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    subject: { label: challengeSubjectLabels[subject.type], name: subject.name, path: subject.path },
    dueOn: defaultDueOn(appToday()),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "scrutiny:challenge");
  const subject = await subjectFrom(request, scope.partnership.id, scope.partnership.slug);
  const form = await readForm(request);
  const parsed = parseForm(raiseChallengeSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await raiseChallenge(getDb(), scope, subject, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/scrutiny/challenges/${result.value.id}`, "challenge-raised"));
}

export default function NewChallenge({ loaderData }: Route.ComponentProps) {
  const { partnership: p, subject, dueOn } = loaderData;
  const f = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <span className="govuk-caption-l">
          {subject.label}: {subject.name}
        </span>
        <h1 className="govuk-heading-l">Ask a question or challenge</h1>
        <p className="govuk-body">It goes to the chair of {p.name}, who answers for the partnership by the date you choose. The question, the answer and any follow-up are kept on the record.</p>
        <AppForm method="post" noValidate>
          <ChoiceGroup
            type="radio"
            name="kind"
            legend="Is this a question or a challenge?"
            error={f.errors?.kind}
            options={[
              { value: "question", label: "A question", hint: "You want information or an explanation." },
              { value: "challenge", label: "A challenge", hint: "You question whether something was right, and want the partnership to justify or change it." },
            ]}
            checked={[f.value("kind") ?? ""]}
          />
          <TextField name="title" label="Short title" hint="For example, “Cost avoidance modelling for the residential hub”" defaultValue={f.value("title") ?? ""} error={f.errors?.title} />
          <TextArea name="question" label="Your question or challenge" rows={6} defaultValue={f.value("question") ?? ""} error={f.errors?.question} />
          <DateField
            name="dueOn"
            label="Answer by"
            hint={`At least ${MIN_ANSWER_WORKING_DAYS} working days from today. Ten working days is usual: ${formatDate(dueOn)}.`}
            defaultValue={f.value("dueOn", dueOn)}
            error={f.errors?.dueOn}
          />
          <div className="govuk-button-group">
            <Button>Send to the chair</Button>
            <Link className="govuk-link" to={subject.path}>
              Cancel
            </Link>
          </div>
        </AppForm>
      </div>
    </div>
  );
}
