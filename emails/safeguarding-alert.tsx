import { Button, Heading, Text } from "@react-email/components";
import { buttonStyle, captionStyle, EmailLayout } from "./layout";

// Never the message itself, nor anything about the young person: only that
// one is waiting, and where the designated safeguarding lead reads it.
export type SafeguardingAlertEmailProps = { recipientName: string; partnershipName: string; link: string; reason: string };

export function SafeguardingAlertEmail(p: SafeguardingAlertEmailProps) {
  return (
    <EmailLayout preview={`${p.partnershipName}: a young person has sent you a message`} footer={p.reason}>
      <Text style={captionStyle}>{p.partnershipName}</Text>
      <Heading as="h1">A young person has sent you a message</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>A young person used “Worried about something?” in the participation portal. Please read it today and follow your safeguarding procedures.</Text>
      <Text>The message is not in this email. Sign in to read it.</Text>
      <Button href={p.link} style={buttonStyle}>
        Read the message
      </Button>
      <Text>Or copy this link into your browser: {p.link}</Text>
    </EmailLayout>
  );
}

SafeguardingAlertEmail.PreviewProps = {
  recipientName: "Amira Shah",
  partnershipName: "North-East London Commissioning Partnership",
  link: "http://localhost:3000/p/nelcp/participation/safeguarding",
  reason: "You received this because you are the designated safeguarding lead for young people's participation in North-East London Commissioning Partnership.",
} satisfies SafeguardingAlertEmailProps;

export default SafeguardingAlertEmail;
