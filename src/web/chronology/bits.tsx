import type { ReactNode } from 'react';
import type { ChronologyEventDto } from '#domain/chronology/chronology.ts';
import { Page, type PageProps } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { type ReviewDto, useReview } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-params.ts';
import './narrative.scss';

export { formatDate, useReviewParams };

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** An event's date as people read it: "12 March 2026, 14:05", "March 2026", "About 3 May 2026". */
export function eventDate(event: Pick<ChronologyEventDto, 'occurredOn' | 'datePrecision' | 'occurredTime'>) {
  const { occurredOn, datePrecision, occurredTime } = event;
  if (datePrecision === 'month') return monthYear.format(new Date(`${occurredOn}T00:00:00Z`));
  const day = formatDate(occurredOn);
  const text = datePrecision === 'approximate' ? `About ${day}` : day;
  return occurredTime ? `${text}, ${occurredTime}` : text;
}

/** The date with its end date, if the event went on over a period. */
export function eventPeriod(event: ChronologyEventDto): string {
  const start = eventDate(event);
  return event.endsOn ? `${start} to ${formatDate(event.endsOn)}` : start;
}

/** An event's tags as GOV.UK tags, with "Disputed" first when the agencies' accounts disagree. */
export function EventTags({ event }: { event: Pick<ChronologyEventDto, 'tags' | 'disputed'> }) {
  if (!event.disputed && event.tags.length === 0) return null;
  return (
    <span className="app-narrative-tags">
      {event.disputed ? <strong className="govuk-tag govuk-tag--orange">Disputed</strong> : null}
      {event.tags.map((tag) => (
        <strong className="govuk-tag govuk-tag--grey" key={tag}>
          {tag}
        </strong>
      ))}
    </span>
  );
}

type NarrativeShellProps = Omit<PageProps, 'caption' | 'title'> & {
  title: string;
  render: (review: ReviewDto) => ReactNode;
  /** A failed load the page cannot do without: the whole page becomes the usual problem page. */
  problem?: unknown;
  /** Why the person may not use this page, if they may not (from the review's abilities). */
  forbidden?: (review: ReviewDto) => string | null;
};

/**
 * A page of the review's narrative: the review's title and sections above, then the page. Waits for
 * the review, and shows the usual problem page if it cannot be seen.
 */
export function NarrativeShell({
  title,
  render,
  problem,
  forbidden,
  width = 'full',
  ...page
}: NarrativeShellProps) {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  if (review.isError) return <QueryProblem error={review.error} />;
  if (problem) return <QueryProblem error={problem} />;
  if (!review.data) return <Loading />;
  const r = review.data;
  const refusal = forbidden?.(r);
  if (refusal) return <ForbiddenPage message={refusal} />;
  return (
    <Page title={[title, r.title]} caption={r.title} width={width} {...page}>
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      {render(r)}
    </Page>
  );
}

/** "1 event" or "12 events". */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
