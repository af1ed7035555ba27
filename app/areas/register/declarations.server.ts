import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import { declarationsOfInterest, users } from "../../../db/schema";
import { isSeatCurrent } from "./rules/board-rules";
import { formatDate } from "../../platform/time/dates";
import { appToday } from "../../platform/clock.server";
import { interestTypes, type InterestType } from "./rules/vocabulary";
import { listSeats } from "./board.server";
import { optionalText, requiredDate, requiredText, uuidField, versionField } from "../../platform/forms";
import { type PartnershipScope } from "../../platform/guard.server";
import { conflict, fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";

export async function listDeclarations(db: Db, partnershipId: string, userId?: string) {
  const rows = await db
    .select({ d: declarationsOfInterest, personName: users.name })
    .from(declarationsOfInterest)
    .innerJoin(users, eq(users.id, declarationsOfInterest.userId))
    .where(and(eq(declarationsOfInterest.partnershipId, partnershipId), userId ? eq(declarationsOfInterest.userId, userId) : undefined))
    .orderBy(asc(users.name), desc(declarationsOfInterest.declaredOn));
  return rows.map((r) => ({ ...r.d, interestType: r.d.interestType as InterestType, personName: r.personName }));
}
export type DeclarationRow = Awaited<ReturnType<typeof listDeclarations>>[number];

/**
 * Whose declarations this user may record or end: everyone's if they manage
 * the partnership; their own if they sit on the board; and, for a partner
 * representative, those of the people who sit for their organisation.
 */
export async function declarantsFor(db: Db, scope: PartnershipScope) {
  const seats = await listSeats(db, scope.partnership.id);
  const today = appToday();
  const people = new Map<string, { id: string; name: string; organisationName: string }>();
  for (const s of seats) {
    if (!isSeatCurrent(s, today)) continue;
    const allowed = scope.canOn("declaration:record", { organisationIds: [s.organisationId], userId: s.userId });
    if (allowed) people.set(s.userId, { id: s.userId, name: s.personName, organisationName: s.organisationName });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export const declarationSchema = z.object({
  userId: uuidField("Choose the member making the declaration"),
  interestType: z.enum(interestTypes, { error: "Choose the kind of interest" }),
  description: requiredText("Describe the interest", 2000, "The description"),
  relatedOrganisation: optionalText(200, "The organisation"),
  declaredOn: requiredDate("Enter the date it was declared"),
});

export async function createDeclaration(db: Db, scope: PartnershipScope, input: z.output<typeof declarationSchema>): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const row = { id: crypto.randomUUID(), partnershipId, createdBy: scope.user.id, ...input };
    await tx.insert(declarationsOfInterest).values(row);
    // The declaration is about the member's interests, not their personal data; it is what the register is for.
    await appendAudit(tx, { actorUserId: scope.user.id, action: "declaration.create", entityId: row.id, partnershipId, after: input });
    return ok(row.id);
  });
}

export const endDeclarationSchema = z.object({
  version: versionField,
  endedOn: requiredDate("Enter the date the interest ended"),
  reason: optionalText(1000, "The reason"),
});

export async function endDeclaration(db: Db, scope: PartnershipScope, declarationId: string, input: z.output<typeof endDeclarationSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [row] = await tx
      .select()
      .from(declarationsOfInterest)
      .where(and(eq(declarationsOfInterest.id, declarationId), eq(declarationsOfInterest.partnershipId, partnershipId)));
    if (!row) return fail("form", "That declaration is not on this register");
    if (row.version !== input.version) return conflict("declaration");
    if (row.endedOn) return fail("form", `This interest was already recorded as ended on ${formatDate(row.endedOn)}`);
    if (input.endedOn < row.declaredOn) return fail("endedOn", `The interest was declared on ${formatDate(row.declaredOn)}: it cannot end before then`);
    await versionedUpdate(tx, declarationsOfInterest, eq(declarationsOfInterest.id, row.id), input.version, { endedOn: input.endedOn }, "declaration");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "declaration.end",
      entityId: row.id,
      partnershipId,
      before: { endedOn: null },
      after: { endedOn: input.endedOn },
      reason: input.reason,
    });
    return ok();
  });
}
