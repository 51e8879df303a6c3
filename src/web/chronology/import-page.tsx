import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { importColumns } from '#domain/chronology/chronology.ts';
import { queryString } from '../api/client.ts';
import { useAgencies } from '../api/partnership.ts';
import { useSession } from '../api/session.ts';
import { ErrorMessage, SelectField } from '../components/form-fields.tsx';
import { type FormProblem, formProblem } from '../components/form-problem.ts';
import { Loading } from '../components/problem-pages.tsx';
import { clientProblem } from '../review/client-problem.ts';
import { chronologyPath, type ImportPreviewDto, narrativePage, useCommitImport } from './api.ts';
import { NarrativeShell, plural, useReviewParams } from './bits.tsx';
import { ColumnMapping } from './column-mapping.tsx';
import { ImportProblems, ImportReady } from './import-preview.tsx';
import type { NarrativePageState } from './narrative-page.tsx';
import { importContentType, uploadImport } from './upload.ts';

const fieldIds = ['agencyId', 'file'];
const maxBytes = 30 * 1024 * 1024;

/**
 * Import an agency's chronology from a CSV or Excel file made with the template: check it, see every
 * problem by row and column, then import all its rows at once (or none).
 */
export function ImportPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const agencies = useAgencies(partnershipId);
  const csrfToken = useSession().data?.csrfToken ?? null;
  const commit = useCommitImport(partnershipId, reviewId);
  const navigate = useNavigate();
  const [agencyId, setAgencyId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  const base = chronologyPath(partnershipId, reviewId);
  const commitProblem = commit.error ? formProblem(commit.error, []) : null;

  const check = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = clientProblem(
      {
        agencyId: agencyId ? '' : 'Select the agency whose chronology this is',
        file: !file
          ? 'Select a CSV or Excel file'
          : !importContentType(file)
            ? 'The selected file must be a CSV or Excel (.xlsx) file'
            : file.size > maxBytes
              ? 'The selected file must be smaller than 30 MB'
              : file.size === 0
                ? 'The selected file is empty'
                : '',
      },
      fieldIds,
    );
    setProblem(found);
    if (found || !file) return;
    await send(file);
  };
  const send = async (chosen: File, mapping?: Record<string, string>) => {
    setProgress(0);
    try {
      const query = {
        agencyId,
        filename: chosen.name,
        mapping: mapping ? JSON.stringify(mapping) : undefined,
      };
      setPreview(await uploadImport(`${base}/imports${queryString(query)}`, chosen, csrfToken, setProgress));
    } catch (error) {
      setProblem(formProblem(error, fieldIds));
    } finally {
      setProgress(null);
    }
  };
  const again = () => {
    setPreview(null);
    setFile(null);
    commit.reset();
  };

  return (
    <NarrativeShell
      title="Import an agency chronology"
      heading="Import an agency chronology"
      errors={problem?.items ?? commitProblem?.items}
      problem={agencies.error}
      forbidden={(r) =>
        r.abilities.editNarrative ? null : 'You do not have permission to import into this narrative.'
      }
      render={() => {
        if (!agencies.data) return <Loading />;
        const agencyName = agencies.data.agencies.find((a) => a.id === agencyId)?.name ?? 'the agency';
        if (preview && commit.isPending) {
          return <Progress text={`Importing ${plural(preview.validCount, 'event')}…`} />;
        }
        if (preview) {
          const headingsWrong = preview.errors.some((e) => e.row === 1) && preview.columns.length > 0;
          return preview.errors.length > 0 ? (
            <ImportProblems preview={preview} onAgain={again}>
              {headingsWrong && file ? (
                <ColumnMapping
                  columns={preview.columns}
                  mapping={preview.mapping}
                  pending={progress !== null}
                  onCheck={(mapping) => {
                    setPreview(null);
                    void send(file, mapping);
                  }}
                />
              ) : null}
            </ImportProblems>
          ) : (
            <ImportReady
              preview={preview}
              agencyName={agencyName}
              pending={commit.isPending}
              onAgain={again}
              onCommit={(mergeRows) =>
                commit.mutate(
                  { importId: preview.importId, mergeRows },
                  {
                    onSuccess: () => {
                      const merged = Object.keys(mergeRows).length;
                      const state: NarrativePageState = {
                        banner: `${plural(preview.validCount - merged, 'event')} imported from ${preview.filename}`,
                        detail:
                          merged > 0
                            ? `${plural(merged, 'row was', 'rows were')} added as ${agencyName}’s account of existing events.`
                            : undefined,
                      };
                      navigate(narrativePage(partnershipId, reviewId), { state });
                    },
                  },
                )
              }
            />
          );
        }
        return (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <form noValidate onSubmit={check}>
                <SelectField
                  id="agencyId"
                  label="Agency"
                  hint="The agency whose records the file comes from"
                  emptyLabel="Select an agency"
                  value={agencyId}
                  onChange={setAgencyId}
                  choices={agencies.data.agencies
                    .filter((a) => a.active)
                    .map((a) => ({ value: a.id, label: a.name }))}
                  error={problem?.fields.agencyId}
                />
                <div className={`govuk-form-group${problem?.fields.file ? ' govuk-form-group--error' : ''}`}>
                  <label className="govuk-label govuk-label--s" htmlFor="file">
                    Chronology file
                  </label>
                  <div id="file-hint" className="govuk-hint">
                    A CSV or Excel (.xlsx) file with the template’s columns
                  </div>
                  {problem?.fields.file ? (
                    <ErrorMessage id="file-error">{problem.fields.file}</ErrorMessage>
                  ) : null}
                  <input
                    className={`govuk-file-upload${problem?.fields.file ? ' govuk-file-upload--error' : ''}`}
                    id="file"
                    name="file"
                    type="file"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-describedby={problem?.fields.file ? 'file-hint file-error' : 'file-hint'}
                    onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                  />
                </div>
                {progress !== null ? (
                  <Progress text="Checking the file…" value={progress} />
                ) : (
                  <button type="submit" className="govuk-button">
                    Check the file
                  </button>
                )}
              </form>
              <Template base={base} />
            </div>
          </div>
        );
      }}
    />
  );
}

/** Work in progress, announced to screen readers, with a real percentage where there is one. */
function Progress({ text, value }: { text: string; value?: number }) {
  const percent = value === undefined ? undefined : Math.round(value * 100);
  return (
    <div className="govuk-!-margin-bottom-6" role="status" aria-live="polite">
      <p className="govuk-body govuk-!-font-weight-bold" id="progress-label">
        {text}
        {percent !== undefined ? ` ${percent}%` : ''}
      </p>
      <progress
        className="app-narrative-progress"
        aria-labelledby="progress-label"
        max={100}
        value={percent}
      />
    </div>
  );
}

function Template({ base }: { base: string }) {
  return (
    <>
      <h2 className="govuk-heading-m">The template</h2>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={`${base}/import-template.csv`} download>
            Download the template (CSV)
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`${base}/import-template.csv?format=xlsx`} download>
            Download the template (Excel)
          </a>
        </li>
      </ul>
      <p className="govuk-body">
        Keep the first row of headings; each later row is one event. The columns are:
      </p>
      <dl className="govuk-summary-list">
        {Object.values(importColumns).map((c) => (
          <div className="govuk-summary-list__row" key={c.label}>
            <dt className="govuk-summary-list__key">
              {c.label}
              {c.required ? '' : ' (optional)'}
            </dt>
            <dd className="govuk-summary-list__value">{c.hint}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
