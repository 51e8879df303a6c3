import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../components/form-fields.tsx';
import './review.scss';

/** One entry in an ordered list being edited; the key stays with the entry when it moves. */
export type ListItem = { key: string; text: string };

let nextKey = 0;
/** A new entry with a key no other entry has. */
export function newListItem(text = ''): ListItem {
  nextKey += 1;
  return { key: `item-${nextKey}`, text };
}

type Props = {
  /** The id of the whole list (its fieldset): error summary links for the list as a whole land here. */
  id: string;
  legend: string;
  hint?: ReactNode;
  /** What one entry is called, like "Research question"; entries are labelled "Research question 1". */
  itemLabel: string;
  addLabel: string;
  items: ListItem[];
  onChange: (items: ListItem[]) => void;
  /** An error about the list as a whole. */
  error?: string | undefined;
  /** Errors about single entries, by the entry's key. */
  itemErrors?: Record<string, string>;
  multiline?: boolean;
  max?: number;
  emptyText?: string;
};

type FocusTarget = { key: string; control: 'text' | 'up' | 'down' | 'remove' } | { key: 'add' };

/** The id of an entry's text box, for error summary links. */
export const listItemId = (listId: string, key: string) => `${listId}-${key}`;

/**
 * An ordered list the person can add to, remove from and put in order with buttons, so it works
 * from the keyboard and with a screen reader. Focus stays with the moved entry, and each change is
 * announced.
 */
export function OrderedListField({
  id,
  legend,
  hint,
  itemLabel,
  addLabel,
  items,
  onChange,
  error,
  itemErrors,
  multiline,
  max = 20,
  emptyText,
}: Props) {
  const controls = useRef(new Map<string, HTMLElement>());
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const lower = itemLabel.toLowerCase();

  useEffect(() => {
    if (!focusTarget) return;
    const name = 'control' in focusTarget ? `${focusTarget.key}:${focusTarget.control}` : 'add';
    controls.current.get(name)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const register = (name: string) => (element: HTMLElement | null) => {
    if (element) controls.current.set(name, element);
    else controls.current.delete(name);
  };

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const moved = items[index];
    if (!moved || to < 0 || to >= items.length) return;
    const next = [...items];
    next.splice(index, 1);
    next.splice(to, 0, moved);
    onChange(next);
    // Keep focus on the same button if the entry can still move that way, otherwise the other one.
    const canStill = by === -1 ? to > 0 : to < items.length - 1;
    const same = by === -1 ? 'up' : 'down';
    const other = by === -1 ? 'down' : 'up';
    setFocusTarget({ key: moved.key, control: canStill ? same : other });
    setAnnouncement(`${itemLabel} ${index + 1} moved to position ${to + 1} of ${items.length}`);
  };

  const remove = (index: number) => {
    const next = items.filter((_, i) => i !== index);
    onChange(next);
    const after = next[index] ?? next[index - 1];
    setFocusTarget(after ? { key: after.key, control: 'text' } : { key: 'add' });
    setAnnouncement(`${itemLabel} ${index + 1} removed. ${next.length} left`);
  };

  const add = () => {
    const item = newListItem();
    onChange([...items, item]);
    setFocusTarget({ key: item.key, control: 'text' });
    setAnnouncement(`${itemLabel} ${items.length + 1} added`);
  };

  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        id={id}
        tabIndex={-1}
        aria-describedby={
          [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
        }
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        {items.length === 0 && emptyText ? <p className="govuk-body">{emptyText}</p> : null}
        <ol className="app-list-editor">
          {items.map((item, index) => {
            const inputId = listItemId(id, item.key);
            const itemError = itemErrors?.[item.key];
            const label = `${itemLabel} ${index + 1}`;
            const which = <span className="govuk-visually-hidden">{`${lower} ${index + 1}`}</span>;
            return (
              <li
                key={item.key}
                className={`app-list-editor__item govuk-form-group${itemError ? ' govuk-form-group--error' : ''}`}
              >
                <label className="govuk-label govuk-label--s" htmlFor={inputId}>
                  {label}
                </label>
                {itemError ? <ErrorMessage id={`${inputId}-error`}>{itemError}</ErrorMessage> : null}
                {multiline ? (
                  <textarea
                    ref={register(`${item.key}:text`)}
                    className={`govuk-textarea${itemError ? ' govuk-textarea--error' : ''}`}
                    id={inputId}
                    name={inputId}
                    rows={3}
                    value={item.text}
                    onChange={(event) =>
                      onChange(
                        items.map((i) => (i.key === item.key ? { ...i, text: event.target.value } : i)),
                      )
                    }
                    aria-describedby={itemError ? `${inputId}-error` : undefined}
                  />
                ) : (
                  <input
                    ref={register(`${item.key}:text`)}
                    className={`govuk-input${itemError ? ' govuk-input--error' : ''}`}
                    id={inputId}
                    name={inputId}
                    type="text"
                    value={item.text}
                    onChange={(event) =>
                      onChange(
                        items.map((i) => (i.key === item.key ? { ...i, text: event.target.value } : i)),
                      )
                    }
                    aria-describedby={itemError ? `${inputId}-error` : undefined}
                  />
                )}
                <div className="app-list-editor__actions">
                  {index > 0 ? (
                    <button
                      type="button"
                      ref={register(`${item.key}:up`)}
                      className="govuk-button govuk-button--secondary app-list-editor__button"
                      onClick={() => move(index, -1)}
                    >
                      Move up {which}
                    </button>
                  ) : null}
                  {index < items.length - 1 ? (
                    <button
                      type="button"
                      ref={register(`${item.key}:down`)}
                      className="govuk-button govuk-button--secondary app-list-editor__button"
                      onClick={() => move(index, 1)}
                    >
                      Move down {which}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    ref={register(`${item.key}:remove`)}
                    className="govuk-button govuk-button--secondary app-list-editor__button"
                    onClick={() => remove(index)}
                  >
                    Remove {which}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        {items.length < max ? (
          <button
            type="button"
            ref={register('add')}
            className="govuk-button govuk-button--secondary"
            onClick={add}
          >
            {addLabel}
          </button>
        ) : (
          <p className="govuk-body">You can add up to {max}.</p>
        )}
        <div className="govuk-visually-hidden" aria-live="polite">
          {announcement}
        </div>
      </fieldset>
    </div>
  );
}
