import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditEvents, chronologyEvents } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenParticipant,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { goodRows, toCsv, toXlsx, upload } from './import-testing.ts';
import { givenChronologyEvent } from './testing.ts';

let t: TestApp;
let pid: string;
let review: Awaited<ReturnType<typeof givenReview>>;
let lead: Session;
let supervisor: Session;
let outsider: Session;
let stranger: Session;
let health: string;
let csc: string;
let url: string;

const eventCount = async (reviewId = review.id) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(chronologyEvents)
      .where(eq(chronologyEvents.reviewId, reviewId))
  )[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid);
  const as = async (role: Parameters<typeof givenParticipant>[2]) => {
    const user = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, role, user);
    return signInAs(t, user.email);
  };
  lead = await as('lead_reviewer');
  supervisor = await as('supervisor');
  stranger = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(
    t,
    (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
  );
  health = (await givenAgency(t, pid, 'Community Health')).id;
  csc = (await givenAgency(t, pid, 'Children’s Social Care')).id;
  await t.database.db.update(agencies).set({ shortName: 'CSC' }).where(eq(agencies.id, csc));
  url = `/api/partnerships/${pid}/reviews/${review.id}/chronology`;
});
afterAll(() => t.close());

describe('previewChronologyImport and commitChronologyImport', () => {
  it('lists exactly the 3 bad rows of 500 by row, column and reason, and refuses to commit them; nothing is written', async () => {
    const rows = goodRows(500);
    rows[9]![0] = '31/02/2026';
    rows[199]![5] = '';
    rows[449]![8] = 'Police';
    const res = await upload(t, lead, `${url}/imports?agencyId=${health}&filename=hv.csv`, toCsv(rows));
    expect(res.statusCode).toBe(201);
    const preview = res.json();
    expect(preview).toMatchObject({ filename: 'hv.csv', rowCount: 500, validCount: 497 });
    expect(preview.errors).toEqual([
      { row: 11, column: 'Date', reason: '31/02/2026 is not a real date' },
      { row: 201, column: 'What happened', reason: 'Enter what happened' },
      { row: 451, column: 'Shared with', reason: 'No agency called Police in this partnership' },
    ]);
    expect(preview.sample).toHaveLength(20);
    const before = await eventCount();
    const commit = await call(t, lead, 'POST', `${url}/imports/${preview.importId}/commit`, {});
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.message).toBe('Fix the 3 rows with problems and upload the file again.');
    expect(await eventCount()).toBe(before);
  });

  it('imports the fixed file in full, with who knew, in one go, audited once; a second commit is refused', async () => {
    const rows = goodRows(500);
    rows[0]![8] = 'CSC=2025-02-01';
    const preview = (await upload(t, lead, `${url}/imports?agencyId=${health}`, toCsv(rows))).json();
    expect(preview.errors).toEqual([]);
    const before = await eventCount();
    const commit = await call(t, lead, 'POST', `${url}/imports/${preview.importId}/commit`, {});
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toMatchObject({ status: 'committed', eventsCreated: 500, perspectivesAdded: 0 });
    expect(await eventCount()).toBe(before + 500);
    const first = (await call(t, lead, 'GET', `${url}/events?limit=1&agencyId=${health}`)).json().events[0];
    expect(
      first.knowledge.map((k: { agencyId: string; learnedOn: string }) => [k.agencyId, k.learnedOn]),
    ).toEqual([
      [health, '2025-01-01'],
      [csc, '2025-02-01'],
    ]);
    expect(first.sources[0]).toMatchObject({ kind: 'agency_return', reference: 'HV-0' });
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'chronology.imported'), eq(auditEvents.entityId, preview.importId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ eventsCreated: 500 });
    expect((await call(t, lead, 'POST', `${url}/imports/${preview.importId}/commit`, {})).statusCode).toBe(
      409,
    );
    const status = await call(t, lead, 'GET', `${url}/imports/${preview.importId}`);
    expect(status.json()).toMatchObject({ status: 'committed', rowCount: 500, eventsCreated: 500 });
  });

  it('imports an Excel workbook whose dates are date cells, with a semicolon-less mapping override', async () => {
    const r = await givenReview(t, pid);
    const u = `/api/partnerships/${pid}/reviews/${r.id}/chronology`;
    const admin = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
    const file = await toXlsx([
      [
        new Date(Date.UTC(2026, 2, 2)),
        'exact',
        '09:30',
        '',
        'GP',
        'Child seen for a cough',
        'low',
        '',
        'CSC',
        '',
      ],
      ['2026-03', '', '', '', '', 'Missed appointment', '', '', '', ''],
    ]);
    const res = await upload(t, admin, `${u}/imports?agencyId=${health}&filename=gp.xlsx`, file, 'xlsx');
    expect(res.statusCode).toBe(201);
    expect(res.json().errors).toEqual([]);
    expect(
      res
        .json()
        .sample.map((s: { occurredOn: string; datePrecision: string }) => [s.occurredOn, s.datePrecision]),
    ).toEqual([
      ['2026-03-02', 'exact'],
      ['2026-03-01', 'month'],
    ]);
    expect((await call(t, admin, 'POST', `${u}/imports/${res.json().importId}/commit`, {})).statusCode).toBe(
      200,
    );
    expect(await eventCount(r.id)).toBe(2);
  });

  it('offers likely duplicates of another agency’s events and merges the chosen rows as perspectives', async () => {
    const r = await givenReview(t, pid);
    const u = `/api/partnerships/${pid}/reviews/${r.id}/chronology`;
    const bm = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
    const theirs = await givenChronologyEvent(t, r, {
      agencyId: csc,
      occurredOn: '2026-04-01',
      summary: 'Strategy meeting held about the bruise on the child’s arm',
    });
    const file = toCsv([
      [
        '2026-04-01',
        '',
        '',
        '',
        'Health visitor',
        'Strategy meeting held about the bruise on the arm',
        '',
        '',
        '',
        '',
      ],
      ['2026-04-02', '', '', '', '', 'Home visit', '', '', '', ''],
    ]);
    const preview = (await upload(t, bm, `${u}/imports?agencyId=${health}`, file)).json();
    expect(preview.duplicates).toEqual([
      expect.objectContaining({ row: 2, eventId: theirs.id, agencyName: 'Children’s Social Care' }),
    ]);
    const wrong = await call(t, bm, 'POST', `${u}/imports/${preview.importId}/commit`, {
      mergeRows: { '9': theirs.id },
    });
    expect(wrong.json().error.details.fields[0].path).toBe('mergeRows.9');
    const res = await call(t, bm, 'POST', `${u}/imports/${preview.importId}/commit`, {
      mergeRows: { '2': theirs.id },
    });
    expect(res.json()).toMatchObject({ eventsCreated: 1, perspectivesAdded: 1 });
    const merged = (await call(t, bm, 'GET', `${u}/events/${theirs.id}`)).json();
    expect(merged.perspectives).toEqual([
      expect.objectContaining({ agencyId: health, personRole: 'Health visitor' }),
    ]);
    expect(merged.knowledge.map((k: { agencyId: string }) => k.agencyId).sort()).toEqual(
      [csc, health].sort(),
    );
    expect(await eventCount(r.id)).toBe(2);
  });

  it('401, 404 elsewhere or with no role, 403 for a supervisor, 400 naming the agency, the body and the mapping', async () => {
    const file = toCsv(goodRows(1));
    expect((await upload(t, null, `${url}/imports?agencyId=${health}`, file)).statusCode).toBe(401);
    expect((await upload(t, outsider, `${url}/imports?agencyId=${health}`, file)).statusCode).toBe(404);
    expect((await upload(t, stranger, `${url}/imports?agencyId=${health}`, file)).statusCode).toBe(404);
    expect((await upload(t, supervisor, `${url}/imports?agencyId=${health}`, file)).statusCode).toBe(403);
    const fields = async (res: Awaited<ReturnType<typeof upload>>) =>
      res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(await fields(await upload(t, lead, `${url}/imports`, file))).toEqual(['agencyId']);
    expect(
      await fields(await upload(t, lead, `${url}/imports?agencyId=${crypto.randomUUID()}`, file)),
    ).toEqual(['agencyId']);
    expect(
      await fields(await upload(t, lead, `${url}/imports?agencyId=${health}&mapping=nonsense`, file)),
    ).toEqual(['mapping']);
    expect(
      await fields(await call(t, lead, 'POST', `${url}/imports?agencyId=${health}`, { rows: [] })),
    ).toEqual(['(body)']);
    const remapped = await upload(
      t,
      lead,
      `${url}/imports?agencyId=${health}&mapping=${encodeURIComponent('{"Date":"When"}')}`,
      toCsv([['2026-01-01', 'x']], ['When', 'Details']),
    );
    expect(remapped.json()).toMatchObject({
      errors: [],
      mapping: { date: 'When', what_happened: 'Details' },
    });
    expect((await call(t, lead, 'GET', `${url}/imports/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await call(t, supervisor, 'GET', `${url}/imports/${remapped.json().importId}`)).statusCode).toBe(
      403,
    );
  });
});

describe('downloadChronologyTemplate and exportChronology', () => {
  it('gives the template as CSV and as a workbook with a guide sheet', async () => {
    const csv = await call(t, supervisor, 'GET', `${url}/import-template.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFDate,Date precision,Time,End date,Practitioner role,What happened,Significance,Tags,Shared with,Source reference',
    );
    const xlsx = await call(t, lead, 'GET', `${url}/import-template.csv?format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Chronology', 'How to fill this in']);
    expect(book.worksheets[1]!.getRow(2).getCell(3).value).toBe('YYYY-MM-DD, or DD/MM/YYYY');
    expect((await call(t, lead, 'GET', `${url}/import-template.csv?format=pdf`)).statusCode).toBe(400);
    expect((await call(t, null, 'GET', `${url}/import-template.csv`)).statusCode).toBe(401);
  });

  it('exports the filtered narrative as CSV, XLSX (a table with dates) and DOCX, audited', async () => {
    const csv = await call(t, lead, 'GET', `${url}/export?format=csv&agencyId=${health}&to=2025-01-01`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Contact number 0 recorded');
    expect(csv.body).toContain('Community Health (2025-01-01)');
    const xlsx = await call(t, lead, 'GET', `${url}/export?format=xlsx&to=2025-01-02`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(Object.keys((sheet as unknown as { tables: object }).tables)).toEqual(['Narrative']);
    const docx = await call(t, lead, 'GET', `${url}/export?format=docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'chronology.exported'));
    expect(audits.map((a) => a.details.format)).toEqual(['csv', 'xlsx', 'docx']);
    expect((await call(t, lead, 'GET', `${url}/export?format=pdf`)).statusCode).toBe(400);
    expect((await call(t, outsider, 'GET', `${url}/export`)).statusCode).toBe(404);
  });
});

describe('what the file is sent as', () => {
  it('reads a CSV sent with a charset or as Excel’s label for CSV, and a workbook sent as a CSV', async () => {
    const r = await givenReview(t, pid);
    const u = `/api/partnerships/${pid}/reviews/${r.id}/chronology/imports?agencyId=${health}`;
    const bm = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
    const send = (payload: string | Buffer, type: string) =>
      t.app.inject({
        method: 'POST',
        url: u,
        headers: { cookie: bm.cookie, 'x-csrf-token': bm.csrfToken, 'content-type': type },
        payload,
      });
    for (const type of ['text/csv; charset=utf-8', 'application/vnd.ms-excel']) {
      const res = await send(toCsv(goodRows(2)), type);
      expect(res.statusCode, type).toBe(201);
      expect(res.json().validCount).toBe(2);
    }
    expect((await send(await toXlsx(goodRows(2)), 'text/csv')).json().validCount).toBe(2);
    const old = await send(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'application/vnd.ms-excel');
    expect(old.json().errors[0].reason).toContain('.xls');
    expect((await send('a,b', 'text/html')).statusCode).toBe(415);
  });
});
