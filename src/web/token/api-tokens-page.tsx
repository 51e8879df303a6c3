import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { formatDate } from '../intake/dates.ts';
import { useMembership } from '../partnership/use-membership.ts';
import { type ApiTokenDto, useApiTokens, useRevokeApiToken } from './api.ts';

const statusTag: Record<ApiTokenDto['status'], { text: string; colour: string }> = {
  active: { text: 'Active', colour: 'green' },
  expired: { text: 'Expired', colour: 'grey' },
  revoked: { text: 'Revoked', colour: 'red' },
};

/** The partnership's API tokens: what each may read, when it was last used, and revoking one. */
export function ApiTokensPage() {
  const { partnershipId, membership } = useMembership();
  const tokens = useApiTokens(partnershipId);
  const revoke = useRevokeApiToken(partnershipId);
  const [confirming, setConfirming] = useState<ApiTokenDto | null>(null);
  const confirmRef = useRef<HTMLElement>(null);
  // The question takes focus when it appears, so keyboard and screen-reader users meet it first.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const [revoked, setRevoked] = useState<string | null>(null);
  const problem = useFormProblem(revoke.error, []);
  const created = (useLocation().state as { created?: string } | null)?.created;
  if (tokens.isError) return <QueryProblem error={tokens.error} />;
  if (!tokens.data) return <Loading />;
  const { data } = tokens;
  const banner = revoked
    ? { heading: `“${revoked}” has been revoked` }
    : created
      ? { heading: `“${created}” has been created` }
      : null;

  const onRevoke = (token: ApiTokenDto) =>
    revoke.mutate(token.id, {
      onSuccess: () => {
        setConfirming(null);
        setRevoked(token.name);
      },
    });

  return (
    <Page
      title={['API tokens', membership?.partnershipName ?? 'Partnership']}
      caption={membership?.partnershipName}
      heading="API tokens"
      width="full"
      errors={problem?.items}
      banner={banner}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            API tokens let other systems, such as a performance dashboard, read from Sightlines. A token can
            only read, only in this partnership, and only what you chose when you created it. It can never
            read conversation records, documents, the narrative or the pseudonym register.
          </p>
          {data.abilities.create ? (
            <Link className="govuk-button" to={`/partnerships/${partnershipId}/api-tokens/new`}>
              Create an API token
            </Link>
          ) : null}
        </div>
      </div>

      {confirming ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <section
              className="govuk-notification-banner"
              aria-labelledby="revoke-title"
              tabIndex={-1}
              ref={confirmRef}
            >
              <div className="govuk-notification-banner__header">
                <h2 className="govuk-notification-banner__title" id="revoke-title">
                  Revoke this token?
                </h2>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-body">
                  Anything using “{confirming.name}” ({confirming.prefix}…) will stop working at once. You
                  cannot undo this.
                </p>
                <div className="govuk-button-group">
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning"
                    onClick={() => onRevoke(confirming)}
                    disabled={revoke.isPending}
                  >
                    Yes, revoke “{confirming.name}”
                  </button>
                  <button type="button" className="app-link-button" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </div>
              </div>
            </section>
          </div>
        </div>
      ) : null}

      {data.tokens.length === 0 ? (
        <p className="govuk-body">There are no API tokens yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Tokens</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Name', 'Can read', 'Expires', 'Last used', 'Status', ''].map((h) => (
                <th scope="col" className="govuk-table__header" key={h || 'actions'}>
                  {h || <span className="govuk-visually-hidden">Actions</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.tokens.map((token) => {
              const tag = statusTag[token.status];
              return (
                <tr className="govuk-table__row" key={token.id}>
                  <td className="govuk-table__cell">
                    {token.name}
                    <br />
                    <span className="govuk-hint">
                      <code>{token.prefix}…</code>, created by{' '}
                      {token.createdBy?.name ?? 'someone no longer here'}
                    </span>
                  </td>
                  <td className="govuk-table__cell">
                    <ul className="govuk-list">
                      {token.scopes.map((scope) => (
                        <li key={scope}>{data.scopes.find((s) => s.value === scope)?.label ?? scope}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="govuk-table__cell">
                    {token.expiresOn ? formatDate(token.expiresOn) : 'Never'}
                  </td>
                  <td className="govuk-table__cell">
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Not used yet'}
                  </td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag govuk-tag--${tag.colour}`}>{tag.text}</strong>
                  </td>
                  <td className="govuk-table__cell">
                    {token.abilities.revoke ? (
                      <button type="button" className="app-link-button" onClick={() => setConfirming(token)}>
                        Revoke <span className="govuk-visually-hidden">“{token.name}”</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Page>
  );
}
