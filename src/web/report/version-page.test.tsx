import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDate, todayIso } from '../review/dates.ts';
import {
  acknowledgedHit,
  boardMember,
  caseGroupMember,
  caseGroupVersionBody,
  circulationBody,
  circulationId,
  commentBody,
  commentId,
  hitBody,
  postcodeHit,
  reportAddress,
  reportApi,
  reportBody,
  versionApi,
  versionBody,
} from './report-fixtures.ts';
import { expectWellFormed, renderReport, write } from './report-testing.tsx';

const at = `${reportAddress}/versions/2`;
const api = versionApi(2);

describe('a version of the report', { timeout: 30_000 }, () => {
  it('shows where it stands, its files, the scan hits in context and a preview', async () => {
    renderReport(at, { [`GET ${api}`]: { status: 200, body: versionBody() } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Version 2' })).toBeTruthy();
    const pdf = screen.getByRole('link', { name: 'Download version 2 as a PDF' });
    expect(pdf.getAttribute('href')).toBe(`${api}/files/pdf`);
    expect(document.getElementById(pdf.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /Tagged/,
    );
    expect(screen.getByRole('link', { name: 'Download version 2 as a Word document (DOCX)' })).toBeTruthy();

    const hits = screen.getByRole('list', { name: 'What the scan found' });
    const items = within(hits).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[1] as HTMLElement).getByText('Postcode')).toBeTruthy();
    expect(within(items[1] as HTMLElement).getByText('In Why this case was chosen')).toBeTruthy();
    expect(items[1]?.querySelector('mark')?.textContent).toBe('LS1 4AB');
    expect(within(items[2] as HTMLElement).getByText('The public duty line.')).toBeTruthy();
    expect(items[2]?.textContent).toContain('by Morgan Manager');
    expect(screen.getByText('The scan found 3 things: 2 still to check.')).toBeTruthy();

    expect(screen.getByRole('list', { name: 'Sections not written yet' }).textContent).toContain(
      'Acknowledgements',
    );
    expect(screen.getByText(/‘Smith’ in Why this case was chosen: could be Ellie or Mum/)).toBeTruthy();

    const preview = screen.getByRole('region', { name: 'Preview of version 2' });
    expect(within(preview).getByRole('heading', { level: 3, name: 'Introduction' })).toBeTruthy();
    expect(within(preview).getByRole('heading', { level: 4, name: 'Why this case was chosen' })).toBeTruthy();
    expect(within(preview).getByRole('heading', { level: 5, name: 'Issues for the board' })).toBeTruthy();
    const table = within(preview).getByRole('table', { name: 'The findings' });
    expect(within(table).getByRole('columnheader', { name: 'Finding' }).getAttribute('scope')).toBe('col');
    expect(within(table).getByRole('rowheader', { name: '1' }).getAttribute('scope')).toBe('row');
    expectWellFormed();
  });

  it('acknowledges a hit with a reason', async () => {
    const calls = renderReport(at, {
      [`GET ${api}`]: { status: 200, body: versionBody() },
      [`POST ${api}/acknowledgements`]: ({ body }) => ({
        status: 200,
        body: versionBody({
          unacknowledgedCount: 1,
          scan: {
            scannedAt: '2027-02-01T17:05:00.000Z',
            hits: [
              hitBody(),
              {
                ...postcodeHit,
                acknowledgement: {
                  reason: (body as { reason: string }).reason,
                  byName: 'Lee Lead',
                  at: '2027-02-01T17:20:00.000Z',
                },
              },
              acknowledgedHit,
            ],
          },
        }),
      }),
    });
    await screen.findByRole('list', { name: 'What the scan found' });
    const reveal = screen.getAllByText(/It may stay/, { selector: '.govuk-details__summary-text' });
    expect(reveal).toHaveLength(2);
    await userEvent.click(reveal[1] as HTMLElement);
    const form = screen.getByRole('form', { name: 'Acknowledge ‘LS1 4AB’ in Why this case was chosen' });
    await userEvent.click(within(form).getByRole('button', { name: /Acknowledge/ }));
    expect(
      await screen.findByText('Say why ‘LS1 4AB’ may stay in the report', { selector: 'a' }),
    ).toBeTruthy();
    await write(
      within(form).getByLabelText('Why may it stay in the report?'),
      'The postcode of the hospital.',
    );
    await userEvent.click(within(form).getByRole('button', { name: /Acknowledge/ }));
    expect(await screen.findByText('‘LS1 4AB’ has been acknowledged')).toBeTruthy();
    expect(calls.find((c) => c.path === `${api}/acknowledgements`)?.body).toEqual({
      key: postcodeHit.key,
      reason: 'The postcode of the hospital.',
    });
    expect(screen.getByText('The postcode of the hospital.')).toBeTruthy();
  });

  it('says why the version cannot be marked publishable yet', async () => {
    renderReport(at, {
      [`GET ${api}`]: { status: 200, body: versionBody() },
      [`POST ${api}/publishable`]: {
        status: 409,
        body: {
          error: {
            code: 'not_publishable',
            message:
              'Acknowledge every hit of the identifier scan, with a reason, before the version can be published.',
            details: { unacknowledged: [hitBody().key, postcodeHit.key] },
          },
        },
      },
    });
    const section = await screen.findByRole('region', { name: 'Mark as publishable' });
    expect(within(section).getByText(/only when the identifier scan found nothing/)).toBeTruthy();
    await userEvent.click(within(section).getByRole('button', { name: 'Mark as publishable' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Acknowledge every hit of the identifier scan/)).toBeTruthy();
    expect(within(summary).getByText(/Acknowledge ‘LS1 4AB’ in Why this case was chosen/)).toBeTruthy();
  });

  it('records the next step of the sign-off chain', async () => {
    const calls = renderReport(at, {
      [`GET ${api}`]: { status: 200, body: versionBody() },
      [`POST ${api}/sign-offs`]: {
        status: 200,
        body: versionBody({
          signOffStatus: 'in_progress',
          signOffStatusLabel: 'In progress',
          signOffs: [
            {
              step: 0,
              stepLabel: 'Lead reviewers',
              outcome: 'approved',
              outcomeLabel: 'Approved',
              note: null,
              byName: 'Lee Lead',
              at: '2027-02-04T12:00:00.000Z',
            },
          ],
          nextSignOffStep: { step: 1, label: 'Review team' },
        }),
      },
    });
    const steps = await screen.findByRole('list', { name: 'Steps of the sign-off chain' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('h3')?.textContent),
    ).toEqual(['1. Lead reviewers', '2. Review team', '3. Safeguarding partners']);
    const outcome = screen.getByRole('group', { name: 'Outcome of step 1: Lead reviewers' });
    await userEvent.click(within(outcome).getByLabelText('Changes requested'));
    await userEvent.click(screen.getByRole('button', { name: 'Record the outcome' }));
    expect(await screen.findByText('Say what needs to change', { selector: 'a' })).toBeTruthy();
    await userEvent.click(within(outcome).getByLabelText('Approved'));
    await userEvent.click(screen.getByRole('button', { name: 'Record the outcome' }));
    expect(await screen.findByText('The outcome of step 1 (Lead reviewers) has been recorded')).toBeTruthy();
    expect(calls.find((c) => c.path === `${api}/sign-offs`)?.body).toEqual({ step: 0, outcome: 'approved' });
    expect(screen.getByRole('group', { name: 'Outcome of step 2: Review team' })).toBeTruthy();
  });

  it('circulates the version to an audience until a date', async () => {
    const calls = renderReport(at, {
      [`GET ${api}`]: { status: 200, body: versionBody() },
      [`POST ${api}/circulations`]: {
        status: 201,
        body: versionBody({ circulatedTo: ['case_group'], circulations: [circulationBody()] }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Circulate this version' });
    await userEvent.click(within(form).getByLabelText('The case group'));
    const date = within(form).getByRole('group', { name: 'When do comments close?' });
    await userEvent.type(within(date).getByLabelText('Day'), '1');
    await userEvent.type(within(date).getByLabelText('Month'), '3');
    await userEvent.type(within(date).getByLabelText('Year'), '2099');
    await write(within(form).getByLabelText('Note to readers (optional)'), 'Please check the episodes.');
    await userEvent.click(within(form).getByRole('button', { name: 'Circulate the version' }));
    expect(await screen.findByText('The version has been circulated to the case group')).toBeTruthy();
    expect(calls.find((c) => c.path === `${api}/circulations`)?.body).toEqual({
      audience: 'case_group',
      closesOn: '2099-03-01',
      note: 'Please check the episodes.',
    });
    const rounds = screen.getByRole('list', { name: 'Rounds of circulation' });
    expect(within(rounds).getByText('Open')).toBeTruthy();
    expect(within(rounds).getByRole('button', { name: 'Close this round for the case group' })).toBeTruthy();
  });

  it('shows a round whose closing date has passed as closed, even though nobody closed it', async () => {
    renderReport(at, {
      [`GET ${api}`]: {
        status: 200,
        body: versionBody({
          circulatedTo: ['case_group'],
          circulations: [
            circulationBody({ closesOn: '2020-01-31', abilities: { comment: true, close: true } }),
          ],
        }),
      },
    });
    const rounds = await screen.findByRole('list', { name: 'Rounds of circulation' });
    expect(within(rounds).getByText('Closed')).toBeTruthy();
    expect(within(rounds).queryByText('Open')).toBeNull();
    expect(within(rounds).getByText(/Comments closed on 31 January 2020\./)).toBeTruthy();
    expect(within(rounds).queryByRole('button', { name: /Close this round/ })).toBeNull();
    expect(within(rounds).queryByRole('form', { name: /Comment for/ })).toBeNull();
  });

  it('keeps a round open on its closing day, and says when it was closed by hand', async () => {
    const closed = '9c1d2e3f-7777-4000-8000-000000000002';
    renderReport(at, {
      [`GET ${api}`]: {
        status: 200,
        body: versionBody({
          circulatedTo: ['case_group', 'family'],
          circulations: [
            circulationBody({ closesOn: todayIso() }),
            circulationBody({
              id: closed,
              audience: 'family',
              audienceLabel: 'The family',
              closedAt: '2027-02-03T12:00:00.000Z',
              abilities: { comment: false, close: false },
            }),
          ],
        }),
      },
    });
    const rounds = await screen.findByRole('list', { name: 'Rounds of circulation' });
    const [today, family] = within(rounds)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === rounds);
    expect(within(today as HTMLElement).getByText('Open')).toBeTruthy();
    expect(today?.textContent).toContain(`Comments close on ${formatDate(todayIso())}.`);
    expect(within(family as HTMLElement).getByText('Closed')).toBeTruthy();
    expect(family?.textContent).toMatch(/Closed on 3 February 2027/);
  });

  it('resolves a comment, saying how it was dealt with', async () => {
    const withComment = versionBody({ circulations: [circulationBody({ comments: [commentBody()] })] });
    const calls = renderReport(at, {
      [`GET ${api}`]: { status: 200, body: withComment },
      [`POST ${api}/comments/${commentId}/resolve`]: {
        status: 200,
        body: versionBody({
          circulations: [
            circulationBody({
              comments: [
                commentBody({
                  resolution: 'not_changed',
                  resolutionLabel: 'Not changed, with a reason',
                  response: 'The records show otherwise.',
                  resolvedByName: 'Lee Lead',
                  resolvedAt: '2027-02-05T09:00:00.000Z',
                }),
              ],
            }),
          ],
        }),
      },
    });
    const comments = await screen.findByRole('list', { name: 'Comments from the case group' });
    expect(within(comments).getByText('The health visitor did hear about the second call-out.')).toBeTruthy();
    expect(
      within(comments).getByRole('link', { name: 'Why this case was chosen' }).getAttribute('href'),
    ).toBe('#preview-introduction-why-this-case');
    await userEvent.click(within(comments).getByText('Resolve', { exact: false, selector: 'span' }));
    const form = screen.getByRole('form', {
      name: 'Resolve the comment from Pat Practitioner on Why this case was chosen',
    });
    await userEvent.click(within(form).getByLabelText('Not changed, with a reason'));
    await write(within(form).getByLabelText('Response'), 'The records show otherwise.');
    await userEvent.click(within(form).getByRole('button', { name: /Resolve the comment/ }));
    expect(await screen.findByText('The comment from Pat Practitioner has been resolved')).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/resolve'))?.body).toEqual({
      resolution: 'not_changed',
      response: 'The records show otherwise.',
    });
    expect(within(comments).getByText('Not changed, with a reason')).toBeTruthy();
  });

  it('lets someone in the case group comment on a section, without the checks of the review team', async () => {
    const calls = renderReport(
      at,
      {
        [`GET ${reportApi}`]: {
          status: 200,
          body: reportBody({ narrative: [], abilities: { edit: false, generate: false } }),
        },
        [`GET ${api}`]: { status: 200, body: caseGroupVersionBody() },
        [`POST ${api}/circulations/${circulationId}/comments`]: {
          status: 201,
          body: caseGroupVersionBody({
            circulations: [
              circulationBody({
                abilities: { comment: true, close: false },
                comments: [commentBody({ abilities: { resolve: false } })],
              }),
            ],
          }),
        },
      },
      caseGroupMember,
    );
    expect(await screen.findByText(/This is a draft, shared with you for comment/)).toBeTruthy();
    expect(screen.getByText(/not at who was to blame/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Identifier scan' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Sign-off' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Mark as publishable' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Acknowledge/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record the outcome' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Circulate this version' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Close this round/ })).toBeNull();

    const form = screen.getByRole('form', { name: 'Comment for the case group' });
    const section = within(form).getByLabelText('Which part of the report is your comment about?');
    expect(
      within(section).getByRole('option', { name: 'Introduction – Why this case was chosen' }),
    ).toBeTruthy();
    expect(
      within(section).getByRole('option', {
        name: 'Findings – Finding 1: Call-outs do not reach health visitors',
      }),
    ).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Send the comment' }));
    expect(
      await screen.findByText('Choose the part of the report your comment is about', { selector: 'a' }),
    ).toBeTruthy();
    await userEvent.selectOptions(section, 'introduction.why-this-case');
    await write(
      within(form).getByLabelText('Your comment'),
      'The health visitor did hear about the second call-out.',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Send the comment' }));
    expect(
      await screen.findByText('Thank you. Your comment has been sent to the lead reviewers'),
    ).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/comments'))?.body).toEqual({
      sectionId: 'introduction.why-this-case',
      body: 'The health visitor did hear about the second call-out.',
    });
    expect(screen.getByRole('list', { name: 'Comments from the case group' }).textContent).toContain(
      'Not dealt with yet',
    );
    expectWellFormed();
  });

  it('shows a board member the signed-off report without the drafting checks', async () => {
    renderReport(
      at,
      {
        [`GET ${reportApi}`]: {
          status: 200,
          body: reportBody({ narrative: [], abilities: { edit: false, generate: false } }),
        },
        [`GET ${api}`]: {
          status: 200,
          body: caseGroupVersionBody({
            signOffStatus: 'signed_off',
            signOffStatusLabel: 'Signed off',
            circulations: [],
          }),
        },
      },
      boardMember,
    );
    expect(await screen.findByText('This is the report as signed off.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Preview of version 2' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: /Circulation|Your comments/ })).toBeNull();
  });
});
