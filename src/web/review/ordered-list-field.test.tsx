import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { type ListItem, newListItem, OrderedListField } from './ordered-list-field.tsx';

function Harness({ initial }: { initial: string[] }) {
  const [items, setItems] = useState<ListItem[]>(() => initial.map((text) => newListItem(text)));
  return (
    <OrderedListField
      id="researchQuestions"
      legend="Research questions"
      itemLabel="Research question"
      addLabel="Add a research question"
      items={items}
      onChange={setItems}
      multiline
    />
  );
}

const values = () => screen.getAllByRole('textbox').map((box) => (box as HTMLTextAreaElement).value);

describe('ordered list field', () => {
  it('puts entries in order with buttons, keeping focus on the moved entry and announcing the move', async () => {
    render(<Harness initial={['Sharing information', 'Escalation', 'Supervision']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Move down research question 1' }));
    expect(values()).toEqual(['Escalation', 'Sharing information', 'Supervision']);
    // The moved entry is now second; its own "Move down" button keeps focus.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Move down research question 2' }),
    );
    expect(screen.getByText('Research question 1 moved to position 2 of 3')).toBeTruthy();

    // Pressing it again from the keyboard moves it to the end, where only "Move up" is left to focus.
    await userEvent.keyboard('{Enter}');
    expect(values()).toEqual(['Escalation', 'Supervision', 'Sharing information']);
    expect(screen.queryByRole('button', { name: 'Move down research question 3' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move up research question 3' }));

    await userEvent.click(screen.getByRole('button', { name: 'Move up research question 2' }));
    expect(values()).toEqual(['Supervision', 'Escalation', 'Sharing information']);
  });

  it('adds an entry and focuses it, and after removing one focuses the next', async () => {
    render(<Harness initial={['Sharing information', 'Escalation']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add a research question' }));
    const added = screen.getByLabelText('Research question 3');
    expect(document.activeElement).toBe(added);
    await userEvent.type(added, 'Hearing the child');

    await userEvent.click(screen.getByRole('button', { name: 'Remove research question 1' }));
    expect(values()).toEqual(['Escalation', 'Hearing the child']);
    expect(document.activeElement).toBe(screen.getByLabelText('Research question 1'));
    expect(screen.getByText('Research question 1 removed. 2 left')).toBeTruthy();
  });
});
