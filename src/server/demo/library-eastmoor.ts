import { eq } from 'drizzle-orm';
import { builtInReference } from '#domain/reference/reference.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Tx } from '../db/client.ts';
import { libraryEntries, libraryImports, librarySettings, partnerships } from '../db/schema/index.ts';
import {
  EASTMOOR_IMPORT_FILE,
  EASTMOOR_NAME,
  EASTMOOR_SLUG,
  eastmoorFindings,
} from './library-text-eastmoor.ts';

/** When Eastmoor chose to share and loaded its older findings: fixed, after its latest publication. */
const SHARED_AT = new Date('2025-05-06T11:00:00Z');
const IMPORTED_AT = new Date('2025-05-06T11:20:00Z');

/**
 * Loads a second fictional partnership, Eastmoor, with no users: it shares its published findings
 * with every partnership, and its library holds one CSV import of seven findings from three
 * published reviews. Runs once; a second run finds the partnership and adds nothing.
 */
export async function seedDemoEastmoor(tx: Tx): Promise<string> {
  const [existing] = await tx
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(eq(partnerships.slug, EASTMOOR_SLUG));
  if (existing) return existing.id;
  const [p] = await tx
    .insert(partnerships)
    .values({ name: EASTMOOR_NAME, slug: EASTMOOR_SLUG })
    .returning({ id: partnerships.id });
  const partnershipId = p!.id;
  await recordAudit(tx, {
    partnershipId,
    actorUserId: null,
    action: 'partnership.created',
    entityType: 'partnership',
    entityId: partnershipId,
    details: { via: 'demo seed' },
  });
  await tx.insert(librarySettings).values({ partnershipId, shareNationally: true, changedAt: SHARED_AT });
  await recordAudit(tx, {
    partnershipId,
    actorUserId: null,
    action: 'library.settings_changed',
    entityType: 'library_settings',
    entityId: partnershipId,
    details: { shareNationally: true, via: 'demo seed' },
  });

  const [made] = await tx
    .insert(libraryImports)
    .values({
      partnershipId,
      fileName: EASTMOOR_IMPORT_FILE,
      rows: eastmoorFindings.length,
      importedAt: IMPORTED_AT,
    })
    .returning({ id: libraryImports.id });
  const importId = made!.id;
  const typologyNames = new Map(builtInReference.typology.content.categories.map((c) => [c.code, c.name]));
  await tx.insert(libraryEntries).values(
    eastmoorFindings.map((f) => ({
      partnershipId,
      source: 'import',
      importId,
      reviewTitle: f.reviewTitle,
      reviewType: f.reviewType,
      statement: f.statement,
      howItShowed: f.howItShowed,
      whyItMatters: f.whyItMatters,
      typologyCode: f.typologyCode,
      typologyName: typologyNames.get(f.typologyCode) ?? f.typologyCode,
      themes: [...f.themes].sort(),
      factorGroups: [...f.factorGroups].sort(),
      agencySectors: [...f.agencySectors].sort(),
      year: Number(f.publishedOn.slice(0, 4)),
      publishedOn: f.publishedOn,
      reportUrl: f.reportUrl,
      updatedAt: IMPORTED_AT,
    })),
  );
  await recordAudit(tx, {
    partnershipId,
    actorUserId: null,
    action: 'library.imported',
    entityType: 'library_import',
    entityId: importId,
    details: {
      fileName: EASTMOOR_IMPORT_FILE,
      rows: eastmoorFindings.length,
      reviews: new Set(eastmoorFindings.map((f) => f.reviewTitle)).size,
      via: 'demo seed',
    },
  });
  return partnershipId;
}
