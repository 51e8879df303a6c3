import { sessionWith } from '../quality/fixtures.ts';
import { demoPartnershipId } from '../testing/render.tsx';
import type { CohortDto, ReviewerDto, TrainingRecordDto } from './api.ts';

export const partnershipApi = `/api/partnerships/${demoPartnershipId}`;
export const reviewersApi = `${partnershipApi}/reviewers`;
export const poolAddress = `/partnerships/${demoPartnershipId}/reviewers`;
export const manager = sessionWith({ viewReviewerPool: true, manageReviewerPool: true });

export const agencyId = '0a1b2c3d-1111-4000-8000-000000000001';
export const cohortId = '0a1b2c3d-2222-4000-8000-000000000001';

/** An accredited reviewer as the server sends them, unless told otherwise. */
export function reviewerBody(overrides: Partial<ReviewerDto> = {}): ReviewerDto {
  return {
    id: '0a1b2c3d-3333-4000-8000-000000000001',
    name: 'Dr Helen Mercer',
    email: 'helen.mercer@example.org',
    userId: null,
    status: 'accredited',
    statusLabel: 'Accredited',
    accreditingBody: 'SCIE',
    accreditedOn: '2024-06-01',
    cohort: null,
    supervisor: null,
    practiceReview: null,
    expertise: ['Neglect', 'Adolescents'],
    availability: 'From September, two days a week',
    conflicts: [],
    warnings: [],
    version: 1,
    ...overrides,
  };
}

export const helen = reviewerBody();
export const tariq = reviewerBody({
  id: '0a1b2c3d-3333-4000-8000-000000000002',
  name: 'Tariq Shah',
  email: 'tariq@example.org',
  status: 'lapsed',
  statusLabel: 'Lapsed',
  accreditedOn: '2019-01-01',
  expertise: [],
  availability: null,
  conflicts: [
    { agencyId, agencyName: 'Northshire Police', description: 'Was a detective sergeant there until 2023' },
  ],
});
export const tina = reviewerBody({
  id: '0a1b2c3d-3333-4000-8000-000000000003',
  name: 'Tina Trainee',
  email: 'tina@example.org',
  status: 'trainee',
  statusLabel: 'Trainee',
  accreditedOn: null,
  accreditingBody: null,
  cohort: { id: cohortId, name: '2026 cohort' },
  expertise: [],
  availability: null,
});

export const reviewerList = (reviewers: ReviewerDto[], manage = true) => ({
  reviewers,
  abilities: { manage },
});

export function trainingRecordBody(overrides: Partial<TrainingRecordDto> = {}): TrainingRecordDto {
  return {
    reviewer: tina,
    milestones: [
      {
        id: '0a1b2c3d-4444-4000-8000-000000000001',
        kind: 'training_day',
        kindLabel: 'Training day',
        on: '2026-01-23',
        outcome: null,
        notes: 'Day 1: the systems model',
        recordedByName: 'Alex Admin',
      },
    ],
    outstanding: [
      '3 more training days (1 of 4 recorded)',
      '3 more group supervision sessions (at least 3 in all)',
      'Accreditation',
    ],
    abilities: { record: true },
    ...overrides,
  };
}

export function cohortBody(overrides: Partial<CohortDto> = {}): CohortDto {
  return {
    id: cohortId,
    name: '2026 cohort',
    startsOn: '2026-01-23',
    provider: 'SCIE',
    notes: null,
    trainees: [{ id: tina.id, name: tina.name, status: 'trainee', milestonesDone: 1 }],
    createdAt: '2026-01-01T09:00:00.000Z',
    ...overrides,
  };
}
