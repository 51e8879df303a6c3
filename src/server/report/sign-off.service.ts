import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type SignOffOutcome,
  type signOffDto,
  signOffOutcomes,
  type signOffReportInput,
} from '#domain/report/report.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { reportSignOffs } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { audit, userNames } from './circulation.service.ts';
import { presentReportVersion } from './report.presenter.ts';
import type { VersionCtx } from './version-access.ts';

export type SignOffDto = z.infer<typeof signOffDto>;

/** The outcomes recorded in the sign-off chain of a version, in step order, with who recorded them. */
export async function loadSignOffs(ctx: ReviewCtx, versionId: string): Promise<SignOffDto[]> {
  const rows = await ctx.tx
    .select()
    .from(reportSignOffs)
    .where(and(eq(reportSignOffs.reviewId, ctx.review.id), eq(reportSignOffs.versionId, versionId)))
    .orderBy(asc(reportSignOffs.step));
  const names = await userNames(
    ctx.tx,
    rows.map((r) => r.recordedBy),
  );
  return rows.map((r) => {
    const outcome = r.outcome as SignOffOutcome;
    return {
      step: r.step,
      stepLabel: r.stepLabel,
      outcome,
      outcomeLabel: signOffOutcomes[outcome],
      note: r.note,
      byName: (r.recordedBy && names.get(r.recordedBy)) || null,
      at: r.recordedAt.toISOString(),
    };
  });
}

/** Why the given step cannot be recorded now, for a 409 that carries the version as it is. */
function staleStepMessage(ctx: VersionCtx, step: number): string {
  const { signOffStatus, nextSignOffStep } = ctx.versionState;
  if (signOffStatus === 'signed_off') return 'This version has already been signed off at every step.';
  if (signOffStatus === 'changes_requested')
    return 'Changes were requested for this version, so its sign-off has stopped. Generate a new version and start again.';
  return `The next step to record is “${nextSignOffStep?.label}”, not step ${step + 1}. Someone may have recorded a step while you were looking. Check the current sign-offs and try again.`;
}

/**
 * Records the outcome of the next step of the sign-off chain for a publishable version. Changes
 * requested (with a note) stop the chain for this version; once every step is approved it is
 * signed off, and everyone in the review may read it.
 */
export async function signOffReport(ctx: VersionCtx, input: z.output<typeof signOffReportInput>) {
  const version = ctx.reportVersion;
  if (!version.publishable)
    throw new AppError('conflict', 'Mark this version publishable before it is signed off.', {
      reason: 'not_publishable',
    });
  const next = ctx.versionState.nextSignOffStep;
  if (!next || next.step !== input.step)
    throw new AppError('stale_version', staleStepMessage(ctx, input.step), {
      reason:
        ctx.versionState.signOffStatus === 'in_progress' || ctx.versionState.signOffStatus === 'not_started'
          ? 'wrong_step'
          : ctx.versionState.signOffStatus,
      current: await presentReportVersion(ctx, version.id),
    });
  const note = input.note?.trim() || null;
  if (input.outcome === 'changes_requested' && !note)
    throw AppError.invalid([{ path: 'note', message: 'Say what needs to change' }]);
  await ctx.tx.insert(reportSignOffs).values({
    partnershipId: ctx.review.partnershipId,
    reviewId: ctx.review.id,
    versionId: version.id,
    step: next.step,
    stepLabel: next.label,
    outcome: input.outcome,
    note,
    recordedBy: ctx.principal.userId,
    recordedAt: ctx.now,
  });
  await audit(ctx, 'report.signed_off', 'report_version', version.id, {
    versionNumber: version.number,
    step: next.step,
    label: next.label,
    outcome: input.outcome,
    ...(input.outcome === 'approved' && next.step === ctx.versionState.chain.length - 1
      ? { signedOff: true }
      : {}),
  });
}
