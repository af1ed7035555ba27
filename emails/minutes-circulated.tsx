import { Button, Heading, Text } from "@react-email/components";
import { formatDate } from "../app/platform/time/dates";
import { buttonStyle, captionStyle, EmailLayout } from "./layout";

export type MinutesCirculatedEmailProps = {
  recipientName: string;
  partnershipName: string;
  meetingTitle: string;
  meetingDate: string;
  link: string;
  reason: string;
};

export function MinutesCirculatedEmail(p: MinutesCirculatedEmailProps) {
  return (
    <EmailLayout preview={`${p.partnershipName}: draft minutes of ${p.meetingTitle}, ${formatDate(p.meetingDate)}`} footer={p.reason}>
      <Text style={captionStyle}>{p.partnershipName}</Text>
      <Heading as="h1">Draft minutes for you to read</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>
        The draft minutes of {p.meetingTitle} on {formatDate(p.meetingDate)} have been circulated. Please read them before the next meeting, which will be
        asked to approve them.
      </Text>
      <Text>If anything is wrong or missing, tell the secretariat before that meeting.</Text>
      <Button href={p.link} style={buttonStyle}>
        Read the draft minutes
      </Button>
      <Text>Or copy this link into your browser: {p.link}</Text>
    </EmailLayout>
  );
}

MinutesCirculatedEmail.PreviewProps = {
  recipientName: "Marcus Bellamy",
  partnershipName: "North-East London Commissioning Partnership",
  meetingTitle: "NELCP board",
  meetingDate: "2026-11-12",
  link: "http://localhost:3000/p/nelcp/meetings/example/minutes",
  reason: "You received this because you sit on the board of North-East London Commissioning Partnership, or chair or run its secretariat.",
} satisfies MinutesCirculatedEmailProps;

export default MinutesCirculatedEmail;
