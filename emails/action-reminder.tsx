import { Button, Heading, Text } from "@react-email/components";
import { formatDate } from "../app/domain/dates";
import { buttonStyle, EmailLayout } from "./layout";

export type ActionReminderEmailProps = {
  recipientName: string;
  partnershipName: string;
  actionTitle: string;
  dueDate: string;
  overdue: boolean;
  origin: string | null;
  link: string;
  reason: string;
};

export function ActionReminderEmail(p: ActionReminderEmailProps) {
  return (
    <EmailLayout preview={`${p.overdue ? "Overdue" : "Due soon"}: ${p.actionTitle}`} footer={`${p.reason} You can choose to get reminders like this in one daily email on your account page.`}>
      <Text>{p.partnershipName}</Text>
      <Heading as="h1">{p.overdue ? "An action is overdue" : "An action is due soon"}</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>
        “{p.actionTitle}” {p.overdue ? "was" : "is"} due on {formatDate(p.dueDate)}.{p.origin ? ` It was agreed at ${p.origin}.` : ""}
      </Text>
      <Button href={p.link} style={buttonStyle}>
        Give an update
      </Button>
      <Text>Or copy this link into your browser: {p.link}</Text>
    </EmailLayout>
  );
}

ActionReminderEmail.PreviewProps = {
  recipientName: "Priya Raman",
  partnershipName: "North-East London Commissioning Partnership",
  actionTitle: "Agree keyworker continuity with the lot 2 consortium",
  dueDate: "2026-10-31",
  overdue: true,
  origin: "NELCP board, 10 September 2026",
  link: "http://localhost:3000/p/nelcp/actions/example",
  reason: "You own this action.",
} satisfies ActionReminderEmailProps;

export default ActionReminderEmail;
