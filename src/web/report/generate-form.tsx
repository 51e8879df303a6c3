import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { TextField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { renamedFields, reportPage, useGenerateReport } from './api.ts';
import type { ReportPageState } from './report-bits.tsx';

const unsavedMessage =
  'Save your changes to the sections first. A new version is made from the sections as they are saved.';

type Props = {
  partnershipId: string;
  reviewId: string;
  /** Whether the sections form has changes not saved yet. */
  dirty: boolean;
  onProblem: ReportProblem;
};

/**
 * Makes a new version of the report from the saved sections and the review's records, with an
 * optional note, then opens it. Each version is fixed once made.
 */
export function GenerateForm({ partnershipId, reviewId, dirty, onProblem }: Props) {
  const generate = useGenerateReport(partnershipId, reviewId);
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const named = useMemo(() => renamedFields(generate.error, { note: 'version-note' }), [generate.error]);
  const serverProblem = useFormProblem(named, ['version-note']);
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, 'generate', problem);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (generate.isPending) return;
    if (dirty) {
      setChecked({ items: [{ message: unsavedMessage }], fields: {}, code: 'validation_failed' });
      return;
    }
    setChecked(null);
    const text = note.trim();
    generate.mutate(text ? { note: text } : {}, {
      onSuccess: (version) =>
        navigate(reportPage(partnershipId, reviewId, `versions/${version.number}`), {
          state: {
            banner: `Version ${version.number} has been generated`,
            detail:
              version.unacknowledgedCount > 0
                ? 'Check what the identifier scan found before the version goes any further.'
                : 'The identifier scan found nothing to check.',
          } satisfies ReportPageState,
        }),
    });
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="generate-heading">
      <h2 className="govuk-heading-m" id="generate-heading">
        Generate a new version
      </h2>
      <p className="govuk-body">
        A version is made from the saved sections and the review’s records as they are now, as a Word
        document, a PDF and a web page. The pseudonyms are applied and the version is scanned for anything
        that could still identify someone. A version does not change once it is made.
      </p>
      {dirty ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            You have changes to the sections that are not saved. Save them before you generate a version.
          </strong>
        </div>
      ) : null}
      <TextField
        id="version-note"
        label="Note about this version (optional)"
        hint="What changed, like ‘After the case group’s comments’."
        value={note}
        error={problem?.fields['version-note']}
        onChange={setNote}
      />
      <div role="status" className="govuk-body">
        {generate.isPending ? 'Generating the report. This can take a few seconds.' : ''}
      </div>
      <div className="govuk-button-group">
        <button
          type="submit"
          className="govuk-button"
          disabled={generate.isPending}
          aria-disabled={generate.isPending}
        >
          Generate a new version
        </button>
      </div>
    </form>
  );
}
