import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ErrorSummary, SuccessBanner, TextArea } from "../../../platform/ui/forms";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { partnershipOfPerson } from "../accounts.server";
import { currentPortalPerson, requirePortalPerson } from "../portal.server";
import { sendWorriedMessage, worriedSchema } from "../safeguarding.server";
import type { Route } from "./+types/portal-worried";

export const meta = () => [{ title: "Worried about something? – Have your say" }];

// On every portal page. Signed out, it still says where to get help now.
export async function loader({ request }: Route.LoaderArgs) {
  const person = await currentPortalPerson(request);
  return { signedIn: Boolean(person), sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request }: Route.ActionArgs) {
  const person = await requirePortalPerson(request);
  const form = await readForm(request);
  const parsed = parseForm(worriedSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const db = getDb();
  const result = await sendWorriedMessage(db, person, parsed.data, await partnershipOfPerson(db, person));
  if (!result.ok) return rejected(result, form);
  throw redirect("/portal/worried?sent=1");
}

function GetHelpNow() {
  return (
    <>
      <h2 className="govuk-heading-m">If you need help now</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>If you are in danger, call 999.</li>
        <li>Call Childline free on 0800 1111, any time. It does not show on your phone bill.</li>
        <li>Talk to an adult you trust.</li>
      </ul>
    </>
  );
}

export default function PortalWorried({ loaderData }: Route.ComponentProps) {
  const f = useFormResult();
  if (loaderData.sent)
    return (
      <>
        <SuccessBanner>Your message has been sent.</SuccessBanner>
        <h1 className="govuk-heading-l">Thank you for telling us</h1>
        <p className="govuk-body">The person whose job is to keep young people safe will read it, usually today on a working day. They may talk to your participation worker or social worker to help you.</p>
        <GetHelpNow />
        <p className="govuk-body">
          <Link className="govuk-link" to="/portal">
            Back to your home
          </Link>
        </p>
      </>
    );
  return (
    <>
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">Worried about something?</h1>
      <GetHelpNow />
      {loaderData.signedIn ? (
        <>
          <h2 className="govuk-heading-m">Send a private message</h2>
          <p className="govuk-body">Only the person whose job is to keep young people safe will read it. The board and the other adults will not see it.</p>
          <p className="govuk-body">If they think you or someone else is not safe, they will have to tell people who can help, like a social worker. They will try to talk to you first.</p>
          <AppForm method="post" noValidate>
            <TextArea name="message" label="What are you worried about?" rows={6} defaultValue={f.value("message")} error={f.errors?.message} />
            <Button>Send my message</Button>
          </AppForm>
        </>
      ) : (
        <>
          <p className="govuk-body">To send a private message to the person whose job is to keep young people safe, sign in first.</p>
          <Link to="/portal/sign-in" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Sign in
          </Link>
        </>
      )}
    </>
  );
}
