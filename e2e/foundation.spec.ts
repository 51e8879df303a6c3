import { expect, test } from '@playwright/test';
import { demoAdmin, demoPassword, expectAccessible, signIn } from './support.ts';

test('an admin adds an agency and a person, who then signs in and chooses a password', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'sign in');

  // A wrong password is refused with a clear message in the error summary.
  await page.getByLabel('Email address').fill(demoAdmin);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a correct email address and password');
  await expectAccessible(page, 'sign in with an error');

  await signIn(page, demoAdmin, demoPassword);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Northbrook Safeguarding Children Partnership',
  );
  await expectAccessible(page, 'partnership home');

  // Agencies: add one, after first meeting the validation messages.
  await page.getByRole('link', { name: 'Agencies' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Northbrook Police' })).toBeVisible();
  await expectAccessible(page, 'agencies');
  await page
    .getByRole('button', { name: 'Add an agency' })
    .or(page.getByRole('link', { name: 'Add an agency' }))
    .click();
  await page.getByRole('button', { name: 'Add agency' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the agency name');
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page, 'add agency with errors');
  await page.getByLabel('Agency name').fill('Northbrook Youth Justice Service');
  await page.getByLabel('Short name (optional)').fill('YJS');
  await page.getByLabel('Other').check();
  await page.getByRole('button', { name: 'Add agency' }).click();
  await expect(page.getByRole('cell', { name: 'Northbrook Youth Justice Service' })).toBeVisible();

  // People: add a person in the new agency.
  await page.getByRole('link', { name: 'People' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expectAccessible(page, 'people');
  await page
    .getByRole('button', { name: 'Add a person' })
    .or(page.getByRole('link', { name: 'Add a person' }))
    .click();
  await expectAccessible(page, 'add a person');
  await page.getByLabel('Full name').fill('Jordan Lee');
  await page.getByLabel('Email address').fill('jordan.lee@yjs.example.org');
  await page.getByLabel('Job title (optional)').fill('Youth justice team manager');
  await page.getByLabel('Agency (optional)').selectOption({ label: 'Northbrook Youth Justice Service' });
  await page.getByLabel('Member', { exact: true }).check();
  await page.getByLabel('Temporary password').fill('quartz-meadow-violin-31');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('cell', { name: 'jordan.lee@yjs.example.org' })).toBeVisible();
  await expectAccessible(page, 'people after adding');

  // The audit log shows what happened.
  await page.getByRole('link', { name: 'Audit log' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Added a person' }).first()).toBeVisible();
  await expectAccessible(page, 'audit log');

  await page
    .getByRole('button', { name: 'Sign out' })
    .or(page.getByRole('link', { name: 'Sign out' }))
    .click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The new person signs in and must choose their own password first.
  await signIn(page, 'jordan.lee@yjs.example.org', 'quartz-meadow-violin-31');
  await expect(page).toHaveURL(/\/password/);
  await expectAccessible(page, 'choose a new password');
  await page.getByLabel('Current password').fill('quartz-meadow-violin-31');
  await page.getByLabel('New password').fill('password1234');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('alert')).toContainText('too common');
  await expectAccessible(page, 'choose a new password with an error');
  await page.getByLabel('Current password').fill('quartz-meadow-violin-31');
  await page.getByLabel('New password').fill('harbour-violet-tram-88');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Northbrook Safeguarding Children Partnership',
  );
  // A member does not see the administration of people or the audit log.
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await expectAccessible(page, 'home as a member');
});

test('works by keyboard alone, starting with the skip link', async ({ page }) => {
  await page.goto('/sign-in');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByLabel('Email address').focus();
  await page.keyboard.type(demoAdmin);
  await page.keyboard.press('Tab');
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northbrook');
  // Focus moves to the new page's heading so screen reader users hear where they are.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('unknown pages get a helpful page not found', async ({ page }) => {
  await signIn(page, demoAdmin, demoPassword);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northbrook');
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectAccessible(page, 'page not found');
});

test('the API reference is readable and accessible', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sightlines API');
  await expectAccessible(page, 'API reference');
});
