import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { ApiTokenScope } from '#domain/token/token.ts';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { type DateParts, noDate, readDates } from '../intake/dates.ts';
import { useMembership } from '../partnership/use-membership.ts';
import { type CreatedApiTokenDto, useApiTokens, useCreateApiToken } from './api.ts';
import '../auth/security.scss';

const fieldIds = ['name', 'scopes', 'expiresOn'] as const;

/** Creating an API token: its name, what it may read and when it expires; then the token, shown once. */
export function CreateApiTokenPage() {
  const { partnershipId, membership } = useMembership();
  const tokens = useApiTokens(partnershipId);
  const create = useCreateApiToken(partnershipId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiry, setExpiry] = useState<DateParts>(noDate);
  const [typingError, setTypingError] = useState<unknown>(null);
  const problem = useFormProblem(typingError ?? create.error, fieldIds);
  const list = `/partnerships/${partnershipId}/api-tokens`;
  const title = ['Create an API token', membership?.partnershipName ?? 'Partnership'];

  if (create.data) return <CreatedToken created={create.data} back={list} title={title} />;
  if (tokens.isError) return <QueryProblem error={tokens.error} />;
  if (!tokens.data) return <Loading />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDates({ expiresOn: { parts: expiry, label: 'the expiry date' } });
    if ('error' in read) {
      setTypingError(read.error);
      return;
    }
    setTypingError(null);
    create.mutate({ name, scopes: scopes as ApiTokenScope[], expiresOn: read.dates.expiresOn });
  };

  return (
    <Page
      title={title}
      caption={membership?.partnershipName}
      heading="Create an API token"
      errors={problem?.items}
    >
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="name"
          label="Name"
          hint="What will use the token, so you can recognise it later. For example, Performance dashboard."
          value={name}
          onChange={setName}
          error={problem?.fields.name}
        />
        <CheckboxesField
          id="scopes"
          legend="What may it read?"
          hint="Select all that apply. Choose only what the other system needs."
          values={scopes}
          onChange={setScopes}
          error={problem?.fields.scopes}
          choices={tokens.data.scopes.map((s) => ({ value: s.value, label: s.label }))}
        />
        <DateInputField
          id="expiresOn"
          legend="Expiry date (optional)"
          hint="The last day the token works, within a year from today. For example, 31 3 2027. Leave empty if it should not expire."
          value={expiry}
          onChange={setExpiry}
          error={problem?.fields.expiresOn}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={create.isPending}>
            Create token
          </button>
          <Link className="govuk-link" to={list}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}

/** The new token, with a warning that it will not be shown again. */
function CreatedToken({
  created,
  back,
  title,
}: {
  created: CreatedApiTokenDto;
  back: string;
  title: string[];
}) {
  return (
    <Page title={title} heading={`Copy the token for “${created.token.name}”`}>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Copy this token now and keep it somewhere safe, such as the other system’s settings or a password
          manager. It will not be shown again. Anyone who has it can read what it allows.
        </strong>
      </div>
      <pre className="app-token-secret">
        <code>{created.secret}</code>
      </pre>
      <p className="govuk-body">
        The other system sends it in the Authorization header of each request:{' '}
        <code>Authorization: Bearer {created.token.prefix}…</code>
      </p>
      <Link className="govuk-button" to={back} state={{ created: created.token.name }}>
        I have copied the token
      </Link>
    </Page>
  );
}
