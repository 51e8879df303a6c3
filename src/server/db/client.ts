import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { projectRoot } from '../paths.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: services accept both. */
export type Queryable = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  kind: DatabaseKind;
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = join(projectRoot, 'src', 'server', 'db', 'migrations');

/** The extensions every PGlite database loads: trigram similarity for the learning library. */
export const pgliteExtensions = { pg_trgm } satisfies PGliteOptions['extensions'];

/** Opens the embedded PGlite database in a data directory (or in memory when dataDir is null). */
export async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  let client: PGlite;
  const options: PGliteOptions = { extensions: pgliteExtensions, ...(loadDataDir ? { loadDataDir } : {}) };
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    client = await PGlite.create(join(dataDir, 'pglite'), options);
  } else {
    client = await PGlite.create(options);
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder }),
    close: () => client.close(),
  };
}

/** Opens a PostgreSQL connection pool for a connection string. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  const drizzled = drizzleNodePg({ client: pool, schema });
  return {
    kind: 'postgres',
    db: drizzled as unknown as Db,
    migrate: () => migrateNodePg(drizzled, { migrationsFolder }),
    close: () => pool.end(),
  };
}

/** Opens the configured database: PostgreSQL when a URL is given, otherwise embedded PGlite. */
export function openDatabase(config: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
