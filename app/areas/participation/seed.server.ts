import type { Tx } from "../../../db/client";
import { participationConsents, youngPeople } from "../../../db/schema/participation";
import { appendAudit } from "../../audit/append.server";
import { uuidv7 } from "../../platform/ids";
import type { AgeBand } from "./rules/accounts";
import type { AdultConsentGiver, ConsentScope } from "./rules/consent";

// The demo's cohort of young people, loaded through the area (seeds may not
// touch its tables): their places, what they agreed to and who withdrew.

export type DemoYoungPerson = {
  /** null: a place whose code has not been used yet. */
  displayName: string | null;
  ageBand: AgeBand;
  own: ConsentScope[];
  adult?: { givenBy: AdultConsentGiver; scopes: ConsentScope[] };
  withdrawn?: boolean;
  joinedDaysAgo: number;
};

export async function seedYoungPeople(tx: Tx, input: { partnershipId: string; workerUserId: string; cohort: DemoYoungPerson[]; passphraseHash: string; now: Date }) {
  const { partnershipId, workerUserId, now } = input;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  for (const y of input.cohort) {
    const id = uuidv7(at(y.joinedDaysAgo + 3).getTime());
    const joined = y.displayName !== null;
    await tx.insert(youngPeople).values({
      id,
      partnershipId,
      displayName: y.displayName,
      ageBand: y.ageBand,
      passphraseHash: joined ? input.passphraseHash : null,
      status: joined ? "active" : "invited",
      joinedAt: joined ? at(y.joinedDaysAgo) : null,
      createdBy: workerUserId,
      createdAt: at(y.joinedDaysAgo + 3),
    });
    const event = { entityId: id, partnershipId };
    await appendAudit(tx, { ...event, action: "young_person.place_added", actorUserId: workerUserId, after: { ageBand: y.ageBand } });
    if (!joined) continue;
    await appendAudit(tx, { ...event, action: "young_person.joined", actorUserId: null });
    const withdrawnAt = y.withdrawn ? at(Math.max(1, Math.floor(y.joinedDaysAgo / 3))) : null;
    const rows = [
      ...y.own.map((scope) => ({ scope, givenBy: "young_person", recordedBy: null as string | null })),
      ...(y.adult ? y.adult.scopes.map((scope) => ({ scope, givenBy: y.adult!.givenBy as string, recordedBy: workerUserId as string | null })) : []),
    ];
    if (rows.length)
      await tx.insert(participationConsents).values(rows.map((r) => ({ id: uuidv7(at(y.joinedDaysAgo).getTime()), youngPersonId: id, ...r, givenAt: at(y.joinedDaysAgo), withdrawnAt })));
    if (y.own.length) await appendAudit(tx, { ...event, action: "young_person.consent_changed", actorUserId: null, after: { givenBy: "young_person", given: y.own, withdrawn: [] } });
    if (y.adult) await appendAudit(tx, { ...event, action: "young_person.consent_changed", actorUserId: workerUserId, after: { givenBy: y.adult.givenBy, given: y.adult.scopes, withdrawn: [] } });
    if (y.withdrawn) await appendAudit(tx, { ...event, action: "young_person.consent_withdrawn", actorUserId: null, after: { scopes: [...new Set(rows.map((r) => r.scope))] } });
  }
}
