import type { EpisodeDto, UpdateEpisodeInput } from '#domain/analysis/episode.ts';
import { ApiError } from '../api/client.ts';
import { type DateParts, parseDateParts, partsFromIso } from '../review/dates.ts';

/** The episode form as typed. */
export type EpisodeValues = {
  title: string;
  periodFrom: DateParts;
  periodTo: DateParts;
  agencyIds: string[];
  roles: string;
  whatHappened: string;
  localRationality: string;
  appraisal: string;
  appraisalRationale: string;
  standardKind: string;
  standardReference: string;
  hindsight: string;
  wentWell: string;
  overviewQueries: string;
  goodPractice: boolean;
  eventIds: string[];
};

/** The written fields, in the order of the form: the ones a reviewer may lose on a reload. */
export const writtenFields = [
  'title',
  'roles',
  'whatHappened',
  'localRationality',
  'appraisalRationale',
  'standardReference',
  'hindsight',
  'wentWell',
  'overviewQueries',
] as const;
export type WrittenField = (typeof writtenFields)[number];

/** The form's field ids in page order, for the error summary. */
export const episodeFieldIds = [
  'title',
  'periodFrom',
  'periodTo',
  'agencyIds',
  'roles',
  'whatHappened',
  'localRationality',
  'appraisal',
  'appraisalRationale',
  'standardKind',
  'standardReference',
  'hindsight',
  'wentWell',
  'overviewQueries',
  'goodPractice',
  'eventIds',
] as const;

/** The form's values for an episode as saved. */
export function episodeValues(e: EpisodeDto): EpisodeValues {
  return {
    title: e.title,
    periodFrom: partsFromIso(e.periodFrom),
    periodTo: partsFromIso(e.periodTo),
    agencyIds: e.agencies.map((a) => a.id),
    roles: e.roles.join('\n'),
    whatHappened: e.whatHappened,
    localRationality: e.localRationality,
    appraisal: e.appraisal?.key ?? '',
    appraisalRationale: e.appraisalRationale,
    standardKind: e.standardKind ?? '',
    standardReference: e.standardReference ?? '',
    hindsight: e.hindsight,
    wentWell: e.wentWell,
    overviewQueries: e.overviewQueries,
    goodPractice: e.goodPractice,
    eventIds: e.events.map((x) => x.id),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sameDate = (a: DateParts, b: DateParts) => a.day === b.day && a.month === b.month && a.year === b.year;
const rolesOf = (text: string) =>
  text
    .split('\n')
    .map((r) => r.trim())
    .filter(Boolean);

/** Whether two sets of values say the same thing. */
export function sameValues(a: EpisodeValues, b: EpisodeValues): boolean {
  return (Object.keys(a) as (keyof EpisodeValues)[]).every((k) => {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x)) return sameList(x, y as string[]);
    if (typeof x === 'object') return sameDate(x, y as DateParts);
    return x === y;
  });
}

export type EpisodeChanges = Omit<Partial<UpdateEpisodeInput>, 'version'>;

/**
 * The changes to send: only the fields the person changed from what they started with, so saving
 * does not touch (or reopen) what they left alone. Dates that are not real dates are problems.
 */
export function episodeChanges(
  values: EpisodeValues,
  start: EpisodeValues,
): { errors: Record<string, string>; changes: EpisodeChanges } {
  const errors: Record<string, string> = {};
  const changes: EpisodeChanges = {};
  if (values.title !== start.title) changes.title = values.title.trim();
  for (const [key, label] of [
    ['periodFrom', 'the start of the period'],
    ['periodTo', 'the end of the period'],
  ] as const) {
    if (sameDate(values[key], start[key])) continue;
    const parsed = parseDateParts(values[key], label);
    if (!parsed.ok) errors[key] = parsed.message;
    else if (!parsed.iso) errors[key] = `Enter ${label}`;
    else changes[key] = parsed.iso;
  }
  if (!sameList([...values.agencyIds].sort(), [...start.agencyIds].sort()))
    changes.agencyIds = values.agencyIds;
  if (!sameList(rolesOf(values.roles), rolesOf(start.roles))) changes.roles = rolesOf(values.roles);
  for (const key of [
    'whatHappened',
    'localRationality',
    'appraisalRationale',
    'hindsight',
    'wentWell',
    'overviewQueries',
  ] as const)
    if (values[key] !== start[key]) changes[key] = values[key];
  if (values.appraisal !== start.appraisal) changes.appraisal = values.appraisal || null;
  if (values.standardKind !== start.standardKind)
    changes.standardKind = (values.standardKind || null) as EpisodeChanges['standardKind'];
  if (values.standardReference !== start.standardReference)
    changes.standardReference = values.standardReference.trim() || null;
  if (values.goodPractice !== start.goodPractice) changes.goodPractice = values.goodPractice;
  if (!sameList(values.eventIds, start.eventIds)) changes.eventIds = values.eventIds;
  return { errors, changes };
}

/** The server's field errors named as the form's fields ("roles.2" is the roles field). */
export function withEpisodeFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ ...f, path: f.path.split('.')[0] ?? f.path }));
  return new ApiError(error.status, error.code, error.message, { fields });
}

/** Whether a failed save was refused because someone else saved the episode first. */
export const isStale = (error: unknown) => error instanceof ApiError && error.code === 'stale_version';
