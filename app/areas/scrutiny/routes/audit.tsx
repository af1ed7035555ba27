import { Form, Link } from "react-router";
import { getDb } from "../../../../db/client";
import { auditActionNames, auditCatalogue, isAuditAction } from "../../../audit/catalogue";
import { auditEntities } from "../../../audit/define";
import { requirePermission } from "../../../platform/guard.server";
import { formatDate, formatDateTime } from "../../../platform/time/dates";
import { ErrorSummary } from "../../../platform/ui/forms";
import { FilterDate, FilterSelect } from "../../../platform/ui/filters";
import { auditFilterChoices, auditTrailPage, recordName } from "../audit.server";
import { auditEntityLabels, auditFilterQuery, parseAuditFilters, PLATFORM_ACTOR } from "../rules/audit-filters";
import type { Route } from "./+types/audit";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.record ? `History of ${data.record.name}` : "Audit trail"} – ${data?.partnership.name ?? ""} – Partnership governance` }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const scope = await requirePermission(request, context, params.slug, "audit:view");
  const db = getDb();
  const { filters, errors } = parseAuditFilters(new URL(request.url).searchParams, isAuditAction);
  const [page, choices, name] = await Promise.all([
    auditTrailPage(db, scope.partnership, filters, scope.permissions.has("participation:manage")),
    auditFilterChoices(db, scope.partnership.id),
    filters.type && filters.record ? recordName(db, filters.type, filters.record) : null,
  ]);
  // Messages for values that have no field of their own on the page are shown without a link.
  const { record, before, ...fieldErrors } = errors;
  const summary = { ...fieldErrors, ...(record || before ? { form: [record, before].filter(Boolean).join(". ") } : {}) };
  // What the page shows of each event: the fields before and after only in a record's history (the list stays light).
  const events = page.events.map(({ prevHash: _prevHash, id: _id, changes, ...e }) => ({ ...e, changes: filters.record ? changes : [] }));
  return {
    partnership: { slug: scope.partnership.slug, name: scope.partnership.name },
    filters: { type: filters.type ?? "", record: filters.record ?? "", actor: filters.actor ?? "", partner: filters.partner ?? "", action: filters.action ?? "", from: filters.from ?? "", to: filters.to ?? "" },
    query: auditFilterQuery(filters),
    paged: Boolean(filters.before),
    record: filters.type && filters.record ? { type: filters.type, id: filters.record, name: name ?? `${auditEntityLabels[filters.type].toLowerCase()} ${filters.record.slice(0, 8)}` } : null,
    errors: summary,
    events,
    next: page.next,
    verification: page.verification,
    checkpoint: page.checkpoint,
    choices,
  };
}

const actionOptions = auditActionNames.map((a) => ({ value: a, label: auditCatalogue[a].label })).sort((a, b) => a.label.localeCompare(b.label));

export default function AuditTrail({ loaderData }: Route.ComponentProps) {
  const { partnership: p, filters, query, paged, record, errors, events, next, verification, checkpoint, choices } = loaderData;
  const base = `/p/${p.slug}/audit`;
  const download = (ext: string) => `/p/${p.slug}/audit.${ext}${query ? `?${query}` : ""}`;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{record ? `History of ${record.name}` : "Audit trail"}</h1>
      <p className="govuk-body">
        Every change to {p.name}&apos;s records, newest first. Each event carries a hash of its own contents and of the event before it, so changing or removing a stored event shows here, in the checks
        below.
      </p>
      {record ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={base}>
            Show the whole audit trail
          </Link>
        </p>
      ) : null}

      <div className={`govuk-inset-text app-verification app-verification--${verification.ok && (!checkpoint || checkpoint.ok) ? "ok" : "broken"}`} data-testid="verification">
        <h2 className="govuk-heading-s">Checks</h2>
        {verification.ok ? (
          <p className="govuk-body">
            {verification.events === 0 ? "There are no events to check on this page." : `The ${verification.events === 1 ? "event" : `${verification.events} events`} on this page verify: each matches its hash and links to the event before it.`}
          </p>
        ) : (
          <>
            <p className="govuk-body">
              <strong>Warning: {verification.problems.length === 1 ? "an event on this page does not verify" : `${verification.problems.length} events on this page do not verify`}.</strong> Tell the partnership&apos;s chair and the platform&apos;s
              administrators.
            </p>
            <ul className="govuk-list govuk-list--bullet">
              {verification.problems.map((x) => (
                <li key={x.seq}>
                  Event {x.seq}: {x.problem}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="govuk-body">
          {!checkpoint
            ? "No signed checkpoint has been taken yet: the first is signed at 07:00 London time after the trail grows."
            : checkpoint.ok
              ? `The latest signed checkpoint (${formatDate(checkpoint.day)}, event ${checkpoint.seq}) still matches the stored trail.`
              : `Warning: the latest signed checkpoint (${formatDate(checkpoint.day)}, event ${checkpoint.seq}) does not match: ${checkpoint.problem}.`}{" "}
          <a className="govuk-link" href={`/p/${p.slug}/audit-checkpoints.txt`} download>
            Download every checkpoint
          </a>
        </p>
      </div>

      <Form method="get" className="app-filters" aria-label="Filter the audit trail">
        {record ? <input type="hidden" name="record" value={record.id} /> : null}
        <FilterSelect name="type" label="Record type" value={filters.type} options={[{ value: "", label: "All records" }, ...auditEntities.map((e) => ({ value: e, label: auditEntityLabels[e] }))]} />
        <FilterSelect
          name="actor"
          label="Who"
          value={filters.actor}
          options={[{ value: "", label: "Anyone" }, { value: PLATFORM_ACTOR, label: "The platform (scheduled jobs)" }, ...choices.people.map((x) => ({ value: x.id, label: x.name }))]}
        />
        <FilterSelect name="partner" label="Partner (who sat for it)" value={filters.partner} options={[{ value: "", label: "All partners" }, ...choices.partners.map((x) => ({ value: x.id, label: x.name }))]} />
        <FilterSelect name="action" label="What happened" value={filters.action} options={[{ value: "", label: "Anything" }, ...actionOptions]} />
        <FilterDate name="from" label="From" value={filters.from} error={errors.from} />
        <FilterDate name="to" label="To" value={filters.to} error={errors.to} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show events
        </button>
      </Form>

      <p className="govuk-body">
        Download {query ? "these events" : "the whole trail"}:{" "}
        <a className="govuk-link" href={download("csv")} download>
          spreadsheet (CSV)
        </a>{" "}
        or{" "}
        <a className="govuk-link" href={download("jsonl")} download>
          JSON lines with each event&apos;s hashes
        </a>
        .
      </p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How to check a download yourself</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">Each line of the JSON lines file is one event, oldest first. For each event:</p>
          <ol className="govuk-list govuk-list--number">
            <li>Take every field except prevHash and hash, and write it as JSON with its keys in alphabetical order at every depth and no spaces.</li>
            <li>Put the event&apos;s prevHash (64 hexadecimal digits) in front of that text.</li>
            <li>Compute the SHA-256 of the result (UTF-8) in lower-case hexadecimal: it must equal the event&apos;s hash.</li>
            <li>Where two events follow each other (their seq differ by 1), the later one&apos;s prevHash must equal the earlier one&apos;s hash. The first event of the trail (seq 1) has 64 zeros as its prevHash.</li>
          </ol>
          <p className="govuk-body">
            Compare the hash of the last event with a checkpoint you were sent: if they match at the same seq, nothing before it has been changed. The platform&apos;s documentation (docs/verifying-an-audit-export.md) gives the details
            and a worked example.
          </p>
        </div>
      </details>

      {events.length ? (
        <ol className="app-audit-list" aria-label={record ? `Events for ${record.name}` : "Events"}>
          {events.map((e) => (
            <li key={e.seq} className="app-audit-list__item" data-seq={e.seq} data-action={e.action}>
              <p className="govuk-body govuk-!-margin-bottom-1">{e.sentence}</p>
              <p className="govuk-body-s govuk-!-margin-bottom-1 app-secondary-text">
                Event {e.seq} · {formatDateTime(e.occurredAt)} · {e.label}
                {e.reason && !e.sentence.includes(e.reason) ? ` · Reason: ${e.reason}` : ""}
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {!record && !e.private ? (
                  <Link className="govuk-link" to={`${base}?${new URLSearchParams({ type: e.entityType, record: e.entityId }).toString()}`}>
                    History of {e.subject ?? "this record"}
                  </Link>
                ) : null}
                {e.recordPath ? (
                  <>
                    {!record ? " · " : ""}
                    <Link className="govuk-link" to={e.recordPath}>
                      Open the record
                    </Link>
                  </>
                ) : null}
              </p>
              {e.changes.length ? (
                <details className="govuk-details govuk-!-margin-bottom-1">
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">Fields before and after</span>
                  </summary>
                  <div className="govuk-details__text">
                    <dl className="govuk-summary-list govuk-summary-list--no-border">
                      {e.changes.map((c) => (
                        <div key={c.field} className="govuk-summary-list__row">
                          <dt className="govuk-summary-list__key">{c.field}</dt>
                          <dd className="govuk-summary-list__value">{c.before && c.after ? `${c.before} → ${c.after}` : c.after || `${c.before} (removed)`}</dd>
                        </div>
                      ))}
                    </dl>
                  </div>
                </details>
              ) : null}
              <p className="govuk-body-s govuk-!-margin-bottom-0 app-hash" title={e.hash}>
                Hash {e.hash.slice(0, 16)}…
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="govuk-body">No events match.</p>
      )}
      {next || paged ? (
        <nav className="govuk-pagination" aria-label="More events">
          {paged ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={`${base}${query ? `?${query}` : ""}`}>
                <span className="govuk-pagination__link-title">Newest events</span>
              </Link>
            </div>
          ) : null}
          {next ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={`${base}?${query ? `${query}&` : ""}before=${next}`} rel="next">
                <span className="govuk-pagination__link-title">Older events</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
