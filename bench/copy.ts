// Bulk loading with COPY ... FROM STDIN, on PostgreSQL (through the node-postgres connection's own
// copy messages, as pg-copy-streams does, which is not installed) and on PGlite (from a blob).
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type CopyValue = string | number | boolean | null | undefined | readonly string[];
export type CopyRow = readonly CopyValue[];

/** A connection the generator and the baselines use: SQL, and COPY of many rows. */
export type Loader = {
  kind: 'postgres' | 'pglite';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Copies rows into a table; returns how many were copied. */
  copy(table: string, columns: readonly string[], rows: Iterable<CopyRow>): Promise<number>;
  close(): Promise<void>;
};

const escapeText = (s: string) =>
  s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

const arrayLiteral = (items: readonly string[]) =>
  `{${items.map((i) => `"${i.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** One row in COPY's text format. */
export function copyLine(row: CopyRow): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) line += '\t';
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'string') line += escapeText(v);
    else if (Array.isArray(v)) line += escapeText(arrayLiteral(v as readonly string[]));
    else line += String(v);
  }
  return `${line}\n`;
}

const copySql = (table: string, columns: readonly string[], source: string) =>
  `COPY ${table} (${columns.join(', ')}) FROM ${source}`;

type PgConnection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): boolean;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
};

/**
 * A query node-postgres can submit: it sends `COPY ... FROM STDIN`, then the rows in chunks of about
 * a megabyte, waiting whenever the socket asks for it.
 */
class CopyIn {
  callback: ((error: Error | null, rows?: number) => void) | undefined;
  private rowCount = 0;
  private error: Error | null = null;
  constructor(
    private readonly text: string,
    private readonly rows: Iterable<CopyRow>,
  ) {}
  submit(connection: PgConnection) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: PgConnection) {
    void this.send(connection);
  }
  private async send(connection: PgConnection) {
    try {
      let chunk = '';
      for (const row of this.rows) {
        chunk += copyLine(row);
        if (chunk.length > 1_000_000) {
          connection.sendCopyFromChunk(Buffer.from(chunk));
          chunk = '';
          if (connection.stream.writableNeedDrain)
            await new Promise((resolve) => connection.stream.once('drain', resolve));
        }
      }
      if (chunk) connection.sendCopyFromChunk(Buffer.from(chunk));
      connection.endCopyFrom();
    } catch (error) {
      connection.sendCopyFail(error instanceof Error ? error.message : String(error));
    }
  }
  handleCommandComplete(msg: { text?: string }) {
    const n = /(\d+)$/.exec(msg.text ?? '');
    this.rowCount = n ? Number(n[1]) : 0;
  }
  handleError(error: Error) {
    this.error = error;
  }
  handleReadyForQuery() {
    this.callback?.(this.error, this.rowCount);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** A loader on one PostgreSQL connection. */
export async function postgresLoader(url: string): Promise<Loader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: 'postgres',
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    copy: (table, columns, rows) =>
      new Promise<number>((resolve, reject) => {
        const q = new CopyIn(copySql(table, columns, 'STDIN'), rows);
        q.callback = (error, n) => (error ? reject(error) : resolve(n ?? 0));
        // node-postgres accepts any object with submit(); its typings only know its own queries.
        (client as unknown as { query(q: CopyIn): void }).query(q);
      }),
    close: () => client.end(),
  };
}

/** A loader on an open PGlite database (COPY reads the rows from a blob it is given). */
export function pgliteLoader(client: PGlite): Loader {
  return {
    kind: 'pglite',
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    copy: async (table, columns, rows) => {
      const parts: string[] = [];
      let n = 0;
      for (const row of rows) {
        parts.push(copyLine(row));
        n++;
      }
      if (!n) return 0;
      await client.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob(parts) });
      return n;
    },
    close: () => client.close(),
  };
}
