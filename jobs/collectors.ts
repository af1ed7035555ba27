import { actionMessages } from "../app/areas/actions/public.server";
import { minutesMessages } from "../app/areas/meetings/public.server";
import type { ReminderCollector } from "../app/areas/notifications/public.server";
import { obligationMessages } from "../app/areas/obligations/public.server";
import { registerMessages } from "../app/areas/register/public.server";
import { riskReviewMessages } from "../app/areas/risks/public.server";
import { callInMessages, challengeMessages } from "../app/areas/scrutiny/public.server";

/** Every kind of reminder the scheduler sends: one collector per area that owns the records. */
export const reminderCollectors: readonly ReminderCollector[] = [obligationMessages, actionMessages, registerMessages, minutesMessages, riskReviewMessages, callInMessages, challengeMessages];
