import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { partnerships, submissions, users } from "../db/schema";
import type { Cadence, DueRule, ObligationType } from "../app/domain/obligations";
import { permissionsFor } from "../app/domain/permissions";
import type { OrganisationType } from "../app/domain/vocabulary";
import type { PartnershipScope } from "../app/lib/guard.server";
import { addResponsible, createObligation, reviewReturn, submitReturn } from "../app/lib/obligations.server";
import type { WriteResult } from "../app/lib/write-result";

// Demo reporting obligations and a year of returns, recorded through the
// same operations the pages use.

export type SeedObligation = {
  type: ObligationType;
  title: string;
  instructions: string;
  owedBy: { orgKey: string } | { orgType: OrganisationType };
  cadence: Cadence;
  dueRule: DueRule;
  startsOn: string;
  responsibles?: { orgKey: string; email: string }[];
  returns: { orgKey: string; periodKey: string; submittedOn: string; status: "accepted" | "submitted" | "returned"; comment?: string; reason?: string }[];
};

function must<T>(result: WriteResult<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo obligations: ${what} was refused: ${result.field}: ${result.message}`);
  return result.value;
}

export async function seedObligations(
  tx: Tx,
  input: { slug: string; recorderEmail: string; list: SeedObligation[]; orgIds: Map<string, string>; userIds: Map<string, string> },
) {
  const db = tx as unknown as Db;
  const [partnership] = await db.select().from(partnerships).where(eq(partnerships.slug, input.slug));
  const [recorder] = await db.select().from(users).where(eq(users.email, input.recorderEmail));
  const scope: PartnershipScope = {
    user: { id: recorder.id, email: recorder.email, name: recorder.name, kind: "adult", isPlatformAdmin: false },
    partnership,
    roles: ["secretariat"],
    permissions: permissionsFor(["secretariat"], false),
    grants: [{ role: "secretariat", organisationId: partnership.leadOrganisationId }],
  };
  const org = (key: string) => input.orgIds.get(key) ?? (() => { throw new Error(`Demo obligations name unknown organisation ${key}`); })();
  for (const o of input.list) {
    const obligationId = must(
      await createObligation(db, scope, {
        type: o.type,
        title: o.title,
        instructions: o.instructions,
        owedBy: "orgKey" in o.owedBy ? `org:${org(o.owedBy.orgKey)}` : `type:${o.owedBy.orgType}`,
        cadence: o.cadence,
        dueDays: o.dueRule.kind === "on_date" ? "" : String(o.dueRule.days),
        dueDayKind: o.dueRule.kind === "on_date" ? "working_days_after_period_end" : o.dueRule.kind,
        dueOn: o.dueRule.kind === "on_date" ? o.dueRule.date : null,
        startsOn: o.startsOn,
        endsOn: null,
      }),
      o.title,
    );
    for (const r of o.responsibles ?? [])
      must(await addResponsible(db, scope, obligationId, { organisationId: org(r.orgKey), userId: input.userIds.get(r.email)! }), `responsible ${r.email}`);
    for (const r of o.returns) {
      const organisationId = org(r.orgKey);
      must(
        await submitReturn(db, scope, obligationId, { organisationId, periodKey: r.periodKey, comment: r.comment ?? "Return attached to the shared drive and summarised here.", placements: "" }, null, new Date(`${r.submittedOn}T11:00:00Z`)),
        `return from ${r.orgKey} for ${r.periodKey}`,
      );
      if (r.status === "submitted") continue;
      const [row] = await db
        .select()
        .from(submissions)
        .where(and(eq(submissions.obligationId, obligationId), eq(submissions.organisationId, organisationId), eq(submissions.periodKey, r.periodKey)))
        .orderBy(desc(submissions.submittedAt))
        .limit(1);
      must(await reviewReturn(db, scope, obligationId, { submissionId: row.id, version: row.version, decision: r.status, reason: r.reason ?? null }), `review of ${r.orgKey} ${r.periodKey}`);
    }
  }
}
