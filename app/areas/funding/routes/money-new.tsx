import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { appToday } from "../../../platform/clock.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { requirePermission } from "../../../platform/guard.server";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, DateField, ErrorSummary, SelectField, TextArea, TextField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { actualSchema, commitmentSchema, createCommitment, createFundingLine, fundingLineSchema, moneyFormChoices, recordActual } from "../funding.server";
import { financialYearOf, fundingLineKindLabels, fundingLineKinds, shiftFinancialYear } from "../rules/money";
import type { Route } from "./+types/money-new";

// Adding to the partnership's money: a funding line, a joint bid, a commitment or a payment (?form=…).

const forms = ["commitment", "actual", "line", "bid"] as const;
type FormName = (typeof forms)[number];
const titles: Record<FormName, string> = { commitment: "Record a commitment", actual: "Record a payment", line: "Add a funding line", bid: "Record a joint funding bid" };

export const meta = () => [{ title: "Add to the money – Partnership governance" }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "funding:manage");
  const asked = new URL(request.url).searchParams.get("form");
  const form: FormName = (forms as readonly string[]).includes(asked ?? "") ? (asked as FormName) : "commitment";
  const today = appToday();
  return { partnership: { slug: scope.partnership.slug, name: scope.partnership.name }, form, today, thisYear: financialYearOf(today), ...(await moneyFormChoices(getDb(), scope.partnership.id)) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "funding:manage");
  const form = await readForm(request);
  const db = getDb();
  const money = `/p/${scope.partnership.slug}/money`;
  const intent = form.get("intent");
  if (intent === "commitment") {
    const parsed = parseForm(commitmentSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await createCommitment(db, scope, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(`${withNotice(money, result.value.authority.status === "above" ? "commitment-above-authority" : "commitment-added")}#commitment-${result.value.id}`);
  }
  if (intent === "actual") {
    const parsed = parseForm(actualSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await recordActual(db, scope, parsed.data, appToday());
    if (!result.ok) return rejected(result, form);
    throw redirect(`${withNotice(money, "actual-recorded")}#actuals`);
  }
  const parsed = parseForm(fundingLineSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await createFundingLine(db, scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  const bid = parsed.data.kind === "joint_bid";
  throw redirect(`${withNotice(money, bid ? "funding-bid-added" : "funding-line-added")}#${bid ? "bids" : "lines"}`);
}

export default function NewMoney({ loaderData }: Route.ComponentProps) {
  const { partnership: p, partners, lines, decisions, seats, obligations, today, thisYear } = loaderData;
  const f = useFormResult();
  // After a refused post, the form that was sent.
  const sent = f.value("intent");
  const form: FormName = sent === "commitment" || sent === "actual" ? sent : sent === "line" ? (f.value("kind") === "joint_bid" ? "bid" : "line") : loaderData.form;
  const base = `/p/${p.slug}`;
  const partnerOptions = partners.map((x) => ({ value: x.id, label: x.name }));
  const decisionOptions = [{ value: "", label: "Choose the decision" }, ...decisions.map((d) => ({ value: d.id, label: `${d.reference}: ${d.title}` }))];
  const years = [-2, -1, 0, 1, 2].map((n) => shiftFinancialYear(thisYear, n));
  const fundable = lines.filter((l) => l.kind !== "joint_bid");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={f.errors} />
        <h1 className="govuk-heading-l">{titles[form]}</h1>
        <nav aria-label="What to add">
          <ul className="govuk-list">
            {forms
              .filter((x) => x !== form)
              .map((x) => (
                <li key={x}>
                  <Link className="govuk-link" to={`${base}/money/new?form=${x}`}>
                    {titles[x]} instead
                  </Link>
                </li>
              ))}
          </ul>
        </nav>

        {form === "commitment" ? (
          fundable.length === 0 ? (
            <p className="govuk-body">Add a funding line first: money is committed to a line.</p>
          ) : (
            <AppForm method="post" noValidate>
              <input type="hidden" name="intent" value="commitment" />
              <SelectField name="lineId" label="Funding line" defaultValue={f.value("lineId", fundable[0].id)} error={f.errors?.lineId} options={fundable.map((l) => ({ value: l.id, label: `${l.title} (${fundingLineKindLabels[l.kind]})` }))} />
              <SelectField name="organisationId" label="Partner committing the money" defaultValue={f.value("organisationId", partners[0]?.id)} error={f.errors?.organisationId} options={partnerOptions} />
              <SelectField name="financialYear" label="Financial year" hint="April to March." defaultValue={f.value("financialYear", thisYear)} error={f.errors?.financialYear} options={years.map((y) => ({ value: y, label: y }))} />
              <TextField name="amount" label="Amount committed" hint="In pounds and pence, for example £200,000 or 48250.37." inputMode="decimal" className="govuk-input--width-10" defaultValue={f.value("amount")} error={f.errors?.amount} />
              <SelectField name="decisionId" label="Agreed by decision" hint="Money is committed only by an agreed decision of the partnership." defaultValue={f.value("decisionId")} error={f.errors?.decisionId} options={decisionOptions} />
              <SelectField
                name="approvedBySeatId"
                label="Approved by (optional)"
                hint="The board member who approved it for their organisation: it is checked against their delegated financial authority in the board register."
                defaultValue={f.value("approvedBySeatId")}
                error={f.errors?.approvedBySeatId}
                options={[
                  { value: "", label: "No individual approver: the decision itself" },
                  ...seats.map((s) => ({ value: s.id, label: `${s.name}, ${s.organisation}${s.delegatedAuthorityGbp === null ? " (no limit recorded)" : ` (limit £${s.delegatedAuthorityGbp.toLocaleString("en-GB")})`}${s.termEnd && s.termEnd < today ? ", former" : ""}` })),
                ]}
              />
              <TextArea name="note" label="Note (optional)" rows={2} defaultValue={f.value("note")} error={f.errors?.note} />
              <Button>Record the commitment</Button>
            </AppForm>
          )
        ) : null}

        {form === "actual" ? (
          fundable.filter((l) => !l.fedByReturns).length === 0 ? (
            <p className="govuk-body">There is no line to record a payment on: add a funding line first (lines fed by returns take their actuals from the returns).</p>
          ) : (
            <AppForm method="post" noValidate>
              <input type="hidden" name="intent" value="actual" />
              <SelectField
                name="lineId"
                label="Funding line"
                hint="Lines that take their actuals from partners' returns are not listed."
                defaultValue={f.value("lineId")}
                error={f.errors?.lineId}
                options={fundable.filter((l) => !l.fedByReturns).map((l) => ({ value: l.id, label: `${l.title} (${fundingLineKindLabels[l.kind]})` }))}
              />
              <SelectField name="organisationId" label="Partner that paid or spent it" defaultValue={f.value("organisationId", partners[0]?.id)} error={f.errors?.organisationId} options={partnerOptions} />
              <TextField name="amount" label="Amount" hint="In pounds and pence, for example £48,250.37." inputMode="decimal" className="govuk-input--width-10" defaultValue={f.value("amount")} error={f.errors?.amount} />
              <DateField name="paidOn" label="Date paid" hint="Its financial year is worked out from this date." defaultValue={f.value("paidOn", today)} error={f.errors?.paidOn} />
              <TextArea name="note" label="Note (optional)" rows={2} defaultValue={f.value("note")} error={f.errors?.note} />
              <Button>Record the payment</Button>
            </AppForm>
          )
        ) : null}

        {form === "line" ? (
          <AppForm method="post" noValidate>
            <input type="hidden" name="intent" value="line" />
            <SelectField name="kind" label="Kind" defaultValue={f.value("kind", "pooled_budget")} error={f.errors?.kind} options={fundingLineKinds.filter((k) => k !== "joint_bid").map((k) => ({ value: k, label: fundingLineKindLabels[k] }))} />
            <TextField name="title" label="Title" defaultValue={f.value("title")} error={f.errors?.title} />
            <TextArea name="description" label="Description (optional)" rows={2} defaultValue={f.value("description")} error={f.errors?.description} />
            <SelectField name="organisationId" label="For" defaultValue={f.value("organisationId")} error={f.errors?.organisationId} options={[{ value: "", label: "The whole partnership (each partner's share)" }, ...partnerOptions]} />
            <SelectField name="decisionId" label="Set up by decision (optional)" defaultValue={f.value("decisionId")} error={f.errors?.decisionId} options={[{ value: "", label: "None" }, ...decisionOptions.slice(1)]} />
            <TextField name="capPercent" label="Cap, as a percentage of another line (optional)" hint="For an innovation payment of up to 7% of its contract, enter 7." inputMode="decimal" className="govuk-input--width-4" defaultValue={f.value("capPercent")} error={f.errors?.capPercent} />
            <SelectField name="capOfLineId" label="The line the cap is a share of" defaultValue={f.value("capOfLineId")} error={f.errors?.capOfLineId} options={[{ value: "", label: "No cap" }, ...fundable.map((l) => ({ value: l.id, label: l.title }))]} />
            <SelectField
              name="actualsObligationId"
              label="Take the actuals from returns (optional)"
              hint="Instead of recording payments, count a money field of this obligation's accepted returns."
              defaultValue={f.value("actualsObligationId")}
              error={f.errors?.actualsObligationId}
              options={[{ value: "", label: "No: record payments" }, ...obligations.map((o) => ({ value: o.id, label: o.title }))]}
            />
            <TextField name="actualsFieldKey" label="The return's money field" hint="For the co-investment statement: spent (or committed)." className="govuk-input--width-10" defaultValue={f.value("actualsFieldKey")} error={f.errors?.actualsFieldKey} />
            <Button>Add the funding line</Button>
          </AppForm>
        ) : null}

        {form === "bid" ? (
          <AppForm method="post" noValidate>
            <input type="hidden" name="intent" value="line" />
            <input type="hidden" name="kind" value="joint_bid" />
            <TextField name="title" label="What the bid is for" defaultValue={f.value("title")} error={f.errors?.title} />
            <TextField name="funder" label="Funder" defaultValue={f.value("funder")} error={f.errors?.funder} />
            <TextField name="amountSought" label="Amount sought" hint="In pounds, for example £465,000." inputMode="decimal" className="govuk-input--width-10" defaultValue={f.value("amountSought")} error={f.errors?.amountSought} />
            <DateField name="submittedOn" label="Submitted on" defaultValue={f.value("submittedOn", today)} error={f.errors?.submittedOn} />
            <SelectField name="decisionId" label="Agreed by decision (optional)" defaultValue={f.value("decisionId")} error={f.errors?.decisionId} options={[{ value: "", label: "None" }, ...decisionOptions.slice(1)]} />
            <TextArea name="description" label="Description (optional)" rows={2} defaultValue={f.value("description")} error={f.errors?.description} />
            <Button>Record the bid</Button>
          </AppForm>
        ) : null}

        <p className="govuk-body">
          <Link className="govuk-link" to={`${base}/money`}>
            Back to the money
          </Link>
        </p>
      </div>
    </div>
  );
}
