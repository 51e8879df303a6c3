import { Fragment } from 'react';
import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { type LetterTemplateList, useLetterTemplates } from './api.ts';
import '../meeting/meeting.scss';

/** The placeholders a letter's wording may use, as a table. */
export function PlaceholdersTable({ placeholders }: { placeholders: LetterTemplateList['placeholders'] }) {
  return (
    <table className="govuk-table govuk-!-font-size-16">
      <caption className="govuk-table__caption govuk-table__caption--m">Placeholders you can use</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Placeholder
          </th>
          <th scope="col" className="govuk-table__header">
            Becomes
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {placeholders.map((p) => (
          <tr className="govuk-table__row" key={p.name}>
            <td className="govuk-table__cell">
              <code className="app-placeholder">
                {'{{'}
                {p.name.split('.').map((part, i) => (
                  <Fragment key={part}>
                    {i > 0 ? <wbr /> : null}
                    {i > 0 ? '.' : ''}
                    {part}
                  </Fragment>
                ))}
                {'}}'}
              </code>
            </td>
            <td className="govuk-table__cell">{p.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The partnership's letter templates: the wording each letter starts from, and who may change it. */
export function LetterTemplatesPage() {
  const { partnershipId, membership } = useMembership();
  const templates = useLetterTemplates(partnershipId);
  const banner = (useLocation().state as { banner?: string } | null)?.banner;
  if (templates.isError) return <QueryProblem error={templates.error} />;
  const partnershipName = membership?.partnershipName;

  return (
    <Page
      title={['Letter templates', ...(partnershipName ? [partnershipName] : [])]}
      heading="Letter templates"
      caption={partnershipName}
      banner={banner ? { heading: banner } : null}
    >
      <p className="govuk-body">
        The wording of the letters written for reviews. Until your partnership writes its own, the standard
        wording is used.
      </p>
      {!templates.data ? <Loading /> : null}
      {templates.data?.templates.map((t) => (
        <section key={t.kind} aria-labelledby={`${t.kind}-heading`} className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m" id={`${t.kind}-heading`}>
            {t.kindLabel}
          </h2>
          <p className="govuk-body">{t.hint}</p>
          <p className="govuk-body">
            {t.isStandard ? (
              <strong className="govuk-tag govuk-tag--grey">Standard wording</strong>
            ) : (
              <strong className="govuk-tag govuk-tag--blue">Your partnership’s wording</strong>
            )}
            {t.updatedAt ? (
              <span className="govuk-!-margin-left-2">Last changed {formatDateTime(t.updatedAt)}</span>
            ) : null}
          </p>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Read the wording</span>
            </summary>
            <div className="govuk-details__text app-letter-preview">{t.body}</div>
          </details>
          {t.abilities.update ? (
            <Link
              className="govuk-button govuk-button--secondary"
              to={`/partnerships/${partnershipId}/letter-templates/${t.kind}`}
            >
              Change the wording{' '}
              <span className="govuk-visually-hidden">of the {t.kindLabel.toLowerCase()}</span>
            </Link>
          ) : null}
        </section>
      ))}
      {templates.data ? <PlaceholdersTable placeholders={templates.data.placeholders} /> : null}
    </Page>
  );
}
