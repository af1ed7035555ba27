import { Link } from "react-router";
import { Button, ErrorSummary, TextField } from "../../../platform/ui/forms";
import type { FieldErrors } from "../../../platform/forms";
import { AppForm } from "../../../platform/ui/app-form";

/** The page behind an emailed link: invitation or password reset. */
export function SetPasswordPage(props: {
  title: string;
  caption?: string;
  problem?: string | null;
  email?: string;
  errors?: FieldErrors;
  submitLabel: string;
}) {
  if (props.problem)
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{props.title}</h1>
          <p className="govuk-body">{props.problem}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/sign-in">Go to sign in</Link> or{" "}
            <Link className="govuk-link" to="/forgot-password">reset your password</Link>.
          </p>
        </div>
      </div>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors} />
        {props.caption ? <span className="govuk-caption-l">{props.caption}</span> : null}
        <h1 className="govuk-heading-l">{props.title}</h1>
        {props.email ? <p className="govuk-body">Your account: {props.email}</p> : null}
        <AppForm method="post" noValidate>
          <TextField
            name="password"
            label="New password"
            hint="At least 12 characters. A few unrelated words make a strong, memorable password."
            type="password"
            autoComplete="new-password"
            error={props.errors?.password}
          />
          <TextField name="confirmPassword" label="Confirm the password" type="password" autoComplete="new-password" error={props.errors?.confirmPassword} />
          <Button>{props.submitLabel}</Button>
        </AppForm>
      </div>
    </div>
  );
}
