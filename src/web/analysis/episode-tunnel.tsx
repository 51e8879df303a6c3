import { useState } from 'react';
import { Link } from 'react-router';
import { narrativePage, useTunnel } from '../chronology/api.ts';
import { eventDate, formatDate, plural } from '../chronology/bits.tsx';
import { Loading } from '../components/problem-pages.tsx';

type Agency = { id: string; name: string };
type Props = { partnershipId: string; reviewId: string; agencies: Agency[]; asOf: string };

/**
 * The view from the tunnel beside the appraisal: what each agency involved had recorded, or had been
 * told of, by the end of the episode. Opened and closed without leaving the form; loads when opened.
 */
export function EpisodeTunnel({ partnershipId, reviewId, agencies, asOf }: Props) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="govuk-details app-episode-tunnel"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) setOpened(true);
      }}
    >
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          What the agencies involved knew by {formatDate(asOf)}
        </span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body-s">
          The view from the tunnel: the events each agency had recorded, or had been told of, by the end of
          this episode. Judge the practice against this, not against what is known now.
        </p>
        {agencies.length === 0 ? (
          <p className="govuk-body-s">
            No agencies are linked to this episode yet. Choose the agencies involved to see what they knew.
          </p>
        ) : opened ? (
          agencies.map((a) => (
            <AgencyTunnel
              key={a.id}
              partnershipId={partnershipId}
              reviewId={reviewId}
              agency={a}
              asOf={asOf}
            />
          ))
        ) : null}
      </div>
    </details>
  );
}

function AgencyTunnel({
  partnershipId,
  reviewId,
  agency,
  asOf,
}: Omit<Props, 'agencies'> & { agency: Agency }) {
  const tunnel = useTunnel(partnershipId, reviewId, { agencyId: agency.id, asOf });
  const headingId = `tunnel-${agency.id}`;
  const full = narrativePage(
    partnershipId,
    reviewId,
    `tunnel?who=agency&agencyId=${encodeURIComponent(agency.id)}&asOf=${encodeURIComponent(asOf)}`,
  );
  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-bottom-4">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={headingId}>
        {agency.name}
      </h3>
      {tunnel.isError ? (
        <p className="govuk-body-s">What {agency.name} knew could not be loaded just now.</p>
      ) : !tunnel.data ? (
        <Loading />
      ) : (
        <>
          <p className="govuk-body-s govuk-!-margin-bottom-2">
            {plural(tunnel.data.events.length, 'event')} known. {plural(tunnel.data.hiddenCount, 'event')} not
            yet known to {agency.name}.
          </p>
          {tunnel.data.events.length > 0 ? (
            // The box scrolls when the list is long; its links take keyboard focus, so it scrolls by keyboard.
            <div className="app-episode-tunnel__events">
              <ul className="govuk-list govuk-body-s">
                {tunnel.data.events.map((e) => (
                  <li key={e.id}>
                    <Link
                      className="govuk-link"
                      to={narrativePage(partnershipId, reviewId, `events/${e.id}`)}
                    >
                      {eventDate(e)}
                    </Link>{' '}
                    ({e.agencyName}): {e.summary}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="govuk-body-s">
            <Link className="govuk-link" to={full}>
              Open the view from the tunnel for {agency.name}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
