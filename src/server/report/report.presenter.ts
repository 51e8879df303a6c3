import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { identifierKindLabels } from '#domain/pseudonym/preview.ts';
import {
  type CirculationDto,
  type ReportHitDto,
  type ReportVersionDto,
  type ReportVersionSummaryDto,
  type signOffDto,
  signOffStatuses,
} from '#domain/report/report.ts';
import { unacknowledgedHits } from '#domain/report/rules.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { reportHitAcknowledgements, reportVersions, users } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { loadCirculations, userNames } from './circulation.service.ts';
import { loadSignOffs } from './sign-off.service.ts';
import { type ReportVersionRow, type VersionState, versionColumns, versionStates } from './version-access.ts';

type SignOffDto = z.infer<typeof signOffDto>;

/** An acknowledgement of a hit: why it may stay, who said so and when. */
export type Acknowledgement = { hitKey: string; reason: string; byName: string | null; at: Date };

/** The acknowledged hits of the given versions, by version id and hit key. */
export async function acknowledgementsOf(
  ctx: ReviewCtx,
  versionIds: readonly string[],
): Promise<Map<string, Map<string, Acknowledgement>>> {
  const byVersion = new Map<string, Map<string, Acknowledgement>>();
  if (!versionIds.length) return byVersion;
  const rows = await ctx.tx
    .select({
      versionId: reportHitAcknowledgements.versionId,
      hitKey: reportHitAcknowledgements.hitKey,
      reason: reportHitAcknowledgements.reason,
      byName: users.name,
      at: reportHitAcknowledgements.acknowledgedAt,
    })
    .from(reportHitAcknowledgements)
    .leftJoin(users, eq(users.id, reportHitAcknowledgements.acknowledgedBy))
    .where(inArray(reportHitAcknowledgements.versionId, [...versionIds]));
  for (const { versionId, ...ack } of rows) {
    const forVersion = byVersion.get(versionId) ?? new Map<string, Acknowledgement>();
    forVersion.set(ack.hitKey, ack);
    byVersion.set(versionId, forVersion);
  }
  return byVersion;
}

/** The keys of a version's hits that nobody has acknowledged. */
export function unacknowledgedOf(
  row: Pick<ReportVersionRow, 'hits'>,
  acks: ReadonlyMap<string, unknown>,
): string[] {
  return unacknowledgedHits(
    row.hits.map((h) => h.key),
    new Set(acks.keys()),
  );
}

/** A version as one line of the list of versions. */
export function presentVersionSummary(
  row: ReportVersionRow,
  state: VersionState,
  acks: ReadonlyMap<string, Acknowledgement>,
  names: ReadonlyMap<string, string>,
): ReportVersionSummaryDto {
  return {
    number: row.number,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
    hitCount: row.hits.length,
    unacknowledgedCount: unacknowledgedOf(row, acks).length,
    publishable: row.publishable,
    signOffStatus: state.signOffStatus,
    signOffStatusLabel: signOffStatuses[state.signOffStatus],
    circulatedTo: state.circulatedTo,
  };
}

/** The hits of a version's latest scan, each with its acknowledgement if it has one. */
export function presentHits(
  row: ReportVersionRow,
  acks: ReadonlyMap<string, Acknowledgement>,
): ReportHitDto[] {
  return row.hits.map((hit) => {
    const ack = acks.get(hit.key);
    return {
      key: hit.key,
      kind: hit.kind,
      kindLabel: identifierKindLabels[hit.kind] ?? hit.kind,
      match: hit.match,
      context: hit.context,
      sectionId: hit.sectionId,
      sectionTitle: hit.sectionTitle,
      acknowledgement: ack ? { reason: ack.reason, byName: ack.byName, at: ack.at.toISOString() } : null,
    };
  });
}

/**
 * A version of the report with its document, the latest identifier scan and acknowledgements,
 * its circulations and sign-offs, and what the person may do with it. Readers outside the review
 * team side see the counts of the scan but not what it found.
 */
export async function presentReportVersion(ctx: ReviewCtx, versionId: string): Promise<ReportVersionDto> {
  const [row] = await ctx.tx
    .select(versionColumns)
    .from(reportVersions)
    .where(and(eq(reportVersions.id, versionId), eq(reportVersions.reviewId, ctx.review.id)));
  if (!row) throw AppError.notFound('report version');
  const state = (await versionStates(ctx, [row.id])).get(row.id) as VersionState;
  const acks = (await acknowledgementsOf(ctx, [row.id])).get(row.id) ?? new Map<string, Acknowledgement>();
  const names = await userNames(ctx.tx, [row.createdBy, row.publishableBy]);
  const circulations: CirculationDto[] = await loadCirculations(ctx, row.id);
  const signOffs: SignOffDto[] = await loadSignOffs(ctx, row.id);
  const checks = mayInReview(ctx.actor, 'checkReportIdentifiers');
  return {
    ...presentVersionSummary(row, state, acks, names),
    document: row.document,
    // What the scan found is for the review team side; the names behind an ambiguous replacement,
    // with the pseudonyms they could be, are part of the register and only for those who hold it.
    scan: {
      scannedAt: row.scannedAt.toISOString(),
      hits: mayInReview(ctx.actor, 'viewReportDrafts') ? presentHits(row, acks) : [],
    },
    ambiguousNames: mayInReview(ctx.actor, 'viewPseudonymRegister') ? row.ambiguous : [],
    unwrittenSections: row.unwritten,
    publishableAt: row.publishableAt?.toISOString() ?? null,
    publishableByName: row.publishableBy ? (names.get(row.publishableBy) ?? null) : null,
    signOffs,
    nextSignOffStep: state.nextSignOffStep,
    circulations,
    abilities: {
      download: true,
      scan: checks,
      acknowledge: checks,
      markPublishable: checks,
      circulate: mayInReview(ctx.actor, 'circulateReport'),
      signOff: mayInReview(ctx.actor, 'signOffReport') && state.nextSignOffStep !== null && row.publishable,
    },
  };
}
