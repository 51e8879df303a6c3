import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const api = `/api/partnerships/${demoPartnershipId}/notifications`;
const deadline = (date: string, workingDaysLeft: number, overdue = false) => ({
  label: 'Notification due',
  date,
  overdue,
  daysLeft: workingDaysLeft,
  workingDaysLeft,
  doneDate: null,
  late: false,
});
const notification = (id: string, childPseudonym: string, due: ReturnType<typeof deadline>) => ({
  id,
  childPseudonym,
  summary: null,
  incidentDate: '2026-04-01',
  awareDate: '2026-04-02',
  submittedDate: null,
  outcome: 'serious_harm',
  outcomeLabel: 'The child was seriously harmed',
  abuseOrNeglect: 'suspected',
  abuseOrNeglectLabel: 'Abuse or neglect is suspected',
  lookedAfter: false,
  recipients: [],
  recipientLabels: [],
  reference: null,
  status: 'not_sent',
  statusLabel: 'Not sent yet',
  deadline: due,
  rapidReview: null,
  version: 1,
  createdAt: '2026-04-02T09:00:00.000Z',
  abilities: { update: true, startRapidReview: true },
});
const overdue = notification(
  '0c7a4a52-1d7e-4a55-8f5f-3a1f1b0c9d11',
  'Child A',
  deadline('2026-04-13', -2, true),
);
const open = notification('1c7a4a52-1d7e-4a55-8f5f-3a1f1b0c9d12', 'Child B', deadline('2026-04-20', 3));

// The first page of a run loads its lazily split code, which can take a moment.
const firstLoad = { timeout: 5000 };

describe('notifications', () => {
  it('marks an overdue notification in red, counts working days left, and offers recording only when allowed', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${api}`]: {
        status: 200,
        body: { notifications: [overdue, open], abilities: { create: false, manageCalendar: false } },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/notifications`);
    const rowA = (await screen.findByRole('link', { name: 'Child A' }, firstLoad)).closest(
      'tr',
    ) as HTMLElement;
    expect(within(rowA).getByText('Overdue').className).toContain('govuk-tag--red');
    const rowB = screen.getByRole('link', { name: 'Child B' }).closest('tr') as HTMLElement;
    expect(within(rowB).getByText('Due in 3 working days')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Record a notification' })).toBeNull();
  });

  it('checks dates as typed, then shows the due date straight after saving', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${api}`]: {
        status: 200,
        body: { notifications: [], abilities: { create: true, manageCalendar: true } },
      },
      [`POST ${api}`]: { status: 201, body: open },
      [`GET ${api}/${open.id}`]: { status: 200, body: open },
    });
    renderApp(`/partnerships/${demoPartnershipId}/notifications/new`);
    await userEvent.type(await screen.findByLabelText('Child’s pseudonym', {}, firstLoad), 'Child B');
    const aware = screen.getByRole('group', { name: 'Date the local authority became aware' });
    await userEvent.type(within(aware).getByLabelText('Day'), '2');
    await userEvent.type(within(aware).getByLabelText('Year'), '2026');
    await userEvent.click(screen.getByRole('button', { name: 'Save notification' }));
    expect(
      await screen.findAllByText('Date the local authority became aware must include a month'),
    ).toHaveLength(2);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(within(aware).getByLabelText('Month'), '4');
    await userEvent.click(screen.getByRole('button', { name: 'Save notification' }));
    expect(await screen.findByText('Notification for Child B saved')).toBeTruthy();
    expect(screen.getByText('It is due by Monday 20 April 2026 (due in 3 working days).')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      childPseudonym: 'Child B',
      awareDate: '2026-04-02',
      incidentDate: null,
      submittedDate: null,
      recipients: [],
    });
  });
});
