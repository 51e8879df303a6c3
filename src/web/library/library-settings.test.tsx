import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders } from '../testing/render.tsx';
import { importId, libraryAddress, libraryApi, settingsBody } from './library-fixtures.ts';
import { LibraryRoutes } from './library-routes.tsx';

type ApiRoutes = Parameters<typeof mockApi>[0];
const settingsApi = `${libraryApi}/settings`;

function renderSettings(routes: ApiRoutes) {
  const calls = mockApi({ [`GET ${settingsApi}`]: { status: 200, body: settingsBody() }, ...routes });
  renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/library/*" element={<LibraryRoutes />} />
    </Routes>,
    `${libraryAddress}/settings`,
  );
  return calls;
}

const sharingQuestion = 'Share our published, anonymised findings with every partnership?';
const csv = 'review_title,review_type,published_on,statement\nChild T,lcspr,2022-05-31,Forms hide doubt.\n';

describe('sharing and imports', { timeout: 30_000 }, () => {
  it('saves the choice to share, with the version it began from', async () => {
    const calls = renderSettings({
      [`PUT ${settingsApi}`]: ({ body }) => ({
        status: 200,
        body: settingsBody({ ...(body as { shareNationally: boolean }), version: 1 }),
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sharing and imports' })).toBeTruthy();
    const question = screen.getByRole('group', { name: sharingQuestion });
    expect(within(question).getByText(/Findings that are not yet published are never shared/)).toBeTruthy();
    expect(within(question).getByText(/12 published findings would be shared now/)).toBeTruthy();
    expect(
      (within(question).getByLabelText('No, keep them to our partnership') as HTMLInputElement).checked,
    ).toBe(true);
    await userEvent.click(within(question).getByLabelText('Yes, share them'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Our published findings are now shared with every partnership'),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ version: 0, shareNationally: true });
  });

  it('shows the setting as it now is when someone else changed it first, and saves on that version', async () => {
    const current = settingsBody({
      shareNationally: true,
      version: 2,
      changedAt: '2026-03-01T09:00:00.000Z',
    });
    let puts = 0;
    const calls = renderSettings({
      [`PUT ${settingsApi}`]: () => {
        puts += 1;
        return puts === 1
          ? {
              status: 409,
              body: {
                error: {
                  code: 'stale_version',
                  message: 'Someone else changed the settings.',
                  details: { current },
                },
              },
            }
          : { status: 200, body: settingsBody({ shareNationally: false, version: 3 }) };
      },
    });
    const question = await screen.findByRole('group', { name: sharingQuestion });
    await userEvent.click(within(question).getByLabelText('No, keep them to our partnership'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByText(/Someone else changed this setting while you were looking at it/),
    ).toBeTruthy();
    expect(
      within(summary).getByText(/Our published findings are now shared with every partnership\./),
    ).toBeTruthy();
    expect((within(question).getByLabelText('Yes, share them') as HTMLInputElement).checked).toBe(true);

    await userEvent.click(within(question).getByLabelText('No, keep them to our partnership'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Our published findings are no longer shared with other partnerships'),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { version: 0, shareNationally: false },
      { version: 2, shareNationally: false },
    ]);
  });

  it('lists each problem of an import by its row and column, and imports nothing', async () => {
    const calls = renderSettings({
      [`POST ${libraryApi}/imports`]: {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'The file has problems.',
            details: {
              rows: [
                {
                  row: 3,
                  column: 'review_type',
                  message: 'Choose one of lcspr, scr, learning_review, themed_review',
                },
                { row: 5, column: 'published_on', message: 'Enter a real date, like 2022-05-31' },
              ],
            },
          },
        },
      },
    });
    const upload = await screen.findByLabelText('Upload a CSV file');
    const columns = screen.getByRole('table', { name: 'The columns of the file' });
    expect(within(columns).getByRole('rowheader', { name: 'statement' })).toBeTruthy();
    expect(within(columns).getByText('The finding in one sentence')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download the CSV template' }).getAttribute('href')).toBe(
      `${libraryApi}/import-template`,
    );
    await userEvent.upload(upload, new File([csv], 'older.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import findings' }));

    const summary = await screen.findByRole('alert');
    const problems = within(summary)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(problems).toEqual([
      'Row 3, column review_type: Choose one of lcspr, scr, learning_review, themed_review',
      'Row 5, column published_on: Enter a real date, like 2022-05-31',
    ]);
    expect(within(summary).getAllByRole('link')[0]?.getAttribute('href')).toBe('#import-file');
    expect(screen.getByText(/The file has 2 problems\. Nothing was imported/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ fileName: 'older.csv', csv });
  });

  it('says how many findings and reviews an import brought in', async () => {
    renderSettings({
      [`POST ${libraryApi}/imports`]: { status: 201, body: { id: importId, rows: 3, reviews: 2 } },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Import findings' }));
    expect(await screen.findByText('Choose a CSV file to import', { selector: 'a' })).toBeTruthy();
    await userEvent.upload(screen.getByLabelText('Upload a CSV file'), new File([csv], 'older.csv'));
    await userEvent.click(screen.getByRole('button', { name: 'Import findings' }));
    expect(await screen.findByText('3 findings from 2 reviews imported')).toBeTruthy();
  });

  it('removes an import after asking', async () => {
    const calls = renderSettings({ [`DELETE ${libraryApi}/imports/${importId}`]: { status: 204 } });
    const imports = await screen.findByRole('region', { name: 'Previous imports' });
    const remove = within(imports).getByRole('button', { name: /^Remove/ });
    await userEvent.click(remove);
    expect(document.activeElement?.textContent).toMatch(
      /^Are you sure you want to remove the 8 findings imported/,
    );
    await userEvent.click(within(imports).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Remove/));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(within(imports).getByRole('button', { name: /^Remove/ }));
    await userEvent.click(within(imports).getByRole('button', { name: /^Yes, remove them/ }));
    expect(
      await screen.findByText('The findings imported from older-findings.csv have been removed'),
    ).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE' && c.path === `${libraryApi}/imports/${importId}`)).toBe(
      true,
    );
  });
});
