import { Button, Heading, Text } from "@react-email/components";
import { formatDate } from "../app/platform/time/dates";
import { possessive } from "../app/platform/text/english";
import { buttonStyle, captionStyle, EmailLayout } from "./layout";
import { inSentence, plural } from "./text";

export type EscalationEmailProps = {
  recipientName: string;
  partnershipName: string;
  organisationName: string;
  obligationTitle: string;
  periodLabel: string;
  /** YYYY-MM-DD */
  dueDate: string;
  workingDaysLate: number;
  /** The people who were reminded. */
  responsibleNames: string[];
  remindersSent: number;
  link: string;
  /** Why this person hears, e.g. "You chair North-East London Commissioning Partnership." */
  reason: string;
};

export function EscalationEmail(p: EscalationEmailProps) {
  const title = inSentence(p.obligationTitle);
  const late = `${plural(p.workingDaysLate, "working day")} late`;
  return (
    <EmailLayout
      preview={`${p.partnershipName}: ${p.organisationName} is ${late} with a return`}
      footer={`${p.reason} Late returns are escalated to the chair and to the partner's most senior board member under ${possessive(p.partnershipName)} reporting arrangements.`}
    >
      <Text style={captionStyle}>{p.partnershipName}</Text>
      <Heading as="h1">
        {possessive(p.organisationName)} {title} is late
      </Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>
        {possessive(p.organisationName)} {title} for {p.periodLabel} was due on {formatDate(p.dueDate)}. It is now {late}
        {p.remindersSent > 0 ? `, after ${plural(p.remindersSent, "reminder")}` : ""}.
      </Text>
      {p.responsibleNames.length ? (
        <Text>Reminders went to {p.responsibleNames.join(", ")}.</Text>
      ) : (
        <Text>Nobody could be reminded: no one at {p.organisationName} is named as responsible for this return or represents it on the platform.</Text>
      )}
      <Text>You may want to contact {p.organisationName} to find out when the return will arrive.</Text>
      <Button href={p.link} style={buttonStyle}>
        See who has submitted
      </Button>
      <Text>Or copy this link into your browser: {p.link}</Text>
    </EmailLayout>
  );
}

EscalationEmail.PreviewProps = {
  recipientName: "Graham Featherstone",
  partnershipName: "North-East London Commissioning Partnership",
  organisationName: "London Borough of Tower Hamlets",
  obligationTitle: "Quarterly performance return",
  periodLabel: "July to September 2026",
  dueDate: "2026-10-28",
  workingDaysLate: 3,
  responsibleNames: ["Rahima Chowdhury", "Tom Ellery"],
  remindersSent: 3,
  link: "http://localhost:3000/p/nelcp/obligations/example",
  reason: "You chair North-East London Commissioning Partnership.",
} satisfies EscalationEmailProps;

export default EscalationEmail;
