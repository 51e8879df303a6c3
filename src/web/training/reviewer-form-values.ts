import { ApiError } from '../api/client.ts';
import type { FormProblem } from '../components/form-problem.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, parseDateParts, partsFromIso } from '../review/dates.ts';
import type { AccreditationStatus, ReviewerBody, ReviewerDto } from './api.ts';

export type ConflictValues = { key: number; agencyId: string; description: string };

/** What the reviewer form holds, as typed. */
export type ReviewerValues = {
  name: string;
  email: string;
  userId: string;
  status: AccreditationStatus | '';
  accreditingBody: string;
  accreditedOn: DateParts;
  cohortId: string;
  supervisorReviewerId: string;
  practiceReviewId: string;
  expertise: string;
  availability: string;
  conflicts: ConflictValues[];
};

/** The ids of a conflict row's fields, which are also the paths of the server's field errors. */
export const conflictIds = (index: number) => ({
  agencyId: `conflicts.${index}.agencyId`,
  description: `conflicts.${index}.description`,
});

/** The ids of the form's fields in order: the error summary lists problems in this order. */
export function reviewerFieldIds(conflicts: number): string[] {
  const rows = Array.from({ length: conflicts }, (_, i) => Object.values(conflictIds(i))).flat();
  return [
    'name',
    'email',
    'userId',
    'status',
    'accreditingBody',
    'accreditedOn',
    'cohortId',
    'supervisorReviewerId',
    'practiceReviewId',
    'expertise',
    'availability',
    ...rows,
  ];
}

let nextKey = 1;
/** A new, empty conflict row. */
export const emptyConflict = (): ConflictValues => ({ key: nextKey++, agencyId: '', description: '' });

/** The form's values for a new reviewer, or from a reviewer as they are now. */
export function reviewerValues(r?: ReviewerDto): ReviewerValues {
  return {
    name: r?.name ?? '',
    email: r?.email ?? '',
    userId: r?.userId ?? '',
    status: r?.status ?? '',
    accreditingBody: r?.accreditingBody ?? '',
    accreditedOn: partsFromIso(r?.accreditedOn),
    cohortId: r?.cohort?.id ?? '',
    supervisorReviewerId: r?.supervisor?.id ?? '',
    practiceReviewId: r?.practiceReview?.id ?? '',
    expertise: (r?.expertise ?? []).join('\n'),
    availability: r?.availability ?? '',
    conflicts: (r?.conflicts ?? []).map((c) => ({
      key: nextKey++,
      agencyId: c.agencyId ?? '',
      description: c.description,
    })),
  };
}

const text = (value: string) => (value.trim() ? value.trim() : null);

/**
 * The body to send, or the problems found before sending (no status chosen, a date that is not a
 * real date). A trainee has no accreditation date and only a trainee has a supervisor; a reviewer
 * accredited since keeps their practice review.
 */
export function reviewerBody(v: ReviewerValues): { body: ReviewerBody } | { problem: FormProblem } {
  const trainee = v.status === 'trainee';
  const date = trainee
    ? ({ ok: true, iso: null } as const)
    : parseDateParts(v.accreditedOn, 'the date accredited');
  const problem = clientProblem(
    {
      name: v.name.trim() ? '' : 'Enter the reviewer’s name',
      status: v.status ? '' : 'Choose trainee, accredited or lapsed',
      accreditedOn: date.ok ? '' : date.message,
    },
    reviewerFieldIds(v.conflicts.length),
  );
  if (problem || !v.status || !date.ok) return { problem: problem as FormProblem };
  return {
    body: {
      name: v.name.trim(),
      email: text(v.email),
      userId: v.userId || null,
      status: v.status,
      accreditingBody: text(v.accreditingBody),
      accreditedOn: date.iso,
      cohortId: v.cohortId || null,
      supervisorReviewerId: trainee ? v.supervisorReviewerId || null : null,
      practiceReviewId: v.practiceReviewId || null,
      expertise: v.expertise
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      availability: text(v.availability),
      conflicts: v.conflicts.map((c) => ({
        agencyId: c.agencyId || null,
        description: c.description.trim(),
      })),
    },
  };
}

/** The server's errors about one area of expertise, shown on the expertise question. */
export function namedExpertise(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => (f.path.startsWith('expertise.') ? { ...f, path: 'expertise' } : f));
  return new ApiError(error.status, error.code, error.message, { fields });
}
