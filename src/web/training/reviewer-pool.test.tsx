import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId, mockApi, renderApp } from '../testing/render.tsx';
import {
  agencyId,
  cohortBody,
  cohortId,
  helen,
  manager,
  partnershipApi,
  poolAddress,
  reviewerList,
  reviewersApi,
  tariq,
  tina,
} from './fixtures.ts';

/** The first page shown loads its code, which takes a while on a busy machine. */
const slow = { timeout: 10_000 };

const choices = {
  [`GET ${partnershipApi}/agencies`]: {
    status: 200,
    body: {
      agencies: [{ id: agencyId, name: 'Northshire Police', active: true }],
      abilities: { create: true },
    },
  },
  [`GET ${partnershipApi}/cohorts`]: {
    status: 200,
    body: { cohorts: [cohortBody()], abilities: { manage: true } },
  },
  [`GET ${reviewersApi}?status=accredited`]: { status: 200, body: reviewerList([helen]) },
  [`GET ${partnershipApi}/reviews?scope=all`]: {
    status: 200,
    body: { reviews: [{ id: reviewId, title: 'Child A' }], abilities: { commission: true } },
  },
  [`GET ${partnershipApi}/users`]: { status: 200, body: { users: [], abilities: { create: true } } },
};

describe('the reviewer pool', { timeout: 60_000 }, () => {
  it('lists the reviewers with their status in words, and filters by status', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: manager },
      [`GET ${reviewersApi}`]: { status: 200, body: reviewerList([helen, tariq, tina]) },
      [`GET ${reviewersApi}?status=lapsed`]: { status: 200, body: reviewerList([tariq]) },
    });
    renderApp(poolAddress);
    const table = await screen.findByRole('table', { name: '3 reviewers' }, slow);
    const row = within(table).getByRole('link', { name: 'Dr Helen Mercer' }).closest('tr') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'Accredited',
      'SCIE',
      '',
      'Neglect, Adolescents',
      'From September, two days a week',
      'Change Dr Helen Mercer’s details',
    ]);
    expect(within(table).getByRole('link', { name: 'Tina Trainee' }).getAttribute('href')).toBe(
      `${poolAddress}/${tina.id}`,
    );
    expect(screen.getByRole('link', { name: 'Add a reviewer' }).getAttribute('href')).toBe(
      `${poolAddress}/new`,
    );

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'lapsed');
    await userEvent.click(screen.getByRole('button', { name: 'Show reviewers' }));
    const filtered = await screen.findByRole('table', { name: '1 reviewer' });
    expect(within(filtered).getByText('Lapsed')).toBeTruthy();
    expect(calls.some((c) => c.path === `${reviewersApi}?status=lapsed`)).toBe(true);
  });

  it('adds a trainee with a supervisor and a declared conflict', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: manager },
      ...choices,
      [`POST ${reviewersApi}`]: { status: 201, body: tina },
      [`GET ${reviewersApi}`]: { status: 200, body: reviewerList([helen, tina]) },
    });
    renderApp(`${poolAddress}/new`);
    await userEvent.type(await screen.findByLabelText('Full name', {}, slow), 'Tina Trainee');
    await userEvent.type(screen.getByLabelText('Email address (optional)'), 'tina@example.org');
    await userEvent.click(screen.getByLabelText('Trainee'));
    expect(screen.queryByRole('group', { name: /Date accredited/ })).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Training cohort (optional)'), cohortId);
    await userEvent.selectOptions(screen.getByLabelText('Supervisor'), helen.id);
    await userEvent.selectOptions(screen.getByLabelText('Practice review (optional)'), reviewId);
    await userEvent.type(
      screen.getByLabelText('Areas of expertise (optional)'),
      'Neglect{enter}Domestic abuse',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add a conflict' }));
    const conflict = screen.getByRole('group', { name: 'Conflict 1' });
    expect(document.activeElement).toBe(within(conflict).getByLabelText('Agency (optional)'));
    await userEvent.selectOptions(within(conflict).getByLabelText('Agency (optional)'), agencyId);
    await userEvent.type(
      within(conflict).getByLabelText('What the conflict is'),
      'Sister works in the child abuse team',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add the reviewer' }));

    expect(await screen.findByText('Tina Trainee has been added to the reviewer pool')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Tina Trainee',
      email: 'tina@example.org',
      userId: null,
      status: 'trainee',
      accreditingBody: null,
      accreditedOn: null,
      cohortId,
      supervisorReviewerId: helen.id,
      practiceReviewId: reviewId,
      expertise: ['Neglect', 'Domestic abuse'],
      availability: null,
      conflicts: [{ agencyId, description: 'Sister works in the child abuse team' }],
    });
  });

  it('shows the server’s problem with a conflict on its own field', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: manager },
      ...choices,
      [`POST ${reviewersApi}`]: {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'Check the details',
            details: { fields: [{ path: 'conflicts.0.description', message: 'Enter the conflict' }] },
          },
        },
      },
    });
    renderApp(`${poolAddress}/new`);
    await userEvent.type(await screen.findByLabelText('Full name', {}, slow), 'Sam Other');
    await userEvent.click(screen.getByLabelText('Lapsed'));
    await userEvent.click(screen.getByRole('button', { name: 'Add a conflict' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add the reviewer' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter the conflict' }).getAttribute('href')).toBe(
      '#conflicts.0.description',
    );
    expect(document.getElementById('conflicts.0.description-error')?.textContent).toBe(
      'Error: Enter the conflict',
    );
  });

  it('offers reviewers from the pool when adding a lead reviewer, with warnings before choosing', async () => {
    const forReview = `${reviewersApi}?forReviewId=${reviewId}`;
    const calls = mockApi({
      'GET /api/session': { status: 200, body: manager },
      [`GET ${partnershipApi}/reviews/${reviewId}`]: { status: 200, body: reviewBody() },
      [`GET ${partnershipApi}/reviews/${reviewId}/participants`]: {
        status: 200,
        body: { participants: [], abilities: { manage: true } },
      },
      [`GET ${partnershipApi}/agencies`]: {
        status: 200,
        body: { agencies: [], abilities: { create: true } },
      },
      [`GET ${partnershipApi}/users`]: { status: 200, body: { users: [], abilities: { create: true } } },
      [`GET ${forReview}`]: {
        status: 200,
        body: reviewerList([
          helen,
          {
            ...tariq,
            warnings: [
              { code: 'lapsed', message: 'Tariq Shah’s accreditation has lapsed' },
              {
                code: 'conflict',
                message:
                  'Tariq Shah declared a conflict with Northshire Police: Was a detective sergeant there until 2023',
              },
            ],
          },
        ]),
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/reviews/${reviewId}/people/new`);
    await userEvent.click(await screen.findByLabelText('Case group member', {}, slow));
    expect(screen.queryByText('Choose from the reviewer pool')).toBeNull();
    await userEvent.click(screen.getByLabelText('Lead reviewer'));
    await userEvent.click(screen.getByText('Choose from the reviewer pool'));
    const pool = await screen.findByRole('list', { name: 'Reviewers in the pool' });
    const warnings = within(pool)
      .getAllByText(/Tariq Shah/, { selector: 'strong' })
      .map((w) => w.textContent);
    expect(warnings).toEqual([
      'WarningTariq Shah’s accreditation has lapsed',
      'WarningTariq Shah declared a conflict with Northshire Police: Was a detective sergeant there until 2023',
    ]);
    await userEvent.click(within(pool).getByRole('button', { name: 'Choose Dr Helen Mercer' }));
    expect(screen.getByText(/You chose Dr Helen Mercer from the reviewer pool/)).toBeTruthy();
    expect((screen.getByLabelText('Someone new') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Dr Helen Mercer');
    expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe(
      'helen.mercer@example.org',
    );
    expect(calls.filter((c) => c.path === forReview)).toHaveLength(1);
  });
});
