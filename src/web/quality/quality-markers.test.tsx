import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders, sessionBody } from '../testing/render.tsx';
import {
  familyLetter,
  markerBody,
  qualityApi,
  reviewAddress,
  reviewApi,
  reviewWith,
  summaryBody,
} from './fixtures.ts';
import { QualityRoutes } from './quality-routes.tsx';

const assessor = reviewWith({ viewQuality: true, assessQuality: true });
const boardMember = reviewWith({ viewQuality: true });

function renderQuality(routes: Parameters<typeof mockApi>[0], at: string, review = assessor) {
  const calls = mockApi({
    'GET /api/session': { status: 200, body: sessionBody() },
    [`GET ${reviewApi}`]: { status: 200, body: review },
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route
        path="/partnerships/:partnershipId/reviews/:reviewId/quality-markers/*"
        element={<QualityRoutes />}
      />
    </Routes>,
    at,
  );
  return calls;
}

const group = (name: string | RegExp) => screen.getByRole('group', { name });

describe('quality markers', { timeout: 30_000 }, () => {
  it('shows the three phases, each marker’s rating in words and the counts', async () => {
    const green = markerBody(1, { rating: 'green', ratingLabel: 'Green', version: 1 });
    renderQuality(
      { [`GET ${qualityApi}`]: { status: 200, body: summaryBody([green]) } },
      `${reviewAddress}/quality-markers`,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Setting up the review' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Running the review' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Outputs and what follows' })).toBeTruthy();
    const referral = screen.getByRole('link', { name: '1. Referral' });
    expect(referral.getAttribute('href')).toBe(`${reviewAddress}/quality-markers/1`);
    expect(referral.closest('li')?.textContent).toContain('Green');
    expect(
      screen.getByRole('link', { name: '4. Informing the family' }).closest('li')?.textContent,
    ).toContain('Not assessed');
    const table = screen.getByRole('table', { name: 'Ratings by phase' });
    const all = within(table).getByRole('rowheader', { name: 'All markers' }).closest('tr') as HTMLElement;
    expect([...all.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1', '0', '0', '17']);
    expect(screen.getByText('What the ratings mean')).toBeTruthy();
  });

  it('saves an assessment that relies on evidence Sightlines holds, then returns to the list', async () => {
    const saved = markerBody(4, {
      rating: 'green',
      ratingLabel: 'Green',
      version: 1,
      acceptedEvidenceKeys: ['family_letter'],
    });
    let stored = summaryBody();
    const calls = renderQuality(
      {
        [`GET ${qualityApi}`]: () => ({ status: 200, body: stored }),
        [`PUT ${qualityApi}/4`]: () => {
          stored = summaryBody([saved]);
          return { status: 200, body: saved };
        },
      },
      `${reviewAddress}/quality-markers/4`,
    );
    expect(await screen.findByRole('heading', { level: 1, name: '4. Informing the family' })).toBeTruthy();
    expect(screen.getByText(/Family members are told the purpose/)).toBeTruthy();
    const answers = ['Yes', 'Yes', 'Partly'];
    const questions = markerBody(4).questions;
    for (const [i, q] of questions.entries())
      await userEvent.click(within(group(q.text)).getByLabelText(answers[i] as string));
    expect(screen.getByText('Sent on 3 March 2026')).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'See where this is recorded: Letter to the family' })
        .getAttribute('href'),
    ).toBe(familyLetter.href);
    await userEvent.click(screen.getByLabelText('Use this as evidence: Letter to the family'));
    await userEvent.click(screen.getByLabelText('Evidence'));
    await userEvent.paste('Letter sent in the first week, with a named contact.');
    await userEvent.click(within(group('Rating')).getByLabelText('Green: met'));
    await userEvent.click(screen.getByRole('button', { name: 'Save the assessment' }));

    expect(await screen.findByText('Marker 4, Informing the family, has been saved as green')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      version: 0,
      rating: 'green',
      answers: ['yes', 'yes', 'partly'],
      evidence: 'Letter sent in the first week, with a named contact.',
      acceptedEvidenceKeys: ['family_letter'],
    });
    await waitFor(() =>
      expect(
        screen.getByRole('link', { name: '4. Informing the family' }).closest('li')?.textContent,
      ).toContain('Green'),
    );
  });

  it('keeps what was typed when someone else saved first, and saves on their version next time', async () => {
    const theirs = markerBody(4, {
      rating: 'amber',
      ratingLabel: 'Amber',
      version: 1,
      assessedByName: 'Chris Chair',
      assessedAt: '2026-05-02T16:58:00.000Z',
    });
    let stored = summaryBody();
    let puts = 0;
    const calls = renderQuality(
      {
        [`GET ${qualityApi}`]: () => ({ status: 200, body: stored }),
        [`PUT ${qualityApi}/4`]: () => {
          puts += 1;
          if (puts === 1) {
            stored = summaryBody([theirs]);
            return {
              status: 409,
              body: {
                error: {
                  code: 'stale_version',
                  message:
                    'Someone else changed the assessment of quality marker 4 while you were working on it. Check the current details and try again.',
                  details: { current: theirs },
                },
              },
            };
          }
          return { status: 200, body: { ...theirs, rating: 'red', ratingLabel: 'Red', version: 2 } };
        },
      },
      `${reviewAddress}/quality-markers/4`,
    );
    await userEvent.click(await screen.findByLabelText('Red: not met'));
    await userEvent.click(screen.getByRole('button', { name: 'Save the assessment' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Someone else changed the assessment of quality marker 4');
    expect(await screen.findByText(/Someone else has saved this marker since you opened it/)).toBeTruthy();
    expect(screen.getByText(/by chris chair on 2 may 2026 at 5:58pm, rated amber/i)).toBeTruthy();
    expect((screen.getByLabelText('Red: not met') as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Save the assessment' }));
    expect(await screen.findByText('Marker 4, Informing the family, has been saved as red')).toBeTruthy();
    const sent = calls.filter((c) => c.method === 'PUT').map((c) => (c.body as { version: number }).version);
    expect(sent).toEqual([0, 1]);
  });

  it('shows a board member the assessment to read, with no form', async () => {
    const assessed = markerBody(4, {
      rating: 'amber',
      ratingLabel: 'Amber',
      version: 2,
      questions: markerBody(4).questions.map((q, i) => ({ ...q, answer: i === 0 ? 'yes' : null })),
      acceptedEvidenceKeys: ['family_letter'],
      evidence: 'Letter sent late.',
      assessedByName: 'Morgan Manager',
      assessedAt: '2026-05-01T09:00:00.000Z',
    });
    renderQuality(
      { [`GET ${qualityApi}`]: { status: 200, body: summaryBody([assessed], false) } },
      `${reviewAddress}/quality-markers/4`,
      boardMember,
    );
    expect(await screen.findByText(/Assessed by Morgan Manager on 1 May 2026/)).toBeTruthy();
    expect(screen.getByText('Letter to the family: Sent on 3 March 2026')).toBeTruthy();
    expect(screen.getByText('Letter sent late.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save the assessment' })).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
