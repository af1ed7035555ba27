import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { formatDate } from "../../../platform/time/dates";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ChoiceGroup, ErrorSummary, TextArea, TextField, WarningText } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { BackLink } from "../../partnerships/components/partnership-nav";
import { awaitingResponse, moderateContribution, moderationQueue, respondToContribution, responseSchema } from "../contributions.server";
import { contributionHeading, moderationSchema, personalDetailLabels } from "../rules/moderation";
import type { Route } from "./+types/moderation";

export const meta = () => [{ title: "Moderation – Partnership governance" }];

// The participation worker's queue: everything young people write waits here
// before any adult sees it; then published contributions wait for a response.
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  const db = getDb();
  const [queue, awaiting] = await Promise.all([moderationQueue(db, scope.partnership.id), awaitingResponse(db, scope.partnership.id)]);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    queue: queue.map((q) => ({ ...q, heading: contributionHeading(q.kind, q.consultation, q.question), submittedOn: q.submittedAt.toISOString().slice(0, 10) })),
    awaiting: awaiting.map((a) => ({ id: a.id, heading: contributionHeading(a.kind, a.consultation, a.question), text: a.text, ageDays: a.ageDays })),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  const form = await readForm(request);
  const db = getDb();
  if (form.get("intent") === "respond") {
    const parsed = parseForm(responseSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await respondToContribution(db, scope, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(`/p/${scope.partnership.slug}/participation/moderation`, "contribution-answered"));
  }
  const parsed = parseForm(moderationSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await moderateContribution(db, scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/participation/moderation`, "contribution-moderated"));
}

export default function Moderation({ loaderData }: Route.ComponentProps) {
  const { partnership: p, queue, awaiting } = loaderData;
  const f = useFormResult();
  // The form that was refused carries the plain field ids the error summary links to.
  const failedId = f.failed ? f.value("contributionId") : "";
  const plain = (id: string, i: number) => (failedId ? failedId === id : i === 0);
  return (
    <>
      <BackLink to={`/p/${p.slug}/participation`}>Young people</BackLink>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">Moderation</h1>
      <h2 className="govuk-heading-m">Waiting to be checked ({queue.length})</h2>
      {queue.length === 0 ? <p className="govuk-body">Nothing is waiting.</p> : null}
      {queue.map((q, i) => (
        <section key={q.id} className="app-card" aria-labelledby={`c-${q.id}`}>
          <h3 className="govuk-heading-s" id={`c-${q.id}`}>
            {q.heading}
          </h3>
          <p className="govuk-body-s">
            From {q.author ?? "a young person answering anonymously"}, {formatDate(q.submittedOn)}
            {q.usable ? "" : ". Their consent does not yet allow it to be used"}
          </p>
          <blockquote className="govuk-inset-text">{q.text}</blockquote>
          {q.flags.length ? <WarningText>This may contain personal details: {q.flags.map((fl) => `${personalDetailLabels[fl.kind]} (“${fl.found}”)`).join(", ")}. Ask them to change it, or withhold it.</WarningText> : null}
          <AppForm method="post" noValidate>
            <input type="hidden" name="contributionId" value={q.id} />
            <ChoiceGroup
              type="radio"
              name="decision"
              id={plain(q.id, i) ? "decision" : `decision-${q.id}`}
              error={failedId === q.id ? f.errors?.decision : undefined}
              legend="What to do with it"
              small
              options={[
                ...(q.usable ? [{ value: "publish", label: "Publish: share it with the board and partners (quoted only with their consent)" }] : []),
                { value: "ask_change", label: "Ask them to change something" },
                { value: "withhold", label: "Withhold it" },
              ]}
              checked={[]}
            />
            <TextArea name="note" id={plain(q.id, i) ? "note" : `note-${q.id}`} label="Note for the young person (needed to ask for a change or withhold)" rows={2} error={failedId === q.id ? f.errors?.note : undefined} defaultValue={failedId === q.id ? f.value("note") : undefined} />
            <Button>Save</Button>
          </AppForm>
        </section>
      ))}
      <h2 className="govuk-heading-m">Published, waiting for a response ({awaiting.length})</h2>
      <p className="govuk-body">Tell them in plain words what happened because of what they said. They see it in the portal.</p>
      {awaiting.map((a, i) => (
        <section key={a.id} className="app-card" aria-labelledby={`r-${a.id}`}>
          <h3 className="govuk-heading-s" id={`r-${a.id}`}>
            {a.heading} ({a.ageDays} day{a.ageDays === 1 ? "" : "s"} old)
          </h3>
          <blockquote className="govuk-inset-text">{a.text}</blockquote>
          <AppForm method="post" noValidate>
            <input type="hidden" name="intent" value="respond" />
            <input type="hidden" name="contributionId" value={a.id} />
            <TextArea name="response" id={plain(a.id, i) ? "response" : `response-${a.id}`} label="What happened (you said, we did)" rows={3} error={failedId === a.id ? f.errors?.response : undefined} defaultValue={failedId === a.id ? f.value("response") : undefined} />
            <TextField
              name="decisionReference"
              id={plain(a.id, i) ? "decisionReference" : `decisionReference-${a.id}`}
              label="The decision it informed (optional)"
              hint="Its reference, like NELCP-2026-014. The decision's page will show that young people's input informed it."
              className="govuk-input--width-20"
              error={failedId === a.id ? f.errors?.decisionReference : undefined}
              defaultValue={failedId === a.id ? f.value("decisionReference") : undefined}
            />
            <TextField
              name="actionAddress"
              id={plain(a.id, i) ? "actionAddress" : `actionAddress-${a.id}`}
              label="The action it informed (optional)"
              hint="Open the action and copy its web address from the address bar. The action's page will show that young people's input informed it."
              error={failedId === a.id ? f.errors?.actionAddress : undefined}
              defaultValue={failedId === a.id ? f.value("actionAddress") : undefined}
            />
            <Button secondary>Send the response</Button>
          </AppForm>
        </section>
      ))}
    </>
  );
}
