import { deadlineStatus } from '#domain/review/deadlines.ts';
import type { DeadlineDto } from '#domain/review/review.ts';
import type { ReviewStage } from '#domain/review/stages.ts';
import type { ReviewRow } from './access.ts';

const publishedStages: readonly ReviewStage[] = ['action_monitoring', 'closed'];

/** A review's open targets: publication until it is published, then none. */
export function reviewDeadlines(
  review: Pick<ReviewRow, 'stage' | 'targetPublicationDate'>,
  now: Date,
): DeadlineDto[] {
  if (publishedStages.includes(review.stage as ReviewStage)) return [];
  return [deadlineStatus('Publication', review.targetPublicationDate, now)];
}
