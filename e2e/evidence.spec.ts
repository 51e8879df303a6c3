import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectAccessible, signIn } from './support.ts';

const lead = 'lead@demo.sightlines.test';

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name, exact: true });

/** A small but real PDF with one line of text. */
function tinyPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 12 Tf 20 100 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 20 100 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);

/** An agency chronology of 250 rows, two days apart from 1 January 2025. */
function chronology(agency: string, rows: (i: number) => [string, string, string]): string {
  const lines = ['Date,Practitioner role,What happened,Significance'];
  for (let i = 0; i < 250; i++) {
    const [date, what, significance] = rows(i);
    lines.push(`${date},${agency} worker,"${what}",${significance}`);
  }
  return `${lines.join('\n')}\n`;
}
const housing = chronology('Housing', (i) => [
  day(i * 2),
  `Housing contact ${i}: tenancy visit about repairs and rent`,
  'low',
]);
const probationRow = (i: number, broken: boolean): [string, string, string] => {
  if (i === 10) return [day(20), 'Housing contact 10: tenancy visit about repairs and rent', 'low'];
  if (broken && i === 40) return ['31/02/2025', `Probation contact ${i}: supervision appointment`, 'low'];
  if (broken && i === 41) return [day(i * 2 + 1), '', 'low'];
  if (broken && i === 42)
    return [day(i * 2 + 1), `Probation contact ${i}: supervision appointment`, 'urgent'];
  return [day(i * 2 + 1), `Probation contact ${i}: supervision appointment`, 'medium'];
};

async function importFile(page: Page, agency: string, name: string, csv: string) {
  await section(page, 'Narrative').click();
  await page.getByRole('link', { name: 'Import an agency chronology' }).click();
  await page.getByLabel('Agency').selectOption({ label: agency });
  await page
    .getByLabel('Chronology file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
}

test('a lead reviewer uploads a document, imports two agencies’ chronologies, merges a duplicate and looks from the tunnel', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, lead, demoPassword);
  await page.getByRole('link', { name: 'Child A' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Child A' })).toBeVisible();

  // A document, checked by its content.
  await section(page, 'Documents').click();
  await expectAccessible(page, 'documents');
  await page.getByRole('link', { name: 'Upload a document' }).click();
  await page.getByLabel('Upload a file').setInputFiles({
    name: 'strategy-minutes.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf('Strategy discussion minutes'),
  });
  await page.getByLabel('Title (optional)').fill('Strategy discussion minutes');
  await page.getByLabel('Kind of document').selectOption({ index: 1 });
  await expectAccessible(page, 'upload a document');
  await page.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.getByRole('alert').or(page.getByRole('status')).first()).toContainText(
    'Strategy discussion minutes',
  );

  // First agency's chronology imports cleanly.
  await importFile(page, 'Northbrook Homes', 'housing.csv', housing);
  await expect(page.getByRole('button', { name: 'Import 250 events' })).toBeVisible();
  await expectAccessible(page, 'import preview');
  await page.getByRole('button', { name: 'Import 250 events' }).click();
  await expect(page.getByText('250 events imported from housing.csv')).toBeVisible();

  // The second has three bad rows: every one is named by row, column and reason, and nothing is written.
  await importFile(
    page,
    'Probation Service: Northbrook',
    'probation.csv',
    chronology('Probation', (i) => probationRow(i, true)),
  );
  await expect(page.getByRole('heading', { name: 'There are 3 problems in the file' })).toBeVisible();
  await expect(page.getByText(/Row 42, Date: .*31\/02\/2025/)).toBeVisible();
  await expect(page.getByText(/Row 43, What happened/)).toBeVisible();
  await expect(page.getByText(/Row 44, Significance/)).toBeVisible();
  await expectAccessible(page, 'import with problems');

  // Fixed, it imports, and the row that repeats a housing event is merged into it as another account.
  await importFile(
    page,
    'Probation Service: Northbrook',
    'probation.csv',
    chronology('Probation', (i) => probationRow(i, false)),
  );
  const duplicate = page
    .getByLabel('Add as Northbrook Homes’s account of the existing event')
    .or(page.getByRole('checkbox').first());
  await expect(duplicate.first()).toBeChecked();
  await page.getByRole('button', { name: /Import \d+ events?/ }).click();
  await expect(page.getByText(/imported from probation\.csv/)).toBeVisible();
  await expectAccessible(page, 'narrative after import');

  // The timeline.
  await page.getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByRole('group', { name: 'Timeline of events by agency' })).toBeVisible();
  await expectAccessible(page, 'timeline');

  // The view from the tunnel: what Northbrook Homes knew by 1 March 2025. A later event is not shown.
  await section(page, 'Narrative').click();
  await page.getByRole('link', { name: 'View from the tunnel' }).click();
  await page.getByLabel('An agency').check();
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Northbrook Homes' });
  const date = page.getByRole('group', { name: 'Date' });
  await date.getByLabel('Day').fill('1');
  await date.getByLabel('Month').fill('3');
  await date.getByLabel('Year').fill('2025');
  await page.getByRole('button', { name: 'Show what they knew' }).click();
  await expect(
    page.getByRole('heading', { name: /What Northbrook Homes knew by 1 March 2025/ }),
  ).toBeVisible();
  await expect(page.getByText('Housing contact 3: tenancy visit about repairs and rent')).toBeVisible();
  await expect(page.getByText('Housing contact 100: tenancy visit about repairs and rent')).toHaveCount(0);
  await expect(page.locator('#tunnel-hidden')).toContainText('hidden');
  await expectAccessible(page, 'view from the tunnel');

  // Search finds the uploaded document by the words inside it, and the imported events.
  await section(page, 'Search').click();
  await page
    .getByLabel('Words to find in documents, conversations and the narrative')
    .fill('strategy discussion');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name: 'Strategy discussion minutes', exact: true })).toBeVisible();
  await expect(page.locator('mark').first()).toBeVisible();
  await expectAccessible(page, 'search results');
});
