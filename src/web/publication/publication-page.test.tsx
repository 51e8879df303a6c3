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
import type { PublicationDto } from './api.ts';
import { PublicationPage } from './publication-page.tsx';

const reviewApi = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
const api = `${reviewApi}/publication`;
const page = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/publication`;
const withAbilities = (abilities: Record<string, boolean>) =>
  reviewBody({ abilities: { ...reviewBody().abilities, ...abilities } });
const chair = withAbilities({ viewPublication: true, recordPublication: true });
const boardMember = withAbilities({ viewPublication: true, recordPublication: false });

const empty: PublicationDto = {
  version: 0,
  decision: 'undecided',
  decisionLabel: 'Not decided yet',
  decisionReason: null,
  form: null,
  formLabel: null,
  formReason: null,
  panelNoticeSentOn: null,
  dfeNoticeSentOn: null,
  plannedPublicationDate: null,
  publishedOn: null,
  url: null,
  earliestRemovalDate: null,
  removalDate: null,
  repositorySentOn: null,
  notes: null,
  checks: [
    'Record whether the report will be published',
    'Record when notice was sent to the Child Safeguarding Practice Review Panel',
    'Record when notice was sent to the Department for Education',
  ],
  updatedAt: null,
  updatedByName: null,
  abilities: { record: true },
};

const published: PublicationDto = {
  ...empty,
  version: 4,
  decision: 'publish',
  decisionLabel: 'Publish the report',
  form: 'redacted',
  formLabel: 'Redacted: with parts taken out',
  formReason: 'The sibling’s school is taken out',
  panelNoticeSentOn: '2025-02-19',
  dfeNoticeSentOn: '2025-02-20',
  plannedPublicationDate: '2025-03-02',
  publishedOn: '2024-02-29',
  url: 'https://www.northshirescp.org.uk/reviews/child-a',
  earliestRemovalDate: '2025-02-28',
  removalDate: null,
  repositorySentOn: '2025-03-10',
  notes: 'Published with the board’s response.',
  checks: ['Choose the date it comes down: 28 February 2025 or later'],
  updatedAt: '2025-03-10T09:00:00.000Z',
  updatedByName: 'Chris Chair',
};

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route
        path="/partnerships/:partnershipId/reviews/:reviewId/publication"
        element={<PublicationPage />}
      />
    </Routes>,
    page,
  );
}

const routes = (review = chair, record: PublicationDto = empty) => ({
  'GET /api/session': { status: 200, body: sessionBody() },
  [`GET ${reviewApi}`]: { status: 200, body: review },
  [`GET ${api}`]: { status: 200, body: record },
});

const summaryValue = (key: string) => {
  const row = screen.getByText(key, { selector: 'dt' }).closest('.govuk-summary-list__row') as HTMLElement;
  return row.querySelector('dd')?.textContent;
};

async function typeDate(legend: string, day: string, month: string, year: string) {
  const group = screen.getByRole('group', { name: legend });
  for (const [label, value] of [
    ['Day', day],
    ['Month', month],
    ['Year', year],
  ] as const) {
    const box = within(group).getByLabelText(label);
    await userEvent.clear(box);
    if (value) await userEvent.type(box, value);
  }
}

// Typing into many date boxes takes a few seconds on a busy machine.
describe('the publication page', { timeout: 30_000 }, () => {
  it('shows a board member the record, what is still needed, and no form', async () => {
    mockApi(routes(boardMember, { ...published, abilities: { record: false } }));
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Publication' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Publication record' })).toBeTruthy();
    expect(summaryValue('Decision')).toBe('Publish the report');
    expect(summaryValue('How it is published')).toBe(
      'Redacted: with parts taken outThe sibling’s school is taken out',
    );
    expect(summaryValue('Notice sent to the Child Safeguarding Practice Review Panel')).toBe(
      '19 February 2025',
    );
    expect(summaryValue('Notice sent to the Department for Education')).toBe('20 February 2025');
    expect(summaryValue('Date published')).toBe('29 February 2024');
    expect(summaryValue('Earliest it may come down')).toBe('28 February 2025 (12 months after publication)');
    expect(summaryValue('Date it comes down')).toBe('Not recorded');
    expect(summaryValue('Sent to the NSPCC national case review repository')).toBe('10 March 2025');
    expect(screen.getByRole('link', { name: published.url as string }).getAttribute('href')).toBe(
      published.url,
    );
    const needed = screen.getByRole('list', { name: 'Still needed' });
    expect(
      within(needed)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Choose the date it comes down: 28 February 2025 or later']);
    expect(screen.getByText(/Last changed by Chris Chair on/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Record the publication' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save publication record' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Publication' }).getAttribute('aria-current')).toBe('page');
  });

  it('says when the record is complete, and shows only what a decision not to publish needs', async () => {
    mockApi(
      routes(boardMember, {
        ...empty,
        decision: 'not_publish',
        decisionLabel: 'Do not publish the report',
        decisionReason: 'Publishing would identify the surviving sibling',
        panelNoticeSentOn: '2025-02-19',
        dfeNoticeSentOn: '2025-02-19',
        checks: [],
        abilities: { record: false },
      }),
    );
    renderPage();
    expect(await screen.findByText('The publication record is complete.')).toBeTruthy();
    expect(summaryValue('Decision')).toBe(
      'Do not publish the reportPublishing would identify the surviving sibling',
    );
    expect(screen.queryByText('Date published', { selector: 'dt' })).toBeNull();
    expect(screen.queryByText('Planned publication date', { selector: 'dt' })).toBeNull();
  });

  it('lets the chair record a redacted publication, revealing the reason, and sends the whole record', async () => {
    const calls = mockApi({
      ...routes(),
      [`PUT ${api}`]: ({ body }) => ({
        status: 200,
        body: { ...empty, ...(body as object), version: 1, checks: [] },
      }),
    });
    renderPage();
    await userEvent.click(await screen.findByLabelText('Publish the report'));
    expect(screen.queryByLabelText('Why is it redacted?')).toBeNull();
    await userEvent.click(screen.getByLabelText('Redacted: with parts taken out'));
    await userEvent.type(screen.getByLabelText('Why is it redacted?'), 'The sibling’s school is taken out');
    await typeDate('Sent to the Child Safeguarding Practice Review Panel on', '19', '2', '2025');
    await typeDate('Sent to the Department for Education on', '20', '2', '2025');
    await typeDate('Planned publication date', '2', '3', '2025');
    await typeDate('Date published', '29', '2', '2024');
    expect(
      screen.getByText(
        'It must stay online for at least 12 months: it can come down on 28 February 2025 or later',
      ),
    ).toBeTruthy();
    await userEvent.type(
      screen.getByLabelText('Address of the published report'),
      'https://www.northshirescp.org.uk/reviews/child-a',
    );
    await typeDate('Date it comes down from the website', '1', '3', '2025');
    await typeDate('Sent to the NSPCC national case review repository on', '10', '3', '2025');
    await userEvent.type(screen.getByLabelText('Notes (optional)'), 'With the board’s response');
    await userEvent.click(screen.getByRole('button', { name: 'Save publication record' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
        version: 0,
        decision: 'publish',
        decisionReason: null,
        form: 'redacted',
        formReason: 'The sibling’s school is taken out',
        panelNoticeSentOn: '2025-02-19',
        dfeNoticeSentOn: '2025-02-20',
        plannedPublicationDate: '2025-03-02',
        publishedOn: '2024-02-29',
        url: 'https://www.northshirescp.org.uk/reviews/child-a',
        removalDate: '2025-03-01',
        repositorySentOn: '2025-03-10',
        notes: 'With the board’s response',
      }),
    );
    expect(await screen.findByText('The publication record has been saved')).toBeTruthy();
    expect(await screen.findByText('The publication record is complete.')).toBeTruthy();
  });

  it('asks why not when the report will not be published, and clears what only a published report has', async () => {
    const calls = mockApi({
      ...routes(chair, { ...published, checks: [] }),
      [`PUT ${api}`]: { status: 200, body: { ...empty, version: 5 } },
    });
    renderPage();
    await userEvent.click(await screen.findByLabelText('Do not publish the report'));
    expect(screen.queryByRole('group', { name: 'Date published' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Planned publication date' })).toBeNull();
    expect(screen.queryByLabelText('Address of the published report')).toBeNull();
    await userEvent.type(
      screen.getByLabelText('Why will it not be published?'),
      'Publishing would identify the surviving sibling',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save publication record' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
        version: 4,
        decision: 'not_publish',
        decisionReason: 'Publishing would identify the surviving sibling',
        form: null,
        formReason: null,
        panelNoticeSentOn: '2025-02-19',
        dfeNoticeSentOn: '2025-02-20',
        plannedPublicationDate: null,
        publishedOn: null,
        url: null,
        removalDate: null,
        repositorySentOn: null,
        notes: 'Published with the board’s response.',
      }),
    );
  });

  it('lists the server’s problems in the error summary, linked to each question, and beside it', async () => {
    mockApi({
      ...routes(chair, { ...published, checks: [] }),
      [`PUT ${api}`]: {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'There is a problem with what you entered.',
            details: {
              fields: [
                {
                  path: 'url',
                  message:
                    'The address must start with https://, like https://www.northshirescp.org.uk/reviews/child-a',
                },
                {
                  path: 'removalDate',
                  message:
                    'The report must stay online for at least 12 months: the date it comes down must be 28 February 2025 or later',
                },
              ],
            },
          },
        },
      },
    });
    renderPage();
    const address = await screen.findByLabelText('Address of the published report');
    await userEvent.clear(address);
    await userEvent.type(address, 'http://www.northshirescp.org.uk/child-a');
    await typeDate('Date it comes down from the website', '27', '2', '2025');
    await userEvent.click(screen.getByRole('button', { name: 'Save publication record' }));
    const summary = await screen.findByRole('alert');
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['The address must start with https://, like https://www.northshirescp.org.uk/reviews/child-a', '#url'],
      [
        'The report must stay online for at least 12 months: the date it comes down must be 28 February 2025 or later',
        '#removalDate',
      ],
    ]);
    expect(document.getElementById('url-error')?.textContent).toMatch(/must start with https/);
    expect(document.getElementById('removalDate-error')?.textContent).toMatch(/28 February 2025 or later/);
    await waitFor(() => expect(document.title).toMatch(/^Error: Publication/));
  });

  it('finds dates that are not real dates before sending', async () => {
    const calls = mockApi(routes());
    renderPage();
    await screen.findByRole('button', { name: 'Save publication record' });
    await typeDate('Sent to the Child Safeguarding Practice Review Panel on', '31', '2', '2025');
    await typeDate('Sent to the Department for Education on', '3', '', '2025');
    await userEvent.click(screen.getByRole('button', { name: 'Save publication record' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['The date notice was sent to the national panel must be a real date', '#panelNoticeSentOn'],
      ['The date notice was sent to the Department for Education must include a month', '#dfeNoticeSentOn'],
    ]);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('reloads the record when someone else changed it, keeping what was typed to save again', async () => {
    let reads = 0;
    const calls = mockApi({
      ...routes(),
      [`GET ${api}`]: () => {
        reads += 1;
        return {
          status: 200,
          body: reads === 1 ? empty : { ...published, version: 6, updatedByName: 'Bo Manager' },
        };
      },
      [`PUT ${api}`]: {
        status: 409,
        body: {
          error: {
            code: 'stale_version',
            message:
              'Someone else changed the publication record while you were working on it. Check the current details and try again.',
            details: { current: { ...published, version: 6 } },
          },
        },
      },
    });
    renderPage();
    await userEvent.click(await screen.findByLabelText('Not decided yet'));
    await typeDate('Planned publication date', '1', '9', '2025');
    await userEvent.click(screen.getByRole('button', { name: 'Save publication record' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Someone else changed the publication record/)).toBeTruthy();
    expect(await screen.findByText(/Last changed by Bo Manager/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'GET' && c.path === api)).toHaveLength(2);
    const planned = screen.getByRole('group', { name: 'Planned publication date' });
    expect((within(planned).getByLabelText('Month') as HTMLInputElement).value).toBe('9');
  });

  it('tells someone who may not see the record so, without reading it', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: { status: 200, body: reviewBody() },
    });
    renderPage();
    expect(await screen.findByRole('heading', { name: 'You do not have permission' })).toBeTruthy();
    expect(calls.some((c) => c.path === api)).toBe(false);
  });

  it('is reached in the app at the review’s publication address', async () => {
    mockApi(routes(boardMember, { ...published, abilities: { record: false } }));
    renderApp(page);
    expect(await screen.findByRole('heading', { level: 1, name: 'Publication' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Publication record' })).toBeTruthy();
  });
});
