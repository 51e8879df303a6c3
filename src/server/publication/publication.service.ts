import { eq } from 'drizzle-orm';
import { londonDate } from '#domain/intake/deadlines.ts';
import {
  type PublicationDecision,
  type PublicationDto,
  type PublicationForm,
  publicationDecisions,
  publicationForms,
  type RecordPublicationInput,
} from '#domain/publication/publication.ts';
import {
  earliestRemovalDate,
  emptyPublicationRecord,
  normalisePublication,
  type PublicationRecord,
  publicationChecks,
  publicationProblems,
} from '#domain/publication/rules.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { publications, reportVersions, users } from '../db/schema/index.ts';
import { refreshLibraryForReview } from '../library/library-sync.ts';
import { versionStates } from '../report/version-access.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';

type Row = typeof publications.$inferSelect;
type Stored = { row: Row; updatedByName: string | null };

/** The review's publication record as stored, with who last changed it; none until first recorded. */
async function loadPublication(ctx: ReviewCtx): Promise<Stored | null> {
  const [found] = await ctx.tx
    .select({ row: publications, updatedByName: users.name })
    .from(publications)
    .leftJoin(users, eq(users.id, publications.updatedBy))
    .where(eq(publications.reviewId, ctx.review.id));
  return found ? { row: found.row, updatedByName: found.updatedByName ?? null } : null;
}

/** The record the rules read, from the stored row (or the empty record before there is one). */
function recordOf(row: Row | undefined): PublicationRecord {
  if (!row) return emptyPublicationRecord;
  return {
    decision: row.decision as PublicationDecision,
    decisionReason: row.decisionReason,
    form: row.form as PublicationForm | null,
    formReason: row.formReason,
    panelNoticeSentOn: row.panelNoticeSentOn,
    dfeNoticeSentOn: row.dfeNoticeSentOn,
    plannedPublicationDate: row.plannedPublicationDate,
    publishedOn: row.publishedOn,
    url: row.url,
    removalDate: row.removalDate,
    repositorySentOn: row.repositorySentOn,
    notes: row.notes,
  };
}

/** The record with its labels, the earliest date it may come down, what is still needed and what the person may do. */
function presentPublication(
  ctx: ReviewCtx,
  stored: Stored | null,
  signedOffVersion: boolean,
): PublicationDto {
  const record = recordOf(stored?.row);
  return {
    version: stored?.row.version ?? 0,
    ...record,
    decisionLabel: publicationDecisions[record.decision] ?? record.decision,
    formLabel: record.form ? (publicationForms[record.form] ?? record.form) : null,
    earliestRemovalDate: record.decision === 'not_publish' ? null : earliestRemovalDate(record),
    checks: publicationChecks(record, { signedOffVersion }),
    updatedAt: stored ? stored.row.updatedAt.toISOString() : null,
    updatedByName: stored?.updatedByName ?? null,
    abilities: { record: mayInReview(ctx.actor, 'recordPublication') },
  };
}

/** Whether, how, when and where the review's report is published, and what the record still needs. */
export async function getPublication(ctx: ReviewCtx): Promise<PublicationDto> {
  return presentPublication(ctx, await loadPublication(ctx), await hasSignedOffVersion(ctx));
}

/** Whether every step of the sign-off chain has approved some version of the review's report. */
async function hasSignedOffVersion(ctx: ReviewCtx): Promise<boolean> {
  const ids = (
    await ctx.tx
      .select({ id: reportVersions.id })
      .from(reportVersions)
      .where(eq(reportVersions.reviewId, ctx.review.id))
  ).map((v) => v.id);
  if (!ids.length) return false;
  return [...(await versionStates(ctx, ids)).values()].some((s) => s.signOffStatus === 'signed_off');
}

/**
 * Records the whole publication record, based on the version the person saw (0 before there is
 * one). A stale version is refused (409) with the record as it is now; a record that breaks a rule
 * is refused (400) naming each field. Saving what is already stored changes nothing. The audit row
 * names the fields that changed and the decision, never the reasons or notes.
 */
export async function recordPublication(
  ctx: ReviewCtx,
  input: RecordPublicationInput,
): Promise<PublicationDto> {
  const stored = await loadPublication(ctx);
  const signedOff = await hasSignedOffVersion(ctx);
  const current = presentPublication(ctx, stored, signedOff);
  assertVersion(current, input.version, 'publication record', () => current);
  const record = normalisePublication(input);
  const problems = publicationProblems(record, londonDate(ctx.now));
  if (problems.length) throw AppError.invalid(problems);

  const before = recordOf(stored?.row);
  const changed = (Object.keys(record) as (keyof PublicationRecord)[]).filter((k) => record[k] !== before[k]);
  if (!changed.length) return current;

  const version = current.version + 1;
  const values = { ...record, version, updatedBy: ctx.principal.userId, updatedAt: ctx.now };
  if (stored) await ctx.tx.update(publications).set(values).where(eq(publications.reviewId, ctx.review.id));
  else
    await ctx.tx
      .insert(publications)
      .values({ ...values, reviewId: ctx.review.id, partnershipId: ctx.review.partnershipId });
  await auditAction(ctx, {
    action: 'publication.recorded',
    entityType: 'publication',
    entityId: ctx.review.id,
    details: {
      reviewId: ctx.review.id,
      version,
      decision: record.decision,
      ...(before.decision !== record.decision ? { decisionWas: before.decision } : {}),
      fields: changed,
    },
  });
  await refreshLibraryForReview(ctx.tx, ctx.review.id, ctx.now);
  return presentPublication(ctx, await loadPublication(ctx), signedOff);
}
