import type { IsoDate } from '../calendar/working-days.ts';
import type { FieldError } from '../shared/app-error.ts';
import type { AccreditationStatus, MilestoneKind } from './training.ts';

/** Training days in the programme: four days of face-to-face training. */
export const TRAINING_DAYS = 4;
/** Group supervision sessions through the practice review, at least. */
export const GROUP_SUPERVISION_SESSIONS = 3;

export type ReviewerWarning = {
  code: 'lapsed' | 'trainee_needs_supervisor' | 'conflict' | 'not_accredited';
  message: string;
};

/** A reviewer as the warnings read them: declared conflicts carry the agency's name where known. */
export type ReviewerForWarnings = {
  name: string;
  status: AccreditationStatus;
  supervisorReviewerId: string | null;
  conflicts: readonly { agencyId: string | null; agencyName: string | null; description: string }[];
};

/**
 * What to weigh before commissioning a reviewer as lead reviewer of a review: lapsed accreditation,
 * a trainee who is not accredited or has no supervisor, and each declared conflict with one of the
 * review's agencies.
 */
export function reviewerWarnings(
  reviewer: ReviewerForWarnings,
  review: { agencyIds: readonly string[] },
): ReviewerWarning[] {
  const warnings: ReviewerWarning[] = [];
  if (reviewer.status === 'lapsed')
    warnings.push({
      code: 'lapsed',
      message: `${reviewer.name}’s accreditation has lapsed`,
    });
  if (reviewer.status === 'trainee') {
    warnings.push({
      code: 'not_accredited',
      message: `${reviewer.name} is a trainee, not yet accredited: pair them with an accredited lead reviewer`,
    });
    if (!reviewer.supervisorReviewerId)
      warnings.push({
        code: 'trainee_needs_supervisor',
        message: `${reviewer.name} is a trainee with no supervisor: choose one before they lead a review`,
      });
  }
  const agencies = new Set(review.agencyIds);
  for (const conflict of reviewer.conflicts) {
    if (!conflict.agencyId || !agencies.has(conflict.agencyId)) continue;
    warnings.push({
      code: 'conflict',
      message: `${reviewer.name} declared a conflict with ${conflict.agencyName ?? 'one of the review’s agencies'}: ${conflict.description}`,
    });
  }
  return warnings;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * What the training programme still expects of a trainee: four training days, at least three group
 * supervision sessions, an individual session while writing the report, quality assurance of the
 * practice review, an assessment outcome and accreditation. Empty once all are recorded.
 */
export function outstandingMilestones(milestones: readonly { kind: MilestoneKind }[]): string[] {
  const count = (kind: MilestoneKind) => milestones.filter((m) => m.kind === kind).length;
  const outstanding: string[] = [];
  const days = TRAINING_DAYS - count('training_day');
  if (days > 0)
    outstanding.push(
      `${days} more training ${plural(days, 'day', 'days')} (${TRAINING_DAYS - days} of ${TRAINING_DAYS} recorded)`,
    );
  const sessions = GROUP_SUPERVISION_SESSIONS - count('group_supervision');
  if (sessions > 0)
    outstanding.push(
      `${sessions} more group supervision ${plural(sessions, 'session', 'sessions')} (at least ${GROUP_SUPERVISION_SESSIONS} in all)`,
    );
  if (!count('individual_session')) outstanding.push('An individual session while writing the report');
  if (!count('practice_review_qa')) outstanding.push('Quality assurance of the practice review');
  if (!count('assessment_outcome')) outstanding.push('An assessment outcome');
  if (!count('accreditation')) outstanding.push('Accreditation');
  return outstanding;
}

/** A reviewer's details as the rules check them, with what the server knows about the references. */
export type ReviewerCheck = {
  /** The reviewer being changed, or null for a new one. */
  reviewerId: string | null;
  status: AccreditationStatus;
  accreditedOn: IsoDate | null;
  supervisorReviewerId: string | null;
  /** The chosen supervisor's accreditation status, when they are in the pool. */
  supervisorStatus: AccreditationStatus | null;
  practiceReviewId: string | null;
  /** The practice review the reviewer already had, which they keep once accredited. */
  storedPracticeReviewId: string | null;
};

/**
 * The field errors of a reviewer's details: an accredited reviewer needs the date they were
 * accredited, which cannot be in the future and which a trainee cannot have; a supervisor must be
 * another reviewer who is accredited; and only a trainee takes on a practice review.
 */
export function reviewerProblems(input: ReviewerCheck, today: IsoDate): FieldError[] {
  const problems: FieldError[] = [];
  if (input.status === 'accredited' && !input.accreditedOn)
    problems.push({ path: 'accreditedOn', message: 'Enter the date they were accredited' });
  else if (input.status === 'trainee' && input.accreditedOn)
    problems.push({
      path: 'accreditedOn',
      message: 'A trainee is not accredited yet: remove the accreditation date',
    });
  else if (input.accreditedOn && input.accreditedOn > today)
    problems.push({ path: 'accreditedOn', message: 'The accreditation date must be today or in the past' });
  if (input.supervisorReviewerId) {
    if (input.supervisorReviewerId === input.reviewerId)
      problems.push({ path: 'supervisorReviewerId', message: 'Choose another reviewer as their supervisor' });
    else if (input.supervisorStatus !== 'accredited')
      problems.push({
        path: 'supervisorReviewerId',
        message: 'Choose a supervisor who is an accredited reviewer',
      });
  }
  if (
    input.practiceReviewId &&
    input.status !== 'trainee' &&
    input.practiceReviewId !== input.storedPracticeReviewId
  )
    problems.push({ path: 'practiceReviewId', message: 'Only a trainee carries out a practice review' });
  return problems;
}

/**
 * The field errors of a training milestone: it cannot be dated in the future, and an assessment
 * outcome needs its outcome.
 */
export function milestoneProblems(
  input: { kind: MilestoneKind; on: IsoDate; outcome?: string | null | undefined },
  today: IsoDate,
): FieldError[] {
  const problems: FieldError[] = [];
  if (input.on > today) problems.push({ path: 'on', message: 'The date must be today or in the past' });
  if (input.kind === 'assessment_outcome' && !input.outcome?.trim())
    problems.push({ path: 'outcome', message: 'Enter the outcome of the assessment' });
  return problems;
}
