import { Button, Heading, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

export type PasswordResetEmailProps = { recipientName: string; link: string; expiresInMinutes: number };

export function PasswordResetEmail(p: PasswordResetEmailProps) {
  return (
    <EmailLayout
      preview="Reset your password"
      footer="You received this because someone asked to reset the password for this email address on the partnership governance platform. If it was not you, ignore this email: your password has not changed."
    >
      <Heading as="h1">Reset your password</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>Use the button below to choose a new password. Signing in with the new password will sign you out everywhere else.</Text>
      <Button href={p.link} style={buttonStyle}>
        Choose a new password
      </Button>
      <Text>Or copy this link into your browser: {p.link}</Text>
      <Text>The link works once and expires in {p.expiresInMinutes} minutes.</Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  recipientName: "Amira Shah",
  link: "http://localhost:3000/reset-password/example-token",
  expiresInMinutes: 60,
} satisfies PasswordResetEmailProps;

export default PasswordResetEmail;
