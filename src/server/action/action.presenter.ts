import { and, asc, eq, type SQL } from 'drizzle-orm';
import {
  type ActionDto,
  type ActionStatus,
  type ActionTarget,
  actionStatuses,
  type ImpactEvidenceKind,
} from '#domain/action/action.ts';
import { compareForTracker, isDueSoon, isOverdue, targetText } from '#domain/action/rules.ts';
import type { Queryable } from '../db/client.ts';
import { actions, agencies, findings, reviews } from '../db/schema/index.ts';

export type ActionRow = typeof actions.$inferSelect;

/** An action with its finding, its review's title and its owner agency's name. */
export type ActionRecord = {
  action: ActionRow;
  reviewTitle: string;
  finding: Pick<typeof findings.$inferSelect, 'number' | 'statement' | 'boardQuestions' | 'recommendations'>;
  agencyName: string | null;
};

/** The actions matching a condition, each with its finding, review title and owner agency. */
export async function actionRecords(q: Queryable, where: SQL | undefined): Promise<ActionRecord[]> {
  return q
    .select({
      action: actions,
      reviewTitle: reviews.title,
      finding: {
        number: findings.number,
        statement: findings.statement,
        boardQuestions: findings.boardQuestions,
        recommendations: findings.recommendations,
      },
      agencyName: agencies.name,
    })
    .from(actions)
    .innerJoin(findings, eq(findings.id, actions.findingId))
    .innerJoin(reviews, eq(reviews.id, actions.reviewId))
    .leftJoin(agencies, eq(agencies.id, actions.ownerAgencyId))
    .where(where)
    .orderBy(asc(reviews.title), asc(findings.number), asc(actions.createdAt));
}

/** One action of a review, with what it links to, or nothing. */
export async function actionRecord(q: Queryable, reviewId: string, actionId: string) {
  const [found] = await actionRecords(q, and(eq(actions.id, actionId), eq(actions.reviewId, reviewId)));
  return found ?? null;
}

/** An action as the API shows it, with whether it is overdue or due soon on the given day. */
export function presentAction(record: ActionRecord, today: string, edit: boolean): ActionDto {
  const { action: a, finding } = record;
  const status = a.status as ActionStatus;
  const target = a.target as ActionTarget;
  return {
    id: a.id,
    reviewId: a.reviewId,
    reviewTitle: record.reviewTitle,
    findingId: a.findingId,
    findingNumber: finding.number,
    findingStatement: finding.statement,
    target,
    targetIndex: a.targetIndex,
    targetText: targetText(target, a.targetIndex, finding),
    description: a.description,
    ownerAgency: a.ownerAgencyId ? { id: a.ownerAgencyId, name: record.agencyName ?? '' } : null,
    ownerName: a.ownerName,
    dueOn: a.dueOn,
    successMeasure: a.successMeasure,
    status,
    statusLabel: actionStatuses[status] ?? status,
    completedOn: a.completedOn,
    impactEvidenceKind: a.impactEvidenceKind as ImpactEvidenceKind | null,
    impactEvidence: a.impactEvidence,
    progressNote: a.progressNote,
    overdue: isOverdue({ dueOn: a.dueOn, status }, today),
    dueSoon: isDueSoon({ dueOn: a.dueOn, status }, today),
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
    abilities: { edit },
  };
}

/** Actions in the tracker's order: overdue first, then by due date. */
export function inTrackerOrder(list: ActionDto[], records: ActionRecord[]): ActionDto[] {
  const created = new Map(records.map((r) => [r.action.id, r.action.createdAt.toISOString()]));
  return list
    .map((a) => ({ ...a, createdAt: created.get(a.id) ?? '' }))
    .sort(compareForTracker)
    .map(({ createdAt: _, ...a }) => a);
}
