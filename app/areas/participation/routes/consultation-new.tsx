import { redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ChoiceGroup, DateField, ErrorSummary, TextArea, TextField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { BackLink } from "../../partnerships/components/partnership-nav";
import { consultationSchema, createConsultation } from "../contributions.server";
import type { Route } from "./+types/consultation-new";

export const meta = () => [{ title: "Open a consultation – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name } };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  const form = await readForm(request);
  const parsed = parseForm(consultationSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await createConsultation(getDb(), scope, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/participation`, "consultation-opened"));
}

export default function ConsultationNew({ loaderData }: Route.ComponentProps) {
  const { partnership: p } = loaderData;
  const f = useFormResult();
  return (
    <>
      <BackLink to={`/p/${p.slug}/participation`}>Young people</BackLink>
      <ErrorSummary errors={f.errors} />
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">Open a consultation</h1>
      <AppForm method="post" noValidate>
        <TextField name="title" label="Title" hint="Young people see this. Keep it short and plain, like ‘What makes a good children’s home?’" defaultValue={f.value("title")} error={f.errors?.title} />
        <TextArea name="introduction" label="What it is about" hint="In words a 10-year-old can follow: why you are asking and what will happen to the answers." defaultValue={f.value("introduction")} error={f.errors?.introduction} />
        <TextArea name="questions" label="Questions, one on each line" hint="Up to 10." rows={6} defaultValue={f.value("questions")} error={f.errors?.questions} />
        <DateField name="closesOn" label="Closing date (optional)" defaultValue={f.value("closesOn")} error={f.errors?.closesOn} />
        <ChoiceGroup type="checkbox" name="allowAnonymous" legend="Anonymous answers" options={[{ value: "yes", label: "Let young people answer anonymously, even to participation workers" }]} checked={f.checkedList("allowAnonymous", [])} />
        <Button>Open the consultation</Button>
      </AppForm>
    </>
  );
}
