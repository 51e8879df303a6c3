import { eq } from 'drizzle-orm';
import { scanDocument } from '#domain/report/anonymise.ts';
import type { ReportVersionDto } from '#domain/report/report.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { reportHitAcknowledgements, reportVersions } from '../db/schema/index.ts';
import { loadRegister, registerEntries } from '../pseudonym/pseudonym.service.ts';
import {
  acknowledgementsOf,
  presentHits,
  presentReportVersion,
  unacknowledgedOf,
} from './report.presenter.ts';
import { publicNamesOf } from './report-facts.ts';
import type { VersionCtx } from './version-access.ts';

const audit = (
  ctx: VersionCtx,
  action: 'report.scanned' | 'report.hit_acknowledged' | 'report.marked_publishable',
  details: Record<string, unknown>,
) =>
  auditAction(ctx, {
    action,
    entityType: 'report_version',
    entityId: ctx.reportVersion.id,
    details: { reviewId: ctx.review.id, number: ctx.reportVersion.number, ...details },
  });

const acknowledgedIn = async (ctx: VersionCtx) =>
  (await acknowledgementsOf(ctx, [ctx.reportVersion.id])).get(ctx.reportVersion.id) ?? new Map();

/**
 * Scans a version again with the pseudonym register as it is now (it may have grown since the
 * version was generated) and keeps what it finds. A version with a hit nobody has acknowledged is
 * no longer publishable. The audit row counts hits, never what they are.
 */
export async function scanReportIdentifiers(ctx: VersionCtx): Promise<ReportVersionDto> {
  const version = ctx.reportVersion;
  const register = registerEntries(await loadRegister(ctx));
  const hits = scanDocument(version.document, register, { publicNames: await publicNamesOf(ctx) });
  const unacknowledged = unacknowledgedOf({ hits }, await acknowledgedIn(ctx)).length;
  const revoked = version.publishable && unacknowledged > 0;
  await ctx.tx
    .update(reportVersions)
    .set({
      hits,
      scannedAt: ctx.now,
      ...(revoked ? { publishable: false, publishableBy: null, publishableAt: null } : {}),
    })
    .where(eq(reportVersions.id, version.id));
  await audit(ctx, 'report.scanned', {
    hits: hits.length,
    unacknowledged,
    ...(revoked ? { publishableRevoked: true } : {}),
  });
  return presentReportVersion(ctx, version.id);
}

/**
 * Records why a hit of the latest scan may stay in the report; acknowledging it again replaces the
 * reason. A key that is not a hit of the version is refused (400 naming `key`). The audit row says
 * the kind of hit and its section, never the text found.
 */
export async function acknowledgeReportIdentifier(
  ctx: VersionCtx,
  input: { key: string; reason: string },
): Promise<ReportVersionDto> {
  const version = ctx.reportVersion;
  const hit = version.hits.find((h) => h.key === input.key);
  if (!hit)
    throw AppError.invalid([
      { path: 'key', message: 'Choose something the latest scan of this version found' },
    ]);
  const values = { reason: input.reason, acknowledgedBy: ctx.principal.userId, acknowledgedAt: ctx.now };
  await ctx.tx
    .insert(reportHitAcknowledgements)
    .values({ ...values, versionId: version.id, hitKey: hit.key, partnershipId: ctx.review.partnershipId })
    .onConflictDoUpdate({
      target: [reportHitAcknowledgements.versionId, reportHitAcknowledgements.hitKey],
      set: values,
    });
  await audit(ctx, 'report.hit_acknowledged', { kind: hit.kind, sectionId: hit.sectionId });
  return presentReportVersion(ctx, version.id);
}

/**
 * Marks a version publishable: only when every hit of its latest scan is acknowledged. Otherwise
 * nothing changes and the 409 lists the hits still to deal with in `details.unacknowledged`.
 */
export async function markReportPublishable(ctx: VersionCtx): Promise<ReportVersionDto> {
  const version = ctx.reportVersion;
  const acks = await acknowledgedIn(ctx);
  const pending = new Set(unacknowledgedOf(version, acks));
  if (pending.size) {
    const n = pending.size;
    throw new AppError(
      'conflict',
      `The report cannot be marked publishable yet: ${n} ${n === 1 ? 'identifier' : 'identifiers'} found by the scan ${n === 1 ? 'needs' : 'need'} to be removed or acknowledged with a reason.`,
      {
        reason: 'not_publishable',
        unacknowledged: presentHits(version, acks).filter((h) => pending.has(h.key)),
      },
    );
  }
  if (version.publishable) return presentReportVersion(ctx, version.id);
  await ctx.tx
    .update(reportVersions)
    .set({ publishable: true, publishableBy: ctx.principal.userId, publishableAt: ctx.now })
    .where(eq(reportVersions.id, version.id));
  await audit(ctx, 'report.marked_publishable', { hits: version.hits.length });
  return presentReportVersion(ctx, version.id);
}
