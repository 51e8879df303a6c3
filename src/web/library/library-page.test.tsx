import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  demoPartnershipId,
  mockApi,
  renderApp,
  renderWithProviders,
  sessionBody,
} from '../testing/render.tsx';
import { entryBody, libraryAddress, libraryApi, searchBody } from './library-fixtures.ts';
import { LibraryRoutes } from './library-routes.tsx';

type ApiRoutes = Parameters<typeof mockApi>[0];

function renderLibrary(routes: ApiRoutes, at = libraryAddress) {
  const calls = mockApi(routes);
  renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/library/*" element={<LibraryRoutes />} />
    </Routes>,
    at,
  );
  return calls;
}

/** The page's structure holds: one h1, no repeated ids, every field labelled. */
function expectWellFormed() {
  expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  for (const field of document.querySelectorAll('input, select, textarea'))
    expect((field as HTMLInputElement).labels?.length ?? 0, field.id).toBeGreaterThan(0);
}

describe('the learning library', { timeout: 30_000 }, () => {
  it('searches with words and two filters through the address, and marks the matched words', async () => {
    const narrowed = searchBody({
      query: 'forms',
      facets: {
        ...searchBody().facets,
        typology: [{ value: 'tools', label: 'Human–tool operation', count: 1, selected: true }],
        theme: [{ value: 'neglect', label: 'Neglect', count: 1, selected: true }],
      },
    });
    const calls = renderLibrary({
      [`GET ${libraryApi}`]: {
        status: 200,
        body: searchBody({ entries: [entryBody(), entryBody({ id: 'x2' })] }),
      },
      [`GET ${libraryApi}?q=forms&typology=tools&theme=neglect`]: { status: 200, body: narrowed },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Learning library' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: '2 findings' })).toBeTruthy();
    const typology = screen.getByRole('group', { name: 'Typology category' });
    const theme = screen.getByRole('group', { name: 'Theme' });
    for (const legend of ['Contributory factor group', 'Year', 'Agency type', 'Review type'])
      expect(screen.getByRole('group', { name: legend })).toBeTruthy();
    expectWellFormed();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Search findings'), 'forms');
    await user.click(within(typology).getByLabelText('Human–tool operation (4)'));
    await user.click(within(theme).getByLabelText('Neglect (4)'));
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(await screen.findByRole('heading', { level: 2, name: '1 finding' })).toBeTruthy();
    expect(calls.at(-1)?.path).toBe(`${libraryApi}?q=forms&typology=tools&theme=neglect`);
    expect(screen.getByRole('heading', { level: 2, name: '1 finding' }).getAttribute('aria-live')).toBe(
      'polite',
    );
    // The form starts again from the address: the search and both filters are kept.
    expect((screen.getByLabelText('Search findings') as HTMLInputElement).value).toBe('forms');
    expect((screen.getByLabelText('Human–tool operation (1)') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Neglect (1)') as HTMLInputElement).checked).toBe(true);

    const [result] = within(screen.getByRole('list', { name: '1 finding' })).getAllByRole('listitem');
    if (!result) throw new Error('No result');
    const marks = [...result.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['forms', 'forms']);
    expect(within(result).getByRole('link').textContent).toBe('Assessment forms discourage recording doubt.');
    expect(within(result).getByText('Published')).toBeTruthy();
    expect(
      within(result).getByText(/Child T · Local child safeguarding practice review \(LCSPR\) · 2025/),
    ).toBeTruthy();

    const removeTheme = screen.getByRole('link', { name: /Remove the filter\s*Theme: Neglect/ });
    expect(removeTheme.getAttribute('href')).toBe(`${libraryAddress}?q=forms&typology=tools`);
    expect(screen.getByRole('link', { name: 'Clear filters' }).getAttribute('href')).toBe(
      `${libraryAddress}?q=forms`,
    );
  });

  it('searches every sharing partnership, names the other partnership and pages through the results', async () => {
    const other = entryBody({
      own: false,
      partnershipName: 'Northshire Safeguarding Partnership',
      path: null,
      published: true,
      statementParts: [],
      snippet: [],
    });
    renderLibrary(
      {
        [`GET ${libraryApi}?scope=national&page=2`]: {
          status: 200,
          body: searchBody({ scope: 'national', entries: [other], total: 45, page: 2 }),
        },
      },
      `${libraryAddress}?scope=national&page=2`,
    );
    expect(await screen.findByRole('heading', { level: 2, name: '45 findings' })).toBeTruthy();
    expect(
      (screen.getByLabelText('All partnerships that share their published findings') as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect(screen.getByText(/Northshire Safeguarding Partnership/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Assessment forms/ })).toBeNull();
    const pages = screen.getByRole('navigation', { name: 'Pages of findings' });
    expect(within(pages).getByRole('link', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');
    expect(
      within(pages)
        .getByRole('link', { name: /^Next\s*page$/ })
        .getAttribute('href'),
    ).toBe(`${libraryAddress}?scope=national&page=3`);
    expect(
      within(pages)
        .getByRole('link', { name: /^Previous\s*page$/ })
        .getAttribute('href'),
    ).toBe(`${libraryAddress}?scope=national`);
    expect(screen.getByRole('link', { name: 'Sharing and imports' }).getAttribute('href')).toBe(
      `${libraryAddress}/settings`,
    );
  });

  it('helps when nothing matches, and offers no settings to those who may not manage them', async () => {
    renderLibrary(
      {
        [`GET ${libraryApi}?q=zebra`]: {
          status: 200,
          body: searchBody({ entries: [], abilities: { manage: false } }),
        },
      },
      `${libraryAddress}?q=zebra`,
    );
    expect(await screen.findByText('No findings match. Try fewer filters or other words.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '0 findings' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Sharing and imports' })).toBeNull();
  });

  it('names the search box when the words are refused', async () => {
    renderLibrary(
      {
        [`GET ${libraryApi}?q=x`]: {
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'There is a problem',
              details: { fields: [{ path: 'q', message: 'Search for 200 characters or fewer' }] },
            },
          },
        },
      },
      `${libraryAddress}?q=x`,
    );
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Search for 200 characters or fewer' })).toBeTruthy();
    expect(screen.getByLabelText('Search findings').getAttribute('aria-describedby')).toBe('q-hint q-error');
  });

  it('shows Library and Analytics in the menu to those who may use them', async () => {
    const session = sessionBody();
    const membership = session.memberships[0] as (typeof session.memberships)[number];
    membership.abilities = { ...membership.abilities, viewLibrary: true, viewAnalytics: false } as never;
    mockApi({
      'GET /api/session': { status: 200, body: session },
      [`GET ${libraryApi}`]: { status: 200, body: searchBody() },
    });
    renderApp(`/partnerships/${demoPartnershipId}/library`);
    const menu = await screen.findByRole('navigation', { name: 'Menu' });
    const library = await within(menu).findByRole('link', { name: 'Library' });
    expect(library.getAttribute('href')).toBe(libraryAddress);
    expect(library.getAttribute('aria-current')).toBe('page');
    expect(within(menu).queryByRole('link', { name: 'Analytics' })).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Learning library' })).toBeTruthy();
  });
});
