import { Tag, type TagColour } from "../../../platform/ui/forms";
import { ragBandLabels, reviewStateLabels, riskStatusLabels, type AppetiteCheck, type RagBand, type ReviewState, type RiskStatus } from "../public";

export const bandColour: Record<RagBand, TagColour> = { green: "green", amber: "orange", red: "red" };

/** A score with its RAG band, e.g. "16 Red": the band is in words, not only in colour. */
export function ScoreTag({ score, band }: { score: number; band: RagBand }) {
  return (
    <Tag colour={bandColour[band]}>
      {score} {ragBandLabels[band]}
    </Tag>
  );
}

export const statusColour: Record<RiskStatus, TagColour> = { open: "blue", escalated: "purple", closed: "grey", transferred: "grey" };

export function RiskStatusTag({ status }: { status: RiskStatus }) {
  return <Tag colour={statusColour[status]}>{riskStatusLabels[status]}</Tag>;
}

/** The flag for a current score above the appetite the board approved for its category. */
export function AppetiteFlag({ check, short }: { check: AppetiteCheck; short?: boolean }) {
  if (check.status === "above") return <Tag colour="red">Above appetite</Tag>;
  if (short) return check.status === "within" ? <span className="govuk-body-s">Within</span> : <span className="govuk-body-s">No appetite set</span>;
  return check.status === "within" ? <Tag colour="green">Within appetite</Tag> : <Tag colour="grey">No appetite set</Tag>;
}

const reviewColour: Record<ReviewState, TagColour | null> = { not_due: null, due_soon: "yellow", due_today: "yellow", overdue: "red", overdue_more_than_a_cycle: "red" };

/** When the next review is, flagged when it is due or overdue. */
export function ReviewDue({ state, text }: { state: ReviewState; text: string }) {
  const colour = reviewColour[state];
  return (
    <>
      {text}
      {colour ? (
        <>
          {" "}
          <Tag colour={colour}>{reviewStateLabels[state]}</Tag>
        </>
      ) : null}
    </>
  );
}
