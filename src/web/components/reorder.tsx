import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { moveToRank } from '#domain/analysis/rules.ts';
import { type FormProblem, formProblem } from './form-problem.ts';

export type MoveDirection = 'up' | 'down';

/** The id of a record's "Move up" or "Move down" button. */
export const moveButtonId = (dir: MoveDirection, id: string) => `move-${dir}-${id}`;

/** What the save of a new order reports back. */
export type SaveOrderCallbacks<L> = {
  onSuccess: (result: L) => void;
  onError: (error: unknown) => void;
  onSettled: () => void;
};

type Options<T extends { id: string; number: number }, L> = {
  /** The records in the order the list query holds. */
  items: T[];
  /** The list query: set from the saved order, and reloaded after a refusal. */
  queryKey: QueryKey;
  /** Sends the new order (every record's id), reporting back through the callbacks. */
  save: (ids: string[], callbacks: SaveOrderCallbacks<L>) => void;
  /** The ids of a saved list, in its order. */
  savedOrder: (result: L) => string[];
  /** What is announced while the move is saved, and once it is. */
  moving: (item: T, place: number) => string;
  moved: (item: T, place: number) => string;
  /** A failed change of order, for the page's error summary; null clears it. */
  onProblem: (problem: FormProblem | null) => void;
};

/**
 * Moves numbered records up or down one place at a time, saving each move. The new order shows at
 * once; focus stays on the moved record's button and its new place is announced. A refused move
 * goes to the page's error summary and the list is reloaded as it is now.
 */
export function useReorder<T extends { id: string; number: number }, L>({
  items,
  queryKey,
  save,
  savedOrder,
  moving,
  moved,
  onProblem,
}: Options<T, L>) {
  const client = useQueryClient();
  const [order, setOrder] = useState<string[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [settled, setSettled] = useState(0);
  const focusAfter = useRef<{ id: string; dir: MoveDirection } | null>(null);
  const sending = useRef(false);

  const byId = new Map(items.map((item) => [item.id, item]));
  const shown: T[] = order
    ? order.map((id) => byId.get(id)).filter((item): item is T => Boolean(item))
    : items;
  const orderKey = shown.map((item) => item.id).join(' ');
  const listKey = items.map((item) => item.id).join(' ');

  useEffect(() => {
    if (order && !sending.current && order.join(' ') === listKey) setOrder(null);
  }, [order, listKey]);

  // Moving a record can take focus from its button; put it back on the moved record's button.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the order shown changes or a save ends
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    const other: MoveDirection = target.dir === 'up' ? 'down' : 'up';
    const button =
      document.getElementById(moveButtonId(target.dir, target.id)) ??
      document.getElementById(moveButtonId(other, target.id));
    if (button && document.activeElement !== button) button.focus();
    if (!sending.current) focusAfter.current = null;
  }, [orderKey, settled]);

  const move = (item: T, dir: MoveDirection) => {
    if (sending.current) {
      setAnnouncement('Still saving the last change to the order. Try again in a moment.');
      return;
    }
    const ids = shown.map((x) => x.id);
    const place = ids.indexOf(item.id) + 1 + (dir === 'up' ? -1 : 1);
    const next = moveToRank(ids, item.id, place);
    sending.current = true;
    focusAfter.current = { id: item.id, dir };
    setOrder(next);
    setAnnouncement(moving(item, place));
    save(next, {
      onSuccess: (result) => {
        client.setQueryData(queryKey, result);
        // Keep showing the saved order until the list itself shows it.
        setOrder(savedOrder(result));
        setAnnouncement(moved(item, place));
        onProblem(null);
      },
      onError: (error) => {
        // Focus goes to the error summary instead.
        focusAfter.current = null;
        setOrder(null);
        setAnnouncement('The order was not changed');
        onProblem(formProblem(error, []));
        // Someone may have added or removed a record meanwhile: show the list as it is now.
        void client.invalidateQueries({ queryKey });
      },
      onSettled: () => {
        sending.current = false;
        setSettled((n) => n + 1);
      },
    });
  };

  return {
    /** The records in the order shown: a moved one in its new place while the move is saved. */
    shown,
    /** A record's number: its place while a new order is shown, otherwise the number it has. */
    numberOf: (item: T, index: number) => (order ? index + 1 : item.number),
    move,
    announcement,
  };
}

/** Says each move to screen-reader users. */
export function MoveAnnouncement({ text }: { text: string }) {
  return (
    <p className="govuk-visually-hidden" aria-live="polite">
      {text}
    </p>
  );
}

type MoveButtonsProps = {
  /** The record's id, for the buttons' ids. */
  id: string;
  /** What the buttons add for screen-reader users, naming the record. */
  name: ReactNode;
  first: boolean;
  last: boolean;
  onMove: (dir: MoveDirection) => void;
};

/** "Move up" and "Move down" for one record, each naming the record for screen-reader users. */
export function MoveButtons({ id, name, first, last, onMove }: MoveButtonsProps) {
  const buttons: { dir: MoveDirection; text: string; shown: boolean }[] = [
    { dir: 'up', text: 'Move up', shown: !first },
    { dir: 'down', text: 'Move down', shown: !last },
  ];
  return (
    <div className="govuk-button-group govuk-!-margin-bottom-0">
      {buttons
        .filter((b) => b.shown)
        .map((b) => (
          <button
            key={b.dir}
            id={moveButtonId(b.dir, id)}
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
            onClick={() => onMove(b.dir)}
          >
            {b.text} <span className="govuk-visually-hidden">{name}</span>
          </button>
        ))}
    </div>
  );
}
