import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server on a free local port that keeps what it receives. */
export async function startSmtpServer() {
  const messages: ParsedMail[] = [];
  let failNext = 0;
  let failOnlyTo: string | undefined;
  let delayMs = 0;
  let answerUpTo = Infinity;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const forFailure = !failOnlyTo || session.envelope.rcptTo.some((r) => r.address === failOnlyTo);
      if (failNext > 0 && forFailure) {
        failNext -= 1;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          // A relay that takes a message in and never replies (the sender is left waiting).
          if (messages.length > answerUpTo) return;
          // Accept slowly when asked, as a busy relay would.
          setTimeout(() => callback(), delayMs);
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Refuses the next `n` messages (only those to `to`, when given: other mail still goes through). */
    failNextDeliveries(n: number, to?: string) {
      failNext = n;
      failOnlyTo = to;
    },
    acceptEach(afterMs: number) {
      delayMs = afterMs;
    },
    /** Messages after the n-th received in all are stored but never answered; Infinity answers all again. */
    stopAnsweringAfter(n: number) {
      answerUpTo = n;
    },
    /** Waits until `count` messages in all have arrived. */
    async received(count: number, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`The relay received ${messages.length} messages, not ${count}, within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    /** Messages to one address, waiting briefly for delivery to finish. */
    async to(email: string, count = 1) {
      for (let i = 0; i < 50; i++) {
        const found = messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(email)));
        if (found.length >= count) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(email)));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
