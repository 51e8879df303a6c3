import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  boardMember,
  caseGroupMember,
  reportAddress,
  reportApi,
  reportBody,
  versionApi,
  versionBody,
  versionSummaryBody,
} from './report-fixtures.ts';
import { expectWellFormed, holdBack, renderReport, write } from './report-testing.tsx';

const whyLabel = 'Why this case was chosen';

describe('the report page', { timeout: 30_000 }, () => {
  it('lists the versions with where each stands, and the sections to write with their hints', async () => {
    renderReport(reportAddress, {
      [`GET ${reportApi}`]: {
        status: 200,
        body: reportBody({
          versions: [
            versionSummaryBody({
              number: 2,
              circulatedTo: ['case_group', 'agencies'],
              signOffStatus: 'in_progress',
              signOffStatusLabel: 'In progress',
            }),
            versionSummaryBody({
              number: 1,
              note: null,
              hitCount: 0,
              unacknowledgedCount: 0,
              publishable: true,
            }),
          ],
        }),
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Report' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Review sections' });
    expect(within(nav).getByRole('link', { name: 'Report' }).getAttribute('aria-current')).toBe('page');

    const table = screen.getByRole('table', { name: 'Versions of the report, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link', { name: 'Version 2' })
        .getAttribute('href'),
    ).toBe(`${reportAddress}/versions/2`);
    expect(rows[0]?.textContent).toContain('After the review team meeting');
    expect(rows[0]?.textContent).toContain('by Lee Lead');
    expect(within(rows[0] as HTMLElement).getByText('3 to check')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('In progress')).toBeTruthy();
    expect(
      within(rows[0] as HTMLElement).getByText('The case group, agencies, for factual accuracy'),
    ).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Clean')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Publishable')).toBeTruthy();

    const why = screen.getByLabelText(whyLabel) as HTMLTextAreaElement;
    expect(why.value).toBe('The partners wanted to learn how agencies share information.');
    expect(
      document.getElementById(why.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent,
    ).toBe('Why the safeguarding partners decided to review this case, and what they hoped to learn.');
    expect(
      (screen.getByLabelText('Methodology and how hindsight was limited') as HTMLTextAreaElement).value,
    ).toMatch(/Learning Together systems model/);
    expect(screen.getByRole('button', { name: 'Generate a new version' })).toBeTruthy();
    expectWellFormed();
  });

  it('saves the sections with the draft version the form began from', async () => {
    const calls = renderReport(reportAddress, {
      [`PUT ${reportApi}/narrative`]: { status: 200, body: reportBody({ version: 5 }) },
    });
    await write(await screen.findByLabelText('Acknowledgements'), 'Thank you to the case group.');
    await userEvent.click(screen.getByRole('button', { name: 'Save the sections' }));
    expect(await screen.findByText('The sections have been saved')).toBeTruthy();
    const sent = calls.find((c) => c.method === 'PUT')?.body as {
      version: number;
      sections: Record<string, string>;
    };
    expect(sent.version).toBe(4);
    expect(sent.sections.acknowledgements).toBe('Thank you to the case group.');
    expect(sent.sections.whyThisCase).toBe('The partners wanted to learn how agencies share information.');
    expect(Object.keys(sent.sections)).toHaveLength(9);
  });

  it('reloads when someone else saved first, keeping the unsaved wording in view', async () => {
    let reads = 0;
    renderReport(reportAddress, {
      [`GET ${reportApi}`]: () => {
        reads += 1;
        const body = reportBody();
        if (reads > 1)
          body.narrative = body.narrative.map((s) =>
            s.key === 'whyThisCase' ? { ...s, text: 'Their words' } : s,
          );
        return { status: 200, body: reads > 1 ? { ...body, version: 5 } : body };
      },
      [`PUT ${reportApi}/narrative`]: {
        status: 409,
        body: { error: { code: 'stale_version', message: 'Someone else changed the report.', details: {} } },
      },
    });
    const why = (await screen.findByLabelText(whyLabel)) as HTMLTextAreaElement;
    await userEvent.clear(why);
    await write(why, 'My words');
    await userEvent.click(screen.getByRole('button', { name: 'Save the sections' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Someone else saved the sections/)).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByLabelText(whyLabel) as HTMLTextAreaElement).value).toBe('Their words'),
    );
    expect(screen.getByText('Your wording that was not saved')).toBeTruthy();
    expect(screen.getByText('My words')).toBeTruthy();
  });

  it('shows a field error from the server against its section', async () => {
    renderReport(reportAddress, {
      [`PUT ${reportApi}/narrative`]: {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'There is a problem with what you entered.',
            details: {
              fields: [
                {
                  path: 'sections.caseSummary',
                  message: 'A short summary of the case must be 30000 characters or fewer',
                },
              ],
            },
          },
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Save the sections' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: /must be 30000 characters or fewer/ });
    expect(link.getAttribute('href')).toBe('#caseSummary');
  });

  it('generates a new version, saying it is in progress, then opens it', async () => {
    const calls = renderReport(reportAddress, {
      [`POST ${reportApi}/versions`]: { status: 201, body: versionBody({ number: 3 }) },
      [`GET ${versionApi(3)}`]: { status: 200, body: versionBody({ number: 3 }) },
    });
    const release = holdBack('/report/versions');
    await write(await screen.findByLabelText('Note about this version (optional)'), 'After the case group');
    await userEvent.click(screen.getByRole('button', { name: 'Generate a new version' }));
    expect(await screen.findByText('Generating the report. This can take a few seconds.')).toBeTruthy();
    release();
    expect(await screen.findByRole('heading', { level: 1, name: 'Version 3' })).toBeTruthy();
    expect(screen.getByText('Version 3 has been generated')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path === `${reportApi}/versions`)?.body).toEqual({
      note: 'After the case group',
    });
  });

  it('asks for the sections to be saved before a new version is made', async () => {
    const calls = renderReport(reportAddress);
    await write(await screen.findByLabelText('Acknowledgements'), 'Thanks');
    expect(screen.getByText(/You have changes to the sections that are not saved/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Generate a new version' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Save your changes to the sections first/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/versions'))).toBe(false);
  });

  it('opens the comparison of the two versions chosen', async () => {
    renderReport(reportAddress, {
      [`GET ${reportApi}/compare?from=1&to=2`]: {
        status: 200,
        body: { from: 1, to: 2, sections: [] },
      },
    });
    const form = await screen.findByRole('form', { name: 'Compare two versions' });
    expect((within(form).getByLabelText('Earlier version') as HTMLSelectElement).value).toBe('1');
    expect((within(form).getByLabelText('Later version') as HTMLSelectElement).value).toBe('2');
    await userEvent.click(within(form).getByRole('button', { name: 'Compare the versions' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Compare version 1 with version 2' }),
    ).toBeTruthy();
  });

  it('shows someone in the case group only the versions circulated to them', async () => {
    renderReport(
      reportAddress,
      {
        [`GET ${reportApi}`]: {
          status: 200,
          body: reportBody({
            narrative: [],
            versions: [versionSummaryBody({ circulatedTo: ['case_group'] })],
            abilities: { edit: false, generate: false },
          }),
        },
      },
      caseGroupMember,
    );
    expect(
      await screen.findByText(/Drafts of the report appear here when the lead reviewers circulate them/),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Version 2' })).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Generate a new version' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Compare two versions' })).toBeNull();
    expectWellFormed();
  });

  it('tells a board member that only the signed-off report appears here, not drafts', async () => {
    renderReport(
      reportAddress,
      {
        [`GET ${reportApi}`]: {
          status: 200,
          body: reportBody({ narrative: [], versions: [], abilities: { edit: false, generate: false } }),
        },
      },
      boardMember,
    );
    expect(
      await screen.findByText(
        'The report appears here once it is signed off by the safeguarding partners. Drafts are not shared with board members.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/circulate them to you/)).toBeNull();
    expect(screen.getByText('There is nothing for you to read yet.')).toBeTruthy();
  });

  it('does not tell someone who is a board member and in the case group that drafts are never shared', async () => {
    renderReport(
      reportAddress,
      {
        [`GET ${reportApi}`]: {
          status: 200,
          body: reportBody({ narrative: [], versions: [], abilities: { edit: false, generate: false } }),
        },
      },
      { ...caseGroupMember, myRoles: ['Board member', 'Case group member'] },
    );
    expect(
      await screen.findByText(/Drafts of the report appear here when the lead reviewers circulate them/),
    ).toBeTruthy();
    expect(screen.queryByText(/not shared with board members/)).toBeNull();
  });
});
