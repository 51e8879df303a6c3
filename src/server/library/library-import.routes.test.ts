import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryImportColumns } from '#domain/library/library.ts';
import { auditEvents, libraryEntries, libraryImports } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenLibraryImport } from './testing.ts';

let t: TestApp;
let pid: string;
let otherId: string;
let url: string;
const as = {} as Record<'admin' | 'manager' | 'member' | 'outsider', Session>;

const heading = Object.keys(libraryImportColumns).join(',');
const rows = [
  'Child T,lcspr,2022-05-31,Health visitors are not told about police call-outs,Risk is judged without history,,incidents_crises,domestic_abuse;information_sharing,inter_agency,police;health_community,https://example.org/child-t',
  'Child T,lcspr,2022-05-31,Safer sleep advice is not revisited when a family moves,,,tools,safer_sleep,,health_acute,',
  'Siblings K and L,learning_review,31/01/2025,Fathers are rarely asked about their own history,,,family_professional,men_in_families,,,',
];
const csv = (...lines: string[]) => [heading, ...lines].join('\r\n');
const entriesOf = (partnershipId: string) =>
  t.database.db.select().from(libraryEntries).where(eq(libraryEntries.partnershipId, partnershipId));
const audited = (action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnershipId, pid), eq(auditEvents.action, action)));

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  otherId = (await givenPartnership(t)).id;
  url = `/api/partnerships/${pid}/library/imports`;
  as.admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin', { name: 'Ada Admin' })).email);
  as.manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  as.member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.outsider = await signInAs(t, (await givenMember(t, otherId, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('who may import older findings', () => {
  it('refuses anonymous requests, hides the partnership from outsiders and refuses members', async () => {
    const body = { fileName: 'older.csv', csv: csv(rows[0] as string) };
    expect((await call(t, null, 'POST', url, body)).statusCode).toBe(401);
    expect((await call(t, as.outsider, 'POST', url, body)).statusCode).toBe(404);
    expect((await call(t, as.member, 'POST', url, body)).statusCode).toBe(403);
    const template = `/api/partnerships/${pid}/library/import-template`;
    expect((await call(t, null, 'GET', template)).statusCode).toBe(401);
    expect((await call(t, as.outsider, 'GET', template)).statusCode).toBe(404);
    expect((await call(t, as.member, 'GET', template)).statusCode).toBe(403);
    expect(await entriesOf(pid)).toEqual([]);
  });

  it('answers a missing or empty file with 400 naming the field', async () => {
    const missing = await call(t, as.admin, 'POST', url, { fileName: 'older.csv' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0]).toMatchObject({
      path: 'csv',
      message: 'Attach the CSV file',
    });
    const empty = await call(t, as.admin, 'POST', url, { fileName: 'older.csv', csv: '' });
    expect(empty.json().error.details.fields[0]).toMatchObject({ path: 'csv', message: 'The file is empty' });
  });
});

describe('importing older published findings', () => {
  it('imports every row as a published finding, audited with the number of rows', async () => {
    const r = await call(t, as.manager, 'POST', url, {
      fileName: 'older.csv',
      csv: `\uFEFF${csv(...rows, '')}`,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ rows: 3, reviews: 2 });
    const stored = await entriesOf(pid);
    expect(stored).toHaveLength(3);
    expect(stored.find((e) => e.reviewTitle === 'Siblings K and L')).toMatchObject({
      source: 'import',
      importId: r.json().id,
      reviewType: 'learning_review',
      publishedOn: '2025-01-31',
      year: 2025,
      typologyCode: 'family_professional',
      typologyName: 'Family–professional interaction',
      themes: ['men_in_families'],
      findingNumber: null,
      reportUrl: null,
    });
    expect(stored.find((e) => e.reportUrl)).toMatchObject({
      agencySectors: ['police', 'health_community'],
      factorGroups: ['inter_agency'],
    });
    expect((await audited('library.imported')).map((a) => a.details)).toEqual([{ rows: 3, reviews: 2 }]);
    const settings = await call(t, as.admin, 'GET', `/api/partnerships/${pid}/library/settings`);
    expect(settings.json().imports).toMatchObject([{ id: r.json().id, fileName: 'older.csv', rows: 3 }]);
    const search = await call(t, as.member, 'GET', `/api/partnerships/${pid}/library?q=fathers`);
    expect(search.json().entries).toMatchObject([
      { reviewTitle: 'Siblings K and L', source: 'import', published: true },
    ]);
  });

  it('refuses a file with bad rows, naming each row and column, and stores nothing', async () => {
    const before = (await entriesOf(pid)).length;
    const r = await call(t, as.admin, 'POST', url, {
      fileName: 'bad.csv',
      csv: csv(
        rows[0] as string,
        'Child V,inquiry,2099-01-01,,,,nope,,,,',
        rows[1] as string,
        'Child W,scr,2020-13-01,A finding',
      ),
    });
    expect(r.statusCode).toBe(400);
    const error = r.json().error;
    expect(error.message).toContain('nothing was imported');
    expect(error.details.rows.map((p: { row: number; column: string }) => `${p.row} ${p.column}`)).toEqual([
      '3 statement',
      '3 review_type',
      '3 published_on',
      '3 typology',
      '5 published_on',
    ]);
    expect(error.details.problemCount).toBe(5);
    expect(error.details.fields[0]).toMatchObject({
      path: 'csv',
      message: expect.stringContaining('Row 3, statement'),
    });
    expect(await entriesOf(pid)).toHaveLength(before);
    expect(
      await t.database.db.select().from(libraryImports).where(eq(libraryImports.fileName, 'bad.csv')),
    ).toEqual([]);
  });

  it('names a missing required column', async () => {
    const r = await call(t, as.admin, 'POST', url, { csv: 'review_title,statement\nChild T,A finding' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.rows).toEqual([
      expect.objectContaining({ row: 1, column: 'review_type' }),
      expect.objectContaining({ row: 1, column: 'published_on' }),
    ]);
  });

  it('offers a template with the heading row and an example finding', async () => {
    const r = await call(t, as.manager, 'GET', `/api/partnerships/${pid}/library/import-template`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toContain('library-import-template.csv');
    expect(r.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(heading);
    const imported = await call(t, as.manager, 'POST', url, { fileName: 'template.csv', csv: r.body });
    expect(imported.statusCode).toBe(201);
  });
});

describe('removing an import', () => {
  it('removes the import and its findings, audited, once; another partnership’s import is not found', async () => {
    const { record } = await givenLibraryImport(t, pid, [
      { reviewTitle: 'Child Z' },
      { reviewTitle: 'Child Z' },
    ]);
    const theirs = await givenLibraryImport(t, otherId);
    const at = (id: string) => `${url}/${id}`;
    expect((await call(t, null, 'DELETE', at(record.id))).statusCode).toBe(401);
    expect((await call(t, as.outsider, 'DELETE', at(record.id))).statusCode).toBe(404);
    expect((await call(t, as.member, 'DELETE', at(record.id))).statusCode).toBe(403);
    expect((await call(t, as.admin, 'DELETE', at(theirs.record.id))).statusCode).toBe(404);
    expect(await entriesOf(otherId)).toHaveLength(1);

    expect((await call(t, as.admin, 'DELETE', at(record.id))).statusCode).toBe(204);
    expect((await entriesOf(pid)).filter((e) => e.reviewTitle === 'Child Z')).toEqual([]);
    expect((await audited('library.import_removed')).map((a) => a.details)).toEqual([{ rows: 2 }]);
    expect((await call(t, as.manager, 'DELETE', at(record.id))).statusCode).toBe(204);
    expect(await audited('library.import_removed')).toHaveLength(1);
    expect((await call(t, as.admin, 'DELETE', `${url}/not-an-id`)).statusCode).toBe(404);
  });
});
