import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, queryString } from '../api/client.ts';
import { useAgencies } from '../api/partnership.ts';
import { SingleCheckbox } from '../components/checkboxes-field.tsx';
import { type FormProblem, formProblem } from '../components/form-problem.ts';
import { Loading } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useParticipants } from '../participant/api.ts';
import { type ChronologyEventDto, narrativePage, useEvents, useTunnel } from './api.ts';
import { EventTags, eventDate, formatDate, NarrativeShell, plural, useReviewParams } from './bits.tsx';
import { type TunnelChoice, TunnelForm } from './tunnel-form.tsx';

/**
 * The view from the tunnel: only what one agency (or one person, through their agency) knew by a
 * date, so the review can judge what was done in the light of what was known then.
 */
export function TunnelPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const [params, setParams] = useSearchParams();
  const agencies = useAgencies(partnershipId);
  const participants = useParticipants(partnershipId, reviewId);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const who =
    params.get('who') === 'person' ? 'person' : params.get('who') === 'agency' ? 'agency' : undefined;
  const asOf = params.get('asOf') ?? '';
  const agencyId = params.get('agencyId') ?? '';
  const participantId = params.get('participantId') ?? '';
  const query: Record<string, string> | null =
    who && asOf && (who === 'agency' ? agencyId : participantId)
      ? who === 'agency'
        ? { agencyId, asOf }
        : { participantId, asOf }
      : null;
  const tunnel = useTunnel(partnershipId, reviewId, query);
  const greyed = params.get('greyed') === '1';
  const all = useEvents(partnershipId, reviewId, {}, Boolean(query && greyed));
  const badQuery = tunnel.error instanceof ApiError && tunnel.error.status === 400;
  const shownProblem =
    problem ?? (badQuery ? formProblem(tunnel.error, ['agencyId', 'participantId', 'asOf']) : null);

  const agencyChoices = (agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }));
  const people = (participants.data?.participants ?? []).filter((p) => p.status !== 'removed');
  const personChoices = people.map((p) => ({
    value: p.id,
    label: `${p.name} (${[p.roleLabel, p.agencyName].filter(Boolean).join(', ')})`,
  }));
  const whose =
    who === 'agency'
      ? (agencyChoices.find((a) => a.value === agencyId)?.label ?? 'the agency')
      : (people.find((p) => p.id === participantId)?.name ?? 'the person');

  const show = (choice: TunnelChoice) => {
    const values = {
      who: choice.who,
      agencyId: choice.who === 'agency' ? choice.agencyId : undefined,
      participantId: choice.who === 'person' ? choice.participantId : undefined,
      asOf: choice.asOf,
      greyed: greyed ? '1' : undefined,
    };
    setParams(queryString(values));
  };
  const setGreyed = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('greyed', '1');
    else next.delete('greyed');
    setParams(next, { replace: true });
  };

  return (
    <NarrativeShell
      title="View from the tunnel"
      heading="View from the tunnel"
      errors={shownProblem?.items}
      problem={agencies.error ?? (badQuery ? null : tunnel.error)}
      render={() => {
        if (!agencies.data || (!participants.data && !participants.isError)) return <Loading />;
        const t = tunnel.data;
        const known = new Set(t?.knownEventIds ?? []);
        const rows: ChronologyEventDto[] = greyed && all.data ? all.data.events : (t?.events ?? []);
        return (
          <>
            <p className="govuk-body">
              See the events as one agency, or one person in the review, knew them on a date: the events they
              recorded, and those shared with them by then. Everything else is hidden.
            </p>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <TunnelForm
                  key={params.toString()}
                  initial={{ who, agencyId, participantId, asOf }}
                  agencies={agencyChoices}
                  people={personChoices}
                  problem={shownProblem}
                  onProblem={setProblem}
                  onSubmit={show}
                />
              </div>
            </div>
            {query && tunnel.isPending ? <Loading /> : null}
            {t ? (
              <section aria-labelledby="tunnel-heading">
                <h2 className="govuk-heading-m" id="tunnel-heading">
                  What {whose} knew by {formatDate(t.asOf)}
                </h2>
                <p className="govuk-inset-text" id="tunnel-hidden">
                  {plural(t.events.length, 'event')} known. {plural(t.hiddenCount, 'later or unshared event')}{' '}
                  {t.hiddenCount === 1 ? 'is' : 'are'} hidden.
                </p>
                <SingleCheckbox
                  id="greyed"
                  className="govuk-!-margin-bottom-4"
                  label="Show the hidden events, greyed out"
                  checked={greyed}
                  onChange={setGreyed}
                />
                {greyed && all.isPending ? <Loading /> : null}
                <TunnelTable
                  events={rows}
                  known={known}
                  notKnown={`Not known to ${whose} by ${formatDate(t.asOf)}`}
                  href={(e) => narrativePage(partnershipId, reviewId, `events/${e.id}`)}
                />
              </section>
            ) : null}
          </>
        );
      }}
    />
  );
}

type TableProps = {
  events: ChronologyEventDto[];
  known: Set<string>;
  notKnown: string;
  href: (e: ChronologyEventDto) => string;
};

function TunnelTable({ events, known, notKnown, href }: TableProps) {
  if (events.length === 0) return <p className="govuk-body">They knew of no events by then.</p>;
  return (
    <ScrollableTable label="Events in the view from the tunnel">
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-visually-hidden">Events in the view from the tunnel, in date order</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Date', 'Recorded by', 'What happened'].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.map((e) => {
            const hidden = !known.has(e.id);
            return (
              <tr className={`govuk-table__row${hidden ? ' app-tunnel__hidden' : ''}`} key={e.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={href(e)}>
                    {eventDate(e)}
                  </Link>
                </td>
                <td className="govuk-table__cell">{e.agencyName}</td>
                <td className="govuk-table__cell">
                  {hidden ? <strong className="govuk-tag govuk-tag--grey">{notKnown}</strong> : null}
                  <span className="app-narrative-summary govuk-!-display-block">{e.summary}</span>
                  <EventTags event={e} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
