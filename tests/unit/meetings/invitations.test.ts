import { describe, expect, it } from "vitest";
import { agendaRefusal, invitationsRefusal, isDraft } from "../../../app/areas/meetings/rules/invitations";

const now = new Date("2026-11-22T10:00:00Z");
const future = { invitationsSentAt: null, agendaPublishedAt: null, cancelledAt: null, startsAt: new Date("2026-12-10T14:00:00Z") };
const sent = { ...future, invitationsSentAt: new Date("2026-11-20T09:00:00Z") };

describe("a meeting's invitations", () => {
  it("a future meeting is a draft until they are sent, and they go once", () => {
    expect(isDraft(future, now)).toBe(true);
    expect(invitationsRefusal(future, now)).toBe(null);
    expect(isDraft(sent, now)).toBe(false);
    expect(invitationsRefusal(sent, now)).toMatch(/already been sent/);
  });

  it("none for a cancelled meeting, or one that has begun (to the minute)", () => {
    expect(invitationsRefusal({ ...future, cancelledAt: now }, now)).toMatch(/cancelled/);
    expect(invitationsRefusal({ ...future, startsAt: now }, now)).toMatch(/already started or taken place/);
    expect(invitationsRefusal({ ...future, startsAt: new Date(now.getTime() + 60_000) }, now)).toBe(null);
    expect(isDraft({ ...future, startsAt: new Date("2026-11-01T10:00:00Z") }, now)).toBe(false);
  });
});

describe("publishing the agenda", () => {
  it("only after the invitations, with at least one item, once, for a meeting still to come", () => {
    expect(agendaRefusal(future, 3, now)).toMatch(/Send the invitations first/);
    expect(agendaRefusal(sent, 0, now)).toMatch(/at least one item/);
    expect(agendaRefusal(sent, 3, now)).toBe(null);
    expect(agendaRefusal({ ...sent, agendaPublishedAt: now }, 3, now)).toMatch(/already been published/);
    expect(agendaRefusal({ ...sent, cancelledAt: now }, 3, now)).toMatch(/cancelled/);
    expect(agendaRefusal({ ...sent, startsAt: now }, 3, now)).toMatch(/already started/);
  });
});
