import type { ChronologyEventDto } from './api.ts';

export const policeId = '0a1b2c3d-0000-4000-8000-000000000001';
export const healthId = '0a1b2c3d-0000-4000-8000-000000000002';

let n = 0;
/** An event as the server sends it, for tests. */
export function eventBody(overrides: Partial<ChronologyEventDto> = {}): ChronologyEventDto {
  n += 1;
  const id = `1e2d3c4b-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    occurredOn: '2026-03-12',
    datePrecision: 'exact',
    occurredTime: null,
    endsOn: null,
    agencyId: policeId,
    agencyName: 'Police',
    practitionerRole: 'Response officer',
    summary: 'Officers attended a report of shouting at the home.',
    significance: 'medium',
    tags: [],
    disputed: false,
    knowledge: [{ agencyId: policeId, agencyName: 'Police', learnedOn: '2026-03-12', how: null }],
    perspectives: [],
    sources: [],
    version: 1,
    ...overrides,
  };
}

export const agencyBody = (id: string, name: string) => ({
  id,
  name,
  shortName: null,
  sector: 'police',
  sectorLabel: 'Police',
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  abilities: { update: false },
});
