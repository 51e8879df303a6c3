import { type FormEvent, useEffect, useState } from 'react';
import type { MfaRequirement } from '#domain/auth/security-policy.ts';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { useSecurityPolicy, useUpdateSecurityPolicy } from './security-policy-api.ts';

const fieldIds = ['requireMfaFor'] as const;

/** The partnership's security policy: which roles must use two-step verification. */
export function SecurityPolicyPage() {
  const { partnershipId, membership } = useMembership();
  const policy = useSecurityPolicy(partnershipId);
  const update = useUpdateSecurityPolicy(partnershipId);
  const [selected, setSelected] = useState<string[]>([]);
  const problem = useFormProblem(update.error, fieldIds);
  const data = policy.data;
  useEffect(() => {
    if (data) setSelected(data.requireMfaFor);
  }, [data]);

  if (policy.isError) return <QueryProblem error={policy.error} />;
  if (!data) return <Loading />;
  const title = [`Two-step verification`, membership?.partnershipName ?? 'Partnership'];
  const sensitive = data.sensitiveReviewRoles.map((r) => r.label.toLowerCase()).join(', ');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ requireMfaFor: selected as MfaRequirement[], version: data.version });
  };

  return (
    <Page
      title={title}
      caption={membership?.partnershipName}
      heading="Who must use two-step verification"
      errors={problem?.items}
      banner={update.isSuccess && !problem ? { heading: 'The policy has been saved' } : null}
    >
      <p className="govuk-body">
        With two-step verification, people enter a code from an authenticator app on their phone as well as
        their password. Anyone can turn it on for themselves from their account page; here you can require it.
      </p>
      {data.updatedAt && data.updatedBy ? (
        <p className="govuk-body govuk-hint">
          Last changed by {data.updatedBy.name} on {formatDateTime(data.updatedAt)}.
        </p>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <CheckboxesField
          id="requireMfaFor"
          legend="Require two-step verification for"
          hint="Select all that apply. Leave all unselected to leave it to each person."
          values={selected}
          onChange={setSelected}
          error={problem?.fields.requireMfaFor}
          choices={data.options.map((o) => ({
            value: o.value,
            label: o.label,
            hint:
              o.value === 'sensitive_review_roles'
                ? `In a review: ${sensitive}. Partnership admins and business managers run every review, so they are included.`
                : undefined,
          }))}
        />
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Anyone you require it of who has not set it up will have to before they can continue, straight
            away. That includes you.
          </strong>
        </div>
        {data.abilities.update ? (
          <button type="submit" className="govuk-button" disabled={update.isPending}>
            Save
          </button>
        ) : null}
      </form>
    </Page>
  );
}
