import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { languageCheckReply, referenceBody } from '../analysis/episode-fixtures.ts';
import { mockApi, renderWithProviders } from '../testing/render.tsx';
import type { FindingDto } from './api.ts';
import {
  episodesBody,
  findingAddress,
  findingApi,
  findingBody,
  findingListBody,
  findingsAddress,
  findingsApi,
  findingsReader,
  firstEpisode,
  leadReviewer,
  researchQuestionId,
  reviewApi,
  secondEpisode,
} from './finding-fixtures.ts';
import { FindingRoutes } from './finding-routes.tsx';

type ApiRoutes = Parameters<typeof mockApi>[0];

function renderFinding(routes: ApiRoutes, { review = leadReviewer, at = findingAddress } = {}) {
  const calls = mockApi({
    [`GET ${reviewApi}`]: { status: 200, body: review },
    [`GET ${reviewApi}/reference`]: { status: 200, body: referenceBody },
    [`GET ${reviewApi}/episodes`]: { status: 200, body: episodesBody },
    [`GET ${findingsApi}`]: { status: 200, body: findingListBody() },
    [`POST ${reviewApi}/language-check`]: languageCheckReply,
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/reviews/:reviewId/findings/*" element={<FindingRoutes />} />
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

const group = (name: RegExp | string) => screen.getByRole('group', { name });

/** Puts text into a field in one go, as pasting does: quicker than typing it key by key. */
async function write(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

describe('a finding', { timeout: 30_000 }, () => {
  it('adds a finding in the fixed block, sending every part given', async () => {
    const calls = renderFinding(
      {
        [`POST ${findingsApi}`]: ({ body }) => ({
          status: 201,
          body: findingBody({
            ...(body as Partial<FindingDto>),
            number: 3,
            episodes: [],
            researchQuestions: [],
          }),
        }),
        [`GET ${findingApi}`]: { status: 200, body: findingBody({ number: 3 }) },
      },
      { at: `${findingsAddress}/new` },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Add a finding' })).toBeTruthy();
    await write(screen.getByLabelText('The finding in one sentence'), 'Forms discourage doubt.');
    const typology = await screen.findByRole('group', { name: 'Which category of the typology is it?' });
    expect(within(typology).getByText(/Later reports call it ‘Tools’/)).toBeTruthy();
    await userEvent.click(within(typology).getByLabelText('Human–tool operation'));
    await userEvent.click(
      within(group('Is it a risk or a strength?')).getByLabelText('A risk to the reliability of the system'),
    );
    const episodes = await screen.findByRole('group', { name: 'Key practice episodes that show it' });
    await userEvent.click(within(episodes).getByLabelText('Episode 2: Strategy discussion'));
    await write(screen.getByLabelText('How it showed in this case'), 'No box for doubt.');
    const sources = group('Where does the evidence come from?');
    await userEvent.click(within(sources).getByLabelText('Data'));
    await userEvent.click(within(sources).getByLabelText('Audit'));
    await write(screen.getByLabelText('The evidence that it is an underlying pattern'), 'An audit of 40.');
    await userEvent.click(within(group('Is the pattern still current?')).getByLabelText('Still happening'));
    await write(screen.getByLabelText('What it means for the reliability of the system'), 'Doubt is lost.');
    const questions = group('Questions for the board to consider');
    expect(
      within(questions).getByText('Questions rather than instructions, like ‘Is the board satisfied that…?’'),
    ).toBeTruthy();
    await write(within(questions).getByLabelText('Question 1'), 'Is the board satisfied?');
    await userEvent.click(within(questions).getByRole('button', { name: 'Add another question' }));
    expect(document.activeElement).toBe(within(questions).getByLabelText('Question 2'));
    await write(within(questions).getByLabelText('Question 2'), 'What does the board know?');
    await userEvent.click(screen.getByRole('button', { name: 'Add a recommendation' }));
    const recommendation = group('Recommendation 1');
    await write(within(recommendation).getByLabelText('What is recommended'), 'Add a box for doubt');
    await write(within(recommendation).getByLabelText('Who it is for (optional)'), 'Children’s services');
    await userEvent.click(within(group('How high a priority is it for the board?')).getByLabelText('High'));
    await userEvent.click(
      within(group(/Which research questions/)).getByLabelText(
        '1. How do agencies share what they know about babies?',
      ),
    );
    expectWellFormed();
    await userEvent.click(screen.getByRole('button', { name: 'Add the finding' }));

    expect(await screen.findByText('Finding 3 has been added')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path === findingsApi)?.body).toEqual({
      statement: 'Forms discourage doubt.',
      typologyCode: 'tools',
      polarity: 'risk',
      episodeIds: [secondEpisode.id],
      howItShowed: 'No box for doubt.',
      prevalenceSources: ['data', 'audit'],
      prevalenceEvidence: 'An audit of 40.',
      currency: 'current',
      whyItMatters: 'Doubt is lost.',
      boardQuestions: ['Is the board satisfied?', 'What does the board know?'],
      recommendations: [{ text: 'Add a box for doubt', addressee: 'Children’s services' }],
      priority: 'high',
      researchQuestionIds: [researchQuestionId],
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Finding 3' })).toBeTruthy();
  });

  it('saves only what changed, with the version the form began from', async () => {
    const calls = renderFinding({
      [`GET ${findingApi}`]: { status: 200, body: findingBody() },
      [`PATCH ${findingApi}`]: ({ body }) => ({
        status: 200,
        body: findingBody({ ...(body as Partial<FindingDto>), version: 4 }),
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Finding 2' })).toBeTruthy();
    const episodes = await screen.findByRole('group', { name: 'Key practice episodes that show it' });
    expect(
      (within(episodes).getByLabelText('Episode 1: Discharge from hospital') as HTMLInputElement).checked,
    ).toBe(true);
    await userEvent.click(within(episodes).getByLabelText('Episode 2: Strategy discussion'));
    await userEvent.click(
      within(group('Where does the evidence come from?')).getByLabelText('The case group'),
    );
    await userEvent.type(
      screen.getByLabelText('The evidence that it is an underlying pattern'),
      'The case group said so.',
    );
    const questions = group('Questions for the board to consider');
    await userEvent.click(within(questions).getByRole('button', { name: 'Remove question 1' }));
    await userEvent.click(within(questions).getByRole('button', { name: 'Add a question' }));
    await userEvent.type(within(questions).getByLabelText('Question 1'), 'What does the board know?');
    expectWellFormed();
    await userEvent.click(screen.getByRole('button', { name: 'Save the finding' }));

    expect(await screen.findByText('The finding has been saved')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      version: 3,
      episodeIds: [firstEpisode.id, secondEpisode.id],
      prevalenceSources: ['review_team', 'case_group'],
      prevalenceEvidence: 'The case group said so.',
      boardQuestions: ['What does the board know?'],
    });
  });

  it('lists what is still missing when the review team cannot agree the finding yet', async () => {
    const calls = renderFinding({
      [`GET ${findingApi}`]: { status: 200, body: findingBody() },
      [`POST ${findingApi}/agree`]: {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message: 'The finding cannot be agreed yet.',
            details: {
              unmet: [
                'Give the evidence that it is not a quirk of this case, and where it comes from',
                'Add at least one issue for the board',
              ],
            },
          },
        },
      },
    });
    const panel = await screen.findByRole('region', { name: 'Agreeing the finding' });
    expect(within(panel).getByText('Before the review team can agree it:')).toBeTruthy();
    expect(
      within(panel).getByText(
        'Give the evidence that it is not a quirk of this case, and where it comes from',
      ),
    ).toBeTruthy();
    await userEvent.click(within(panel).getByRole('button', { name: 'Mark as agreed by the review team' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('The finding cannot be agreed yet.')).toBeTruthy();
    expect(within(summary).getByText('Add at least one issue for the board')).toBeTruthy();
    expect(
      within(summary).getByText(
        'Give the evidence that it is not a quirk of this case, and where it comes from',
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.path === `${findingApi}/agree`)?.body).toEqual({ version: 3 });
  });

  it('agrees a complete finding and moves it on', async () => {
    const agreed = findingBody({
      status: 'agreed_by_review_team',
      statusLabel: 'Agreed by the review team',
      unmetForAgreement: [],
      version: 4,
    });
    let current = findingBody({ unmetForAgreement: [] });
    const calls = renderFinding({
      [`GET ${findingApi}`]: () => ({ status: 200, body: current }),
      [`POST ${findingApi}/agree`]: () => {
        current = agreed;
        return { status: 200, body: current };
      },
      [`POST ${findingApi}/status`]: () => {
        current = findingBody({ status: 'final', statusLabel: 'Final', unmetForAgreement: [], version: 5 });
        return { status: 200, body: current };
      },
    });
    const panel = await screen.findByRole('region', { name: 'Agreeing the finding' });
    expect(
      within(panel).getByText('Everything needed before the review team can agree it is done.'),
    ).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Mark as tested with the case group' })).toBeTruthy();
    await userEvent.click(within(panel).getByRole('button', { name: 'Mark as agreed by the review team' }));
    expect(await screen.findByText('The finding is now agreed by the review team')).toBeTruthy();
    expect(screen.getByText(/Changing what it says takes it back to emerging/)).toBeTruthy();
    await userEvent.click(within(panel).getByRole('button', { name: 'Mark as final' }));
    expect(await screen.findByText('The finding is now final')).toBeTruthy();
    expect(calls.find((c) => c.path === `${findingApi}/status`)?.body).toEqual({
      status: 'final',
      version: 4,
    });
    expect(within(panel).getByRole('button', { name: 'Return to emerging' })).toBeTruthy();
  });

  it('reloads when someone else changed the finding, keeping the unsaved wording in view', async () => {
    let reads = 0;
    renderFinding({
      [`GET ${findingApi}`]: () => {
        reads += 1;
        return {
          status: 200,
          body: reads === 1 ? findingBody() : findingBody({ version: 4, whyItMatters: 'Their words' }),
        };
      },
      [`PATCH ${findingApi}`]: {
        status: 409,
        body: { error: { code: 'stale_version', message: 'Someone else changed the finding.' } },
      },
    });
    await userEvent.type(
      await screen.findByLabelText('What it means for the reliability of the system'),
      'My words',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save the finding' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Someone else changed this finding/)).toBeTruthy();
    await waitFor(() =>
      expect(
        (screen.getByLabelText('What it means for the reliability of the system') as HTMLTextAreaElement)
          .value,
      ).toBe('Their words'),
    );
    expect(screen.getByText('Your wording that was not saved')).toBeTruthy();
    expect(screen.getByText('My words')).toBeTruthy();
    expect(reads).toBeGreaterThan(1);
  });

  it('flags hindsight and blame wording under the statement as the reviewer writes', async () => {
    const calls = renderFinding({ [`GET ${findingApi}`]: { status: 200, body: findingBody() } });
    const field = (await screen.findByLabelText('The finding in one sentence')) as HTMLTextAreaElement;
    await userEvent.clear(field);
    await userEvent.type(field, 'Health visitors failed to hear of call-outs.');
    expect(await screen.findByText('“failed to”', {}, { timeout: 3000 })).toBeTruthy();
    expect(document.getElementById('statement-language')?.textContent).toBe(
      '1 phrase to look at in the finding in one sentence',
    );
    const flags = screen.getByRole('list', { name: 'Wording to look at in The finding in one sentence' });
    expect(within(flags).getByText('Blame')).toBeTruthy();
    expect(calls.filter((c) => c.path.endsWith('/language-check')).at(-1)?.body).toEqual({
      text: 'Health visitors failed to hear of call-outs.',
    });
    expectWellFormed();
  });

  it('shows saved flags in a question for the board, and keeps the wording with a reason', async () => {
    const question = 'Is the board satisfied that staff should have known?';
    const finding = findingBody({
      boardQuestions: ['Is the board satisfied that call-outs reach health visitors?', question],
      languageFlags: [
        {
          entityType: 'finding',
          entityId: findingBody().id,
          field: 'boardQuestions.1',
          fieldLabel: 'Issue for the board 2',
          flags: [
            {
              ruleId: 'should-have',
              category: 'hindsight',
              phrase: 'should have',
              start: 34,
              end: 45,
              reason: 'Knowing the outcome makes the right course look clearer than it was.',
              suggestion: 'Name the standard.',
              replacement: null,
              dismissed: false,
              dismissalReason: null,
            },
          ],
        },
      ],
    });
    const calls = renderFinding({
      [`GET ${findingApi}`]: { status: 200, body: finding },
      [`POST ${reviewApi}/language-flags/dismissals`]: { status: 201, body: { dismissed: true } },
    });
    const flags = await screen.findByRole('list', { name: 'Wording to look at in Question 2' });
    expect(within(flags).getByText('“should have”')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Wording to look at in Question 1' })).toBeNull();
    await userEvent.click(within(flags).getByText('Keep this wording', { exact: false }));
    await userEvent.type(
      within(flags).getByLabelText('Why should the wording stay?'),
      'The board asked it so',
    );
    await userEvent.click(within(flags).getByRole('button', { name: /Keep the wording/ }));
    expect(await screen.findByText('The board asked it so')).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/dismissals'))?.body).toEqual({
      entityType: 'finding',
      entityId: finding.id,
      field: 'boardQuestions.1',
      ruleId: 'should-have',
      phrase: 'should have',
      reason: 'The board asked it so',
    });
  });

  it('deletes the finding after asking', async () => {
    const calls = renderFinding({
      [`GET ${findingApi}`]: { status: 200, body: findingBody() },
      [`DELETE ${findingApi}`]: { status: 204 },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete finding 2' }));
    expect(document.activeElement?.textContent).toMatch(/^Are you sure you want to delete finding 2\?/);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete finding 2' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Delete finding 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete it (finding 2)' }));
    expect(await screen.findByText('Finding 2 has been deleted')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Findings' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE' && c.path === findingApi)).toBe(true);
  });

  it('lets those who may only read findings read it, without the form or the agreement buttons', async () => {
    const calls = renderFinding(
      {
        [`GET ${findingApi}`]: {
          status: 200,
          body: findingBody({ abilities: { edit: false, agree: false }, priority: 'medium' }),
        },
      },
      { review: findingsReader },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Finding 2' })).toBeTruthy();
    expect(
      screen.getByText('Health visitors tend not to hear about police call-outs to homes with babies.'),
    ).toBeTruthy();
    expect(screen.getByText('Episode 1: Discharge from hospital')).toBeTruthy();
    expect(screen.getByText('Is the board satisfied that call-outs reach health visitors?')).toBeTruthy();
    expect(screen.getByText('Medium')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(calls.some((c) => c.path.endsWith('/reference') || c.path.endsWith('/episodes'))).toBe(false);
    expectWellFormed();
  });
});
