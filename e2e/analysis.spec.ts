import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectAccessible, signIn } from './support.ts';

const lead = 'lead@demo.sightlines.test';
const practitioner = 'casegroup@demo.sightlines.test';
const title = 'The strategy discussion after the second bruise';

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name, exact: true });

async function openAnalysis(page: Page) {
  await page.getByRole('link', { name: 'Child A' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Child A' })).toBeVisible();
  await section(page, 'Analysis').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Key practice episodes' })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

test('a lead reviewer analyses an episode without hindsight, the case group checks it, and the causal map shows it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  page.setDefaultTimeout(15_000);
  await signIn(page, lead, demoPassword);
  await openAnalysis(page);
  await expect(page.getByRole('link', { name: /Weighing/ }).first()).toBeVisible();
  await expectAccessible(page, 'episodes');

  // An episode made from three events of children's social care in the narrative.
  await page.getByRole('link', { name: 'Create an episode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an episode' })).toBeVisible();
  await page.getByLabel('Title').fill(title);
  const csc = page.getByRole('option', { name: /Children’s Services/ });
  await page.getByLabel('Agency', { exact: true }).selectOption((await csc.getAttribute('value')) ?? '');
  await page.getByRole('button', { name: 'Show these events' }).click();
  const events = page.getByRole('table', { name: /Events/ }).getByRole('checkbox');
  await expect(events.first()).toBeVisible();
  for (const i of [0, 1, 2]) await events.nth(i).check();
  await expectAccessible(page, 'create an episode');
  await page.getByRole('button', { name: 'Create the episode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  await expectAccessible(page, 'episode workbench');

  // How it looked at the time, written with the view from the tunnel open.
  await page
    .getByLabel('What happened in this episode')
    .fill(
      'The social worker held a strategy discussion with the police by telephone and agreed a single agency assessment.',
    );
  await page
    .getByLabel('Why it made sense to those involved then')
    .fill(
      'The family had engaged well; the explanation of the bruise matched what the health visitor had seen.',
    );
  await page.getByText(/What the agencies involved knew by/).click();
  const tunnel = page.locator('details', { hasText: 'What the agencies involved knew by' });
  await expect(tunnel.getByRole('listitem').first()).toBeVisible();
  await page.getByRole('radio', { name: 'Problematic' }).check();
  const rationale = page.getByRole('textbox', { name: 'Why this appraisal' });
  await rationale.fill('The social worker failed to seek the paediatric opinion the procedure expects.');
  // The language check flags the blame wording and offers a neutral replacement.
  const flag = page.getByRole('list', { name: 'Wording to look at in Why this appraisal' });
  await expect(flag).toContainText('failed to');
  await expectAccessible(page, 'episode with a flagged phrase');
  await page.getByRole('button', { name: /Replace with ‘did not’/ }).click();
  await expect(rationale).toHaveValue(
    'The social worker did not seek the paediatric opinion the procedure expects.',
  );
  await expect(flag).toHaveCount(0);
  await page.getByRole('button', { name: 'Save episode' }).click();
  await expect(page.getByText('The episode has been saved')).toBeVisible();

  // Three contributory factors.
  const factors: Array<[string, string, string]> = [
    ['Conditions of work', 'Workload', 'Twenty-eight children on the social worker’s caseload that month'],
    ['Own team', 'Supervision', 'Supervision was cancelled twice while the team manager post was vacant'],
    ['Family', 'Willingness to engage', 'The parents welcomed visits and answered every question'],
  ];
  for (const [group, type, description] of factors) {
    const form = page.getByRole('form', { name: 'Add a contributory factor' });
    await form.getByLabel('Factor group').selectOption({ label: group });
    await form.getByLabel('Type of factor (optional)').selectOption({ label: type });
    await form.getByLabel('How it influenced what happened').fill(description);
    await form.getByRole('button', { name: 'Add the factor' }).click();
    await expect(page.locator('.app-episode-factors').getByText(description)).toBeVisible();
  }
  await expectAccessible(page, 'episode with factors');

  // Shared with the case group.
  await section(page, 'Analysis').click();
  await page.getByRole('group', { name: 'Episodes to share' }).getByLabel(new RegExp(title)).check();
  await page.getByRole('button', { name: 'Save sharing' }).click();
  await expect(page.getByText(/shared with the case group/i).first()).toBeVisible();
  await expectAccessible(page, 'episodes after sharing');
  await signOut(page);

  // The social worker in the case group reads it and comments.
  await signIn(page, practitioner, demoPassword);
  await openAnalysis(page);
  await expectAccessible(page, 'episodes for the case group');
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByText('The family had engaged well')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save episode' })).toHaveCount(0);
  await expectAccessible(page, 'episode for the case group');
  await page
    .getByLabel('Add a comment')
    .fill('The strategy discussion was by telephone because the duty manager was covering two teams.');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(page.getByText('covering two teams')).toBeVisible();
  await signOut(page);

  // The lead reviewer resolves the comment.
  await signIn(page, lead, demoPassword);
  await openAnalysis(page);
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await page
    .getByText(/^Resolve/)
    .first()
    .click();
  await page.getByLabel('How was the comment dealt with?').fill('Added to the conditions of work factor.');
  await page.getByRole('button', { name: /Resolve the comment/ }).click();
  await expect(page.getByText('Added to the conditions of work factor.')).toBeVisible();

  // The causal map shows the episode and its factors.
  await section(page, 'Analysis').click();
  await page.getByRole('link', { name: 'See the causal map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Causal map' })).toBeVisible();
  const diagram = page.getByRole('group', { name: 'Causal map of Child A' });
  await expect(
    diagram.getByRole('link', {
      name: new RegExp(
        `${title}\\. Appraisal: Problematic\\. Influenced by 3 factors: Workload; Supervision; Willingness to engage`,
      ),
    }),
  ).toBeVisible();
  for (const factor of ['Workload', 'Supervision', 'Willingness to engage'])
    await expect(
      diagram.getByRole('img', { name: new RegExp(`^Contributory factor: ${factor} .*${title}`) }),
    ).toBeVisible();
  // The same in words, each factor in this episode's own words.
  const inWords = page.getByRole('heading', { name: `Episode 7: ${title}` }).locator('xpath=..');
  for (const [, , description] of factors) await expect(inWords.getByText(description)).toBeVisible();
  await expectAccessible(page, 'causal map');
});
