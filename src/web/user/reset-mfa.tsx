import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { MfaResetResult } from '#domain/auth/mfa-reset.ts';
import { api } from '../api/client.ts';
import { partnershipKeys, partnershipPath } from '../api/partnership.ts';
import type { UserDto } from '../api/users.ts';

/** Resets a person's two-step verification (partnership admins, for someone else). */
export function useResetMfa(partnershipId: string, userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<MfaResetResult>(
        `${partnershipPath(partnershipId)}/users/${encodeURIComponent(userId)}/mfa-reset`,
      ),
    onSettled: () => client.invalidateQueries({ queryKey: partnershipKeys.partnership(partnershipId) }),
  });
}

type Props = {
  user: Pick<UserDto, 'name'>;
  reset: ReturnType<typeof useResetMfa>;
  onReset: (result: MfaResetResult) => void;
};

/**
 * "Reset two-step verification", after asking: for someone who has lost their authenticator app
 * and their recovery codes. The question takes focus, and "Cancel" puts focus back on the button.
 */
export function ResetMfa({ user, reset, onReset }: Props) {
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (asked.current) ask.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  return (
    <section className="govuk-!-margin-top-8" aria-labelledby="reset-mfa-heading">
      <h2 className="govuk-heading-m" id="reset-mfa-heading">
        Two-step verification
      </h2>
      <p className="govuk-body">
        If {user.name} has lost the phone or app they use for codes and their recovery codes, you can reset
        their two-step verification. Check who is asking before you do: anyone with their password could then
        sign in.
      </p>
      {confirming ? (
        <div className="govuk-inset-text">
          <p className="govuk-body" tabIndex={-1} ref={question}>
            Are you sure you want to reset two-step verification for {user.name}? Their authenticator app and
            recovery codes will stop working and they will be signed out everywhere. They can sign in with
            their password and set it up again; if your partnership requires it, they must.
          </p>
          <div className="govuk-button-group">
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              disabled={reset.isPending}
              aria-disabled={reset.isPending}
              onClick={() => reset.mutate(undefined, { onSuccess: onReset })}
            >
              Yes, reset it{' '}
              <span className="govuk-visually-hidden">(two-step verification for {user.name})</span>
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          ref={ask}
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            reset.reset();
            setConfirming(true);
          }}
        >
          Reset two-step verification
        </button>
      )}
    </section>
  );
}
