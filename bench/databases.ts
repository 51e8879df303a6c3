// A fresh, migrated database for each run: a new PostgreSQL database beside the given one, or a
// PGlite data directory; both dropped at the end.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsFolder, openPostgres, pgliteExtensions } from '#server/db/client.ts';
import { type Loader, pgliteLoader, postgresLoader } from './copy.ts';

/** The connection string of another database on the same server. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether PostgreSQL answers at this address. */
export async function postgresReachable(url: string): Promise<boolean> {
  try {
    return await admin(url, async (c) => Boolean(await c.query('select 1')));
  } catch {
    return false;
  }
}

/** Creates (replacing any left from an earlier run) and migrates a database; returns its address. */
export async function createPostgres(url: string, name: string): Promise<string> {
  await admin(url, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  const target = databaseUrl(url, name);
  const database = await openPostgres(target, { max: 1 });
  await database.migrate();
  await database.close();
  return target;
}

export async function dropPostgres(url: string, name: string): Promise<void> {
  await admin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
}

export const openPostgresLoader = (url: string): Promise<Loader> => postgresLoader(url);

/** Opens (creating and migrating it when new) the PGlite database the server keeps in `dataDir`. */
export async function openPgliteLoader(dataDir: string): Promise<Loader> {
  mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(join(dataDir, 'pglite'), { extensions: pgliteExtensions });
  await migrate(drizzle({ client }), { migrationsFolder });
  return pgliteLoader(client);
}

/** Stores what the measurements need to know about a generated database as the database's comment. */
export async function rememberFixture(url: string, name: string, fixture: unknown): Promise<void> {
  const json = JSON.stringify(fixture).replaceAll("'", "''");
  await admin(url, (c) => c.query(`comment on database ${name} is '${json}'`));
}

/** What an earlier run stored about a kept database, or null when there is no such database. */
export async function keptFixture<T>(url: string, name: string): Promise<T | null> {
  return admin(url, async (c) => {
    const { rows } = await c.query<{ d: string | null }>(
      `select shobj_description(oid, 'pg_database') as d from pg_database where datname = $1`,
      [name],
    );
    return rows[0]?.d ? (JSON.parse(rows[0].d) as T) : null;
  });
}

/** A new, empty review in the business manager's partnership, so each run imports into an empty one. */
export async function freshReview(loader: Loader, like: string): Promise<string> {
  const [row] = await loader.query<{ id: string }>(
    `insert into reviews (partnership_id, title, type, variant, stage, initiated_date, target_publication_date,
       planned_review_team_meetings, planned_joint_meetings)
     select partnership_id, title || ' (import)', type, variant, stage, initiated_date, target_publication_date,
       planned_review_team_meetings, planned_joint_meetings
     from reviews where id = $1 returning id`,
    [like],
  );
  return row!.id;
}
