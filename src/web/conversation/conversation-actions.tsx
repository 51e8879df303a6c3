import { type FormEvent, useState } from 'react';
import type { ConversationStatus } from '#domain/conversation/lifecycle.ts';
import { TextareaField } from '../components/textarea-field.tsx';
import type { ConversationDto } from './api.ts';

type Props = {
  c: ConversationDto;
  pending: boolean;
  commentError: string | undefined;
  onMove: (to: ConversationStatus, comment?: string) => void;
};

/** What the person reading their own record can do: confirm it, or ask for changes with a comment. */
export function ParticipantResponse({ c, pending, commentError, onMove }: Props) {
  const [comment, setComment] = useState('');
  if (!c.abilities.moveTo.includes('confirmed')) return null;
  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onMove('changes_requested', comment);
  };
  return (
    <section className="govuk-!-margin-top-6" aria-labelledby="respond-heading">
      <h2 className="govuk-heading-m" id="respond-heading">
        Does this record say what you meant?
      </h2>
      <button type="button" className="govuk-button" disabled={pending} onClick={() => onMove('confirmed')}>
        This is an accurate record
      </button>
      <form noValidate onSubmit={ask}>
        <TextareaField
          id="comment"
          label="What needs to change?"
          hint="Say what is missing, wrong or not how you meant it. The reviewers will change the record and share it with you again."
          value={comment}
          error={commentError}
          onChange={setComment}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending}>
          Ask for changes
        </button>
      </form>
    </section>
  );
}

/** What a reviewer can do next with the record: share it, take it back, or mark it agreed. */
export function ReviewerActions({ c, pending, onMove }: Omit<Props, 'commentError'>) {
  const moves = c.abilities.moveTo;
  const buttons: { to: ConversationStatus; text: string; secondary?: boolean }[] = [
    { to: 'shared', text: `Share with ${c.participant.name}` },
    { to: 'agreed', text: 'Mark as agreed' },
    { to: 'draft', text: 'Take back to draft to change it', secondary: true },
  ];
  const shown = buttons.filter((b) => moves.includes(b.to));
  if (shown.length === 0) return null;
  return (
    <div className="govuk-button-group">
      {shown.map((b) => (
        <button
          key={b.to}
          type="button"
          className={`govuk-button${b.secondary ? ' govuk-button--secondary' : ''}`}
          disabled={pending}
          onClick={() => onMove(b.to)}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}
