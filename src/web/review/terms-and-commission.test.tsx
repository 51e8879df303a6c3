import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';
import { todayIso } from './dates.ts';
import { reviewBody, reviewId } from './fixtures.ts';

const base = `/api/partnerships/${demoPartnershipId}`;
const reviewApi = `${base}/reviews/${reviewId}`;
const police = {
  id: '0c7a4a52-1d7e-4a55-8f5f-3a1f1b0c9d11',
  name: 'Northshire Police',
  shortName: null,
  sector: 'police',
  sectorLabel: 'Police',
  active: true,
  version: 1,
  createdAt: '2026-03-02T09:00:00.000Z',
  abilities: { update: true },
};

describe('terms of reference', () => {
  it('saves research questions in the order set with the buttons, with dates as ISO dates', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: { status: 200, body: reviewBody() },
      [`GET ${base}/agencies`]: { status: 200, body: { agencies: [police], abilities: { create: true } } },
      [`PATCH ${reviewApi}`]: ({ body }) => ({
        status: 200,
        body: reviewBody({ version: 4, ...(body as object) }),
      }),
    });
    renderApp(`/partnerships/${demoPartnershipId}/reviews/${reviewId}/terms`);
    const scope = await screen.findByRole('group', { name: 'Start of the scope period' });
    await userEvent.type(within(scope).getByLabelText('Day'), '1');
    await userEvent.type(within(scope).getByLabelText('Month'), '9');
    await userEvent.type(within(scope).getByLabelText('Year'), '2025');
    const end = screen.getByRole('group', { name: 'End of the scope period' });
    await userEvent.type(within(end).getByLabelText('Day'), '27');
    await userEvent.type(within(end).getByLabelText('Month'), 'March');
    await userEvent.type(within(end).getByLabelText('Year'), '2026');
    await userEvent.click(screen.getByLabelText('Northshire Police'));

    await userEvent.click(screen.getByRole('button', { name: 'Add a research question' }));
    await userEvent.type(screen.getByLabelText('Research question 1'), 'How do agencies share information?');
    await userEvent.click(screen.getByRole('button', { name: 'Add a research question' }));
    await userEvent.type(screen.getByLabelText('Research question 2'), 'How is the baby’s voice heard?');
    await userEvent.click(screen.getByRole('button', { name: 'Move up research question 2' }));
    // A blank entry is left out rather than refused.
    await userEvent.click(screen.getByRole('button', { name: 'Add a research question' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save terms of reference' }));

    expect(await screen.findByText('The terms of reference have been saved')).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      scopeFrom: '2025-09-01',
      scopeTo: '2026-03-27',
      agencyIds: [police.id],
      researchQuestions: ['How is the baby’s voice heard?', 'How do agencies share information?'],
      decisionDate: '2026-03-01',
      plannedReviewTeamMeetings: 5,
      plannedJointMeetings: 2,
      targetPublicationDate: '2026-09-02',
      version: 3,
    });
  });

  it('says which date is not a real date, before sending anything', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: { status: 200, body: reviewBody() },
      [`GET ${base}/agencies`]: { status: 200, body: { agencies: [], abilities: { create: true } } },
    });
    renderApp(`/partnerships/${demoPartnershipId}/reviews/${reviewId}/terms`);
    const scope = await screen.findByRole('group', { name: 'Start of the scope period' });
    await userEvent.type(within(scope).getByLabelText('Day'), '31');
    await userEvent.type(within(scope).getByLabelText('Month'), '2');
    await userEvent.type(within(scope).getByLabelText('Year'), '2026');
    await userEvent.click(screen.getByRole('button', { name: 'Save terms of reference' }));
    const alert = await screen.findByRole('alert');
    const link = within(alert).getByRole('link', {
      name: 'The start of the scope period must be a real date',
    });
    expect(link.getAttribute('href')).toBe('#scopeFrom');
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });
});

const rapidReviewId = '3d1f7c0a-9b2e-4c1d-8e6f-5a4b3c2d1e0f';

describe('commissioning a review', () => {
  it('starts a review from a rapid review with its pseudonym and decision, a type, variant and today’s date', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/reviews?scope=all`]: {
        status: 200,
        body: { reviews: [], abilities: { commission: true } },
      },
      [`POST ${base}/reviews`]: { status: 201, body: reviewBody({ title: 'Child B' }) },
      [`GET ${reviewApi}`]: { status: 200, body: reviewBody({ title: 'Child B' }) },
      [`GET ${base}/rapid-reviews/${rapidReviewId}`]: {
        status: 200,
        body: {
          id: rapidReviewId,
          childPseudonym: 'Child B',
          decisionRationale: 'Learning about information sharing.',
          decisionDate: '2026-03-01',
        },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/reviews/new?rapidReviewId=${rapidReviewId}`);
    // The pseudonym comes from the rapid review the review follows.
    await waitFor(() =>
      expect((screen.getByLabelText('Review title') as HTMLInputElement).value).toBe('Child B'),
    );
    await userEvent.click(screen.getByLabelText('Local child safeguarding practice review (LCSPR)'));
    const variant = screen.getByRole('group', { name: 'Review variant' });
    const midRange = within(variant).getByLabelText('Mid-range');
    expect(document.getElementById(midRange.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Usually 3 review team meetings and 1 joint meeting, over about 4 months.',
    );
    await userEvent.click(midRange);
    await userEvent.click(screen.getByRole('button', { name: 'Commission review' }));

    expect(await screen.findByText('Child B has been commissioned')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      title: 'Child B',
      type: 'lcspr',
      variant: 'mid_range',
      initiatedDate: todayIso(),
      purposeStatement: null,
      rapidReviewId,
      decisionRationale: 'Learning about information sharing.',
      decisionDate: '2026-03-01',
      plannedReviewTeamMeetings: 3,
      plannedJointMeetings: 1,
    });
  });
});
