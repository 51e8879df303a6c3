import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MeetingDto } from '#domain/meeting/meeting.ts';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const reviewId = '3d1e8f5a-6b7c-4d2e-9f01-2a3b4c5d6e7f';
const base = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
const page = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/meetings`;

const meeting = (overrides: Partial<MeetingDto> = {}): MeetingDto => ({
  id: '7a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
  kind: 'joint',
  kindLabel: 'Joint meeting (review team and case group)',
  title: 'Joint meeting 1',
  startsAt: '2099-06-15T13:30:00.000Z',
  durationMinutes: 120,
  location: null,
  agenda: null,
  notes: null,
  decisions: null,
  followUps: null,
  attendees: [
    {
      participantId: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
      name: 'Amira Haddad',
      roleLabel: 'Case group member',
    },
  ],
  version: 1,
  abilities: { update: false },
  ...overrides,
});

const list = (schedule: boolean) => ({
  review: { id: reviewId, title: 'Child A' },
  meetings: [meeting()],
  abilities: { schedule, viewAll: schedule },
});

describe('meetings', () => {
  it('lists meetings with a calendar file each, and offers scheduling only when allowed', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/meetings`]: { status: 200, body: list(false) },
    });
    renderApp(page);
    expect(await screen.findByRole('link', { name: 'Joint meeting 1' })).toBeTruthy();
    const calendar = screen.getByRole('link', { name: 'Download calendar file (.ics) for Joint meeting 1' });
    expect(calendar.getAttribute('href')).toBe(`${base}/meetings/${meeting().id}/calendar.ics`);
    expect(screen.getByRole('table', { name: 'Upcoming meetings' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Schedule a meeting' })).toBeNull();
  });

  it('checks the date and time before sending, then sends the moment in UK time', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/meetings`]: { status: 200, body: list(true) },
      [`GET ${base}/participants`]: {
        status: 404,
        body: { error: { code: 'not_found', message: 'No route' } },
      },
      [`POST ${base}/meetings`]: {
        status: 201,
        body: meeting({ kind: 'review_team', title: 'Review team meeting 1' }),
      },
      [`GET ${base}/meetings/${meeting().id}`]: {
        status: 200,
        body: meeting({ title: 'Review team meeting 1' }),
      },
    });
    renderApp(`${page}/new`);
    expect(await screen.findByText(/could not be loaded, so nobody can be invited yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Schedule meeting' }));
    expect(await screen.findByRole('link', { name: 'Enter the date of the meeting' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Enter the time the meeting starts' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.click(screen.getByLabelText('Review team meeting'));
    await userEvent.type(screen.getByLabelText('Title'), 'Review team meeting 1');
    await userEvent.type(screen.getByLabelText('Day'), '15');
    await userEvent.type(screen.getByLabelText('Month'), '6');
    await userEvent.type(screen.getByLabelText('Year'), '2099');
    await userEvent.type(screen.getByLabelText('Start time'), '14:30');
    await userEvent.click(screen.getByRole('button', { name: 'Schedule meeting' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'review_team',
      title: 'Review team meeting 1',
      startsAt: '2099-06-15T13:30:00.000Z',
      durationMinutes: 120,
      location: null,
      agenda: null,
      attendeeParticipantIds: [],
    });
    expect(await screen.findByText('Review team meeting 1 has been scheduled')).toBeTruthy();
  });

  it('keeps the person’s notes when someone else saved the record first, and saves on the new version', async () => {
    let current = meeting({ abilities: { update: true } });
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/meetings/${current.id}`]: () => ({ status: 200, body: current }),
      [`PATCH ${base}/meetings/${current.id}`]: ({ body }) => {
        if ((body as { version: number }).version === 1) {
          current = { ...current, notes: 'Their notes', version: 2 };
          return {
            status: 409,
            body: { error: { code: 'stale_version', message: 'Someone else changed the meeting.' } },
          };
        }
        return { status: 200, body: { ...current, notes: 'My notes', version: 3 } };
      },
    });
    renderApp(`${page}/${current.id}`);
    await userEvent.type(await screen.findByLabelText('Notes'), 'My notes');
    await userEvent.click(screen.getByRole('button', { name: 'Save the record' }));
    expect(await screen.findByText('Someone else changed the meeting.')).toBeTruthy();
    expect(await screen.findByText('The latest saved record')).toBeTruthy();
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('My notes');
    await userEvent.click(screen.getByRole('button', { name: 'Save the record' }));
    expect(await screen.findByText('The record of the meeting has been saved')).toBeTruthy();
    const patches = calls
      .filter((c) => c.method === 'PATCH')
      .map((c) => (c.body as { version: number }).version);
    expect(patches).toEqual([1, 2]);
  });
});
