// The scrutiny area's door for server code elsewhere: the only file other areas import from it.

export { callInForDecision, callInRecord, considerCallIn, considerCallInSchema, reconsiderCallIn, reconsiderCallInSchema, signCallIn, startCallIn, startCallInSchema } from "./call-ins.server";
export { callInMessages } from "./call-in-reminders.server";
export { answerChallenge, challengesPanel, closeChallenge, raiseChallenge } from "./challenges.server";
export { challengeMessages } from "./challenge-reminders.server";
export { packRunJob, preparePackRun, removeOldPackRuns, requeueWaitingPackRuns } from "./pack-runs.server";
