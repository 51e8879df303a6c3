import { agencyBody } from '../chronology/fixtures.ts';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId } from '../testing/render.tsx';
import type { ActionDto, ActionList, BoardResponseDto, FindingResponseDto } from './api.ts';

export const partnershipApi = `/api/partnerships/${demoPartnershipId}`;
export const reviewApi = `${partnershipApi}/reviews/${reviewId}`;
export const reviewAddress = `/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
export const findingId = '6f708192-5555-4000-8000-000000000001';
export const secondFindingId = '6f708192-5555-4000-8000-000000000002';
export const actionId = '8a9b0c1d-7777-4000-8000-000000000001';
export const agencyId = '9b0c1d2e-8888-4000-8000-000000000001';

/** The business manager's view of the review: the board's response and the action plan to keep. */
export const businessManager = reviewBody({
  abilities: {
    ...reviewBody().abilities,
    viewFindings: true,
    viewBoardResponse: true,
    recordBoardResponse: true,
    viewActions: true,
    manageActions: true,
    generateBriefing: true,
  },
});

/** A board member's view: they read the response and the plan. */
export const boardMember = reviewBody({
  abilities: { ...reviewBody().abilities, viewBoardResponse: true, viewActions: true },
});

export function findingResponseBody(overrides: Partial<FindingResponseDto> = {}): FindingResponseDto {
  return {
    findingId,
    findingNumber: 1,
    statement: 'Assessment forms discourage recording doubt.',
    boardQuestions: ['How will the board know forms invite doubt?', 'Who reviews the forms?'],
    recommendations: [{ text: 'Revise the assessment form.', addressee: 'Children’s social care' }],
    response: null,
    agreedOn: null,
    updatedByName: null,
    updatedAt: null,
    version: 0,
    actionCount: 0,
    ...overrides,
  };
}

export function boardResponseBody(overrides: Partial<BoardResponseDto> = {}): BoardResponseDto {
  return {
    findings: [
      findingResponseBody(),
      findingResponseBody({
        findingId: secondFindingId,
        findingNumber: 2,
        statement: 'Supervision rarely asks about fathers.',
        boardQuestions: [],
        recommendations: [],
        response: 'The board accepts the finding.',
        agreedOn: '2027-03-02',
        updatedByName: 'Bea Manager',
        updatedAt: '2027-03-02T17:00:00.000Z',
        version: 2,
        actionCount: 1,
      }),
    ],
    agreedCount: 1,
    abilities: { record: true, download: true },
    ...overrides,
  };
}

export function actionBody(overrides: Partial<ActionDto> = {}): ActionDto {
  return {
    id: actionId,
    reviewId,
    reviewTitle: 'Child A',
    findingId,
    findingNumber: 1,
    findingStatement: 'Assessment forms discourage recording doubt.',
    target: 'question',
    targetIndex: 0,
    targetText: 'How will the board know forms invite doubt?',
    description: 'Audit 20 assessments for recorded doubt.',
    ownerAgency: { id: agencyId, name: 'Police' },
    ownerName: 'Head of quality',
    dueOn: '2027-06-30',
    successMeasure: 'Most assessments record what is not known.',
    status: 'in_progress',
    statusLabel: 'In progress',
    completedOn: null,
    impactEvidenceKind: null,
    impactEvidence: null,
    progressNote: null,
    overdue: false,
    dueSoon: false,
    version: 3,
    updatedAt: '2027-04-01T10:00:00.000Z',
    abilities: { edit: true },
    ...overrides,
  };
}

export function actionListBody(actions: ActionDto[], exportable = true): ActionList {
  const count = (s: string) => actions.filter((a) => a.status === s).length;
  return {
    actions,
    counts: {
      open: count('open'),
      in_progress: count('in_progress'),
      done: count('done'),
      impact_verified: count('impact_verified'),
      overdue: actions.filter((a) => a.overdue).length,
    },
    abilities: { export: exportable },
  };
}

export const agenciesBody = { agencies: [agencyBody(agencyId, 'Police')], abilities: { create: false } };
