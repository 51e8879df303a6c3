import { type QualityPhase, qualityMarkers, qualityPhases } from '#domain/quality/markers.ts';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId, sessionBody } from '../testing/render.tsx';
import type { DraftRequestDto, MarkerAssessmentDto, MonitoringDto, QualitySummaryDto } from './api.ts';
import type { SupervisionThreadDto, SupervisionThreadList } from './supervision-api.ts';

export const reviewApi = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
export const reviewAddress = `/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
export const qualityApi = `${reviewApi}/quality-markers`;
export const supervisionApi = `${reviewApi}/supervision`;

/** A review as someone with the given abilities sees it. */
export const reviewWith = (abilities: Record<string, boolean>) =>
  reviewBody({ abilities: { ...reviewBody().abilities, ...abilities } });

/** The letter to the family, offered for marker 4. */
export const familyLetter = {
  key: 'family_letter',
  label: 'Letter to the family',
  detail: 'Sent on 3 March 2026',
  supports: true,
  href: `${reviewAddress}/letters`,
};

/** A marker as the server sends it, never assessed unless told otherwise. */
export function markerBody(
  number: number,
  overrides: Partial<MarkerAssessmentDto> = {},
): MarkerAssessmentDto {
  const m = qualityMarkers.find((x) => x.number === number);
  if (!m) throw new Error(`no marker ${number}`);
  return {
    number,
    phase: m.phase,
    phaseLabel: qualityPhases[m.phase],
    title: m.title,
    statement: m.statement,
    questions: m.questions.map((text) => ({ text, answer: null })),
    rating: null,
    ratingLabel: null,
    evidence: '',
    autoEvidence: number === 4 ? [familyLetter] : [],
    acceptedEvidenceKeys: [],
    assessedByName: null,
    assessedAt: null,
    version: 0,
    ...overrides,
  };
}

const count = (markers: MarkerAssessmentDto[]) => ({
  green: markers.filter((m) => m.rating === 'green').length,
  amber: markers.filter((m) => m.rating === 'amber').length,
  red: markers.filter((m) => m.rating === 'red').length,
  notAssessed: markers.filter((m) => !m.rating).length,
});

/** The summary of all 18 markers, with any given in place of the unassessed ones. */
export function summaryBody(changed: MarkerAssessmentDto[] = [], assess = true): QualitySummaryDto {
  const markers = qualityMarkers.map(
    (m) => changed.find((c) => c.number === m.number) ?? markerBody(m.number),
  );
  return {
    markers,
    counts: count(markers),
    byPhase: (Object.keys(qualityPhases) as QualityPhase[]).map((phase) => ({
      phase,
      phaseLabel: qualityPhases[phase],
      counts: count(markers.filter((m) => m.phase === phase)),
    })),
    abilities: { assess },
  };
}

export function draftRequestBody(overrides: Partial<DraftRequestDto> = {}): DraftRequestDto {
  return {
    id: '3c4d5e6f-7777-4000-8000-000000000001',
    requestedOn: '2026-04-01',
    dueOn: '2026-04-15',
    note: 'The first full draft, for the case review group.',
    receivedOn: null,
    requestedByName: 'Morgan Manager',
    createdAt: '2026-04-01T09:00:00.000Z',
    ...overrides,
  };
}

export const noRatings = { green: 0, amber: 0, red: 0, notAssessed: 18 };

export function monitoringBody(): MonitoringDto {
  return {
    reviews: [
      {
        reviewId,
        title: 'Child A',
        stage: 'analysis',
        stageLabel: 'Analysis',
        initiatedDate: '2025-03-02',
        targetPublicationDate: '2026-01-02',
        daysToTarget: -12,
        overdueDeadlines: ['Target publication', 'Draft requested on 1 April 2026'],
        nextDeadline: null,
        quality: { green: 3, amber: 1, red: 0, notAssessed: 14 },
        latestDraftRequest: draftRequestBody(),
      },
      {
        reviewId: '8e6c2d2f-3a5b-4d4c-8f9e-2b3c4d5e6f70',
        title: 'Child B',
        stage: 'commissioning',
        stageLabel: 'Commissioning and set-up',
        initiatedDate: '2026-01-10',
        targetPublicationDate: '2026-07-10',
        daysToTarget: 20,
        overdueDeadlines: [],
        nextDeadline: { label: 'Target publication', dueOn: '2026-07-10' },
        quality: noRatings,
        latestDraftRequest: null,
      },
    ],
    totals: { green: 3, amber: 1, red: 0, notAssessed: 32 },
  };
}

export const supervisorName = 'Sam Supervisor';

/** A supervisor's open comment on a finding, as a trainee reviewer sees it. */
export function threadBody(overrides: Partial<SupervisionThreadDto> = {}): SupervisionThreadDto {
  return {
    id: '9a8b7c6d-8888-4000-8000-000000000001',
    targetType: 'finding',
    targetId: '6f708192-5555-4000-8000-000000000001',
    targetLabel: 'Finding 2: Health visitors tend not to hear about police call-outs',
    body: 'What evidence shows this happens beyond this case?',
    authorName: supervisorName,
    authorRoleLabel: 'Supervisor',
    createdAt: '2026-05-02T09:00:00.000Z',
    replies: [],
    status: 'open',
    resolvedByName: null,
    resolvedAt: null,
    abilities: { reply: true, resolve: true },
    ...overrides,
  };
}

export const threadList = (threads: SupervisionThreadDto[], comment = false): SupervisionThreadList => ({
  threads,
  abilities: { comment },
});

/** A signed-in partnership admin whose membership carries the given abilities too. */
export function sessionWith(abilities: Record<string, boolean>) {
  const session = sessionBody();
  const [membership] = session.memberships;
  return {
    ...session,
    memberships: [{ ...membership, abilities: { ...membership?.abilities, ...abilities } }],
  };
}
