import { episodeListBody, episodeSummaryBody } from '../analysis/episodes-fixtures.ts';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId } from '../testing/render.tsx';
import type { FindingDto, FindingList, FindingSummary } from './api.ts';

export const findingId = '6f708192-5555-4000-8000-000000000001';
export const reviewApi = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
export const findingsApi = `${reviewApi}/findings`;
export const findingApi = `${findingsApi}/${findingId}`;
export const findingsAddress = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/findings`;
export const findingAddress = `${findingsAddress}/${findingId}`;
export const researchQuestionId = '7a8b9c0d-6666-4000-8000-000000000001';
export const otherResearchQuestionId = '7a8b9c0d-6666-4000-8000-000000000002';

export const firstEpisode = episodeSummaryBody({ number: 1, title: 'Discharge from hospital' });
export const secondEpisode = episodeSummaryBody({ number: 2, title: 'Strategy discussion' });
export const episodesBody = episodeListBody({ episodes: [firstEpisode, secondEpisode] });

const terms = reviewBody().termsOfReference as NonNullable<ReturnType<typeof reviewBody>['termsOfReference']>;

/** A lead reviewer's view of the review: findings to write and agree, research questions in the terms. */
export const leadReviewer = reviewBody({
  abilities: {
    ...reviewBody().abilities,
    viewAnalysis: true,
    editAnalysis: true,
    manageAnalysis: true,
    viewFindings: true,
    editFindings: true,
    agreeFindings: true,
  },
  termsOfReference: {
    ...terms,
    researchQuestions: [
      { id: researchQuestionId, position: 1, text: 'How do agencies share what they know about babies?' },
      { id: otherResearchQuestionId, position: 2, text: 'How are fathers included in assessments?' },
    ],
  },
});

/** Someone who may read the findings but not change them. */
export const findingsReader = reviewBody({
  abilities: { viewReview: true, viewTermsOfReference: true, viewAnalysis: true, viewFindings: true },
});

/** A finding as a lead reviewer sees it, for tests. */
export function findingBody(overrides: Partial<FindingDto> = {}): FindingDto {
  return {
    id: findingId,
    number: 2,
    statement: 'Health visitors tend not to hear about police call-outs to homes with babies.',
    typology: { code: 'longer_term', name: 'Multi-agency working in assessment and longer-term work' },
    polarity: 'risk',
    episodes: [{ id: firstEpisode.id, number: 1, title: 'Discharge from hospital' }],
    howItShowed: 'The police attended twice; the health visitor heard of neither visit.',
    prevalenceSources: ['review_team'],
    prevalenceEvidence: '',
    currency: null,
    currencyNote: null,
    whyItMatters: '',
    boardQuestions: ['Is the board satisfied that call-outs reach health visitors?'],
    recommendations: [],
    priority: null,
    researchQuestions: [],
    themes: [],
    status: 'emerging',
    statusLabel: 'Emerging',
    unmetForAgreement: ['Give the evidence that it is not a quirk of this case, and where it comes from'],
    languageFlags: [],
    version: 3,
    updatedAt: '2026-05-01T09:00:00.000Z',
    abilities: { edit: true, agree: true },
    ...overrides,
  };
}

let n = 0;
/** A finding as the list sends it. */
export function findingSummaryBody(overrides: Partial<FindingSummary> = {}): FindingSummary {
  n += 1;
  return {
    id: `6f708192-0000-4000-8000-${String(n).padStart(12, '0')}`,
    number: 1,
    statement: 'Assessment forms discourage recording doubt.',
    typology: { code: 'tools', name: 'Human–tool operation' },
    polarity: 'risk',
    priority: 'high',
    status: 'emerging',
    statusLabel: 'Emerging',
    version: 1,
    episodeCount: 0,
    boardQuestionCount: 0,
    unresolvedFlags: 0,
    ...overrides,
  };
}

/** The review's findings, as a lead reviewer sees them unless told otherwise. */
export function findingListBody(overrides: Partial<FindingList> = {}): FindingList {
  return { findings: [], abilities: { create: true, agree: true }, ...overrides };
}
