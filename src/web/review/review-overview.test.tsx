import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';
import { reviewBody, reviewId } from './fixtures.ts';

const reviewApi = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
const overview = `/partnerships/${demoPartnershipId}/reviews/${reviewId}`;

describe('review overview', () => {
  it('shows what is still needed before the next stage as a task list', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: { status: 200, body: reviewBody() },
    });
    renderApp(overview);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Before moving to Data collection' }),
    ).toBeTruthy();
    const purpose = screen.getByRole('link', { name: 'Write the purpose statement' });
    expect(purpose.getAttribute('href')).toBe(`${overview}/terms#purposeStatement`);
    expect(document.getElementById(purpose.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Completed',
    );
    const leads = screen.getByRole('link', { name: 'Add two lead reviewers' });
    expect(leads.getAttribute('href')).toBe(`${overview}/people`);
    expect(document.getElementById(leads.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Not done yet',
    );
    // The review's sections, per the person's abilities.
    const sections = screen.getByRole('navigation', { name: 'Review sections' });
    expect(
      within(sections)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      'Overview',
      'Terms of reference',
      'People',
      'Meetings',
      'Parallel processes',
      'Report',
      'Letters',
    ]);
    expect(within(sections).getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('lists the unmet checks in the error summary when the review cannot move on', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: { status: 200, body: reviewBody() },
      [`POST ${reviewApi}/transitions`]: {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message: 'Before moving to “Data collection”: add two lead reviewers.',
            details: {
              reason: 'checks_failed',
              unmet: [{ id: 'two_lead_reviewers', label: 'Add two lead reviewers', met: false }],
            },
          },
        },
      },
    });
    renderApp(overview);
    await userEvent.click(await screen.findByRole('button', { name: 'Move to Data collection' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The review cannot move to Data collection yet');
    const link = within(alert).getByRole('link', { name: 'Add two lead reviewers' });
    expect(link.getAttribute('href')).toBe('#check-two_lead_reviewers');
    expect(document.title).toBe('Error: Child A – Reviews – Sightlines');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ action: 'advance', version: 3 });
    expect(post?.headers['X-CSRF-Token']).toBe('csrf-token-123');
  });

  it('needs a reason to pause, and confirms the pause', async () => {
    let paused = false;
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: () => ({ status: 200, body: reviewBody() }),
      [`POST ${reviewApi}/transitions`]: () => {
        paused = true;
        return {
          status: 200,
          body: reviewBody({
            stage: 'paused',
            stageLabel: 'Paused',
            pauseReason: 'Criminal trial',
            resumeStage: 'commissioning',
            nextStage: null,
            nextStageLabel: null,
            version: 4,
          }),
        };
      },
    });
    renderApp(overview);
    await userEvent.click(await screen.findByText('Pause the review', { selector: 'span' }));
    await userEvent.click(screen.getByRole('button', { name: 'Pause the review' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('link', { name: 'Enter why the review is being paused' })).toBeTruthy();
    expect(paused).toBe(false);

    await userEvent.type(screen.getByLabelText('Why is the review being paused?'), 'Criminal trial');
    await userEvent.click(screen.getByRole('button', { name: 'Pause the review' }));
    expect(await screen.findByText('The review is paused')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume the review' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      action: 'pause',
      reason: 'Criminal trial',
      version: 3,
    });
  });

  it('shows the case group a short, calm overview without the terms of reference', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: {
        status: 200,
        body: reviewBody({
          termsOfReference: null,
          myRoles: ['Case group member'],
          abilities: { viewReview: true, viewParticipants: true, viewOwnMeetings: true },
        }),
      },
      [`GET ${reviewApi}/participants`]: {
        status: 200,
        body: {
          participants: [
            participant('Robin Reviewer', 'lead_reviewer', 'Lead reviewer'),
            participant('Sam Reviewer', 'lead_reviewer', 'Lead reviewer'),
            participant('Morgan Manager', 'business_manager', 'Business manager'),
          ],
          abilities: { manage: false },
        },
      },
    });
    renderApp(overview);
    expect(await screen.findByText('You are taking part as: case group member.')).toBeTruthy();
    expect(
      screen.getByText(/about learning how agencies work together, not about blaming anyone/),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Robin Reviewer, Sam Reviewer')).toBeTruthy());
    expect(screen.getByText('Morgan Manager')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'See the meetings and conversations you are invited to' }),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Terms of reference' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Move to/ })).toBeNull();
    expect(screen.queryByText('Before moving to Data collection')).toBeNull();
  });
});

function participant(name: string, role: string, roleLabel: string) {
  return {
    id: crypto.randomUUID(),
    role,
    roleLabel,
    name,
    email: null,
    jobTitle: null,
    agencyId: null,
    agencyName: null,
    userId: crypto.randomUUID(),
    lineManagerParticipantId: null,
    status: 'active',
    flags: [],
    version: 1,
  };
}
