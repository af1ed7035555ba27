import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { rejected } from "../../../platform/forms";
import { notFound } from "../../../platform/guard.server";
import { formatDate } from "../../../platform/time/dates";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ChoiceGroup, ErrorSummary, TextArea } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { consultationForPortal, submitAnswers } from "../contributions.server";
import { requirePortalPerson } from "../portal.server";
import { contributionStatusForYoungPerson } from "../rules/moderation";
import type { Route } from "./+types/portal-consultation";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.title ?? "A consultation"} – Have your say` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const person = await requirePortalPerson(request);
  const found = await consultationForPortal(getDb(), person, params.consultationId);
  if (!found) notFound("We could not find that. It may have been removed.");
  const { consultation: c, questions } = found;
  const today = appToday();
  return {
    id: c.id,
    title: c.title,
    introduction: c.introduction,
    closesOn: c.closesOn,
    closed: Boolean(c.closesOn && c.closesOn < today),
    allowAnonymous: c.allowAnonymous,
    questions,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const person = await requirePortalPerson(request);
  const form = await readForm(request);
  const result = await submitAnswers(getDb(), person, params.consultationId, form, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/portal/consultations/${params.consultationId}`, "portal-answers-sent"));
}

export default function PortalConsultation({ loaderData }: Route.ComponentProps) {
  const { title, introduction, closesOn, closed, allowAnonymous, questions } = loaderData;
  const f = useFormResult();
  const open = questions.filter((q) => !q.mine || q.mine.status === "pending" || q.mine.status === "changes_requested");
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{introduction}</p>
      {closesOn ? <p className="govuk-body">{closed ? `This closed on ${formatDate(closesOn)}.` : `You can answer until ${formatDate(closesOn)}.`}</p> : null}
      <p className="govuk-body">A participation worker reads every answer before anyone else sees it. Please do not write names, phone numbers, addresses or schools.</p>
      {questions
        .filter((q) => q.mine && (q.mine.status === "published" || q.mine.status === "withheld"))
        .map((q) => (
          <div key={q.id} className="app-card">
            <h2 className="govuk-heading-s">{q.text}</h2>
            <p className="govuk-body">You said: {q.mine!.text}</p>
            <p className="govuk-body">
              <strong>{contributionStatusForYoungPerson[q.mine!.status]}</strong>
              {q.mine!.moderationNote ? `: ${q.mine!.moderationNote}` : ""}
            </p>
            {q.mine!.response ? (
              <div className="govuk-inset-text">
                <h3 className="govuk-heading-s">What happened</h3>
                <p className="govuk-body">{q.mine!.response}</p>
              </div>
            ) : q.mine!.status === "published" ? (
              <p className="govuk-body">We will tell you here what happened because of it.</p>
            ) : null}
          </div>
        ))}
      {!closed && open.length > 0 ? (
        <AppForm method="post" noValidate>
          {open.map((q) => (
            <div key={q.id}>
              {q.mine?.status === "changes_requested" ? (
                <p className="govuk-body">
                  <strong>Please change something</strong>
                  {q.mine.moderationNote ? `: ${q.mine.moderationNote}` : ""}
                </p>
              ) : q.mine?.status === "pending" ? (
                <p className="govuk-body">
                  <strong>{contributionStatusForYoungPerson.pending}.</strong> You can still change it.
                </p>
              ) : null}
              <TextArea name={`answer-${q.id}`} label={q.text} rows={4} defaultValue={f.value(`answer-${q.id}`, q.mine?.text ?? "")} error={f.errors?.[`answer-${q.id}`]} />
            </div>
          ))}
          {allowAnonymous ? <ChoiceGroup type="checkbox" name="anonymous" legend="Your name" options={[{ value: "yes", label: "Send without my portal name, even to the participation worker" }]} checked={f.checkedList("anonymous", [])} /> : null}
          <Button>Send my answers</Button>
        </AppForm>
      ) : null}
    </>
  );
}
