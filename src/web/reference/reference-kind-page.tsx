import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { type ReferenceKind, referenceKind } from '#domain/reference/reference.ts';
import { type ReferenceDataDto, useReferenceData, useReferenceVersion } from '../analysis/api.ts';
import { Page } from '../components/page.tsx';
import { Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { plural } from '../review/review-bits.tsx';
import { usePublishReferenceForm } from './publish-reference-form.tsx';
import { ReferenceContent } from './reference-content.tsx';
import { publishedWords, referenceDataPath, SummaryRow } from './reference-data-page.tsx';
import './reference.scss';

type KindEntry = ReferenceDataDto['kinds'][number];

function VersionHistory({ entry, showing }: { entry: KindEntry; showing: number }) {
  const { partnershipId } = useMembership();
  const path = referenceDataPath(partnershipId, entry.kind);
  return (
    <ScrollableTable label="Version history">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Version history</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Version', 'Name', 'Published', 'Reviews using it'].map((c) => (
              <th key={c} scope="col" className="govuk-table__header">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {[...entry.versions].reverse().map((v) => {
            const isCurrent = v.version === entry.current.version;
            return (
              <tr key={v.id} className="govuk-table__row">
                <td className="govuk-table__cell app-nowrap">
                  {v.version === showing ? (
                    <span aria-current="true">Version {v.version} (shown)</span>
                  ) : (
                    <Link className="govuk-link" to={isCurrent ? path : `${path}?version=${v.version}`}>
                      Version {v.version}
                    </Link>
                  )}
                  {isCurrent ? (
                    <>
                      {' '}
                      <strong className="govuk-tag govuk-tag--green">Current</strong>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{v.name}</td>
                <td className="govuk-table__cell">{publishedWords(v)}</td>
                <td className="govuk-table__cell">
                  {v.reviewsUsing === 0 ? 'None' : plural(v.reviewsUsing, 'review', 'reviews')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

function KindView({
  entry,
  mayPublish,
  askedVersion,
  refetch,
}: {
  entry: KindEntry;
  mayPublish: boolean;
  askedVersion: number;
  refetch: () => Promise<unknown>;
}) {
  const { partnershipId, membership } = useMembership();
  const navigate = useNavigate();
  const banner = (useLocation().state as { banner?: string } | null)?.banner;
  const current = entry.current;
  const older = askedVersion > 0 && askedVersion !== current.version ? askedVersion : 0;
  const version = useReferenceVersion(partnershipId, entry.kind, older);
  const path = referenceDataPath(partnershipId, entry.kind);
  const publishing = usePublishReferenceForm({
    partnershipId,
    kind: entry.kind,
    label: entry.label,
    current,
    afterPublish: (saved) =>
      navigate(path, {
        state: { banner: `Version ${saved.version} of the ${entry.label.toLowerCase()} has been published` },
      }),
    onConflict: refetch,
  });
  if (older && version.isError) return <QueryProblem error={version.error} />;
  const shown = older ? version.data : current;
  const partnershipName = membership?.partnershipName;

  return (
    <Page
      title={[entry.label, 'Reference data', ...(partnershipName ? [partnershipName] : [])]}
      heading={entry.label}
      caption="Reference data"
      errors={mayPublish ? publishing.problems : undefined}
      banner={banner ? { heading: banner } : null}
      width="full"
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {!shown ? (
            <Loading />
          ) : (
            <>
              {older ? (
                <div className="govuk-inset-text">
                  This is version {shown.version}, not the current version. Reviews that started their
                  analysis with it still use it.{' '}
                  <Link className="govuk-link" to={path}>
                    Show the current version (version {current.version})
                  </Link>
                </div>
              ) : null}
              <dl className="govuk-summary-list">
                <SummaryRow label="Version">
                  {shown.version}
                  {older ? '' : ' (current)'}
                </SummaryRow>
                <SummaryRow label="Name">{shown.name}</SummaryRow>
                <SummaryRow label="Published">{publishedWords(shown)}</SummaryRow>
                <SummaryRow label="Reviews using it">
                  {shown.reviewsUsing === 0
                    ? 'No reviews yet'
                    : plural(shown.reviewsUsing, 'review', 'reviews')}
                </SummaryRow>
              </dl>
            </>
          )}
        </div>
      </div>
      {shown ? (
        <section aria-labelledby="content-heading" className="govuk-!-margin-bottom-6">
          <h2 className="govuk-heading-l" id="content-heading">
            What version {shown.version} contains
          </h2>
          <ReferenceContent kind={entry.kind} content={shown.content} label={entry.label} />
        </section>
      ) : null}
      <VersionHistory entry={entry} showing={shown?.version ?? 0} />
      {mayPublish ? (
        <div className="govuk-grid-row govuk-!-margin-top-6">
          <div className="govuk-grid-column-two-thirds">{publishing.form}</div>
        </div>
      ) : null}
      <p className="govuk-body govuk-!-margin-top-6">
        <Link className="govuk-link" to={referenceDataPath(partnershipId)}>
          See all reference data
        </Link>
      </p>
    </Page>
  );
}

/**
 * One kind of the partnership's reference data: its current version readably, the versions before
 * it, and for partnership admins a form to publish a new version.
 */
export function ReferenceKindPage() {
  const { partnershipId } = useMembership();
  const parsedKind = referenceKind.safeParse(useParams().kind);
  const asked = Number(useSearchParams()[0].get('version') ?? '');
  const data = useReferenceData(partnershipId);
  if (!parsedKind.success) return <NotFoundPage />;
  if (data.isError) return <QueryProblem error={data.error} />;
  if (!data.data) return <Loading />;
  const kind: ReferenceKind = parsedKind.data;
  const entry = data.data.kinds.find((k) => k.kind === kind);
  if (!entry) return <NotFoundPage />;
  return (
    <KindView
      key={kind}
      entry={entry}
      mayPublish={data.data.abilities.publish}
      askedVersion={Number.isInteger(asked) && asked > 0 ? asked : 0}
      refetch={data.refetch}
    />
  );
}
