import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { demoPassword, emailTo, expectAccessible, signIn } from './support.ts';

const card = (page: Page, name: string) => page.getByRole('link', { name, exact: true });

test('a person who forgot their password resets it from the emailed link, once', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(20_000);
  const email = 'member@demo.sightlines.test';
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await expectAccessible(page, 'reset your password');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await expectAccessible(page, 'check your email');

  const body = await emailTo(email, /password/i);
  const link = /https?:\/\/\S+\/set-password#\S+/.exec(body)?.[0];
  expect(link, body).toBeTruthy();
  await page.goto(link as string);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectAccessible(page, 'choose a new password');
  const fresh = 'lantern-orchard-copper-91';
  await page.getByLabel('New password').fill(fresh);
  await page.getByLabel('Enter the password again').fill(fresh);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your password has been set' })).toBeVisible();

  // The new password signs in; the link does not work a second time.
  await signIn(page, email, fresh);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(link as string);
  await expect(
    page.getByText(/no longer works|has expired|already been used|not valid/i).first(),
  ).toBeVisible();
  await expectAccessible(page, 'a used password link');
});

test('the partnership admin looks at single sign-on and a person’s two-step verification', async ({
  page,
}) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(20_000);
  await signIn(page, 'admin@demo.sightlines.test', demoPassword);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northbrook');
  await card(page, 'Single sign-on').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Single sign-on' })).toBeVisible();
  await expect(page.getByText('/api/auth/sso/callback').first()).toBeVisible();
  await expectAccessible(page, 'single sign-on settings');

  await page.goBack();
  await card(page, 'See who has access').click();
  await page.getByRole('link', { name: 'Priya Shah', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Reset two-step verification' })).toBeVisible();
  await expectAccessible(page, 'a person’s details with the two-step verification reset');
});

test('the partnership admin sets how long personal data is kept and answers a subject access request', async ({
  page,
}) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(20_000);
  await signIn(page, 'admin@demo.sightlines.test', demoPassword);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northbrook');
  const home = new URL(page.url()).pathname;
  await card(page, 'Keeping personal data').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keeping personal data' })).toBeVisible();
  await expectAccessible(page, 'keeping personal data');
  await page.getByLabel('Retention period in years').fill('7');
  await page.getByRole('button', { name: /Save/ }).click();
  await expect(page.getByText(/saved|changed/i).first()).toBeVisible();

  await page.goto(`${home}/retention/due`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews due for erasure' })).toBeVisible();
  await expectAccessible(page, 'reviews due for erasure');

  await page.goto(`${home}/retention/subject-access`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Respond to a subject access request' }),
  ).toBeVisible();
  await expectAccessible(page, 'subject access request');
  await page
    .getByLabel('Person with a Sightlines account')
    .selectOption({ label: 'Priya Shah (member@demo.sightlines.test)' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);

  // A finished review can have its personal data erased; the page asks for the name to be typed.
  await page.goto(`${home}/reviews`);
  await page
    .getByRole('link', { name: /Child P/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Erase personal data' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Erase this review’s personal data' }),
  ).toBeVisible();
  await expectAccessible(page, 'erase a review’s personal data');
});

test('the business manager exports a review and imports it again as a new review', async ({ page }) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(30_000);
  await signIn(page, 'manager@demo.sightlines.test', demoPassword);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northbrook');
  const home = new URL(page.url()).pathname;
  await page.goto(`${home}/reviews`);
  await page
    .getByRole('link', { name: /Child P/ })
    .first()
    .click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export this review' }).click();
  const exported = await download;
  const file = {
    name: exported.suggestedFilename(),
    mimeType: 'application/json',
    buffer: await readFile(await exported.path()),
  };
  expect(file.name).toMatch(/\.json$/);

  await page.goto(`${home}/reviews`);
  await page
    .getByRole('link', { name: 'Import a review' })
    .or(page.getByRole('button', { name: 'Import a review' }))
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a review' })).toBeVisible();
  await expectAccessible(page, 'import a review');
  await page.getByLabel('Review export file').setInputFiles(file);
  await page.getByLabel('Title of the new review (optional)').fill('Child P (copy for training)');
  await page.getByRole('button', { name: 'Import review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review imported' })).toBeVisible({
    timeout: 90_000,
  });
  await expectAccessible(page, 'review imported');
});
