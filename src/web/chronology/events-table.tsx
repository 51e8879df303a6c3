import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ChronologyEventDto } from './api.ts';
import { EventTags, eventDate, plural } from './bits.tsx';

type Props = {
  events: ChronologyEventDto[];
  /** How many events match in all, loaded or not. */
  total: number;
  eventHref: (event: ChronologyEventDto) => string;
  /** Asks for the next page when the person scrolls near the end of what is loaded. */
  onNeedMore?: (() => void) | undefined;
  caption: string;
};

const short = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
/** "1 Apr 2025": short enough for a dense table. */
const shortDate = (iso: string) => short.format(new Date(`${iso}T00:00:00Z`));

const headers = ['Date', 'Agency', 'Practitioner role', 'What happened', 'Known to'];

/**
 * The narrative as a table that only draws the rows in view, so thousands of events stay quick. It
 * keeps real table semantics: the table states how many rows it has, and each drawn row its place.
 * The scroll area takes focus, and the links in the rows can be reached with the Tab key.
 */
export function EventsTable({ events, total, eventHref, onNeedMore, caption }: Props) {
  const scroller = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
    overscan: 12,
    initialRect: { width: 960, height: 640 },
    // Rows are drawn in React's next frame, not synchronously inside every scroll event: scrolling a
    // long narrative then has no long tasks (a synchronous render per wheel event blocked the page).
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (onNeedMore && events.length < total && last >= events.length - 50) onNeedMore();
  }, [last, events.length, total, onNeedMore]);

  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <section
      ref={scroller}
      className="app-narrative-scroller"
      aria-label={`${caption}: ${plural(total, 'event')}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
    >
      <table className="govuk-table app-narrative-table" aria-rowcount={total + 1}>
        <caption className="govuk-visually-hidden">{caption}</caption>
        <colgroup>
          <col className="app-narrative-table__date" />
          <col className="app-narrative-table__agency" />
          <col className="app-narrative-table__role" />
          <col />
          <col className="app-narrative-table__known" />
        </colgroup>
        <thead className="govuk-table__head app-narrative-table__head">
          <tr className="govuk-table__row" aria-rowindex={1}>
            {headers.map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {before > 0 ? <Spacer height={before} /> : null}
          {items.map((item) => {
            const e = events[item.index] as ChronologyEventDto;
            return (
              <EventRow
                key={e.id}
                event={e}
                index={item.index}
                href={eventHref(e)}
                measure={virtualizer.measureElement}
              />
            );
          })}
          {after > 0 ? <Spacer height={after} /> : null}
        </tbody>
      </table>
    </section>
  );
}

type RowProps = {
  event: ChronologyEventDto;
  index: number;
  href: string;
  measure: (row: HTMLTableRowElement | null) => void;
};

/** One event's row. Memoised: while scrolling, only rows coming into view are drawn, not those already there. */
const EventRow = memo(function EventRow({ event: e, index, href, measure }: RowProps) {
  return (
    <tr className="govuk-table__row" data-index={index} ref={measure} aria-rowindex={index + 2}>
      <td className="govuk-table__cell">
        <Link className="govuk-link" to={href}>
          {eventDate(e)}
        </Link>
        {e.endsOn ? <span className="app-narrative-muted"> to {shortDate(e.endsOn)}</span> : null}
      </td>
      <td className="govuk-table__cell">{e.agencyName}</td>
      <td className="govuk-table__cell">{e.practitionerRole ?? ''}</td>
      <td className="govuk-table__cell">
        <span className="app-narrative-summary">{e.summary}</span>
        <EventTags event={e} />
        {e.perspectives.length > 0 ? (
          <span className="app-narrative-muted govuk-!-display-block">
            {plural(e.perspectives.length, 'other account')}
          </span>
        ) : null}
      </td>
      <td className="govuk-table__cell">
        {e.knowledge.map((k) => `${k.agencyName} (${shortDate(k.learnedOn)})`).join(', ')}
      </td>
    </tr>
  );
});

/** Stands in for the rows not drawn, so the scroll bar is true to the whole table. */
function Spacer({ height }: { height: number }) {
  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, never focusable
  return <tr aria-hidden="true" style={{ height }} />;
}
