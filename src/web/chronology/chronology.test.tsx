import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import {
  demoPartnershipId,
  mockApi,
  renderApp,
  renderWithProviders,
  sessionBody,
} from '../testing/render.tsx';
import { eventPagePath } from './api.ts';
import { ColumnMapping } from './column-mapping.tsx';
import { agencyBody, eventBody, healthId, policeId } from './fixtures.ts';
import { ImportProblems, ImportReady } from './import-preview.tsx';
import { preloadNarrative } from './narrative-preload.ts';
import { Timeline } from './timeline.tsx';

const api = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
const page = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/narrative`;
const review = () =>
  reviewBody({ abilities: { ...reviewBody().abilities, viewNarrative: true, editNarrative: true } });
const basics = {
  'GET /api/session': { status: 200, body: sessionBody() },
  [`GET ${api}`]: { status: 200, body: review() },
  [`GET /api/partnerships/${demoPartnershipId}/agencies`]: {
    status: 200,
    body: {
      agencies: [agencyBody(policeId, 'Police'), agencyBody(healthId, 'Health')],
      abilities: { create: false },
    },
  },
};

const preview = {
  importId: '9a8b7c6d-0000-4000-8000-000000000001',
  filename: 'police.csv',
  agencyId: policeId,
  rowCount: 40,
  validCount: 38,
  errors: [] as { row: number; column: string; reason: string }[],
  columns: ['Date', 'What happened'],
  mapping: { date: 'Date', what_happened: 'What happened' },
  sample: [{ date: '2026-03-12', what_happened: 'Home visit' }],
  duplicates: [] as never[],
};

describe('the narrative', () => {
  it('shows the events in a table that states its size, with links to each event and the downloads', async () => {
    // jsdom lays nothing out: give the scroll area a size so the table draws its rows.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
    const events = [eventBody({ disputed: true, tags: ['school'] }), eventBody({ occurredOn: '2026-04-01' })];
    mockApi({
      ...basics,
      [`GET ${api}/chronology/events?offset=0&limit=100`]: {
        status: 200,
        body: {
          events,
          total: 2,
          agencies: [{ id: policeId, name: 'Police', count: 2 }],
          abilities: { edit: true, import: true },
        },
      },
    });
    renderApp(page);
    const table = await screen.findByRole('table', { name: 'Events in the narrative' });
    expect(table.getAttribute('aria-rowcount')).toBe('3');
    expect(within(table).getByRole('link', { name: '12 March 2026' })).toBeTruthy();
    expect(within(table).getByText('Disputed')).toBeTruthy();
    expect(screen.getByText('2 events in the narrative')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import an agency chronology' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download as Excel' }).getAttribute('href')).toBe(
      `${api}/chronology/export?format=xlsx`,
    );
  });
});

describe('arriving at the narrative', () => {
  const list = (events: ReturnType<typeof eventBody>[]) => ({
    status: 200,
    body: {
      events,
      total: events.length,
      agencies: [{ id: policeId, name: 'Police', count: events.length }],
      abilities: { edit: false, import: false },
    },
  });

  it('asks for the session, the review and the first events at once, and each only once', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
    const events = `${api}/chronology/events?agencyId=${policeId}&q=visit&offset=0&limit=100`;
    const calls = mockApi({ ...basics, [`GET ${events}`]: list([eventBody({ summary: 'Home visit' })]) });
    const address = `${page}?agencyId=${policeId}&q=visit`;
    expect(preloadNarrative(page, `?agencyId=${policeId}&q=visit`)).toBe(true);
    expect(calls.map((c) => c.path)).toEqual(['/api/session', api, events]);

    renderApp(address);
    const table = await screen.findByRole('table', { name: 'Events in the narrative' });
    expect(within(table).getByText('Home visit')).toBeTruthy();
    const paths = calls.filter((c) => c.method === 'GET').map((c) => c.path);
    expect(paths.filter((p) => p === '/api/session')).toHaveLength(1);
    expect(paths.filter((p) => p === api)).toHaveLength(1);
    expect(paths.filter((p) => p === events)).toHaveLength(1);
  });

  it('asks for a screenful of events first, then 500 at a time', () => {
    expect(eventPagePath(demoPartnershipId, reviewId, { q: 'visit' }, 0)).toBe(
      `${api}/chronology/events?q=visit&offset=0&limit=100`,
    );
    expect(eventPagePath(demoPartnershipId, reviewId, {}, 100)).toBe(
      `${api}/chronology/events?offset=100&limit=500`,
    );
  });

  it('asks for nothing early on the narrative’s other pages', () => {
    const calls = mockApi({});
    expect(preloadNarrative(`${page}/timeline`, '')).toBe(false);
    expect(preloadNarrative(`/partnerships/${demoPartnershipId}/reviews/${reviewId}`, '')).toBe(false);
    expect(calls).toHaveLength(0);
  });
});

describe('importing an agency chronology', () => {
  it('lists every problem in the file by row, column and reason', () => {
    const errors = [
      { row: 12, column: 'date', reason: '31/02/2026 is not a real date' },
      { row: 15, column: 'what_happened', reason: 'Enter what happened' },
    ];
    renderWithProviders(<ImportProblems preview={{ ...preview, errors }} onAgain={() => {}} />);
    expect(screen.getByRole('heading', { name: 'There are 2 problems in the file' })).toBeTruthy();
    expect(screen.getByText('Row 12, Date: 31/02/2026 is not a real date')).toBeTruthy();
    expect(screen.getByText('Row 15, What happened: Enter what happened')).toBeTruthy();
    expect(screen.getByText(/Fix these rows in your file and check it again/)).toBeTruthy();
  });

  it('lists many problems in a table as well', () => {
    const errors = Array.from({ length: 30 }, (_, i) => ({
      row: i + 2,
      column: 'date',
      reason: 'Enter the date',
    }));
    renderWithProviders(<ImportProblems preview={{ ...preview, errors }} onAgain={() => {}} />);
    const table = screen.getByRole('table', { name: 'Problems in the file' });
    expect(within(table).getAllByRole('row')).toHaveLength(31);
    expect(screen.getByText('And 5 more, listed in the table below')).toBeTruthy();
  });

  it('offers likely duplicates for merging, ticked when they are very alike, and sends the ticked rows', async () => {
    const duplicates = [
      {
        row: 4,
        eventId: 'e1',
        occurredOn: '2026-03-12',
        agencyName: 'Health',
        summary: 'Visit',
        similarity: 0.91,
      },
      {
        row: 9,
        eventId: 'e2',
        occurredOn: '2026-03-20',
        agencyName: 'Health',
        summary: 'Call',
        similarity: 0.6,
      },
    ] as never[];
    const commit = vi.fn();
    renderWithProviders(
      <ImportReady
        preview={{ ...preview, duplicates }}
        agencyName="Police"
        pending={false}
        onCommit={commit}
        onAgain={() => {}}
      />,
    );
    const boxes = screen.getAllByRole('checkbox', { name: 'Add as Police’s account of the existing event' });
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, false]);
    await userEvent.click(screen.getByRole('button', { name: 'Import 38 events' }));
    expect(commit).toHaveBeenCalledWith({ '4': 'e1' });
  });
});

describe('matching the columns of a file', () => {
  it('offers the file’s headings for each template column and sends the choice', async () => {
    const check = vi.fn();
    renderWithProviders(
      <ColumnMapping
        columns={['When', 'Details']}
        mapping={{ what_happened: 'Details' }}
        pending={false}
        onCheck={check}
      />,
    );
    expect((screen.getByRole('combobox', { name: 'What happened' }) as HTMLSelectElement).value).toBe(
      'Details',
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Date' }), 'When');
    await userEvent.click(screen.getByRole('button', { name: 'Check the file with these columns' }));
    expect(check).toHaveBeenCalledWith({ date: 'When', what_happened: 'Details' });
  });
});

describe('the view from the tunnel', () => {
  it('checks the choice and the date, then shows only what the agency knew and how many are hidden', async () => {
    const calls = mockApi({
      ...basics,
      [`GET ${api}/participants`]: { status: 200, body: { participants: [], abilities: { manage: false } } },
      [`GET ${api}/chronology/tunnel?agencyId=${policeId}&asOf=2026-03-31`]: {
        status: 200,
        body: {
          asOf: '2026-03-31',
          agencyIds: [policeId],
          knownEventIds: ['x'],
          hiddenCount: 7,
          events: [eventBody()],
        },
      },
    });
    renderApp(`${page}/tunnel`);
    await userEvent.click(await screen.findByRole('button', { name: 'Show what they knew' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Select whether to look from an agency or a person' }),
    ).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'Enter the date to look from' })).toBeTruthy();

    await userEvent.click(screen.getByRole('radio', { name: 'An agency' }));
    await userEvent.click(screen.getByRole('button', { name: 'Show what they knew' }));
    expect(await screen.findByRole('link', { name: 'Select an agency' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Agency' }), policeId);
    const date = screen.getByRole('group', { name: 'Date' });
    await userEvent.type(within(date).getByRole('textbox', { name: 'Day' }), '31');
    await userEvent.type(within(date).getByRole('textbox', { name: 'Month' }), '3');
    await userEvent.type(within(date).getByRole('textbox', { name: 'Year' }), '2026');
    await userEvent.click(screen.getByRole('button', { name: 'Show what they knew' }));
    expect(await screen.findByText(/7 later or unshared events are hidden/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What Police knew by 31 March 2026' })).toBeTruthy();
    expect(calls.some((c) => c.path.includes('/chronology/tunnel?'))).toBe(true);
  });
});

describe('the timeline', () => {
  it('makes each event a focusable button, in date order, named by date, agency and what happened', async () => {
    const events = [
      eventBody({
        occurredOn: '2026-05-02',
        summary: 'Later visit',
        agencyId: healthId,
        agencyName: 'Health',
      }),
      eventBody({ occurredOn: '2026-03-12', summary: 'First call' }),
      eventBody({ occurredOn: '2026-04-01', summary: 'Strategy discussion', disputed: true }),
    ];
    const select = vi.fn();
    renderWithProviders(
      <Timeline
        events={events}
        lanes={[
          { id: policeId, name: 'Police' },
          { id: healthId, name: 'Health' },
        ]}
        selectedId={null}
        onSelect={select}
      />,
    );
    const timeline = screen.getByRole('group', { name: 'Timeline of events by agency' });
    const marks = within(timeline).getAllByRole('button');
    expect(marks.map((m) => m.getAttribute('aria-label'))).toEqual([
      '12 March 2026, Police: First call',
      '1 April 2026, Police: Strategy discussion (disputed)',
      '2 May 2026, Health: Later visit',
    ]);
    expect(marks.every((m) => m.getAttribute('tabindex') === '0')).toBe(true);
    marks[0]?.focus();
    fireEvent.keyDown(marks[0] as Element, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(marks[1]);
    fireEvent.keyDown(marks[1] as Element, { key: 'Enter' });
    await waitFor(() => expect(select).toHaveBeenCalledWith(events[2]));
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(within(timeline).getAllByRole('button').length).toBeLessThanOrEqual(3);
  });
});
