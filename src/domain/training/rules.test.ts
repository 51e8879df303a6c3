import { describe, expect, it } from 'vitest';
import {
  milestoneProblems,
  outstandingMilestones,
  type ReviewerCheck,
  type ReviewerForWarnings,
  reviewerProblems,
  reviewerWarnings,
} from './rules.ts';
import type { MilestoneKind } from './training.ts';

const police = 'a0000000-0000-4000-8000-000000000001';
const health = 'a0000000-0000-4000-8000-000000000002';
const school = 'a0000000-0000-4000-8000-000000000003';

const accredited: ReviewerForWarnings = {
  name: 'Amara Okafor',
  status: 'accredited',
  supervisorReviewerId: null,
  conflicts: [],
};
const codes = (r: ReviewerForWarnings, agencyIds: string[] = []) =>
  reviewerWarnings(r, { agencyIds }).map((w) => w.code);

describe('warnings before commissioning a reviewer', () => {
  it('has nothing to say about an accredited reviewer with no conflict with the review’s agencies', () => {
    expect(
      reviewerWarnings(
        {
          ...accredited,
          conflicts: [{ agencyId: school, agencyName: 'Northshire schools', description: 'x' }],
        },
        { agencyIds: [police, health] },
      ),
    ).toEqual([]);
  });

  it('warns that a lapsed reviewer’s accreditation has lapsed', () => {
    expect(reviewerWarnings({ ...accredited, status: 'lapsed' }, { agencyIds: [] })).toEqual([
      { code: 'lapsed', message: 'Amara Okafor’s accreditation has lapsed' },
    ]);
  });

  it('warns that a trainee is not accredited, and that one with no supervisor needs one', () => {
    expect(codes({ ...accredited, status: 'trainee' })).toEqual([
      'not_accredited',
      'trainee_needs_supervisor',
    ]);
    expect(codes({ ...accredited, status: 'trainee', supervisorReviewerId: school })).toEqual([
      'not_accredited',
    ]);
  });

  it('names each agency of the review the reviewer declared a conflict with, and ignores the others', () => {
    const warnings = reviewerWarnings(
      {
        ...accredited,
        conflicts: [
          { agencyId: police, agencyName: 'Northshire Police', description: 'Worked there until 2024' },
          { agencyId: school, agencyName: 'Northshire schools', description: 'Governor' },
          { agencyId: null, agencyName: null, description: 'Knows the family’s GP' },
          { agencyId: health, agencyName: 'Northshire NHS Trust', description: 'Partner is a nurse there' },
        ],
      },
      { agencyIds: [police, health] },
    );
    expect(warnings).toEqual([
      {
        code: 'conflict',
        message: 'Amara Okafor declared a conflict with Northshire Police: Worked there until 2024',
      },
      {
        code: 'conflict',
        message: 'Amara Okafor declared a conflict with Northshire NHS Trust: Partner is a nurse there',
      },
    ]);
  });
});

describe('what the training programme still expects', () => {
  const done = (...kinds: MilestoneKind[]) => kinds.map((kind) => ({ kind }));

  it('expects everything of a trainee with nothing recorded', () => {
    expect(outstandingMilestones([])).toEqual([
      '4 more training days (0 of 4 recorded)',
      '3 more group supervision sessions (at least 3 in all)',
      'An individual session while writing the report',
      'Quality assurance of the practice review',
      'An assessment outcome',
      'Accreditation',
    ]);
  });

  it('counts training days and group supervision sessions', () => {
    expect(
      outstandingMilestones(done('training_day', 'training_day', 'training_day', 'group_supervision')),
    ).toEqual([
      '1 more training day (3 of 4 recorded)',
      '2 more group supervision sessions (at least 3 in all)',
      'An individual session while writing the report',
      'Quality assurance of the practice review',
      'An assessment outcome',
      'Accreditation',
    ]);
  });

  it('expects nothing more once every milestone is recorded, however many extra sessions there were', () => {
    expect(
      outstandingMilestones(
        done(
          ...(Array(4).fill('training_day') as MilestoneKind[]),
          ...(Array(5).fill('group_supervision') as MilestoneKind[]),
          'individual_session',
          'practice_review_qa',
          'assessment_outcome',
          'accreditation',
        ),
      ),
    ).toEqual([]);
  });
});

describe('a reviewer’s details', () => {
  const supervisor = 'b0000000-0000-4000-8000-000000000001';
  const review = 'c0000000-0000-4000-8000-000000000001';
  const trainee: ReviewerCheck = {
    reviewerId: null,
    status: 'trainee',
    accreditedOn: null,
    supervisorReviewerId: supervisor,
    supervisorStatus: 'accredited',
    practiceReviewId: review,
    storedPracticeReviewId: null,
  };
  const problems = (overrides: Partial<ReviewerCheck>) =>
    reviewerProblems({ ...trainee, ...overrides }, '2027-06-01');

  it('accepts a trainee with an accredited supervisor and a practice review', () => {
    expect(problems({})).toEqual([]);
  });

  it('needs the date an accredited reviewer was accredited, not in the future, and none for a trainee', () => {
    expect(problems({ status: 'accredited', practiceReviewId: null })).toEqual([
      { path: 'accreditedOn', message: 'Enter the date they were accredited' },
    ]);
    expect(problems({ status: 'accredited', practiceReviewId: null, accreditedOn: '2027-06-02' })).toEqual([
      { path: 'accreditedOn', message: 'The accreditation date must be today or in the past' },
    ]);
    expect(problems({ accreditedOn: '2027-01-01' })).toEqual([
      { path: 'accreditedOn', message: 'A trainee is not accredited yet: remove the accreditation date' },
    ]);
    expect(problems({ status: 'lapsed', practiceReviewId: null })).toEqual([]);
  });

  it('needs a supervisor who is another reviewer and accredited', () => {
    expect(problems({ reviewerId: supervisor })).toEqual([
      { path: 'supervisorReviewerId', message: 'Choose another reviewer as their supervisor' },
    ]);
    for (const supervisorStatus of ['trainee', 'lapsed', null] as const)
      expect(problems({ supervisorStatus })).toEqual([
        { path: 'supervisorReviewerId', message: 'Choose a supervisor who is an accredited reviewer' },
      ]);
  });

  it('gives a practice review only to a trainee, though one accredited since keeps theirs', () => {
    expect(problems({ status: 'accredited', accreditedOn: '2027-05-01' })).toEqual([
      { path: 'practiceReviewId', message: 'Only a trainee carries out a practice review' },
    ]);
    expect(
      problems({ status: 'accredited', accreditedOn: '2027-05-01', storedPracticeReviewId: review }),
    ).toEqual([]);
  });
});

describe('a training milestone', () => {
  const today = '2027-06-01';

  it('cannot be dated in the future', () => {
    expect(milestoneProblems({ kind: 'training_day', on: '2027-06-01' }, today)).toEqual([]);
    expect(milestoneProblems({ kind: 'training_day', on: '2027-06-02' }, today)).toEqual([
      { path: 'on', message: 'The date must be today or in the past' },
    ]);
  });

  it('needs the outcome of an assessment', () => {
    expect(milestoneProblems({ kind: 'assessment_outcome', on: today, outcome: ' ' }, today)).toEqual([
      { path: 'outcome', message: 'Enter the outcome of the assessment' },
    ]);
    expect(milestoneProblems({ kind: 'assessment_outcome', on: today, outcome: 'Passed' }, today)).toEqual(
      [],
    );
  });
});
