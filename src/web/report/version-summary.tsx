import { formatDateTime } from '../components/format.ts';
import { SummaryRow } from '../review/review-overview-page.tsx';
import { type ReportVersionDto, versionPath } from './api.ts';
import { audiencesInWords, PublishableTag, ScanTag, SignOffTag } from './report-bits.tsx';

/** Where a version stands: who made it and when, the scan, whether it may be published, sign-off and circulation. */
export function VersionSummary({ version: v, showScan }: { version: ReportVersionDto; showScan: boolean }) {
  return (
    <dl className="govuk-summary-list">
      <SummaryRow label="Generated">
        {formatDateTime(v.createdAt)}
        {v.createdByName ? ` by ${v.createdByName}` : ''}
      </SummaryRow>
      {v.note ? <SummaryRow label="Note">{v.note}</SummaryRow> : null}
      {showScan ? (
        <SummaryRow label="Identifier scan">
          <ScanTag version={v} />
        </SummaryRow>
      ) : null}
      <SummaryRow label="Publishable">
        <PublishableTag publishable={v.publishable} />
        {v.publishableAt ? (
          <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
            Marked{v.publishableByName ? ` by ${v.publishableByName}` : ''} on{' '}
            {formatDateTime(v.publishableAt)}
          </p>
        ) : null}
      </SummaryRow>
      <SummaryRow label="Sign-off">
        <SignOffTag status={v.signOffStatus} label={v.signOffStatusLabel} />
      </SummaryRow>
      <SummaryRow label="Circulated to">{audiencesInWords(v.circulatedTo)}</SummaryRow>
    </dl>
  );
}

const formats = [
  {
    format: 'docx',
    name: 'Word document (DOCX)',
    hint: 'To edit or comment on. Opens in Microsoft Word or LibreOffice.',
  },
  { format: 'pdf', name: 'PDF', hint: 'Tagged for screen readers. To print, or to publish.' },
  { format: 'html', name: 'Web page (HTML)', hint: 'To publish on the partnership’s website.' },
] as const;

type DownloadProps = { partnershipId: string; reviewId: string; version: ReportVersionDto };

/** The version's files: the same document as Word, PDF and a web page. */
export function VersionDownloads({ partnershipId, reviewId, version: v }: DownloadProps) {
  return (
    <section aria-labelledby="downloads-heading">
      <h2 className="govuk-heading-m" id="downloads-heading">
        Download
      </h2>
      <ul className="govuk-list">
        {formats.map((f) => (
          <li key={f.format} className="govuk-!-margin-bottom-3">
            <a
              className="govuk-link"
              href={versionPath(partnershipId, reviewId, v.number, `files/${f.format}`)}
              download
              aria-describedby={`download-${f.format}-hint`}
            >
              <span className="govuk-visually-hidden">Download version {v.number} as a</span> {f.name}
            </a>
            <div
              className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0"
              id={`download-${f.format}-hint`}
            >
              {f.hint}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the lead reviewers should look at before the version goes further: unclear names and empty sections. */
export function VersionWarnings({ version: v }: { version: ReportVersionDto }) {
  if (v.ambiguousNames.length === 0 && v.unwrittenSections.length === 0) return null;
  return (
    <section aria-labelledby="warnings-heading">
      <h2 className="govuk-heading-m" id="warnings-heading">
        To look at
      </h2>
      {v.ambiguousNames.length > 0 ? (
        <>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Some names could belong to more than one person in the register. They were replaced with a
              neutral form: check the sentence still makes sense, or make the name clearer in the records.
            </strong>
          </div>
          <ul
            className="govuk-list govuk-list--bullet"
            aria-label="Names that could belong to more than one person"
          >
            {v.ambiguousNames.map((a) => (
              <li key={`${a.sectionTitle}:${a.text}`}>
                ‘{a.text}’ in {a.sectionTitle}: could be {a.candidates.join(' or ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {v.unwrittenSections.length > 0 ? (
        <>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              These sections were not written when this version was made. The report says “This section has
              not been written yet.”
            </strong>
          </div>
          <ul className="govuk-list govuk-list--bullet" aria-label="Sections not written yet">
            {v.unwrittenSections.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
