import type { EpisodeList } from './api.ts';
import type { EpisodeSummary } from './episodes-bits.tsx';

let n = 0;
/** An episode as the list sends it, for tests. */
export function episodeSummaryBody(overrides: Partial<EpisodeSummary> = {}): EpisodeSummary {
  n += 1;
  return {
    id: `3c4d5e6f-0000-4000-8000-${String(n).padStart(12, '0')}`,
    number: 1,
    title: 'Discharge from hospital',
    periodFrom: '2026-03-12',
    periodTo: '2026-03-20',
    agencies: [{ id: '0a1b2c3d-0000-4000-8000-000000000001', name: 'Police' }],
    appraisal: null,
    goodPractice: false,
    status: 'draft',
    statusLabel: 'Draft',
    sharedWithCaseGroup: false,
    factorCount: 0,
    openComments: 0,
    unresolvedFlags: 0,
    ...overrides,
  };
}

/** The review's list of episodes, as a lead reviewer sees it unless told otherwise. */
export function episodeListBody(overrides: Partial<EpisodeList> = {}): EpisodeList {
  return {
    episodes: [],
    unresolvedLanguageFlags: 0,
    caseGroupScope: 'involved',
    abilities: { create: true, manage: true, comment: true },
    ...overrides,
  };
}
