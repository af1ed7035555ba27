import { formatDate } from "../../../platform/time/dates";

/** A code shown once to the worker who issued it, with how to hand it over. */
export function IssuedCode({ code, expiresAt }: { code: string; expiresAt: string }) {
  return (
    <>
    <div className="govuk-panel govuk-panel--confirmation">
      <h2 className="govuk-panel__title">Their code</h2>
      <div className="govuk-panel__body">
        <span className="app-code" data-testid="portal-code">
          {code}
        </span>
        <br />
        Works once, until {formatDate(expiresAt.slice(0, 10))}
      </div>
    </div>
      <p className="govuk-body">Give it to them in person or read it out. It is shown only now: we keep no copy. They join at /portal/join.</p>
    </>
  );
}
