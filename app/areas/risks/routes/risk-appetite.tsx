import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { formatDate } from "../../../platform/time/dates";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, ErrorSummary, SelectField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { appetiteApprovalSchema, approveAppetite, listAgreedDecisions } from "../appetite.server";
import { appetiteField } from "../fields";
import { appetiteLevelDescriptions, appetiteLevelLabels, appetiteLevels, riskCategories, riskCategoryHints, riskCategoryLabels } from "../public";
import { loadAppetite, riskSettingsOf } from "../register.server";
import type { Route } from "./+types/risk-appetite";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Risk appetite – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const canApprove = scope.permissions.has("risk:manage");
  const [appetite, choices] = await Promise.all([loadAppetite(db, scope.partnership.id), canApprove ? listAgreedDecisions(db, scope.partnership.id) : Promise.resolve([])]);
  const settings = riskSettingsOf(scope.partnership);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    approvals: appetite.approvals,
    maxima: settings.appetiteMaxima,
    canApprove,
    choices,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "risk:manage");
  const form = await readForm(request);
  const parsed = parseForm(appetiteApprovalSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await approveAppetite(getDb(), scope, parsed.data, appToday());
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/risks/appetite`, "appetite-approved"));
}

export default function RiskAppetite({ loaderData }: Route.ComponentProps) {
  const { partnership: p, approvals, maxima, canApprove, choices } = loaderData;
  const f = useFormResult();
  const byCategory = new Map(approvals.map((a) => [a.category, a]));
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">Risk appetite</h1>
      <p className="govuk-body">
        How much risk the board accepts in each category of risk, as it approved by its decisions. A risk whose current score is above its category&apos;s maximum is flagged on the{" "}
        <Link className="govuk-link" to={`/p/${p.slug}/risks`}>
          risk register
        </Link>
        .
      </p>
      <div {...tableScroll("The appetite statement")}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">The appetite statement</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Category</th>
              <th scope="col" className="govuk-table__header">Appetite</th>
              <th scope="col" className="govuk-table__header">Highest current score tolerated</th>
              <th scope="col" className="govuk-table__header">Approved by</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {riskCategories.map((c) => {
              const a = byCategory.get(c);
              return (
                <tr key={c} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {riskCategoryLabels[c]}
                  </th>
                  <td className="govuk-table__cell">{a ? appetiteLevelLabels[a.level] : "Not yet approved"}</td>
                  <td className="govuk-table__cell">{a ? maxima[a.level] : "–"}</td>
                  <td className="govuk-table__cell">
                    {a ? (
                      <>
                        <Link className="govuk-link" to={`/p/${p.slug}/decisions/${a.decisionId}`}>
                          {a.decisionReference}
                        </Link>
                        , {formatDate(a.approvedOn)}
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div {...tableScroll("The appetite levels")}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">The levels</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Level</th>
              <th scope="col" className="govuk-table__header">Meaning</th>
              <th scope="col" className="govuk-table__header">Highest current score tolerated</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {appetiteLevels.map((l) => (
              <tr key={l} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {appetiteLevelLabels[l]}
                </th>
                <td className="govuk-table__cell">{appetiteLevelDescriptions[l]}</td>
                <td className="govuk-table__cell">{maxima[l]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {canApprove ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Record a new statement</h2>
            <p className="govuk-body">When the board approves an appetite, choose its decision and the level for each category it covers. A category left without a level keeps what it had.</p>
            <AppForm method="post" noValidate>
              <SelectField
                name="decisionId"
                label="The agreed decision that approved it"
                hint={choices.length ? "The latest agreed decisions of the partnership's log." : "The decision log has no agreed decision yet: the board must agree the appetite first."}
                defaultValue={f.value("decisionId")}
                error={f.errors?.decisionId}
                options={[{ value: "", label: "Choose a decision" }, ...choices.map((x) => ({ value: x.id, label: `${x.reference}: ${x.title}${x.decidedOn ? ` (${formatDate(x.decidedOn)})` : ""}` }))]}
              />
              {riskCategories.map((c) => {
                const a = byCategory.get(c);
                return (
                  <SelectField
                    key={c}
                    name={appetiteField(c)}
                    label={riskCategoryLabels[c]}
                    hint={riskCategoryHints[c]}
                    defaultValue={f.value(appetiteField(c), a?.level ?? "")}
                    error={f.errors?.[appetiteField(c)]}
                    options={[
                      ...(a ? [] : [{ value: "", label: "No appetite approved" }]),
                      ...appetiteLevels.map((l) => ({ value: l, label: `${appetiteLevelLabels[l]} (tolerates up to ${maxima[l]})` })),
                    ]}
                  />
                );
              })}
              <Button>Record the approved appetite</Button>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
