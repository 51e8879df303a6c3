import { healthId, policeId } from '../chronology/fixtures.ts';
import { reviewId } from '../review/fixtures.ts';
import { demoPartnershipId } from '../testing/render.tsx';
import type { CausalMapDto } from './api.ts';

export const mapApi = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}/causal-map`;
export const mapAddress = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/causal-map`;
const episodesAddress = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/episodes`;
export const episodeOneHref = `${episodesAddress}/3c4d5e6f-1111-4000-8000-000000000001`;

const groups = [
  { key: 'family', label: 'Family' },
  { key: 'conditions_of_work', label: 'Conditions of work' },
  { key: 'own_team', label: 'Own team' },
];

/**
 * A causal map as the server sends it, for tests: three episodes (one not yet appraised and with
 * no factors), three factors (one shared by two episodes) and one finding.
 */
export function causalMapBody(overrides: Partial<CausalMapDto> = {}): CausalMapDto {
  const node = (
    n: Partial<CausalMapDto['nodes'][number]> & Pick<CausalMapDto['nodes'][number], 'id' | 'kind' | 'label'>,
  ) => ({
    detail: '',
    group: null,
    appraisal: null,
    href: null,
    ...n,
  });
  return {
    nodes: [
      node({
        id: 'episode:e1',
        kind: 'episode',
        label: '1. Home visit after the referral from the school about bruising',
        detail: 'Appraisal: Good',
        appraisal: 'good',
        href: episodeOneHref,
      }),
      node({
        id: 'episode:e2',
        kind: 'episode',
        label: '2. Strategy discussion',
        detail: 'Appraisal: Problematic',
        appraisal: 'problematic',
        href: `${episodesAddress}/3c4d5e6f-1111-4000-8000-000000000002`,
      }),
      node({
        id: 'episode:e3',
        kind: 'episode',
        label: '3. Discharge from hospital',
        detail: 'Not yet appraised',
        href: `${episodesAddress}/3c4d5e6f-1111-4000-8000-000000000003`,
      }),
      node({
        id: 'factor:conditions_of_work:workload',
        kind: 'factor',
        label: 'Workload',
        detail: 'Conditions of work: The social worker held 30 cases',
        group: 'conditions_of_work',
      }),
      node({
        id: 'factor:own_team:supervision',
        kind: 'factor',
        label: 'Supervision',
        detail: 'Own team: Supervision was cancelled twice',
        group: 'own_team',
      }),
      node({
        id: 'factor:family:engagement',
        kind: 'factor',
        label: 'Engagement with services',
        detail: 'Family: Engagement with services',
        group: 'family',
      }),
      node({
        id: 'finding:f1',
        kind: 'finding',
        label: 'Finding 1',
        detail: 'Heavy caseloads make it harder to see the child',
      }),
    ],
    edges: [
      {
        from: 'factor:conditions_of_work:workload',
        to: 'episode:e1',
        kind: 'influenced',
        detail: 'The social worker held 30 cases that month',
      },
      { from: 'factor:conditions_of_work:workload', to: 'episode:e2', kind: 'influenced', detail: null },
      { from: 'factor:own_team:supervision', to: 'episode:e1', kind: 'influenced', detail: null },
      { from: 'factor:family:engagement', to: 'episode:e2', kind: 'influenced', detail: null },
      { from: 'episode:e1', to: 'finding:f1', kind: 'supports', detail: null },
      { from: 'episode:e2', to: 'finding:f1', kind: 'supports', detail: null },
    ],
    agencies: [
      { id: policeId, name: 'Police' },
      { id: healthId, name: 'Health visiting' },
    ],
    groups,
    ...overrides,
  };
}
