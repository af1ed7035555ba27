import { Button, Heading, Text } from "@react-email/components";
import { formatDate } from "../app/platform/time/dates";
import { buttonStyle, captionStyle, EmailLayout } from "./layout";
import { readableDates } from "./text";

export type GovernanceReminderEmailProps = {
  recipientName: string;
  partnershipName: string;
  kind:
    | "terms_review"
    | "board_term_ending"
    | "deputy_lapsing"
    | "minutes_awaiting_approval"
    | "risk_review_due"
    | "risk_review_overdue"
    | "call_in_consider_due"
    | "call_in_consider_overdue"
    | "call_in_reconsider_due"
    | "call_in_reconsider_overdue"
    | "challenge_due"
    | "challenge_escalated"
    | "agenda_published";
  /** What it is about, e.g. "Joanna Whitfield's term as member for London Borough of Hackney". */
  subject: string;
  /** YYYY-MM-DD: the review date, term end, lapse date or circulation date. */
  date: string;
  link: string;
  /** Why this person hears, e.g. "You chair or run the secretariat of North-East London Commissioning Partnership." */
  reason: string;
};

type Wording = { heading: string; body: (subject: string, date: string) => string[]; action: string };

const wording: Record<GovernanceReminderEmailProps["kind"], Wording> = {
  terms_review: {
    heading: "The terms of reference are due for review",
    body: (s, d) => [`${s} should be reviewed by ${d}.`, "Put the review on the board's agenda, or draft a new version for the board to approve."],
    action: "Open the terms of reference",
  },
  board_term_ending: {
    heading: "A board member's term is ending",
    body: (s, d) => [`${s} ends on ${d}.`, "The chair or secretariat can renew the term, or hand the seat to a successor, so that the partner stays represented."],
    action: "Open the board seat",
  },
  deputy_lapsing: {
    heading: "A deputy's delegation is ending",
    body: (s, d) => [`${s} ends on ${d}.`, "After that date they cannot attend in the member's place or count towards the quorum. The chair or secretariat can extend it."],
    action: "Open the delegation",
  },
  risk_review_due: {
    heading: "A risk is due for review",
    body: (s, d) => [`${s} is due for review by ${d}.`, "Record its likelihood and impact as they stand now, with a sentence on what has changed, on the risk's page."],
    action: "Review the risk",
  },
  risk_review_overdue: {
    heading: "A risk's review is overdue",
    body: (s, d) => [`${s} was due for review by ${d} and has not been reviewed.`, "Ask its owner to review it; a risk more than one cycle overdue goes to the board."],
    action: "Open the risk",
  },
  call_in_consider_due: {
    heading: "A called-in decision is to be considered",
    body: (s, d) => [`${s} was called in by scrutiny members and must be considered by the scrutiny committee by ${d}.`, "Until then it is not to be implemented. Record the committee's decision on the decision's page."],
    action: "Open the decision",
  },
  call_in_consider_overdue: {
    heading: "A called-in decision has not been considered",
    body: (s, d) => [`${s} was called in and should have been considered by the scrutiny committee by ${d}.`, "It stays suspended until the committee's decision is recorded on the decision's page."],
    action: "Open the decision",
  },
  call_in_reconsider_due: {
    heading: "A decision referred back is to be reconsidered",
    body: (s, d) => [`${s} was referred back by the scrutiny committee and must be reconsidered by the board by ${d}.`, "Until then it is not to be implemented. Record what the board decided on the decision's page."],
    action: "Open the decision",
  },
  call_in_reconsider_overdue: {
    heading: "A decision referred back has not been reconsidered",
    body: (s, d) => [`${s} was referred back by the scrutiny committee and should have been reconsidered by the board by ${d}.`, "It stays suspended until the board's reconsideration is recorded on the decision's page."],
    action: "Open the decision",
  },
  agenda_published: {
    heading: "The agenda and papers are ready",
    body: (s, d) => [`The agenda and papers for ${s} on ${d} have been published.`, "Read them on the meeting's page before the meeting."],
    action: "Open the meeting",
  },
  challenge_due: {
    heading: "Scrutiny is waiting for an answer",
    body: (s, d) => [`${s} from scrutiny is to be answered by ${d}.`, "Answer it for the partnership on its page: the question, the answer and any follow-up are kept on the record."],
    action: "Open the question",
  },
  challenge_escalated: {
    heading: "An answer to scrutiny is late",
    body: (s, d) => [`${s} from scrutiny was to be answered by ${d} and has not been.`, "It has been escalated to the partnership's lead body. Answer it on its page as soon as you can."],
    action: "Open the question",
  },
  minutes_awaiting_approval: {
    heading: "Minutes are waiting for approval",
    body: (s, d) => [`${s} were circulated on ${d} and have not been approved yet.`, "Put their approval on the agenda of the next meeting."],
    action: "Open the minutes",
  },
};

export function GovernanceReminderEmail(p: GovernanceReminderEmailProps) {
  const w = wording[p.kind];
  return (
    <EmailLayout
      preview={`${p.partnershipName}: ${w.heading}`}
      footer={`${p.reason} You can choose to get reminders like this in one daily email on your account page.`}
    >
      <Text style={captionStyle}>{p.partnershipName}</Text>
      <Heading as="h1">{w.heading}</Heading>
      <Text>Dear {p.recipientName},</Text>
      {w.body(readableDates(p.subject), formatDate(p.date)).map((sentence) => (
        <Text key={sentence}>{sentence}</Text>
      ))}
      <Button href={p.link} style={buttonStyle}>
        {w.action}
      </Button>
      <Text>Or copy this link into your browser: {p.link}</Text>
    </EmailLayout>
  );
}

GovernanceReminderEmail.PreviewProps = {
  recipientName: "Priya Raman",
  partnershipName: "North-East London Commissioning Partnership",
  kind: "board_term_ending",
  subject: "Joanna Whitfield's term as member for London Borough of Hackney",
  date: "2026-12-31",
  link: "http://localhost:3000/p/nelcp/board/example",
  reason: "You chair or run the secretariat of North-East London Commissioning Partnership.",
} satisfies GovernanceReminderEmailProps;

export default GovernanceReminderEmail;
