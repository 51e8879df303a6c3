import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { SelectField } from '../components/form-fields.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { clientProblem } from '../review/client-problem.ts';
import { reportPage } from './api.ts';
import { versionName } from './report-bits.tsx';

type Props = {
  partnershipId: string;
  reviewId: string;
  /** The version numbers the person may read, newest first. */
  numbers: number[];
  /** The versions chosen already, on the compare page. */
  from?: number | undefined;
  to?: number | undefined;
  onProblem: ReportProblem;
};

const fieldIds = ['compare-from', 'compare-to'];

/** Two versions to compare, the older first; opens the comparison. */
export function CompareForm({ partnershipId, reviewId, numbers, from, to, onProblem }: Props) {
  const navigate = useNavigate();
  const [values, setValues] = useState({
    from: String(from ?? numbers[1] ?? ''),
    to: String(to ?? numbers[0] ?? ''),
  });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  useReportProblem(onProblem, 'compare', problem);
  const choices = numbers.map((n) => ({ value: String(n), label: versionName(n) }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = clientProblem(
      {
        'compare-from': values.from ? '' : 'Choose a version to compare from',
        'compare-to': !values.to
          ? 'Choose a version to compare with'
          : values.to === values.from
            ? 'Choose two different versions'
            : '',
      },
      fieldIds,
    );
    setProblem(found);
    if (found) return;
    navigate(reportPage(partnershipId, reviewId, `compare?from=${values.from}&to=${values.to}`));
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="compare-heading">
      <h2 className="govuk-heading-m" id="compare-heading">
        Compare two versions
      </h2>
      <p className="govuk-body">See what changed in each section, word by word.</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <SelectField
            id="compare-from"
            label="Earlier version"
            value={values.from}
            choices={choices}
            emptyLabel="Choose a version"
            error={problem?.fields['compare-from']}
            onChange={(v) => setValues((x) => ({ ...x, from: v }))}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <SelectField
            id="compare-to"
            label="Later version"
            value={values.to}
            choices={choices}
            emptyLabel="Choose a version"
            error={problem?.fields['compare-to']}
            onChange={(v) => setValues((x) => ({ ...x, to: v }))}
          />
        </div>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">
        Compare the versions
      </button>
    </form>
  );
}
