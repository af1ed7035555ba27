import { redirect } from "react-router";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { z } from "zod";
import { getDb } from "../../../../db/client";
import { ErrorSummary, Tag } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { formatDateTime } from "../../../platform/time/dates";
import { listProblemDeliveries, requeueDelivery } from "../delivery.server";
import { failure, invalid, parseForm } from "../../../platform/forms";
import { requirePlatformAdmin } from "../../../platform/guard.server";
import type { Route } from "./+types/admin-deliveries";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = () => [{ title: "Failed deliveries – Partnership governance" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  requirePlatformAdmin(request, context);
  const rows = await listProblemDeliveries(getDb());
  return {
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status,
      to: r.recipientEmail,
      subject: (r.payload as { subject?: string }).subject ?? r.kind,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = requirePlatformAdmin(request, context);
  const parsed = parseForm(z.object({ id: z.uuid({ error: "Choose a message" }) }), await readForm(request));
  if (!parsed.ok) return invalid(parsed);
  if (!(await requeueDelivery(getDb(), admin, parsed.data.id))) return failure({ form: "That message has already been sent again or is no longer failed" });
  throw redirect(withNotice("/admin/deliveries", "delivery-requeued"));
}

export default function Deliveries({ loaderData }: Route.ComponentProps) {
  const f = useFormResult();
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">Failed deliveries</h1>
      <p className="govuk-body">
        Messages that failed after every retry, or that may or may not have gone because the worker stopped while sending them. Check with the
        recipient before sending an uncertain message again.
      </p>
      {loaderData.rows.length === 0 ? (
        <p className="govuk-body">None: every message has been delivered.</p>
      ) : (
        <div {...tableScroll("Failed deliveries")}>
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Message</th>
                <th scope="col" className="govuk-table__header">To</th>
                <th scope="col" className="govuk-table__header">What happened</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Send again</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {loaderData.rows.map((r) => (
                <tr key={r.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    {r.subject}
                    <span className="govuk-body-s govuk-!-display-block">recorded {formatDateTime(r.createdAt)}</span>
                  </td>
                  <td className="govuk-table__cell">{r.to}</td>
                  <td className="govuk-table__cell">
                    <Tag colour={r.status === "failed" ? "red" : "orange"}>{r.status === "failed" ? `Failed after ${r.attempts} tries` : "Uncertain"}</Tag>
                    {r.lastError ? <span className="govuk-body-s govuk-!-display-block">{r.lastError}</span> : null}
                  </td>
                  <td className="govuk-table__cell">
                    <AppForm method="post">
                      <input type="hidden" name="id" value={r.id} />
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                        Send again<span className="govuk-visually-hidden"> to {r.to}</span>
                      </button>
                    </AppForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
