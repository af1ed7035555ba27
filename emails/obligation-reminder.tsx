import { Button, Heading, Text } from "@react-email/components";
import { formatDate } from "../app/platform/time/dates";
import { possessive } from "../app/platform/text/english";
import { buttonStyle, captionStyle, EmailLayout } from "./layout";
import { inSentence, plural } from "./text";

export type ObligationReminderEmailProps = {
  recipientName: string;
  partnershipName: string;
  organisationName: string;
  obligationTitle: string;
  periodLabel: string;
  /** YYYY-MM-DD */
  dueDate: string;
  stage: "due_soon" | "due_today" | "overdue";
  /** Working days late, for an overdue return. */
  daysLate?: number;
  instructions?: string | null;
  link: string;
  /** Why this person is chased, e.g. "You are named as responsible for this return for London Borough of Newham." */
  reason: string;
};

export function ObligationReminderEmail(p: ObligationReminderEmailProps) {
  const due = formatDate(p.dueDate);
  const whose = `${possessive(p.organisationName)} ${inSentence(p.obligationTitle)} for ${p.periodLabel}`;
  const heading =
    p.stage === "overdue"
      ? `${p.obligationTitle} is overdue`
      : p.stage === "due_today"
        ? `${p.obligationTitle} is due today`
        : `${p.obligationTitle} is due on ${due}`;
  const summary =
    p.stage === "overdue"
      ? `${whose} was due on ${due}${p.daysLate ? ` and is now ${plural(p.daysLate, "working day")} late` : ""}.`
      : p.stage === "due_today"
        ? `${whose} is due today, ${due}.`
        : `${whose} is due on ${due}.`;
  return (
    <EmailLayout
      preview={`${p.partnershipName}: ${heading}`}
      footer={`${p.reason} These reminders are part of ${possessive(p.partnershipName)} reporting arrangements and cannot be turned off.`}
    >
      <Text style={captionStyle}>{p.partnershipName}</Text>
      <Heading as="h1">{heading}</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>{summary}</Text>
      {p.stage === "overdue" ? <Text>Please submit it as soon as you can. If you cannot, tell the partnership secretariat why.</Text> : null}
      {p.instructions ? <Text>What to send: {p.instructions}</Text> : null}
      <Button href={p.link} style={buttonStyle}>
        Submit the return
      </Button>
      <Text>Or copy this link into your browser: {p.link}</Text>
    </EmailLayout>
  );
}

ObligationReminderEmail.PreviewProps = {
  recipientName: "Daniel Osei",
  partnershipName: "North-East London Commissioning Partnership",
  organisationName: "London Borough of Newham",
  obligationTitle: "Quarterly performance return",
  periodLabel: "October to December 2026",
  dueDate: "2027-01-29",
  stage: "due_soon",
  instructions: "Placements made, children placed more than 20 miles from home, and spend against the block contract.",
  link: "http://localhost:3000/p/nelcp/obligations/example",
  reason: "You are named as responsible for this return for London Borough of Newham.",
} satisfies ObligationReminderEmailProps;

export default ObligationReminderEmail;
