import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { useRetentionPolicy, useUpdateRetentionPolicy } from './api.ts';

const fieldIds = ['retainYears'] as const;

/** How long the partnership keeps personal data once a review is over, with the ways to act on it. */
export function RetentionSettingsPage() {
  const { partnershipId, membership } = useMembership();
  const policy = useRetentionPolicy(partnershipId);
  const update = useUpdateRetentionPolicy(partnershipId);
  const [years, setYears] = useState('');
  const problem = useFormProblem(update.error, fieldIds);
  const data = policy.data;
  useEffect(() => {
    if (data) setYears(String(data.retainYears));
  }, [data]);

  if (policy.isError) return <QueryProblem error={policy.error} />;
  if (!data) return <Loading />;
  const home = `/partnerships/${partnershipId}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = years.trim();
    const retainYears = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    update.mutate({ retainYears, version: data.version });
  };

  return (
    <Page
      title={['Keeping personal data', membership?.partnershipName ?? 'Partnership']}
      caption={membership?.partnershipName}
      heading="Keeping personal data"
      errors={problem?.items}
      banner={update.isSuccess && !problem ? { heading: 'The retention period has been saved' } : null}
    >
      <p className="govuk-body">
        Once a review’s report is published, or the review is closed without publication, its personal data is
        kept for the retention period and then falls due for erasure. The published report, the learning
        library and the audit log are kept.
      </p>
      {data.isDefault ? (
        <p className="govuk-body govuk-hint">
          The partnership has not chosen a period, so the default of {data.defaultRetainYears} years applies.
        </p>
      ) : data.updatedAt && data.updatedBy ? (
        <p className="govuk-body govuk-hint">
          Last changed by {data.updatedBy.name} on {formatDateTime(data.updatedAt)}.
        </p>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="retainYears"
          label="Retention period in years"
          hint={`A whole number from ${data.minRetainYears} to ${data.maxRetainYears}.`}
          value={years}
          onChange={setYears}
          inputMode="numeric"
          widthClass="govuk-input--width-3"
          spellCheck={false}
          error={problem?.fields.retainYears}
        />
        {data.abilities.update ? (
          <button type="submit" className="govuk-button" disabled={update.isPending}>
            Save
          </button>
        ) : null}
      </form>
      <h2 className="govuk-heading-m">Acting on personal data</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`${home}/retention/due`}>
            Reviews due for erasure
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`${home}/retention/subject-access`}>
            Respond to a subject access request
          </Link>
        </li>
      </ul>
    </Page>
  );
}
