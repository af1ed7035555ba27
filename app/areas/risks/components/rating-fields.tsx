import { ChoiceGroup } from "../../../platform/ui/forms";
import { levelKeys, type LevelDefinitions } from "../public";

/**
 * A likelihood or impact from 1 to 5 as radios, each level's written
 * definition beside it (the partnership's own, or the defaults), so everyone
 * scores the same way. `blank` adds a first choice that sends nothing (e.g.
 * "Keep the target as it is").
 */
export function RatingChoice(props: {
  name: string;
  legend: string;
  hint?: string;
  definitions: LevelDefinitions;
  checked: string;
  error?: string;
  blank?: string;
}) {
  const options = levelKeys.map((k) => ({ value: k, label: `${k} – ${props.definitions[k].name}`, hint: props.definitions[k].description }));
  return (
    <ChoiceGroup
      type="radio"
      name={props.name}
      legend={props.legend}
      hint={props.hint}
      error={props.error}
      options={props.blank ? [{ value: "", label: props.blank }, ...options] : options}
      checked={[props.checked]}
      small
    />
  );
}

/** A likelihood and an impact side by side on wide screens. */
export function RatingPair(props: {
  prefix: "inherent" | "current" | "target" | "";
  title: string;
  /** The two groups' legends, e.g. ["Current likelihood", "Current impact"]. */
  legends: [string, string];
  hint?: string;
  likelihood: LevelDefinitions;
  impact: LevelDefinitions;
  value: (name: string) => string;
  errors?: Record<string, string>;
  blank?: string;
}) {
  const name = (scale: "Likelihood" | "Impact") => (props.prefix ? `${props.prefix}${scale}` : scale.toLowerCase());
  const l = name("Likelihood");
  const i = name("Impact");
  return (
    <div className="govuk-form-group">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{props.title}</h3>
      {props.hint ? <p className="govuk-hint">{props.hint}</p> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <RatingChoice name={l} legend={props.legends[0]} definitions={props.likelihood} checked={props.value(l)} error={props.errors?.[l]} blank={props.blank} />
        </div>
        <div className="govuk-grid-column-one-half">
          <RatingChoice name={i} legend={props.legends[1]} definitions={props.impact} checked={props.value(i)} error={props.errors?.[i]} blank={props.blank} />
        </div>
      </div>
    </div>
  );
}
