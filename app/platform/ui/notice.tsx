import { useSearchParams } from "react-router";
import { SuccessBanner } from "./forms";

// What a page says after a successful change (the action redirects with ?notice=key).
const notices = {
  "partnership-updated": "The partnership's details have been saved",
  "key-date-added": "The date has been added",
  "key-date-removed": "The date has been removed",
  "partner-added": "The partner has been added",
  "partner-updated": "The partner's details have been saved",
  "partner-left": "The partner's exit has been recorded",
  "seat-added": "The seat has been added to the register",
  "seat-updated": "The seat has been updated",
  "seat-ended": "The seat's term has been ended",
  "seat-replaced": "The seat has passed to its new holder",
  "terms-draft-created": "A new draft of the terms of reference has been started",
  "terms-draft-saved": "The draft has been saved",
  "terms-approved": "The terms of reference have been approved",
  "terms-discarded": "The draft has been discarded",
  "terms-discarded-elsewhere": "Someone else discarded that draft while you had it open, so there was nothing left to discard",
  "declaration-added": "The declaration has been added to the register",
  "declaration-ended": "The declaration has been recorded as ended",
  "partnership-created": "The partnership has been created. Invite its chair next.",
  "meeting-created": "The meeting has been scheduled. Add its agenda next.",
  "meeting-updated": "The meeting has been changed",
  "meeting-cancelled": "The meeting has been cancelled",
  "agenda-updated": "The agenda has been updated",
  "risk-settings-saved": "The risk scoring has been saved",
  "risk-deferred": "The escalated risk has been put back to the next board meeting",
  "paper-uploaded": "The paper has been uploaded",
  "paper-removed": "The paper has been removed",
  "attendance-saved": "Attendance has been saved",
  "declaration-recorded": "The declaration has been recorded",
  "notes-saved": "The notes have been saved",
  "decision-recorded": "The decision has been recorded",
  "decision-proposed": "The decision has been proposed",
  "decision-updated": "The decision has been updated",
  "ratification-updated": "The ratification has been recorded",
  "action-created": "The action has been added",
  "action-updated": "The action has been updated",
  "minutes-saved": "The minutes have been saved",
  "minutes-circulated": "The minutes have been circulated for approval",
  "minutes-amended": "The correction has been recorded beside the approved minutes",
  "obligation-created": "The obligation has been added. Partners will be reminded before each due date.",
  "responsible-added": "They will now get this obligation's reminders",
  "return-submitted": "The return has been submitted",
  "return-reviewed": "The return has been reviewed",
  "preferences-saved": "Your email preferences have been saved",
  "delivery-requeued": "The message will be sent again",
  "schedule-saved": "The reminder schedule has been saved",
  "risk-created": "The risk has been added to the register",
  "risk-updated": "The risk has been changed",
  "risk-reviewed": "The review has been recorded",
  "risk-status-changed": "The risk's status has been changed",
  "control-added": "The control has been added",
  "control-updated": "The control has been changed",
  "mitigation-added": "The mitigating action has been added",
  "decision-linked": "The decision has been linked to the risk",
  "appetite-approved": "The approved risk appetite has been recorded",
  "young-person-consent-recorded": "The adult's consent has been recorded",
  "young-person-closing-date-saved": "The date their account closes has been saved",
  "portal-idea-sent": "Thank you. It has been sent. A participation worker will check it before anyone else sees it",
  "portal-idea-changed": "Thank you. Your change has been sent. A participation worker will check it again",
  "portal-consent-saved": "Thank you. We have saved what you agreed to",
  "portal-consent-withdrawn": "Done. You have taken back your consent. Adults can no longer see anything you wrote",
  "portal-joined": "You have joined. Welcome!",
  "portal-answers-sent": "Thank you. Your answers have been sent. A participation worker will check them before anyone else sees them",
  "consultation-opened": "The consultation is open. Young people see it on their portal home",
  "contribution-moderated": "Done. The young person will see what happened",
  "activity-recorded": "The activity has been recorded",
  "participation-policy-saved": "The participation policy has been saved",
  "safeguarding-lead-named": "The designated safeguarding lead has been named",
  "contribution-answered": "The response has been sent to the young person",
} as const;
export type NoticeKey = keyof typeof notices;

export const withNotice = (path: string, key: NoticeKey) => `${path}${path.includes("?") ? "&" : "?"}notice=${key}`;

export function Notice() {
  const [params] = useSearchParams();
  const key = params.get("notice") as NoticeKey | null;
  if (!key || !(key in notices)) return null;
  return <SuccessBanner>{notices[key]}</SuccessBanner>;
}
