import { Link } from 'react-router';
import { formatDateTime } from '../components/format.ts';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { type ReportVersionSummary, reportPage } from './api.ts';
import { audiencesInWords, PublishableTag, ScanTag, SignOffTag, versionName } from './report-bits.tsx';

type Props = {
  partnershipId: string;
  reviewId: string;
  versions: ReportVersionSummary[];
  /** Whether to show what the identifier scan found: for the review team, who check it. */
  showScan: boolean;
};

/** The versions the person may read, newest first, with where each one stands. */
export function VersionsTable({ partnershipId, reviewId, versions, showScan }: Props) {
  return (
    <ScrollableTable label="Versions of the report">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">
          Versions of the report, newest first
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Version
            </th>
            <th scope="col" className="govuk-table__header">
              Generated
            </th>
            {showScan ? (
              <th scope="col" className="govuk-table__header">
                Identifier scan
              </th>
            ) : null}
            <th scope="col" className="govuk-table__header">
              Publishable
            </th>
            <th scope="col" className="govuk-table__header">
              Sign-off
            </th>
            <th scope="col" className="govuk-table__header">
              Circulated to
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {versions.map((v) => (
            <tr className="govuk-table__row" key={v.number}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={reportPage(partnershipId, reviewId, `versions/${v.number}`)}>
                  {versionName(v.number)}
                </Link>
                {v.note ? (
                  <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0">{v.note}</span>
                ) : null}
              </th>
              <td className="govuk-table__cell">
                {formatDateTime(v.createdAt)}
                {v.createdByName ? ` by ${v.createdByName}` : ''}
              </td>
              {showScan ? (
                <td className="govuk-table__cell">
                  <ScanTag version={v} />
                </td>
              ) : null}
              <td className="govuk-table__cell">
                <PublishableTag publishable={v.publishable} />
              </td>
              <td className="govuk-table__cell">
                <SignOffTag status={v.signOffStatus} label={v.signOffStatusLabel} />
              </td>
              <td className="govuk-table__cell">{audiencesInWords(v.circulatedTo)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
