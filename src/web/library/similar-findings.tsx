import { useEffect, useState } from 'react';
import { plural } from '../review/review-bits.tsx';
import { type SimilarFindingDto, similarMinimum, useSimilarFindings } from './api.ts';
import { Highlighted } from './library-bits.tsx';
import './library.scss';

const debounceMs = 400;

type Props = { partnershipId: string; reviewId: string; text: string };

/**
 * Findings of other reviews that resemble the statement being written, looked for a moment after the
 * person stops typing once there are 12 characters or more. It never holds up typing or saving: it
 * asks in the background, and a failure shows a quiet line. The count is announced politely.
 */
export function SimilarFindings({ partnershipId, reviewId, text }: Props) {
  const [asked, setAsked] = useState(() => text.trim());
  useEffect(() => {
    const timer = setTimeout(() => setAsked(text.trim()), debounceMs);
    return () => clearTimeout(timer);
  }, [text]);
  const long = text.trim().length >= similarMinimum && asked.length >= similarMinimum;
  const similar = useSimilarFindings(partnershipId, reviewId, long ? asked : '');
  const findings = long && !similar.isError ? similar.data?.findings : undefined;
  const failed = long && similar.isError;
  const status = failed
    ? 'Similar findings cannot be shown just now.'
    : findings
      ? findings.length === 0
        ? 'No similar findings in other reviews.'
        : `${plural(findings.length, 'similar finding', 'similar findings')} in other reviews.`
      : '';

  return (
    <div className="app-similar-findings-wrapper">
      <p className="govuk-visually-hidden" aria-live="polite">
        {status}
      </p>
      {findings || failed ? (
        <section className="app-similar-findings" aria-labelledby="similar-findings-heading">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id="similar-findings-heading">
            Similar findings in other reviews
          </h3>
          {failed ? (
            <p className="govuk-body-s govuk-!-margin-bottom-0">{status} You can carry on writing.</p>
          ) : findings && findings.length === 0 ? (
            <p className="govuk-body-s govuk-!-margin-bottom-0">{status}</p>
          ) : (
            <>
              <p className="govuk-hint govuk-!-font-size-16">
                How do we know this is not a quirk of this case? If other reviews found the same pattern, that
                is evidence it reaches beyond this case: name them in ‘How do we know it is not a quirk of
                this case?’.
              </p>
              <ol className="govuk-list app-similar-findings__list">
                {findings?.map((f) => (
                  <SimilarFinding key={f.id} finding={f} />
                ))}
              </ol>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}

function SimilarFinding({ finding }: { finding: SimilarFindingDto }) {
  const source = [
    finding.reviewTitle,
    String(finding.year),
    finding.own ? 'our partnership' : finding.partnershipName,
  ];
  return (
    <li>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        <Highlighted parts={finding.statementParts} fallback={finding.statement} />
      </p>
      <p className="govuk-body-s govuk-!-margin-bottom-0 app-library-source">
        {source.join(' · ')}
        {finding.typology ? (
          <>
            {' '}
            <strong className="govuk-tag govuk-tag--purple">
              <span className="govuk-visually-hidden">Typology category: </span>
              {finding.typology.name}
            </strong>
          </>
        ) : null}
      </p>
    </li>
  );
}
