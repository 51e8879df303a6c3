import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { reviewId } from '../review/fixtures.ts';
import { demoPartnershipId, mockApi, renderWithProviders } from '../testing/render.tsx';
import { languageCheckReply, reviewApi } from './episode-fixtures.ts';
import { LanguageCheckedTextarea, type SavedFlag } from './language-checked-textarea.tsx';

function Field({ initial, saved }: { initial: string; saved?: { text: string; flags: SavedFlag[] } }) {
  const [value, setValue] = useState(initial);
  return (
    <LanguageCheckedTextarea
      id="finding"
      label="How it showed in this case"
      hint="Roles, never names"
      value={value}
      onChange={setValue}
      partnershipId={demoPartnershipId}
      reviewId={reviewId}
      saved={saved}
    />
  );
}

const shouldHave: SavedFlag = {
  ruleId: 'should-have',
  category: 'hindsight',
  phrase: 'should have',
  start: 4,
  end: 15,
  reason: 'Knowing the outcome makes the right course look clearer than it was at the time.',
  suggestion: 'Name the standard.',
  replacement: null,
  dismissed: true,
  dismissalReason: 'It quotes the procedure',
};

describe('the language-checked textarea', { timeout: 30_000 }, () => {
  it('shows the saved flags for saved text without checking it again, kept wording apart', async () => {
    const calls = mockApi({ [`POST ${reviewApi}/language-check`]: languageCheckReply });
    const text = 'Staff should have visited.';
    renderWithProviders(<Field initial={text} saved={{ text, flags: [shouldHave] }} />);
    expect(screen.getByText('“should have”')).toBeTruthy();
    expect(screen.getByText('It quotes the procedure')).toBeTruthy();
    expect(screen.getByText('Hindsight')).toBeTruthy();
    expect(document.getElementById('finding-language')?.textContent).toMatch(/kept with a reason/);
    // Without a saved record to keep it on, there is no "Keep this wording".
    expect(screen.queryByText(/Keep this wording/)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(calls).toHaveLength(0);
  });

  it('checks new writing once the person pauses, and keeps a kept phrase kept', async () => {
    const calls = mockApi({ [`POST ${reviewApi}/language-check`]: languageCheckReply });
    const text = 'Staff should have visited.';
    renderWithProviders(<Field initial={text} saved={{ text, flags: [shouldHave] }} />);
    await userEvent.type(screen.getByLabelText('How it showed in this case'), ' It was obviously late.');
    expect(await screen.findByText('“obviously”', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText('It quotes the procedure')).toBeTruthy();
    expect(document.getElementById('finding-language')?.textContent).toBe(
      '1 phrase to look at in how it showed in this case (1 kept)',
    );
    expect(calls.filter((c) => c.method === 'POST').length).toBeLessThanOrEqual(2);
  });

  it('says so when the check cannot be made, and the field still works', async () => {
    mockApi({ [`POST ${reviewApi}/language-check`]: { status: 500, body: {} } });
    renderWithProviders(<Field initial="" />);
    const field = screen.getByLabelText('How it showed in this case') as HTMLTextAreaElement;
    await userEvent.type(field, 'They failed to visit.');
    await waitFor(() => expect(screen.getByText(/wording check is not available/)).toBeTruthy(), {
      timeout: 3000,
    });
    expect(field.value).toBe('They failed to visit.');
    expect(field.getAttribute('aria-describedby')).toBe('finding-hint');
  });
});
