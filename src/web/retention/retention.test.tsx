import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  demoPartnershipId,
  mockApi,
  renderApp,
  renderWithProviders,
  sessionBody,
} from '../testing/render.tsx';
import { ErasureNotice } from './erasure-notice.tsx';

const base = `/api/partnerships/${demoPartnershipId}`;
const reviewId = '3c0c8f9e-1d2b-4a5c-8e7f-9a0b1c2d3e4f';
const session = { 'GET /api/session': { status: 200, body: sessionBody() } };

const policy = (retainYears: number, version: number) => ({
  retainYears,
  isDefault: version === 1,
  defaultRetainYears: 6,
  minRetainYears: 1,
  maxRetainYears: 50,
  version,
  updatedAt: null,
  updatedBy: null,
  abilities: { update: true },
});

const erasure = {
  reason: 'The retention period is over',
  counts: [
    { kind: 'conversations', label: 'Conversation records', count: 3 },
    { kind: 'documents', label: 'Documents', count: 0 },
  ],
  erasedBy: { id: '8b6f0a0e-2b1c-4f3e-9a0d-6f1e2d3c4b5a', name: 'Alex Admin' },
  erasedAt: '2026-12-02T10:00:00.000Z',
};
const status = (erased: boolean) => ({
  reviewId,
  reference: 'Child Q',
  erased,
  erasure: erased ? erasure : null,
  retentionStartsOn: '2019-01-15',
  dueOn: '2025-01-15',
  refusal: null,
  abilities: { erase: !erased },
});

afterEach(() => vi.unstubAllGlobals());

describe('keeping personal data', () => {
  it('saves the retention period with the version it was based on', async () => {
    const calls = mockApi({
      ...session,
      [`GET ${base}/retention-policy`]: { status: 200, body: policy(6, 1) },
      [`PUT ${base}/retention-policy`]: { status: 200, body: policy(8, 2) },
    });
    renderApp(`/partnerships/${demoPartnershipId}/retention`);
    expect(await screen.findByRole('heading', { name: 'Keeping personal data' })).toBeTruthy();
    expect(screen.getByText(/the default of 6 years applies/)).toBeTruthy();
    const years = screen.getByLabelText('Retention period in years');
    await userEvent.clear(years);
    await userEvent.type(years, '8');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The retention period has been saved')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ retainYears: 8, version: 1 });
    expect(screen.getByRole('link', { name: 'Reviews due for erasure' })).toBeTruthy();
  });

  it('lists the reviews due for erasure with a way to erase each', async () => {
    mockApi({
      ...session,
      [`GET ${base}/reviews-due-for-erasure`]: {
        status: 200,
        body: {
          retainYears: 6,
          today: '2026-12-02',
          reviews: [
            {
              id: reviewId,
              title: 'Child Q',
              stage: 'action_monitoring',
              stageLabel: 'Action monitoring',
              publishedOn: '2019-01-15',
              closedOn: null,
              retentionStartsOn: '2019-01-15',
              dueOn: '2025-01-15',
            },
          ],
        },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/retention/due`);
    const row = (await screen.findByRole('link', { name: 'Child Q' })).closest('tr') as HTMLElement;
    expect(
      within(row)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Child Q', 'Erase personal data of Child Q']);
    expect(within(row).getByText('Published 15 January 2019')).toBeTruthy();
    expect(within(row).getByText('15 January 2025')).toBeTruthy();
    expect(
      within(row)
        .getByRole('link', { name: /^Erase personal data/ })
        .getAttribute('href'),
    ).toBe(`/partnerships/${demoPartnershipId}/reviews/${reviewId}/erase`);
  });
});

describe('erasing a review’s personal data', () => {
  it('asks for a reason and the review’s name, warns, and shows what was erased', async () => {
    const calls = mockApi({
      ...session,
      [`GET ${base}/reviews/${reviewId}/erasure`]: { status: 200, body: status(false) },
      [`POST ${base}/reviews/${reviewId}/erasure`]: ({ body }) =>
        (body as { confirmReference: string }).confirmReference === 'Child Q'
          ? { status: 201, body: erasure }
          : {
              status: 400,
              body: {
                error: {
                  code: 'validation_failed',
                  message: 'There is a problem with what you entered.',
                  details: {
                    fields: [
                      {
                        path: 'confirmReference',
                        message: 'Enter the review’s name exactly as shown: Child Q',
                      },
                    ],
                  },
                },
              },
            },
    });
    renderApp(`/partnerships/${demoPartnershipId}/reviews/${reviewId}/erase`);
    expect(await screen.findByRole('heading', { name: 'Erase this review’s personal data' })).toBeTruthy();
    expect(screen.getByText(/You cannot undo this/)).toBeTruthy();
    await userEvent.type(
      screen.getByLabelText('Why are you erasing this review’s personal data?'),
      'The retention period is over',
    );
    const confirm = screen.getByLabelText('To confirm, type the review’s name: Child Q');
    await userEvent.type(confirm, 'Child R');
    await userEvent.click(screen.getByRole('button', { name: 'Erase personal data' }));
    expect(await screen.findAllByText('Enter the review’s name exactly as shown: Child Q')).toHaveLength(2);

    await userEvent.clear(confirm);
    await userEvent.type(confirm, 'Child Q');
    await userEvent.click(screen.getByRole('button', { name: 'Erase personal data' }));
    expect(await screen.findByText('The review’s personal data has been erased')).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Conversation records' })).toBeTruthy();
    expect(screen.queryByRole('cell', { name: 'Documents' })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({
      reason: 'The retention period is over',
      confirmReference: 'Child Q',
    });
  });

  it('says why a review in progress cannot be erased', async () => {
    mockApi({
      ...session,
      [`GET ${base}/reviews/${reviewId}/erasure`]: {
        status: 200,
        body: { ...status(false), refusal: 'This review is still in progress.', abilities: { erase: false } },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/reviews/${reviewId}/erase`);
    expect(await screen.findByText('This review is still in progress.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Erase personal data' })).toBeNull();
  });

  it('shows a banner on an erased review', async () => {
    mockApi({ [`GET ${base}/reviews/${reviewId}/erasure`]: { status: 200, body: status(true) } });
    renderWithProviders(<ErasureNotice partnershipId={demoPartnershipId} reviewId={reviewId} />);
    expect(await screen.findByText('This review’s personal data has been erased')).toBeTruthy();
    expect(screen.getByText(/by Alex Admin\. The review can no longer be changed\./)).toBeTruthy();
  });
});

describe('a subject access request', () => {
  it('downloads the file about the person chosen', async () => {
    const createObjectURL = vi.fn(() => 'blob:export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const userId = '0d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
    const calls = mockApi({
      ...session,
      [`GET ${base}/users`]: {
        status: 200,
        body: {
          users: [{ id: userId, name: 'Pat Practitioner', email: 'pat@example.org' }],
          abilities: { create: true },
        },
      },
      [`GET ${base}/subject-access-export?userId=${userId}`]: {
        status: 200,
        body: { exportedAt: '2026-12-02T10:00:00.000Z', account: { id: userId } },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/retention/subject-access`);
    expect(await screen.findByRole('heading', { name: 'Respond to a subject access request' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Download the file' }));
    expect(
      await screen.findAllByText('Choose a person, or enter the reference of a person in a review'),
    ).toHaveLength(2);
    await screen.findByRole('option', { name: 'Pat Practitioner (pat@example.org)' });
    await userEvent.selectOptions(screen.getByLabelText('Person with a Sightlines account'), userId);
    await userEvent.click(screen.getByRole('button', { name: 'Download the file' }));
    expect(await screen.findByText('Downloaded subject-access-2026-12-02.json')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith(`subject-access-export?userId=${userId}`))).toBe(true);
    expect(createObjectURL).toHaveBeenCalledOnce();
  });
});
