import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { threadBody, threadList } from '../quality/fixtures.ts';
import type { SupervisionThreadDto } from '../quality/supervision-api.ts';
import { leadReviewer, reportAddress, reviewApi, versionApi, versionBody } from './report-fixtures.ts';
import { expectWellFormed, renderReport, write } from './report-testing.tsx';

const at = `${reportAddress}/versions/2`;
const supervisionApi = `${reviewApi}/supervision`;
const threadsApi = `${supervisionApi}?targetType=report_section`;
const seeing = { ...leadReviewer.abilities, viewSupervision: true, answerSupervision: true };
const supervisor = { ...leadReviewer, abilities: { ...seeing, addSupervisionComment: true } };
const trainee = { ...leadReviewer, abilities: seeing };

const onSection = threadBody({
  targetType: 'report_section',
  targetId: 'introduction.why-this-case',
  targetLabel: 'Report: Why this case was chosen',
  body: 'Say more about what the partners hoped to learn.',
  abilities: { reply: true, resolve: true },
});

const region = async () => screen.findByRole('region', { name: 'Supervision on the report' });

describe('supervision on the report', { timeout: 30_000 }, () => {
  it('lets a supervisor comment on a section of the version chosen by its title', async () => {
    let threads: SupervisionThreadDto[] = [];
    const calls = renderReport(
      at,
      {
        [`GET ${versionApi(2)}`]: { status: 200, body: versionBody() },
        [`GET ${threadsApi}`]: () => ({ status: 200, body: threadList(threads, true) }),
        [`POST ${supervisionApi}`]: ({ body }) => {
          const sent = body as { targetId: string; body: string };
          threads = [
            threadBody({
              targetType: 'report_section',
              targetId: sent.targetId,
              targetLabel: 'Report: Finding 1: Call-outs do not reach health visitors',
              body: sent.body,
            }),
          ];
          return { status: 201, body: threads[0] };
        },
      },
      supervisor,
    );
    const section = await region();
    expect(await within(section).findByText('There are no supervision comments on the report.')).toBeTruthy();
    const choose = within(section).getByLabelText('Which section is your comment about?');
    expect(
      within(choose).getByRole('option', { name: 'Introduction – Why this case was chosen' }),
    ).toBeTruthy();
    expect(within(choose).getByRole('option', { name: 'Summary of findings' })).toBeTruthy();

    await userEvent.click(within(section).getByRole('button', { name: 'Add supervision comment' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getByRole('link', { name: 'Choose the section of the report your comment is about' })
        .getAttribute('href'),
    ).toBe('#report-supervision-section');
    expect(within(summary).getByRole('link', { name: 'Enter your comment' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.selectOptions(choose, 'findings.finding-1');
    await write(
      within(section).getByLabelText('Your supervision comment'),
      'Is this finding about the system?',
    );
    await userEvent.click(within(section).getByRole('button', { name: 'Add supervision comment' }));
    expect(await screen.findByText('Your supervision comment has been added')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path === supervisionApi)?.body).toEqual({
      targetType: 'report_section',
      targetId: 'findings.finding-1',
      body: 'Is this finding about the system?',
    });
    const list = await within(section).findByRole('list', { name: 'Supervision comments on the report' });
    expect(
      within(list).getByRole('heading', {
        level: 3,
        name: 'Report: Finding 1: Call-outs do not reach health visitors',
      }),
    ).toBeTruthy();
    expect((choose as HTMLSelectElement).value).toBe('');
    expectWellFormed();
  });

  it('shows a refusal about the section against the select', async () => {
    renderReport(
      at,
      {
        [`GET ${versionApi(2)}`]: { status: 200, body: versionBody() },
        [`GET ${threadsApi}`]: { status: 200, body: threadList([], true) },
        [`POST ${supervisionApi}`]: {
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'There is a problem with what you entered.',
              details: {
                fields: [{ path: 'targetId', message: 'Choose a section of the review’s report' }],
              },
            },
          },
        },
      },
      supervisor,
    );
    const section = await region();
    await userEvent.selectOptions(
      await within(section).findByLabelText('Which section is your comment about?'),
      'findings-summary',
    );
    await write(within(section).getByLabelText('Your supervision comment'), 'Check the table.');
    await userEvent.click(within(section).getByRole('button', { name: 'Add supervision comment' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getByRole('link', { name: 'Choose a section of the review’s report' })
        .getAttribute('href'),
    ).toBe('#report-supervision-section');
  });

  it('lets a reviewer answer the threads on the report, without the form to open one', async () => {
    const calls = renderReport(
      at,
      {
        [`GET ${versionApi(2)}`]: { status: 200, body: versionBody() },
        [`GET ${threadsApi}`]: { status: 200, body: threadList([onSection]) },
        [`POST ${supervisionApi}/${onSection.id}/replies`]: { status: 201, body: onSection },
      },
      trainee,
    );
    const section = await region();
    const list = await within(section).findByRole('list', { name: 'Supervision comments on the report' });
    expect(
      within(list).getByRole('heading', { level: 3, name: 'Report: Why this case was chosen' }),
    ).toBeTruthy();
    expect(within(list).getByText('Say more about what the partners hoped to learn.')).toBeTruthy();
    expect(within(section).queryByLabelText('Your supervision comment')).toBeNull();

    await write(within(list).getByLabelText('Your reply'), 'Added a paragraph on it.');
    await userEvent.click(within(list).getByRole('button', { name: /Send reply/ }));
    expect(await screen.findByText('Your reply has been added')).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/replies'))?.body).toEqual({
      body: 'Added a paragraph on it.',
    });
    expectWellFormed();
  });

  it('is not shown to those who do not see supervision', async () => {
    const calls = renderReport(at, { [`GET ${versionApi(2)}`]: { status: 200, body: versionBody() } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Version 2' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Supervision on the report' })).toBeNull();
    expect(calls.some((c) => c.path.startsWith(supervisionApi))).toBe(false);
  });
});
