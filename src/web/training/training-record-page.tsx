import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { reviewPage } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { SummaryRow } from '../review/review-overview-page.tsx';
import { logbookPath, poolPage, type TrainingRecordDto, useTrainingRecord } from './api.ts';
import { MilestoneForm } from './milestone-form.tsx';
import { StatusTag } from './status-tag.tsx';

/**
 * A reviewer's training record: their accreditation, cohort, supervisor and practice review, the
 * milestones recorded and what the programme still expects, with the accreditation logbook to
 * download as a Word document and, for those who manage the pool, a form to record a milestone.
 */
export function TrainingRecordPage() {
  const { partnershipId, membership } = useMembership();
  const reviewerId = useParams().reviewerId ?? '';
  // Someone outside the partnership asks all the same, and is told it is not found.
  const allowed = membership ? Boolean(membership.abilities.viewReviewerPool) : true;
  const record = useTrainingRecord(partnershipId, reviewerId, allowed);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (membership && !allowed)
    return (
      <ForbiddenPage message="Only the partnership’s admins and business managers can see training records." />
    );
  if (record.isError) return <QueryProblem error={record.error} />;
  if (!record.data) return <Loading />;
  const { reviewer: r, milestones, outstanding, abilities } = record.data;
  const heading = `${r.name}: training record`;

  return (
    <Page
      title={[heading, 'Reviewer pool']}
      heading={heading}
      caption="Reviewer pool"
      errors={problem?.items}
      banner={done && !problem ? { heading: done } : null}
    >
      <p className="govuk-body">
        <Link className="govuk-link" to={poolPage(partnershipId)}>
          Back to the reviewer pool
        </Link>
      </p>
      <ReviewerSummary partnershipId={partnershipId} record={record.data} manage={abilities.record} />
      <p className="govuk-body">
        <a className="govuk-link" href={logbookPath(partnershipId, reviewerId)} download>
          Download the accreditation logbook (Word document)
        </a>
      </p>
      <h2 className="govuk-heading-m">Still to do</h2>
      {outstanding.length === 0 ? (
        <p className="govuk-body">Nothing is outstanding.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet" aria-label="Still to do">
          {outstanding.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      <Milestones milestones={milestones} />
      {abilities.record ? (
        <MilestoneForm
          partnershipId={partnershipId}
          reviewerId={reviewerId}
          onProblem={setProblem}
          onDone={setDone}
        />
      ) : null}
    </Page>
  );
}

function ReviewerSummary({
  partnershipId,
  record: { reviewer: r },
  manage,
}: {
  partnershipId: string;
  record: TrainingRecordDto;
  manage: boolean;
}) {
  return (
    <>
      <dl className="govuk-summary-list">
        <SummaryRow label="Status">
          <StatusTag status={r.status} label={r.statusLabel} />
          {r.accreditedOn ? ` since ${formatDate(r.accreditedOn)}` : null}
        </SummaryRow>
        <SummaryRow label="Accrediting body">{r.accreditingBody ?? 'Not recorded'}</SummaryRow>
        <SummaryRow label="Cohort">{r.cohort?.name ?? 'Not in a cohort'}</SummaryRow>
        <SummaryRow label="Supervisor">{r.supervisor?.name ?? 'None'}</SummaryRow>
        <SummaryRow label="Practice review">
          {r.practiceReview ? (
            <Link className="govuk-link" to={reviewPage(partnershipId, r.practiceReview.id)}>
              {r.practiceReview.title}
            </Link>
          ) : (
            'None'
          )}
        </SummaryRow>
        <SummaryRow label="Email address">{r.email ?? 'Not recorded'}</SummaryRow>
      </dl>
      {manage ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={poolPage(partnershipId, `${r.id}/change`)}>
            Change {r.name}’s details
          </Link>
        </p>
      ) : null}
    </>
  );
}

function Milestones({ milestones }: { milestones: TrainingRecordDto['milestones'] }) {
  if (milestones.length === 0)
    return (
      <>
        <h2 className="govuk-heading-m">Milestones</h2>
        <p className="govuk-body">No milestones have been recorded yet.</p>
      </>
    );
  return (
    <ScrollableTable label="Milestones">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Milestones</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Date', 'Milestone', 'Outcome', 'Notes'].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {milestones.map((m) => (
            <tr className="govuk-table__row" key={m.id}>
              <td className="govuk-table__cell app-nowrap">{formatDate(m.on)}</td>
              <td className="govuk-table__cell">{m.kindLabel}</td>
              <td className="govuk-table__cell">{m.outcome ?? ''}</td>
              <td className="govuk-table__cell">{m.notes ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
