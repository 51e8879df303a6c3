import type { ReactNode } from 'react';
import './written-fields.scss';

/** A part of a long form with its own heading, which names the section for screen-reader users. */
export function FormSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`section-${id}`}>
      <h2 className="govuk-heading-m" id={`section-${id}`}>
        {heading}
      </h2>
      {children}
    </section>
  );
}

/** The person's own wording that a reload replaced, to copy back: a piece of text, or a list of items. */
export function UnsavedWording({ text }: { text: string | string[] | undefined }) {
  if (!text || text.length === 0) return null;
  return (
    <details className="govuk-details app-unsaved-wording" open>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Your wording that was not saved</span>
      </summary>
      <div className="govuk-details__text">
        {Array.isArray(text) ? (
          <ul className="govuk-list govuk-list--bullet">
            {text.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        ) : (
          text
        )}
      </div>
    </details>
  );
}
