import { z } from "zod";
import { because, defineAction, id, isoDate, on, quoted, text } from "../define";

// Scrutiny's own writes: call-ins (app/areas/scrutiny/call-ins.server.ts) and
// formal questions and challenges (app/areas/scrutiny/challenges.server.ts).

const status = z.enum(["gathering", "called_in", "no_further_action", "referred_back", "confirmed", "changed"]);
const subjectType = z.enum(["decision", "risk", "obligation", "meeting"]);
const challengeRef = (e: { subject: string | null }) => e.subject ?? "a challenge";
const decisionRef = (e: { subject: string | null }) => (e.subject ? `decision ${e.subject}` : "a decision");

export const scrutinyActions = {
  "scrutiny_pack.request": defineAction({
    entity: "scrutiny_pack_run",
    label: "Scrutiny pack requested",
    before: null,
    after: z.strictObject({ from: isoDate, to: isoDate }),
    describe: (e) => `${e.actor} asked for the scrutiny pack from ${on(e.after.from)} to ${on(e.after.to)} to be prepared as a PDF`,
  }),
  "call_in.start": defineAction({
    entity: "call_in",
    label: "Call-in started",
    before: null,
    after: z.strictObject({ decisionId: id, grounds: text.nullable(), status, signatures: z.number().int().min(1), calledInOn: isoDate.nullable() }),
    describe: (e) =>
      `${e.actor} ${e.after.status === "called_in" ? "called in" : "started a call-in of"} ${decisionRef(e)}${e.after.grounds ? `, on the grounds ${quoted(e.after.grounds)}` : ""}` +
      `${e.after.status === "called_in" ? `: it is suspended from ${on(e.after.calledInOn)}` : `, with 1 signature so far`}`,
  }),
  "call_in.sign": defineAction({
    entity: "call_in",
    label: "Call-in signed",
    before: null,
    after: z.strictObject({ status, signatures: z.number().int().min(1), calledInOn: isoDate.nullable() }),
    describe: (e) =>
      `${e.actor} signed the call-in of ${decisionRef(e)} (${e.after.signatures} signatures)${e.after.status === "called_in" ? `: it is called in and suspended from ${on(e.after.calledInOn)}` : ""}`,
  }),
  "call_in.consider": defineAction({
    entity: "call_in",
    label: "Call-in considered",
    before: z.strictObject({ status: z.literal("called_in") }),
    after: z.strictObject({ status: z.enum(["no_further_action", "referred_back"]), consideredOn: isoDate, recommendations: text.nullable() }),
    describe: (e) =>
      `The call-in of ${decisionRef(e)} considered on ${on(e.after.consideredOn)}, recorded by ${e.actor}: ` +
      `${e.after.status === "no_further_action" ? "no further action, so it may be implemented" : `referred back to the board${e.after.recommendations ? ` with the recommendations ${quoted(e.after.recommendations)}` : ""}`}${because(e.reason)}`,
  }),
  "call_in.reconsider": defineAction({
    entity: "call_in",
    label: "Called-in decision reconsidered",
    before: z.strictObject({ status: z.literal("referred_back") }),
    after: z.strictObject({ status: z.enum(["confirmed", "changed"]), reconsideredOn: isoDate, newDecisionId: id.nullable() }),
    describe: (e) =>
      `The board reconsidered ${decisionRef(e)} on ${on(e.after.reconsideredOn)}, recorded by ${e.actor}: ${e.after.status === "confirmed" ? "confirmed, so it may be implemented" : "changed by a new decision"}${because(e.reason)}`,
  }),
  "challenge.raise": defineAction({
    entity: "challenge",
    label: "Question or challenge raised",
    before: null,
    after: z.strictObject({ number: z.number().int().min(1), kind: z.enum(["question", "challenge"]), subjectType, subjectId: id, title: text, question: text, dueOn: isoDate }),
    describe: (e) => `${e.actor} raised ${e.after.kind === "question" ? "a question" : "a challenge"} to the chair, ${quoted(e.after.title)} (${challengeRef(e)}), on a ${e.after.subjectType === "obligation" ? "return" : e.after.subjectType}, to be answered by ${on(e.after.dueOn)}`,
  }),
  "challenge.answer": defineAction({
    entity: "challenge",
    label: "Question or challenge answered",
    before: z.strictObject({ status: z.literal("awaiting_answer"), dueOn: isoDate }),
    after: z.strictObject({ status: z.literal("answered"), answer: text, answeredOn: isoDate, late: z.boolean() }),
    describe: (e) => `${e.actor} answered ${challengeRef(e)} on ${on(e.after.answeredOn)}${e.after.late ? `, after it was due on ${on(e.before.dueOn)}` : ""}: ${quoted(e.after.answer)}`,
  }),
  "challenge.follow_up": defineAction({
    entity: "challenge",
    label: "Follow-up question asked",
    before: z.strictObject({ status: z.enum(["awaiting_answer", "answered"]), dueOn: isoDate }),
    after: z.strictObject({ status: z.literal("awaiting_answer"), question: text, dueOn: isoDate }),
    describe: (e) => `${e.actor} followed up ${challengeRef(e)}, ${quoted(e.after.question)}, to be answered by ${on(e.after.dueOn)}`,
  }),
  "challenge.close": defineAction({
    entity: "challenge",
    label: "Question or challenge closed",
    before: z.strictObject({ status: z.enum(["awaiting_answer", "answered"]) }),
    after: z.strictObject({ status: z.literal("closed"), closedOn: isoDate, closingNote: text.nullable() }),
    describe: (e) => `${e.actor} closed ${challengeRef(e)} on ${on(e.after.closedOn)}${e.before.status === "awaiting_answer" ? " before it was answered" : ""}${e.after.closingNote ? `: ${quoted(e.after.closingNote)}` : ""}`,
  }),
};
