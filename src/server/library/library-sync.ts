import { and, asc, eq, inArray } from 'drizzle-orm';
import { londonDate } from '#domain/intake/deadlines.ts';
import { libraryStatuses } from '#domain/library/rules.ts';
import { compileRegister, pseudonymiseWith } from '#domain/pseudonym/pseudonymise.ts';
import type { PseudonymCategory, RegisterEntry } from '#domain/pseudonym/register.ts';
import { builtInReference, typologyContent } from '#domain/reference/reference.ts';
import type { Queryable } from '../db/client.ts';
import {
  agencies,
  contributoryFactors,
  findingEpisodes,
  findings,
  libraryEntries,
  pseudonymEntries,
  publications,
  referenceVersions,
  reviewAgencies,
  reviewReferencePins,
  reviews,
} from '../db/schema/index.ts';

type EntryRow = typeof libraryEntries.$inferSelect;
type EntryValues = Omit<typeof libraryEntries.$inferInsert, 'id' | 'search'>;

/** The columns compared to decide whether an entry changed. */
const compared = [
  'reviewTitle',
  'reviewType',
  'findingNumber',
  'statement',
  'howItShowed',
  'whyItMatters',
  'typologyCode',
  'typologyName',
  'themes',
  'factorGroups',
  'agencySectors',
  'year',
  'publishedOn',
  'reportUrl',
] as const satisfies readonly (keyof EntryRow & keyof EntryValues)[];

const sorted = (items: Iterable<string>) => [...new Set(items)].sort();

/** The register of a review as the pseudonymiser reads it, in the register's order. */
async function registerOf(q: Queryable, reviewId: string): Promise<RegisterEntry[]> {
  const rows = await q
    .select({
      category: pseudonymEntries.category,
      realValue: pseudonymEntries.realValue,
      variants: pseudonymEntries.variants,
      replacement: pseudonymEntries.replacement,
    })
    .from(pseudonymEntries)
    .where(eq(pseudonymEntries.reviewId, reviewId))
    .orderBy(asc(pseudonymEntries.position));
  return rows.map((r) => ({ ...r, category: r.category as PseudonymCategory }));
}

/**
 * The names of the typology categories the review is pinned to, read without pinning it (a review
 * whose analysis never needed a typology uses the built-in one).
 */
async function typologyNamesOf(q: Queryable, reviewId: string): Promise<Map<string, string>> {
  const [pin] = await q
    .select({ content: referenceVersions.content })
    .from(reviewReferencePins)
    .innerJoin(referenceVersions, eq(referenceVersions.id, reviewReferencePins.referenceVersionId))
    .where(and(eq(reviewReferencePins.reviewId, reviewId), eq(reviewReferencePins.kind, 'typology')));
  const parsed = pin ? typologyContent.safeParse(pin.content) : null;
  const content = parsed?.success ? parsed.data : builtInReference.typology.content;
  return new Map(content.categories.map((c) => [c.code, c.name]));
}

/** The contributory-factor groups of the episodes linked to each finding. */
async function factorGroupsOf(q: Queryable, findingIds: string[]): Promise<Map<string, string[]>> {
  const rows = await q
    .selectDistinct({ findingId: findingEpisodes.findingId, group: contributoryFactors.groupKey })
    .from(findingEpisodes)
    .innerJoin(contributoryFactors, eq(contributoryFactors.episodeId, findingEpisodes.episodeId))
    .where(inArray(findingEpisodes.findingId, findingIds));
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.findingId, [...(groups.get(r.findingId) ?? []), r.group]);
  return groups;
}

/** The sectors of the agencies taking part in the review. */
async function sectorsOf(q: Queryable, reviewId: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ sector: agencies.sector })
    .from(reviewAgencies)
    .innerJoin(agencies, eq(agencies.id, reviewAgencies.agencyId))
    .where(eq(reviewAgencies.reviewId, reviewId));
  return sorted(rows.map((r) => r.sector));
}

const changedColumns = (row: EntryRow, values: EntryValues) =>
  compared.filter((k) => JSON.stringify(row[k] ?? null) !== JSON.stringify(values[k] ?? null));

/**
 * Brings a review's entries in the learning library into step with its findings: every agreed or
 * final finding has one entry, its text anonymised with the review's pseudonym register; others
 * have none. Called in the same transaction as whatever changed the findings, register,
 * publication, agencies or contributory factors.
 */
export async function refreshLibraryForReview(q: Queryable, reviewId: string, now: Date): Promise<void> {
  const [review] = await q
    .select({
      id: reviews.id,
      partnershipId: reviews.partnershipId,
      title: reviews.title,
      type: reviews.type,
    })
    .from(reviews)
    .where(eq(reviews.id, reviewId));
  if (!review) return;
  const agreed = await q
    .select()
    .from(findings)
    .where(and(eq(findings.reviewId, reviewId), inArray(findings.status, [...libraryStatuses])))
    .orderBy(asc(findings.number));
  const existing = await q
    .select()
    .from(libraryEntries)
    .where(and(eq(libraryEntries.reviewId, reviewId), eq(libraryEntries.source, 'review')));
  const keep = new Set(agreed.map((f) => f.id));
  const gone = existing.filter((e) => !e.findingId || !keep.has(e.findingId)).map((e) => e.id);
  if (gone.length) await q.delete(libraryEntries).where(inArray(libraryEntries.id, gone));
  if (!agreed.length) return;

  const compiled = compileRegister(await registerOf(q, reviewId));
  const anonymise = (text: string) => (text ? pseudonymiseWith(text, compiled).text : text);
  const typologyNames = await typologyNamesOf(q, reviewId);
  const groups = await factorGroupsOf(
    q,
    agreed.map((f) => f.id),
  );
  const sectors = await sectorsOf(q, reviewId);
  const [publication] = await q
    .select({ publishedOn: publications.publishedOn, url: publications.url })
    .from(publications)
    .where(eq(publications.reviewId, reviewId));
  const publishedOn = publication?.publishedOn ?? null;
  const reviewTitle = anonymise(review.title);
  const thisYear = Number(londonDate(now).slice(0, 4));
  const byFinding = new Map(existing.map((e) => [e.findingId, e]));

  for (const finding of agreed) {
    const row = byFinding.get(finding.id);
    const values: EntryValues = {
      partnershipId: review.partnershipId,
      source: 'review',
      findingId: finding.id,
      reviewId,
      importId: null,
      reviewTitle,
      reviewType: review.type,
      findingNumber: finding.number,
      statement: anonymise(finding.statement),
      howItShowed: anonymise(finding.howItShowed),
      whyItMatters: anonymise(finding.whyItMatters),
      typologyCode: finding.typologyCode,
      typologyName: finding.typologyCode
        ? (typologyNames.get(finding.typologyCode) ?? finding.typologyCode)
        : null,
      themes: sorted(finding.themes),
      factorGroups: sorted(groups.get(finding.id) ?? []),
      agencySectors: sectors,
      year: publishedOn ? Number(publishedOn.slice(0, 4)) : (row?.year ?? thisYear),
      publishedOn,
      reportUrl: publication?.url ?? null,
      updatedAt: now,
    };
    if (!row) {
      await q
        .insert(libraryEntries)
        .values(values)
        .onConflictDoUpdate({ target: libraryEntries.findingId, set: values });
    } else if (changedColumns(row, values).length) {
      await q.update(libraryEntries).set(values).where(eq(libraryEntries.id, row.id));
    }
  }
}
