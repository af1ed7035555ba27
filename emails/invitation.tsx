import { Button, Heading, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

export type InvitationEmailProps = {
  recipientName: string;
  inviterName: string;
  partnershipName: string;
  roleLabel: string;
  link: string;
  expiresInDays: number;
};

export function InvitationEmail(p: InvitationEmailProps) {
  return (
    <EmailLayout
      preview={`You have been invited to ${p.partnershipName}`}
      footer={`You received this because ${p.inviterName} invited you to ${p.partnershipName} on the partnership governance platform. If you were not expecting it, you can ignore this email.`}
    >
      <Heading as="h1">Join {p.partnershipName}</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>
        {p.inviterName} has invited you to join {p.partnershipName} as {p.roleLabel}. Choose a password to
        set up your account.
      </Text>
      <Button href={p.link} style={buttonStyle}>
        Set your password
      </Button>
      <Text>Or copy this link into your browser: {p.link}</Text>
      <Text>The link works once and expires in {p.expiresInDays} days.</Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  recipientName: "Amira Shah",
  inviterName: "Helen Carter",
  partnershipName: "North-East London Commissioning Partnership",
  roleLabel: "Board member",
  link: "http://localhost:3000/invitation/example-token",
  expiresInDays: 7,
} satisfies InvitationEmailProps;

export default InvitationEmail;
