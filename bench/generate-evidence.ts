// The bulk of the synthetic data: narrative events with who knew, sources and perspectives, key
// practice episodes, findings and their learning library entries, copied a batch of reviews at a time.
import { factorGroups } from '#domain/conversation/factors.ts';
import { libraryThemes } from '#domain/library/library.ts';
import { builtInReference } from '#domain/reference/reference.ts';
import type { CopyRow, Loader } from './copy.ts';
import { findingText } from './finding-words.ts';
import { eventSummary, practitionerRoles, type Random } from './words.ts';

/** One review as the generator planned it. */
export type ReviewPlan = {
  id: string;
  partnershipId: string;
  code: string;
  type: string;
  stage: string;
  initiated: string;
  scopeFrom: string;
  publishedOn: string | null;
  agencies: { id: string; sector: string }[];
  events: number;
  findings: number;
  episodes: number;
};

const typologies = builtInReference.typology.content.categories;
const themeKeys = Object.keys(libraryThemes);
const factorKeys = Object.keys(factorGroups);
const tagsPool = ['contact', 'home visit', 'referral', 'strategy', 'school', 'health', 'police', 'meeting'];

const columns = {
  chronology_events: [
    'id',
    'partnership_id',
    'review_id',
    'occurred_on',
    'agency_id',
    'practitioner_role',
    'summary',
    'significance',
    'tags',
  ],
  chronology_knowledge: ['event_id', 'agency_id', 'partnership_id', 'learned_on', 'how'],
  chronology_sources: ['id', 'partnership_id', 'event_id', 'kind', 'reference'],
  chronology_perspectives: ['id', 'partnership_id', 'event_id', 'agency_id', 'person_role', 'account'],
  episodes: [
    'id',
    'partnership_id',
    'review_id',
    'number',
    'title',
    'period_from',
    'period_to',
    'what_happened',
    'local_rationality',
    'appraisal',
    'status',
  ],
  episode_events: ['episode_id', 'event_id', 'partnership_id'],
  findings: [
    'id',
    'partnership_id',
    'review_id',
    'number',
    'statement',
    'typology_code',
    'how_it_showed',
    'why_it_matters',
    'themes',
    'status',
  ],
  library_entries: [
    'id',
    'partnership_id',
    'source',
    'finding_id',
    'review_id',
    'review_title',
    'review_type',
    'finding_number',
    'statement',
    'how_it_showed',
    'why_it_matters',
    'typology_code',
    'typology_name',
    'themes',
    'factor_groups',
    'agency_sectors',
    'year',
    'published_on',
  ],
} as const;
type Table = keyof typeof columns;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The rows of one review's evidence, added to the batch being built. */
function reviewRows(v: ReviewPlan, r: Random, batch: Record<Table, CopyRow[]>) {
  const span = Math.max(30, Math.round((Date.parse(v.initiated) - Date.parse(v.scopeFrom)) / 86_400_000));
  const eventIds: string[] = [];
  const dates: string[] = [];
  for (let e = 0; e < v.events; e++) {
    const id = r.uuid();
    const agency = r.pick(v.agencies);
    const on = addDays(v.scopeFrom, Math.floor((span * e) / Math.max(1, v.events)) + r.int(0, 3));
    eventIds.push(id);
    dates.push(on);
    batch.chronology_events.push([
      id,
      v.partnershipId,
      v.id,
      on,
      agency.id,
      r.pick(practitionerRoles),
      eventSummary(r),
      r.chance(0.3) ? r.pick(['low', 'medium', 'high']) : null,
      r.some(tagsPool, 0, 2),
    ]);
    batch.chronology_knowledge.push([id, agency.id, v.partnershipId, on, null]);
    if (r.chance(0.25)) {
      const other = r.pick(v.agencies);
      if (other.id !== agency.id)
        batch.chronology_knowledge.push([
          id,
          other.id,
          v.partnershipId,
          addDays(on, r.int(0, 10)),
          'Referral',
        ]);
    }
    if (r.chance(0.5))
      batch.chronology_sources.push([r.uuid(), v.partnershipId, id, 'agency_return', `Return row ${e + 1}`]);
    if (r.chance(0.03))
      batch.chronology_perspectives.push([
        r.uuid(),
        v.partnershipId,
        id,
        r.pick(v.agencies).id,
        r.pick(practitionerRoles),
        eventSummary(r),
      ]);
  }
  for (let n = 1; n <= v.episodes; n++) {
    const id = r.uuid();
    const at = eventIds.length ? r.int(0, eventIds.length - 1) : 0;
    const from = dates[at] ?? v.scopeFrom;
    batch.episodes.push([
      id,
      v.partnershipId,
      v.id,
      n,
      `Episode ${n}: ${eventSummary(r).split('.')[0]}`,
      from,
      addDays(from, r.int(1, 60)),
      eventSummary(r),
      eventSummary(r),
      r.pick(['good', 'adequate', 'problematic', 'mixed']),
      'review_team_agreed',
    ]);
    for (const e of new Set(eventIds.slice(at, at + r.int(3, 8))))
      batch.episode_events.push([id, e, v.partnershipId]);
  }
  const published = v.publishedOn !== null;
  const year = Number((v.publishedOn ?? v.initiated).slice(0, 4));
  for (let n = 1; n <= v.findings; n++) {
    const id = r.uuid();
    const text = findingText(r);
    const typology = r.pick(typologies);
    const themes = [...new Set([text.theme, ...r.some(themeKeys, 0, 2)])];
    const status = published ? 'final' : r.chance(0.8) ? 'agreed_by_review_team' : 'tested_with_case_group';
    batch.findings.push([
      id,
      v.partnershipId,
      v.id,
      n,
      text.statement,
      typology.code,
      text.howItShowed,
      text.whyItMatters,
      themes,
      status,
    ]);
    if (status === 'tested_with_case_group') continue;
    batch.library_entries.push([
      r.uuid(),
      v.partnershipId,
      'review',
      id,
      v.id,
      `Child ${v.code}`,
      v.type,
      n,
      text.statement,
      text.howItShowed,
      text.whyItMatters,
      typology.code,
      typology.name,
      themes,
      r.some(factorKeys, 1, 3),
      [...new Set(v.agencies.map((a) => a.sector))],
      year,
      v.publishedOn,
    ]);
  }
}

const emptyBatch = () =>
  Object.fromEntries(Object.keys(columns).map((t) => [t, [] as CopyRow[]])) as Record<Table, CopyRow[]>;

/** Generates and copies the evidence of every review, about 100,000 events at a time. */
export async function loadEvidence(
  loader: Loader,
  plans: readonly ReviewPlan[],
  r: Random,
  counted: (table: string, n: number) => void,
  progress: (events: number) => void = () => {},
) {
  let events = 0;
  let batch = emptyBatch();
  const flush = async () => {
    for (const table of Object.keys(columns) as Table[]) {
      if (batch[table].length) counted(table, await loader.copy(table, columns[table], batch[table]));
    }
    events += batch.chronology_events.length;
    progress(events);
    batch = emptyBatch();
  };
  for (const v of plans) {
    reviewRows(v, r, batch);
    if (batch.chronology_events.length >= 100_000) await flush();
  }
  await flush();
}
