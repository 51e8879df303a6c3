import { libraryEntries, libraryImports, librarySettings } from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

type EntryValues = Partial<typeof libraryEntries.$inferInsert>;

/**
 * A library entry of a partnership, directly in the database: unless told, a published finding of
 * a review outside Sightlines (no review or finding row), about health visitors and police call-outs.
 */
export async function givenLibraryEntry(t: TestApp, partnershipId: string, overrides: EntryValues = {}) {
  const [row] = await t.database.db
    .insert(libraryEntries)
    .values({
      partnershipId,
      source: 'review',
      reviewTitle: 'Child Q',
      reviewType: 'lcspr',
      findingNumber: 1,
      statement:
        'Health visitors are not told about police call-outs to homes with babies, so they assess risk without the history.',
      whyItMatters: 'Each incident is judged as if it were the first.',
      howItShowed: 'Police attended three times; the health visitor heard of none of the visits.',
      typologyCode: 'incidents_crises',
      typologyName: 'Multi-agency working in response to incidents and crises',
      themes: ['domestic_abuse', 'information_sharing'],
      factorGroups: ['inter_agency'],
      agencySectors: ['police', 'health_community'],
      year: 2024,
      publishedOn: '2024-06-30',
      reportUrl: 'https://example.org/reviews/child-q',
      ...overrides,
    })
    .returning();
  return row!;
}

/** An import of older published findings with the entries given (each published, as imports are). */
export async function givenLibraryImport(
  t: TestApp,
  partnershipId: string,
  entries: EntryValues[] = [{}],
  overrides: Partial<typeof libraryImports.$inferInsert> = {},
) {
  const [record] = await t.database.db
    .insert(libraryImports)
    .values({ partnershipId, fileName: 'older-findings.csv', rows: entries.length, ...overrides })
    .returning();
  const rows = [];
  for (const entry of entries)
    rows.push(
      await givenLibraryEntry(t, partnershipId, {
        source: 'import',
        importId: record!.id,
        findingNumber: null,
        ...entry,
      }),
    );
  return { record: record!, entries: rows };
}

/** Records whether a partnership shares its published findings with every partnership. */
export async function givenLibrarySharing(t: TestApp, partnershipId: string, shareNationally = true) {
  const [row] = await t.database.db
    .insert(librarySettings)
    .values({ partnershipId, shareNationally })
    .onConflictDoUpdate({ target: librarySettings.partnershipId, set: { shareNationally } })
    .returning();
  return row!;
}
