import { useMemo } from 'react';
import { type FindingStatus, findingStatuses } from '#domain/finding/finding.ts';
import type { ReportProblem } from '../analysis/episode-problems.ts';
import { useReportProblem } from '../analysis/episode-problems.ts';
import { ApiError } from '../api/client.ts';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { FindingApiError, type FindingDto, useAgreeFinding, useChangeFindingStatus } from './api.ts';
import { FindingStatusTag } from './finding-bits.tsx';

export const staleStatusMessage =
  'Someone else changed this finding while you were looking at it. It has been reloaded: check it, then try again.';

type Props = {
  partnershipId: string;
  reviewId: string;
  finding: FindingDto;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/** The other moves from each status, as secondary buttons. */
const otherMoves: Record<FindingStatus, FindingStatus[]> = {
  emerging: ['tested_with_case_group'],
  tested_with_case_group: ['emerging'],
  agreed_by_review_team: ['final', 'emerging'],
  final: ['emerging'],
};
const moveText = (to: FindingStatus) =>
  to === 'emerging' ? 'Return to emerging' : `Mark as ${findingStatuses[to].toLowerCase()}`;

/**
 * Where the finding stands and what is still needed before the review team can agree it; for those
 * who agree findings, the buttons to agree it and to move it on or back. A refusal lists, in the
 * error summary, what the server says is still missing.
 */
export function FindingAgreement({ partnershipId, reviewId, finding, onDone, onProblem }: Props) {
  const agree = useAgreeFinding(partnershipId, reviewId, finding.id);
  const change = useChangeFindingStatus(partnershipId, reviewId, finding.id);
  const error = agree.error ?? change.error;
  const serverProblem = useFormProblem(error, []);
  const problem = useMemo<FormProblem | null>(() => {
    if (!serverProblem) return null;
    if (error instanceof ApiError && error.code === 'stale_version')
      return { ...serverProblem, items: [{ message: staleStatusMessage }] };
    if (!(error instanceof ApiError) || error.code !== 'conflict' || error.fields.length > 0)
      return serverProblem;
    // A refusal lists what is missing: as the server names it, or else as the finding now shows it.
    const unmet =
      error instanceof FindingApiError && error.unmet.length > 0 ? error.unmet : finding.unmetForAgreement;
    return { ...serverProblem, items: [...serverProblem.items, ...unmet.map((message) => ({ message }))] };
  }, [serverProblem, error, finding.unmetForAgreement]);
  useReportProblem(onProblem, 'status', problem);

  const pending = agree.isPending || change.isPending;
  const done = (after: FindingDto) => onDone(`The finding is now ${after.statusLabel.toLowerCase()}`);
  const agreeNow = () => {
    change.reset();
    agree.mutate({ version: finding.version }, { onSuccess: done });
  };
  const move = (status: FindingStatus) => {
    agree.reset();
    change.mutate({ status, version: finding.version }, { onSuccess: done });
  };
  const agreeable = finding.status === 'emerging' || finding.status === 'tested_with_case_group';
  const canAgree = finding.abilities.agree;

  return (
    <section className="app-finding-agreement" aria-labelledby="agreement-heading">
      <h2 className="govuk-heading-m" id="agreement-heading">
        Agreeing the finding
      </h2>
      <p className="govuk-body">
        Status: <FindingStatusTag status={finding.status} label={finding.statusLabel} />
      </p>
      {agreeable ? (
        finding.unmetForAgreement.length > 0 ? (
          <>
            <p className="govuk-body">Before the review team can agree it:</p>
            <ul className="govuk-list govuk-list--bullet">
              {finding.unmetForAgreement.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="govuk-body">Everything needed before the review team can agree it is done.</p>
        )
      ) : finding.status === 'agreed_by_review_team' ? (
        <p className="govuk-body">The review team has agreed this finding.</p>
      ) : (
        <p className="govuk-body">This finding is final.</p>
      )}
      {canAgree ? (
        <>
          {agreeable && finding.abilities.edit ? (
            <p className="govuk-body-s">This agrees the finding as saved. Save any changes to it first.</p>
          ) : null}
          <div className="govuk-button-group govuk-!-margin-bottom-0">
            {agreeable ? (
              <button
                type="button"
                className="govuk-button"
                disabled={pending}
                aria-disabled={pending}
                onClick={agreeNow}
              >
                Mark as agreed by the review team
              </button>
            ) : null}
            {otherMoves[finding.status].map((to) => (
              <button
                key={to}
                type="button"
                className="govuk-button govuk-button--secondary"
                disabled={pending}
                aria-disabled={pending}
                onClick={() => move(to)}
              >
                {moveText(to)}
              </button>
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
