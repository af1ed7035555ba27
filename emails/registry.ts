import { ActionReminderEmail } from "./action-reminder";
import { AuditCheckpointEmail } from "./audit-checkpoint";
import { EscalationEmail } from "./escalation";
import { GovernanceReminderEmail } from "./governance-reminder";
import { InvitationEmail } from "./invitation";
import { MeetingInvitationEmail } from "./meeting-invitation";
import { MinutesCirculatedEmail } from "./minutes-circulated";
import { ObligationReminderEmail } from "./obligation-reminder";
import { PasswordResetEmail } from "./password-reset";
import { SafeguardingAlertEmail } from "./safeguarding-alert";

/** The templates a recorded reminder can name (reminders_sent.payload.template). */
export const emailTemplates = {
  "obligation-reminder": ObligationReminderEmail,
  escalation: EscalationEmail,
  "action-reminder": ActionReminderEmail,
  "governance-reminder": GovernanceReminderEmail,
  "meeting-invitation": MeetingInvitationEmail,
  "minutes-circulated": MinutesCirculatedEmail,
  invitation: InvitationEmail,
  "password-reset": PasswordResetEmail,
  "audit-checkpoint": AuditCheckpointEmail,
  "safeguarding-alert": SafeguardingAlertEmail,
} as const;
export type TemplateName = keyof typeof emailTemplates;
