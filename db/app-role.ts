import type postgres from "postgres";

// The app connects to PostgreSQL as a role that owns nothing: it reads and
// writes rows, appends audit events and checkpoints, and can neither change
// nor remove them, nor switch off the triggers that refuse such changes (only
// a table's owner can). Migrations, backups and restores run as the owner
// (MIGRATION_DATABASE_URL). See docs/decisions/0012-app-role-and-checkpoints.md.

/** Tables whose rows, once written, stay as written: the app may read and add, never change or remove. */
export const APPEND_ONLY_TABLES = ["audit_events", "audit_checkpoints"] as const;

/** The role (user name) a PostgreSQL URL connects as. */
export function roleOf(url: string) {
  return decodeURIComponent(new URL(url).username || "postgres");
}

/**
 * Creates the app's login role if it is missing (with the password its URL
 * carries) and grants it what the app needs, as the owner, after migrations.
 * Safe to run again: each grant is idempotent, and new tables are covered.
 */
export async function grantAppRole(owner: postgres.Sql, appUrl: string) {
  const url = new URL(appUrl);
  const role = roleOf(appUrl);
  const [{ current }] = await owner<{ current: string }[]>`select current_user as current`;
  if (role === current) throw new Error(`DATABASE_URL connects as ${role}, the owner of the tables. Give the app its own role in DATABASE_URL (it is created if missing), and the owner in MIGRATION_DATABASE_URL.`);
  const [exists] = await owner`select 1 from pg_roles where rolname = ${role}`;
  let created = false;
  if (!exists) {
    const password = url.password ? decodeURIComponent(url.password) : null;
    // format() quotes the name and the password as PostgreSQL needs them.
    const [{ statement }] = await owner<{ statement: string }[]>`
      select case when ${password}::text is null then format('create role %I login', ${role}::text)
                  else format('create role %I login password %L', ${role}::text, ${password}::text) end as statement`;
    try {
      await owner.unsafe(statement);
    } catch (error) {
      throw new Error(`Could not create the app's role ${role} (${(error as Error).message}). Create it yourself (create role ${role} login password '…'), then run the migrations again.`);
    }
    created = true;
  }
  const id = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const r = id(role);
  const [{ schemas }] = await owner<{ schemas: string[] }[]>`
    select coalesce(array_agg(nspname order by nspname), '{}') as schemas from pg_namespace where nspname in ('public', 'pgboss')`;
  for (const schema of schemas) {
    await owner.unsafe(`grant usage on schema ${id(schema)} to ${r}`);
    await owner.unsafe(`grant select, insert, update, delete on all tables in schema ${id(schema)} to ${r}`);
    await owner.unsafe(`grant usage, select on all sequences in schema ${id(schema)} to ${r}`);
    await owner.unsafe(`grant execute on all functions in schema ${id(schema)} to ${r}`);
  }
  for (const table of APPEND_ONLY_TABLES) await owner.unsafe(`revoke update, delete, truncate, references, trigger on ${id(table)} from ${r}`);
  await owner.unsafe(`grant select, insert on ${APPEND_ONLY_TABLES.map(id).join(", ")} to ${r}`);
  return { role, created };
}

/**
 * What is wrong with the role the app is connected as, for the append-only
 * promise: owning the audit tables, or being allowed to change their rows.
 * Empty when the role is as it should be.
 */
export async function appRoleProblems(sql: postgres.Sql): Promise<string[]> {
  const [me] = await sql<{ role: string; superuser: boolean }[]>`select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user`;
  const problems: string[] = [];
  if (me.superuser) problems.push(`${me.role} is a superuser`);
  const rows = await sql<{ table: string; owner: string; can_change: boolean }[]>`
    select c.relname as table, pg_get_userbyid(c.relowner) as owner,
           has_table_privilege(c.oid, 'update') or has_table_privilege(c.oid, 'delete') or has_table_privilege(c.oid, 'truncate') as can_change
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relname in ${sql(APPEND_ONLY_TABLES)}`;
  for (const row of rows) {
    if (row.owner === me.role) problems.push(`${me.role} owns ${row.table}`);
    else if (row.can_change) problems.push(`${me.role} may change or remove rows of ${row.table}`);
  }
  return problems;
}

/** In production: refuses (throws, in words) when the app's role could rewrite the audit trail. */
export async function requireSafeAppRole(sql: postgres.Sql | undefined) {
  const problems = sql ? await appRoleProblems(sql) : [];
  if (problems.length)
    throw new UnsafeRoleError(
      `The app's database role is not safe for production: ${problems.join("; ")}. ` +
        "Connect with DATABASE_URL as a role that owns nothing, and run migrations with MIGRATION_DATABASE_URL as the owner (npm run db:migrate creates and grants the role; README, Deploying).",
    );
}

export class UnsafeRoleError extends Error {}
