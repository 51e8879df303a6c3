import { Link } from 'react-router';
import { type EvidenceKind, evidenceKinds } from '#domain/analysis/episode.ts';
import { narrativePage } from '../chronology/api.ts';
import { formatDate } from '../review/dates.ts';
import type { EpisodeDto } from './api.ts';

type Event = EpisodeDto['events'][number];
type Evidence = EpisodeDto['evidence'][number];

const reviewPage = (p: string, r: string, rest: string) => `/partnerships/${p}/reviews/${r}/${rest}`;

/** The web page of a piece of evidence, where it has one. */
export function evidenceHref(
  partnershipId: string,
  reviewId: string,
  e: Pick<Evidence, 'kind' | 'targetId'>,
) {
  if (e.kind === 'event') return narrativePage(partnershipId, reviewId, `events/${e.targetId}`);
  if (e.kind === 'document') return reviewPage(partnershipId, reviewId, `documents/${e.targetId}`);
  if (e.kind === 'conversation') return reviewPage(partnershipId, reviewId, `conversations/${e.targetId}`);
  return null;
}

type EventsProps = {
  partnershipId: string;
  reviewId: string;
  events: Event[];
  /** The events still linked in the form; those left out are unlinked when the episode is saved. */
  linkedIds: string[];
  onChange?: ((ids: string[]) => void) | undefined;
};

/** The narrative events the episode is made from, each linked to its page, and removable in the form. */
export function EpisodeEvents({ partnershipId, reviewId, events, linkedIds, onChange }: EventsProps) {
  const linked = events.filter((e) => linkedIds.includes(e.id));
  const removed = events.filter((e) => !linkedIds.includes(e.id));
  if (events.length === 0)
    return <p className="govuk-body">No narrative events are linked to this episode.</p>;
  return (
    <>
      {linked.length > 0 ? (
        <ul className="govuk-list app-episode-events">
          {linked.map((e) => (
            <li key={e.id} className="app-episode-events__item">
              <span>
                <Link className="govuk-link" to={narrativePage(partnershipId, reviewId, `events/${e.id}`)}>
                  {formatDate(e.occurredOn)}
                </Link>{' '}
                ({e.agencyName}): {e.summary}
              </span>
              {onChange ? (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => onChange(linkedIds.filter((id) => id !== e.id))}
                >
                  Remove{' '}
                  <span className="govuk-visually-hidden">the event of {formatDate(e.occurredOn)}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">Every event has been taken out of this episode.</p>
      )}
      {onChange && removed.length > 0 ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            {removed.length === 1 ? 'This event is' : 'These events are'} taken out when you save the episode:
          </p>
          <ul className="govuk-list">
            {removed.map((e) => (
              <li key={e.id}>
                {formatDate(e.occurredOn)} ({e.agencyName}): {e.summary}{' '}
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => onChange([...linkedIds, e.id])}
                >
                  Keep <span className="govuk-visually-hidden">the event of {formatDate(e.occurredOn)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** Documents and conversation passages the episode relies on, each with the words quoted. */
export function EvidenceList({
  partnershipId,
  reviewId,
  evidence,
}: {
  partnershipId: string;
  reviewId: string;
  evidence: Evidence[];
}) {
  if (evidence.length === 0)
    return <p className="govuk-body">No documents or conversation passages are linked yet.</p>;
  return (
    <ul className="govuk-list">
      {evidence.map((e) => {
        const href = evidenceHref(partnershipId, reviewId, e);
        const kind = (evidenceKinds as Record<string, string>)[e.kind as EvidenceKind] ?? e.kind;
        return (
          <li key={`${e.kind}:${e.targetId}:${e.passage ?? ''}`} className="govuk-!-margin-bottom-3">
            <span className="govuk-caption-s">{kind}</span>{' '}
            {href ? (
              <Link className="govuk-link" to={href}>
                {e.label}
              </Link>
            ) : (
              e.label
            )}
            {e.passage ? <blockquote className="app-episode-quote">“{e.passage}”</blockquote> : null}
            {e.note ? <p className="govuk-body-s govuk-!-margin-bottom-0">{e.note}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
