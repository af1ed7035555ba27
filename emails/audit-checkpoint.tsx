import { Heading, Link, Text } from "@react-email/components";
import { formatDate } from "../app/platform/time/dates";
import { captionStyle, EmailLayout } from "./layout";

export type AuditCheckpointEmailProps = {
  recipientName: string;
  /** Whose audit trail: a partnership's name, or "the platform". */
  chainName: string;
  /** YYYY-MM-DD, the London day the checkpoint was signed. */
  day: string;
  /** How many events the chain held when it was signed. */
  seq: number;
  /** The signed checkpoint, one line of JSON: what `npm run audit:verify -- --checkpoint` reads. */
  line: string;
  publicKey: string;
  keyId: string;
  /** Where every checkpoint of this trail can be downloaded (a partnership's; the platform's has no page). */
  link?: string;
  /** Why this person hears, e.g. "You run the secretariat of …". */
  reason: string;
};

const codeStyle = { fontFamily: "Consolas, 'Courier New', monospace", fontSize: "13px", wordBreak: "break-all" as const, backgroundColor: "#f3f2f1", padding: "8px" };

export function AuditCheckpointEmail(p: AuditCheckpointEmailProps) {
  return (
    <EmailLayout
      preview={`${p.chainName}: audit checkpoint for ${formatDate(p.day)}`}
      footer={`${p.reason} A checkpoint is sent each day the audit trail grows. Keep these emails: they are a copy of the trail's state that the platform's own database cannot change.`}
    >
      <Text style={captionStyle}>{p.chainName}</Text>
      <Heading as="h1">Audit checkpoint for {formatDate(p.day)}</Heading>
      <Text>Dear {p.recipientName},</Text>
      <Text>
        The audit trail of {p.chainName} held {p.seq.toLocaleString("en-GB")} {p.seq === 1 ? "event" : "events"} when this checkpoint was signed. The line below, also attached as a text
        file, records the last event&apos;s fingerprint with the platform&apos;s signature.
      </Text>
      <Text style={codeStyle}>{p.line}</Text>
      <Text>
        If events are later removed or rewritten, the trail will no longer reach this checkpoint. Anyone with database access can check with:
      </Text>
      <Text style={codeStyle}>npm run audit:verify -- --checkpoint saved-file.txt --public-key {p.publicKey}</Text>
      <Text>Signing key {p.keyId}.</Text>
      {p.link ? (
        <Text>
          Every checkpoint of this trail: <Link href={p.link}>{p.link}</Link>
        </Text>
      ) : null}
    </EmailLayout>
  );
}

AuditCheckpointEmail.PreviewProps = {
  recipientName: "Priya Raman",
  chainName: "North-East London Commissioning Partnership",
  day: "2026-11-23",
  seq: 412,
  line: '{"chain":"3f6c1a52-0d4e-4a8b-9c61-2b7f0e5d9a10","hash":"9b2e…","keyId":"5a1c9e0b7d3f2a64","label":"NELCP","seq":412,"signature":"…","signedAt":"2026-11-23T07:05:00.000Z","v":1}',
  publicKey: "MCowBQYDK2VwAyEAexamplepublickeyexamplepubl=",
  keyId: "5a1c9e0b7d3f2a64",
  link: "http://localhost:3000/p/nelcp/audit-checkpoints.txt",
  reason: "You run the secretariat of North-East London Commissioning Partnership.",
} satisfies AuditCheckpointEmailProps;

export default AuditCheckpointEmail;
