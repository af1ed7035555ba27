import { Button, Heading, Text } from "@react-email/components";
import { formatDate } from "../app/domain/dates";
import { buttonStyle, EmailLayout } from "./layout";

export type MeetingInvitationEmailProps = {
  recipientName: string;
  partnershipName: string;
  meetingTitle: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string | null;
  onlineLink: string | null;
  agenda: string[];
  link: string;
  reason: string;
  cancelled?: boolean;
  changed?: boolean;
};

export function MeetingInvitationEmail(p: MeetingInvitationEmailProps) {
  const when = `${formatDate(p.date)}, ${p.startTime} to ${p.endTime} (London time)`;
  const heading = p.cancelled ? `Cancelled: ${p.meetingTitle}` : p.changed ? `Changed: ${p.meetingTitle}` : p.meetingTitle;
  return (
    <EmailLayout preview={`${p.partnershipName}: ${heading}, ${when}`} footer={p.reason}>
      <Text>{p.partnershipName}</Text>
      <Heading as="h1">{heading}</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>{p.cancelled ? `The meeting on ${when} has been cancelled.` : `When: ${when}.`}</Text>
      {!p.cancelled && p.location ? <Text>Where: {p.location}</Text> : null}
      {!p.cancelled && p.onlineLink ? <Text>Online: {p.onlineLink}</Text> : null}
      {!p.cancelled && p.agenda.length ? (
        <Text>
          Agenda:{" "}
          {p.agenda.map((item, i) => (
            <span key={item}>
              {i + 1}. {item}
              {i < p.agenda.length - 1 ? "; " : ""}
            </span>
          ))}
        </Text>
      ) : null}
      <Text>A calendar invitation is attached: open it to {p.cancelled ? "remove the meeting from" : "add the meeting to"} your calendar.</Text>
      <Button href={p.link} style={buttonStyle}>
        {p.cancelled ? "Open the meeting" : "See the agenda and papers"}
      </Button>
      <Text>Or copy this link into your browser: {p.link}</Text>
    </EmailLayout>
  );
}

MeetingInvitationEmail.PreviewProps = {
  recipientName: "Daniel Osei",
  partnershipName: "North-East London Commissioning Partnership",
  meetingTitle: "NELCP board",
  date: "2027-01-14",
  startTime: "10:00",
  endTime: "12:00",
  location: "Havering Town Hall, Main Road, Romford",
  onlineLink: "https://meet.havering.example/nelcp-board",
  agenda: ["Minutes of the November meeting", "Bringing lot 3 forward", "Placement sufficiency report"],
  link: "http://localhost:3000/p/nelcp/meetings/example",
  reason: "You received this because you sit on the board of North-East London Commissioning Partnership.",
} satisfies MeetingInvitationEmailProps;

export default MeetingInvitationEmail;
