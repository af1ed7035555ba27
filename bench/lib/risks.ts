import { adminClient } from "./databases";

// The risk register at national scale: 200,000 risks with 2,000,000 reviews
// across the partnerships, 20,000 of them in NELCP (the busiest). Added to a
// national dataset that lacks them (a kept one made before the register
// existed, or a new one), by set-based SQL as the owner: about a minute.

const log = (line: string) => console.log(line);

export const RISK_TARGETS = { risks: 200_000, nelcpRisks: 20_000, reviewsPerRisk: 10 };

export async function ensureNationalRisks(ownerUrl: string, scale: number) {
  const db = adminClient(ownerUrl);
  try {
    const total = Math.round(RISK_TARGETS.risks * scale);
    const [{ n }] = await db`select count(*)::int as n from risks`;
    if (n >= total * 0.9) return { added: 0, risks: n };
    const started = performance.now();
    const [{ others }] = await db`select count(*)::int as others from partnerships where slug <> 'nelcp'`;
    const nelcp = Math.round(RISK_TARGETS.nelcpRisks * scale);
    const each = Math.max(1, Math.floor((total - nelcp) / Math.max(1, others)));
    await db.unsafe(
      `
      with p as (
        select p.id, upper(coalesce(p.reference_prefix, regexp_replace(p.short_name, '[^A-Za-z0-9]', '', 'g'))) as prefix, p.lead_organisation_id as org,
               (select r.user_id from partnership_roles r
                 where r.partnership_id = p.id and r.role in ('chair', 'vice_chair', 'board_member', 'partner_rep', 'secretariat')
                 order by r.role, r.user_id limit 1) as owner,
               case when p.slug = 'nelcp' then ${nelcp} else ${each} end as n,
               coalesce((select max(x.number) from risks x where x.partnership_id = p.id), 0) as base
          from partnerships p)
      insert into risks (id, partnership_id, number, reference, title, cause, event, effect, category, owner_user_id, owner_organisation_id, scope,
                         raised_on, status, review_frequency, next_review_on, inherent_likelihood, inherent_impact, current_likelihood, current_impact,
                         target_likelihood, target_impact, target_date, created_by, created_at, version)
      select gen_random_uuid(), p.id, p.base + g, p.prefix || '-R-' || lpad((p.base + g)::text, greatest(3, length((p.base + g)::text)), '0'),
             (array['Providers leave the block contract', 'Fewer placements needed than planned', 'Reliance on one lead officer',
                    'Children placed far from home', 'A partner withdraws', 'Co-investment is not matched'])[1 + g % 6] || ' (' || g || ')',
             'Costs and demand move faster than the contract', 'The service cannot be delivered as agreed', 'Children wait longer, or cost more to place',
             (array['service_delivery', 'financial', 'demand', 'workforce', 'safeguarding', 'legal_contractual', 'reputational', 'data_information',
                    'partnership_relationship'])[1 + g % 9],
             p.owner, p.org, case when g % 5 = 0 then 'partner_only' else 'shared' end,
             current_date - 400 - (g % 1500),
             case when g % 10 = 0 then 'closed' when g % 13 = 0 then 'escalated' else 'open' end,
             (array['monthly', 'quarterly', 'half_yearly', 'annually'])[1 + g % 4],
             current_date + ((g * 7) % 240) - 60,
             a.il, a.ii, greatest(1, a.il - g % 2), greatest(1, a.ii - (g / 3) % 2), 1, greatest(1, a.ii - 1 - (g / 3) % 2), null, p.owner, now(), 1
        from p
        cross join lateral generate_series(1, p.n) g
        cross join lateral (select 1 + (g * 7) % 5 as il, 1 + (g * 11) % 5 as ii) a
       where p.owner is not null and p.org is not null`,
    );
    // Ten reviews each, a month or more apart, the last one setting today's current score.
    await db.unsafe(`
      insert into risk_reviews (id, risk_id, reviewed_on, reviewed_by, likelihood, impact, target_likelihood, target_impact,
                                previous_likelihood, previous_impact, previous_target_likelihood, previous_target_impact, commentary, created_at)
      select gen_random_uuid(), r.id, r.raised_on + k * 35, r.owner_user_id,
             case when k = ${RISK_TARGETS.reviewsPerRisk} then r.current_likelihood else 1 + (k + r.number) % 5 end,
             case when k = ${RISK_TARGETS.reviewsPerRisk} then r.current_impact else 1 + (k * 3 + r.number) % 5 end,
             null, null, 1 + (k + r.number + 4) % 5, 1 + (k * 3 + r.number + 2) % 5, r.target_likelihood, r.target_impact,
             'Reviewed with the owner: scores as the latest figures show.', now()
        from risks r
        cross join generate_series(1, ${RISK_TARGETS.reviewsPerRisk}) k
       where not exists (select 1 from risk_reviews x where x.risk_id = r.id)`);
    await db.unsafe("vacuum (analyze) risks");
    await db.unsafe("vacuum (analyze) risk_reviews");
    const [{ m }] = await db`select count(*)::int as m from risks`;
    log(`risks: ${m - n} added (${nelcp} in NELCP, ${each} in each other partnership) with ${RISK_TARGETS.reviewsPerRisk} reviews each, in ${Math.round((performance.now() - started) / 100) / 10} s`);
    return { added: m - n, risks: m };
  } finally {
    await db.end();
  }
}
