import { demoPartnershipId } from '../testing/render.tsx';
import type { LibraryEntry, LibrarySearchResult, LibrarySettingsDto, SimilarFindingDto } from './api.ts';

export const partnershipApi = `/api/partnerships/${demoPartnershipId}`;
export const libraryApi = `${partnershipApi}/library`;
export const libraryAddress = `/partnerships/${demoPartnershipId}/library`;
export const importId = '3c4d5e6f-9999-4000-8000-000000000001';

/** One finding of the library as a search returns it, with "forms" matched. */
export function entryBody(overrides: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    id: '1a2b3c4d-9999-4000-8000-000000000001',
    source: 'review',
    partnershipName: 'Demo Safeguarding Partnership',
    own: true,
    reviewTitle: 'Child T',
    reviewType: 'lcspr',
    reviewTypeLabel: 'Local child safeguarding practice review (LCSPR)',
    findingNumber: 1,
    statement: 'Assessment forms discourage recording doubt.',
    statementParts: [
      { text: 'Assessment ', match: false },
      { text: 'forms', match: true },
      { text: ' discourage recording doubt.', match: false },
    ],
    snippet: [
      { text: 'The ', match: false },
      { text: 'forms', match: true },
      { text: ' had no box for uncertainty.', match: false },
    ],
    whyItMatters: 'Doubt is lost.',
    typology: { code: 'tools', name: 'Human–tool operation' },
    themes: [{ key: 'neglect', label: 'Neglect' }],
    factorGroups: [],
    agencySectors: [],
    year: 2025,
    publishedOn: '2025-06-30',
    published: true,
    reportUrl: null,
    path: `/partnerships/${demoPartnershipId}/reviews/7d5b1c1e-2f4a-4c3b-9e8d-1a2b3c4d5e6f/findings/6f708192-5555-4000-8000-000000000001`,
    rank: 0.8,
    ...overrides,
  };
}

/** A search's result: the entries given, with facets as a partnership admin sees them. */
export function searchBody(overrides: Partial<LibrarySearchResult> = {}): LibrarySearchResult {
  const entries = overrides.entries ?? [entryBody()];
  return {
    query: '',
    scope: 'partnership',
    total: entries.length,
    page: 1,
    pageSize: 20,
    entries,
    facets: {
      typology: [
        { value: 'tools', label: 'Human–tool operation', count: 4, selected: false },
        { value: 'longer_term', label: 'Longer-term work', count: 2, selected: false },
      ],
      factorGroup: [{ value: 'professional', label: 'Professional', count: 3, selected: false }],
      theme: [
        { value: 'neglect', label: 'Neglect', count: 4, selected: false },
        { value: 'domestic_abuse', label: 'Domestic abuse', count: 1, selected: false },
      ],
      year: [{ value: '2025', label: '2025', count: 6, selected: false }],
      agencySector: [{ value: 'health', label: 'Health', count: 6, selected: false }],
      reviewType: [{ value: 'lcspr', label: 'LCSPR', count: 6, selected: false }],
    },
    sharing: { shared: false, partnershipsSharing: 3 },
    abilities: { manage: true },
    ...overrides,
  };
}

/** The sharing setting and imports, before anything was changed. */
export function settingsBody(overrides: Partial<LibrarySettingsDto> = {}): LibrarySettingsDto {
  return {
    shareNationally: false,
    changedAt: null,
    publishedFindings: 12,
    imports: [
      {
        id: importId,
        fileName: 'older-findings.csv',
        rows: 8,
        importedByName: 'Alex Admin',
        importedAt: '2026-02-01T10:00:00.000Z',
      },
    ],
    version: 0,
    abilities: { manage: true },
    ...overrides,
  };
}

/** A finding of another partnership's review that resembles the one being written. */
export function similarBody(overrides: Partial<SimilarFindingDto> = {}): SimilarFindingDto {
  return {
    id: '1a2b3c4d-9999-4000-8000-000000000002',
    partnershipName: 'Northshire Safeguarding Partnership',
    own: false,
    reviewTitle: 'Child P',
    reviewTypeLabel: 'Rapid review',
    statement: 'Health visitors are rarely told of police call-outs.',
    statementParts: [
      { text: 'Health visitors are rarely told of ', match: false },
      { text: 'police call-outs', match: true },
      { text: '.', match: false },
    ],
    typology: { code: 'longer_term', name: 'Longer-term work' },
    themes: [],
    year: 2023,
    published: true,
    path: null,
    similarity: 0.62,
    ...overrides,
  };
}
