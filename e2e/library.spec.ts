import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectAccessible, signIn } from './support.ts';

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name, exact: true });
const menu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true });

test('the business manager searches the learning library with two filters, then opens the analytics', async ({
  page,
}) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(20_000);
  await signIn(page, 'manager@demo.sightlines.test', demoPassword);
  await menu(page, 'Library').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learning library' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /\d+ findings?/ })).toBeVisible();
  await expectAccessible(page, 'learning library');

  // Every partnership that shares, words to search for, and two filters.
  await page.getByRole('radio', { name: 'All partnerships that share their published findings' }).check();
  await page.getByLabel('Search findings').fill('police');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/scope=national/);
  await expect(page.locator('mark').first()).toBeVisible();
  await page
    .getByRole('group', { name: 'Theme' })
    .getByRole('checkbox', { name: /^Domestic abuse \(\d+\)$/ })
    .check();
  await page
    .getByRole('group', { name: 'Review type' })
    .getByRole('checkbox', { name: /^Local child safeguarding practice review \(LCSPR\) \(\d+\)$/ })
    .check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/theme=domestic_abuse/);
  await expect(page).toHaveURL(/reviewType=lcspr/);
  await expect(page.getByRole('heading', { name: /^[1-9]\d* findings?$/ })).toBeVisible();
  await expect(page.locator('mark').first()).toBeVisible();
  await expect(page.getByText(/Eastmoor/).first()).toBeVisible();
  await expectAccessible(page, 'learning library with two filters');

  // The analytics across the partnership's reviews.
  await menu(page, 'Analytics').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
  for (const name of [
    'Findings by typology category and year',
    'Most frequent contributory factors',
    'Time from initiation to publication',
    'Actions completed and overdue',
    'Data for the annual report',
  ])
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.getByRole('img').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Download the data/ }).first()).toBeVisible();
  await expectAccessible(page, 'analytics');
});

test('a lead reviewer writing a finding sees a similar finding from an earlier review', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(20_000);
  await signIn(page, 'lead@demo.sightlines.test', demoPassword);
  await page.getByRole('link', { name: 'Child A' }).first().click();
  await section(page, 'Findings').click();
  await page.getByRole('link', { name: 'Add a finding' }).click();
  await page
    .getByRole('textbox', { name: 'The finding in one sentence' })
    .fill('Police call-outs for domestic abuse do not reliably reach health visitors.');
  const similar = page.getByRole('region', { name: 'Similar findings in other reviews' });
  await expect(similar).toBeVisible();
  await expect(similar).toContainText('Police reports of domestic abuse call-outs');
  await expect(similar).toContainText('Child R');
  await expectAccessible(page, 'a new finding with similar findings');
});
