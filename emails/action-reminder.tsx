import { Button, Heading, Text } from "@react-email/components";
import { formatDate } from "../app/platform/time/dates";
import { buttonStyle, captionStyle, EmailLayout } from "./layout";
import { readableDates } from "./text";

export type ActionReminderEmailProps = {
  recipientName: string;
  partnershipName: string;
  actionTitle: string;
  /** YYYY-MM-DD */
  dueDate: string;
  overdue: boolean;
  /** Where the action was agreed, e.g. "NELCP board, 12 November 2026". */
  origin: string | null;
  link: string;
  /** Why this person hears, e.g. "You own this action." */
  reason: string;
};

export function ActionReminderEmail(p: ActionReminderEmailProps) {
  const due = formatDate(p.dueDate);
  return (
    <EmailLayout
      preview={`${p.partnershipName}: ${p.overdue ? "overdue" : "due soon"}: ${p.actionTitle}`}
      footer={`${p.reason} You can choose to get reminders like this in one daily email on your account page.`}
    >
      <Text style={captionStyle}>{p.partnershipName}</Text>
      <Heading as="h1">{p.overdue ? "An action is overdue" : "An action is due soon"}</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>
        “{p.actionTitle}” {p.overdue ? "was" : "is"} due on {due}.{p.origin ? ` It was agreed at ${readableDates(p.origin)}.` : ""}
      </Text>
      <Text>
        {p.overdue
          ? "Please say what has happened: mark it done, or give an update and a new date."
          : "If it is done, mark it done. If it will be late, give an update and a new date."}
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
