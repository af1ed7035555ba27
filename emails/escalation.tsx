import { Button, Heading, Text } from "@react-email/components";
import { formatDate } from "../app/domain/dates";
import { possessive } from "../app/domain/text";
import { buttonStyle, EmailLayout } from "./layout";

export type EscalationEmailProps = {
  recipientName: string;
  partnershipName: string;
  organisationName: string;
  obligationTitle: string;
  periodLabel: string;
  dueDate: string;
  workingDaysLate: number;
  responsibleNames: string[];
  remindersSent: number;
  link: string;
  reason: string;
};

export function EscalationEmail(p: EscalationEmailProps) {
  return (
    <EmailLayout
      preview={`${p.organisationName} is ${p.workingDaysLate} working days late with a return`}
      footer={`${p.reason} Late returns are escalated to the chair and to the partner's most senior board member under ${p.partnershipName}'s reporting arrangements.`}
    >
      <Text>{p.partnershipName}</Text>
      <Heading as="h1">
        {possessive(p.organisationName)} {p.obligationTitle.toLowerCase()} is late
      </Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>
        The {p.obligationTitle.toLowerCase()} for {p.periodLabel} was due on {formatDate(p.dueDate)}. It is now {p.workingDaysLate} working days late, after{" "}
        {p.remindersSent} reminder{p.remindersSent === 1 ? "" : "s"}.
      </Text>
      {p.responsibleNames.length ? <Text>Reminders went to: {p.responsibleNames.join(", ")}.</Text> : null}
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
  responsibleNames: ["Rahima Chowdhury"],
  remindersSent: 3,
  link: "http://localhost:3000/p/nelcp/obligations/example",
  reason: "You chair North-East London Commissioning Partnership.",
} satisfies EscalationEmailProps;

export default EscalationEmail;
