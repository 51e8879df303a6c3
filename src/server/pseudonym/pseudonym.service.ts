import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  contextOf,
  identifierKindLabels,
  type PreviewPseudonymisationResult,
} from '#domain/pseudonym/preview.ts';
import { pseudonymise } from '#domain/pseudonym/pseudonymise.ts';
import type {
  PseudonymCategory,
  PseudonymRegisterDto,
  RegisterEntry,
  updatePseudonymRegisterInput,
} from '#domain/pseudonym/register.ts';
import { registerChangeCounts, registerProblems } from '#domain/pseudonym/register-rules.ts';
import { scanIdentifiers } from '#domain/pseudonym/scan.ts';
import { AppError, type ErrorBody } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { pseudonymEntries, pseudonymRegisters, users } from '../db/schema/index.ts';
import { httpStatusFor } from '../http/errors.ts';
import { Respond } from '../http/route.ts';
import { refreshLibraryForReview } from '../library/library-sync.ts';
import type { ReviewCtx } from '../review/access.ts';

type UpdateInput = z.output<typeof updatePseudonymRegisterInput>;

/** How a reading of the register came about, for the audit log: never what it holds. */
type Reading = 'page' | 'preview' | 'stale_write';

/** The review's register as stored: version 0 and no entries until someone first saves it. */
export async function loadRegister(ctx: ReviewCtx): Promise<PseudonymRegisterDto> {
  const [head] = await ctx.tx
    .select({
      version: pseudonymRegisters.version,
      updatedAt: pseudonymRegisters.updatedAt,
      updatedByName: users.name,
    })
    .from(pseudonymRegisters)
    .leftJoin(users, eq(users.id, pseudonymRegisters.updatedBy))
    .where(eq(pseudonymRegisters.reviewId, ctx.review.id));
  if (!head) return { version: 0, entries: [], updatedAt: null, updatedByName: null };
  const rows = await ctx.tx
    .select()
    .from(pseudonymEntries)
    .where(eq(pseudonymEntries.reviewId, ctx.review.id))
    .orderBy(asc(pseudonymEntries.position));
  return {
    version: head.version,
    entries: rows.map((row) => ({
      id: row.id,
      category: row.category as PseudonymCategory,
      realValue: row.realValue,
      variants: row.variants,
      replacement: row.replacement,
      note: row.note,
    })),
    updatedAt: head.updatedAt.toISOString(),
    updatedByName: head.updatedByName ?? null,
  };
}

/** Records that the person read the register: which review and how many entries, never the names. */
export function auditRegisterRead(ctx: ReviewCtx, register: PseudonymRegisterDto, via: Reading) {
  return auditAction(ctx, {
    action: 'pseudonym_register.viewed',
    entityType: 'pseudonym_register',
    entityId: ctx.review.id,
    details: { reviewId: ctx.review.id, version: register.version, entries: register.entries.length, via },
  });
}

/** The register's entries as the pseudonymiser and the identifier scan use them. */
export function registerEntries(register: PseudonymRegisterDto): RegisterEntry[] {
  return register.entries.map(({ category, realValue, variants, replacement }) => ({
    category,
    realValue,
    variants,
    replacement,
  }));
}

/** The review's pseudonym register, in order; every reading is audited. */
export async function getPseudonymRegister(ctx: ReviewCtx): Promise<PseudonymRegisterDto> {
  const register = await loadRegister(ctx);
  await auditRegisterRead(ctx, register, 'page');
  return register;
}

/**
 * Replaces the whole register with the list given, based on the version the person saw. A stale
 * version is refused (409) with the register as it is now, and that reading is audited too. A real
 * name given twice, or a replacement that would still identify someone, is refused (400) naming
 * the row. The audit row counts what changed and never names anyone.
 */
export async function updatePseudonymRegister(
  ctx: ReviewCtx,
  input: UpdateInput,
): Promise<PseudonymRegisterDto | Respond<ErrorBody>> {
  const current = await loadRegister(ctx);
  if (current.version !== input.version) {
    await auditRegisterRead(ctx, current, 'stale_write');
    const error: ErrorBody = {
      error: {
        code: 'stale_version',
        message:
          'Someone else changed the pseudonym register while you were working on it. Check the current register and try again.',
        details: { current },
      },
    };
    // Returned rather than thrown, so the audit row of the register it shows is kept.
    return new Respond(error, httpStatusFor.stale_version);
  }
  const problems = registerProblems(input.entries);
  if (problems.length) throw AppError.invalid(problems);

  const version = current.version + 1;
  const { review } = ctx;
  if (current.version === 0) {
    await ctx.tx.insert(pseudonymRegisters).values({
      reviewId: review.id,
      partnershipId: review.partnershipId,
      version,
      updatedBy: ctx.principal.userId,
      updatedAt: ctx.now,
    });
  } else {
    await ctx.tx
      .update(pseudonymRegisters)
      .set({ version, updatedBy: ctx.principal.userId, updatedAt: ctx.now })
      .where(eq(pseudonymRegisters.reviewId, review.id));
  }
  await ctx.tx.delete(pseudonymEntries).where(eq(pseudonymEntries.reviewId, review.id));
  if (input.entries.length) {
    await ctx.tx.insert(pseudonymEntries).values(
      input.entries.map((entry, position) => ({
        partnershipId: review.partnershipId,
        reviewId: review.id,
        position: position + 1,
        category: entry.category,
        realValue: entry.realValue,
        variants: entry.variants,
        replacement: entry.replacement,
        note: entry.note ? entry.note : null,
      })),
    );
  }
  await auditAction(ctx, {
    action: 'pseudonym_register.updated',
    entityType: 'pseudonym_register',
    entityId: review.id,
    details: {
      reviewId: review.id,
      version,
      entries: input.entries.length,
      ...registerChangeCounts(current.entries, input.entries),
    },
  });
  await refreshLibraryForReview(ctx.tx, review.id, ctx.now);
  return loadRegister(ctx);
}

/**
 * Tries the register on some text: the text with every real name and identifier replaced, how many
 * replacements were made, and what the identifier scan still finds in the result, each with the
 * words around it. Nothing is stored; it is audited as a reading of the register.
 */
export async function previewPseudonymisation(
  ctx: ReviewCtx,
  text: string,
): Promise<PreviewPseudonymisationResult> {
  const register = await loadRegister(ctx);
  await auditRegisterRead(ctx, register, 'preview');
  const entries = registerEntries(register);
  const result = pseudonymise(text, entries);
  const hits = scanIdentifiers(result.text, entries).map((hit) => ({
    kind: hit.kind,
    reason: identifierKindLabels[hit.kind],
    text: hit.match,
    start: hit.start,
    end: hit.end,
    ...contextOf(result.text, hit.start, hit.end),
    rows: (hit.entryIndexes ?? (hit.entryIndex === undefined ? [] : [hit.entryIndex])).map((i) => i + 1),
  }));
  return { text: result.text, replacements: result.replacements, hits };
}
