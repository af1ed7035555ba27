import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { formatDate } from "../../../platform/time/dates";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, DateField, ErrorSummary, SummaryList, Tag, TextArea, VersionField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { answerChallenge, answerChallengeSchema, challengeDetail, closeChallenge, closeChallengeSchema, followUpChallenge, followUpChallengeSchema, leadBodyName } from "../challenges.server";
import { challengeKindLabels, challengeStanding, challengeStandingWords, challengeSubjectLabels, defaultDueOn, standingColour } from "../rules/challenges";
import type { Route } from "./+types/challenge";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data ? `${data.c.kindLabel} ${data.c.number}` : "Question"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const [c, leadBody] = await Promise.all([challengeDetail(db, scope.partnership.id, scope.partnership.slug, params.challengeId), leadBodyName(db, scope.partnership.id)]);
  if (!c) notFound("That question is not in this partnership's records.");
  const today = appToday();
  const standing = challengeStanding(c, today);
  const mayChallenge = scope.permissions.has("scrutiny:challenge");
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    c: {
      number: c.number,
      kindLabel: challengeKindLabels[c.kind],
      title: c.title,
      question: c.question,
      raisedOn: c.raisedOn,
      raisedBy: c.raisedByName,
      firstDueOn: c.firstDueOn,
      subject: c.subject ? { label: challengeSubjectLabels[c.subject.type], name: c.subject.name, path: c.subject.path } : null,
      replies: c.replies,
      closingNote: c.closingNote,
      closedBy: c.closedByName,
      version: c.version,
    },
    standing: challengeStandingWords(standing, leadBody),
    colour: standingColour(standing),
    canAnswer: scope.permissions.has("scrutiny:answer") && c.status === "awaiting_answer",
    canFollowUp: mayChallenge && c.status !== "closed",
    canClose: mayChallenge && c.status !== "closed",
    nextDueOn: defaultDueOn(today),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const form = await readForm(request);
  const intent = form.get("intent");
  // Answering is the partnership's; following up and closing are scrutiny's own.
  const scope = await requirePermission(request, context, params.slug, intent === "answer" ? "scrutiny:answer" : "scrutiny:challenge");
  const db = getDb();
  const here = `/p/${scope.partnership.slug}/scrutiny/challenges/${params.challengeId}`;
  if (intent === "answer") {
    const parsed = parseForm(answerChallengeSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await answerChallenge(db, scope, params.challengeId, parsed.data, appToday());
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "challenge-answered"));
  }
  if (intent === "follow_up") {
    const parsed = parseForm(followUpChallengeSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await followUpChallenge(db, scope, params.challengeId, parsed.data, appToday());
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "challenge-followed-up"));
  }
  if (intent === "close") {
    const parsed = parseForm(closeChallengeSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await closeChallenge(db, scope, params.challengeId, parsed.data, appToday());
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "challenge-closed"));
  }
  return invalid({ ok: false, errors: { form: "Choose what to do: answer, follow up or close" }, values: {} });
}

export default function Challenge({ loaderData }: Route.ComponentProps) {
  const { partnership: p, c, standing, colour, canAnswer, canFollowUp, canClose, nextDueOn } = loaderData;
  const f = useFormResult();
  const intent = f.value("intent") ?? "";
  const mine = (name: string) => (intent === name ? f : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Notice />
        <ErrorSummary errors={f.errors} />
        <span className="govuk-caption-l">
          {c.kindLabel} {c.number} to the chair of {p.name}
        </span>
        <h1 className="govuk-heading-l">{c.title}</h1>
        <p className="govuk-body">
          <Tag colour={colour}>{standing}</Tag>
        </p>
        <SummaryList
          rows={[
            ["About", c.subject ? <Link key="s" className="govuk-link" to={c.subject.path}>{`${c.subject.label}: ${c.subject.name}`}</Link> : "A record no longer held"],
            ["Raised", `${formatDate(c.raisedOn)} by ${c.raisedBy}`],
            ["First answer due", formatDate(c.firstDueOn)],
          ]}
        />
        <h2 className="govuk-heading-m">The exchange</h2>
        <ol className="app-exchange govuk-list">
          <li className="app-exchange__entry">
            <h3 className="govuk-heading-s">
              {c.kindLabel} from {c.raisedBy}, {formatDate(c.raisedOn)}
            </h3>
            <p className="govuk-body app-pre-wrap">{c.question}</p>
          </li>
          {c.replies.map((r) => (
            <li key={r.id} className="app-exchange__entry" data-reply={r.kind}>
              <h3 className="govuk-heading-s">
                {r.kind === "answer" ? "Answer" : "Follow-up"} from {r.authorName}, {formatDate(r.onDate)}
                {r.late ? (
                  <>
                    {" "}
                    <Tag colour="red">Answered late</Tag>
                  </>
                ) : null}
              </h3>
              <p className="govuk-body app-pre-wrap">{r.body}</p>
              {r.dueOn ? <p className="govuk-body-s">To be answered by {formatDate(r.dueOn)}.</p> : null}
            </li>
          ))}
          {c.closedBy ? (
            <li className="app-exchange__entry">
              <h3 className="govuk-heading-s">Closed by {c.closedBy}</h3>
              {c.closingNote ? <p className="govuk-body app-pre-wrap">{c.closingNote}</p> : null}
            </li>
          ) : null}
        </ol>

        {canAnswer ? (
          <AppForm method="post" noValidate>
            <h2 className="govuk-heading-m">Answer for the partnership</h2>
            <input type="hidden" name="intent" value="answer" />
            <VersionField value={c.version} />
            <TextArea name="answer" label="Your answer" rows={6} defaultValue={mine("answer")?.value("answer") ?? ""} error={mine("answer")?.errors?.answer} />
            <Button>Send the answer</Button>
          </AppForm>
        ) : null}
        {canFollowUp ? (
          <AppForm method="post" noValidate>
            <h2 className="govuk-heading-m">Follow up</h2>
            <input type="hidden" name="intent" value="follow_up" />
            <VersionField value={c.version} />
            <TextArea name="question" label="Your follow-up question" rows={4} defaultValue={mine("follow_up")?.value("question") ?? ""} error={mine("follow_up")?.errors?.question} />
            <DateField name="dueOn" label="Answer by" hint="At least 5 working days from today." defaultValue={mine("follow_up")?.value("dueOn") ?? nextDueOn} error={mine("follow_up")?.errors?.dueOn} />
            <Button secondary>Send the follow-up</Button>
          </AppForm>
        ) : null}
        {canClose ? (
          <AppForm method="post" noValidate>
            <h2 className="govuk-heading-m">Close</h2>
            <input type="hidden" name="intent" value="close" />
            <VersionField value={c.version} />
            <TextArea name="closingNote" label="Closing note (optional)" hint="For example, whether the answer satisfied the committee." rows={3} defaultValue={mine("close")?.value("closingNote") ?? ""} error={mine("close")?.errors?.closingNote} />
            <Button secondary>Close this question</Button>
          </AppForm>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/p/${p.slug}/scrutiny/challenges`}>
            All questions and challenges
          </Link>
        </p>
      </div>
    </div>
  );
}
