import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { rejected } from "../../../platform/forms";
import { formatDate } from "../../../platform/time/dates";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ChoiceGroup, ErrorSummary, SummaryList } from "../../../platform/ui/forms";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { blankPortalCookie } from "../accounts.server";
import { everythingAbout, eraseYoungPerson } from "../my-data.server";
import { requirePortalPerson } from "../portal.server";
import { ageBandLabels } from "../rules/accounts";
import { consentGiverLabels, consentScopeShortLabels, type ConsentGiver, type ConsentScope } from "../rules/consent";
import { contributionStatusForYoungPerson, type ContributionStatus } from "../rules/moderation";
import type { AgeBand } from "../rules/accounts";
import type { Route } from "./+types/portal-my-data";

export const meta = () => [{ title: "Your information – Have your say" }];

export async function loader({ request }: Route.LoaderArgs) {
  const person = await requirePortalPerson(request);
  return everythingAbout(getDb(), person);
}

export async function action({ request }: Route.ActionArgs) {
  const person = await requirePortalPerson(request);
  const form = await readForm(request);
  if (form.get("confirm") !== "yes") return rejected({ field: "confirm", message: "Tick the box to say you understand that this cannot be undone" }, form);
  const result = await eraseYoungPerson(getDb(), person);
  if (!result.ok) return rejected(result, form);
  throw redirect("/portal/sign-in?deleted=1", { headers: { "Set-Cookie": blankPortalCookie() } });
}

const day = (iso: string) => formatDate(iso.slice(0, 10));

export default function PortalMyData({ loaderData }: Route.ComponentProps) {
  const { account, consents, answers, messagesToTheSafeguardingLead } = loaderData;
  const f = useFormResult();
  return (
    <>
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">Your information</h1>
      <p className="govuk-body">This is everything we keep about you.</p>
      <p className="govuk-body">
        <a className="govuk-link" href="/portal/my-data.json" download="my-information.json">
          Download it all as a file (JSON)
        </a>
      </p>
      <h2 className="govuk-heading-m">Your account</h2>
      <SummaryList
        rows={[
          ["Portal name", account.portalName ?? ""],
          ["Age group", ageBandLabels[account.ageGroup as AgeBand]],
          account.joined ? ["Joined", day(account.joined)] : null,
        ]}
      />
      <h2 className="govuk-heading-m">What you agreed to</h2>
      {consents.length === 0 ? <p className="govuk-body">Nothing.</p> : null}
      <ul className="govuk-list govuk-list--bullet">
        {consents.map((c, i) => (
          <li key={i}>
            {consentScopeShortLabels[c.what as ConsentScope]}, by {consentGiverLabels[c.givenBy as ConsentGiver].toLowerCase()}, on {day(c.given)}
            {c.takenBack ? `, taken back on ${day(c.takenBack)}` : ""}
          </li>
        ))}
      </ul>
      {account.closesOn ? <p className="govuk-body">Your account closes on {formatDate(account.closesOn)}, when you pass this partnership&apos;s upper age. Download your information before then if you want to keep it.</p> : null}
      <h2 className="govuk-heading-m">What you wrote</h2>
      {answers.length === 0 ? <p className="govuk-body">Nothing yet.</p> : null}
      {answers.map((a, i) => (
        <div key={i} className="app-card">
          <p className="govuk-body-s">
            {a.kind === "feedback" ? "Your feedback" : a.kind === "idea" ? "Your idea" : `${a.consultation ?? "A consultation"}${a.question ? `: ${a.question}` : ""}`}, {day(a.sentAt)}
          </p>
          <p className="govuk-body">{a.text}</p>
          <p className="govuk-body-s">{contributionStatusForYoungPerson[a.status as ContributionStatus]}</p>
          {a.response ? <p className="govuk-body-s">What happened: {a.response}</p> : null}
        </div>
      ))}
      {messagesToTheSafeguardingLead.length ? (
        <>
          <h2 className="govuk-heading-m">Messages you sent when you were worried</h2>
          {messagesToTheSafeguardingLead.map((m, i) => (
            <p key={i} className="govuk-body app-card">
              {day(m.sentAt)}: {m.text}
            </p>
          ))}
        </>
      ) : null}
      <h2 className="govuk-heading-m">Delete your account</h2>
      <p className="govuk-body">If you delete your account, we delete your portal name, your passphrase, what you agreed to and everything you wrote. You cannot undo this.</p>
      <p className="govuk-body">Numbers already reported, like ‘12 young people answered’, stay as they are, because they do not say who you are. Messages you sent when you were worried are kept by the safeguarding lead, because the law says they must keep them, but they will no longer be linked to you.</p>
      <AppForm method="post" noValidate>
        <ChoiceGroup type="checkbox" name="confirm" legend="Are you sure?" error={f.errors?.confirm} options={[{ value: "yes", label: "I understand this deletes my account and cannot be undone" }]} checked={[]} />
        <Button warning>Delete my account</Button>
      </AppForm>
    </>
  );
}
