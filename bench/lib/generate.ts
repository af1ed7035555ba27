import { performance } from "node:perf_hooks";
import type postgres from "postgres";
import { adminClient } from "./databases";
import {
  addDaysIso,
  daysBetween,
  distribute,
  endedPeriods,
  ID_KINDS as K,
  nelcpObligationTemplates,
  orgType,
  orgTypeSql,
  partnershipObligationTemplates,
  periodStart,
  RETURN_RATE,
  rng,
  targets,
  uid,
  type ObligationTemplate,
  type OrgType,
  type Targets,
} from "./plan";
import { log, seconds } from "./util";
import {
  adjectives,
  clauses,
  firstNames,
  jobTitles,
  lastNames,
  meetingNotes,
  nameEnds,
  nameKinds,
  nameStarts,
  places,
  regions,
  returnComments,
  sentences,
  sqlArray as A,
  subjects,
  topics,
  verbs,
} from "./vocabulary";

// The national dataset, made around the demo data already in the database
// (migrated and seeded as the app does it): a thousand partnerships with
// their partners, people, board seats, roles and terms of reference; twenty
// years of meetings with agendas, attendance and minutes; decisions with
// their status history, ratifications and votes; actions and their updates;
// obligations and returns; and the audit chains. NELCP, the demo's busiest
// partnership, gets 5% of the meetings, 10% of the decisions and a fifth of
// the audit events, so its chair sees a national-scale partnership.
//
// The audit events continue each chain's seq without a gap from its current
// head, but their hashes are synthetic (md5s of chain and seq), so the
// generated part of a chain does not verify: npm run audit:verify fails on
// these databases, and the bench never verifies them.
//
// Every record is made by INSERT … SELECT over generate_series in the
// database; only the per-partnership plan (plan.ts) is worked out here. While
// loading, the big tables' indexes and every foreign key touching them are
// dropped, then rebuilt and re-validated afterwards: PostgreSQL itself checks
// that every generated foreign key points at a real row.

const SLOT_GENERATIONS = 8; // seat numbers reserved per slot: four-year terms over twenty years, and room
const SEATS_PER_PARTNERSHIP = 1000; // seat numbers reserved per partnership (slots × generations × 2)
const MAX_SLOTS = Math.floor(SEATS_PER_PARTNERSHIP / (SLOT_GENERATIONS * 2));

/** Tables that get most of the rows: loaded without their indexes, rebuilt afterwards. */
const BIG_TABLES = [
  "audit_events",
  "decisions",
  "decision_status_changes",
  "decision_ratifications",
  "decision_votes",
  "actions",
  "action_updates",
  "meetings",
  "agenda_items",
  "attendance",
  "minutes",
  "submissions",
];

type Sql = postgres.Sql;

type Context = {
  today: string;
  nelcp: { id: string; prefix: string; startDate: string; orgs: string[]; types: OrgType[]; untilByOrg: string[]; recentFrom: string; people: string[]; secretariat: string; terms1From: string | null; terms2From: string | null };
  head: { nelcpSeq: number; nelcpHash: string; platformSeq: number; platformHash: string; total: number };
  demo: { users: number; memberships: number; partnerships: number };
  passwordHash: string;
};

type GpRow = Record<string, unknown> & { pno: number; e_n: number };
type GoRow = Record<string, unknown>;

export type GenerationReport = { seconds: number; steps: { step: string; seconds: number }[]; counts: Record<string, number>; nelcp: Record<string, number> };

// ------------------------------------------------------------------ context

async function readContext(db: Sql): Promise<Context> {
  const [{ today }] = await db`select (now() at time zone 'Europe/London')::date::text as today`;
  const [p] = await db`select id, start_date::text as start_date, coalesce(reference_prefix, short_name) as prefix from partnerships where slug = 'nelcp'`;
  if (!p) throw new Error("The demo's NELCP is missing: the database must be migrated and seeded first");
  const partners = await db`
    select pp.organisation_id as id, o.type, (p.lead_organisation_id = o.id) as lead,
           (select min(s.term_start)::text from board_seats s where s.partnership_id = p.id and s.organisation_id = o.id) as first_seat
      from partnership_partners pp join organisations o on o.id = pp.organisation_id join partnerships p on p.id = pp.partnership_id
     where p.id = ${p.id} order by (p.lead_organisation_id = o.id) desc, o.name`;
  const people = await db`
    select distinct u.id from users u
     where u.kind = 'adult' and (u.id in (select user_id from partnership_roles where partnership_id = ${p.id})
                                  or u.id in (select user_id from board_seats where partnership_id = ${p.id}))
     order by u.id`;
  const [sec] = await db`select u.id from users u join partnership_roles r on r.user_id = u.id where r.partnership_id = ${p.id} and r.role = 'secretariat' limit 1`;
  const [terms] = await db`
    select (select effective_from::text from terms_of_reference where partnership_id = ${p.id} and version_number = 1) as t1,
           (select effective_from::text from terms_of_reference where partnership_id = ${p.id} and version_number = 2 and status in ('approved', 'superseded')) as t2`;
  const [head] = await db`
    select coalesce((select max(seq) from audit_events where chain = ${p.id}::text), 0)::bigint as nelcp_seq,
           coalesce((select hash from audit_events where chain = ${p.id}::text order by seq desc limit 1), ${"0".repeat(64)}) as nelcp_hash,
           coalesce((select max(seq) from audit_events where chain = 'platform'), 0)::bigint as platform_seq,
           coalesce((select hash from audit_events where chain = 'platform' order by seq desc limit 1), ${"0".repeat(64)}) as platform_hash,
           (select count(*) from audit_events)::bigint as total`;
  const [demo] = await db`
    select (select count(*) from users)::int as users, (select count(*) from partnership_partners)::int as memberships, (select count(*) from partnerships)::int as partnerships`;
  const [hash] = await db`select password_hash from users where email = 'chair@nelcp.example'`;
  const firstSeats = partners.map((x) => x.first_seat as string | null).filter(Boolean).sort() as string[];
  return {
    today,
    nelcp: {
      id: p.id,
      prefix: p.prefix,
      startDate: p.start_date,
      orgs: partners.map((x) => x.id),
      types: partners.map((x) => x.type),
      // NELCP's past board: each partner's seats run until the day before the demo's first seat for it.
      untilByOrg: partners.map((x) => (x.first_seat ? addDaysIso(x.first_seat, -1) : addDaysIso(today, -1))),
      // From the demo board's usual start, the demo's own people act in NELCP's records; before it, NELCP's past people.
      recentFrom: firstSeats[Math.floor(firstSeats.length / 2)] ?? today,
      people: people.map((x) => x.id),
      secretariat: sec?.id ?? people[0].id,
      terms1From: terms.t1,
      terms2From: terms.t2,
    },
    head: { nelcpSeq: Number(head.nelcp_seq), nelcpHash: head.nelcp_hash, platformSeq: Number(head.platform_seq), platformHash: head.platform_hash, total: Number(head.total) },
    demo: { users: demo.users, memberships: demo.memberships, partnerships: demo.partnerships },
    passwordHash: hash?.password_hash ?? null,
  };
}

// --------------------------------------------------------------------- plan

const partnershipKinds = [
  { name: "Children's Commissioning Partnership", short: "CCP", type: "commissioning_partnership" },
  { name: "Children's Innovation Partnership", short: "CIP", type: "innovation_partnership" },
  { name: "Family Support Partnership", short: "FSP", type: "strategic_partnership" },
  { name: "Residential Care Partnership", short: "RCP", type: "commissioning_partnership" },
  { name: "Fostering Partnership", short: "FP", type: "commissioning_partnership" },
  { name: "Care Leavers Partnership", short: "CLP", type: "strategic_partnership" },
];

function obligationsFor(
  templates: ObligationTemplate[],
  p: { pno: number; orgs: string[]; types: OrgType[]; reps: string[] },
): { t: ObligationTemplate; owing: string[]; reps: string[] }[] {
  const out: { t: ObligationTemplate; owing: string[]; reps: string[] }[] = [];
  for (const t of templates) {
    const idx =
      "type" in t.owedBy
        ? p.types.flatMap((ty, i) => (ty === (t.owedBy as { type: OrgType }).type ? [i] : []))
        : "lead" in t.owedBy
          ? [0]
          : p.types.findIndex((ty) => ty === (t.owedBy as { firstOf: OrgType }).firstOf) >= 0
            ? [p.types.findIndex((ty) => ty === (t.owedBy as { firstOf: OrgType }).firstOf)]
            : [];
    if (!idx.length) continue;
    out.push({ t, owing: idx.map((i) => p.orgs[i]), reps: p.reps.length ? idx.map((i) => p.reps[i]) : [] });
  }
  return out;
}

const perYear = { monthly: 12, quarterly: 4, half_yearly: 2, annual: 1 } as const;

export function makePlan(ctx: Context, T: Targets) {
  const random = rng(20_261_122);
  const today = ctx.today;
  const generated = Math.max(1, T.partnerships - ctx.demo.partnerships);
  const O = Math.max(40, T.organisations);
  // A stride coprime with O walks the organisations without repeating one within a partnership.
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  let stride = 7919 % O;
  while (stride < 2 || gcd(stride, O) !== 1) stride = (stride + 1) % O;

  const nelcpWindow = 20 * 365 + 5;
  const parts = Array.from({ length: generated }, (_, i) => {
    const w = 0.3 + random() * 1.4;
    const ageDays = Math.round(365 + random() * 19 * 365);
    let base = Math.floor(random() * O);
    for (let s = 0; s < 20 && orgType((base % O) + 1) !== "local_authority"; s++) base += 1;
    return { pno: i + 1, w, ageDays, base, kind: partnershipKinds[i % partnershipKinds.length], place: places[(i * 37) % places.length], r: random() };
  });
  const memberships = distribute(
    Math.max(0, T.memberships - ctx.demo.memberships),
    parts.map((p) => p.w),
    parts.map(() => 3),
    parts.map(() => Math.min(30, O)),
  );
  const shaped = parts.map((p, i) => {
    const k = memberships[i];
    const orgNos = Array.from({ length: k }, (_, j) => ((p.base + j * stride) % O) + 1);
    const types = orgNos.map(orgType);
    const slotRoles = [...orgNos.map((_, j) => (j === 0 ? "chair" : j === 1 ? "vice_chair" : "member")), "young_peoples_rep", types[0] === "local_authority" ? "scrutiny_rep" : "adviser", "adviser"].slice(0, MAX_SLOTS);
    const slotOrgs = [...orgNos.map((_, j) => j + 1), 1, 1, k].slice(0, MAX_SLOTS);
    const need = k + 1 + 2 * slotRoles.length + 2;
    return { ...p, k, orgNos, types, slotRoles, slotOrgs, need, q: p.w * (p.ageDays / 365) };
  });
  const nelcpUsers = Math.max(T.nelcpUsers, ctx.nelcp.orgs.length + 1 + 2 * ctx.nelcp.orgs.length + 2);
  const users = distribute(
    Math.max(0, T.users - ctx.demo.users - nelcpUsers),
    shaped.map((p) => p.need * (1 + p.ageDays / 365 / 6)),
    shaped.map((p) => p.need),
  );
  const q = shaped.map((p) => p.q);
  const ones = shaped.map(() => 1);
  const meetings = distribute(Math.max(0, T.meetings - T.nelcpMeetings), q, ones);
  const decisions = distribute(Math.max(0, T.decisions - T.nelcpDecisions), q, ones);
  const actions = distribute(Math.max(0, T.actions - T.nelcpActions), q, ones);

  // Each generated partnership's people: the secretariat first, then a representative per partner, then board members.
  let uLo = 1 + nelcpUsers;
  const userLo = users.map((n) => {
    const lo = uLo;
    uLo += n;
    return lo;
  });
  const totalUsers = uLo - 1;

  // Obligations: the templates that apply, started far enough back that their returns meet the partnership's share.
  const obligationSets = shaped.map((p, i) =>
    obligationsFor(
      partnershipObligationTemplates.filter((t) => t.cadence !== "monthly" || p.w > 1.1),
      { pno: p.pno, orgs: p.orgNos.map((n) => uid(K.organisation, n)), types: p.types, reps: p.orgNos.map((_, j) => uid(K.user, userLo[i] + 1 + j)) },
    ),
  );
  const ratePerYear = obligationSets.map((set) => set.reduce((a, o) => a + perYear[o.t.cadence] * o.owing.length, 0) * RETURN_RATE);
  const capacity = shaped.map((p, i) => Math.floor(ratePerYear[i] * (p.ageDays / 365)));
  const returns = distribute(Math.max(0, T.returns - T.nelcpReturns), q, [], capacity);

  const nelcpSets = obligationsFor(nelcpObligationTemplates, { pno: 0, orgs: ctx.nelcp.orgs, types: ctx.nelcp.types, reps: [] });
  const nelcpRate = nelcpSets.reduce((a, o) => a + perYear[o.t.cadence] * o.owing.length, 0) * RETURN_RATE;

  // Audit events: NELCP's chain grows to its target; the platform's gains one event per person and organisation; the rest is shared.
  const nelcpAudit = Math.max(0, T.nelcpAuditEvents - ctx.head.nelcpSeq);
  const platformAudit = O + totalUsers;
  const audit = distribute(Math.max(0, T.auditEvents - ctx.head.total - nelcpAudit - platformAudit), q, ones);

  const go: GoRow[] = [];
  let ono = 1;
  const addObligations = (pno: number, start: string, sets: typeof nelcpSets, quota: number, rate: number) => {
    if (!sets.length || quota <= 0) return;
    const years = Math.min(daysBetween(start, today) / 365, quota / rate);
    const startsOn = periodStart("monthly", addDaysIso(today, -Math.round(years * 365)));
    const from = startsOn < start ? periodStart("monthly", start) : startsOn;
    for (const { t, owing, reps } of sets) {
      const firstStart = periodStart(t.cadence, from);
      go.push({
        ono,
        pno,
        type: t.type,
        title: t.title,
        instructions: t.instructions,
        owed_org: "type" in t.owedBy ? null : owing[0],
        owed_type: "type" in t.owedBy ? t.owedBy.type : null,
        cadence: t.cadence,
        months: { monthly: 1, quarterly: 3, half_yearly: 6, annual: 12 }[t.cadence],
        due_days: t.dueDays,
        starts_on: from,
        first_start: firstStart,
        nperiods: endedPeriods(t.cadence, from, today),
        owing,
        reps,
      });
      ono += 1;
    }
  };

  const nelcpWinStart = addDaysIso(today, -nelcpWindow);
  const nelcpSlots = ctx.nelcp.orgs.length;
  const gp: GpRow[] = [
    {
      pno: 0,
      id: ctx.nelcp.id,
      nelcp: true,
      prefix: ctx.nelcp.prefix,
      win_start: nelcpWinStart,
      days: nelcpWindow,
      k: ctx.nelcp.orgs.length,
      orgs: ctx.nelcp.orgs,
      org_types: ctx.nelcp.types,
      slots: nelcpSlots,
      slot_roles: ctx.nelcp.orgs.map((_, j) => (j === 0 ? "chair" : j === 1 ? "vice_chair" : "member")),
      slot_orgs: ctx.nelcp.orgs.map((_, j) => j + 1),
      slot_until: ctx.nelcp.untilByOrg,
      u_lo: 1,
      u_n: nelcpUsers,
      seat_lo: 0,
      m_lo: 0,
      m_n: T.nelcpMeetings,
      d_lo: 0,
      d_n: T.nelcpDecisions,
      p_n: Math.max(1, Math.round(T.nelcpDecisions / 5000)),
      a_lo: 0,
      a_n: T.nelcpActions,
      e_lo: 0,
      e_n: nelcpAudit,
      head_seq: ctx.head.nelcpSeq,
      head_hash: ctx.head.nelcpHash,
      recent_from: ctx.nelcp.recentFrom,
      recent_users: ctx.nelcp.people,
      recent_secretariat: ctx.nelcp.secretariat,
      terms1_from: ctx.nelcp.terms1From,
      terms2_from: ctx.nelcp.terms2From,
    },
  ];
  addObligations(0, nelcpWinStart, nelcpSets, T.nelcpReturns, nelcpRate);

  let mLo = T.nelcpMeetings;
  let dLo = T.nelcpDecisions + 1000;
  let aLo = T.nelcpActions;
  let eLo = nelcpAudit + 1;
  shaped.forEach((p, i) => {
    const start = addDaysIso(today, -p.ageDays);
    const short = `${p.place[0]}${p.kind.short}`;
    const terms2 = p.ageDays > 8 * 365 ? addDaysIso(start, Math.round(p.ageDays / 2)) : null;
    gp.push({
      pno: p.pno,
      id: uid(K.partnership, p.pno),
      nelcp: false,
      name: `${p.place} ${p.kind.name}`,
      short,
      slug: `${p.place.toLowerCase()}-${p.kind.short.toLowerCase()}-${p.pno}`,
      prefix: `${short}${p.pno}`,
      ptype: p.kind.type,
      pstatus: p.r < 0.04 ? "closing" : p.r < 0.06 ? "forming" : "active",
      region: regions[p.pno % regions.length],
      place: p.place,
      start_date: start,
      win_start: start,
      days: p.ageDays,
      term_years: 5 + (p.pno % 6),
      k: p.k,
      orgs: p.orgNos.map((n) => uid(K.organisation, n)),
      org_types: p.types,
      slots: p.slotRoles.length,
      slot_roles: p.slotRoles,
      slot_orgs: p.slotOrgs,
      slot_until: null,
      u_lo: userLo[i],
      u_n: users[i],
      seat_lo: p.pno * SEATS_PER_PARTNERSHIP,
      m_lo: mLo,
      m_n: meetings[i],
      d_lo: dLo,
      d_n: decisions[i],
      p_n: p.pno % 3 === 0 ? 1 : 0,
      a_lo: aLo,
      a_n: actions[i],
      e_lo: eLo,
      e_n: audit[i],
      head_seq: 0,
      head_hash: "0".repeat(64),
      recent_from: null,
      recent_users: null,
      recent_secretariat: null,
      terms1_from: start,
      terms2_from: terms2,
    });
    mLo += meetings[i];
    dLo += decisions[i] + 10;
    aLo += actions[i];
    eLo += audit[i];
    addObligations(p.pno, start, obligationSets[i], returns[i], ratePerYear[i]);
  });
  return { gp, go, organisations: O, users: totalUsers, platform: { lo: eLo, n: platformAudit, seq: ctx.head.platformSeq, hash: ctx.head.platformHash } };
}

// ---------------------------------------------------------------- SQL parts

const jobTitleCase = (seniority: string, h: string) =>
  `(case ${seniority} ${Object.entries(jobTitles)
    .map(([tier, titles]) => `when '${tier}' then ${A(titles)}[${h} % ${titles.length} + 1]`)
    .join(" ")} end)`;

/** The person who acted on a date in partnership row g: NELCP's demo people since its demo board began, its past people before. */
const person = (g: string, date: string, h: string) =>
  `(case when ${g}.recent_from is not null and ${date} >= ${g}.recent_from then ${g}.recent_users[1 + (${h}) % cardinality(${g}.recent_users)] else ${g}.users[1 + (${h}) % cardinality(${g}.users)] end)`;
const secretariat = (g: string, date: string) => `(case when ${g}.recent_from is not null and ${date} >= ${g}.recent_from then ${g}.recent_secretariat else ${g}.users[1] end)`;

function functionsSql(today: string) {
  return `
    create schema if not exists bench;
    create or replace function bench.h(n bigint, salt int) returns bigint language sql immutable parallel safe
      as $$ select hashint8($1 * 8191 + $2)::bigint + 2147483648 $$;
    create or replace function bench.uid(k int, n bigint) returns uuid language sql immutable parallel safe
      as $$ select (lpad(to_hex(${1_100_000_000_000}::bigint + $2), 12, '0') || '7' || lpad(to_hex($1), 3, '0') || '8' || lpad(to_hex($2), 15, '0'))::uuid $$;
    create or replace function bench.num(id uuid) returns bigint language sql immutable parallel safe
      as $$ select ('x' || lpad(right(replace($1::text, '-', ''), 15), 16, '0'))::bit(64)::bigint $$;
    -- Synthetic chain hashes: the generated part of each chain does not verify (npm run audit:verify fails on it); nothing in the bench verifies it.
    create or replace function bench.ahash(chain text, seq bigint) returns text language sql immutable parallel safe
      as $$ select md5($1 || ':' || $2) || md5($2 || ':' || $1) $$;
    -- The date of meeting t of a partnership's m_n, spread from its window's start to 90 days ahead, moved off weekends.
    create or replace function bench.mdate(start date, days int, mn int, t int) returns date language sql immutable parallel safe
      as $$ select d + case extract(isodow from d) when 6 then 2 when 7 then 1 else 0 end
              from (select $1 + floor(($4 + 0.5) * ($2 + 90) / $3)::int as d) x $$;
    create or replace function bench.dtitle(n bigint) returns text language sql immutable parallel safe
      as $$ select ${A(verbs)}[bench.h($1, 11) % ${verbs.length} + 1] || ' the ' || ${A(adjectives)}[bench.h($1, 12) % ${adjectives.length} + 1] || ' '
                   || ${A(subjects)}[bench.h($1, 13) % ${subjects.length} + 1] || ' for ' || ${A(topics)}[bench.h($1, 14) % ${topics.length} + 1] $$;
    create or replace function bench.dtext(n bigint) returns text language sql immutable parallel safe
      as $$ select 'The board agreed to ' || lower(${A(verbs)}[bench.h($1, 11) % ${verbs.length} + 1]) || ' the ' || ${A(adjectives)}[bench.h($1, 12) % ${adjectives.length} + 1] || ' '
                   || ${A(subjects)}[bench.h($1, 13) % ${subjects.length} + 1] || ' covering ' || ${A(topics)}[bench.h($1, 14) % ${topics.length} + 1] || ', '
                   || ${A(clauses)}[bench.h($1, 15) % ${clauses.length} + 1] || '. ' || ${A(sentences)}[bench.h($1, 16) % ${sentences.length} + 1] || ' '
                   || ${A(sentences)}[bench.h($1, 17) % ${sentences.length} + 1] || ' ' || ${A(nameStarts)}[bench.h($1, 18) % ${nameStarts.length} + 1]
                   || ${A(nameEnds)}[bench.h($1, 19) % ${nameEnds.length} + 1] || ' ' || ${A(nameKinds)}[bench.h($1, 20) % ${nameKinds.length} + 1] || ' was consulted.'
                   || case when bench.h($1, 21) % 10 < 4 then ' Estimated cost: £' || to_char((bench.h($1, 22) % 400 + 1) * 2500, 'FM999,999,999') || '.' else '' end $$;
    create or replace function bench.atitle(n bigint) returns text language sql immutable parallel safe
      as $$ select ${A(["Circulate", "Draft", "Report back on", "Confirm", "Arrange a workshop on", "Update the board on", "Consult partners on", "Cost the options for"])}[bench.h($1, 31) % 8 + 1]
                   || ' the ' || ${A(adjectives)}[bench.h($1, 32) % ${adjectives.length} + 1] || ' ' || ${A(subjects)}[bench.h($1, 33) % ${subjects.length} + 1]
                   || ' (' || ${A(topics)}[bench.h($1, 34) % ${topics.length} + 1] || ')' $$;
    create table if not exists bench.today as select '${today}'::date as d;
  `;
}

const planTablesSql = [
  "drop table if exists bench.gp, bench.go",
  `create table bench.gp as select * from jsonb_to_recordset($1::jsonb) as x(
    pno int, id uuid, nelcp boolean, name text, short text, slug text, prefix text, ptype text, pstatus text, region text, place text,
    start_date date, win_start date, days int, term_years int, k int, orgs uuid[], org_types text[],
    slots int, slot_roles text[], slot_orgs int[], slot_until date[],
    u_lo int, u_n int, seat_lo int, m_lo int, m_n int, d_lo int, d_n int, p_n int, a_lo int, a_n int, e_lo bigint, e_n int,
    head_seq bigint, head_hash text, recent_from date, recent_users uuid[], recent_secretariat uuid, terms1_from date, terms2_from date)`,
  "alter table bench.gp add column users uuid[], add column org_domains text[]",
  `create table bench.go as select * from jsonb_to_recordset($1::jsonb) as x(
    ono int, pno int, type text, title text, instructions text, owed_org uuid, owed_type text, cadence text, months int, due_days int,
    starts_on date, first_start date, nperiods int, owing uuid[], reps uuid[])`,
  "analyze bench.gp",
  "analyze bench.go",
];

function organisationsSql(O: number) {
  const nameBase = `(case ${orgTypeSql("g")}
      when 'local_authority' then ${A(["{p} County Council", "{p} City Council", "{p} Metropolitan Borough Council", "{p} Council", "London Borough of {p}"])}[bench.h(g, 2) % 5 + 1]
      when 'voluntary_sector' then ${A(["{p} Children's Trust", "{p} Family Support", "{p} Young People's Project", "{p} Foster Care Network", "{p} Youth Charity"])}[bench.h(g, 2) % 5 + 1]
      when 'private_provider' then ${A(["{p} Care Ltd", "{p} Children's Homes Ltd", "{p} Residential Services", "{p} Fostering Agency Ltd"])}[bench.h(g, 2) % 4 + 1]
      when 'nhs' then ${A(["NHS {p} Integrated Care Board", "{p} Community Health NHS Trust"])}[bench.h(g, 2) % 2 + 1]
      when 'police' then '{p} Police'
      when 'school' then '{p} Academy Trust'
      when 'university' then 'University of {p}'
      else '{p} Community Foundation' end)`;
  return `
    insert into organisations (id, name, type, created_at)
    select bench.uid(${K.organisation}, g), case when rn > 1 then base || ' ' || rn else base end, ty,
           timestamptz '2005-01-01 09:00+00' + (g * interval '47 minutes')
      from (select g, ty, base, row_number() over (partition by base order by g) as rn
              from (select g, ${orgTypeSql("g")} as ty,
                           replace(${nameBase}, '{p}', ${A(places)}[(g / 20 + g * 7) % ${places.length} + 1]) as base
                      from generate_series(1, ${O}) g) a) b;
    update bench.gp gp set org_domains = array(
      select lower(regexp_replace(o.name, '[^A-Za-z]', '', 'g')) || '.example'
        from unnest(gp.orgs) with ordinality u(id, i) join organisations o on o.id = u.id order by u.i);
  `;
}

const partnershipsSql = `
  insert into partnerships (id, slug, name, short_name, purpose, type, status, start_date, term_years, lead_organisation_id,
                            lead_agreement, reports_to, shared_vision, reference_prefix, version, created_at)
  select id, slug, name, short,
         'The partners commission and deliver ' || lower(replace(replace(name, place || ' ', ''), ' Partnership', '')) || ' services together across ' || place
           || ' and the ' || region || ', pooling budgets and sharing the risk of placements that no partner could secure alone. '
           || 'The partnership exists to improve outcomes for children in care and care leavers, to stabilise the local provider market and to hear children''s voices in every decision.',
         ptype, pstatus, start_date, term_years, orgs[1],
         'A collaboration agreement signed by every partner, under which the lead body acts on behalf of all of them for procurement and contract management.',
         case when org_types[1] = 'local_authority' then 'Children and Families Overview and Scrutiny Committee' end,
         'Every child in ' || place || ' who cannot live at home has a stable, loving place to live close to their family, school and friends.',
         prefix, 1, (start_date - 30 + time '09:00') at time zone 'Europe/London'
    from bench.gp where not nelcp;
  insert into partnership_partners (id, partnership_id, organisation_id, role, joined_on, version)
  select bench.uid(${K.membership}, gp.pno * 100 + u.j), gp.id, u.org,
         case when u.j = 1 and u.ty = 'local_authority' then 'lead_authority'
              when u.ty = 'local_authority' then 'member_authority'
              when u.ty = 'university' then 'evaluation_partner'
              when u.ty = 'voluntary_sector' and bench.h(gp.pno * 100 + u.j, 3) % 3 = 0 then 'co_production_partner'
              else 'delivery_partner' end,
         gp.start_date, 1
    from bench.gp gp cross join lateral unnest(gp.orgs, gp.org_types) with ordinality u(org, ty, j)
   where not gp.nelcp;
  insert into partnership_key_dates (id, partnership_id, kind, on_date, description, created_at)
  select bench.uid(${K.keyDate}, gp.pno * 4 + x.i), gp.id, x.kind, x.d, x.description, (gp.start_date + time '12:00') at time zone 'Europe/London'
    from bench.gp gp cross join lateral (values
      (0, 'review', gp.start_date + (gp.term_years * 365 / 2), 'Mid-term review of the collaboration agreement by every partner''s governing body.'),
      (1, 'break_clause', gp.start_date + 3 * 365, 'Any partner may give twelve months'' notice to leave after the third anniversary.'),
      (2, 'extension', gp.start_date + gp.term_years * 365, 'The agreement may be extended by up to two further years by unanimous decision of the board.')) x(i, kind, d, description)
   where not gp.nelcp;
`;

function usersSql(passwordHash: string | null, nelcpUsers: number) {
  return `
    insert into users (id, email, name, job_title, kind, password_hash, is_platform_admin, email_digest, created_at)
    select bench.uid(${K.user}, n),
           lower(fn || '.' || ln) || '.' || n || '@' || gp.org_domains[1 + (n - gp.u_lo) % gp.k],
           fn || ' ' || ln,
           case when n = gp.u_lo then 'Partnership Programme Lead'
                when n - gp.u_lo <= gp.k then ${A(["Commissioning Manager", "Performance Lead", "Contracts Officer", "Head of Placements", "Business Partner, Children's Services"])}[bench.h(n, 4) % 5 + 1]
                else ${A(Object.values(jobTitles).flat())}[bench.h(n, 5) % ${Object.values(jobTitles).flat().length} + 1] end,
           'adult', ${passwordHash ? `'${passwordHash}'` : "null"}, false, bench.h(n, 6) % 5 = 0,
           (gp.win_start + ((n - gp.u_lo) * 37) % greatest(gp.days, 1) + time '09:00') at time zone 'Europe/London'
      from bench.gp gp cross join lateral generate_series(gp.u_lo, gp.u_lo + gp.u_n - 1) n
      cross join lateral (select ${A(firstNames)}[bench.h(n, 1) % ${firstNames.length} + 1] as fn, ${A(lastNames)}[bench.h(n, 2) % ${lastNames.length} + 1] as ln) x;
    update bench.gp set users = array(select bench.uid(${K.user}, n) from generate_series(u_lo, u_lo + u_n - 1) n order by n);
    analyze bench.gp;
    -- (${nelcpUsers} of them NELCP's past people.)
  `;
}

const seatsSql = `
  with s as (
    select gp.pno, gp.id as pid, gp.k, gp.users, gp.u_n, gp.slots, gp.seat_lo, sl, g, dep,
           gp.slot_roles[sl + 1] as slot_role, gp.orgs[gp.slot_orgs[sl + 1]] as org, gp.org_types[gp.slot_orgs[sl + 1]] as org_type,
           gp.slot_until[sl + 1] as until,
           gp.win_start + (sl % 4) * 91 + g * 1461 + dep * 60 as ts,
           gp.seat_lo + (sl * ${SLOT_GENERATIONS} + g) * 2 + dep as no,
           bench.h(gp.seat_lo + (sl * ${SLOT_GENERATIONS} + g) * 2 + dep, 1) as h
      from bench.gp gp
      cross join lateral generate_series(0, gp.slots - 1) sl
      cross join lateral generate_series(0, ${SLOT_GENERATIONS - 3}) g
      cross join lateral generate_series(0, 1) dep
     where dep = 0 or (gp.slot_roles[sl + 1] = 'member' and sl % 3 = 2)
  ), t as (
    select s.*,
           case when dep = 1 then 'deputy' else slot_role end as role,
           -- the generation running today (or, in NELCP, the last before the demo's own seat for the partner)
           (ts - dep * 60 + 1461 > coalesce(until, (select d from bench.today))) as last_gen,
           least(ts - dep * 60 + 1460, coalesce(until, ts - dep * 60 + 1460)) as natural_end
      from s
     where ts <= least((select d from bench.today) - 1, coalesce(until, (select d from bench.today)))
  ), u as (
    select t.*,
           case when dep = 1 then least(natural_end, ts + 730)
                when last_gen and until is null and h % 100 < 8 and ts + 400 < (select d from bench.today) then (select d from bench.today) - 1 - (h % 200)::int
                else natural_end end as te,
           case role when 'chair' then 'director' when 'vice_chair' then 'director'
                when 'member' then case when org_type = 'local_authority' then (array['assistant_director','assistant_director','head_of_service','director'])[h % 4 + 1]
                                        else (array['director','head_of_service','service_manager'])[h % 3 + 1] end
                when 'deputy' then (array['head_of_service','service_manager'])[h % 2 + 1]
                when 'young_peoples_rep' then 'officer' when 'scrutiny_rep' then 'elected_member' else 'head_of_service' end as seniority
      from t
  )
  insert into board_seats (id, partnership_id, user_id, organisation_id, board_role, job_title, seniority, has_vote, term_start, term_end,
                           deputy_for_seat_id, delegated_authority_gbp, succeeds_seat_id, end_reason, handover_note, version)
  select bench.uid(${K.seat}, no), pid,
         users[k + 2 + ((sl * 2 + dep) + g * 2 * slots) % greatest(u_n - k - 1, 1)],
         org, role, ${jobTitleCase("seniority", "h")}, seniority,
         role in ('chair', 'vice_chair', 'member', 'young_peoples_rep') or (role = 'deputy' and h % 2 = 0),
         ts, te,
         case when dep = 1 then bench.uid(${K.seat}, no - 1) end,
         case role when 'chair' then 500000 when 'vice_chair' then 250000 when 'member' then case when h % 2 = 0 then 100000 end end,
         case when g > 0 then bench.uid(${K.seat}, no - 2) end,
         case when te < (select d from bench.today) then
           case when last_gen then 'Term ended; the partner has not yet named a successor.' else 'Term ended; succeeded by a new appointment from the same partner.' end end,
         case when te < (select d from bench.today) and h % 2 = 0 then
           'Handover: the open actions on placement sufficiency and the provider quality reviews are with my successor; the finance subgroup papers are on the shared drive, and the young advisers'' group meets on the first Tuesday of each month.' end,
         1
    from u;
`;

const rolesSql = `
  insert into partnership_roles (id, partnership_id, user_id, role, organisation_id, created_at)
  select bench.uid(${K.role}, pno * 1000 + row_number() over (partition by pno order by user_id, role)), pid, user_id, role, org,
         (start_date + time '09:00') at time zone 'Europe/London'
    from (
      select distinct on (gp.pno, r.user_id, r.role) gp.pno, gp.id as pid, gp.start_date, r.user_id, r.role, r.org
        from bench.gp gp
        cross join lateral (
          select gp.users[1] as user_id, 'secretariat' as role, gp.orgs[1] as org
          union all
          select gp.users[1 + j], 'partner_rep', gp.orgs[j] from generate_series(1, gp.k) j
          union all
          select s.user_id,
                 case s.board_role when 'chair' then 'chair' when 'vice_chair' then 'vice_chair' when 'scrutiny_rep' then 'scrutiny_member'
                                   when 'adviser' then 'observer' else 'board_member' end,
                 s.organisation_id
            from board_seats s
           where s.partnership_id = gp.id and s.term_start <= (select d from bench.today)
             and (s.term_end is null or s.term_end >= (select d from bench.today))
        ) r
       where not gp.nelcp
       order by gp.pno, r.user_id, r.role
    ) x;
  insert into terms_of_reference (id, partnership_id, version_number, status, sections, rules, change_summary, review_date, effective_from,
                                  approved_at, approved_by, approval_note, superseded_at, created_by, created_at, version)
  select bench.uid(${K.terms}, gp.pno * 2 + v.n - 1), gp.id, v.n,
         case when v.n = 1 and gp.terms2_from is not null then 'superseded' else 'approved' end,
         t.sections,
         jsonb_set(jsonb_set(t.rules, '{quorum,minVotingMembers}', to_jsonb(greatest(2, gp.k / 2 + 1))), '{quorum,minPartners}', to_jsonb(greatest(1, gp.k / 2))),
         case when v.n = 2 then 'Updated membership, quorum and decision-making after the mid-term review; added young people''s representation.' end,
         v.eff + 3 * 365, v.eff,
         (v.eff + time '12:00') at time zone 'Europe/London', gp.users[gp.k + 2],
         'Approved by the board at its first meeting after the draft was circulated to every partner.',
         case when v.n = 1 and gp.terms2_from is not null then (gp.terms2_from + time '12:00') at time zone 'Europe/London' end,
         gp.users[1], (v.eff - 30 + time '12:00') at time zone 'Europe/London', 1
    from bench.gp gp
    cross join lateral (select sections, rules from terms_of_reference x
                         where x.partnership_id = (select id from bench.gp where nelcp) and x.status <> 'draft' order by x.version_number desc limit 1) t
    cross join lateral (values (1, gp.terms1_from), (2, gp.terms2_from)) v(n, eff)
   where not gp.nelcp and v.eff is not null;
  insert into declarations_of_interest (id, partnership_id, user_id, interest_type, description, related_organisation, declared_on, ended_on, version, created_by, created_at)
  select bench.uid(${K.declaration}, bench.num(s.id)), s.partnership_id, s.user_id,
         (array['financial','non_financial_professional','non_financial_personal','family'])[bench.h(bench.num(s.id), 9) % 4 + 1],
         'Trustee of a local charity that bids for the partnership''s contracts; takes no part in decisions about its bids.',
         'A provider on the partnership''s framework', s.term_start + 30, s.term_end, 1, s.user_id,
         (s.term_start + 30 + time '12:00') at time zone 'Europe/London'
    from board_seats s join bench.gp gp on gp.id = s.partnership_id
   where bench.num(s.id) % 4 = 0 and s.term_start + 30 <= (select d from bench.today) and bench.uid(${K.seat}, bench.num(s.id)) = s.id;
`;

const meetingTypes = ["board", "board", "board", "steering_group", "steering_group", "working_group", "working_group", "working_group", "contract_review", "quarterly_review"];

const meetingsSql = (from: number, to: number) => `
  insert into meetings (id, partnership_id, type, title, starts_at, ends_at, location, online_link, cancelled_at, cancel_reason, sequence, version, created_by, created_at)
  select bench.uid(${K.meeting}, a.n), gp.id, b.ty,
         case b.ty when 'board' then coalesce(gp.short, 'NELCP') || ' Board'
                   when 'steering_group' then coalesce(gp.short, 'NELCP') || ' steering group'
                   when 'working_group' then 'Working group: ' || ${A(subjects)}[bench.h(a.n, 8) % ${subjects.length} + 1]
                   when 'contract_review' then 'Contract review: ' || ${A(nameStarts)}[bench.h(a.n, 9) % ${nameStarts.length} + 1] || ${A(nameEnds)}[bench.h(a.n, 10) % ${nameEnds.length} + 1] || ' ' || ${A(nameKinds)}[bench.h(a.n, 11) % ${nameKinds.length} + 1]
                   else 'Quarterly review, ' || to_char(a.d, 'FMMonth YYYY') end,
         b.st, b.st + interval '2 hours',
         'Committee Room ' || (bench.h(a.n, 12) % 6 + 1) || ', ' || coalesce(gp.place, 'Havering') || ' Town Hall',
         case when bench.h(a.n, 13) % 10 < 6 then 'https://meet.example/' || lower(coalesce(gp.short, 'nelcp')) || '-' || a.n end,
         case when b.cancelled then b.st - interval '2 days' end,
         case when b.cancelled then 'Cancelled: too many apologies to be quorate; the items are carried to the next meeting.' end,
         0, 1, ${secretariat("gp", "a.d")}, b.st - interval '28 days'
    from bench.gp gp
    cross join lateral generate_series(0, gp.m_n - 1) t
    cross join lateral (select gp.m_lo + t as n, bench.mdate(gp.win_start, gp.days, gp.m_n, t) as d) a
    cross join lateral (select (a.d + case when bench.h(a.n, 6) % 2 = 0 then time '10:00' else time '14:00' end) at time zone 'Europe/London' as st,
                               ${A(meetingTypes)}[bench.h(a.n, 6) % ${meetingTypes.length} + 1] as ty,
                               a.d < (select d from bench.today) and bench.h(a.n, 7) % 50 = 0 as cancelled) b
   where gp.pno between ${from} and ${to};
`;

const agendaSql = (from: number, to: number) => `
  insert into agenda_items (id, meeting_id, position, title, presenter, purpose, description, notes, version)
  select bench.uid(${K.agendaItem}, a.n * 8 + p), bench.uid(${K.meeting}, a.n), p,
         case when p = 1 then 'Welcome, apologies and declarations of interest'
              when p = 2 then 'Minutes of the last meeting and matters arising'
              when p = a.items then 'Any other business'
              else initcap(${A(subjects)}[bench.h(a.n * 8 + p, 8) % ${subjects.length} + 1]) || ': ' || ${A(topics)}[bench.h(a.n * 8 + p, 9) % ${topics.length} + 1] end,
         case when p in (1, 2) or p = a.items then 'Chair'
              else ${A(["Programme lead", "Head of Commissioning", "Finance lead", "Evaluation partner", "Participation officer", "Lead provider"])}[bench.h(a.n * 8 + p, 10) % 6 + 1] end,
         case when p = 1 then 'information' when p = 2 then 'decision' when p = a.items then 'discussion'
              when p % 2 = 1 then 'decision' when bench.h(a.n * 8 + p, 11) % 2 = 0 then 'discussion' else 'information' end,
         case when p > 2 and p < a.items then 'Paper ' || p || ' sets out the ' || ${A(adjectives)}[bench.h(a.n * 8 + p, 12) % ${adjectives.length} + 1] || ' proposal '
              || ${A(clauses)}[bench.h(a.n * 8 + p, 13) % ${clauses.length} + 1] || '. ' || ${A(sentences)}[bench.h(a.n * 8 + p, 14) % ${sentences.length} + 1] end,
         case when a.held and p > 2 and p < a.items then ${A(meetingNotes)}[bench.h(a.n * 8 + p, 15) % ${meetingNotes.length} + 1] || ' '
              || ${A(meetingNotes)}[bench.h(a.n * 8 + p, 16) % ${meetingNotes.length} + 1] end,
         1
    from bench.gp gp
    cross join lateral generate_series(0, gp.m_n - 1) t
    cross join lateral (select gp.m_lo + t as n, 4 + bench.h(gp.m_lo + t, 5) % 5 as items,
                               bench.mdate(gp.win_start, gp.days, gp.m_n, t) < (select d from bench.today) and bench.h(gp.m_lo + t, 7) % 50 <> 0 as held) a
    cross join lateral generate_series(1, a.items) p
   where gp.pno between ${from} and ${to};
`;

const attendanceSql = (from: number, to: number) => `
  insert into attendance (meeting_id, seat_id, status, deputy_seat_id, updated_at)
  select m.id, s.id,
         case when bench.h(bench.num(m.id) * 64 + bench.num(s.id) % 64, 1) % 100 < 82 then 'present'
              when bench.h(bench.num(m.id) * 64 + bench.num(s.id) % 64, 1) % 100 < 94 then 'apologies' else 'absent' end,
         null, m.starts_at + interval '3 hours'
    from bench.gp gp
    cross join lateral generate_series(0, gp.m_n - 1) t
    join meetings m on m.id = bench.uid(${K.meeting}, gp.m_lo + t)
    join board_seats s on s.partnership_id = gp.id and s.board_role <> 'deputy'
                      and s.term_start <= (m.starts_at at time zone 'Europe/London')::date
                      and (s.term_end is null or s.term_end >= (m.starts_at at time zone 'Europe/London')::date)
   where gp.pno between ${from} and ${to} and m.cancelled_at is null and m.starts_at < now();
  insert into minutes (meeting_id, status, summary, circulated_at, approved_at, approved_by_decision_id, locked_content, version)
  select m.id,
         case when m.starts_at < now() - interval '60 days' then 'approved' when m.starts_at < now() - interval '10 days' then 'circulated' else 'draft' end,
         ${A(meetingNotes)}[bench.h(bench.num(m.id), 3) % ${meetingNotes.length} + 1] || ' ' || ${A(meetingNotes)}[bench.h(bench.num(m.id), 4) % ${meetingNotes.length} + 1],
         case when m.starts_at < now() - interval '10 days' then m.starts_at + interval '7 days' end,
         case when m.starts_at < now() - interval '60 days' then m.starts_at + interval '35 days' end,
         null, null, 1
    from bench.gp gp
    cross join lateral generate_series(0, gp.m_n - 1) t
    join meetings m on m.id = bench.uid(${K.meeting}, gp.m_lo + t)
   where gp.pno between ${from} and ${to} and m.cancelled_at is null and m.starts_at < now();
`;

const decisionsSql = (from: number, to: number) => `
  with src as (
    select gp.pno, gp.id as pid, gp.prefix, gp.k, gp.orgs, gp.win_start, gp.days, gp.m_lo, gp.m_n, gp.d_lo, gp.d_n,
           gp.terms1_from, gp.terms2_from, gp.users, gp.recent_from, gp.recent_users, gp.recent_secretariat,
           t, gp.d_lo + t as n, t >= gp.d_n as proposal,
           bench.h(gp.d_lo + t, 1) as h1, bench.h(gp.d_lo + t, 2) as h2, bench.h(gp.d_lo + t, 3) as h3,
           case when t >= gp.d_n then (select d from bench.today) - (bench.h(gp.d_lo + t, 4) % 40)::int
                else gp.win_start + floor((t + 0.5) * gp.days / gp.d_n)::int end as nominal
      from bench.gp gp cross join lateral generate_series(0, gp.d_n + gp.p_n - 1) t
     where gp.pno between ${from} and ${to}
  ), placed as (
    select s.*, mt, m.id as meeting_id, m.cancelled_at, (m.starts_at at time zone 'Europe/London')::date as mdate,
           4 + bench.h(s.m_lo + mt, 5) % 5 as items
      from src s
      cross join lateral (select case when s.proposal then least(s.m_n - 1, ceil(s.m_n::numeric * s.days / (s.days + 90))::int)
                                      else greatest(0, least(s.m_n - 1, floor((s.nominal - s.win_start) * s.m_n::numeric / (s.days + 90))::int)) end as mt) x
      left join meetings m on m.id = bench.uid(${K.meeting}, s.m_lo + x.mt)
  ), routed as (
    select p.*,
           case when p.proposal then 'meeting'
                when p.h1 % 100 < 80 and p.meeting_id is not null and p.cancelled_at is null and p.mdate <= (select d from bench.today) and p.mdate >= p.win_start then 'meeting'
                when p.h1 % 100 < 95 then 'written_procedure' else 'chairs_action' end as route
      from placed p
  ), dated as (
    select r.*,
           case when r.proposal then null when r.route = 'meeting' then r.mdate else r.nominal end as decided,
           case when r.route = 'meeting' and not r.proposal then r.mdate else r.nominal end as on_day
      from routed r
  ), numbered as (
    select d.*, extract(year from d.on_day)::int as y,
           row_number() over (partition by d.pno, extract(year from d.on_day) order by d.on_day, d.t) as rn,
           case when d.proposal then 'proposed'
                when d.h2 % 1000 < 780 then 'agreed'
                when d.h2 % 1000 < 820 then 'rejected'
                when d.h2 % 1000 < 880 then 'deferred'
                when d.h2 % 1000 < 900 then case when d.route = 'meeting' then 'inquorate' else 'agreed' end
                when d.h2 % 1000 < 960 then case when d.t + 1 + d.h3 % 20 < d.d_n then 'superseded' else 'agreed' end
                when d.h2 % 1000 < 970 then 'rescinded'
                else 'agreed' end as status,
           case when d.h3 % 100 < 85 then 'consensus' when d.h3 % 100 < 95 then 'simple_majority' when d.h3 % 100 < 98 then 'two_thirds' else 'unanimous' end as method
      from dated d
  ), ins as (
    insert into decisions (id, partnership_id, reference, route, meeting_id, agenda_item_id, title, text, rationale, options_considered, method, status,
                           decided_on, quorum_snapshot, terms_version, delegated_authority, financial_implication_gbp, financial_note, terms_sections,
                           review_date, superseded_by_id, proposed_by, proposed_by_organisation_id, recorded_by, created_at, version)
    select bench.uid(${K.decision}, x.n), x.pid,
           x.prefix || '-' || x.y || '-' || lpad((x.rn + coalesce(dc.last, 0))::text, greatest(3, length((x.rn + coalesce(dc.last, 0))::text)), '0'),
           x.route,
           case when x.route = 'meeting' then x.meeting_id end,
           case when x.route = 'meeting' then bench.uid(${K.agendaItem}, (x.m_lo + x.mt) * 8 + 3 + 2 * (x.h3 % ((x.items - 4) / 2 + 1))) end,
           bench.dtitle(x.n), bench.dtext(x.n),
           case when x.h2 % 10 < 6 then 'Recommended by officers ' || ${A(clauses)}[x.h2 % ${clauses.length} + 1] || '. ' || ${A(sentences)}[x.h3 % ${sentences.length} + 1] end,
           case when x.h3 % 10 < 3 then 'Option 1: continue as now, which leaves the gap in provision. Option 2: a joint approach through the partnership, recommended. Option 3: each partner acts alone, which costs more and was rejected.' end,
           x.method, x.status, x.decided,
           case when x.route = 'meeting' and not x.proposal and x.decided >= x.terms1_from then jsonb_build_object(
             'notes', '[]'::jsonb, 'quorate', x.status <> 'inquorate',
             'computedAt', to_char((x.decided + time '10:30') at time zone 'Europe/London', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'),
             'shortfalls', case when x.status = 'inquorate' then '["Fewer voting members were present than the terms of reference require."]'::jsonb else '[]'::jsonb end,
             'termsVersion', case when x.terms2_from is not null and x.decided >= x.terms2_from then 2 else 1 end,
             'countedSeatIds', '[]'::jsonb, 'recusedSeatIds', '[]'::jsonb, 'deputiesCounted', '{}'::jsonb,
             'partnersRepresented', to_jsonb(x.orgs[1:greatest(1, x.k - (x.h1 % 3)::int)]),
             'countedVotingMembers', greatest(1, x.k - (x.h1 % 3)::int)) end,
           case when x.route = 'meeting' and not x.proposal and x.decided >= x.terms1_from then case when x.terms2_from is not null and x.decided >= x.terms2_from then 2 else 1 end end,
           case when x.h1 % 10 = 0 then 'The chair''s delegated authority under the lead agreement, up to £500,000' end,
           case when x.h2 % 100 < 35 then (x.h3 % 400 + 1) * 2500 end,
           case when x.h2 % 100 < 35 then 'From the pooled budget, shared in proportion to each partner''s placements.' end,
           '[]'::jsonb,
           case when x.h1 % 5 = 0 and not x.proposal then x.decided + 365 end,
           case when x.status = 'superseded' then bench.uid(${K.decision}, x.n + 1 + x.h3 % 20) end,
           ${person("x", "x.on_day", "x.h1")},
           x.orgs[1 + x.h3 % x.k],
           ${secretariat("x", "x.on_day")},
           (x.on_day + time '10:30') at time zone 'Europe/London' + (x.t % 120) * interval '1 minute',
           1
      from numbered x
      left join decision_counters dc on dc.partnership_id = x.pid and dc.year = x.y
    returning id, partnership_id, status, decided_on, meeting_id, method, created_at, recorded_by
  ), changes as (
    insert into decision_status_changes (id, decision_id, from_status, to_status, reason, changed_by, changed_at)
    select bench.uid(${K.statusChange}, bench.num(ins.id) * 2 + v.i), ins.id,
           case when v.i = 1 then 'agreed' end,
           case when v.i = 0 and ins.status in ('superseded', 'rescinded') then 'agreed' else ins.status end,
           case when v.i = 1 and ins.status = 'superseded' then 'Replaced by a later decision of the board.'
                when v.i = 1 then 'Rescinded by the board after the provider withdrew.' end,
           ins.recorded_by,
           ins.created_at + v.i * interval '90 days'
      from ins cross join (values (0), (1)) v(i)
     where v.i = 0 or ins.status in ('superseded', 'rescinded')
    returning 1
  ), ratified as (
    insert into decision_ratifications (decision_id, organisation_id, status, body, decided_on, note, version)
    select ins.id, u.org,
           case when ins.decided_on > (select d from bench.today) - 60 or bench.h(bench.num(ins.id) * 32 + u.j, 1) % 100 < 2 then 'awaiting'
                when bench.h(bench.num(ins.id) * 32 + u.j, 1) % 100 < 7 then 'refused' else 'ratified' end,
           'Cabinet',
           case when ins.decided_on > (select d from bench.today) - 60 or bench.h(bench.num(ins.id) * 32 + u.j, 1) % 100 < 2 then null
                else ins.decided_on + 28 + (bench.h(bench.num(ins.id) * 32 + u.j, 2) % 30)::int end,
           null, 1
      from ins join bench.gp gp on gp.id = ins.partnership_id
      cross join lateral unnest(gp.orgs, gp.org_types) with ordinality u(org, ty, j)
     where ins.status = 'agreed' and u.ty = 'local_authority' and bench.h(bench.num(ins.id), 40) % 100 < 8
    returning 1
  )
  insert into decision_votes (decision_id, seat_id, vote, deputy_seat_id)
  select ins.id, a.seat_id,
         case when bench.h(bench.num(ins.id) * 64 + bench.num(a.seat_id) % 64, 1) % 10 < case when ins.status = 'rejected' then 3 else 8 end then 'for'
              when bench.h(bench.num(ins.id) * 64 + bench.num(a.seat_id) % 64, 1) % 10 < 9 then 'against' else 'abstain' end,
         null
    from ins join attendance a on a.meeting_id = ins.meeting_id and a.status = 'present'
   where ins.method <> 'consensus' and ins.status in ('agreed', 'rejected');
`;

const countersSql = `
  insert into decision_counters (partnership_id, year, last)
  select partnership_id, split_part(reference, '-', -2)::int, max(split_part(reference, '-', -1)::int)
    from decisions where reference ~ '-[0-9]{4}-[0-9]+$' group by 1, 2
  on conflict (partnership_id, year) do update set last = greatest(decision_counters.last, excluded.last);
`;

const actionsSql = (from: number, to: number) => `
  with src as (
    select gp.pno, gp.id as pid, gp.k, gp.orgs, gp.users, gp.recent_from, gp.recent_users, gp.recent_secretariat, gp.win_start, gp.days,
           t, gp.a_lo + t as n, bench.h(gp.a_lo + t, 1) as h1, bench.h(gp.a_lo + t, 2) as h2,
           bench.uid(${K.decision}, gp.d_lo + least(gp.d_n - 1, floor(t::numeric * gp.d_n / gp.a_n)::int)) as did
      from bench.gp gp cross join lateral generate_series(0, gp.a_n - 1) t
     where gp.pno between ${from} and ${to}
  ), linked as (
    select s.*, d.meeting_id, d.agenda_item_id, coalesce(d.decided_on, (d.created_at at time zone 'Europe/London')::date) as made
      from src s join decisions d on d.id = s.did
  ), shaped as (
    select l.*, l.made + 14 + (l.h1 % 120)::int as due,
           case when l.made + 14 + (l.h1 % 120)::int < (select d from bench.today)
                then case when l.h2 % 100 < 90 then 'done' when l.h2 % 100 < 95 then 'cancelled' else 'open' end
                else case when l.h2 % 100 < 85 then 'open' else 'done' end end as status
      from linked l
  ), ins as (
    insert into actions (id, partnership_id, title, description, owner_user_id, organisation_id, due_date, status, completed_on,
                         meeting_id, agenda_item_id, decision_id, created_by, created_at, version)
    select bench.uid(${K.action}, x.n), x.pid, bench.atitle(x.n),
           case when x.h2 % 10 < 4 then 'Bring a short paper to the next meeting with the options, their costs and what young people said about them.' end,
           case when x.h1 % 10 < 8 then ${person("x", "x.made", "x.h2")} end,
           x.orgs[1 + x.h1 % x.k], x.due, x.status,
           case when x.status = 'done' then least((select d from bench.today), greatest(x.made, x.due - (x.h2 % 10)::int)) end,
           case when x.h1 % 10 < 9 then x.meeting_id end,
           case when x.h1 % 10 < 9 then x.agenda_item_id end,
           case when x.h1 % 2 = 0 then x.did end,
           ${secretariat("x", "x.made")},
           (x.made + time '11:00') at time zone 'Europe/London',
           case when x.status = 'open' then 1 else 2 end
      from shaped x
    returning id, status, completed_on, owner_user_id, created_by, created_at, due_date
  )
  insert into action_updates (id, action_id, note, status_to, made_by, created_at)
  select bench.uid(${K.actionUpdate}, bench.num(ins.id)), ins.id,
         case ins.status when 'done' then 'Done: the paper went to the board and the partners have what they asked for.'
                         when 'cancelled' then 'No longer needed: overtaken by the new commissioning plan.'
                         else 'Progress: a draft is with the finance subgroup; expect it at the next meeting.' end,
         case when ins.status in ('done', 'cancelled') then ins.status end,
         coalesce(ins.owner_user_id, ins.created_by),
         case when ins.status = 'done' then (ins.completed_on + time '16:00') at time zone 'Europe/London'
              else least(now(), ins.created_at + interval '20 days') end
    from ins
   where ins.status <> 'open' or ins.due_date < (select d from bench.today);
`;

const obligationsSql = `
  insert into obligations (id, partnership_id, type, title, instructions, owed_by_organisation_id, owed_by_organisation_type, cadence, due_rule,
                           starts_on, ends_on, version, created_by, created_at)
  select bench.uid(${K.obligation}, o.ono), gp.id, o.type, o.title, o.instructions, o.owed_org, o.owed_type, o.cadence,
         jsonb_build_object('kind', 'days_after_period_end', 'days', o.due_days), o.starts_on, null, 1,
         ${secretariat("gp", "o.starts_on")}, (o.starts_on - 30 + time '12:00') at time zone 'Europe/London'
    from bench.go o join bench.gp gp on gp.pno = o.pno;
  insert into obligation_responsibles (obligation_id, organisation_id, user_id)
  select distinct bench.uid(${K.obligation}, o.ono), u.org, u.rep
    from bench.go o cross join lateral unnest(o.owing, o.reps) u(org, rep)
   where cardinality(o.reps) > 0 and u.rep is not null;
`;

const submissionsSql = (from: number, to: number) => `
  insert into submissions (id, obligation_id, organisation_id, period_key, due_date, submitted_at, submitted_on, submitted_by, comment, figures,
                           filename, content_type, content, status, review_reason, reviewed_by, reviewed_at, version)
  select bench.uid(${K.submission}, x.sn + x.resub), bench.uid(${K.obligation}, x.ono), x.org, x.pe::text, x.due,
         (x.so + time '11:00') at time zone 'Europe/London', x.so,
         coalesce(x.rep, ${person("x", "x.so", "x.h3")}),
         ${A(returnComments)}[x.h2 % ${returnComments.length} + 1],
         case when x.type = 'quarterly_performance_return' then jsonb_build_object('placements', 3 + x.h1 % 40) end,
         null, null, null,
         x.status,
         case when x.status = 'returned' then 'The figures for children placed more than 20 miles from home are missing: add them and send the return again.' end,
         case when x.status <> 'submitted' then ${secretariat("x", "x.so")} end,
         case when x.status <> 'submitted' then (x.so + 3 + time '15:00') at time zone 'Europe/London' end,
         case when x.status = 'submitted' then 1 else 2 end
    from (
      select w.*, case when w.resub = 0 and w.returned then 'returned'
                       when w.so >= (select d from bench.today) - 21 then 'submitted' else 'accepted' end as status
        from (
          select o.ono, o.type, gp.users, gp.recent_from, gp.recent_users, gp.recent_secretariat, c.pe, c.due, u.org, o.reps[u.oi] as rep, v.resub,
                 c.sn, hh.h1, hh.h2, hh.h3,
                 hh.h2 % 100 < 4 and c.due < (select d from bench.today) - 60 as returned,
                 case when v.resub = 0 then c.so0 else least((select d from bench.today), c.so0 + 10 + (hh.h3 % 10)::int) end as so
            from bench.go o join bench.gp gp on gp.pno = o.pno
            cross join lateral generate_series(0, o.nperiods - 1) pi
            cross join lateral unnest(o.owing) with ordinality u(org, oi)
            cross join lateral (select (o.first_start + make_interval(months => (pi + 1) * o.months) - interval '1 day')::date as pe) a
            cross join lateral (select o.ono::bigint * 100000 + pi * 64 + u.oi * 2 as sn) b
            cross join lateral (select bench.h(b.sn, 1) as h1, bench.h(b.sn, 2) as h2, bench.h(b.sn, 3) as h3) hh
            cross join lateral (select a.pe, a.pe + o.due_days as due, b.sn,
                                       greatest(a.pe + 1, least((select d from bench.today),
                                         case when hh.h3 % 100 < 80 then a.pe + o.due_days - (hh.h3 % 15)::int else a.pe + o.due_days + 1 + (hh.h3 % 45)::int end)) as so0) c
            cross join (values (0), (1)) v(resub)
           where gp.pno between ${from} and ${to}
             and ((c.due < (select d from bench.today) and hh.h1 % 1000 < 950) or (c.due >= (select d from bench.today) and hh.h1 % 1000 < 400))
             and (v.resub = 0 or (hh.h2 % 100 < 4 and c.due < (select d from bench.today) - 60))
        ) w
    ) x;
`;

// The audit chains. Each event's content follows the kind of work that makes most events
// (decisions, actions, agendas, attendance, minutes, returns), naming the partnership's real
// records at that point in its history; occurred_at grows with seq.
const auditKinds = `
  case k.kind when 0 then 'decision.record' when 1 then 'decision.record' when 2 then 'decision.record' when 3 then 'decision.status'
              when 4 then 'action.create' when 5 then 'action.create' when 6 then 'action.update' when 7 then 'action.update'
              when 8 then 'meeting.create' when 9 then 'agenda_item.create' when 10 then 'agenda_item.create' when 11 then 'agenda_item.notes'
              when 12 then 'attendance.record' when 13 then 'minutes.circulate' when 14 then 'minutes.approve'
              when 15 then 'submission.create' when 16 then 'submission.create' when 17 then 'submission.accept'
              when 18 then 'decision.ratification' else 'board_seat.create' end`;

const auditSql = (from: number, to: number, eFrom: number, eTo: number) => `
  insert into audit_events (id, chain, seq, occurred_at, actor_user_id, action, entity_type, entity_id, partnership_id, before, after, reason, prev_hash, hash)
  select bench.uid(${K.auditEvent}, gp.e_lo + e), gp.id::text, gp.head_seq + e, k.at,
         ${person("gp", "k.day", "k.r")},
         ${auditKinds},
         case when k.kind <= 3 or k.kind = 18 then 'decision' when k.kind <= 7 then 'action' when k.kind = 8 or k.kind = 12 then 'meeting'
              when k.kind <= 11 then 'agenda_item' when k.kind <= 14 then 'minutes' when k.kind <= 17 then 'submission' else 'board_seat' end,
         (case when k.kind <= 3 or k.kind = 18 then bench.uid(${K.decision}, k.dno) when k.kind <= 7 then bench.uid(${K.action}, k.ano)
               when k.kind = 8 or k.kind = 12 or k.kind in (13, 14) then bench.uid(${K.meeting}, k.mno)
               when k.kind <= 11 then bench.uid(${K.agendaItem}, k.mno * 8 + 1 + k.r % 4)
               when k.kind <= 17 then bench.uid(${K.submission}, k.r % 400000000)
               else bench.uid(${K.seat}, gp.seat_lo + ((k.r % gp.slots) * ${SLOT_GENERATIONS} + least(5, floor(k.f * gp.days / 1461)::int)) * 2) end)::text,
         gp.id,
         case k.kind when 3 then '{"status": "agreed"}'::jsonb when 6 then '{"status": "open", "version": 1}'::jsonb when 7 then '{"status": "open", "version": 1}'::jsonb
                     when 14 then '{"status": "circulated"}'::jsonb when 17 then '{"status": "submitted"}'::jsonb end,
         case when k.kind <= 2 then jsonb_build_object('title', bench.dtitle(k.dno), 'text', bench.dtext(k.dno), 'route', 'meeting', 'method', 'consensus',
                                                       'status', 'agreed', 'decidedOn', k.day, 'meetingId', bench.uid(${K.meeting}, k.mno), 'votes', '[]'::jsonb)
              when k.kind = 3 then '{"status": "superseded"}'::jsonb
              when k.kind <= 5 then jsonb_build_object('title', bench.atitle(k.ano), 'dueDate', k.day + 60, 'status', 'open', 'organisationId', gp.orgs[1 + k.r % gp.k])
              when k.kind <= 7 then jsonb_build_object('status', 'done', 'note', 'Done: the paper went to the board and the partners have what they asked for.')
              when k.kind = 8 then jsonb_build_object('title', coalesce(gp.short, 'NELCP') || ' Board', 'type', 'board', 'date', k.day, 'startTime', '10:00', 'endTime', '12:00')
              when k.kind <= 10 then jsonb_build_object('title', initcap(${A(subjects)}[k.r % ${subjects.length} + 1]), 'position', 1 + k.r % 4, 'purpose', 'decision')
              when k.kind = 11 then jsonb_build_object('notes', ${A(meetingNotes)}[k.r % ${meetingNotes.length} + 1])
              when k.kind = 12 then jsonb_build_object('marks', jsonb_build_array(
                  jsonb_build_object('seatId', bench.uid(${K.seat}, gp.seat_lo), 'status', 'present'),
                  jsonb_build_object('seatId', bench.uid(${K.seat}, gp.seat_lo + 16), 'status', 'present'),
                  jsonb_build_object('seatId', bench.uid(${K.seat}, gp.seat_lo + 32), 'status', 'apologies')))
              when k.kind <= 14 then jsonb_build_object('status', case when k.kind = 13 then 'circulated' else 'approved' end)
              when k.kind <= 16 then jsonb_build_object('periodKey', k.day, 'organisationId', gp.orgs[1 + k.r % gp.k], 'comment', ${A(returnComments)}[k.r % ${returnComments.length} + 1])
              when k.kind = 17 then '{"status": "accepted"}'::jsonb
              when k.kind = 18 then jsonb_build_object('organisationId', gp.orgs[1 + k.r % gp.k], 'status', 'ratified', 'body', 'Cabinet', 'decidedOn', k.day)
              else jsonb_build_object('boardRole', 'member', 'organisationId', gp.orgs[1 + k.r % gp.k], 'termStart', k.day) end,
         case k.kind when 3 then 'Replaced by a later decision of the board.' when 0 then 'Agreed by consensus.' end,
         case when e = 1 then gp.head_hash else bench.ahash(gp.id::text, gp.head_seq + e - 1) end,
         bench.ahash(gp.id::text, gp.head_seq + e)
    from bench.gp gp
    cross join lateral generate_series(${eFrom}, least(${eTo}, gp.e_n)) e
    cross join lateral (select e::float8 / gp.e_n as f, bench.h(gp.e_lo + e, 1) as r) f
    cross join lateral (
      select (e % 20)::int as kind, f.f, f.r,
             gp.d_lo + least(gp.d_n - 1, floor(f.f * gp.d_n)::int) as dno,
             gp.a_lo + least(gp.a_n - 1, floor(f.f * gp.a_n)::int) as ano,
             gp.m_lo + least(gp.m_n - 1, floor(f.f * gp.m_n * gp.days / (gp.days + 90))::int) as mno,
             (gp.win_start + f.f * gp.days * interval '1 day' + interval '9 hours') at time zone 'UTC' as at,
             (gp.win_start + (f.f * gp.days)::int) as day
    ) k
   where gp.pno between ${from} and ${to} and gp.e_n > 0;
`;

const platformAuditSql = (p: { lo: number; n: number; seq: number; hash: string }, orgs: number) => `
  insert into audit_events (id, chain, seq, occurred_at, actor_user_id, action, entity_type, entity_id, partnership_id, before, after, reason, prev_hash, hash)
  select bench.uid(${K.auditEvent}, ${p.lo} + e), 'platform', ${p.seq} + e,
         timestamptz '2005-01-01 09:00+00' + e * interval '2 hours',
         null,
         case when e <= ${orgs} then 'organisation.create' else 'user.create' end,
         case when e <= ${orgs} then 'organisation' else 'user' end,
         (case when e <= ${orgs} then bench.uid(${K.organisation}, e) else bench.uid(${K.user}, e - ${orgs}) end)::text,
         null, null,
         case when e <= ${orgs} then jsonb_build_object('name', 'Organisation ' || e, 'type', ${orgTypeSql("e")})
              else '{"kind": "adult", "isPlatformAdmin": false}'::jsonb end,
         'Invited by the partnership''s chair.',
         case when e = 1 then '${p.hash}' else bench.ahash('platform', ${p.seq} + e - 1) end,
         bench.ahash('platform', ${p.seq} + e)
    from generate_series(1, ${p.n}) e;
`;

// ------------------------------------------------------ indexes and keys

type Saved = { fks: { table: string; name: string; def: string }[]; constraints: { table: string; name: string; type: string; indexDef: string }[]; indexes: { table: string; name: string; def: string }[] };

async function dropKeysAndIndexes(db: Sql): Promise<Saved> {
  const fks = await db<{ table: string; name: string; def: string }[]>`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = 'public'
       and (c.conrelid::regclass::text = any(${BIG_TABLES}) or c.confrelid::regclass::text = any(${BIG_TABLES}))`;
  const constraints = await db<{ table: string; name: string; type: string; indexDef: string }[]>`
    select c.conrelid::regclass::text as table, c.conname as name, c.contype as type, pg_get_indexdef(c.conindid) as "indexDef"
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype in ('p', 'u') and n.nspname = 'public' and c.conrelid::regclass::text = any(${BIG_TABLES})`;
  const indexes = await db<{ table: string; name: string; def: string }[]>`
    select i.tablename as table, i.indexname as name, i.indexdef as def
      from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any(${BIG_TABLES})
       and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`;
  for (const fk of fks) await db.unsafe(`alter table ${fk.table} drop constraint ${fk.name}`);
  for (const c of constraints) await db.unsafe(`alter table ${c.table} drop constraint ${c.name}`);
  for (const i of indexes) await db.unsafe(`drop index ${i.name}`);
  return { fks, constraints, indexes };
}

type Job = { name: string; sql: string };

/**
 * Runs jobs on a few connections at once. Lane i first runs its own jobs in
 * order (lanes[i], for work whose steps depend on each other), then helps
 * with the shared queue (independent jobs), each job on whichever connection
 * is free.
 */
async function pool(url: string, lanes: Job[][], shared: Job[], timed: (name: string, ms: number) => void) {
  const queue = [...shared];
  const run = async (db: Sql, job: Job) => {
    const t = performance.now();
    await db.unsafe(job.sql);
    timed(job.name, performance.now() - t);
  };
  await Promise.all(
    lanes.map(async (own) => {
      const db = adminClient(url, SESSION);
      try {
        for (const job of own) await run(db, job);
        for (let job = queue.shift(); job; job = queue.shift()) await run(db, job);
      } finally {
        await db.end();
      }
    }),
  );
}

// ------------------------------------------------------------------- main

/** Settings for the loading connections: bulk work, no waiting on each commit's flush. */
const SESSION: Record<string, string> = { synchronous_commit: "off", maintenance_work_mem: "1GB", work_mem: "256MB", max_parallel_maintenance_workers: "0", statement_timeout: "0", jit: "off" };

/** Chunks of partnerships (pno ranges) whose weight (rows) is about `size` each; NELCP (0) alone. */
function chunks(gp: GpRow[], weight: (r: GpRow) => number, size: number) {
  const out: [number, number][] = [[0, 0]];
  let start = 1;
  let sum = 0;
  for (const r of gp.slice(1)) {
    sum += weight(r);
    if (sum >= size) {
      out.push([start, r.pno]);
      start = r.pno + 1;
      sum = 0;
    }
  }
  if (start <= gp.length - 1) out.push([start, gp.length - 1]);
  return out;
}

export async function generateNationalData(ownerUrl: string, scale: number): Promise<GenerationReport> {
  const T = targets(scale);
  const started = performance.now();
  const steps: { step: string; seconds: number }[] = [];
  const timed = (step: string, ms: number) => {
    steps.push({ step, seconds: Math.round(ms / 100) / 10 });
    log(`  ${step}: ${seconds(ms)}`);
  };
  const db = adminClient(ownerUrl, SESSION);
  try {
    const ctx = await readContext(db);
    const plan = makePlan(ctx, T);
    log(`plan: ${plan.gp.length} partnerships (NELCP and ${plan.gp.length - 1} generated), ${plan.organisations} organisations, ${plan.users} people, ${plan.go.length} obligations; today ${ctx.today}`);
    let t = performance.now();
    await db.unsafe(functionsSql(ctx.today));
    for (const statement of planTablesSql)
      await db.unsafe(statement, (statement.includes("$1") ? [statement.includes("bench.gp as") ? plan.gp : plan.go] : []) as never[]);
    const saved = await dropKeysAndIndexes(db);
    timed(`plan, helpers, ${saved.fks.length} foreign keys and ${saved.constraints.length + saved.indexes.length} indexes dropped`, performance.now() - t);

    // The people and places first, in order (each uses the last).
    for (const [name, sql] of [
      ["organisations", organisationsSql(plan.organisations)],
      ["partnerships, partners, key dates", partnershipsSql],
      ["users", usersSql(ctx.passwordHash, T.nelcpUsers)],
      ["board seats", seatsSql],
      ["roles, terms of reference, declarations", rolesSql],
      ["obligations", obligationsSql],
    ] as const) {
      t = performance.now();
      await db.unsafe(sql);
      timed(name, performance.now() - t);
    }

    // Then two connections on the machine's two cores: one makes the meetings, decisions, actions and
    // returns (each needing the ones before it) while the other makes the audit chains (the most rows,
    // needing nothing else), then helps with those.
    const auditJobs = (() => {
      const jobs: { name: string; sql: string }[] = [];
      const size = 250_000;
      const nelcp = plan.gp[0];
      for (let lo = 1; lo <= nelcp.e_n; lo += size) jobs.push({ name: `audit NELCP ${lo}–${Math.min(nelcp.e_n, lo + size - 1)}`, sql: auditSql(0, 0, lo, lo + size - 1) });
      for (const [a, b] of chunks(plan.gp, (r) => r.e_n, size).slice(1)) jobs.push({ name: `audit partnerships ${a}–${b}`, sql: auditSql(a, b, 1, 1_000_000_000) });
      jobs.push({ name: "audit platform chain", sql: platformAuditSql(plan.platform, plan.organisations) });
      return jobs;
    })();
    const recordJobs = (() => {
      const jobs: { name: string; sql: string }[] = [];
      const meetingChunks = chunks(plan.gp, (r) => Number(r.m_n), 40_000);
      for (const [a, b] of meetingChunks) jobs.push({ name: `meetings ${a}–${b}`, sql: meetingsSql(a, b) });
      jobs.push({ name: "analyze meetings", sql: "analyze meetings" });
      for (const [a, b] of meetingChunks) jobs.push({ name: `agenda items ${a}–${b}`, sql: agendaSql(a, b) });
      for (const [a, b] of meetingChunks) jobs.push({ name: `attendance and minutes ${a}–${b}`, sql: attendanceSql(a, b) });
      jobs.push({ name: "analyze attendance", sql: "analyze attendance; analyze decision_counters" });
      for (const [a, b] of chunks(plan.gp, (r) => Number(r.d_n), 250_000)) jobs.push({ name: `decisions ${a}–${b}`, sql: decisionsSql(a, b) });
      jobs.push({ name: "decision counters", sql: countersSql + "; analyze decisions" });
      for (const [a, b] of chunks(plan.gp, (r) => Number(r.a_n), 200_000)) jobs.push({ name: `actions ${a}–${b}`, sql: actionsSql(a, b) });
      for (const [a, b] of chunks(plan.gp, (r) => Number(r.a_n), 400_000)) jobs.push({ name: `returns ${a}–${b}`, sql: submissionsSql(a, b) });
      return jobs;
    })();
    t = performance.now();
    await pool(ownerUrl, [recordJobs, []], auditJobs, timed);
    timed("records and audit chains (two streams)", performance.now() - t);

    // Indexes and keys back, on both cores; then every foreign key checked by PostgreSQL.
    t = performance.now();
    const indexJobs = [
      ...saved.constraints.map((c) => ({ name: `index ${c.name}`, sql: c.indexDef })),
      ...saved.indexes.map((i) => ({ name: `index ${i.name}`, sql: i.def })),
    ].sort((a, b) => Number(b.sql.includes("audit_events")) - Number(a.sql.includes("audit_events")));
    await pool(ownerUrl, [[], []], indexJobs, () => {});
    for (const c of saved.constraints) await db.unsafe(`alter table ${c.table} add constraint ${c.name} ${c.type === "p" ? "primary key" : "unique"} using index ${c.name}`);
    timed(`${indexJobs.length} indexes rebuilt`, performance.now() - t);
    t = performance.now();
    for (const fk of saved.fks) await db.unsafe(`alter table ${fk.table} add constraint ${fk.name} ${fk.def} not valid`);
    const byTable = new Map<string, string[]>();
    for (const fk of saved.fks) byTable.set(fk.table, [...(byTable.get(fk.table) ?? []), `alter table ${fk.table} validate constraint ${fk.name}`]);
    await pool(
      ownerUrl,
      [[], []],
      [...byTable.entries()].map(([table, statements]) => ({ name: `keys of ${table}`, sql: statements.join(";\n") })),
      () => {},
    );
    timed(`${saved.fks.length} foreign keys restored and validated`, performance.now() - t);

    t = performance.now();
    const tables = await db<{ t: string }[]>`select tablename as t from pg_tables where schemaname = 'public' order by tablename`;
    await pool(ownerUrl, [[], []], tables.map(({ t: name }) => ({ name, sql: `vacuum (analyze) ${name}` })), () => {});
    await db.unsafe("checkpoint").catch(() => log("  (no CHECKPOINT: the admin role may not run one)"));
    timed("vacuum, analyze and checkpoint", performance.now() - t);

    const counts = await countRows(db);
    const [nelcp] = await db`
      select (select count(*) from meetings where partnership_id = ${ctx.nelcp.id})::int as meetings,
             (select count(*) from decisions where partnership_id = ${ctx.nelcp.id})::int as decisions,
             (select count(*) from actions where partnership_id = ${ctx.nelcp.id})::int as actions,
             (select count(*) from submissions s join obligations o on o.id = s.obligation_id where o.partnership_id = ${ctx.nelcp.id})::int as returns,
             (select max(seq) from audit_events where chain = ${ctx.nelcp.id}::text)::int as audit_events`;
    await db.unsafe("drop table if exists bench.gp, bench.go, bench.today");
    await db.unsafe("drop function if exists bench.h, bench.uid, bench.num, bench.ahash, bench.mdate, bench.dtitle, bench.dtext, bench.atitle");
    return { seconds: Math.round((performance.now() - started) / 100) / 10, steps, counts, nelcp };
  } finally {
    await db.end();
  }
}

export async function countRows(db: Sql) {
  const names = [
    "partnerships", "partnership_partners", "organisations", "users", "board_seats", "partnership_roles", "meetings", "agenda_items", "attendance",
    "minutes", "decisions", "decision_status_changes", "decision_ratifications", "decision_votes", "actions", "action_updates", "obligations",
    "submissions", "audit_events",
  ];
  const [row] = await db.unsafe(`select ${names.map((n) => `(select count(*) from ${n})::bigint as ${n}`).join(", ")}`);
  return Object.fromEntries(names.map((n) => [n, Number(row[n])]));
}
