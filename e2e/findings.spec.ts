import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectAccessible, signIn } from './support.ts';

const lead = 'lead@demo.sightlines.test';
const statement =
  'Agencies failed to hear about each other’s concerns when a family moved between early help and statutory services.';

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name, exact: true });

test('a lead reviewer writes a finding, agrees it once it is evidenced, and checks the pseudonyms', async ({
  page,
}) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(15_000);
  await signIn(page, lead, demoPassword);
  await page.getByRole('link', { name: 'Child A' }).first().click();
  await section(page, 'Findings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();
  await expectAccessible(page, 'findings');

  // A first draft: the statement, with its blame wording reworded.
  await page.getByRole('link', { name: 'Add a finding' }).click();
  const finding = page.getByRole('textbox', { name: 'The finding in one sentence' });
  await finding.fill(statement);
  await expect(page.getByRole('list', { name: /Wording to look at in The finding/ })).toContainText(
    'failed to',
  );
  await page.getByRole('button', { name: /Replace with ‘did not’/ }).click();
  await expect(finding).toHaveValue(statement.replace('failed to', 'did not'));
  await page.getByRole('radio', { name: /Multi-agency working in assessment and longer-term work/ }).check();
  await expectAccessible(page, 'add a finding');
  await page.getByRole('button', { name: 'Add the finding' }).click();
  await expect(page.getByText(/Finding 5 has been added/)).toBeVisible();

  // Not yet: the server says what is missing.
  await page.getByRole('button', { name: 'Mark as agreed by the review team' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Link at least one key practice episode that shows it');
  await expect(summary).toContainText('Add at least one issue for the board');
  await expectAccessible(page, 'finding that cannot be agreed yet');

  // Evidenced: episodes, how widespread it is, and a question for the board.
  const episodes = page.getByRole('group', { name: 'Key practice episodes that show it' });
  await episodes.getByRole('checkbox').nth(2).check();
  await episodes.getByRole('checkbox').nth(3).check();
  const sources = page.getByRole('group', { name: 'Where does the evidence come from?' });
  await sources.getByRole('checkbox').first().check();
  await page
    .getByLabel('The evidence that it is an underlying pattern')
    .fill(
      'Review team members from children’s services and health said step-down summaries rarely reach other agencies.',
    );
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page
    .getByLabel('Question 1')
    .fill('What does the board know about how step-down decisions reach other agencies?');
  await page.getByRole('button', { name: 'Save the finding' }).click();
  await expect(page.getByText(/saved|has been changed/i).first()).toBeVisible();
  await page.getByRole('button', { name: 'Mark as agreed by the review team' }).click();
  await expect(page.getByText('Agreed by the review team').first()).toBeVisible();
  await expectAccessible(page, 'agreed finding');

  // The pseudonym register: its warning, and a trial run of the replacements.
  await section(page, 'Pseudonyms').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pseudonym register' })).toBeVisible();
  await expect(page.getByText(/Every time someone opens this page/)).toBeVisible();
  await expectAccessible(page, 'pseudonym register');
  await page
    .getByLabel('Text to try')
    .fill(
      'Noah Quillfeather’s mother Kerry-Ann rang the health visitor, Amira Haddad, from 14 Wren Close, HB3 7QT.',
    );
  await page.getByRole('button', { name: 'Make the replacements' }).click();
  const result = page.getByRole('region', { name: 'Text with the replacements made' });
  await expect(result).toContainText('Child A’s');
  await expect(result).not.toContainText('Quillfeather');
  await expect(result).not.toContainText('Haddad');
  await expectAccessible(page, 'pseudonym register after a trial');
});

test('the business manager records that the report will not be published, and why', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(15_000);
  await signIn(page, 'manager@demo.sightlines.test', demoPassword);
  await page.getByRole('link', { name: 'Child A' }).first().click();
  await section(page, 'Publication').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Publication' })).toBeVisible();
  await expectAccessible(page, 'publication');
  const decision = page.getByRole('group', { name: 'Will the report be published?' });
  await decision.getByRole('radio', { name: 'Do not publish the report' }).check();
  await page.getByRole('button', { name: 'Save publication record' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'publication with an error');
  await page
    .getByLabel('Why will it not be published?')
    .fill('Publishing would identify the surviving sibling.');
  await page.getByRole('button', { name: 'Save publication record' }).click();
  await expect(page.getByText('Publishing would identify the surviving sibling.').first()).toBeVisible();
});
