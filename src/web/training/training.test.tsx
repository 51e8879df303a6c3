import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp } from '../testing/render.tsx';
import {
  cohortBody,
  manager,
  partnershipApi,
  poolAddress,
  reviewersApi,
  tina,
  trainingRecordBody,
} from './fixtures.ts';

/** The first page shown loads its code, which takes a while on a busy machine. */
const slow = { timeout: 10_000 };
const recordApi = `${reviewersApi}/${tina.id}/training`;

async function typeDate(legend: string, day: string, month: string, year: string) {
  const group = screen.getByRole('group', { name: legend });
  await userEvent.type(within(group).getByLabelText('Day'), day);
  await userEvent.type(within(group).getByLabelText('Month'), month);
  await userEvent.type(within(group).getByLabelText('Year'), year);
}

describe('training', { timeout: 60_000 }, () => {
  it('shows a trainee’s record, what is still to do and the logbook, and records a milestone', async () => {
    let record = trainingRecordBody();
    const calls = mockApi({
      'GET /api/session': { status: 200, body: manager },
      [`GET ${recordApi}`]: () => ({ status: 200, body: record }),
      [`POST ${reviewersApi}/${tina.id}/milestones`]: ({ body }) => {
        const b = body as { kind: 'group_supervision'; on: string };
        record = {
          ...record,
          milestones: [
            ...record.milestones,
            {
              id: 'm2',
              kindLabel: 'Group supervision session',
              recordedByName: 'Alex Admin',
              outcome: null,
              notes: null,
              ...b,
            },
          ],
        };
        return { status: 201, body: record };
      },
    });
    renderApp(`${poolAddress}/${tina.id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tina Trainee: training record' }, slow),
    ).toBeTruthy();
    const todo = screen.getByRole('list', { name: 'Still to do' });
    expect(
      within(todo)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(trainingRecordBody().outstanding);
    expect(
      screen
        .getByRole('link', { name: 'Download the accreditation logbook (Word document)' })
        .getAttribute('href'),
    ).toBe(`${reviewersApi}/${tina.id}/logbook`);
    const milestones = screen.getByRole('table', { name: 'Milestones' });
    expect(within(milestones).getByText('Day 1: the systems model')).toBeTruthy();

    await userEvent.click(screen.getByLabelText('Assessment outcome'));
    await typeDate('Date', '2', '5', '2026');
    await userEvent.click(screen.getByRole('button', { name: 'Record the milestone' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter the outcome of the assessment' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.click(screen.getByLabelText('Group supervision session'));
    await userEvent.click(screen.getByRole('button', { name: 'Record the milestone' }));
    expect(await screen.findByText('The milestone has been recorded')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'group_supervision',
      on: '2026-05-02',
      outcome: null,
      notes: null,
    });
    expect(await within(milestones).findByText('Group supervision session')).toBeTruthy();
  });

  it('lists the cohorts with their trainees, and adds a cohort', async () => {
    let cohorts = [cohortBody()];
    const calls = mockApi({
      'GET /api/session': { status: 200, body: manager },
      [`GET ${partnershipApi}/cohorts`]: () => ({
        status: 200,
        body: { cohorts, abilities: { manage: true } },
      }),
      [`POST ${partnershipApi}/cohorts`]: ({ body }) => {
        const made = cohortBody({ id: 'c2', trainees: [], ...(body as object) });
        cohorts = [made, ...cohorts];
        return { status: 201, body: made };
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/training`);
    const trainees = await screen.findByRole('list', { name: 'Trainees in 2026 cohort' }, slow);
    expect(within(trainees).getByRole('link', { name: 'Tina Trainee' }).getAttribute('href')).toBe(
      `${poolAddress}/${tina.id}`,
    );
    expect(trainees.textContent).toContain('1 milestone recorded');
    expect(screen.getByRole('link', { name: 'Training' }).getAttribute('aria-current')).toBe('page');

    await userEvent.type(screen.getByLabelText('Name'), '2027 cohort');
    await typeDate('Start date', '23', '1', '2027');
    await userEvent.type(screen.getByLabelText('Who runs the training (optional)'), 'SCIE');
    await userEvent.click(screen.getByRole('button', { name: 'Add the cohort' }));
    expect(await screen.findByText('2027 cohort has been added')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: '2027 cohort',
      startsOn: '2027-01-23',
      provider: 'SCIE',
      notes: null,
    });
    expect(await screen.findByRole('heading', { level: 2, name: '2027 cohort' })).toBeTruthy();
  });
});
