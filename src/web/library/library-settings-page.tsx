import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { type ReportProblem, usePageProblems } from '../analysis/episode-problems.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { libraryPage, useLibrarySettings } from './api.ts';
import { LibraryImportForm } from './library-import-form.tsx';
import { LibraryImportsTable } from './library-imports-table.tsx';
import { LibrarySharingForm } from './library-sharing-form.tsx';
import './library.scss';

/**
 * Sharing and imports: whether the partnership shares its published findings with every
 * partnership, and the published findings of older reviews imported from CSV.
 */
export function LibrarySettingsPage() {
  const { partnershipId, membership } = useMembership();
  const allowed = membership ? Boolean(membership.abilities.manageLibrary) : true;
  const settings = useLibrarySettings(allowed ? partnershipId : '');
  const { items, report: reportProblem } = usePageProblems();
  const [done, setDone] = useState<string | null>(null);
  const report = useCallback<ReportProblem>(
    (source, problem) => {
      if (problem) setDone(null);
      reportProblem(source, problem);
    },
    [reportProblem],
  );
  const name = membership?.partnershipName;

  if (membership && !allowed)
    return (
      <ForbiddenPage message="Only the partnership’s admins and business managers can change how the learning library is shared." />
    );
  if (settings.isError) return <QueryProblem error={settings.error} />;
  if (!settings.data) return <Loading />;

  return (
    <Page
      title={['Sharing and imports', 'Learning library', ...(name ? [name] : [])]}
      heading="Sharing and imports"
      caption={name ? `${name}: learning library` : 'Learning library'}
      errors={items}
      banner={done && items.length === 0 ? { heading: done } : null}
    >
      <p className="govuk-body">
        <Link className="govuk-link" to={libraryPage(partnershipId)}>
          Back to the learning library
        </Link>
      </p>
      <LibrarySharingForm
        partnershipId={partnershipId}
        settings={settings.data}
        onDone={setDone}
        onProblem={report}
      />
      <LibraryImportForm partnershipId={partnershipId} onDone={setDone} onProblem={report} />
      <LibraryImportsTable
        partnershipId={partnershipId}
        imports={settings.data.imports}
        onDone={setDone}
        onProblem={report}
      />
    </Page>
  );
}
