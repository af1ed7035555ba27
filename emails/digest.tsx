import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { formatDate } from "../app/platform/time/dates";
import { buttonStyle, EmailLayout } from "./layout";
import { plural } from "./text";

export type DigestEmailProps = {
  recipientName: string;
  /** YYYY-MM-DD: the day the digest is for. */
  date: string;
  items: { partnershipName: string; title: string; detail: string; link: string }[];
  /** The recipient's actions page. */
  link: string;
  reason: string;
};

const detailStyle = { marginTop: "0", color: "#505a5f" };

export function DigestEmail(p: DigestEmailProps) {
  const partnerships = [...new Set(p.items.map((i) => i.partnershipName))];
  const day = formatDate(p.date);
  return (
    <EmailLayout preview={`${plural(p.items.length, "reminder")} for ${day}`} footer={p.reason}>
      <Heading as="h1">Your reminders for {day}</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>
        You have {plural(p.items.length, "reminder")} from {plural(partnerships.length, "partnership")}. We have gathered them into one email, as
        you asked.
      </Text>
      {partnerships.map((name) => (
        <Section key={name}>
          <Heading as="h2">{name}</Heading>
          {p.items
            .filter((i) => i.partnershipName === name)
            .map((i) => (
              <Section key={i.link + i.title}>
                <Text style={{ marginBottom: "0" }}>
                  <Link href={i.link}>{i.title}</Link>
                </Text>
                {i.detail ? <Text style={detailStyle}>{i.detail}</Text> : null}
              </Section>
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
    {
      partnershipName: "North-East London Commissioning Partnership",
      title: "NELCP: action overdue: Agree keyworker continuity with the lot 2 consortium",
      detail: "You own this action.",
      link: "http://localhost:3000/p/nelcp/actions/example",
    },
    {
      partnershipName: "North-East London Commissioning Partnership",
      title: "NELCP: Joanna Whitfield's term as member for London Borough of Hackney",
      detail: "You chair or run the secretariat of North-East London Commissioning Partnership.",
      link: "http://localhost:3000/p/nelcp/board/example",
    },
    {
      partnershipName: "East London Youth Justice Partnership",
      title: "ELYJP: Version 2 of the terms of reference",
      detail: "You chair or run the secretariat of East London Youth Justice Partnership.",
      link: "http://localhost:3000/p/elyjp/terms",
    },
  ],
  link: "http://localhost:3000/actions",
  reason: "You received this because you chose to get non-urgent reminders once a day. You can change this on your account page.",
} satisfies DigestEmailProps;

export default DigestEmail;
