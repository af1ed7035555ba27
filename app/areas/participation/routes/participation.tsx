import { Link, redirect } from "react-router";
import { invalid, parseForm, rejected } from "../../../platform/forms";
import { readForm } from "../../../platform/read-form.server";
import { AppForm } from "../../../platform/ui/app-form";
import { Button, SelectField } from "../../../platform/ui/forms";
import { withNotice } from "../../../platform/ui/notice";
import { useFormResult } from "../../../platform/ui/use-form-result";
import { listPeopleInPartnership } from "../../register/public.server";
import { leadSchema, safeguardingReaders, setSafeguardingLead } from "../safeguarding.server";
import { getDb } from "../../../../db/client";
import { requirePermission } from "../../../platform/guard.server";
import { formatDate } from "../../../platform/time/dates";
import { Tag } from "../../../platform/ui/forms";
import { Notice } from "../../../platform/ui/notice";
import { tableScroll } from "../../../platform/ui/table-scroll";
import { listYoungPeople, participationPolicy } from "../accounts.server";
import { consultationFigures, youngPeopleTakingPart } from "../figures.server";
import { activitiesForAdults } from "../activities.server";
import { activityKindLabels, lundyElements, lundyLabels, type ActivityKind } from "../rules/activities";
import { moderationQueue } from "../contributions.server";
import { ageBandLabels, youngPersonStatusLabels } from "../rules/accounts";
import { consentState } from "../rules/consent";
import { showCount, suppressionNote } from "../rules/suppression";
import { Quotes } from "../components/young-peoples-input";
import type { Route } from "./+types/participation";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Young people – ${data?.partnership.name ?? ""} – Partnership governance` }];

// Every adult in the partnership sees how many young people take part, as
// suppressed counts; only its participation workers see the young people.
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "partnership:view");
  const db = getDb();
  const isWorker = scope.permissions.has("participation:manage");
  const [figures, policy, people, consultations, queue, readers, adults, activities] = await Promise.all([
    youngPeopleTakingPart(db, scope.partnership.id),
    participationPolicy(db, scope.partnership.id),
    isWorker ? listYoungPeople(db, scope.partnership.id) : Promise.resolve(null),
    consultationFigures(db, scope.partnership.id),
    isWorker ? moderationQueue(db, scope.partnership.id) : Promise.resolve([]),
    safeguardingReaders(db, scope.partnership.id),
    isWorker ? listPeopleInPartnership(db, scope.partnership.id) : Promise.resolve([]),
    activitiesForAdults(db, scope.partnership.id),
  ]);
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    figures: { threshold: figures.threshold, byBand: figures.byBand.map((b) => ({ band: ageBandLabels[b.band], shown: showCount(b.count) })), total: showCount(figures.total) },
    consultations: consultations.consultations.map((c) => ({ id: c.id, title: c.title, closesOn: c.closesOn, answered: showCount(c.answered), quotes: c.quotes })),
    answeredWithin30Days: consultations.answeredWithin30Days,
    ideasAndFeedback: showCount(consultations.ideasAndFeedback),
    waiting: queue.length,
    activities: activities.map((a) => ({ ...a, kind: activityKindLabels[a.kind as ActivityKind] ?? a.kind, participants: showCount(a.participants) })),
    readsSafeguarding: readers.includes(scope.user.id),
    lead: isWorker ? { current: policy.safeguardingLeadUserId, choices: adults.map((a) => ({ value: a.id, label: a.jobTitle ? `${a.name}, ${a.jobTitle}` : a.name })) } : null,
    people: people?.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      ageBand: ageBandLabels[p.ageBand],
      status: youngPersonStatusLabels[p.status],
      closed: p.status === "closed",
      consent: p.status === "active" ? consentState(p.consents, p.ageBand, policy.adultConsentUnder) : null,
      addedOn: p.createdAt.toISOString().slice(0, 10),
    })),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const scope = await requirePermission(request, context, params.slug, "participation:manage");
  const form = await readForm(request);
  const parsed = parseForm(leadSchema, form, "all");
  if (!parsed.ok) return invalid(parsed);
  const result = await setSafeguardingLead(getDb(), scope, parsed.data);
  if (!result.ok) return rejected(result, form);
  throw redirect(withNotice(`/p/${scope.partnership.slug}/participation`, "safeguarding-lead-named"));
}

const consentTag = { needs_own: ["Not agreed yet", "grey"], needs_adult: ["Waiting for an adult's consent", "yellow"], taking_part: ["Taking part", "green"] } as const;

export default function Participation({ loaderData }: Route.ComponentProps) {
  const { partnership: p, figures, people, consultations, answeredWithin30Days, ideasAndFeedback, waiting, readsSafeguarding, lead, activities } = loaderData;
  const f = useFormResult();
  return (
    <>
      <Notice />
      <span className="govuk-caption-l">{p.name}</span>
      <h1 className="govuk-heading-l">Young people</h1>
      <p className="govuk-body">
        Young people take part through their own portal. Adults see how many take part, never who.
      </p>
      <p className="govuk-body-s">{suppressionNote(figures.threshold)}</p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/p/${p.slug}/participation.csv`} download>
          Download these figures (CSV)
        </a>
      </p>
      <div {...tableScroll("Young people taking part, by age")}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Taking part, by age</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Age</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Young people</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {figures.byBand.map((b) => (
              <tr key={b.band} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{b.band}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{b.shown}</td>
              </tr>
            ))}
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">All ages</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{figures.total}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2 className="govuk-heading-m">What young people said</h2>
      <p className="govuk-body">
        Published contributions answered within 30 days: <strong>{answeredWithin30Days === null ? "none to judge yet" : `${answeredWithin30Days}%`}</strong>
      </p>
      <p className="govuk-body">
        Young people who sent ideas or feedback outside consultations: <strong>{ideasAndFeedback}</strong>
      </p>
      {people ? (
        <div className="govuk-button-group">
          <Link to={`/p/${p.slug}/participation/consultations/new`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Open a consultation
          </Link>
          <Link to={`/p/${p.slug}/participation/moderation`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Moderation ({waiting} waiting)
          </Link>
          <Link to={`/p/${p.slug}/participation/policy`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Policy
          </Link>
        </div>
      ) : null}
      {consultations.length === 0 ? <p className="govuk-body">No consultations yet.</p> : null}
      {consultations.map((c) => (
        <section key={c.id} className="app-card" aria-labelledby={`consultation-${c.id}`}>
          <h3 className="govuk-heading-s" id={`consultation-${c.id}`}>
            {c.title}
          </h3>
          <p className="govuk-body-s">
            Young people who answered: <strong>{c.answered}</strong>
            {c.closesOn ? `. Closes ${formatDate(c.closesOn)}` : ""}
          </p>
          <Quotes quotes={c.quotes} />
        </section>
      ))}
      <h2 className="govuk-heading-m">What young people took part in</h2>
      {people ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/p/${p.slug}/participation/activities/new`}>
            Record an activity
          </Link>
        </p>
      ) : null}
      {activities.length === 0 ? <p className="govuk-body">No activities recorded yet.</p> : null}
      {activities.map((a) => (
        <section key={a.id} className="app-card" aria-labelledby={`activity-${a.id}`}>
          <h3 className="govuk-heading-s" id={`activity-${a.id}`}>
            {a.title}
          </h3>
          <p className="govuk-body-s">
            {a.kind}, {formatDate(a.heldOn)}. Young people who took part: <strong>{a.participants}</strong>
            {a.decisionId ? (
              <>
                {". "}
                <Link className="govuk-link" to={`/p/${p.slug}/decisions/${a.decisionId}`}>
                  The decision it fed
                </Link>
              </>
            ) : null}
          </p>
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            {lundyElements.map((e) => (
              <div key={e} className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{lundyLabels[e].name}</dt>
                <dd className="govuk-summary-list__value">{a[e]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {readsSafeguarding ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/p/${p.slug}/participation/safeguarding`}>
            Safeguarding messages
          </Link>{" "}
          (only you see these)
        </p>
      ) : null}
      {lead ? (
        <>
          <h2 className="govuk-heading-m">Designated safeguarding lead</h2>
          <p className="govuk-body">Messages young people send with “Worried about something?” go to this person only{lead.current ? "" : ". Until someone is named they go to the participation workers"}.</p>
          <AppForm method="post" noValidate>
            <SelectField name="leadUserId" label="Designated safeguarding lead" defaultValue={f.value("leadUserId", lead.current ?? "")} error={f.errors?.leadUserId} options={[...(lead.current ? [] : [{ value: "", label: "Not named yet" }]), ...lead.choices]} />
            <Button secondary>Save</Button>
          </AppForm>
        </>
      ) : null}
      {people ? (
        <>
          <h2 className="govuk-heading-m">Your young people</h2>
          <p className="govuk-body">Only the partnership&apos;s participation workers see this list.</p>
          <Link to={`/p/${p.slug}/participation/new`} className="govuk-button" data-module="govuk-button">
            Add a young person
          </Link>
          {people.length === 0 ? (
            <p className="govuk-body">No young people have been added yet.</p>
          ) : (
            <div {...tableScroll("Your young people")}>
              <table className="govuk-table">
                <caption className="govuk-visually-hidden">Your young people</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Portal name</th>
                    <th scope="col" className="govuk-table__header">Age</th>
                    <th scope="col" className="govuk-table__header">Account</th>
                    <th scope="col" className="govuk-table__header">Consent</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {people.map((y) => (
                    <tr key={y.id} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/p/${p.slug}/participation/young-people/${y.id}`}>
                          {y.displayName ?? (y.closed ? `A closed account (added ${formatDate(y.addedOn)})` : `Not joined yet (added ${formatDate(y.addedOn)})`)}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">{y.ageBand}</td>
                      <td className="govuk-table__cell">{y.status}</td>
                      <td className="govuk-table__cell">{y.consent ? <Tag colour={consentTag[y.consent][1]}>{consentTag[y.consent][0]}</Tag> : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
