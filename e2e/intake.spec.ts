import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectAccessible, signIn } from './support.ts';

const manager = 'manager@demo.sightlines.test';

async function fillDate(page: Page, group: string, day: string, month: string, year: string) {
  const fieldset = page.getByRole('group', { name: group });
  await fieldset.getByLabel('Day').fill(day);
  await fieldset.getByLabel('Month').fill(month);
  await fieldset.getByLabel('Year').fill(year);
}

test('a business manager records a notification, runs the rapid review and records the decision', async ({
  page,
}) => {
  await signIn(page, manager, demoPassword);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northbrook');
  await page.getByRole('link', { name: 'Notifications' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expectAccessible(page, 'notifications');

  // Record the notification, first meeting the validation messages.
  await page.getByRole('link', { name: 'Record a notification' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Record a serious incident notification' }),
  ).toBeVisible();
  await expectAccessible(page, 'record a notification');
  await page.getByRole('button', { name: 'Save notification' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a pseudonym for the child, like Child A');
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page, 'record a notification with errors');

  await page.getByLabel('Child’s pseudonym').fill('Child K');
  await page
    .getByLabel('Short summary (optional)')
    .fill('Admitted to hospital with injuries not explained by the account given.');
  await fillDate(page, 'Date of the incident', '1', '4', '2026');
  await fillDate(page, 'Date the local authority became aware', '2', '4', '2026');
  await page.getByLabel('The child was seriously harmed').check();
  await page.getByLabel('Abuse or neglect is suspected').check();
  await page
    .getByRole('group', { name: 'Was the child looked after by the local authority?' })
    .getByLabel('No')
    .check();
  await page.getByRole('button', { name: 'Save notification' }).click();

  // The due date is on screen straight after saving: Easter does not count.
  await expect(page.getByRole('heading', { level: 1, name: 'Notification for Child K' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('It is due by Monday 13 April 2026');
  await expectAccessible(page, 'notification');

  await page.getByRole('button', { name: 'Start the rapid review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapid review for Child K' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('It is due by Monday 27 April 2026');
  await expectAccessible(page, 'rapid review');

  // Ask two agencies for summaries.
  await page.getByRole('link', { name: 'Ask agencies for summaries' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Select the agencies you have asked for a summary');
  await expectAccessible(page, 'ask agencies with errors');
  await page.getByLabel('Northbrook Police').check();
  await page.getByLabel('Northbrook Hospitals NHS Trust').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('2 agencies asked for summaries');
  await expect(page.getByRole('cell', { name: 'Northbrook Police', exact: true })).toBeVisible();
  await expect(page.getByText('0 of 2 agencies have replied.')).toBeVisible();

  // Record the decision: a local review, with its reasons.
  await page.getByRole('link', { name: 'Record progress and the decision' }).click();
  await expectAccessible(page, 'record the decision');
  await page.getByLabel('Local child safeguarding practice review').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the reasons for the decision');
  await expectAccessible(page, 'record the decision with errors');
  await page
    .getByLabel('Reasons for the decision')
    .fill('Two or more agencies did not share what they knew about the baby’s injuries.');
  await fillDate(page, 'Date of the decision', '20', '4', '2026');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Rapid review saved');
  await expect(page.getByText('Local child safeguarding practice review')).toBeVisible();
  await expectAccessible(page, 'rapid review after the decision');

  // The list shows both due dates.
  await page.getByRole('link', { name: 'Notifications' }).first().click();
  const row = page.getByRole('row', { name: /Child K/ });
  await expect(row).toContainText('13 April 2026');
  await expect(row).toContainText('27 April 2026');
  await expect(row).toContainText('Decision made');
  await expectAccessible(page, 'notifications with the new one');

  await page.getByRole('link', { name: 'Non-working days used for these deadlines' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Non-working days' })).toBeVisible();
  await expectAccessible(page, 'non-working days');
});
