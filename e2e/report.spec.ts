import { expect, type Page, test } from '@playwright/test';
import { docxText, pdfText } from '../src/server/report/render/extract.ts';
import { demoPassword, expectAccessible, signIn } from './support.ts';

const lead = 'lead@demo.sightlines.test';
// A misspelling of the family's surname that the register does not list, so it is not replaced: the scan must find it.
const planted = 'A neighbour, Brenda Quillfether, told the police she had heard shouting.';

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name, exact: true });

async function download(page: Page, name: RegExp) {
  const href = await page.getByRole('link', { name }).getAttribute('href');
  expect(href).toBeTruthy();
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  return Buffer.from(await res.body());
}

test('a lead reviewer generates the report, finds a name the register missed, fixes it and marks the next version publishable', async ({
  page,
}) => {
  test.setTimeout(240_000);
  page.setDefaultTimeout(30_000);
  await signIn(page, lead, demoPassword);
  await page.getByRole('link', { name: 'Child A' }).first().click();
  await section(page, 'Report').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Report' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Version 1/ })).toBeVisible();
  await expectAccessible(page, 'report');

  // A name slips into a written section.
  const summary = page.getByRole('textbox', { name: 'A short summary of the case' });
  const original = await summary.inputValue();
  await summary.fill(`${original}\n\n${planted}`);
  await page.getByRole('button', { name: 'Save the sections' }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await page.getByRole('button', { name: 'Generate a new version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Version 2/ })).toBeVisible({ timeout: 60_000 });

  // The scan finds it, with its section; the version cannot be marked publishable yet.
  const found = page.getByRole('list', { name: 'What the scan found' });
  await expect(found).toContainText('Quillfether');
  await expect(found).toContainText('A short summary of the case');
  await expectAccessible(page, 'version with a hit');
  await page.getByRole('button', { name: 'Mark as publishable' }).click();
  await expect(page.getByRole('alert').first()).toContainText(/acknowledge|publishable/i);

  // The files: the DOCX parses and the PDF's text is extracted; the register's names are gone.
  const docx = await docxText(await download(page, /Download version 2 as a Word document/));
  const pdf = await pdfText(await download(page, /Download version 2 as a PDF/));
  for (const text of [docx, pdf]) {
    expect(text).toContain('Child A');
    expect(text).toContain('Finding 1');
    expect(text).toContain('Quillfether');
    expect(text).not.toContain('Quillfeather');
    expect(text).not.toContain('Haddad');
  }

  // Fixed in the written section, the next version is clean and publishable.
  await section(page, 'Report').click();
  await page
    .getByRole('textbox', { name: 'A short summary of the case' })
    .fill(`${original}\n\nA neighbour told the police she had heard shouting.`);
  await page.getByRole('button', { name: 'Save the sections' }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await page.getByRole('button', { name: 'Generate a new version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Version 3/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'What the scan found' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Mark as publishable' }).click();
  await expect(page.getByText(/publishable/i).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as publishable' })).toHaveCount(0);
  await expectAccessible(page, 'publishable version');
  const clean = await pdfText(await download(page, /Download version 3 as a PDF/));
  expect(clean).not.toContain('Quillfether');

  // What changed between the two drafts.
  await section(page, 'Report').click();
  await page.getByLabel('Earlier version').selectOption('2');
  await page.getByLabel('Later version').selectOption('3');
  await page.getByRole('button', { name: 'Compare the versions' }).click();
  await expect(page.getByText('Quillfether').first()).toBeVisible();
  await expectAccessible(page, 'comparison');
});
