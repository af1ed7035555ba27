import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { render } from "@react-email/render";
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import type { ReactElement } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../app/platform/env.server";
import { sendEmail, type OutgoingEmail } from "../../../app/platform/mail/mailer.server";
import { ActionReminderEmail } from "../../../emails/action-reminder";
import { AuditCheckpointEmail } from "../../../emails/audit-checkpoint";
import { DigestEmail } from "../../../emails/digest";
import { EscalationEmail } from "../../../emails/escalation";
import { GovernanceReminderEmail, type GovernanceReminderEmailProps } from "../../../emails/governance-reminder";
import { InvitationEmail } from "../../../emails/invitation";
import { MeetingInvitationEmail } from "../../../emails/meeting-invitation";
import { MinutesCirculatedEmail } from "../../../emails/minutes-circulated";
import { ObligationReminderEmail } from "../../../emails/obligation-reminder";
import { PasswordResetEmail } from "../../../emails/password-reset";
import { SafeguardingAlertEmail } from "../../../emails/safeguarding-alert";
import { previewTemplates, renderPreviews } from "../../../emails/preview";
import { inSentence } from "../../../emails/text";
import { startSmtpServer } from "../../helpers/smtp";

/** Builds the message as the mailer does (HTML and text parts, attachments), then reads it back with a real parser. */
async function roundTrip(body: ReactElement, attachments: OutgoingEmail["attachments"] = []) {
  const html = await render(body);
  const text = await render(body, { plainText: true });
  const raw = await nodemailer
    .createTransport({ streamTransport: true, buffer: true, newline: "unix" })
    .sendMail({ from: "Partnership governance <no-reply@governance.example>", to: "someone@newham.example", subject: "Test", html, text, attachments });
  return simpleParser(raw.message as Buffer);
}

/** The text part with line breaks and runs of spaces folded, so a sentence can be found wherever it wraps. */
const flat = (mail: ParsedMail) => (mail.text ?? "").replace(/\s+/g, " ");
const hrefs = (mail: ParsedMail) => [...String(mail.html).matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));

const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partnership governance//EN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n";
const calendarFile = { filename: "nelcp-board-2027-01-14.ics", content: ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" };

type Example = { name: string; element: ReactElement; partnerships: string[]; facts: string[]; link: string; reason: string };

const obligation = ObligationReminderEmail.PreviewProps;
const escalation = EscalationEmail.PreviewProps;
const action = ActionReminderEmail.PreviewProps;
const governance = GovernanceReminderEmail.PreviewProps;
const meeting = MeetingInvitationEmail.PreviewProps;
const minutes = MinutesCirculatedEmail.PreviewProps;
const digest = DigestEmail.PreviewProps;
const invitation = InvitationEmail.PreviewProps;
const reset = PasswordResetEmail.PreviewProps;
const checkpoint = AuditCheckpointEmail.PreviewProps;

const examples: Example[] = [
  {
    name: "obligation reminder",
    element: ObligationReminderEmail(obligation),
    partnerships: [obligation.partnershipName],
    facts: ["London Borough of Newham's quarterly performance return for October to December 2026 is due on 29 January 2027.", `What to send: ${obligation.instructions}`],
    link: obligation.link,
    reason: obligation.reason,
  },
  {
    name: "escalation",
    element: EscalationEmail(escalation),
    partnerships: [escalation.partnershipName],
    facts: [
      "London Borough of Tower Hamlets' quarterly performance return for July to September 2026 was due on 28 October 2026.",
      "It is now 3 working days late, after 3 reminders.",
      "Reminders went to Rahima Chowdhury, Tom Ellery.",
    ],
    link: escalation.link,
    reason: escalation.reason,
  },
  {
    name: "action reminder",
    element: ActionReminderEmail(action),
    partnerships: [action.partnershipName],
    facts: ["“Agree keyworker continuity with the lot 2 consortium” was due on 31 October 2026.", "It was agreed at NELCP board, 10 September 2026."],
    link: action.link,
    reason: action.reason,
  },
  {
    name: "governance reminder",
    element: GovernanceReminderEmail(governance),
    partnerships: [governance.partnershipName],
    facts: ["Joanna Whitfield's term as member for London Borough of Hackney ends on 31 December 2026."],
    link: governance.link,
    reason: governance.reason,
  },
  {
    name: "meeting invitation",
    element: MeetingInvitationEmail(meeting),
    partnerships: [meeting.partnershipName],
    facts: [
      "When: 14 January 2027, 10:00 to 12:00 (London time)",
      "Where: Committee Room 2, Newham Town Hall, East Ham",
      "https://meet.newham.example/nelcp-board",
      "1. Minutes of the November meeting 2. Bringing lot 3 forward 3. Placement sufficiency report",
      "A calendar invitation (an .ics file) is attached.",
    ],
    link: meeting.link,
    reason: meeting.reason,
  },
  {
    name: "minutes circulated",
    element: MinutesCirculatedEmail(minutes),
    partnerships: [minutes.partnershipName],
    facts: ["The draft minutes of NELCP board on 12 November 2026 have been circulated.", "Please read them before the next meeting, which will be asked to approve them."],
    link: minutes.link,
    reason: minutes.reason,
  },
  {
    name: "digest",
    element: DigestEmail(digest),
    partnerships: [...new Set(digest.items.map((i) => i.partnershipName))],
    facts: ["YOUR REMINDERS FOR 23 NOVEMBER 2026", "You have 3 reminders from 2 partnerships.", ...digest.items.flatMap((i) => [i.title, i.link, i.detail])],
    link: digest.link,
    reason: digest.reason,
  },
  {
    name: "invitation",
    element: InvitationEmail(invitation),
    partnerships: [invitation.partnershipName],
    facts: ["Helen Carter has invited you to join North-East London Commissioning Partnership as Board member.", "expires in 7 days"],
    link: invitation.link,
    reason: `You received this because ${invitation.inviterName} invited you to ${invitation.partnershipName}`,
  },
  {
    name: "password reset",
    element: PasswordResetEmail(reset),
    partnerships: [],
    facts: ["expires in 60 minutes"],
    link: reset.link,
    reason: "You received this because someone asked to reset the password for this email address",
  },
  {
    name: "safeguarding alert",
    element: SafeguardingAlertEmail(SafeguardingAlertEmail.PreviewProps),
    partnerships: [SafeguardingAlertEmail.PreviewProps.partnershipName],
    facts: ["A young person used “Worried about something?”", "The message is not in this email. Sign in to read it."],
    link: SafeguardingAlertEmail.PreviewProps.link,
    reason: SafeguardingAlertEmail.PreviewProps.reason,
  },
  {
    name: "audit checkpoint",
    element: AuditCheckpointEmail(checkpoint),
    partnerships: [checkpoint.chainName],
    facts: [
      "AUDIT CHECKPOINT FOR 23 NOVEMBER 2026",
      "held 412 events when this checkpoint was signed",
      checkpoint.line,
      `npm run audit:verify -- --checkpoint saved-file.txt --public-key ${checkpoint.publicKey}`,
      `Signing key ${checkpoint.keyId}.`,
    ],
    link: checkpoint.link,
    reason: checkpoint.reason,
  },
];

describe("email templates", () => {
  for (const example of examples) {
    it(`${example.name}: HTML and text parts, the partnership, the key facts, absolute links and why it was sent`, async () => {
      const mail = await roundTrip(example.element);
      expect(mail.html).toBeTruthy();
      expect(mail.text).toBeTruthy();
      const text = flat(mail);
      // Headings come out in capitals in the text part, so the partnership's name is matched regardless of case.
      for (const name of example.partnerships) expect(text.toLowerCase()).toContain(name.toLowerCase());
      for (const fact of example.facts) expect(text).toContain(fact);
      expect(text).toContain(example.link);
      expect(text).toContain(example.reason);
      const links = hrefs(mail);
      expect(links).toContain(example.link);
      for (const href of links) expect(["http:", "https:"]).toContain(new URL(href).protocol);
      // No ISO dates leak into what people read (links and the machine-read checkpoint line aside).
      expect(text.replace(/https?:\/\/\S+/g, "").replace(/\{"[^}]*\}/g, "")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    });
  }

  it("covers every template in emails/ in the tests above and in the previews", async () => {
    const files = (await fs.readdir(path.resolve("emails"))).filter((f) => f.endsWith(".tsx") && f !== "layout.tsx").map((f) => f.replace(/\.tsx$/, ""));
    expect(files).toHaveLength(examples.length);
    for (const file of files) expect(Object.keys(previewTemplates)).toContain(file);
  });

  it("changes the heading and wording of an obligation reminder with its stage", async () => {
    const soon = await roundTrip(ObligationReminderEmail(obligation));
    const today = await roundTrip(ObligationReminderEmail({ ...obligation, stage: "due_today" }));
    const late = await roundTrip(ObligationReminderEmail({ ...obligation, stage: "overdue", daysLate: 3 }));
    const oneDay = await roundTrip(ObligationReminderEmail({ ...obligation, stage: "overdue", daysLate: 1 }));

    expect(soon.html).toMatch(/<h1[^>]*>Quarterly performance return is due on 29 January 2027<\/h1>/);
    expect(today.html).toMatch(/<h1[^>]*>Quarterly performance return is due today<\/h1>/);
    expect(late.html).toMatch(/<h1[^>]*>Quarterly performance return is overdue<\/h1>/);

    expect(flat(soon)).toContain("for October to December 2026 is due on 29 January 2027.");
    expect(flat(today)).toContain("for October to December 2026 is due today, 29 January 2027.");
    expect(flat(late)).toContain("for October to December 2026 was due on 29 January 2027 and is now 3 working days late.");
    expect(flat(oneDay)).toContain("and is now 1 working day late.");
    expect(flat(late)).toContain("Please submit it as soon as you can.");
    expect(flat(soon)).not.toContain("as soon as you can");
    for (const mail of [soon, today, late]) expect(flat(mail)).toContain("cannot be turned off");

    const noInstructions = await roundTrip(ObligationReminderEmail({ ...obligation, instructions: null }));
    expect(flat(noInstructions)).not.toContain("What to send");
  });

  it("gives each kind of governance reminder its own heading and shows dates as people read them", async () => {
    const kinds: GovernanceReminderEmailProps["kind"][] = ["terms_review", "board_term_ending", "deputy_lapsing", "minutes_awaiting_approval"];
    const headings = new Set<string>();
    for (const kind of kinds) {
      const mail = await roundTrip(GovernanceReminderEmail({ ...governance, kind }));
      headings.add(String(mail.html).match(/<h1[^>]*>([^<]+)<\/h1>/)![1]);
      expect(flat(mail)).toContain("31 December 2026");
    }
    expect(headings.size).toBe(kinds.length);
    const minutesMail = await roundTrip(
      GovernanceReminderEmail({ ...governance, kind: "minutes_awaiting_approval", subject: "The minutes of NELCP board, 2026-11-12", date: "2026-11-19" }),
    );
    expect(flat(minutesMail)).toContain("The minutes of NELCP board, 12 November 2026 were circulated on 19 November 2026 and have not been approved yet.");
    const fromMeeting = await roundTrip(ActionReminderEmail({ ...action, overdue: false, origin: "NELCP board, 2026-11-12" }));
    expect(flat(fromMeeting)).toContain("is due on 31 October 2026. It was agreed at NELCP board, 12 November 2026.");
  });

  it("says plainly when an escalated return had nobody to remind", async () => {
    const mail = await roundTrip(EscalationEmail({ ...escalation, responsibleNames: [], remindersSent: 0, workingDaysLate: 1 }));
    expect(flat(mail)).toContain("It is now 1 working day late.");
    expect(flat(mail)).toContain("Nobody could be reminded: no one at London Borough of Tower Hamlets is named as responsible");
  });

  it("keeps titles' acronyms when a title is used inside a sentence", () => {
    expect(inSentence("Quarterly performance return")).toBe("quarterly performance return");
    expect(inSentence("SEND sufficiency return")).toBe("SEND sufficiency return");
    expect(inSentence("NELCP board")).toBe("NELCP board");
  });

  it("keeps a meeting invitation's calendar file as a text/calendar attachment", async () => {
    const mail = await roundTrip(MeetingInvitationEmail(meeting), [calendarFile]);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe("text/calendar");
    expect(mail.attachments[0].filename).toBe("nelcp-board-2027-01-14.ics");
    expect(mail.attachments[0].content.toString("utf8")).toBe(ics);
    expect(mail.html).toBeTruthy();
    expect(flat(mail)).toContain("add the meeting to your calendar");
  });

  it("words a changed or cancelled meeting differently", async () => {
    const changed = await roundTrip(MeetingInvitationEmail({ ...meeting, changed: true }));
    expect(changed.html).toMatch(/<h1[^>]*>Changed: NELCP board<\/h1>/);
    expect(flat(changed)).toContain("update the meeting in your calendar");
    const cancelled = await roundTrip(MeetingInvitationEmail({ ...meeting, cancelled: true }));
    expect(cancelled.html).toMatch(/<h1[^>]*>Cancelled: NELCP board<\/h1>/);
    expect(flat(cancelled)).toContain("The meeting on 14 January 2027, 10:00 to 12:00 (London time) has been cancelled.");
    expect(flat(cancelled)).toContain("remove the meeting from your calendar");
    expect(flat(cancelled)).not.toContain("Where:");
    expect(flat(cancelled)).not.toContain("Agenda");
  });
});

describe("sendEmail", () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, SMTP_URL: process.env.SMTP_URL };
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "emails-test-"));
    process.env.DATA_DIR = dir;
    delete process.env.SMTP_URL;
    resetEnvCache();
  });
  afterEach(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvCache();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const invite: OutgoingEmail = {
    to: "daniel.osei@newham.example",
    subject: "NELCP: NELCP board, 14 January 2027",
    body: MeetingInvitationEmail(meeting),
    attachments: [calendarFile],
    messageId: "<3f2a9c0d41b7e865@partnership-governance>",
    headers: { "Auto-Submitted": "auto-generated" },
  };

  function expectInvite(mail: ParsedMail) {
    expect(mail.messageId).toBe("<3f2a9c0d41b7e865@partnership-governance>");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.subject).toBe("NELCP: NELCP board, 14 January 2027");
    expect(mail.html).toContain("See the agenda and papers");
    expect(flat(mail)).toContain(meeting.link);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe("text/calendar");
    expect(mail.attachments[0].filename).toBe("nelcp-board-2027-01-14.ics");
    expect(mail.attachments[0].content.toString("utf8")).toBe(ics);
  }

  it("without SMTP_URL writes an .eml to DATA_DIR/outbox with the attachment, Message-ID and headers", async () => {
    await sendEmail(invite);
    await sendEmail(invite);
    const files = (await fs.readdir(path.join(dir, "outbox"))).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(2);
    const [first, second] = await Promise.all(files.map(async (f) => simpleParser(await fs.readFile(path.join(dir, "outbox", f)))));
    expectInvite(first);
    // Sent again, the same message carries the same Message-ID.
    expect(second.messageId).toBe(first.messageId);
    expect(first.to && !Array.isArray(first.to) ? first.to.text : "").toBe("daniel.osei@newham.example");
  });

  it("through SMTP passes the attachment, Message-ID and headers on", async () => {
    const smtp = await startSmtpServer();
    try {
      process.env.SMTP_URL = smtp.url;
      resetEnvCache();
      await sendEmail(invite);
      const [mail] = await smtp.to("daniel.osei@newham.example");
      expectInvite(mail);
      await expect(fs.readdir(path.join(dir, "outbox"))).rejects.toThrow();
    } finally {
      await smtp.close();
    }
  });

  it("without a Message-ID or headers still sends, as existing callers expect", async () => {
    await sendEmail({ to: "amira.shah@newham.example", subject: "Reset your password", body: PasswordResetEmail(reset) });
    const [file] = await fs.readdir(path.join(dir, "outbox"));
    const mail = await simpleParser(await fs.readFile(path.join(dir, "outbox", file)));
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
    expect(mail.attachments).toHaveLength(0);
    expect(flat(mail)).toContain(reset.link);
  });
});

describe("email previews", () => {
  it("renders every template to HTML and plain text with an index linking to them", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "email-preview-"));
    try {
      await renderPreviews(dir);
      const index = await fs.readFile(path.join(dir, "index.html"), "utf8");
      for (const name of Object.keys(previewTemplates)) {
        expect(index).toContain(`href="${name}.html"`);
        expect(index).toContain(`href="${name}.txt"`);
        expect(await fs.readFile(path.join(dir, `${name}.html`), "utf8")).toMatch(/^<!DOCTYPE html/i);
        expect((await fs.readFile(path.join(dir, `${name}.txt`), "utf8")).length).toBeGreaterThan(100);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
