import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { datePrecisions, significances, sourceKinds } from '#domain/chronology/chronology.ts';
import { Loading } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { type ChronologyEventDto, narrativePage, useEvent } from './api.ts';
import { EventTags, eventPeriod, formatDate, NarrativeShell, useReviewParams } from './bits.tsx';
import type { NarrativePageState } from './narrative-page.tsx';

/** One event of the narrative: what was recorded, each agency’s account of it, who knew and when. */
export function EventPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const eventId = useParams().eventId ?? '';
  const event = useEvent(partnershipId, reviewId, eventId);
  const state = useLocation().state as NarrativePageState;
  const page = (rest?: string) => narrativePage(partnershipId, reviewId, rest);
  const e = event.data;
  return (
    <NarrativeShell
      title={e ? `Event on ${eventPeriod(e)}` : 'Event'}
      heading={e ? `${e.agencyName}: ${eventPeriod(e)}` : 'Event'}
      banner={state?.banner ? { heading: state.banner } : null}
      problem={event.error}
      render={(review) => {
        if (!e) return <Loading />;
        const edit = Boolean(review.abilities.editNarrative);
        return (
          <>
            <p className="govuk-body">
              <Link className="govuk-link govuk-link--no-visited-state" to={page()}>
                Back to the narrative
              </Link>
            </p>
            {edit ? (
              <div className="govuk-button-group">
                <Link className="govuk-button" to={page(`events/${e.id}/change`)}>
                  Change this event
                </Link>
                <Link className="govuk-button govuk-button--secondary" to={page(`events/${e.id}/merge`)}>
                  Merge with another event
                </Link>
              </div>
            ) : null}
            <EventDetails event={e} />
            <Perspectives event={e} />
            <Knowledge event={e} />
            <Sources event={e} />
          </>
        );
      }}
    />
  );
}

function EventDetails({ event: e }: { event: ChronologyEventDto }) {
  const rows: [string, ReactNode][] = [
    ['Date', `${eventPeriod(e)} (${datePrecisions[e.datePrecision].toLowerCase()})`],
    ['Recorded by', e.agencyName],
    ['Practitioner role', e.practitionerRole ?? 'Not given'],
    [
      'What happened',
      <span key="summary" className="app-narrative-summary">
        {e.summary}
      </span>,
    ],
    ['Significance', e.significance ? significances[e.significance] : 'Not given'],
    ['Tags', e.disputed || e.tags.length > 0 ? <EventTags key="tags" event={e} /> : 'None'],
  ];
  return (
    <dl className="govuk-summary-list app-narrative-details">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Perspectives({ event: e }: { event: ChronologyEventDto }) {
  return (
    <>
      <h2 className="govuk-heading-m">Each agency’s account</h2>
      {e.disputed ? (
        <div className="govuk-inset-text">The agencies’ accounts of this event disagree.</div>
      ) : null}
      <div className="app-narrative-perspectives">
        <section className="app-narrative-perspective" aria-labelledby="perspective-own">
          <h3 className="govuk-heading-s" id="perspective-own">
            {e.agencyName} (recorded the event)
          </h3>
          <p className="govuk-body app-narrative-summary">{e.summary}</p>
        </section>
        {e.perspectives.map((p) => (
          <section className="app-narrative-perspective" key={p.id} aria-labelledby={`perspective-${p.id}`}>
            <h3 className="govuk-heading-s" id={`perspective-${p.id}`}>
              {[p.agencyName, p.personRole].filter(Boolean).join(', ') || 'Another account'}
            </h3>
            <p className="govuk-body app-narrative-summary">{p.account}</p>
          </section>
        ))}
      </div>
      {e.perspectives.length === 0 ? (
        <p className="govuk-body">No other agency has given an account of this event.</p>
      ) : null}
    </>
  );
}

function Knowledge({ event: e }: { event: ChronologyEventDto }) {
  return (
    <ScrollableTable label="Who knew and when">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Who knew and when</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Agency
            </th>
            <th scope="col" className="govuk-table__header">
              Knew from
            </th>
            <th scope="col" className="govuk-table__header">
              How
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {e.knowledge.map((k) => (
            <tr className="govuk-table__row" key={`${k.agencyId}-${k.learnedOn}`}>
              <th scope="row" className="govuk-table__header">
                {k.agencyName}
              </th>
              <td className="govuk-table__cell">{formatDate(k.learnedOn)}</td>
              <td className="govuk-table__cell">{k.how ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

function Sources({ event: e }: { event: ChronologyEventDto }) {
  return (
    <>
      <h2 className="govuk-heading-m">Sources</h2>
      {e.sources.length === 0 ? (
        <p className="govuk-body">No sources recorded.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {e.sources.map((s) => (
            <li key={s.id}>
              {sourceKinds[s.kind as keyof typeof sourceKinds] ?? s.kind}
              {s.reference ? `: ${s.reference}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
