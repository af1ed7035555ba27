import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ErrorSummary, TextArea, TextField, VersionField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { saveRiskSettings } from "../appetite.server";
import { appetiteLevelLabels, appetiteLevels, levelKeys, riskSettingsFormFields, riskSettingsFormSchema, riskSettingsFormValues } from "../public";
import { riskSettingsOf } from "../register.server";
import { versionField } from "../../../platform/forms";
import { z } from "zod";
import type { Route } from "./+types/risk-settings";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Risk scoring – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "risk:manage");
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    values: riskSettingsFormValues(riskSettingsOf(scope.partnership)),
    version: scope.partnership.version,
  };
}

const versionOnly = z.object({ version: versionField });

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "risk:manage");
  const form = await readForm(request);
  const version = parseForm(versionOnly, form);
  if (!version.ok) return invalid(version);
  // Only the settings' own fields (and the version, kept to fill the form again) reach the schema.
  const data = new FormData();
  for (const field of [...riskSettingsFormFields, "version"]) data.set(field, String(form.get(field) ?? ""));
  const parsed = parseForm(riskSettingsFormSchema, data, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await saveRiskSettings(getDb(), scope, parsed.data, version.data.version);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/risks/settings`, "risk-settings-saved"));
}

export default function RiskSettings({ loaderData }: Route.ComponentProps) {
  const { partnership: p, values, version } = loaderData;
  const f = useFormResult();
  const value = (name: string) => f.value(name, values[name]);
  const number = (name: string, label: string, hint?: string) => (
    <TextField key={name} name={name} label={label} hint={hint} inputMode="numeric" className="govuk-input--width-3" defaultValue={value(name)} error={f.errors?.[name]} />
  );
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">Risk scoring</h1>
      <p className="govuk-body">
        How the partnership scores its risks: what each level of likelihood and impact means, where the RAG bands start, how high a score each appetite tolerates, and the score
        at which a risk goes to the board. Scores are likelihood times impact, from 1 to 25. Back to the{" "}
        <Link className="govuk-link" to={`/p/${p.slug}/risks`}>
          risk register
        </Link>
        .
      </p>
      <AppForm method="post" noValidate>
        <VersionField value={f.value("version", String(version))} />
        <h2 className="govuk-heading-m">Bands and escalation</h2>
        {number("bands.amberFrom", "Amber starts at score")}
        {number("bands.redFrom", "Red starts at score")}
        {number("escalationThreshold", "Escalate to the board at score", "A risk whose current score reaches this goes on the next board meeting's agenda.")}
        <h2 className="govuk-heading-m">Appetite</h2>
        {appetiteLevels.map((level) => number(`appetiteMaxima.${level}`, `Highest score a${level === "averse" || level === "open" || level === "eager" ? "n" : ""} ${appetiteLevelLabels[level].toLowerCase()} appetite tolerates`))}
        {(["likelihood", "impact"] as const).map((scale) => (
          <div key={scale}>
            <h2 className="govuk-heading-m">{scale === "likelihood" ? "Likelihood levels" : "Impact levels"}</h2>
            {levelKeys.map((key) => (
              <fieldset key={key} className="govuk-fieldset govuk-!-margin-bottom-4">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {scale === "likelihood" ? "Likelihood" : "Impact"} {key}
                </legend>
                <TextField name={`${scale}.${key}.name`} label="Name" className="govuk-input--width-20" defaultValue={value(`${scale}.${key}.name`)} error={f.errors?.[`${scale}.${key}.name`]} />
                <TextArea name={`${scale}.${key}.description`} label="What it means" rows={2} defaultValue={value(`${scale}.${key}.description`)} error={f.errors?.[`${scale}.${key}.description`]} />
              </fieldset>
            ))}
          </div>
        ))}
        <Button>Save the scoring</Button>
      </AppForm>
    </>
  );
}
