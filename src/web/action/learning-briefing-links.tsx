import { briefingPath } from './api.ts';

/** The one-page learning briefing for frontline staff, made from the findings, as Word or PDF. */
export function LearningBriefingLinks({
  partnershipId,
  reviewId,
}: {
  partnershipId: string;
  reviewId: string;
}) {
  return (
    <section aria-labelledby="learning-briefing-heading">
      <h2 className="govuk-heading-m" id="learning-briefing-heading">
        Download the learning briefing
      </h2>
      <p className="govuk-body">A one-page briefing on the findings, for frontline staff.</p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={briefingPath(partnershipId, reviewId, 'docx')} download>
            Download the learning briefing as a Word document (DOCX)
          </a>
        </li>
        <li>
          <a className="govuk-link" href={briefingPath(partnershipId, reviewId, 'pdf')} download>
            Download the learning briefing as a PDF
          </a>
        </li>
      </ul>
    </section>
  );
}
