import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { comparisonBody, reportAddress, reportApi } from './report-fixtures.ts';
import { expectWellFormed, renderReport } from './report-testing.tsx';

describe('comparing two versions', { timeout: 30_000 }, () => {
  it('shows each section with its status and the words added and removed', async () => {
    renderReport(`${reportAddress}/compare?from=1&to=2`, {
      [`GET ${reportApi}/compare?from=1&to=2`]: { status: 200, body: comparisonBody },
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Compare version 1 with version 2' }),
    ).toBeTruthy();
    expect(screen.getByText(/2 of 3 sections changed/)).toBeTruthy();

    const changed = screen.getByRole('region', { name: 'Why this case was chosen' });
    expect(within(changed).getByRole('heading', { level: 3 }).textContent).toBe(
      'Why this case was chosen Changed',
    );
    expect(changed.querySelector('ins')?.textContent).toBe('[added: learn]');
    expect(changed.querySelector('del')?.textContent).toBe('[removed: know]');
    expect(
      within(changed).getByText('[added:', { exact: false, selector: '.govuk-visually-hidden' }),
    ).toBeTruthy();
    expect(changed.querySelector('.app-report-changes')?.textContent).toBe(
      'The partners wanted to [removed: know][added: learn] how agencies share information.',
    );
    expect(
      within(screen.getByRole('region', { name: 'The case as a window on the system' })).getByText(
        'New text.',
      ),
    ).toBeTruthy();
    const unchanged = screen.getByRole('region', { name: 'Summary of findings' });
    expect(within(unchanged).getByText('Unchanged')).toBeTruthy();
    expect(unchanged.querySelector('ins, del')).toBeNull();

    const form = screen.getByRole('form', { name: 'Compare two versions' });
    expect((within(form).getByLabelText('Earlier version') as HTMLSelectElement).value).toBe('1');
    expectWellFormed();
  });

  it('says when the server cannot make the comparison', async () => {
    renderReport(`${reportAddress}/compare?from=2&to=2`, {
      [`GET ${reportApi}/compare?from=2&to=2`]: {
        status: 400,
        body: { error: { code: 'validation_failed', message: 'Choose two different versions to compare.' } },
      },
    });
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Choose two different versions to compare.')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Compare two versions' })).toBeTruthy();
  });
});
