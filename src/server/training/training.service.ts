import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { londonDate } from '#domain/intake/deadlines.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { milestoneProblems, outstandingMilestones } from '#domain/training/rules.ts';
import {
  type AccreditationStatus,
  type CohortDto,
  type cohortList,
  type createCohortInput,
  type MilestoneKind,
  milestoneKinds,
  type recordTrainingMilestoneInput,
  type TrainingRecordDto,
} from '#domain/training/training.ts';
import { auditAction } from '../audit/audit.service.ts';
import { reviewers, trainingCohorts, trainingMilestones, users } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { safeFileName } from '../meeting/calendar.ts';
import { renderLogbookDocx } from './logbook.ts';
import { loadReviewer, may, presentReviewer, type ReviewerRow } from './reviewer.presenter.ts';

type CohortRow = typeof trainingCohorts.$inferSelect;

/** The partnership's cohorts, newest first, each with its trainees and how many milestones each has done. */
export async function listCohorts(ctx: MemberCtx): Promise<z.input<typeof cohortList>> {
  const partnershipId = ctx.membership.partnershipId;
  const cohorts = await ctx.tx
    .select()
    .from(trainingCohorts)
    .where(eq(trainingCohorts.partnershipId, partnershipId))
    .orderBy(desc(trainingCohorts.startsOn), asc(trainingCohorts.name));
  const ids = cohorts.map((c) => c.id);
  const trainees = ids.length
    ? await ctx.tx
        .select({
          id: reviewers.id,
          name: reviewers.name,
          status: reviewers.status,
          cohortId: reviewers.cohortId,
          milestonesDone: count(trainingMilestones.id),
        })
        .from(reviewers)
        .leftJoin(trainingMilestones, eq(trainingMilestones.reviewerId, reviewers.id))
        .where(and(eq(reviewers.partnershipId, partnershipId), inArray(reviewers.cohortId, ids)))
        .groupBy(reviewers.id)
        .orderBy(asc(reviewers.name))
    : [];
  return {
    cohorts: cohorts.map((c) =>
      presentCohort(
        c,
        trainees.filter((t) => t.cohortId === c.id),
      ),
    ),
    abilities: { manage: may(ctx, 'manageReviewerPool') },
  };
}

function presentCohort(
  row: CohortRow,
  trainees: { id: string; name: string; status: string; milestonesDone: number }[],
): CohortDto {
  return {
    id: row.id,
    name: row.name,
    startsOn: row.startsOn,
    provider: row.provider,
    notes: row.notes,
    trainees: trainees.map((t) => ({
      id: t.id,
      name: t.name,
      status: t.status as AccreditationStatus,
      milestonesDone: Number(t.milestonesDone),
    })),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Adds a training cohort; its name must not already be one of the partnership's cohorts. */
export async function createCohort(
  ctx: MemberCtx,
  input: z.output<typeof createCohortInput>,
): Promise<CohortDto> {
  const partnershipId = ctx.membership.partnershipId;
  const [clash] = await ctx.tx
    .select({ id: trainingCohorts.id })
    .from(trainingCohorts)
    .where(
      and(
        eq(trainingCohorts.partnershipId, partnershipId),
        sql`lower(${trainingCohorts.name}) = lower(${input.name})`,
      ),
    );
  if (clash) throw AppError.invalid([{ path: 'name', message: 'A cohort with this name already exists' }]);
  const [row] = await ctx.tx
    .insert(trainingCohorts)
    .values({
      partnershipId,
      name: input.name,
      startsOn: input.startsOn,
      provider: input.provider || null,
      notes: input.notes || null,
      createdAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('cohort not stored');
  await auditAction(ctx, {
    action: 'cohort.created',
    entityType: 'training_cohort',
    entityId: row.id,
    details: { name: row.name, startsOn: row.startsOn },
  });
  return presentCohort(row, []);
}

async function trainingRecordOf(ctx: MemberCtx, reviewer: ReviewerRow): Promise<TrainingRecordDto> {
  const rows = await ctx.tx
    .select({ milestone: trainingMilestones, recordedByName: users.name })
    .from(trainingMilestones)
    .leftJoin(users, eq(users.id, trainingMilestones.recordedBy))
    .where(eq(trainingMilestones.reviewerId, reviewer.id))
    .orderBy(asc(trainingMilestones.on), asc(trainingMilestones.createdAt));
  const milestones = rows.map(({ milestone: m, recordedByName }) => ({
    id: m.id,
    kind: m.kind as MilestoneKind,
    kindLabel: milestoneKinds[m.kind as MilestoneKind] ?? m.kind,
    on: m.on,
    outcome: m.outcome,
    notes: m.notes,
    recordedByName,
  }));
  return {
    reviewer: await presentReviewer(ctx, reviewer),
    milestones,
    // The programme leads a trainee to accreditation; an accredited or lapsed reviewer owes it nothing.
    outstanding: reviewer.status === 'trainee' ? outstandingMilestones(milestones) : [],
    abilities: { record: may(ctx, 'manageReviewerPool') },
  };
}

/** A reviewer's training record: their milestones by date and what the programme still expects. */
export async function getTrainingRecord(ctx: MemberCtx, reviewerId: string): Promise<TrainingRecordDto> {
  return trainingRecordOf(ctx, await loadReviewer(ctx, reviewerId));
}

/**
 * Records a milestone on a reviewer's way to accreditation, dated today or earlier (London time);
 * an assessment outcome needs its outcome. Recording accreditation makes the reviewer accredited
 * from that date.
 */
export async function recordTrainingMilestone(
  ctx: MemberCtx,
  reviewerId: string,
  input: z.output<typeof recordTrainingMilestoneInput>,
): Promise<TrainingRecordDto> {
  const reviewer = await loadReviewer(ctx, reviewerId, { lock: true });
  const problems = milestoneProblems(input, londonDate(ctx.now));
  if (problems.length) throw AppError.invalid(problems);
  const [milestone] = await ctx.tx
    .insert(trainingMilestones)
    .values({
      partnershipId: ctx.membership.partnershipId,
      reviewerId: reviewer.id,
      kind: input.kind,
      on: input.on,
      outcome: input.outcome || null,
      notes: input.notes || null,
      recordedBy: ctx.principal.userId,
      createdAt: ctx.now,
    })
    .returning();
  if (!milestone) throw new Error('milestone not stored');
  await auditAction(ctx, {
    action: 'training_milestone.recorded',
    entityType: 'reviewer',
    entityId: reviewer.id,
    details: { milestoneId: milestone.id, kind: milestone.kind, on: milestone.on },
  });
  let current = reviewer;
  const fields = [
    ...(reviewer.status !== 'accredited' ? ['status'] : []),
    ...(reviewer.accreditedOn !== input.on ? ['accreditedOn'] : []),
  ];
  if (input.kind === 'accreditation' && fields.length) {
    const [accredited] = await ctx.tx
      .update(reviewers)
      .set({
        status: 'accredited',
        accreditedOn: input.on,
        version: reviewer.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(reviewers.id, reviewer.id))
      .returning();
    current = accredited ?? reviewer;
    await auditAction(ctx, {
      action: 'reviewer.updated',
      entityType: 'reviewer',
      entityId: reviewer.id,
      details: {
        fields,
        accredited: true,
        from: reviewer.status,
        milestoneId: milestone.id,
        version: current.version,
      },
    });
  }
  return trainingRecordOf(ctx, current);
}

/** A reviewer's accreditation logbook as a Word document; each download is audited. */
export async function downloadLogbook(
  ctx: MemberCtx,
  reviewerId: string,
): Promise<{ docx: Buffer; fileName: string }> {
  const record = await getTrainingRecord(ctx, reviewerId);
  const docx = await renderLogbookDocx(record, { author: ctx.principal.name, on: londonDate(ctx.now) });
  await auditAction(ctx, {
    action: 'logbook.downloaded',
    entityType: 'reviewer',
    entityId: reviewerId,
    details: { milestones: record.milestones.length },
  });
  return { docx, fileName: `accreditation-logbook-${safeFileName(record.reviewer.name)}.docx` };
}
