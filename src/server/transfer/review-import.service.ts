import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError } from '#domain/shared/app-error.ts';
import {
  type ExportedRow,
  type ReviewExport,
  type ReviewImportDto,
  remapIds,
  reviewExport,
} from '#domain/transfer/review-export.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { agencies, memberships, users } from '../db/schema/index.ts';
import { filesystemStorage } from '../document/storage.ts';
import type { MemberCtx } from '../http/context.ts';
import { fieldErrors } from '../http/errors.ts';
import { ident, insertJsonRows, rawRows, storedColumns, type TableInfo } from './catalog.ts';
import { readReviewScope, SECRET_COLUMNS } from './review-scope.ts';

/** The largest review export accepted: documents travel inside it as base64. */
export const REVIEW_IMPORT_LIMIT_BYTES = 512 * 1024 * 1024;

/** An uploaded review export as the request body; its text is kept out of sight of the generic body checks. */
export class UploadedReview {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  get text(): string {
    return this.#text;
  }
}

export const uploadedReview = z.custom<UploadedReview>((v) => v instanceof UploadedReview, {
  error: 'Upload a review export: the JSON file that “Export this review” makes',
});

/** Takes the export file as the JSON request body (or as application/octet-stream), in the import route's own context. */
export async function installReviewUploads(app: FastifyInstance): Promise<void> {
  app.removeContentTypeParser('application/json');
  for (const type of ['application/json', 'application/octet-stream']) {
    app.addContentTypeParser(
      type,
      { parseAs: 'string', bodyLimit: REVIEW_IMPORT_LIMIT_BYTES },
      (_request, body, done) => done(null, new UploadedReview(String(body))),
    );
  }
}

const refused = (problems: FieldError[]) =>
  AppError.invalid(problems.slice(0, 100), 'The review export has problems, so nothing was imported.');

/** Reads and checks the file against the format, then against this version's tables and columns. */
function parseExport(text: string): ReviewExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw refused([
      {
        path: '(body)',
        message: `The file is not valid JSON (${error instanceof Error ? error.message : 'unreadable'})`,
      },
    ]);
  }
  const parsed = reviewExport.safeParse(raw);
  if (!parsed.success) throw refused(fieldErrors(parsed.error));
  return parsed.data;
}

function checkRows(data: ReviewExport, scope: Map<string, TableInfo>, scoped: Set<string>) {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const checkRow = (table: TableInfo, row: ExportedRow, path: string) => {
    const columns = new Map(table.columns.map((c) => [c.name, c]));
    for (const key of Object.keys(row)) {
      const column = columns.get(key);
      if (!column) problems.push({ path: `${path}.${key}`, message: `${table.name} has no column ${key}` });
      else if (column.generated) {
        problems.push({ path: `${path}.${key}`, message: 'Computed by the database: leave it out' });
      }
    }
    if (columns.get('id')?.type === 'uuid') {
      const id = row.id;
      if (typeof id !== 'string' || !z.uuid().safeParse(id).success) {
        problems.push({ path: `${path}.id`, message: 'Expected an identifier (UUID)' });
      } else if (seen.has(id.toLowerCase())) {
        problems.push({ path: `${path}.id`, message: 'The same identifier appears twice in the export' });
      } else seen.add(id.toLowerCase());
    }
    if (table.name !== 'reviews' && columns.has('review_id') && row.review_id !== data.review.id) {
      problems.push({ path: `${path}.review_id`, message: 'Does not belong to the exported review' });
    }
  };
  checkRow(scope.get('reviews')!, data.review, 'review');
  for (const [name, rows] of Object.entries(data.tables)) {
    const table = scope.get(name);
    if (!table || !scoped.has(name) || name === 'reviews') {
      problems.push({
        path: `tables.${name}`,
        message: 'Not a table of a review in this version of Sightlines',
      });
      continue;
    }
    for (const [i, row] of rows.entries()) checkRow(table, row, `tables.${name}.${i}`);
  }
  const shas = new Set(data.files.map((f) => f.sha256));
  (data.tables.documents ?? []).forEach((d, i) => {
    if (!shas.has(String(d.sha256))) {
      problems.push({
        path: `tables.documents.${i}.sha256`,
        message: 'The file with this SHA-256 is not in the export',
      });
    }
  });
  const files = data.files.map((f, i) => {
    const bytes = Buffer.from(f.base64, 'base64');
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== f.sha256 || bytes.length !== f.size) {
      problems.push({
        path: `files.${i}.base64`,
        message: 'Does not match its SHA-256 and size: the file was damaged',
      });
    }
    return bytes;
  });
  if (problems.length > 0) throw refused(problems);
  return files;
}

function pgMessage(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return message.split('\n')[0]!.slice(0, 300);
}

/** Inserts rows in batches; when a batch fails, finds the row and says what was wrong with it. */
async function insertRows(q: Queryable, table: TableInfo, rows: { i: number; row: ExportedRow }[]) {
  const stored = new Set(storedColumns(table));
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const columns = [...new Set(chunk.flatMap((r) => Object.keys(r.row)))].filter((c) => stored.has(c));
    try {
      await q.transaction((sp) =>
        insertJsonRows(sp, table, columns, JSON.stringify(chunk.map((r) => r.row))),
      );
    } catch {
      for (const r of chunk) {
        try {
          await q.transaction((sp) =>
            insertJsonRows(
              sp,
              table,
              Object.keys(r.row).filter((c) => stored.has(c)),
              JSON.stringify([r.row]),
            ),
          );
        } catch (error) {
          const path = table.name === 'reviews' ? 'review' : `tables.${table.name}.${r.i}`;
          throw refused([{ path, message: `This row cannot be stored: ${pgMessage(error)}` }]);
        }
      }
    }
  }
}

type ImportPlan = {
  map: Map<string, string>;
  nullUsers: Set<string>;
  unmatchedPeople: { email: string; name: string }[];
  addedAgencies: string[];
  /** Identifiers of partnership records (outside the export) that the target partnership has. */
  present: Set<string>;
};

/** Matches people by email to members of the partnership, and agencies by name (adding the missing ones). */
async function planIdentities(ctx: MemberCtx, data: ReviewExport): Promise<ImportPlan> {
  const partnershipId = ctx.membership.partnershipId;
  const map = new Map<string, string>();
  map.set(data.review.id.toLowerCase(), randomUUID());
  for (const rows of Object.values(data.tables)) {
    for (const row of rows) if (typeof row.id === 'string') map.set(row.id.toLowerCase(), randomUUID());
  }
  map.set(data.review.partnership_id.toLowerCase(), partnershipId);

  const emails = data.people.map((p) => p.email.toLowerCase());
  const members = emails.length
    ? await ctx.tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(
          and(
            eq(memberships.partnershipId, partnershipId),
            eq(memberships.active, true),
            inArray(sql`lower(${users.email})`, emails),
          ),
        )
    : [];
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  const nullUsers = new Set<string>();
  const unmatchedPeople: { email: string; name: string }[] = [];
  for (const person of data.people) {
    const match = byEmail.get(person.email.toLowerCase());
    if (match) map.set(person.id.toLowerCase(), match);
    else {
      // Where a column may be empty it is emptied; elsewhere the person importing stands in.
      nullUsers.add(person.id.toLowerCase());
      map.set(person.id.toLowerCase(), ctx.principal.userId);
      unmatchedPeople.push({ email: person.email, name: person.name });
    }
  }

  const known = await ctx.tx
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.partnershipId, partnershipId));
  const byName = new Map(known.map((a) => [a.name.toLowerCase(), a.id]));
  const addedAgencies: string[] = [];
  for (const agency of data.agencies) {
    let id = byName.get(agency.name.toLowerCase());
    if (!id) {
      const [row] = await ctx.tx
        .insert(agencies)
        .values({ partnershipId, name: agency.name, shortName: agency.shortName, sector: agency.sector })
        .returning({ id: agencies.id });
      id = row!.id;
      byName.set(agency.name.toLowerCase(), id);
      addedAgencies.push(agency.name);
    }
    map.set(agency.id.toLowerCase(), id);
  }
  return { map, nullUsers, unmatchedPeople, addedAgencies, present: new Set() };
}

/** Which of the identifiers in foreign keys to partnership records outside the export the target has. */
async function findPresent(
  ctx: MemberCtx,
  data: ReviewExport,
  tables: TableInfo[],
  plan: ImportPlan,
): Promise<void> {
  const handled = new Set(['users', 'partnerships', 'agencies', ...tables.map((t) => t.name)]);
  const wanted = new Map<string, Set<string>>();
  const rowsOf = (t: TableInfo) => (t.name === 'reviews' ? [data.review] : (data.tables[t.name] ?? []));
  for (const t of tables) {
    for (const k of t.foreignKeys) {
      if (handled.has(k.references)) continue;
      for (const row of rowsOf(t)) {
        const v = row[k.column];
        if (typeof v === 'string') wanted.set(k.references, (wanted.get(k.references) ?? new Set()).add(v));
      }
    }
  }
  for (const [ref, ids] of wanted) {
    const scoped =
      (
        await rawRows(
          ctx.tx,
          sql`select 1 from information_schema.columns where table_schema = 'public' and table_name = ${ref} and column_name = 'partnership_id'`,
        )
      ).length > 0;
    const found = await rawRows(
      ctx.tx,
      sql`select id::text as id from ${ident(ref)} where id::text in (select jsonb_array_elements_text(${JSON.stringify([...ids])}::jsonb))${
        scoped ? sql` and partnership_id = ${ctx.membership.partnershipId}` : sql``
      }`,
    );
    for (const r of found) plan.present.add(String(r.id).toLowerCase());
  }
}

/** A row made ready for the target: people without accounts and records the partnership lacks dealt with, ids replaced. */
function prepareRow(
  table: TableInfo,
  row: ExportedRow,
  plan: ImportPlan,
  inExport: Set<string>,
): ExportedRow | null {
  const out: ExportedRow = { ...row };
  const notNull = new Set(table.columns.filter((c) => c.notNull).map((c) => c.name));
  for (const k of table.foreignKeys) {
    const v = out[k.column];
    if (typeof v !== 'string') continue;
    const id = v.toLowerCase();
    if (k.references === 'users') {
      if (plan.nullUsers.has(id) && !notNull.has(k.column)) out[k.column] = null;
    } else if (!inExport.has(k.references) && !['partnerships', 'agencies'].includes(k.references)) {
      if (!plan.present.has(id)) {
        if (notNull.has(k.column)) return null;
        out[k.column] = null;
      }
    }
  }
  for (const secret of SECRET_COLUMNS[table.name] ?? []) if (secret in out) out[secret] = null;
  return remapIds(out, plan.map);
}

/**
 * Imports an exported review into the partnership as a new review: every row gets a new
 * identifier, people are matched by email to the partnership's accounts, agencies by name; all or
 * nothing, in the request's transaction. Audited.
 */
export async function importReview<Refusal>(
  ctx: MemberCtx,
  upload: UploadedReview,
  options: {
    title?: string | undefined;
    /** Checks each embedded file (decoded) before anything is stored, e.g. with the virus scanner. */
    screen?: (bytes: Uint8Array, index: number) => Promise<Refusal | null>;
  },
): Promise<ReviewImportDto | Refusal> {
  const data = parseExport(upload.text);
  const scope = await readReviewScope(ctx.tx);
  const scoped = new Set(scope.tables.map((t) => t.name));
  const files = checkRows(data, scope.catalog, scoped);
  if (options.screen) {
    for (const [i, bytes] of files.entries()) {
      const refusal = await options.screen(bytes, i);
      if (refusal) return refusal;
    }
  }

  const plan = await planIdentities(ctx, data);
  await findPresent(ctx, data, scope.tables, plan);
  const storage = filesystemStorage(ctx.config.dataDir);
  for (const bytes of files) await storage.put(Readable.from([bytes]));

  const counts: Record<string, number> = {};
  const leftOut: Record<string, number> = {};
  const idMap = plan.map;
  let reviewId = '';
  let title = '';
  for (const table of scope.tables) {
    const source = table.name === 'reviews' ? [data.review] : (data.tables[table.name] ?? []);
    const ready: { i: number; row: ExportedRow }[] = [];
    source.forEach((row, i) => {
      const prepared = prepareRow(table, row, plan, scoped);
      if (prepared) ready.push({ i, row: prepared });
      else leftOut[table.name] = (leftOut[table.name] ?? 0) + 1;
    });
    if (table.name === 'reviews') {
      const review = ready[0]!.row;
      title = options.title ?? `${data.review.title} (imported)`;
      review.title = title;
      reviewId = String(review.id);
    } else counts[table.name] = ready.length;
    await insertRows(ctx.tx, table, ready);
  }

  const ids: Record<string, string> = {};
  for (const rows of [[data.review], ...Object.values(data.tables)]) {
    for (const row of rows) if (typeof row.id === 'string') ids[row.id] = idMap.get(row.id.toLowerCase())!;
  }
  const unmatched = plan.unmatchedPeople.sort((a, b) => a.email.localeCompare(b.email));
  await auditAction(ctx, {
    action: 'review.imported',
    entityType: 'review',
    entityId: reviewId,
    details: {
      source: { partnership: data.source.partnership, reviewId: data.review.id, exportedAt: data.exportedAt },
      rows: counts,
      files: files.length,
      unmatchedPeople: unmatched.map((p) => p.email),
      addedAgencies: plan.addedAgencies,
      leftOut,
    },
  });
  return {
    reviewId,
    title,
    counts,
    files: files.length,
    unmatchedPeople: unmatched,
    addedAgencies: plan.addedAgencies,
    leftOut,
    ids,
  };
}
