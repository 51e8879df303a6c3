import { useCallback, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { queryString } from '../api/client.ts';
import { Loading } from '../components/problem-pages.tsx';
import {
  chronologyPath,
  type NarrativeFilters,
  narrativeFilterKeys,
  narrativeFilters,
  narrativePage,
  useEventPages,
} from './api.ts';
import { NarrativeShell, plural, useReviewParams } from './bits.tsx';
import { EventsTable } from './events-table.tsx';
import { FiltersForm } from './filters-form.tsx';

export type NarrativePageState = { banner?: string; detail?: string } | null;

const downloads = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'Excel' },
  { format: 'docx', label: 'Word' },
];

/** The filters in the page address. */
export function useNarrativeFilters(): [NarrativeFilters, (f: NarrativeFilters) => void, string] {
  const [params, setParams] = useSearchParams();
  const filters = narrativeFilters(params);
  const apply = (f: NarrativeFilters) => setParams(queryString(f as Record<string, string | undefined>));
  return [filters, apply, params.toString()];
}

/**
 * The review's multi-agency narrative: every agency's events in one table, with filters, links to
 * the timeline, the view from the tunnel, adding and importing events, and downloads.
 */
export function NarrativePage() {
  const { partnershipId, reviewId } = useReviewParams();
  const [filters, apply, search] = useNarrativeFilters();
  const list = useEventPages(partnershipId, reviewId, filters);
  const state = useLocation().state as NarrativePageState;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const first = list.data?.pages[0];
  const pages = list.data?.pages;
  const events = useMemo(() => pages?.flatMap((p) => p.events) ?? [], [pages]);
  const page = (rest?: string) => narrativePage(partnershipId, reviewId, rest);
  const download = (format: string) =>
    `${chronologyPath(partnershipId, reviewId)}/export${queryString({ ...filters, format } as Record<string, string | undefined>)}`;
  const filtered = narrativeFilterKeys.some((k) => k !== 'sort' && filters[k]);

  return (
    <NarrativeShell
      title="Narrative"
      heading="Multi-agency narrative"
      problem={list.error}
      errors={Object.entries(errors).map(([field, message]) => ({ field, message }))}
      banner={
        state?.banner
          ? {
              heading: state.banner,
              children: state.detail ? <p className="govuk-body">{state.detail}</p> : null,
            }
          : null
      }
      render={() => {
        if (!first) return <Loading />;
        return (
          <>
            <p className="govuk-body">
              What each agency knew and did, in date order. Each agency’s account of an event is kept.
            </p>
            <ul className="govuk-list app-narrative-actions">
              {first.abilities.edit ? (
                <li>
                  <Link className="govuk-link" to={page('events/new')}>
                    Add an event
                  </Link>
                </li>
              ) : null}
              {first.abilities.import ? (
                <li>
                  <Link className="govuk-link" to={page('import')}>
                    Import an agency chronology
                  </Link>
                </li>
              ) : null}
              <li>
                <Link className="govuk-link" to={page(`timeline${search ? `?${search}` : ''}`)}>
                  Timeline
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={page('tunnel')}>
                  View from the tunnel
                </Link>
              </li>
            </ul>
            <p className="govuk-body">
              Download as{' '}
              {downloads.map((d, i) => (
                <span key={d.format}>
                  {i > 0 ? ' / ' : ''}
                  <a className="govuk-link" href={download(d.format)} download>
                    <span className="govuk-visually-hidden">Download as</span> {d.label}
                  </a>
                </span>
              ))}
              {filtered ? ' (the events that match the filters)' : ''}
            </p>
            <FiltersForm
              key={search}
              filters={filters}
              agencies={first.agencies}
              clearTo={page()}
              onApply={apply}
              onProblem={setErrors}
              errors={errors}
            />
            <p className="govuk-body govuk-!-font-weight-bold" aria-live="polite">
              {filtered
                ? `${plural(first.total, 'event')} match the filters`
                : `${plural(first.total, 'event')} in the narrative`}
            </p>
            {first.total > 0 ? (
              <EventsTable
                caption="Events in the narrative"
                events={events}
                total={first.total}
                eventHref={(e) => page(`events/${e.id}`)}
                onNeedMore={more}
              />
            ) : (
              <p className="govuk-body">
                No events{filtered ? ' match the filters' : ' have been added yet'}.
              </p>
            )}
            {isFetchingNextPage ? <p className="govuk-body">Loading more events…</p> : null}
          </>
        );
      }}
    />
  );
}
