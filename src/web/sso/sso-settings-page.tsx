import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { type SsoConfigDto, useSsoConfig, useUpdateSsoConfig } from './api.ts';

const fieldIds = ['enabled', 'displayName', 'issuer', 'clientId', 'clientSecret', 'allowedDomains'] as const;

type Values = {
  enabled: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string;
};

const valuesOf = (config: SsoConfigDto): Values => ({
  enabled: config.enabled ? 'yes' : 'no',
  displayName: config.displayName,
  issuer: config.issuer,
  clientId: config.clientId,
  clientSecret: '',
  allowedDomains: config.allowedDomains.join('\n'),
});

/** The server names each listed domain (`allowedDomains.2`); the form shows them on the one field. */
function onDomainsField(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) =>
    f.path.startsWith('allowedDomains.') ? { ...f, path: 'allowedDomains' } : f,
  );
  return new ApiError(error.status, error.code, error.message, { fields });
}

/** The partnership's single sign-on: which OpenID Connect provider its people may sign in with. */
export function SsoSettingsPage() {
  const { partnershipId, membership } = useMembership();
  const config = useSsoConfig(partnershipId);
  const update = useUpdateSsoConfig(partnershipId);
  const [values, setValues] = useState<Values | null>(null);
  const error = useMemo(() => onDomainsField(update.error), [update.error]);
  const problem = useFormProblem(error, fieldIds);
  const data = config.data;
  useEffect(() => {
    if (data) setValues(valuesOf(data));
  }, [data]);

  if (config.isError) return <QueryProblem error={config.error} />;
  if (!data || !values) return <Loading />;
  const set = (key: keyof Values) => (value: string) => setValues({ ...values, [key]: value });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({
      enabled: values.enabled === 'yes',
      displayName: values.displayName,
      issuer: values.issuer,
      clientId: values.clientId,
      ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
      allowedDomains: values.allowedDomains
        .split(/[\s,;]+/)
        .map((d) => d.trim())
        .filter(Boolean),
      version: data.version,
    });
  };

  return (
    <Page
      title={['Single sign-on', membership?.partnershipName ?? 'Partnership']}
      caption={membership?.partnershipName}
      heading="Single sign-on"
      errors={problem?.items}
      banner={
        update.isSuccess && !problem ? { heading: 'The single sign-on settings have been saved' } : null
      }
    >
      <p className="govuk-body">
        People in your partnership can sign in with the account they use at work (for example Microsoft Entra
        ID) instead of a Sightlines password. Their organisation account is linked to their Sightlines account
        the first time, by their email address. Sightlines never creates accounts this way: add people as
        usual first.
      </p>
      <h2 className="govuk-heading-m">Register Sightlines at your identity provider</h2>
      <p className="govuk-body">
        Register Sightlines as a web application with this redirect URI, and ask for the scopes openid, email
        and profile. The provider must say that each person’s email address is verified: for Microsoft Entra
        ID, turn on the optional claim xms_edov in the app registration.
      </p>
      <div className="govuk-inset-text">
        <span className="govuk-!-font-weight-bold">Redirect URI: </span>
        <code>{data.redirectUri}</code>
      </div>
      <p className="govuk-body">
        A link that starts signing in with your provider, for your intranet: <code>{data.signInUrl}</code>
      </p>
      {data.updatedAt && data.updatedBy ? (
        <p className="govuk-body govuk-hint">
          Last changed by {data.updatedBy.name} on {formatDateTime(data.updatedAt)}.
        </p>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="issuer"
          label="Issuer URL"
          hint="For Microsoft Entra ID: https://login.microsoftonline.com/ followed by your tenant ID and /v2.0"
          value={values.issuer}
          onChange={set('issuer')}
          spellCheck={false}
          error={problem?.fields.issuer}
        />
        <TextField
          id="clientId"
          label="Client ID"
          hint="Called the application (client) ID in Microsoft Entra ID"
          value={values.clientId}
          onChange={set('clientId')}
          spellCheck={false}
          error={problem?.fields.clientId}
        />
        <TextField
          id="clientSecret"
          label="Client secret"
          type="password"
          autoComplete="off"
          hint={
            data.clientSecretSet
              ? 'A secret is saved. It is never shown. Leave this empty to keep it, or enter a new one to replace it.'
              : 'The secret the identity provider gave you for Sightlines. It is stored encrypted and never shown again.'
          }
          value={values.clientSecret}
          onChange={set('clientSecret')}
          error={problem?.fields.clientSecret}
        />
        <TextareaField
          id="allowedDomains"
          label="Allowed email domains"
          hint="One on each line, for example eastmoor.gov.uk. People whose work email address ends in one of these are sent to this provider, and only these addresses can be linked to accounts. Leave empty to allow any address; people then need the link above."
          rows={4}
          spellCheck={false}
          value={values.allowedDomains}
          onChange={set('allowedDomains')}
          error={problem?.fields.allowedDomains}
        />
        <TextField
          id="displayName"
          label="Name of the identity provider (optional)"
          hint="For your own reference, for example Eastmoor Council Microsoft Entra ID"
          value={values.displayName}
          onChange={set('displayName')}
          error={problem?.fields.displayName}
        />
        <RadiosField
          id="enabled"
          legend="Can people sign in with their organisation account?"
          hint="Before turning it on, Sightlines checks that it can reach the provider at the issuer URL."
          value={values.enabled}
          onChange={set('enabled')}
          error={problem?.fields.enabled}
          inline
          choices={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
        />
        {data.abilities.update ? (
          <button type="submit" className="govuk-button" disabled={update.isPending}>
            Save
          </button>
        ) : null}
      </form>
    </Page>
  );
}
