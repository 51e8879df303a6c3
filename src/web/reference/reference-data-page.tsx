import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useReferenceData } from '../analysis/api.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { plural } from '../review/review-bits.tsx';

export const referenceDataPath = (partnershipId: string, kind?: string) =>
  `/partnerships/${partnershipId}/reference-data${kind ? `/${kind}` : ''}`;

/** "9 March 2026 at 10:15am by Alex Admin", or "Comes with Sightlines" for version 1 as shipped. */
export function publishedWords(v: { publishedAt: string; publishedBy: string | null; version: number }) {
  const when = formatDateTime(v.publishedAt);
  if (v.publishedBy) return `${when} by ${v.publishedBy}`;
  return v.version === 1 ? `${when} (as it comes with Sightlines)` : when;
}

export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** The partnership's reference data: the four kinds reviews are analysed with, and each one's current version. */
export function ReferenceDataPage() {
  const { partnershipId, membership } = useMembership();
  const data = useReferenceData(partnershipId);
  if (data.isError) return <QueryProblem error={data.error} />;
  const partnershipName = membership?.partnershipName;

  return (
    <Page
      title={['Reference data', ...(partnershipName ? [partnershipName] : [])]}
      heading="Reference data"
      caption={partnershipName}
    >
      <p className="govuk-body">
        The frameworks your partnership’s reviews are analysed with: the typology of underlying patterns, the
        contributory factors, the appraisal scale and the wording the language check looks for.
      </p>
      <p className="govuk-body">
        Each has versions. A review keeps the version it started its analysis with, so its codes never change
        under it. Reviews that start later use the newest version.
      </p>
      {!data.data ? <Loading /> : null}
      {data.data?.kinds.map((k) => (
        <div key={k.kind} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h2 className="govuk-summary-card__title">{k.label}</h2>
            <ul className="govuk-summary-card__actions">
              <li className="govuk-summary-card__action">
                <Link className="govuk-link" to={referenceDataPath(partnershipId, k.kind)}>
                  {data.data?.abilities.publish ? 'View or publish' : 'View'}{' '}
                  <span className="govuk-visually-hidden">{k.label.toLowerCase()}</span>
                </Link>
              </li>
            </ul>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <SummaryRow label="Current version">
                Version {k.current.version}
                {k.versions.length > 1 ? ` (of ${k.versions.length})` : ''}
              </SummaryRow>
              <SummaryRow label="Name">{k.current.name}</SummaryRow>
              <SummaryRow label="Published">{publishedWords(k.current)}</SummaryRow>
              <SummaryRow label="Reviews using it">
                {k.current.reviewsUsing === 0
                  ? 'No reviews yet'
                  : plural(k.current.reviewsUsing, 'review', 'reviews')}
              </SummaryRow>
            </dl>
          </div>
        </div>
      ))}
    </Page>
  );
}
