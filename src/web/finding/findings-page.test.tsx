import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { reviewBody } from '../review/fixtures.ts';
import { mockApi, renderWithProviders } from '../testing/render.tsx';
import {
  findingListBody,
  findingSummaryBody,
  findingsAddress,
  findingsApi,
  findingsReader,
  leadReviewer,
  reviewApi,
} from './finding-fixtures.ts';
import { FindingRoutes } from './finding-routes.tsx';

function renderList(routes: Parameters<typeof mockApi>[0], review = leadReviewer) {
  const calls = mockApi({ [`GET ${reviewApi}`]: { status: 200, body: review }, ...routes });
  renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/reviews/:reviewId/findings/*" element={<FindingRoutes />} />
    </Routes>,
    findingsAddress,
  );
  return calls;
}

const first = findingSummaryBody({
  number: 1,
  statement: 'Assessment forms discourage recording doubt.',
  episodeCount: 2,
  boardQuestionCount: 3,
  unresolvedFlags: 2,
});
const second = findingSummaryBody({
  number: 2,
  statement: 'Practitioners know each other well, which helps in a crisis.',
  typology: null,
  polarity: 'strength',
  priority: null,
  status: 'agreed_by_review_team',
  statusLabel: 'Agreed by the review team',
  episodeCount: 1,
  boardQuestionCount: 1,
});
const third = findingSummaryBody({ number: 3, statement: 'Supervision rarely asks about fathers.' });

/** The cards of the findings, in the order shown. */
const findingCards = () =>
  [...screen.getByRole('list', { name: 'Findings in order' }).children] as HTMLElement[];

/** The page's structure holds: one h1 and no repeated ids. */
function expectWellFormed() {
  expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
}

describe('the findings', { timeout: 30_000 }, () => {
  it('lists the findings in order as cards, with what each still lacks', async () => {
    renderList({
      [`GET ${findingsApi}`]: { status: 200, body: findingListBody({ findings: [first, second, third] }) },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Findings' })).toBeTruthy();
    expect(screen.getByText(/names a pattern in how the system works/)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Review sections' });
    expect(within(nav).getByRole('link', { name: 'Findings' }).getAttribute('aria-current')).toBe('page');

    const cards = findingCards();
    expect(cards).toHaveLength(3);
    const card = within(cards[0] as HTMLElement);
    expect(card.getByRole('heading', { level: 2, name: 'Finding 1' })).toBeTruthy();
    const values = Object.fromEntries(
      [...(cards[0] as HTMLElement).querySelectorAll('.govuk-summary-list__row')].map((row) => [
        row.querySelector('dt')?.textContent,
        row.querySelector('dd')?.textContent,
      ]),
    );
    expect(values).toEqual({
      'The finding': 'Assessment forms discourage recording doubt.',
      'Typology category': 'Human–tool operation',
      'Risk or strength': 'A risk to the reliability of the system',
      Priority: 'High',
      Status: 'Emerging',
      'Key practice episodes': '2 episodes',
      'Issues for the board': '3 questions',
      'Flagged wording': '2 phrases to resolve',
    });
    const secondCard = within(cards[1] as HTMLElement);
    expect(secondCard.getByText('A strength to protect')).toBeTruthy();
    expect(secondCard.getByText('Not chosen yet')).toBeTruthy();
    expect(secondCard.getByText('Agreed by the review team', { selector: '.govuk-tag' })).toBeTruthy();
    expect(card.getByRole('link', { name: 'Open finding 1' }).getAttribute('href')).toBe(
      `${findingsAddress}/${first.id}`,
    );
    expect(screen.getByText(/^2 phrases flagged for hindsight or blame are not yet resolved/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add a finding' }).getAttribute('href')).toBe(
      `${findingsAddress}/new`,
    );
    // The first cannot move up and the last cannot move down.
    expect(card.queryByRole('button', { name: /Move up/ })).toBeNull();
    expect(card.getByRole('button', { name: 'Move down (finding 1)' })).toBeTruthy();
    expect(within(cards[2] as HTMLElement).queryByRole('button', { name: /Move down/ })).toBeNull();
    expectWellFormed();
  });

  it('moves a finding up, keeping focus on it and announcing its new place', async () => {
    const calls = renderList({
      [`GET ${findingsApi}`]: { status: 200, body: findingListBody({ findings: [first, second, third] }) },
      [`POST ${findingsApi}/order`]: {
        status: 200,
        body: findingListBody({
          findings: [
            { ...first, number: 1 },
            { ...third, number: 2 },
            { ...second, number: 3 },
          ],
        }),
      },
    });
    const button = await screen.findByRole('button', { name: 'Move up (finding 3)' });
    await userEvent.click(button);
    expect(calls.find((c) => c.path === `${findingsApi}/order`)?.body).toEqual({
      findingIds: [first.id, third.id, second.id],
    });
    await waitFor(() => expect(screen.getByText('The finding is now number 2')).toBeTruthy());
    const cards = findingCards();
    expect(within(cards[1] as HTMLElement).getByText('Supervision rarely asks about fathers.')).toBeTruthy();
    expect((document.activeElement as HTMLElement).textContent).toMatch(/^Move (up|down) \(finding 2\)$/);
  });

  it('shows no controls to those who may only read the findings', async () => {
    renderList(
      {
        [`GET ${findingsApi}`]: {
          status: 200,
          body: findingListBody({ findings: [first, second], abilities: { create: false, agree: false } }),
        },
      },
      findingsReader,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Finding 1' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Add a finding' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Open finding 2' })).toBeTruthy();
  });

  it('says when there are no findings yet', async () => {
    renderList({ [`GET ${findingsApi}`]: { status: 200, body: findingListBody() } });
    expect(await screen.findByText('There are no findings yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add a finding' })).toBeTruthy();
  });

  it('refuses those who may not see findings, and leaves them out of the review sections', async () => {
    const calls = renderList({}, reviewBody());
    expect(await screen.findByText(/You do not have permission to see the findings/)).toBeTruthy();
    expect(calls.some((c) => c.path === findingsApi)).toBe(false);
  });
});
