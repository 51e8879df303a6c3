import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  demoPartnershipId,
  mockApi,
  renderApp,
  renderWithProviders,
  sessionBody,
} from '../testing/render.tsx';
import { ExportReviewLink } from './export-review-link.tsx';

const reviewId = '1c2d3e4f-0000-4000-8000-00000000000a';
const importUrl = `/api/partnerships/${demoPartnershipId}/review-imports`;
const file = () =>
  new File(['{"format":"sightlines.review"}'], 'review-demo-child-a.json', { type: 'application/json' });

function sessionAs(role: string) {
  const body = sessionBody();
  body.memberships[0]!.role = role;
  return body;
}

function renderLink(role: string) {
  mockApi({ 'GET /api/session': { status: 200, body: sessionAs(role) } });
  renderWithProviders(
    <Routes>
      <Route
        path="/partnerships/:partnershipId/reviews/:reviewId"
        element={<ExportReviewLink partnershipId={demoPartnershipId} reviewId={reviewId} />}
      />
    </Routes>,
    `/partnerships/${demoPartnershipId}/reviews/${reviewId}`,
  );
}

describe('Export this review', () => {
  it('offers the download to partnership admins and business managers', async () => {
    renderLink('business_manager');
    const link = await screen.findByRole('link', { name: 'Export this review' });
    expect(link.getAttribute('href')).toBe(
      `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}/export`,
    );
  });

  it('is not offered to other members', async () => {
    renderLink('member');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link', { name: 'Export this review' })).toBeNull();
  });
});

describe('Import a review', () => {
  it('asks for a file, lists the problems the server found by table and row, then imports', async () => {
    let attempt = 0;
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`POST ${importUrl}?title=Child%20Q`]: () => {
        attempt += 1;
        return attempt === 1
          ? {
              status: 400,
              body: {
                error: {
                  code: 'validation_failed',
                  message: 'The review export has problems, so nothing was imported.',
                  details: {
                    fields: [
                      { path: 'tables.chronology_events.2', message: 'This row cannot be stored: bad date' },
                    ],
                  },
                },
              },
            }
          : {
              status: 201,
              body: {
                reviewId,
                title: 'Child Q',
                counts: { participants: 3, documents: 1 },
                files: 1,
                unmatchedPeople: [{ email: 'lead@elsewhere.example', name: 'Dr Lee' }],
                addedAgencies: ['Northbrook Homes'],
                leftOut: {},
                ids: {},
              },
            };
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/reviews/import`);
    await userEvent.click(await screen.findByRole('button', { name: 'Import review' }));
    expect((await screen.findAllByText('Select the review export file')).length).toBeGreaterThan(0);

    await userEvent.upload(screen.getByLabelText('Review export file'), file());
    await userEvent.type(screen.getByLabelText('Title of the new review (optional)'), 'Child Q');
    await userEvent.click(screen.getByRole('button', { name: 'Import review' }));
    expect(
      await screen.findByText('tables.chronology_events.2: This row cannot be stored: bad date'),
    ).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Import review' }));
    expect(await screen.findByText('Child Q was imported as a new review')).toBeTruthy();
    expect(screen.getByText('Dr Lee (lead@elsewhere.example)')).toBeTruthy();
    expect(screen.getByText('Northbrook Homes')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the imported review' }).getAttribute('href')).toBe(
      `/partnerships/${demoPartnershipId}/reviews/${reviewId}`,
    );
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers['X-CSRF-Token']).toBe('csrf-token-123');
    expect(post.headers['Content-Type']).toBe('application/json');
  }, 30_000);
});
