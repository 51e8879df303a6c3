import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectAccessible, signIn } from './support.ts';

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name, exact: true });

async function openFinding(page: Page, email: string) {
  await signIn(page, email, demoPassword);
  await page.getByRole('link', { name: 'Child A' }).first().click();
  await section(page, 'Findings').click();
  await page.getByRole('link', { name: 'Open finding 1' }).click();
}

test('a supervisor comments on a finding and the trainee replies and resolves it', async ({ page }) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(20_000);
  await openFinding(page, 'supervisor@demo.sightlines.test');
  await page
    .getByLabel('Add a supervision comment')
    .fill('The evidence of prevalence rests on one audit. Is there data from the health side too?');
  await page.getByRole('button', { name: 'Add supervision comment' }).click();
  const thread = page.getByRole('article', { name: /Comment from Martin Osei/ }).first();
  await expect(thread).toContainText('one audit');
  await expectAccessible(page, 'finding with a supervision comment');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await openFinding(page, 'trainee@demo.sightlines.test');
  const mine = page.getByRole('article', { name: /Comment from Martin Osei/ }).first();
  await mine
    .getByLabel('Your reply')
    .fill('The health visiting audit from last spring shows the same gap; added.');
  await mine.getByRole('button', { name: /Send reply/ }).click();
  await expect(page.getByText('Your reply has been added')).toBeVisible();
  await page
    .getByRole('article', { name: /Comment from Martin Osei/ })
    .first()
    .getByRole('button', { name: /Mark as resolved/ })
    .click();
  await expect(page.getByText('The comment has been marked as resolved')).toBeVisible();
  await expectAccessible(page, 'finding after resolving');
  await section(page, 'Supervision').click();
  await expect(page.getByRole('heading', { level: 1, name: /Supervision/ })).toBeVisible();
  await expectAccessible(page, 'supervision');
});

test('the business manager completes two quality markers, one with automatic evidence', async ({ page }) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(20_000);
  await signIn(page, 'manager@demo.sightlines.test', demoPassword);
  await page.getByRole('link', { name: 'Child A' }).first().click();
  await section(page, 'Quality markers').click();
  await expect(page.getByRole('heading', { level: 1, name: /Quality markers/ })).toBeVisible();
  await expectAccessible(page, 'quality markers');

  // Analysis, with what Sightlines already knows about hindsight in the episodes.
  await page.getByRole('link', { name: '13. Analysis' }).click();
  for (const group of await page
    .getByRole('group')
    .filter({ has: page.getByRole('radio', { name: 'Yes' }) })
    .all())
    await group.getByRole('radio', { name: 'Yes' }).check();
  await page
    .getByRole('checkbox', {
      name: /Use this as evidence\s*:\s*Hindsight noted in the key practice episodes/,
    })
    .check();
  await page
    .getByRole('textbox', { name: 'Evidence', exact: true })
    .fill('Each episode records how hindsight was kept out of the appraisal.');
  await page.getByRole('radio', { name: /Green: met/ }).check();
  await expectAccessible(page, 'quality marker 13');
  await page.getByRole('button', { name: 'Save the assessment' }).click();
  await expect(page.getByText(/Marker 13, Analysis, has been saved as green/)).toBeVisible();

  // Informing the family, by judgement alone.
  await page.getByRole('link', { name: '4. Informing the family' }).click();
  for (const group of await page
    .getByRole('group')
    .filter({ has: page.getByRole('radio', { name: 'Partly' }) })
    .all())
    await group.getByRole('radio', { name: 'Partly' }).check();
  await page
    .getByRole('textbox', { name: 'Evidence', exact: true })
    .fill('The family were told by phone; the letter went later than planned.');
  await page.getByRole('radio', { name: /Amber: partly met/ }).check();
  await page.getByRole('button', { name: 'Save the assessment' }).click();
  await expect(page.getByText(/Marker 4, Informing the family, has been saved as amber/)).toBeVisible();
  await expectAccessible(page, 'quality markers after two assessments');

  await page.getByRole('link', { name: 'Monitoring' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Monitoring/ })).toBeVisible();
  await expectAccessible(page, 'monitoring');
});
