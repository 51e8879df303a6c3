import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { eventBody, healthId, policeId } from '../chronology/fixtures.ts';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId, mockApi, renderWithProviders, sessionBody } from '../testing/render.tsx';
import { episodeListBody } from './episodes-fixtures.ts';
import { NewEpisodePage } from './new-episode-page.tsx';

const api = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
const page = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/episodes`;
const review = reviewBody({
  abilities: { ...reviewBody().abilities, viewAnalysis: true, editAnalysis: true, viewNarrative: true },
});
const newEpisodeId = '3c4d5e6f-0000-4000-8000-0000000000aa';

function EpisodeStandIn() {
  const state = useLocation().state as { banner?: string } | null;
  return <h1>Episode page: {state?.banner}</h1>;
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route
        path="/partnerships/:partnershipId/reviews/:reviewId/episodes/new"
        element={<NewEpisodePage />}
      />
      <Route
        path="/partnerships/:partnershipId/reviews/:reviewId/episodes/:episodeId"
        element={<EpisodeStandIn />}
      />
    </Routes>,
    `${page}/new`,
  );
}

const visit = eventBody({ occurredOn: '2026-03-12', summary: 'Home visit by the health visitor' });
const call = eventBody({ occurredOn: '2026-03-20', summary: 'Call to the police about shouting' });
const strategy = eventBody({
  occurredOn: '2026-04-02',
  summary: 'Strategy discussion',
  agencyId: healthId,
  agencyName: 'Health',
});
const agencies = [
  { id: policeId, name: 'Police', count: 2 },
  { id: healthId, name: 'Health', count: 1 },
];
const events = (list: ReturnType<typeof eventBody>[]) => ({
  status: 200,
  body: { events: list, total: list.length, agencies, abilities: { edit: true, import: false } },
});
const basics = {
  'GET /api/session': { status: 200, body: sessionBody() },
  [`GET ${api}`]: { status: 200, body: review },
  [`GET ${api}/episodes`]: { status: 200, body: episodeListBody() },
  [`GET ${api}/chronology/events?limit=1000`]: events([visit, call, strategy]),
  [`GET ${api}/chronology/events?agencyId=${policeId}&from=2026-03-15&limit=1000`]: events([call]),
};

describe('creating an episode', () => {
  it('makes the episode from the events chosen, across filters, and goes to it', async () => {
    const calls = mockApi({
      ...basics,
      [`POST ${api}/episodes`]: { status: 201, body: { id: newEpisodeId, number: 4 } },
    });
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Create an episode' })).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: /Title/ }), 'Discharge from hospital');
    await userEvent.click(
      await screen.findByRole('checkbox', {
        name: 'Choose 12 March 2026, Police: Home visit by the health visitor',
      }),
    );

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Agency' }), policeId);
    const from = screen.getByRole('group', { name: 'From' });
    await userEvent.type(within(from).getByRole('textbox', { name: 'Day' }), '15');
    await userEvent.type(within(from).getByRole('textbox', { name: 'Month' }), '3');
    await userEvent.type(within(from).getByRole('textbox', { name: 'Year' }), '2026');
    await userEvent.click(screen.getByRole('button', { name: 'Show these events' }));
    const table = await screen.findByRole('table', { name: 'Events that match the filters' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    await userEvent.click(
      within(table).getByRole('checkbox', {
        name: 'Choose 20 March 2026, Police: Call to the police about shouting',
      }),
    );
    expect(screen.getByText('2 events chosen (1 not shown by the filters)')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Create the episode' }));
    expect(
      await screen.findByRole('heading', { name: 'Episode page: Episode 4 has been created' }),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      title: 'Discharge from hospital',
      eventIds: [visit.id, call.id],
    });
  });

  it('shows the server’s problems in the error summary and on the fields', async () => {
    mockApi({
      ...basics,
      [`POST ${api}/episodes`]: {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'Check the episode',
            details: {
              fields: [
                { path: 'title', message: 'Enter a title for the episode' },
                {
                  path: 'eventIds',
                  message: 'Choose at least one event, or give the start and end of the period',
                },
              ],
            },
          },
        },
      },
    });
    renderPage();
    await screen.findByRole('checkbox', { name: /Home visit by the health visitor/ });
    await userEvent.click(screen.getByRole('button', { name: 'Create the episode' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Enter a title for the episode' }).getAttribute('href'),
    ).toBe('#title');
    expect(
      within(summary)
        .getByRole('link', { name: 'Choose at least one event, or give the start and end of the period' })
        .getAttribute('href'),
    ).toBe('#eventIds');
    expect(document.getElementById('eventIds')).toBe(
      screen.getByRole('checkbox', { name: /Home visit by the health visitor/ }),
    );
    expect(screen.getByRole('textbox', { name: /Title/ }).getAttribute('aria-describedby')).toContain(
      'title-error',
    );
    expect(document.getElementById('eventIds-error')?.textContent).toContain('Choose at least one event');
    expect(document.title).toMatch(/^Error: Create an episode/);
  });

  it('makes the episode from a period instead, checking both dates first', async () => {
    const calls = mockApi({
      ...basics,
      [`POST ${api}/episodes`]: { status: 201, body: { id: newEpisodeId, number: 1 } },
    });
    renderPage();
    await userEvent.type(await screen.findByRole('textbox', { name: /Title/ }), 'Case closed');
    await userEvent.click(screen.getByRole('radio', { name: 'Use a period instead' }));
    expect(screen.queryByRole('table')).toBeNull();
    const start = screen.getByRole('group', { name: /Start of the period/ });
    await userEvent.type(within(start).getByRole('textbox', { name: 'Day' }), '1');
    await userEvent.type(within(start).getByRole('textbox', { name: 'Month' }), '5');
    await userEvent.type(within(start).getByRole('textbox', { name: 'Year' }), '2026');
    await userEvent.click(screen.getByRole('button', { name: 'Create the episode' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter the end of the period' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    const end = screen.getByRole('group', { name: /End of the period/ });
    await userEvent.type(within(end).getByRole('textbox', { name: 'Day' }), '31');
    await userEvent.type(within(end).getByRole('textbox', { name: 'Month' }), '5');
    await userEvent.type(within(end).getByRole('textbox', { name: 'Year' }), '2026');
    await userEvent.click(screen.getByRole('button', { name: 'Create the episode' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        title: 'Case closed',
        periodFrom: '2026-05-01',
        periodTo: '2026-05-31',
      }),
    );
  });

  it('tells someone who may not create episodes that they may not', async () => {
    mockApi({
      ...basics,
      [`GET ${api}/episodes`]: {
        status: 200,
        body: episodeListBody({ abilities: { create: false, manage: false, comment: true } }),
      },
    });
    renderPage();
    expect(await screen.findByRole('heading', { name: 'You do not have permission' })).toBeTruthy();
  });
});
