import { factorGroups } from '../conversation/factors.ts';
import type { FindingStatus } from '../finding/finding.ts';
import { agencySectors } from '../partnership/agency.ts';
import { builtInReference } from '../reference/reference.ts';
import { reviewTypes } from '../review/review.ts';
import type { PartnershipRole } from '../user/roles.ts';
import { libraryThemes } from './library.ts';

export { type LibraryImportRow, type ParsedLibraryImport, parseLibraryImport } from './import.ts';

/** The statuses at which a finding of a review belongs in the learning library. */
export const libraryStatuses = ['agreed_by_review_team', 'final'] as const satisfies readonly FindingStatus[];

/** Whether a finding at this status belongs in the learning library. */
export const belongsInLibrary = (status: string): boolean =>
  (libraryStatuses as readonly string[]).includes(status);

/**
 * Which of its own partnership's library entries a person sees: partnership admins and business
 * managers see every entry, agreed findings of reviews still running included; members see only
 * published ones (a published report, or an imported finding, which is always published).
 */
export function libraryVisibility(role: PartnershipRole): 'every' | 'published' {
  return role === 'partnership_admin' || role === 'business_manager' ? 'every' : 'published';
}

/** Whether an entry counts as published: its report's publication date is recorded, or it was imported. */
export const isPublishedEntry = (entry: { source: string; publishedOn: string | null }): boolean =>
  entry.source === 'import' || entry.publishedOn !== null;

/** The facets of a library search: the filters a person can combine, each with its own counts. */
export const libraryFacets = [
  'typology',
  'factorGroup',
  'theme',
  'year',
  'agencySector',
  'reviewType',
] as const;
export type LibraryFacet = (typeof libraryFacets)[number];

const builtInTypology = new Map(builtInReference.typology.content.categories.map((c) => [c.code, c.name]));
const labelIn = (labels: Record<string, string>, value: string) =>
  Object.hasOwn(labels, value) ? (labels[value] ?? value) : value;
const factorLabels: Record<string, string> = Object.fromEntries(
  Object.entries(factorGroups).map(([k, g]) => [k, g.label]),
);

/**
 * The label of a facet value as people read it. Typology names come from the entries themselves
 * (a partnership may have its own typology) and fall back to the built-in typology, then the code.
 */
export function facetLabel(facet: LibraryFacet, value: string, typologyNames?: ReadonlyMap<string, string>) {
  switch (facet) {
    case 'typology':
      return typologyNames?.get(value) ?? builtInTypology.get(value) ?? value;
    case 'factorGroup':
      return labelIn(factorLabels, value);
    case 'theme':
      return labelIn(libraryThemes, value);
    case 'agencySector':
      return labelIn(agencySectors, value);
    case 'reviewType':
      return labelIn(reviewTypes, value);
    case 'year':
      return value;
  }
}

/** The order each facet's values are shown in: years newest first; lists in their own order; typology by name. */
export function facetOrder(
  facet: LibraryFacet,
): (a: { value: string; label: string }, b: typeof a) => number {
  const byList = (keys: string[]) => (a: { value: string; label: string }, b: typeof a) => {
    const i = keys.indexOf(a.value);
    const j = keys.indexOf(b.value);
    return (i < 0 ? keys.length : i) - (j < 0 ? keys.length : j) || a.label.localeCompare(b.label);
  };
  switch (facet) {
    case 'year':
      return (a, b) => Number(b.value) - Number(a.value);
    case 'typology':
      return byList([...builtInTypology.keys()]);
    case 'factorGroup':
      return byList(Object.keys(factorGroups));
    case 'theme':
      return byList(Object.keys(libraryThemes));
    case 'agencySector':
      return byList(Object.keys(agencySectors));
    case 'reviewType':
      return byList(Object.keys(reviewTypes));
  }
}

/** Where a finding of a review lives in the web app. */
export const findingPath = (partnershipId: string, reviewId: string, findingId: string) =>
  `/partnerships/${partnershipId}/reviews/${reviewId}/findings/${findingId}`;
