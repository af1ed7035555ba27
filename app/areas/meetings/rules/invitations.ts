// When a meeting's invitations may be sent and its agenda published: the
// page offers each only when the operation would accept it, and both read
// the same reasons from here.

export type InvitationState = { invitationsSentAt: Date | null; agendaPublishedAt: Date | null; cancelledAt: Date | null; startsAt: Date };

/** Why the invitations cannot be sent now, or null if they can. */
export function invitationsRefusal(m: InvitationState, now: Date): string | null {
  if (m.invitationsSentAt) return "The invitations to this meeting have already been sent: changes to it are sent as updates";
  if (m.cancelledAt) return "The meeting is cancelled, so no invitations can be sent";
  if (m.startsAt.getTime() <= now.getTime()) return "The meeting has already started or taken place, so no invitations are sent";
  return null;
}

/** A meeting is a draft until its invitations are sent, unless it was cancelled or has begun without them. */
export const isDraft = (m: InvitationState, now: Date) => invitationsRefusal(m, now) === null;

/** Why the agenda and papers cannot be published now, or null if they can. */
export function agendaRefusal(m: InvitationState, items: number, now: Date): string | null {
  if (m.agendaPublishedAt) return "The agenda and papers have already been published: those invited see changes on the meeting's page";
  if (m.cancelledAt) return "The meeting is cancelled";
  if (m.startsAt.getTime() <= now.getTime()) return "The meeting has already started or taken place";
  if (!m.invitationsSentAt) return "Send the invitations first: the agenda goes to those invited";
  if (items === 0) return "Add at least one item to the agenda before publishing it";
  return null;
}
