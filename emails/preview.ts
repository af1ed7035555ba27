import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { ActionReminderEmail } from "./action-reminder";
import { AuditCheckpointEmail } from "./audit-checkpoint";
import { DigestEmail } from "./digest";
import { EscalationEmail } from "./escalation";
import { GovernanceReminderEmail } from "./governance-reminder";
import { InvitationEmail } from "./invitation";
import { MeetingInvitationEmail } from "./meeting-invitation";
import { MinutesCirculatedEmail } from "./minutes-circulated";
import { ObligationReminderEmail } from "./obligation-reminder";
import { PasswordResetEmail } from "./password-reset";
import { SafeguardingAlertEmail } from "./safeguarding-alert";

// npm run email:dev — renders every template with its example data to HTML
// and plain text under DATA_DIR/email-preview and serves them on
// http://localhost:3001 (EMAIL_PREVIEW_PORT).

/** A template with its example data, ready to render. */
const example = <P,>(component: ((props: P) => ReactElement) & { PreviewProps: NoInfer<P> }, changes: Partial<NoInfer<P>> = {}) => () =>
  component({ ...component.PreviewProps, ...changes });

/** Every template with its PreviewProps, then the variants whose wording differs. */
export const previewTemplates: Record<string, () => ReactElement> = {
  "obligation-reminder": example(ObligationReminderEmail),
  escalation: example(EscalationEmail),
  "action-reminder": example(ActionReminderEmail),
  "governance-reminder": example(GovernanceReminderEmail),
  "meeting-invitation": example(MeetingInvitationEmail),
  "minutes-circulated": example(MinutesCirculatedEmail),
  digest: example(DigestEmail),
  invitation: example(InvitationEmail),
  "password-reset": example(PasswordResetEmail),
  "audit-checkpoint": example(AuditCheckpointEmail),
  "safeguarding-alert": example(SafeguardingAlertEmail),
  "obligation-reminder-due-today": example(ObligationReminderEmail, { stage: "due_today" }),
  "obligation-reminder-overdue": example(ObligationReminderEmail, { stage: "overdue", daysLate: 3 }),
  "action-reminder-due-soon": example(ActionReminderEmail, { overdue: false, dueDate: "2026-11-26" }),
  "governance-reminder-risk-review": example(GovernanceReminderEmail, { kind: "risk_review_due", subject: "Risk CIP-R-002, “Front-loaded investment without a guarantee of return”,", date: "2026-12-01", link: "http://localhost:3000/p/leicestershire-cip/risks" }),
  "governance-reminder-terms-review": example(GovernanceReminderEmail, { kind: "terms_review", subject: "Version 2 of the terms of reference", date: "2027-03-31", link: "http://localhost:3000/p/nelcp/terms" }),
  "governance-reminder-deputy-lapsing": example(GovernanceReminderEmail, {
    kind: "deputy_lapsing",
    subject: "Samuel Adeyemi's delegation as deputy for Joanna Whitfield",
    date: "2026-12-06",
  }),
  "governance-reminder-minutes": example(GovernanceReminderEmail, {
    kind: "minutes_awaiting_approval",
    subject: "The minutes of NELCP board, 2026-11-12",
    date: "2026-11-19",
    link: "http://localhost:3000/p/nelcp/meetings/example/minutes",
  }),
  "meeting-invitation-changed": example(MeetingInvitationEmail, { changed: true, startTime: "14:00", endTime: "16:00" }),
  "meeting-invitation-cancelled": example(MeetingInvitationEmail, { cancelled: true }),
};

/** Writes each template's HTML and text and an index page; returns the folder. */
export async function renderPreviews(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const links: string[] = [];
  for (const [name, build] of Object.entries(previewTemplates)) {
    const element = build();
    fs.writeFileSync(path.join(dir, `${name}.html`), await render(element));
    fs.writeFileSync(path.join(dir, `${name}.txt`), await render(element, { plainText: true }));
    links.push(`<li>${name}: <a href="${name}.html">HTML</a> · <a href="${name}.txt">plain text</a></li>`);
  }
  fs.writeFileSync(
    path.join(dir, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Email previews</title></head><body><h1>Email previews</h1><ul>${links.join("")}</ul></body></html>`,
  );
  return dir;
}

async function main() {
  const dir = await renderPreviews(path.resolve(process.env.DATA_DIR || "./data", "email-preview"));
  const port = Number(process.env.EMAIL_PREVIEW_PORT ?? 3001);
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8" };
  http
    .createServer((req, res) => {
      let name: string;
      try {
        name = path.basename(decodeURIComponent((req.url ?? "/").split("?")[0])) || "index.html";
      } catch {
        name = "";
      }
      const file = path.join(dir, name);
      if (!name || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404).end("Not found");
        return;
      }
      res.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
    })
    .listen(port, () => console.log(`Email previews: http://localhost:${port}/ (files in ${dir})`));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
