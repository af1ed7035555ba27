import { render } from "@react-email/render";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { ActionReminderEmail } from "../../emails/action-reminder";
import { DigestEmail } from "../../emails/digest";
import { EscalationEmail } from "../../emails/escalation";
import { GovernanceReminderEmail } from "../../emails/governance-reminder";
import { InvitationEmail } from "../../emails/invitation";
import { MeetingInvitationEmail } from "../../emails/meeting-invitation";
import { MinutesCirculatedEmail } from "../../emails/minutes-circulated";
import { ObligationReminderEmail } from "../../emails/obligation-reminder";
import { PasswordResetEmail } from "../../emails/password-reset";

/** Builds the message exactly as the mailer does (HTML and text parts), then reads it back with a real parser. */
async function roundTrip(body: ReactElement, attachments: { filename: string; content: string; contentType: string }[] = []) {
  const html = await render(body);
  const text = await render(body, { plainText: true });
  const raw = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail({ from: "a@example.org", to: "b@example.org", subject: "s", html, text, attachments });
  return simpleParser(raw.message as Buffer);
}

const examples: [string, ReactElement, string[]][] = [
  ["obligation reminder", ObligationReminderEmail(ObligationReminderEmail.PreviewProps), ["London Borough of Newham", "29 January 2027", "You are named as responsible"]],
  ["escalation", EscalationEmail(EscalationEmail.PreviewProps), ["London Borough of Tower Hamlets' quarterly performance return is late".toUpperCase(), "3 working days late", "You chair"]],
  ["action reminder", ActionReminderEmail(ActionReminderEmail.PreviewProps), ["Agree keyworker continuity", "31 October 2026", "You own this action"]],
  ["governance reminder", GovernanceReminderEmail(GovernanceReminderEmail.PreviewProps), ["Joanna Whitfield", "31 December 2026", "You chair or run the secretariat"]],
  ["meeting invitation", MeetingInvitationEmail(MeetingInvitationEmail.PreviewProps), ["14 January 2027, 10:00 to 12:00 (London time)", "Bringing lot 3 forward", "you sit on the board"]],
  ["minutes circulated", MinutesCirculatedEmail(MinutesCirculatedEmail.PreviewProps), ["12 November 2026", "which will be asked to approve them", "you sit on the board"]],
  ["digest", DigestEmail(DigestEmail.PreviewProps), ["YOUR REMINDERS FOR 23 NOVEMBER 2026", "Agree keyworker continuity", "once a day"]],
  ["invitation", InvitationEmail(InvitationEmail.PreviewProps), ["North-East London Commissioning Partnership", "expires in 7 days", "invited you"]],
  ["password reset", PasswordResetEmail(PasswordResetEmail.PreviewProps), ["Choose a new password", "60 minutes", "someone asked to reset"]],
];

describe("email templates", () => {
  for (const [name, element, facts] of examples) {
    it(`${name}: HTML and text parts, the key facts, absolute links and why it was sent`, async () => {
      const mail = await roundTrip(element);
      expect(mail.html).toBeTruthy();
      expect(mail.text).toBeTruthy();
      for (const fact of facts) expect(mail.text).toContain(fact);
      const links = [...(mail.html as string).matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect(href).toMatch(/^https?:\/\/[^\s"]+$/);
      expect(mail.text).toContain(links[0]);
    });
  }

  it("changes its wording with the stage of an obligation reminder", async () => {
    const base = ObligationReminderEmail.PreviewProps;
    const soon = await roundTrip(ObligationReminderEmail(base));
    const today = await roundTrip(ObligationReminderEmail({ ...base, stage: "due_today" }));
    const late = await roundTrip(ObligationReminderEmail({ ...base, stage: "overdue", daysLate: 3 }));
    expect(soon.text).toContain("is due on 29 January 2027");
    expect(today.text).toContain("is due today, 29 January 2027");
    expect(late.text).toContain("was due on 29 January 2027 and is now 3 working days late. The chair has been told.");
    expect(late.text).toContain("cannot be turned off");
  });

  it("keeps a meeting invitation's calendar file as a text/calendar attachment", async () => {
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partnership governance//EN\r\nEND:VCALENDAR\r\n";
    const mail = await roundTrip(MeetingInvitationEmail(MeetingInvitationEmail.PreviewProps), [{ filename: "nelcp-board-2027-01-14.ics", content: ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }]);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe("text/calendar");
    expect(mail.attachments[0].filename).toBe("nelcp-board-2027-01-14.ics");
    expect(mail.attachments[0].content.toString("utf8")).toBe(ics);
    const cancelled = await roundTrip(MeetingInvitationEmail({ ...MeetingInvitationEmail.PreviewProps, cancelled: true }));
    expect(cancelled.text).toContain("has been cancelled");
    expect(cancelled.text).not.toContain("Where:");
  });
});
