import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { languageCheckReply, referenceBody } from '../analysis/episode-fixtures.ts';
import {
  episodesBody,
  findingListBody,
  findingsAddress,
  findingsApi,
  leadReviewer,
  reviewApi,
} from '../finding/finding-fixtures.ts';
import { FindingRoutes } from '../finding/finding-routes.tsx';
import { mockApi, renderWithProviders } from '../testing/render.tsx';
import { similarBody } from './library-fixtures.ts';

const statement = 'Health visitors do not hear of police call-outs';
const similarApi = (text: string) => `${findingsApi}/similar?text=${encodeURIComponent(text)}&limit=5`;

function renderNewFinding(routes: Parameters<typeof mockApi>[0]) {
  const calls = mockApi({
    [`GET ${reviewApi}`]: { status: 200, body: leadReviewer },
    [`GET ${reviewApi}/reference`]: { status: 200, body: referenceBody },
    [`GET ${reviewApi}/episodes`]: { status: 200, body: episodesBody },
    [`GET ${findingsApi}`]: { status: 200, body: findingListBody() },
    [`POST ${reviewApi}/language-check`]: languageCheckReply,
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/reviews/:reviewId/findings/*" element={<FindingRoutes />} />
    </Routes>,
    `${findingsAddress}/new`,
  );
  return calls;
}

const similarCalls = (calls: { path: string }[]) => calls.filter((c) => c.path.includes('/findings/similar'));

describe('similar findings beside the statement', { timeout: 30_000 }, () => {
  it('appears once the statement has 12 characters, with the matched words marked', async () => {
    const calls = renderNewFinding({
      [`GET ${similarApi(statement)}`]: {
        status: 200,
        body: { findings: [similarBody(), similarBody({ id: 'own', own: true, reviewTitle: 'Child B' })] },
      },
    });
    const field = await screen.findByLabelText('The finding in one sentence');
    await userEvent.type(field, 'Health vis');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(similarCalls(calls)).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Similar findings in other reviews' })).toBeNull();

    await userEvent.paste(statement.slice('Health vis'.length));
    const panel = await screen.findByRole(
      'region',
      { name: 'Similar findings in other reviews' },
      { timeout: 3000 },
    );
    expect(within(panel).getByText(/How do we know this is not a quirk of this case\?/)).toBeTruthy();
    const items = within(panel).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.querySelector('mark')?.textContent).toBe('police call-outs');
    expect(
      within(items[0] as HTMLElement).getByText(/Child P · 2023 · Northshire Safeguarding Partnership/),
    ).toBeTruthy();
    expect(within(items[0] as HTMLElement).getByText('Longer-term work')).toBeTruthy();
    expect(within(items[1] as HTMLElement).getByText(/Child B · 2023 · our partnership/)).toBeTruthy();
    expect(screen.getByText('2 similar findings in other reviews.').getAttribute('aria-live')).toBe('polite');
    // Asked once, for the whole statement, after the typing stopped.
    expect(similarCalls(calls).map((c) => c.path)).toEqual([similarApi(statement)]);

    await userEvent.clear(field);
    expect(screen.queryByRole('region', { name: 'Similar findings in other reviews' })).toBeNull();
  });

  it('shows a quiet line when the search fails, and the finding still saves with its themes', async () => {
    const calls = renderNewFinding({
      [`GET ${similarApi(statement)}`]: { status: 500, body: {} },
      [`POST ${findingsApi}`]: {
        status: 400,
        body: { error: { code: 'validation_failed', message: 'Stop here' } },
      },
    });
    const field = await screen.findByLabelText('The finding in one sentence');
    await userEvent.click(field);
    await userEvent.paste(statement);
    const panel = await screen.findByRole(
      'region',
      { name: 'Similar findings in other reviews' },
      { timeout: 3000 },
    );
    expect(within(panel).getByText(/Similar findings cannot be shown just now/)).toBeTruthy();
    const themes = screen.getByRole('group', { name: 'Themes' });
    expect(
      within(themes).getByText('Used to find this finding in the learning library. Select all that apply.'),
    ).toBeTruthy();
    await userEvent.click(within(themes).getByLabelText('Neglect'));
    await userEvent.click(within(themes).getByLabelText('Information sharing'));
    await userEvent.click(screen.getByRole('button', { name: 'Add the finding' }));
    await screen.findByText('Stop here');
    expect(calls.find((c) => c.method === 'POST' && c.path === findingsApi)?.body).toMatchObject({
      statement,
      themes: ['neglect', 'information_sharing'],
    });
  });
});
