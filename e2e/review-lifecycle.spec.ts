import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectAccessible, signIn } from './support.ts';

const manager = 'manager@demo.sightlines.test';

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name, exact: true });

async function fillDate(page: Page, group: string, [day, month, year]: [string, string, string]) {
  const fieldset = page.getByRole('group', { name: group });
  await fieldset.getByLabel('Day').fill(day);
  await fieldset.getByLabel('Month').fill(month);
  await fieldset.getByLabel('Year').fill(year);
}

/** Adds someone who already uses Sightlines in the partnership to the review in a role. */
async function addExisting(page: Page, name: string, role: string) {
  await page.getByRole('link', { name: 'Add a person to the review' }).click();
  await page.getByLabel('Someone who already uses Sightlines in this partnership').check();
  const select = page.getByLabel('Person in the partnership');
  const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
  await select.selectOption(value!);
  await page.getByRole('group', { name: 'Role in the review' }).getByLabel(role, { exact: true }).check();
  await page.getByRole('button', { name: 'Add to review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /People/ })).toBeVisible();
  await expect(page.getByText(name).first()).toBeVisible();
}

test('a business manager takes a case from notification to a staffed, scheduled review; an invited practitioner sees only their part', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signIn(page, manager, demoPassword);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northbrook');

  // Notification and rapid review, to a decision.
  await page.getByRole('link', { name: 'Notifications' }).first().click();
  await page.getByRole('link', { name: 'Record a notification' }).click();
  await page.getByLabel('Child’s pseudonym').fill('Child R');
  await fillDate(page, 'Date of the incident', ['2', '11', '2026']);
  await fillDate(page, 'Date the local authority became aware', ['3', '11', '2026']);
  await page.getByLabel('The child was seriously harmed').check();
  await page.getByLabel('Abuse or neglect is suspected').check();
  await page
    .getByRole('group', { name: 'Was the child looked after by the local authority?' })
    .getByLabel('No')
    .check();
  await page.getByRole('button', { name: 'Save notification' }).click();
  await expect(page.getByRole('alert')).toContainText('It is due by');
  await page.getByRole('button', { name: 'Start the rapid review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapid review for Child R' })).toBeVisible();
  await page.getByRole('link', { name: 'Record progress and the decision' }).click();
  await page.getByLabel('Local child safeguarding practice review').check();
  await page
    .getByLabel('Reasons for the decision')
    .fill('Concerns about how health, police and children’s social care worked together.');
  await fillDate(page, 'Date of the decision', ['17', '11', '2026']);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Rapid review saved');

  // Commission the review from the rapid review's decision.
  await page.getByRole('link', { name: 'Commission the review' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Commission');
  await expectAccessible(page, 'commission a review');
  await page.getByLabel('Review title').fill('Child R');
  await page
    .getByRole('group', { name: 'Type of review' })
    .getByLabel('Local child safeguarding practice review (LCSPR)')
    .check();
  await page.getByRole('group', { name: 'Review variant' }).getByLabel('Full', { exact: true }).check();
  await page.getByRole('button', { name: 'Commission review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Child R/ })).toBeVisible();
  await expect(page.getByText('Add two lead reviewers')).toBeVisible();
  await expectAccessible(page, 'review overview at commissioning');

  // Moving on too early is refused, naming what is still needed.
  await page.getByRole('button', { name: 'Move to Data collection' }).click();
  await expect(page.getByRole('alert')).toContainText('Add two lead reviewers');
  await expectAccessible(page, 'refused transition');

  // Terms of reference.
  await section(page, 'Terms of reference').click();
  await page
    .getByLabel('Purpose of the review')
    .fill('To learn how agencies share what they know about injuries to babies.');
  await fillDate(page, 'Start of the scope period', ['1', '1', '2026']);
  await fillDate(page, 'End of the scope period', ['3', '11', '2026']);
  const agenciesGroup = page.getByRole('group', { name: 'Which agencies does the review cover?' });
  for (const agency of [
    'Northbrook Police',
    'Northbrook Council Children’s Services',
    'Northbrook Community Health NHS Trust',
  ]) {
    await agenciesGroup.getByLabel(agency).check();
  }
  await page.getByRole('button', { name: 'Add a research question' }).click();
  await page
    .getByLabel('Research question 1')
    .fill('How do agencies tell each other about unexplained injuries to babies?');
  await expectAccessible(page, 'terms of reference form');
  await page.getByRole('button', { name: 'Save terms of reference' }).click();
  await expect(page.getByRole('alert')).toContainText('The terms of reference have been saved');
  await expect(page.getByRole('link', { name: 'Add at least one research question' })).toBeVisible();

  // People: two lead reviewers, a review team from three agencies, a case group of five.
  await section(page, 'People').click();
  await expectAccessible(page, 'people in the review');
  await addExisting(page, 'Dr Helen Mercer', 'Lead reviewer');
  await addExisting(page, 'Tom Adeyemi', 'Lead reviewer');
  await addExisting(page, 'Claire Dunmore', 'Review team member');
  await addExisting(page, 'Daniel Hughes', 'Review team member');
  await addExisting(page, 'Fiona McAllister', 'Review team member');
  for (const name of ['Jordan Blake', 'Amira Haddad', 'Dr Owen Price', 'PC Leah Murray']) {
    await addExisting(page, name, 'Case group member');
  }
  await page.getByRole('link', { name: 'Add a person to the review' }).click();
  await page.getByLabel('Someone new').check();
  await page.getByLabel('Full name').fill('Sasha Newman');
  await page.getByLabel('Email address').fill('sasha.newman@nursery.example.org');
  await page.getByLabel('Job title (optional)').fill('Nursery manager');
  await page
    .getByRole('group', { name: 'Role in the review' })
    .getByLabel('Case group member', { exact: true })
    .check();
  await expectAccessible(page, 'add a new person');
  await page.getByRole('button', { name: 'Add to review' }).click();
  const link = page.getByLabel('Invitation link for Sasha Newman');
  await expect(link).toHaveValue(/\/invitations\/[\w-]{40,}$/);
  const lostInvitation = new URL(await link.inputValue()).pathname;
  await expectAccessible(page, 'invitation link shown');

  // The link was lost: a new one replaces it.
  await section(page, 'People').click();
  await page.getByRole('link', { name: 'Change Sasha Newman’s part in the review' }).click();
  await page.getByRole('button', { name: 'Make a new invitation link for Sasha Newman' }).click();
  const newLink = page.getByLabel('Invitation link for Sasha Newman');
  await expect(newLink).toHaveValue(/\/invitations\/[\w-]{40,}$/);
  const invitation = new URL(await newLink.inputValue()).pathname;
  expect(invitation).not.toBe(lostInvitation);
  await expectAccessible(page, 'new invitation link');

  // Now the review can move on.
  await section(page, 'Overview').click();
  await page.getByRole('button', { name: 'Move to Data collection' }).click();
  await expect(page.getByText('Data collection').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move to Analysis' })).toBeVisible();

  // Schedule a joint meeting.
  await section(page, 'Meetings').click();
  await page.getByRole('link', { name: 'Schedule a meeting' }).click();
  await page
    .getByRole('group', { name: 'Kind of meeting' })
    .getByLabel(/Joint meeting/)
    .check();
  await page.getByLabel('Title').fill('First joint meeting');
  await fillDate(page, 'Date', ['15', '1', '2027']);
  await page.getByLabel('Start time').fill('10:00');
  await page.getByLabel('Length in minutes').fill('180');
  await page.getByLabel('Dr Helen Mercer').check();
  await page.getByLabel('Jordan Blake').check();
  await page.getByLabel('Sasha Newman').check();
  await expectAccessible(page, 'schedule a meeting');
  await page.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(page.getByText('First joint meeting').first()).toBeVisible();

  // The dashboard shows the review with its deadline.
  await page.getByRole('link', { name: 'Home' }).first().click();
  const row = page.getByRole('row', { name: /Child R/ });
  await expect(row).toContainText('Data collection');
  await expect(row).toContainText(/2027/);
  await expectAccessible(page, 'dashboard');

  // The invited practitioner joins through the link and sees only what a case group member may.
  const context = await browser.newContext();
  const practitioner = await context.newPage();
  await practitioner.goto(lostInvitation);
  await expect(practitioner.getByText(/not valid/).first()).toBeVisible();
  await practitioner.goto(invitation);
  await expect(practitioner.getByRole('heading', { level: 1 })).toContainText('invited');
  await expectAccessible(practitioner, 'invitation');
  await practitioner.getByLabel('Full name').fill('Sasha Newman');
  await practitioner
    .getByLabel('Password', { exact: true })
    .or(practitioner.getByLabel(/password/i).first())
    .fill('amber-kettle-violin-73');
  await practitioner.getByRole('button', { name: /Accept|Join|Continue|Create/ }).click();
  await expect(practitioner.getByRole('heading', { level: 1, name: /Child R/ })).toBeVisible();
  await expect(practitioner.getByText('Case group member').first()).toBeVisible();
  await expect(practitioner.getByRole('link', { name: 'Terms of reference' })).toHaveCount(0);
  await expect(practitioner.getByRole('link', { name: 'Parallel processes' })).toHaveCount(0);
  await expectAccessible(practitioner, 'review as a case group member');
  await section(practitioner, 'Meetings').click();
  await expect(practitioner.getByText('First joint meeting').first()).toBeVisible();
  await expectAccessible(practitioner, 'meetings as a case group member');
  await section(practitioner, 'People').click();
  await expect(practitioner.getByText('Dr Helen Mercer').first()).toBeVisible();
  await expect(practitioner.getByText('Jordan Blake')).toHaveCount(0);
  await context.close();
});
