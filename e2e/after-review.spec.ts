import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectAccessible, signIn } from './support.ts';

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name, exact: true });
const action = 'Review a sample of nursery safeguarding logs each term, by child rather than by date.';

test('the business manager records the board’s response, and an action through to evidence of its impact', async ({
  page,
}) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(20_000);
  await signIn(page, 'manager@demo.sightlines.test', demoPassword);
  await page.getByRole('link', { name: 'Child A' }).first().click();

  // The board's response to a finding it has not answered yet.
  await section(page, 'Board response').click();
  await expect(
    page.getByRole('heading', { level: 1, name: /Board response|board’s response/i }),
  ).toBeVisible();
  await expectAccessible(page, 'board response');
  const form = page.getByRole('form', { name: 'The board’s response to finding 3' });
  await form
    .getByRole('textbox', { name: 'The board’s response to finding 3' })
    .fill(
      'The partners accept this finding and ask the education service to report on supervision in nurseries.',
    );
  await form.getByRole('button', { name: 'Save the response' }).click();
  await expect(page.getByText('The board’s response to finding 3 has been saved')).toBeVisible();

  // An action that answers it, then done and its impact verified by an audit.
  await section(page, 'Actions').click();
  await expectAccessible(page, 'action plan');
  await page.getByRole('link', { name: 'Add an action' }).click();
  await page.getByRole('radio', { name: 'Finding 3', exact: true }).check();
  await page.getByLabel('What will be done').fill(action);
  await page
    .getByLabel('Measure of success (optional)')
    .fill('Every term, 10 logs sampled; concerns linked across entries.');
  await expectAccessible(page, 'add an action');
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByText('The action has been added')).toBeVisible();
  await page.getByRole('link', { name: new RegExp(`Change the action: ${action.slice(0, 30)}`) }).click();
  await page.getByRole('radio', { name: 'Impact verified' }).check();
  await page.getByRole('radio', { name: 'An audit' }).check();
  await page
    .getByLabel('The evidence of impact')
    .fill('The spring audit found concerns linked across entries in 9 of 10 logs.');
  const done = page.getByRole('group', { name: 'Date it was done' });
  const yesterday = new Date(Date.now() - 86_400_000);
  await done.getByLabel('Day').fill(String(yesterday.getUTCDate()));
  await done.getByLabel('Month').fill(String(yesterday.getUTCMonth() + 1));
  await done.getByLabel('Year').fill(String(yesterday.getUTCFullYear()));
  await expectAccessible(page, 'change an action');
  await page.getByRole('button', { name: 'Save the action' }).click();
  await expect(page.getByText('The action has been saved')).toBeVisible();

  // The partnership's tracker, filtered to overdue actions.
  await page.getByRole('link', { name: 'Actions', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Actions/ })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Only overdue' }).check();
  await page.getByRole('button', { name: 'Apply the filters' }).click();
  await expect(page.getByRole('link', { name: /Export to Excel/ })).toHaveAttribute('href', /overdue=true/);
  await expectAccessible(page, 'action tracker');
});
