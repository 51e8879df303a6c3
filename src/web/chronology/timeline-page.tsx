import { useState } from 'react';
import { Link } from 'react-router';
import { Loading } from '../components/problem-pages.tsx';
import { type ChronologyEventDto, narrativePage, useEvents } from './api.ts';
import { EventTags, eventPeriod, formatDate, NarrativeShell, plural, useReviewParams } from './bits.tsx';
import { useNarrativeFilters } from './narrative-page.tsx';
import { Timeline } from './timeline.tsx';

/** The narrative as a timeline with a swimlane per agency; the table is its text alternative. */
export function TimelinePage() {
  const { partnershipId, reviewId } = useReviewParams();
  const [filters, , search] = useNarrativeFilters();
  const list = useEvents(partnershipId, reviewId, { ...filters, sort: 'date' });
  const [selected, setSelected] = useState<ChronologyEventDto | null>(null);
  const page = (rest?: string) => narrativePage(partnershipId, reviewId, rest);
  const tablePath = `${page()}${search ? `?${search}` : ''}`;

  return (
    <NarrativeShell
      title="Timeline"
      heading="Timeline"
      problem={list.error}
      render={() => {
        if (!list.data) return <Loading />;
        const { events, total, agencies } = list.data;
        const lanes = agencies.filter((a) => !filters.agencyId || a.id === filters.agencyId);
        return (
          <>
            <p className="govuk-body">
              One row for each agency; each mark is an event. Use Tab or the arrow keys to move between events
              in date order, and Enter to see one. The same events are{' '}
              <Link className="govuk-link" to={tablePath}>
                in the table of the narrative
              </Link>
              .
            </p>
            {total > events.length ? (
              <div className="govuk-inset-text">
                Showing the first {plural(events.length, 'event')} of {total.toLocaleString('en-GB')}. Filter
                the narrative to see fewer.
              </div>
            ) : null}
            {events.length === 0 ? (
              <p className="govuk-body">No events to show.</p>
            ) : (
              <Timeline
                events={events}
                lanes={lanes}
                selectedId={selected?.id ?? null}
                onSelect={setSelected}
              />
            )}
            <section className="app-timeline__details" aria-live="polite" aria-label="Selected event">
              {selected ? (
                <>
                  <h2 className="govuk-heading-m">
                    {selected.agencyName}: {eventPeriod(selected)}
                  </h2>
                  <p className="govuk-body app-narrative-summary">{selected.summary}</p>
                  <EventTags event={selected} />
                  <p className="govuk-body">
                    Known to:{' '}
                    {selected.knowledge
                      .map((k) => `${k.agencyName} from ${formatDate(k.learnedOn)}`)
                      .join('; ')}
                  </p>
                  <p className="govuk-body">
                    <Link className="govuk-link" to={page(`events/${selected.id}`)}>
                      Open the event
                    </Link>
                  </p>
                </>
              ) : (
                <p className="govuk-body">Choose an event on the timeline to see its details here.</p>
              )}
            </section>
          </>
        );
      }}
    />
  );
}
