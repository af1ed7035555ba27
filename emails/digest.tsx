import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { formatDate } from "../app/domain/dates";
import { buttonStyle, EmailLayout } from "./layout";

export type DigestEmailProps = {
  recipientName: string;
  date: string;
  items: { partnershipName: string; title: string; detail: string; link: string }[];
  link: string;
  reason: string;
};

export function DigestEmail(p: DigestEmailProps) {
  const partnerships = [...new Set(p.items.map((i) => i.partnershipName))];
  return (
    <EmailLayout preview={`${p.items.length} reminder${p.items.length === 1 ? "" : "s"} for ${formatDate(p.date)}`} footer={p.reason}>
      <Heading as="h1">Your reminders for {formatDate(p.date)}</Heading>
      <Text>Dear {p.recipientName},</Text>
      {partnerships.map((name) => (
        <Section key={name}>
          <Heading as="h2">{name}</Heading>
          {p.items
            .filter((i) => i.partnershipName === name)
            .map((i) => (
              <Text key={i.link + i.title}>
                <Link href={i.link}>{i.title}</Link>
                {i.detail ? ` – ${i.detail}` : ""}
              </Text>
            ))}
        </Section>
      ))}
      <Button href={p.link} style={buttonStyle}>
        See all your actions
      </Button>
      <Text>Or copy this link into your browser: {p.link}</Text>
    </EmailLayout>
  );
}

DigestEmail.PreviewProps = {
  recipientName: "Priya Raman",
  date: "2026-11-23",
  items: [
    { partnershipName: "North-East London Commissioning Partnership", title: "NELCP: action overdue: Agree keyworker continuity", detail: "You own this action.", link: "http://localhost:3000/p/nelcp/actions/example" },
    { partnershipName: "North-East London Commissioning Partnership", title: "NELCP: Joanna Whitfield's term as member", detail: "Ends on 31 December 2026.", link: "http://localhost:3000/p/nelcp/board/example" },
  ],
  link: "http://localhost:3000/actions",
  reason: "You chose to get non-urgent reminders once a day. You can change this on your account page.",
} satisfies DigestEmailProps;

export default DigestEmail;
