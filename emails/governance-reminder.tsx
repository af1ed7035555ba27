import { Button, Heading, Text } from "@react-email/components";
import { formatDate } from "../app/domain/dates";
import { buttonStyle, EmailLayout } from "./layout";

export type GovernanceReminderEmailProps = {
  recipientName: string;
  partnershipName: string;
  kind: "terms_review" | "board_term_ending" | "deputy_lapsing" | "minutes_awaiting_approval";
  subject: string;
  date: string;
  link: string;
  reason: string;
};

const wording: Record<GovernanceReminderEmailProps["kind"], { heading: string; body: (subject: string, date: string) => string; action: string }> = {
  terms_review: {
    heading: "The terms of reference are due for review",
    body: (s, d) => `${s} should be reviewed by ${d}. Put the review on the board's agenda, or draft a new version.`,
    action: "Open the terms of reference",
  },
  board_term_ending: {
    heading: "A board member's term is ending",
    body: (s, d) => `${s} ends on ${d}. Renew it, or hand the seat to a successor, so the partner stays represented.`,
    action: "Open the seat",
  },
  deputy_lapsing: {
    heading: "A deputy's delegation is lapsing",
    body: (s, d) => `${s} lapses on ${d}. After that they cannot stand in or count towards the quorum.`,
    action: "Open the delegation",
  },
  minutes_awaiting_approval: {
    heading: "Minutes are waiting for approval",
    body: (s, d) => `${s} were circulated on ${d} and have not been approved. Put their approval on the next meeting's agenda.`,
    action: "Open the minutes",
  },
};

export function GovernanceReminderEmail(p: GovernanceReminderEmailProps) {
  const w = wording[p.kind];
  return (
    <EmailLayout preview={`${p.partnershipName}: ${w.heading}`} footer={`${p.reason} You can choose to get reminders like this in one daily email on your account page.`}>
      <Text>{p.partnershipName}</Text>
      <Heading as="h1">{w.heading}</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>{w.body(p.subject, formatDate(p.date))}</Text>
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
