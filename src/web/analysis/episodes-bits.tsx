import type { EpisodeStatus } from '#domain/analysis/episode.ts';
import { formatDate } from '../review/dates.ts';
import type { EpisodeList } from './api.ts';

export type EpisodeSummary = EpisodeList['episodes'][number];

/** "Episode 2: Discharge from hospital". */
export const episodeName = (e: { number: number; title: string }) => `Episode ${e.number}: ${e.title}`;

/** "12 March 2026 to 3 April 2026", or the one date when the episode is a single day. */
export function episodePeriod(from: string, to: string): string {
  if (!from && !to) return 'Not set';
  if (from === to || !to) return formatDate(from);
  if (!from) return `Until ${formatDate(to)}`;
  return `${formatDate(from)} to ${formatDate(to)}`;
}

const statusColours: Record<EpisodeStatus, string> = {
  draft: 'govuk-tag--grey',
  review_team_agreed: 'govuk-tag--blue',
  case_group_checked: 'govuk-tag--green',
};

/** Where an episode stands, as a GOV.UK tag. */
export function EpisodeStatusTag({ status, label }: { status: EpisodeStatus; label: string }) {
  return <strong className={`govuk-tag ${statusColours[status] ?? 'govuk-tag--grey'}`}>{label}</strong>;
}

/** "1 phrase" or "3 phrases". */
export const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
