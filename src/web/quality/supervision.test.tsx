import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  findingAddress,
  findingApi,
  findingBody,
  findingId,
  findingsApi,
} from '../finding/finding-fixtures.ts';
import { FindingRoutes } from '../finding/finding-routes.tsx';
import { mockApi, renderWithProviders, sessionBody } from '../testing/render.tsx';
import {
  reviewAddress,
  reviewApi,
  reviewWith,
  supervisionApi,
  supervisorName,
  threadBody,
  threadList,
} from './fixtures.ts';
import { SupervisionRoute } from './quality-routes.tsx';
import type { SupervisionThreadDto } from './supervision-api.ts';

const threadsApi = `${supervisionApi}?targetType=finding&targetId=${findingId}`;
const reader = { viewReview: true, viewFindings: true, viewSupervision: true };
const supervisor = reviewWith({ ...reader, addSupervisionComment: true, answerSupervision: true });
const trainee = reviewWith({ ...reader, answerSupervision: true, recordSupervisionSession: true });
const readOnlyFinding = findingBody({ abilities: { edit: false, agree: false } });

function renderFindingPage(routes: Parameters<typeof mockApi>[0], review: ReturnType<typeof reviewWith>) {
  const calls = mockApi({
    'GET /api/session': { status: 200, body: sessionBody() },
    [`GET ${reviewApi}`]: { status: 200, body: review },
    [`GET ${findingsApi}`]: {
      status: 200,
      body: { findings: [], abilities: { create: false, agree: false } },
    },
    [`GET ${findingApi}`]: { status: 200, body: readOnlyFinding },
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/reviews/:reviewId/findings/*" element={<FindingRoutes />} />
    </Routes>,
    findingAddress,
  );
  return calls;
}

const supervisionSection = async () =>
  (await screen.findByRole('heading', { level: 2, name: 'Supervision' })).closest('section') as HTMLElement;

describe('supervision', { timeout: 30_000 }, () => {
  it('lets a supervisor comment on a finding', async () => {
    let threads: SupervisionThreadDto[] = [];
    const calls = renderFindingPage(
      {
        [`GET ${threadsApi}`]: () => ({ status: 200, body: threadList(threads, true) }),
        [`POST ${supervisionApi}`]: ({ body }) => {
          threads = [
            threadBody({ body: (body as { body: string }).body, abilities: { reply: true, resolve: true } }),
          ];
          return { status: 201, body: threads[0] };
        },
      },
      supervisor,
    );
    const section = await supervisionSection();
    expect(
      await within(section).findByText('There are no supervision comments on this finding.'),
    ).toBeTruthy();
    await userEvent.click(within(section).getByLabelText('Add a supervision comment'));
    await userEvent.paste('What evidence shows this happens beyond this case?');
    await userEvent.click(within(section).getByRole('button', { name: 'Add supervision comment' }));

    expect(await screen.findByText('Your supervision comment has been added')).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST' && c.path === supervisionApi).map((c) => c.body);
    expect(posts.at(-1)).toEqual({
      targetType: 'finding',
      targetId: findingId,
      body: 'What evidence shows this happens beyond this case?',
    });
    const thread = await within(section).findByRole('article', { name: `Comment from ${supervisorName}` });
    expect(within(thread).getByText('What evidence shows this happens beyond this case?')).toBeTruthy();
    expect(within(thread).getByText('Open')).toBeTruthy();
    expect((within(section).getByLabelText('Add a supervision comment') as HTMLTextAreaElement).value).toBe(
      '',
    );
  });

  it('shows a supervisor the problem when the comment is empty', async () => {
    renderFindingPage(
      {
        [`GET ${threadsApi}`]: { status: 200, body: threadList([], true) },
        [`POST ${supervisionApi}`]: {
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'Check the details',
              details: { fields: [{ path: 'body', message: 'Enter your comment' }] },
            },
          },
        },
      },
      supervisor,
    );
    const section = await supervisionSection();
    await userEvent.click(await within(section).findByRole('button', { name: 'Add supervision comment' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter your comment' }).getAttribute('href')).toBe(
      '#supervision-comment-finding',
    );
  });

  it('lets a trainee reply to a comment and mark it resolved', async () => {
    let thread = threadBody();
    const calls = renderFindingPage(
      {
        [`GET ${threadsApi}`]: () => ({ status: 200, body: threadList([thread]) }),
        [`POST ${supervisionApi}/${thread.id}/replies`]: ({ body }) => {
          thread = {
            ...thread,
            replies: [
              {
                id: '9a8b7c6d-9999-4000-8000-000000000001',
                body: (body as { body: string }).body,
                authorName: 'Taylor Trainee',
                authorRoleLabel: 'Trainee reviewer',
                createdAt: '2026-05-03T09:00:00.000Z',
              },
            ],
          };
          return { status: 201, body: thread };
        },
        [`POST ${supervisionApi}/${thread.id}/resolve`]: () => {
          thread = {
            ...thread,
            status: 'resolved',
            resolvedByName: 'Taylor Trainee',
            resolvedAt: '2026-05-03T10:00:00.000Z',
            abilities: { reply: true, resolve: false },
          };
          return { status: 200, body: thread };
        },
      },
      trainee,
    );
    const section = await supervisionSection();
    const article = await within(section).findByRole('article', { name: `Comment from ${supervisorName}` });
    expect(
      within(article).getByText(`${supervisorName} (supervisor), 2 May 2026 at 10:00am`, { exact: false }),
    ).toBeTruthy();
    expect(within(section).queryByLabelText('Add a supervision comment')).toBeNull();
    await userEvent.click(within(article).getByLabelText('Your reply'));
    await userEvent.paste('The audit of 40 cases shows the same gap.');
    await userEvent.click(within(article).getByRole('button', { name: /^Send reply/ }));
    expect(await screen.findByText('Your reply has been added')).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/replies'))?.body).toEqual({
      body: 'The audit of 40 cases shows the same gap.',
    });
    const replies = await within(section).findByRole('list', {
      name: `Replies to the comment from ${supervisorName}`,
    });
    expect(within(replies).getByText('The audit of 40 cases shows the same gap.')).toBeTruthy();

    await userEvent.click(within(section).getByRole('button', { name: /^Mark as resolved/ }));
    expect(await screen.findByText('The comment has been marked as resolved')).toBeTruthy();
    await waitFor(() => expect(within(section).getByText('Resolved')).toBeTruthy());
    expect(within(section).getByText(/Resolved by Taylor Trainee on 3 May 2026/)).toBeTruthy();
    expect(within(section).queryByRole('button', { name: /^Mark as resolved/ })).toBeNull();
  });
});

describe('the supervision page', { timeout: 30_000 }, () => {
  const sessionsApi = `${reviewApi}/supervision-sessions`;

  function renderPage(routes: Parameters<typeof mockApi>[0], at = `${reviewAddress}/supervision`) {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: { status: 200, body: trainee },
      ...routes,
    });
    renderWithProviders(
      <Routes>
        <Route
          path="/partnerships/:partnershipId/reviews/:reviewId/supervision"
          element={<SupervisionRoute />}
        />
      </Routes>,
      at,
    );
    return calls;
  }

  const resolved = threadBody({
    id: '9a8b7c6d-8888-4000-8000-000000000002',
    targetType: 'episode',
    targetId: '1b2c3d4e-0000-4000-8000-000000000009',
    targetLabel: 'Episode 3: Strategy discussion',
    body: 'Who else was at the strategy discussion?',
    status: 'resolved',
    resolvedByName: 'Taylor Trainee',
    resolvedAt: '2026-05-04T09:00:00.000Z',
    abilities: { reply: true, resolve: false },
  });

  it('filters the threads by whether they are resolved, linking each to what it is about', async () => {
    renderPage(
      {
        [`GET ${supervisionApi}`]: { status: 200, body: threadList([threadBody(), resolved]) },
        [`GET ${sessionsApi}`]: { status: 200, body: { sessions: [], abilities: { record: true } } },
      },
      `${reviewAddress}/supervision?show=open`,
    );
    const open = await screen.findByRole('link', {
      name: 'Finding 2: Health visitors tend not to hear about police call-outs',
    });
    expect(open.getAttribute('href')).toBe(`${reviewAddress}/findings/${findingId}`);
    expect(screen.queryByText('Episode 3: Strategy discussion')).toBeNull();
    const filter = screen.getByRole('navigation', { name: 'Filter the comments' });
    expect(within(filter).getByRole('link', { name: 'Open (1)' }).getAttribute('aria-current')).toBe('page');
    await userEvent.click(within(filter).getByRole('link', { name: 'Resolved (1)' }));
    expect(await screen.findByRole('link', { name: 'Episode 3: Strategy discussion' })).toBeTruthy();
    expect(screen.queryByText('What evidence shows this happens beyond this case?')).toBeNull();
  });

  it('records a supervision session in the log', async () => {
    const calls = renderPage({
      [`GET ${supervisionApi}`]: { status: 200, body: threadList([]) },
      [`GET ${sessionsApi}`]: { status: 200, body: { sessions: [], abilities: { record: true } } },
      [`POST ${sessionsApi}`]: ({ body }) => ({
        status: 201,
        body: {
          id: 'x',
          kindLabel: 'Group supervision',
          recordedByName: 'Taylor Trainee',
          createdAt: '',
          ...(body as object),
        },
      }),
    });
    expect(await screen.findByText('No supervision sessions have been recorded.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Record the session' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose group or individual' })).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'Enter the date of the session' })).toBeTruthy();

    await userEvent.click(screen.getByLabelText('Group supervision'));
    const date = screen.getByRole('group', { name: /Date of the session/ });
    await userEvent.type(within(date).getByLabelText('Day'), '2');
    await userEvent.type(within(date).getByLabelText('Month'), '5');
    await userEvent.type(within(date).getByLabelText('Year'), '2026');
    await userEvent.type(screen.getByLabelText('Who attended (optional)'), 'Sam, Taylor');
    await userEvent.click(screen.getByRole('button', { name: 'Record the session' }));
    expect(await screen.findByText('The supervision session has been recorded')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'group',
      heldOn: '2026-05-02',
      attendees: 'Sam, Taylor',
    });
  });
});
