import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { formatDate } from "../../../platform/time/dates";
import { failure, invalid, parseForm, rejected, submittedValues } from "../../../platform/forms";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ChoiceGroup, ErrorSummary, TextArea } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { changeIdea, myIdeas, submitIdea } from "../contributions.server";
import { requirePortalPerson } from "../portal.server";
import { contributionStatusForYoungPerson, ideaKindLabels, ideaKinds, ideaSchema, type IdeaKind } from "../rules/moderation";
import type { Route } from "./+types/portal-ideas";

export const meta = () => [{ title: "Ideas and feedback – Have your say" }];

// Ideas and feedback of their own, outside any consultation: moderated like
// answers, and answered the same way ("you said, we did").
export async function loader({ request }: Route.LoaderArgs) {
  const person = await requirePortalPerson(request);
  const mine = await myIdeas(getDb(), person);
  return { mine: mine.map((m) => ({ ...m, kind: m.kind as IdeaKind, sentOn: m.submittedAt.toISOString().slice(0, 10) })) };
}

export async function action({ request }: Route.ActionArgs) {
  const person = await requirePortalPerson(request);
  const form = await readForm(request);
  const db = getDb();
  const changing = form.get("contributionId");
  if (typeof changing === "string" && changing) {
    const field = `text-${changing}`;
    const parsed = ideaSchema.shape.text.safeParse(form.get(field) ?? "");
    if (!parsed.success) return invalid(failure({ [field]: parsed.error.issues[0].message }, submittedValues(form)));
    const result = await changeIdea(db, person, changing, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice("/portal/ideas", "portal-idea-changed"));
  }
  const parsed = parseForm(ideaSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await submitIdea(db, person, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice("/portal/ideas", "portal-idea-sent"));
}

export default function PortalIdeas({ loaderData }: Route.ComponentProps) {
  const { mine } = loaderData;
  const f = useFormResult();
  const changing = f.failed ? f.value("contributionId") : "";
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">Ideas and feedback</h1>
      <p className="govuk-body">Tell the people running the partnership your idea, or what you think about something they do. You do not have to wait to be asked.</p>
      <p className="govuk-body">A participation worker reads it before anyone else sees it. Please do not write names, phone numbers, addresses or schools.</p>
      <AppForm method="post" noValidate>
        <ChoiceGroup type="radio" name="kind" legend="What are you sending?" error={f.errors?.kind} options={ideaKinds.map((k) => ({ value: k, label: ideaKindLabels[k] }))} checked={changing ? [] : f.checkedList("kind", [])} />
        <TextArea name="text" label="Write it here" rows={5} defaultValue={changing ? "" : f.value("text")} error={f.errors?.text} />
        <Button>Send it</Button>
      </AppForm>
      {mine.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">What you have sent</h2>
          {mine.map((m) => (
            <section key={m.id} className="app-card" aria-labelledby={`idea-${m.id}`}>
              <h3 className="govuk-heading-s" id={`idea-${m.id}`}>
                {ideaKindLabels[m.kind]}, sent {formatDate(m.sentOn)}
              </h3>
              {m.status === "changes_requested" ? (
                <AppForm method="post" noValidate>
                  <input type="hidden" name="contributionId" value={m.id} />
                  <p className="govuk-body">
                    <strong>Please change something</strong>
                    {m.moderationNote ? `: ${m.moderationNote}` : ""}
                  </p>
                  <TextArea name={`text-${m.id}`} label="Your words" rows={4} defaultValue={changing === m.id ? f.value(`text-${m.id}`) : m.text} error={f.errors?.[`text-${m.id}`]} />
                  <Button secondary>Send the change</Button>
                </AppForm>
              ) : (
                <>
                  <p className="govuk-body">You said: {m.text}</p>
                  <p className="govuk-body">
                    <strong>{contributionStatusForYoungPerson[m.status]}</strong>
                    {m.status === "withheld" && m.moderationNote ? `: ${m.moderationNote}` : ""}
                  </p>
                  {m.response ? (
                    <div className="govuk-inset-text">
                      <h4 className="govuk-heading-s">What happened</h4>
                      <p className="govuk-body">{m.response}</p>
                    </div>
                  ) : m.status === "published" ? (
                    <p className="govuk-body">We will tell you here what happened because of it.</p>
                  ) : null}
                </>
              )}
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
