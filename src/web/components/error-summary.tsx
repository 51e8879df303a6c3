import { type MouseEvent, type Ref, useEffect, useImperativeHandle, useRef } from 'react';

/** One problem to list: `field` is the id of the input it links to, when it belongs to one. */
export type ErrorSummaryItem = { field?: string | undefined; message: string };

type Props = { errors: ErrorSummaryItem[]; title?: string; ref?: Ref<HTMLDivElement> };

/**
 * The GOV.UK error summary: takes focus when it appears (and after each new set of errors), and its
 * links move focus to the field with the problem, scrolling its label or legend into view.
 */
export function ErrorSummary({ errors, title = 'There is a problem', ref }: Props) {
  const summary = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => summary.current as HTMLDivElement);

  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);

  return (
    <div className="govuk-error-summary" tabIndex={-1} ref={summary}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.field ?? ''}:${error.message}`}>
                {error.field ? (
                  <a href={`#${error.field}`} onClick={(event) => focusField(event, error.field as string)}>
                    {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = (input as HTMLInputElement).labels?.[0];
  const visible = legend ?? label ?? input;
  visible.scrollIntoView?.();
  input.focus({ preventScroll: true });
}
