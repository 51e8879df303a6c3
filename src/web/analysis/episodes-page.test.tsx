import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import {
  demoPartnershipId,
  mockApi,
  renderApp,
  renderWithProviders,
  sessionBody,
} from '../testing/render.tsx';
import { episodeListBody, episodeSummaryBody } from './episodes-fixtures.ts';
import { EpisodesPage } from './episodes-page.tsx';

const api = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
const page = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/episodes`;
const leadReviewer = reviewBody({
  abilities: { ...reviewBody().abilities, viewAnalysis: true, editAnalysis: true, manageAnalysis: true },
});
const caseGroupMember = reviewBody({
  abilities: { viewReview: true, viewSharedEpisodes: true, commentOnEpisodes: true },
});

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/reviews/:reviewId/episodes" element={<EpisodesPage />} />
    </Routes>,
    page,
  );
}

const first = episodeSummaryBody({
  number: 1,
  title: 'Discharge from hospital',
  appraisal: { key: 'below', label: 'Below expected standard' },
  status: 'review_team_agreed',
  statusLabel: 'Review team agreed',
  factorCount: 3,
  openComments: 2,
  sharedWithCaseGroup: true,
  unresolvedFlags: 2,
});
const second = episodeSummaryBody({ number: 2, title: 'Strategy discussion', unresolvedFlags: 1 });
const third = episodeSummaryBody({ number: 3, title: 'Case closed', agencies: [] });

describe('the key practice episodes', () => {
  it('lists the episodes in order, with the flagged wording still to resolve and the way to the causal map', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${api}`]: { status: 200, body: leadReviewer },
      [`GET ${api}/episodes`]: {
        status: 200,
        body: episodeListBody({ episodes: [first, second, third], unresolvedLanguageFlags: 3 }),
      },
    });
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Key practice episodes' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Episodes in order' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    const cells = within(rows[1] as HTMLElement)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 9)).toEqual([
      '1',
      'Discharge from hospital2 flagged phrases to resolve',
      '12 March 2026 to 20 March 2026',
      'Police',
      'Below expected standard',
      'Review team agreed',
      '3',
      '2',
      'Yes',
    ]);
    expect(within(table).getByRole('link', { name: 'Strategy discussion' }).getAttribute('href')).toBe(
      `${page}/${second.id}`,
    );
    expect(screen.getByText(/^3 phrases flagged for hindsight or blame are not yet resolved/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Episode 1: Discharge from hospital' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See the causal map' }).getAttribute('href')).toBe(
      `/partnerships/${demoPartnershipId}/reviews/${reviewId}/causal-map`,
    );
    expect(screen.getByRole('link', { name: 'Create an episode' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Move up “Strategy discussion”' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Move up “Discharge from hospital”' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Share with the case group' })).toBeTruthy();
    const analysisTab = screen.getByRole('link', { name: 'Analysis' });
    expect(analysisTab.getAttribute('aria-current')).toBe('page');
  });

  it('hides reordering, creating and sharing from those who may not manage the analysis', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${api}`]: { status: 200, body: leadReviewer },
      [`GET ${api}/episodes`]: {
        status: 200,
        body: episodeListBody({
          episodes: [first, second],
          abilities: { create: false, manage: false, comment: true },
        }),
      },
    });
    renderPage();
    const table = await screen.findByRole('table', { name: 'Episodes in order' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Change order' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Create an episode' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Share with the case group' })).toBeNull();
    expect(screen.queryByText(/flagged for hindsight or blame/)).toBeNull();
  });

  it('sends the new order when an episode is moved, keeps focus on it and says where it went', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${api}`]: { status: 200, body: leadReviewer },
      [`GET ${api}/episodes`]: { status: 200, body: episodeListBody({ episodes: [first, second, third] }) },
      [`POST ${api}/episodes/order`]: {
        status: 200,
        body: episodeListBody({
          episodes: [
            { ...first, number: 1 },
            { ...third, number: 2 },
            { ...second, number: 3 },
          ],
        }),
      },
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Move down “Strategy discussion”' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        episodeIds: [first.id, third.id, second.id],
      }),
    );
    expect(await screen.findByText('“Strategy discussion” is now number 3')).toBeTruthy();
    const rows = within(screen.getByRole('table', { name: 'Episodes in order' })).getAllByRole('row');
    expect(within(rows[3] as HTMLElement).getByRole('link').textContent).toBe('Strategy discussion');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Move up “Strategy discussion”' }),
      ),
    );
  });

  it('shows why the order could not be saved in the error summary', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${api}`]: { status: 200, body: leadReviewer },
      [`GET ${api}/episodes`]: { status: 200, body: episodeListBody({ episodes: [first, second] }) },
      [`POST ${api}/episodes/order`]: {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'The order must name every episode of the review once. Reload the page and try again.',
          },
        },
      },
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Move up “Strategy discussion”' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/must name every episode/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.className).toBe('govuk-error-summary'));
    const rows = within(screen.getByRole('table', { name: 'Episodes in order' })).getAllByRole('row');
    expect(within(rows[1] as HTMLElement).getByRole('link').textContent).toBe('Discharge from hospital');
  });

  it('shares the ticked episodes, stops sharing the unticked ones and confirms it', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${api}`]: { status: 200, body: leadReviewer },
      [`GET ${api}/episodes`]: { status: 200, body: episodeListBody({ episodes: [first, second] }) },
      [`POST ${api}/episodes/share`]: ({ body }) => ({
        status: 200,
        body: episodeListBody({
          episodes: [
            { ...first, sharedWithCaseGroup: false },
            { ...second, sharedWithCaseGroup: true },
          ],
          caseGroupScope: (body as { scope?: 'all' }).scope ?? 'all',
        }),
      }),
    });
    renderPage();
    const form = (await screen.findByRole('heading', { name: 'Share with the case group' })).closest(
      'form',
    ) as HTMLElement;
    const box = within(form).getByRole('checkbox', { name: 'Episode 1: Discharge from hospital' });
    expect((box as HTMLInputElement).checked).toBe(true);
    await userEvent.click(box);
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Episode 2: Strategy discussion' }));
    await userEvent.click(within(form).getByRole('radio', { name: 'Every shared episode' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save sharing' }));
    expect(await screen.findByText('1 episode is shared with the case group')).toBeTruthy();
    expect(screen.getByText('Case group members see: every shared episode.')).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST').map((c) => c.body);
    expect(posts).toEqual([
      { episodeIds: [second.id], shared: true, scope: 'all' },
      { episodeIds: [first.id], shared: false },
    ]);
  });

  it('shows a case group member only the episodes shared with them, to read and comment on', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${api}`]: { status: 200, body: caseGroupMember },
      [`GET ${api}/episodes`]: {
        status: 200,
        body: episodeListBody({
          episodes: [first],
          unresolvedLanguageFlags: 0,
          abilities: { create: false, manage: false, comment: true },
        }),
      },
    });
    renderPage();
    expect(await screen.findByRole('link', { name: 'Episode 1: Discharge from hospital' })).toBeTruthy();
    expect(screen.getByText(/You can comment on each one/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('link', { name: 'See the causal map' })).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('tells someone without access to the analysis that they may not see it', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${api}`]: { status: 200, body: reviewBody() },
    });
    renderPage();
    expect(await screen.findByRole('heading', { name: 'You do not have permission' })).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/episodes'))).toBe(false);
  });

  it('is reached in the app at the review’s episodes address', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${api}`]: { status: 200, body: leadReviewer },
      [`GET ${api}/episodes`]: { status: 200, body: episodeListBody({ episodes: [first] }) },
    });
    renderApp(page);
    expect(await screen.findByRole('heading', { level: 1, name: 'Key practice episodes' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Analysis' }).getAttribute('aria-current')).toBe('page');
  });
});
