import fs from "node:fs/promises";
import path from "node:path";
import { render } from "@react-email/render";
import nodemailer, { type Transporter } from "nodemailer";
import type { ReactElement } from "react";
import { env } from "../env.server";

export type OutgoingEmail = {
  to: string;
  subject: string;
  body: ReactElement;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
  /** A stable Message-ID, so a message sent again carries the same id. */
  messageId?: string;
  /** Extra headers, e.g. { "Auto-Submitted": "auto-generated" }. */
  headers?: Record<string, string>;
};

let transport: Transporter | undefined;
let transportFor: string | undefined;

function smtpTransport(url: string) {
  if (!transport || transportFor !== url) {
    transport = nodemailer.createTransport(url);
    transportFor = url;
  }
  return transport;
}

export function outboxDir() {
  return path.join(env().DATA_DIR, "outbox");
}

/**
 * Sends through SMTP when SMTP_URL is set; otherwise writes the message as an
 * .eml file under DATA_DIR/outbox (listed at /dev/outbox outside production).
 */
export async function sendEmail(email: OutgoingEmail) {
  const html = await render(email.body);
  const text = await render(email.body, { plainText: true });
  const message = {
    from: env().MAIL_FROM,
    to: email.to,
    subject: email.subject,
    html,
    text,
    attachments: email.attachments,
    messageId: email.messageId,
    headers: email.headers,
  };
  const url = env().SMTP_URL;
  if (url) {
    await smtpTransport(url).sendMail(message);
    return;
  }
  const raw = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(message);
  const dir = outboxDir();
  await fs.mkdir(dir, { recursive: true });
  const safeTo = email.to.replace(/[^a-z0-9@.-]/gi, "_");
  const file = `${new Date().toISOString().replace(/[:.]/g, "-")}-${safeTo}-${crypto.randomUUID().slice(0, 8)}.eml`;
  await fs.writeFile(path.join(dir, file), raw.message as Buffer);
}
