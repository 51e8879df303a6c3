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
import type { PreviewPseudonymisationResult, PseudonymEntryDto, PseudonymRegisterDto } from './api.ts';
import { PseudonymRegisterPage } from './pseudonym-register-page.tsx';

const reviewApi = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
const api = `${reviewApi}/pseudonym-register`;
const page = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/pseudonym-register`;
const leadReviewer = reviewBody({
  abilities: { ...reviewBody().abilities, viewPseudonymRegister: true, editPseudonymRegister: true },
});

const jane: PseudonymEntryDto = {
  id: '9a000000-0000-4000-8000-000000000001',
  category: 'child',
  realValue: 'Jane Smith',
  variants: ['Janey', 'J Smith'],
  replacement: 'Child A',
  note: 'Known as Janey at school',
};
const tom: PseudonymEntryDto = {
  id: '9a000000-0000-4000-8000-000000000002',
  category: 'family_member',
  realValue: 'Tom Brown',
  variants: [],
  replacement: 'Adult M',
  note: null,
};
const registerBody = (overrides: Partial<PseudonymRegisterDto> = {}): PseudonymRegisterDto => ({
  version: 3,
  entries: [jane, tom],
  updatedAt: '2026-03-02T09:00:00.000Z',
  updatedByName: 'Lee Lead',
  ...overrides,
});
const bodyOf = ({ id: _id, ...entry }: PseudonymEntryDto) => entry;

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route
        path="/partnerships/:partnershipId/reviews/:reviewId/pseudonym-register"
        element={<PseudonymRegisterPage />}
      />
    </Routes>,
    page,
  );
}

const baseRoutes = () => ({
  'GET /api/session': { status: 200, body: sessionBody() },
  [`GET ${reviewApi}`]: { status: 200, body: leadReviewer },
  [`GET ${api}`]: { status: 200, body: registerBody() },
});

async function fillNewEntry(entry: {
  category: string;
  realValue: string;
  variants?: string;
  replacement?: string;
}) {
  const form = (await screen.findByRole('heading', { name: 'Add an entry' })).closest('form') as HTMLElement;
  await userEvent.selectOptions(within(form).getByLabelText('What is it?'), entry.category);
  await userEvent.type(within(form).getByLabelText('Real name or identifier'), entry.realValue);
  if (entry.variants)
    await userEvent.type(within(form).getByLabelText('Other spellings (optional)'), entry.variants);
  if (entry.replacement)
    await userEvent.type(within(form).getByLabelText('What replaces it in the report'), entry.replacement);
  return form;
}

describe('the pseudonym register page', () => {
  it('warns that this is the most sensitive record and lists the entries in order', async () => {
    mockApi(baseRoutes());
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Pseudonym register' })).toBeTruthy();
    const warning = document.querySelector('.govuk-warning-text') as HTMLElement;
    expect(warning.textContent).toMatch(/most sensitive record in the review/);
    expect(warning.textContent).toMatch(/Every time someone opens this page it is recorded/);
    const table = await screen.findByRole('table', { name: 'Entries in the register (2)' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const cells = within(rows[1] as HTMLElement)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 5)).toEqual(['1', 'Child', 'JaneyJ Smith', 'Child A', 'Known as Janey at school']);
    expect(within(rows[1] as HTMLElement).getByRole('rowheader').textContent).toBe('Jane Smith');
    expect(within(rows[2] as HTMLElement).getAllByRole('cell')[2]?.textContent).toBe('None');
    expect(screen.getByText(/Last changed by Lee Lead on/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change Jane Smith' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Pseudonyms' }).getAttribute('aria-current')).toBe('page');
  });

  it('adds an entry by sending the whole list with the version it was based on', async () => {
    const added = { ...bodyOf(tom), id: '9a000000-0000-4000-8000-000000000003' };
    const calls = mockApi({
      ...baseRoutes(),
      [`PUT ${api}`]: ({ body }) => ({
        status: 200,
        body: registerBody({
          version: 4,
          entries: [jane, tom, { ...added, ...(body as { entries: PseudonymEntryDto[] }).entries[2] }],
        }),
      }),
    });
    renderPage();
    const form = await fillNewEntry({
      category: 'practitioner',
      realValue: 'Sam Patel',
      variants: 'Dr Patel{Enter}{Enter}S. Patel ',
      replacement: 'the GP',
    });
    expect(
      within(form).getByText('Their role, such as “the health visitor” or “the social worker”'),
    ).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Add entry' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
        version: 3,
        entries: [
          bodyOf(jane),
          bodyOf(tom),
          {
            category: 'practitioner',
            realValue: 'Sam Patel',
            variants: ['Dr Patel', 'S. Patel'],
            replacement: 'the GP',
            note: null,
          },
        ],
      }),
    );
    expect(await screen.findByText('Sam Patel has been added to the register')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Entries in the register (3)' })).toBeTruthy();
    expect((screen.getByLabelText('Real name or identifier') as HTMLInputElement).value).toBe('');
  });

  it('lists each row’s problems in the error summary, linked to the form or to the row', async () => {
    mockApi({
      ...baseRoutes(),
      [`PUT ${api}`]: {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'There is a problem with what you entered.',
            details: {
              fields: [
                { path: 'entries.0.realValue', message: 'Enter the real name or identifier' },
                { path: 'entries.2.replacement', message: 'Enter what replaces it in the report' },
              ],
            },
          },
        },
      },
    });
    renderPage();
    const form = await fillNewEntry({ category: 'place', realValue: 'Preston' });
    expect(within(form).getByText('A description, such as “a town in the north west”')).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Add entry' }));
    const summary = await screen.findByRole('alert');
    const formLink = within(summary).getByRole('link', {
      name: 'Row 3: Enter what replaces it in the report',
    });
    expect(formLink.getAttribute('href')).toBe('#entry-replacement');
    const rowLink = within(summary).getByRole('link', { name: 'Row 1: Enter the real name or identifier' });
    expect(rowLink.getAttribute('href')).toBe('#change-row-1');
    expect(form.querySelector('#entry-replacement-error')?.textContent).toMatch(/Enter what replaces it/);
    expect((within(form).getByLabelText('Real name or identifier') as HTMLInputElement).value).toBe(
      'Preston',
    );
    expect(document.title).toMatch(/^Error: /);
  });

  it('says when someone else changed the register first, and loads it again', async () => {
    let reads = 0;
    const calls = mockApi({
      ...baseRoutes(),
      [`GET ${api}`]: () => {
        reads += 1;
        return {
          status: 200,
          body:
            reads === 1
              ? registerBody()
              : registerBody({ version: 4, entries: [jane], updatedByName: 'Bo Manager' }),
        };
      },
      [`PUT ${api}`]: {
        status: 409,
        body: {
          error: {
            code: 'stale_version',
            message:
              'Someone else changed the pseudonym register while you were working on it. Check the current register and try again.',
            details: { current: registerBody({ version: 4 }) },
          },
        },
      },
    });
    renderPage();
    const form = await fillNewEntry({ category: 'place', realValue: 'Preston', replacement: 'a town' });
    await userEvent.click(within(form).getByRole('button', { name: 'Add entry' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Someone else changed the pseudonym register/)).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Entries in the register (1)' })).toBeTruthy();
    expect(screen.getByText(/Last changed by Bo Manager/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'GET' && c.path === api)).toHaveLength(2);
    // What was typed is kept, to send again against the register as it is now.
    expect((screen.getByLabelText('Real name or identifier') as HTMLInputElement).value).toBe('Preston');
  });

  it('changes an entry in its place in the list', async () => {
    const calls = mockApi({
      ...baseRoutes(),
      [`PUT ${api}`]: { status: 200, body: registerBody({ version: 4 }) },
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Change Jane Smith' }));
    const form = screen.getByRole('heading', { name: 'Change row 1' }).closest('form') as HTMLElement;
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Change row 1'));
    const replacement = within(form).getByLabelText('What replaces it in the report');
    expect((within(form).getByLabelText('Other spellings (optional)') as HTMLTextAreaElement).value).toBe(
      'Janey\nJ Smith',
    );
    await userEvent.clear(replacement);
    await userEvent.type(replacement, 'Child L');
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
        version: 3,
        entries: [{ ...bodyOf(jane), replacement: 'Child L' }, bodyOf(tom)],
      }),
    );
    expect(await screen.findByText('Row 1 has been changed')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Add an entry' })).toBeTruthy();
  });

  it('asks before removing an entry, then saves the list without it', async () => {
    const calls = mockApi({
      ...baseRoutes(),
      [`PUT ${api}`]: { status: 200, body: registerBody({ version: 4, entries: [jane] }) },
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Tom Brown' }));
    expect(screen.getByRole('heading', { name: 'Remove Tom Brown from the register?' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, remove it' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ version: 3, entries: [bodyOf(jane)] }),
    );
    expect(await screen.findByText('Tom Brown has been removed from the register')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /^Remove Tom Brown/ })).toBeNull();
  });

  it('tries the register on pasted text and lists what may still identify someone, in context', async () => {
    const result: PreviewPseudonymisationResult = {
      text: 'Child A lived on Leyton Road with Adult M.',
      replacements: 2,
      hits: [
        {
          kind: 'name_like',
          text: 'Leyton Road',
          reason: 'looks like a name',
          rows: [],
          start: 17,
          end: 28,
          before: 'Child A lived on ',
          after: ' with Adult M.',
        },
        {
          kind: 'register',
          text: 'Tommy',
          reason: 'a name or identifier from the register',
          rows: [2],
          start: 50,
          end: 55,
          before: '…Adult M. ',
          after: ' said so.',
        },
      ],
    };
    const calls = mockApi({ ...baseRoutes(), [`POST ${api}/preview`]: { status: 200, body: result } });
    renderPage();
    await userEvent.type(
      await screen.findByLabelText('Text to try'),
      'Jane Smith lived on Leyton Road with Tom Brown.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Make the replacements' }));
    const region = await screen.findByRole('region', { name: 'Text with the replacements made' });
    expect(region.textContent).toBe('Child A lived on Leyton Road with Adult M.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      text: 'Jane Smith lived on Leyton Road with Tom Brown.',
    });
    expect(screen.getByText('2 replacements made.')).toBeTruthy();
    expect(screen.getByText(/found 2 things that may still identify someone/)).toBeTruthy();
    const [hit, named] = document.querySelectorAll<HTMLElement>('.app-identifier-hits li');
    expect(hit?.textContent).toBe(
      'Leyton Road (looks like a name): Child A lived on Leyton Road with Adult M.',
    );
    expect(hit?.querySelector('mark')?.textContent).toBe('Leyton Road');
    expect(named?.textContent).toBe(
      'Tommy (a name or identifier from the register, row 2): …Adult M. Tommy said so.',
    );
  });

  it('says when the scan finds nothing left, and shows a refused try in the error summary', async () => {
    let tries = 0;
    mockApi({
      ...baseRoutes(),
      [`POST ${api}/preview`]: () => {
        tries += 1;
        return tries === 1
          ? {
              status: 400,
              body: {
                error: {
                  code: 'validation_failed',
                  message: 'There is a problem with what you entered.',
                  details: { fields: [{ path: 'text', message: 'Enter some text to try' }] },
                },
              },
            }
          : { status: 200, body: { text: 'Child A', replacements: 1, hits: [] } };
      },
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Make the replacements' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter some text to try' }).getAttribute('href')).toBe(
      '#try-text',
    );
    await userEvent.type(screen.getByLabelText('Text to try'), 'Jane');
    await userEvent.click(screen.getByRole('button', { name: 'Make the replacements' }));
    expect(await screen.findByText('The check found nothing else that may identify someone.')).toBeTruthy();
    expect(screen.getByText('1 replacement made.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an empty register and offers to add the first entry', async () => {
    mockApi({
      ...baseRoutes(),
      [`GET ${api}`]: {
        status: 200,
        body: { version: 0, entries: [], updatedAt: null, updatedByName: null },
      },
    });
    renderPage();
    expect(await screen.findByText('There is nothing in the register yet.')).toBeTruthy();
    expect(screen.getByText('Nobody has added anything to the register yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Add an entry' })).toBeTruthy();
  });

  it('tells someone who may not see the register so, without reading it', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: { status: 200, body: reviewBody() },
    });
    renderPage();
    expect(await screen.findByRole('heading', { name: 'You do not have permission' })).toBeTruthy();
    expect(calls.some((c) => c.path === api)).toBe(false);
    expect(screen.queryByRole('link', { name: 'Pseudonyms' })).toBeNull();
  });

  it('is reached in the app at the review’s pseudonym register address', async () => {
    mockApi(baseRoutes());
    renderApp(page);
    expect(await screen.findByRole('heading', { level: 1, name: 'Pseudonym register' })).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Entries in the register (2)' })).toBeTruthy();
  });
});
