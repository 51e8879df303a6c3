import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderWithProviders } from '../testing/render.tsx';
import type { EpisodeDto } from './api.ts';
import {
  caseGroupMember,
  commentId,
  episodeAddress,
  episodeApi,
  episodeBody,
  languageCheckReply,
  leadReviewer,
  policeId,
  referenceBody,
  reviewApi,
  tunnelBody,
} from './episode-fixtures.ts';
import { EpisodePage } from './episode-page.tsx';

type ApiRoutes = Parameters<typeof mockApi>[0];

function renderEpisode(routes: ApiRoutes, review = leadReviewer) {
  const calls = mockApi({
    [`GET ${reviewApi}`]: { status: 200, body: review },
    [`GET ${reviewApi}/reference`]: { status: 200, body: referenceBody },
    [`POST ${reviewApi}/language-check`]: languageCheckReply,
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route
        path="/partnerships/:partnershipId/reviews/:reviewId/episodes/:episodeId"
        element={<EpisodePage />}
      />
    </Routes>,
    episodeAddress,
  );
  return calls;
}

const heading = 'Episode 2: Home visit after the referral';

/** The page's structure holds: one h1, no repeated ids, every field labelled. */
function expectWellFormed() {
  expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  for (const field of document.querySelectorAll('input, select, textarea'))
    expect((field as HTMLInputElement).labels?.length ?? 0, field.id).toBeGreaterThan(0);
}

describe('key practice episode page', { timeout: 30_000 }, () => {
  it('saves what the reviewer changed, with the version the form began from', async () => {
    const calls = renderEpisode({
      [`GET ${episodeApi}`]: { status: 200, body: episodeBody() },
      [`PATCH ${episodeApi}`]: ({ body }) => ({
        status: 200,
        body: episodeBody({
          ...(body as Partial<EpisodeDto>),
          appraisal: { key: 'adequate', label: 'Adequate' },
          version: 5,
        }),
      }),
    });
    expect(await screen.findByRole('heading', { name: heading })).toBeTruthy();
    expect(screen.getByText('Draft', { selector: '.govuk-tag' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Back to the key practice episodes' })).toHaveLength(2);
    const appraisal = await screen.findByRole('group', { name: /How would you appraise the practice/ });
    expect(within(appraisal).getByText('Practice that met the expected standard.')).toBeTruthy();
    await userEvent.click(within(appraisal).getByLabelText('Adequate'));
    await userEvent.type(
      screen.getByLabelText('Why this appraisal'),
      'Visited within the time the procedure set',
    );
    await userEvent.selectOptions(
      screen.getByLabelText('What kind of standard is the practice judged against?'),
      'procedure',
    );
    await userEvent.clear(screen.getByLabelText('Roles involved'));
    await userEvent.type(screen.getByLabelText('Roles involved'), 'Response officer{Enter}Health visitor');
    expectWellFormed();
    await userEvent.click(screen.getByRole('button', { name: 'Save episode' }));

    expect(await screen.findByText('The episode has been saved')).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({
      version: 4,
      appraisal: 'adequate',
      appraisalRationale: 'Visited within the time the procedure set',
      standardKind: 'procedure',
      roles: ['Response officer', 'Health visitor'],
    });
  });

  it('shows the error summary and reloads when someone else changed the episode', async () => {
    let reads = 0;
    renderEpisode({
      [`GET ${episodeApi}`]: () => {
        reads += 1;
        return {
          status: 200,
          body: reads === 1 ? episodeBody() : episodeBody({ version: 6, hindsight: 'Their words' }),
        };
      },
      [`PATCH ${episodeApi}`]: {
        status: 409,
        body: { error: { code: 'stale_version', message: 'Someone else changed the episode.' } },
      },
    });
    await userEvent.type(
      await screen.findByLabelText('What is known now that was not known then'),
      'My words',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save episode' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Someone else changed this episode/)).toBeTruthy();
    await waitFor(() =>
      expect(
        (screen.getByLabelText('What is known now that was not known then') as HTMLTextAreaElement).value,
      ).toBe('Their words'),
    );
    expect(screen.getByText('Your wording that was not saved')).toBeTruthy();
    expect(screen.getByText('My words')).toBeTruthy();
    expect(reads).toBeGreaterThan(1);
  });

  it('flags hindsight and blame wording as the reviewer types, and replaces it', async () => {
    const calls = renderEpisode({ [`GET ${episodeApi}`]: { status: 200, body: episodeBody() } });
    const field = (await screen.findByLabelText('What happened in this episode')) as HTMLTextAreaElement;
    await userEvent.clear(field);
    await userEvent.type(field, 'The health visitor failed to visit.');
    expect(await screen.findByText('“failed to”', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText('Blame')).toBeTruthy();
    const status = document.getElementById('whatHappened-language');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.textContent).toBe('1 phrase to look at in what happened in this episode');
    expect(field.getAttribute('aria-describedby')).toContain('whatHappened-language');
    expect(screen.getByText('Keep this wording', { exact: false })).toBeTruthy();
    const checks = calls.filter((c) => c.path.endsWith('/language-check'));
    expect(checks.at(-1)?.body).toEqual({ text: 'The health visitor failed to visit.' });
    expect(checks.length).toBeLessThan(4);

    await userEvent.click(screen.getByRole('button', { name: /Replace with ‘did not’/ }));
    expect(field.value).toBe('The health visitor did not visit.');
    await waitFor(() => expect(screen.queryByText('“failed to”')).toBeNull(), { timeout: 3000 });
    expectWellFormed();
  });

  it('keeps saved wording with a reason', async () => {
    const text = 'The procedure says staff failed to record it.';
    const flag = {
      ruleId: 'failed-to',
      category: 'blame',
      phrase: 'failed to',
      start: 26,
      end: 35,
      reason: 'Blame',
      suggestion: 'Say what happened',
      replacement: 'did not',
      dismissed: false,
      dismissalReason: null,
    };
    const episode = episodeBody({
      whatHappened: text,
      languageFlags: [
        {
          entityType: 'episode',
          entityId: episodeBody().id,
          field: 'whatHappened',
          fieldLabel: 'What happened',
          flags: [flag],
        },
      ],
    });
    const calls = renderEpisode({
      [`GET ${episodeApi}`]: { status: 200, body: episode },
      [`POST ${reviewApi}/language-flags/dismissals`]: { status: 201, body: { dismissed: true } },
    });
    expect(await screen.findByText('“failed to”')).toBeTruthy();
    await userEvent.click(screen.getByText('Keep this wording', { exact: false }));
    await userEvent.type(screen.getByLabelText('Why should the wording stay?'), 'Quoting the procedure');
    await userEvent.click(screen.getByRole('button', { name: /Keep the wording/ }));
    expect(await screen.findByText('Quoting the procedure')).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/dismissals'))?.body).toEqual({
      entityType: 'episode',
      entityId: episode.id,
      field: 'whatHappened',
      ruleId: 'failed-to',
      phrase: 'failed to',
      reason: 'Quoting the procedure',
    });
    expect(calls.some((c) => c.path.endsWith('/language-check'))).toBe(false);
  });

  it('writes the appraisal with the tunnel view open', async () => {
    renderEpisode({
      [`GET ${episodeApi}`]: { status: 200, body: episodeBody() },
      [`GET ${reviewApi}/chronology/tunnel?agencyId=${policeId}&asOf=2026-04-20`]: {
        status: 200,
        body: tunnelBody,
      },
    });
    await userEvent.click(await screen.findByText('What the agencies involved knew by 20 April 2026'));
    expect(await screen.findByText(/Officers attended a report of shouting/)).toBeTruthy();
    expect(screen.getByText(/3 events not yet known to Police/)).toBeTruthy();
    const appraisal = screen.getByRole('group', { name: /How would you appraise the practice/ });
    await userEvent.click(within(appraisal).getByLabelText('Problematic'));
    await userEvent.type(screen.getByLabelText('Why this appraisal'), 'The referral was on file');
    expect(screen.getByText(/Officers attended a report of shouting/)).toBeTruthy();
    expect((within(appraisal).getByLabelText('Problematic') as HTMLInputElement).checked).toBe(true);
  });

  it('adds a contributory factor from the review’s factor framework', async () => {
    const withFactor = () =>
      episodeBody({
        factors: [
          {
            id: '4d5e6f70-2222-4000-8000-000000000001',
            group: 'conditions_of_work',
            groupLabel: 'Conditions of work',
            factorType: null,
            description: 'Caseload of 400 families',
            rank: 1,
            evidence: [],
            version: 1,
          },
        ],
      });
    let added = false;
    const calls = renderEpisode({
      [`GET ${episodeApi}`]: () => ({ status: 200, body: added ? withFactor() : episodeBody() }),
      [`POST ${episodeApi}/factors`]: () => {
        added = true;
        return { status: 201, body: withFactor() };
      },
    });
    const form = await screen.findByRole('form', { name: 'Add a contributory factor' });
    await userEvent.selectOptions(within(form).getByLabelText('Factor group'), 'conditions_of_work');
    const type = within(form).getByLabelText('Type of factor (optional)') as HTMLSelectElement;
    const firstType = type.options[1]?.value ?? '';
    await userEvent.selectOptions(type, firstType);
    await userEvent.type(
      within(form).getByLabelText('How it influenced what happened'),
      'Caseload of 400 families',
    );
    await userEvent.type(within(form).getByLabelText('Rank (optional)'), '1');
    await userEvent.click(within(form).getByRole('button', { name: 'Add the factor' }));
    expect(await screen.findByText('The contributory factor has been added')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/factors'))?.body).toEqual({
      group: 'conditions_of_work',
      factorType: firstType,
      description: 'Caseload of 400 families',
      rank: 1,
      evidence: [],
    });
    expect(screen.getByRole('heading', { name: '1. Conditions of work' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change the factor ranked 1' })).toBeTruthy();
  });

  it('lists why the status cannot move on yet', async () => {
    renderEpisode({
      [`GET ${episodeApi}`]: { status: 200, body: episodeBody() },
      [`POST ${episodeApi}/status`]: {
        status: 409,
        body: { error: { code: 'conflict', message: 'The episode is not ready to be agreed.' } },
      },
    });
    expect(await screen.findByText('Write how it looked at the time')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Mark as review team agreed' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('The episode is not ready to be agreed.')).toBeTruthy();
    expect(within(summary).getByText('Choose an appraisal of the practice')).toBeTruthy();
  });

  it('resolves a comment with how it was dealt with', async () => {
    const comment = {
      id: commentId,
      authorName: 'Lee Practitioner',
      authorRole: 'Case group member (Health visitor)',
      body: 'The visit was booked before the referral came in.',
      createdAt: '2026-05-02T09:00:00.000Z',
      resolvedAt: null,
      resolvedByName: null,
      resolution: null,
      mine: false,
    };
    const calls = renderEpisode({
      [`GET ${episodeApi}`]: { status: 200, body: episodeBody({ comments: [comment] }) },
      [`POST ${episodeApi}/comments/${commentId}/resolve`]: ({ body }) => ({
        status: 200,
        body: episodeBody({
          comments: [
            {
              ...comment,
              resolvedAt: '2026-05-03T09:00:00.000Z',
              resolvedByName: 'Helen Mercer',
              resolution: (body as { resolution: string }).resolution,
            },
          ],
        }),
      }),
    });
    expect(await screen.findByText('The visit was booked before the referral came in.')).toBeTruthy();
    await userEvent.click(
      screen.getByText('Resolve', { exact: false, selector: '.govuk-details__summary-text' }),
    );
    await userEvent.type(screen.getByLabelText('How was the comment dealt with?'), 'Added to what happened');
    await userEvent.click(screen.getByRole('button', { name: /Resolve the comment/ }));
    expect(await screen.findByText('The comment has been resolved')).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/resolve'))?.body).toEqual({
      resolution: 'Added to what happened',
    });
    expect(screen.getByText('Added to what happened')).toBeTruthy();
  });

  it('shows a case group member the shared analysis to read, and the comment form only', async () => {
    const shared = episodeBody({
      appraisal: { key: 'adequate', label: 'Adequate' },
      appraisalRationale: 'Visited within the time the procedure set.',
      hindsight: 'The referral was later found to be incomplete.',
      events: [],
      languageFlags: [],
      abilities: { edit: false, manage: false, comment: true },
    });
    const calls = renderEpisode(
      {
        [`GET ${episodeApi}`]: { status: 200, body: shared },
        [`POST ${episodeApi}/comments`]: { status: 201, body: shared },
      },
      caseGroupMember,
    );
    expect(
      await screen.findByText(/looks at how the system shaped what happened, not at blaming/),
    ).toBeTruthy();
    expect(screen.getByText('Visited within the time the procedure set.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What hindsight shows' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save episode' })).toBeNull();
    expect(screen.queryByLabelText('Title')).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add a contributory factor' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Mark as/ })).toBeNull();
    await userEvent.type(screen.getByLabelText('Add a comment'), 'It was the six-week check');
    await userEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    expect(await screen.findByText(/Your comment has been sent to the reviewers/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/comments'))?.body).toEqual({
      body: 'It was the six-week check',
    });
    expect(calls.some((c) => c.path.endsWith('/reference'))).toBe(false);
    expectWellFormed();
    expect(demoPartnershipId).toBeTruthy();
  });
});
