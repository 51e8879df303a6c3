import { z } from 'zod';

export const REVIEW_EXPORT_FORMAT = 'sightlines.review';
export const REVIEW_EXPORT_VERSION = 1;

const uuid = z.uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 in lower-case hex');
const tableName = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'Expected a table name');

/** A row of a table as PostgreSQL writes it in JSON: column name to value. */
export const exportedRow = z.record(
  z.string().regex(/^[a-z_][a-z0-9_]*$/, 'Expected a column name'),
  z.unknown(),
);
export type ExportedRow = z.infer<typeof exportedRow>;

/** A person the review refers to; on import they are matched by email to the target partnership's accounts. */
export const exportedPerson = z.object({ id: uuid, email: z.string().min(1), name: z.string() });

/** An agency the review refers to; on import it is matched by name or added to the target partnership. */
export const exportedAgency = z.object({
  id: uuid,
  name: z.string().min(1),
  shortName: z.string().nullable(),
  sector: z.string().min(1),
});

/** A stored file (a document's content), with its SHA-256 to check it arrived whole. */
export const exportedFile = z.object({ sha256, size: z.number().int().nonnegative(), base64: z.string() });

/** A review exported as versioned JSON: the review, every row that belongs to it, and its files. */
export const reviewExport = z.object({
  format: z.literal(REVIEW_EXPORT_FORMAT, { error: `Expected format "${REVIEW_EXPORT_FORMAT}"` }),
  version: z.literal(REVIEW_EXPORT_VERSION, {
    error: `This version of Sightlines imports version ${REVIEW_EXPORT_VERSION} exports`,
  }),
  exportedAt: z.iso.datetime({ offset: true }),
  source: z.object({
    partnership: z.string(),
    partnershipName: z.string().optional(),
    reviewReference: z.string(),
    appVersion: z.string().optional(),
  }),
  review: exportedRow.and(z.object({ id: uuid, partnership_id: uuid, title: z.string().min(1) })),
  /** Every review-scoped table (other than `reviews`), by name, with its rows. */
  tables: z.record(tableName, z.array(exportedRow)),
  people: z.array(exportedPerson),
  agencies: z.array(exportedAgency),
  files: z.array(exportedFile),
});
export type ReviewExport = z.infer<typeof reviewExport>;

/** How an import went: the new review, what it holds, and whom it could not match to an account. */
export const reviewImportDto = z.object({
  reviewId: uuid,
  title: z.string(),
  counts: z.record(z.string(), z.number().int()),
  files: z.number().int(),
  /** People in the export with no account in this partnership: see the decision record. */
  unmatchedPeople: z.array(z.object({ email: z.string(), name: z.string() })),
  /** Agencies the partnership did not have, added by the import. */
  addedAgencies: z.array(z.string()),
  /** Rows left out, by table, because they point at partnership records the target does not have. */
  leftOut: z.record(z.string(), z.number().int()),
  /** Each exported identifier and the new one that replaced it. */
  ids: z.record(z.string(), z.string()),
});
export type ReviewImportDto = z.infer<typeof reviewImportDto>;

export const importReviewQuery = z.object({
  title: z.string().trim().min(1).max(200).optional(),
});

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every identifier (UUID) found anywhere in a value: in strings, arrays and objects. */
export function collectIds(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const m of value.matchAll(uuidPattern)) into.add(m[0].toLowerCase());
  } else if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectIds(v, into);
  }
  return into;
}

/**
 * Replaces identifiers anywhere in a value (whole strings, inside text, arrays and JSON) by the
 * ones the map gives; identifiers not in the map are left as they are.
 */
export function remapIds<T>(value: T, map: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') {
    return value.replace(uuidPattern, (id) => map.get(id.toLowerCase()) ?? id) as T;
  }
  if (Array.isArray(value)) return value.map((v) => remapIds(v, map)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapIds(v, map)])) as T;
  }
  return value;
}

/** The file name for a review's export. */
export const exportFileName = (partnershipSlug: string, title: string, at: Date) =>
  `review-${partnershipSlug}-${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'export'
  }-${at.toISOString().slice(0, 10)}.json`;
