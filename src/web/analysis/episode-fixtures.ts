import { checkLanguage } from '#domain/reference/language.ts';
import { builtInReference } from '#domain/reference/reference.ts';
import { eventBody, healthId, policeId } from '../chronology/fixtures.ts';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId } from '../testing/render.tsx';
import type { EpisodeDto, ReviewReferenceDto } from './api.ts';

export const episodeId = '3c4d5e6f-1111-4000-8000-000000000001';
export const factorId = '4d5e6f70-2222-4000-8000-000000000001';
export const commentId = '5e6f7081-3333-4000-8000-000000000001';
export const eventId = '1e2d3c4b-4444-4000-8000-000000000001';
export const reviewApi = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
export const episodeApi = `${reviewApi}/episodes/${episodeId}`;
export const episodeAddress = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/episodes/${episodeId}`;
export { healthId, policeId };

/** A lead reviewer's view of the review, and a case group member's. */
export const leadReviewer = reviewBody({
  abilities: {
    ...reviewBody().abilities,
    viewNarrative: true,
    viewAnalysis: true,
    editAnalysis: true,
    manageAnalysis: true,
    commentOnEpisodes: true,
  },
  termsOfReference: {
    ...(reviewBody().termsOfReference as NonNullable<ReturnType<typeof reviewBody>['termsOfReference']>),
    agencies: [
      { id: policeId, name: 'Police' },
      { id: healthId, name: 'Health visiting' },
    ],
  },
});
export const caseGroupMember = reviewBody({
  abilities: { viewReview: true, viewSharedEpisodes: true, commentOnEpisodes: true },
  termsOfReference: null,
});

/** An episode as a lead reviewer sees it, for tests. */
export function episodeBody(overrides: Partial<EpisodeDto> = {}): EpisodeDto {
  return {
    id: episodeId,
    number: 2,
    title: 'Home visit after the referral',
    periodFrom: '2026-03-12',
    periodTo: '2026-04-20',
    agencies: [{ id: policeId, name: 'Police' }],
    roles: ['Response officer'],
    whatHappened: 'Officers attended and spoke to the mother.',
    localRationality: '',
    appraisal: null,
    appraisalRationale: '',
    standardKind: null,
    standardReference: null,
    hindsight: '',
    wentWell: '',
    overviewQueries: '',
    goodPractice: false,
    status: 'draft',
    statusLabel: 'Draft',
    sharedWithCaseGroupAt: null,
    events: [{ id: eventId, occurredOn: '2026-03-12', agencyName: 'Police', summary: 'Officers attended.' }],
    evidence: [],
    factors: [],
    comments: [],
    languageFlags: [],
    unmetForNextStatus: ['Write how it looked at the time', 'Choose an appraisal of the practice'],
    version: 4,
    updatedAt: '2026-05-01T09:00:00.000Z',
    abilities: { edit: true, manage: true, comment: true },
    ...overrides,
  };
}

/** The reference data a review is analysed with: what Sightlines ships. */
export const referenceBody: ReviewReferenceDto = {
  typology: { version: 1, content: builtInReference.typology.content },
  factors: { version: 1, content: builtInReference.factors.content },
  appraisal: { version: 1, content: builtInReference.appraisal.content },
  language: { version: 1, content: builtInReference.language.content },
};

/** The language check as the server does it, for a mocked POST /language-check. */
export const languageCheckReply = ({ body }: { body: unknown }) => ({
  status: 200,
  body: {
    flags: checkLanguage((body as { text: string }).text, builtInReference.language.content.rules),
    rulesVersion: 1,
  },
});

/** What the police knew by the end of the episode. */
export const tunnelBody = {
  asOf: '2026-04-20',
  agencyIds: [policeId],
  knownEventIds: [],
  hiddenCount: 3,
  events: [eventBody({ summary: 'Officers attended a report of shouting at the home.' })],
};
