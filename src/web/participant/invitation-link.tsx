import { useRef, useState } from 'react';
import '../review/review.scss';

/**
 * A one-time invitation link, shown once: in a read-only box the person can select, with a button
 * that copies it. Whether the copy worked is announced.
 */
export function InvitationLink({ name, url }: { name: string; url: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied. Paste it into a secure message to send it.');
    } catch {
      input.current?.select();
      setStatus('The link could not be copied automatically. It is selected: copy it with your keyboard.');
    }
  };

  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor="invitationUrl">
        Invitation link for {name}
      </label>
      <input
        ref={input}
        className="govuk-input app-invitation-link"
        id="invitationUrl"
        type="text"
        readOnly
        spellCheck={false}
        value={url}
        onFocus={(event) => event.currentTarget.select()}
      />
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-top-3"
        onClick={copy}
      >
        Copy link
      </button>
      <p className="govuk-body" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
