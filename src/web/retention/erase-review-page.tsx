import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { type ReviewErasureDto, useEraseReview, useReviewErasure } from './api.ts';
import { ErasureSummary } from './erasure-notice.tsx';

const fieldIds = ['reason', 'confirmReference'] as const;

/** Confirms and erases a finished review's personal data, leaving a record that it was done. */
export function EraseReviewPage() {
  const { partnershipId, membership } = useMembership();
  const reviewId = useParams().reviewId ?? '';
  const status = useReviewErasure(partnershipId, reviewId);
  const erase = useEraseReview(partnershipId, reviewId);
  const [reason, setReason] = useState('');
  const [confirmReference, setConfirmReference] = useState('');
  const [done, setDone] = useState<ReviewErasureDto | null>(null);
  const problem = useFormProblem(erase.error, fieldIds);

  if (status.isError) return <QueryProblem error={status.error} />;
  if (!status.data) return <Loading />;
  const s = status.data;
  const reviewLink = `/partnerships/${partnershipId}/reviews/${reviewId}`;
  const title = ['Erase personal data', s.reference, membership?.partnershipName ?? 'Partnership'];

  const erasure = done ?? s.erasure;
  if (erasure) {
    return (
      <Page
        title={title}
        caption={s.reference}
        heading="Personal data erased"
        banner={done ? { heading: 'The review’s personal data has been erased' } : null}
      >
        <ErasureSummary erasure={erasure} />
        <p className="govuk-body">
          <Link className="govuk-link" to={reviewLink}>
            Back to the review
          </Link>
        </p>
      </Page>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    erase.mutate({ reason, confirmReference }, { onSuccess: setDone });
  };

  return (
    <Page
      title={title}
      caption={s.reference}
      heading="Erase this review’s personal data"
      errors={problem?.items}
    >
      {s.refusal ? (
        <p className="govuk-body">{s.refusal}</p>
      ) : !s.abilities.erase ? (
        <p className="govuk-body">Only the partnership’s admins can erase a review’s personal data.</p>
      ) : (
        <>
          <p className="govuk-body">This removes, for good:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>conversation records and their earlier versions</li>
            <li>documents and their files</li>
            <li>what the narrative’s events and the key practice episodes say</li>
            <li>the names and contact details of the people in the review</li>
            <li>the real names in the pseudonym register</li>
            <li>comments, meeting notes, report drafts and unpublished versions of the report</li>
          </ul>
          <p className="govuk-body">
            The published report, the findings in the learning library and the audit log are kept. A record of
            the erasure stays with the review, and the review can no longer be changed.
          </p>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              You cannot undo this. Anything erased can only come back from a backup.
            </strong>
          </div>
          <form noValidate onSubmit={onSubmit}>
            <TextareaField
              id="reason"
              label="Why are you erasing this review’s personal data?"
              hint="For example, the retention period is over. This is kept with the record of the erasure."
              value={reason}
              onChange={setReason}
              rows={3}
              error={problem?.fields.reason}
            />
            <TextField
              id="confirmReference"
              label={`To confirm, type the review’s name: ${s.reference}`}
              value={confirmReference}
              onChange={setConfirmReference}
              autoComplete="off"
              spellCheck={false}
              error={problem?.fields.confirmReference}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button govuk-button--warning" disabled={erase.isPending}>
                Erase personal data
              </button>
              <Link className="govuk-link" to={reviewLink}>
                Cancel
              </Link>
            </div>
          </form>
        </>
      )}
    </Page>
  );
}
