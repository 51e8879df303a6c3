import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { factorGroupKeys } from '#domain/conversation/factors.ts';
import { londonDate } from '#domain/intake/deadlines.ts';
import type { importLibraryInput } from '#domain/library/library.ts';
import { parseLibraryImport } from '#domain/library/rules.ts';
import { referenceContentSchemas } from '#domain/reference/reference.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { libraryEntries, libraryImports } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { currentReferenceVersion } from '../reference/reference.service.ts';

/** The partnership's current typology (code → name) and every factor group key it may use. */
async function vocabulary(ctx: MemberCtx) {
  const partnershipId = ctx.membership.partnershipId;
  const typology = referenceContentSchemas.typology.parse(
    (await currentReferenceVersion(ctx.tx, partnershipId, 'typology')).content,
  );
  const factors = referenceContentSchemas.factors.parse(
    (await currentReferenceVersion(ctx.tx, partnershipId, 'factors')).content,
  );
  return {
    typologyNames: new Map(typology.categories.map((c) => [c.code, c.name])),
    factorGroupKeys: [...new Set([...factors.groups.map((g) => g.key), ...factorGroupKeys])],
  };
}

/**
 * Imports older published findings from a CSV file, all or nothing: any problem and nothing is
 * stored, and the 400 lists each problem by row, column and reason. The entries belong to the
 * import, so removing it removes them. The audit row counts the rows, never their words.
 */
export async function importLibraryFindings(ctx: MemberCtx, input: z.output<typeof importLibraryInput>) {
  const partnershipId = ctx.membership.partnershipId;
  const { typologyNames, factorGroupKeys: groupKeys } = await vocabulary(ctx);
  const parsed = parseLibraryImport(input.csv, {
    typologyCodes: [...typologyNames.keys()],
    factorGroupKeys: groupKeys,
    today: londonDate(ctx.now),
  });
  if (!parsed.ok) {
    const shown =
      parsed.problems.length < parsed.problemCount ? ` (the first ${parsed.problems.length} are listed)` : '';
    throw new AppError(
      'validation_failed',
      `The file has ${parsed.problemCount === 1 ? 'a problem' : `${parsed.problemCount} problems`}${shown}; nothing was imported.`,
      {
        fields: parsed.problems.map((p) => ({
          path: 'csv',
          message: `Row ${p.row}, ${p.column}: ${p.message}`,
        })),
        rows: parsed.problems,
        problemCount: parsed.problemCount,
      },
    );
  }
  const [record] = await ctx.tx
    .insert(libraryImports)
    .values({
      partnershipId,
      fileName: input.fileName,
      rows: parsed.rows.length,
      importedBy: ctx.principal.userId,
      importedAt: ctx.now,
    })
    .returning({ id: libraryImports.id });
  if (!record) throw new Error('import not stored');
  const values = parsed.rows.map((r) => ({
    partnershipId,
    source: 'import',
    importId: record.id,
    reviewTitle: r.reviewTitle,
    reviewType: r.reviewType,
    statement: r.statement,
    howItShowed: r.howItShowed,
    whyItMatters: r.whyItMatters,
    typologyCode: r.typologyCode,
    typologyName: r.typologyCode ? (typologyNames.get(r.typologyCode) ?? r.typologyCode) : null,
    themes: r.themes,
    factorGroups: r.factorGroups,
    agencySectors: r.agencySectors,
    year: Number(r.publishedOn.slice(0, 4)),
    publishedOn: r.publishedOn,
    reportUrl: r.reportUrl,
    updatedAt: ctx.now,
  }));
  for (let i = 0; i < values.length; i += 500)
    await ctx.tx.insert(libraryEntries).values(values.slice(i, i + 500));
  const reviews = new Set(parsed.rows.map((r) => `${r.reviewTitle.toLowerCase()}\u0000${r.publishedOn}`))
    .size;
  await auditAction(ctx, {
    action: 'library.imported',
    entityType: 'library_import',
    entityId: record.id,
    details: { rows: parsed.rows.length, reviews },
  });
  return { id: record.id, rows: parsed.rows.length, reviews };
}

/**
 * Removes an import of the partnership with every finding it brought. Another partnership's import
 * is not found; removing one already removed changes nothing.
 */
export async function removeLibraryImport(ctx: MemberCtx, importId: string): Promise<void> {
  const [removed] = await ctx.tx
    .delete(libraryImports)
    .where(
      and(eq(libraryImports.id, importId), eq(libraryImports.partnershipId, ctx.membership.partnershipId)),
    )
    .returning({ id: libraryImports.id, rows: libraryImports.rows });
  if (!removed) {
    const [elsewhere] = await ctx.tx
      .select({ id: libraryImports.id })
      .from(libraryImports)
      .where(eq(libraryImports.id, importId));
    if (elsewhere) throw AppError.notFound('import');
    return;
  }
  await auditAction(ctx, {
    action: 'library.import_removed',
    entityType: 'library_import',
    entityId: removed.id,
    details: { rows: removed.rows },
  });
}
