import { and, asc, eq } from 'drizzle-orm';
import type { CirculationAudience, SignOffOutcome, SignOffStatus } from '#domain/report/report.ts';
import { mayReadVersion, signOffChainOf, signOffState } from '#domain/report/rules.ts';
import { mayInReview, type ReviewAction } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { reportCirculations, reportSignOffs, reportVersions } from '../db/schema/index.ts';
import type { Ctx } from '../http/context.ts';
import { type ReviewCtx, reviewAccess, reviewCtx } from '../review/access.ts';

/** The columns of a version other than its files (which are read only to download them). */
export const versionColumns = {
  id: reportVersions.id,
  partnershipId: reportVersions.partnershipId,
  reviewId: reportVersions.reviewId,
  number: reportVersions.number,
  note: reportVersions.note,
  document: reportVersions.document,
  ambiguous: reportVersions.ambiguous,
  unwritten: reportVersions.unwritten,
  createdBy: reportVersions.createdBy,
  createdAt: reportVersions.createdAt,
  hits: reportVersions.hits,
  scannedAt: reportVersions.scannedAt,
  publishable: reportVersions.publishable,
  publishableBy: reportVersions.publishableBy,
  publishableAt: reportVersions.publishableAt,
};
export type ReportVersionRow = {
  [K in keyof typeof versionColumns]: (typeof reportVersions.$inferSelect)[K];
};

/** Where a version stands: its sign-off state (from the review's chain) and who it was circulated to. */
export type VersionState = {
  chain: string[];
  signOffStatus: SignOffStatus;
  nextSignOffStep: { step: number; label: string } | null;
  circulatedTo: CirculationAudience[];
};

/** A request about one version of the report that the person may read. */
export type VersionCtx = ReviewCtx & { reportVersion: ReportVersionRow; versionState: VersionState };

/** The sign-off state and circulation audiences of each of the given versions of this review. */
export async function versionStates(ctx: ReviewCtx, versionIds: readonly string[]) {
  const chain = signOffChainOf(ctx.review.signOffChain);
  const [signOffs, circulations] = await Promise.all([
    ctx.tx
      .select({
        versionId: reportSignOffs.versionId,
        step: reportSignOffs.step,
        outcome: reportSignOffs.outcome,
      })
      .from(reportSignOffs)
      .where(eq(reportSignOffs.reviewId, ctx.review.id))
      .orderBy(asc(reportSignOffs.step)),
    ctx.tx
      .select({ versionId: reportCirculations.versionId, audience: reportCirculations.audience })
      .from(reportCirculations)
      .where(eq(reportCirculations.reviewId, ctx.review.id)),
  ]);
  const states = new Map<string, VersionState>();
  for (const id of versionIds) {
    const state = signOffState(
      chain,
      signOffs
        .filter((s) => s.versionId === id)
        .map((s) => ({ step: s.step, outcome: s.outcome as SignOffOutcome })),
    );
    const circulatedTo = [
      ...new Set(
        circulations.filter((c) => c.versionId === id).map((c) => c.audience as CirculationAudience),
      ),
    ];
    states.set(id, { chain, signOffStatus: state.status, nextSignOffStep: state.next, circulatedTo });
  }
  return states;
}

/**
 * Route access for one version of the report: the review must be visible (404); the version must
 * exist and be readable by the person (a draft nobody circulated to them is 404, as if it did not
 * exist); then, if the route names an action, the person's roles must allow it (403). The version
 * row is locked for writes so concurrent changes to it queue.
 */
export function reportVersionAccess(action: ReviewAction | null, options: { lock?: boolean } = {}) {
  const inner = reviewAccess('viewReview', options);
  return async (
    ctx: Ctx,
    params: { partnershipId: string; reviewId: string; versionNumber: number },
  ): Promise<VersionCtx> => {
    const r = await inner(ctx, params);
    const query = r.tx
      .select(versionColumns)
      .from(reportVersions)
      .where(and(eq(reportVersions.reviewId, r.review.id), eq(reportVersions.number, params.versionNumber)));
    const [row] = options.lock ? await query.for('update') : await query;
    if (!row) throw AppError.notFound('report version');
    const state = (await versionStates(r, [row.id])).get(row.id) as VersionState;
    if (!mayReadVersion(r.actor, state)) throw AppError.notFound('report version');
    if (action && !mayInReview(r.actor, action)) throw AppError.forbidden();
    return { ...r, reportVersion: row, versionState: state };
  };
}

/** The version context a route's access step produced. */
export function versionCtx(ctx: Ctx): VersionCtx {
  const r = ctx as Partial<VersionCtx>;
  if (!r.reportVersion || !r.versionState) throw new Error('route has no report version access step');
  return { ...reviewCtx(ctx), reportVersion: r.reportVersion, versionState: r.versionState };
}
