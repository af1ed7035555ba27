import { Link, redirect } from "react-router";
import { getDb } from "../../../../db/client";
import { Button, DateField, ErrorSummary, ReasonField, SelectField, SummaryList, Tag, TextArea, VersionField } from "../../../platform/ui/forms";
import { Notice, withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { isSeatCurrent } from "../../register/public";
import { formatDate } from "../../../platform/time/dates";
import { boardRoleLabels } from "../../register/public";
import { organisationTypeLabels, partnerRoleLabels, partnerRoles } from "../rules/vocabulary";
import { listSeats } from "../../register/public.server";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { notFound, requirePermission } from "../../../platform/guard.server";
import { editPartnerSchema, getPartner, partnerExitSchema, recordPartnerExit, updatePartner } from "../partnerships.server";
import { appToday } from "../../../platform/clock.server";
import type { Route } from "./+types/partner";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.partner.name ?? "Partner"} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const today = appToday();
  const db = getDb();
  const partner = await getPartner(db, scope.partnership.id, params.partnerId, today);
  if (!partner) notFound("That organisation is not a partner in this partnership.");
  const seats = (await listSeats(db, scope.partnership.id)).filter((s) => s.organisationId === partner.organisationId);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    partner,
    seats: seats.map((s) => ({ ...s, current: isSeatCurrent(s, today) })).reverse(),
    isLead: scope.partnership.leadOrganisationId === partner.organisationId,
    canManage: scope.permissions.has("partnership:manage"),
    today,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:manage");
  const form = await readForm(request);
  const here = `/p/${scope.partnership.slug}/partners/${params.partnerId}`;
  if (form.get("intent") === "exit") {
    const parsed = parseForm(partnerExitSchema, form, "all");
    if (!parsed.ok) return invalid(parsed);
    const result = await recordPartnerExit(getDb(), scope, params.partnerId, parsed.data);
    if (!result.ok) return rejected(result, form);
    throw redirect(withNotice(here, "partner-left"));
  }
  const parsed = parseForm(editPartnerSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await updatePartner(getDb(), scope, params.partnerId, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(here, "partner-updated"));
}

export default function PartnerPage({ loaderData }: Route.ComponentProps) {
  const { partnership: p, partner: x, seats, canManage, isLead, today } = loaderData;
  const f = useFormResult();
  const exitForm = f.value("intent") === "exit";
  return (
    <>
      <Notice />
      <ErrorSummary errors={f.errors} />
      <h1 className="govuk-heading-l">{x.name}</h1>
      <SummaryList
        rows={[
          ["Type", organisationTypeLabels[x.type]],
          ["Role in the partnership", <>{partnerRoleLabels[x.role]}{isLead ? " (lead body)" : ""}</>],
          ["Joined", formatDate(x.joinedOn)],
          ["Status", x.current ? <Tag colour="green">Current partner</Tag> : x.leftOn ? <Tag colour="grey">Left on {formatDate(x.leftOn)}</Tag> : <Tag>Joins on {formatDate(x.joinedOn)}</Tag>],
          x.exitNoticeDate ? ["Notice given", formatDate(x.exitNoticeDate)] : null,
          x.exitReason ? ["Reason for leaving", <span key="r" className="app-pre-wrap">{x.exitReason}</span>] : null,
          x.exitHandover ? ["Handover", <span key="h" className="app-pre-wrap">{x.exitHandover}</span>] : null,
        ]}
      />

      <h2 className="govuk-heading-m">Seats on the board</h2>
      {seats.length === 0 ? (
        <p className="govuk-body">This organisation has never held a seat.</p>
      ) : (
        <ul className="govuk-list">
          {seats.map((s) => (
            <li key={s.id}>
              <Link className="govuk-link" to={`/p/${p.slug}/board/${s.id}`}>
                {s.personName}
              </Link>
              , {boardRoleLabels[s.boardRole].toLowerCase()}, {formatDate(s.termStart)} to {s.termEnd ? formatDate(s.termEnd) : "open-ended"}{" "}
              {s.current ? <Tag colour="green">Current</Tag> : null}
            </li>
          ))}
        </ul>
      )}

      {canManage ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Change the partner&apos;s role</h2>
            <AppForm method="post" noValidate>
              <input type="hidden" name="intent" value="edit" />
              <VersionField value={x.version} />
              <SelectField name="role" label="Role in the partnership" defaultValue={exitForm ? x.role : f.value("role", x.role)} error={exitForm ? undefined : f.errors?.role} options={partnerRoles.map((r) => ({ value: r, label: partnerRoleLabels[r] }))} />
              <DateField name="joinedOn" label="Date joined" defaultValue={exitForm ? x.joinedOn : f.value("joinedOn", x.joinedOn)} error={exitForm ? undefined : f.errors?.joinedOn} />
              <ReasonField defaultValue={exitForm ? "" : f.value("reason")} error={exitForm ? undefined : f.errors?.reason} />
              <Button secondary>Save changes</Button>
            </AppForm>

            {!x.leftOn && !isLead ? (
              <>
                <h2 className="govuk-heading-m">Record that this partner is leaving</h2>
                <p className="govuk-body">The partner stays in the partnership&apos;s history. Its seats that run past its last day end on that day.</p>
                <AppForm method="post" noValidate>
                  <input type="hidden" name="intent" value="exit" />
                  <VersionField value={x.version} />
                  <DateField name="exitNoticeDate" label="Date notice was given (optional)" defaultValue={exitForm ? f.value("exitNoticeDate") : ""} error={exitForm ? f.errors?.exitNoticeDate : undefined} />
                  <DateField name="leftOn" label="Last day as a partner" defaultValue={exitForm ? f.value("leftOn", today) : today} error={exitForm ? f.errors?.leftOn : undefined} />
                  <TextArea name="exitReason" label="Reason for leaving" rows={3} defaultValue={exitForm ? f.value("exitReason") : ""} error={exitForm ? f.errors?.exitReason : undefined} />
                  <TextArea name="exitHandover" label="Handover arrangements (optional)" hint="Who takes over its commitments, open actions and reporting." rows={3} defaultValue={exitForm ? f.value("exitHandover") : ""} error={exitForm ? f.errors?.exitHandover : undefined} />
                  <Button warning>Record exit</Button>
                </AppForm>
              </>
            ) : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
