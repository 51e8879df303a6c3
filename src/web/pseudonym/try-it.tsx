import { type FormEvent, useState } from 'react';
import { ApiError, serviceProblemMessage } from '../api/client.ts';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import type { IdentifierHitDto, PreviewPseudonymisationResult } from './api.ts';

const textId = 'try-text';
/** Enough to work through at once; a long text with more is better tried in parts. */
const shownHits = 200;

/** A refused try, for the page's error summary and beside the text box. */
export function tryItProblem(error: unknown): { items: ErrorSummaryItem[]; field?: string } | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return { items: [{ message: serviceProblemMessage }] };
  const field = error.fields.find((f) => f.path === 'text')?.message;
  if (field) return { items: [{ field: textId, message: field }], field };
  return { items: [{ message: error.message }] };
}

type Props = {
  pending: boolean;
  result: PreviewPseudonymisationResult | undefined;
  error: string | undefined;
  onTry: (text: string) => void;
};

/** Paste some text and see it as the report would print it, with anything the scan still finds. */
export function TryIt({ pending, result, error, onTry }: Props) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onTry(text);
  };
  return (
    <section aria-labelledby="try-it-heading" className="app-try-it">
      <h2 className="govuk-heading-m" id="try-it-heading">
        Try it
      </h2>
      <p className="govuk-body">
        Paste some text, such as a paragraph of a draft report, to see it with the replacements made and
        anything that may still identify someone. Nothing you paste is saved, but trying it is recorded in the
        audit log as a view of the register.
      </p>
      <form noValidate onSubmit={submit}>
        <TextareaField
          id={textId}
          label="Text to try"
          rows={8}
          value={text}
          onChange={setText}
          error={error}
          spellCheck={false}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending}>
          Make the replacements
        </button>
      </form>
      {result ? <TryItResult result={result} /> : null}
    </section>
  );
}

function TryItResult({ result }: { result: PreviewPseudonymisationResult }) {
  const { replacements, hits } = result;
  return (
    <div aria-live="polite">
      <h3 className="govuk-heading-s">With the replacements made</h3>
      <p className="govuk-body">
        {replacements === 0
          ? 'Nothing in the text was replaced.'
          : `${replacements} ${replacements === 1 ? 'replacement' : 'replacements'} made.`}
      </p>
      <PseudonymisedText text={result.text} />
      <h3 className="govuk-heading-s">What may still identify someone</h3>
      {hits.length === 0 ? (
        <p className="govuk-body">The check found nothing else that may identify someone.</p>
      ) : (
        <>
          <p className="govuk-body">
            The check found {hits.length === 1 ? '1 thing' : `${hits.length} things`} that may still identify
            someone. Add them to the register, or change the wording.
            {hits.length > shownHits ? ` The first ${shownHits} are shown here.` : ''}
          </p>
          <ul className="govuk-list govuk-list--bullet app-identifier-hits">
            {hits.slice(0, shownHits).map((hit) => (
              <li key={`${hit.kind}:${hit.start}:${hit.end}`}>
                <HitInContext hit={hit} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The replaced text, keeping its line breaks; a long one scrolls, so keyboard users can reach it. */
function PseudonymisedText({ text }: { text: string }) {
  return (
    <section
      className="govuk-body app-pseudonymised-text"
      aria-label="Text with the replacements made"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
    >
      {text}
    </section>
  );
}

function HitInContext({ hit }: { hit: IdentifierHitDto }) {
  return (
    <>
      <strong>{hit.text}</strong> ({hit.reason}
      {hit.rows.length ? `, ${hit.rows.length === 1 ? 'row' : 'rows'} ${hit.rows.join(' and ')}` : ''}):{' '}
      <q className="app-identifier-hits__context">
        {hit.before}
        <mark>{hit.text}</mark>
        {hit.after}
      </q>
    </>
  );
}
