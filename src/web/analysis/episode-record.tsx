import type { ReactNode } from 'react';
import { type StandardKind, standardKinds } from '#domain/analysis/episode.ts';
import type { EpisodeDto } from './api.ts';
import { EpisodeEvents, EvidenceList } from './episode-evidence.tsx';

type WrittenProps = { heading: string; text: string; intro?: ReactNode; children?: ReactNode };

function Written({ heading, text, intro, children }: WrittenProps) {
  return (
    <section className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m">{heading}</h2>
      {intro}
      {text.trim() ? (
        <p className="govuk-body app-episode-text">{text}</p>
      ) : (
        <p className="govuk-body govuk-hint">Not written yet.</p>
      )}
      {children}
    </section>
  );
}

/**
 * The episode as written, to read: for the case group and anyone else who may see it but not change
 * it. Hindsight is set apart from the appraisal, as in the form.
 */
export function EpisodeRecord({
  partnershipId,
  reviewId,
  episode: e,
}: {
  partnershipId: string;
  reviewId: string;
  episode: EpisodeDto;
}) {
  const standard = e.standardKind
    ? [
        (standardKinds as Record<string, string>)[e.standardKind as StandardKind] ?? e.standardKind,
        e.standardReference,
      ]
        .filter(Boolean)
        .join(': ')
    : (e.standardReference ?? '');
  return (
    <>
      <Written heading="What happened" text={e.whatHappened} />
      <Written heading="How it looked at the time" text={e.localRationality} />
      <section className="govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-m">Appraisal of the practice</h2>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Appraisal</dt>
            <dd className="govuk-summary-list__value">{e.appraisal?.label ?? 'Not appraised yet'}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Judged against</dt>
            <dd className="govuk-summary-list__value">{standard || 'Not given'}</dd>
          </div>
        </dl>
        <h3 className="govuk-heading-s">Why this appraisal</h3>
        {e.appraisalRationale.trim() ? (
          <p className="govuk-body app-episode-text">{e.appraisalRationale}</p>
        ) : (
          <p className="govuk-body govuk-hint">Not written yet.</p>
        )}
      </section>
      <div className="app-episode-hindsight">
        <Written
          heading="What hindsight shows"
          text={e.hindsight}
          intro={
            <div className="govuk-inset-text">
              Kept apart from the appraisal: what is known now that was not known then. The appraisal is
              judged only on what was knowable at the time.
            </div>
          }
        />
      </div>
      <Written heading="What went well" text={e.wentWell}>
        {e.goodPractice ? (
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--green">Good practice</strong> This episode shows good
            practice worth sharing.
          </p>
        ) : null}
      </Written>
      <Written heading="Queries from the overview" text={e.overviewQueries} />
      {e.events.length > 0 || e.evidence.length > 0 ? (
        <section className="govuk-!-margin-bottom-6">
          <h2 className="govuk-heading-m">Evidence</h2>
          <h3 className="govuk-heading-s">Narrative events</h3>
          <EpisodeEvents
            partnershipId={partnershipId}
            reviewId={reviewId}
            events={e.events}
            linkedIds={e.events.map((x) => x.id)}
          />
          <h3 className="govuk-heading-s">Documents and conversation passages</h3>
          <EvidenceList partnershipId={partnershipId} reviewId={reviewId} evidence={e.evidence} />
        </section>
      ) : null}
    </>
  );
}
