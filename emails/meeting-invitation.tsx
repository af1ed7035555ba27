import { Button, Heading, Link, Text } from "@react-email/components";
import { formatDate } from "../app/platform/time/dates";
import { buttonStyle, captionStyle, EmailLayout } from "./layout";

export type MeetingInvitationEmailProps = {
  recipientName: string;
  partnershipName: string;
  meetingTitle: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, London time */
  startTime: string;
  /** HH:MM, London time */
  endTime: string;
  location: string | null;
  onlineLink: string | null;
  agenda: string[];
  link: string;
  /** Why this person hears, e.g. "You received this because you sit on the board of …". */
  reason: string;
  cancelled?: boolean;
  /** The meeting was invited before and its details have changed. */
  changed?: boolean;
};

const listStyle = { paddingLeft: "24px", fontSize: "14px", lineHeight: "24px" };

export function MeetingInvitationEmail(p: MeetingInvitationEmailProps) {
  const when = `${formatDate(p.date)}, ${p.startTime} to ${p.endTime} (London time)`;
  const heading = p.cancelled ? `Cancelled: ${p.meetingTitle}` : p.changed ? `Changed: ${p.meetingTitle}` : p.meetingTitle;
  return (
    <EmailLayout preview={`${p.partnershipName}: ${heading}, ${when}`} footer={p.reason}>
      <Text style={captionStyle}>{p.partnershipName}</Text>
      <Heading as="h1">{heading}</Heading>
      <Text>Dear {p.recipientName},</Text>
      {p.cancelled ? (
        <Text>The meeting on {when} has been cancelled.</Text>
      ) : (
        <>
          {p.changed ? <Text>The details of this meeting have changed. Check the date, time and place below.</Text> : null}
          <Text>When: {when}</Text>
          {p.location ? <Text>Where: {p.location}</Text> : null}
          {p.onlineLink ? (
            <Text>
              Join online: <Link href={p.onlineLink}>{p.onlineLink}</Link>
            </Text>
          ) : null}
          {p.agenda.length ? (
            <>
              <Text>Agenda:</Text>
              <ol style={listStyle}>
                {p.agenda.map((item, i) => (
                  <li key={`${i}-${item}`}>{item}</li>
                ))}
              </ol>
            </>
          ) : null}
        </>
      )}
      <Text>
        A calendar invitation (an .ics file) is attached. Open it to {p.cancelled ? "remove the meeting from" : p.changed ? "update the meeting in" : "add the meeting to"}{" "}
        your calendar.
      </Text>
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
  location: "Committee Room 2, Newham Town Hall, East Ham",
  onlineLink: "https://meet.newham.example/nelcp-board",
  agenda: ["Minutes of the November meeting", "Bringing lot 3 forward", "Placement sufficiency report"],
  link: "http://localhost:3000/p/nelcp/meetings/example",
  reason: "You received this because you sit on the board of North-East London Commissioning Partnership, or chair or run its secretariat.",
} satisfies MeetingInvitationEmailProps;

export default MeetingInvitationEmail;
