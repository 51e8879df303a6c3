import { addDays, formatISO } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '#domain/intake/deadlines.ts';
import { auditEvents } from '../db/schema/index.ts';
import { givenFinding } from '../finding/testing.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signedInWithRole,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenAction } from './testing.ts';

let t: TestApp;
let pid: string;
let url: string;
let admin: Session;
let manager: Session;
let member: Session;
let boardMember: Session;
let outsider: Session;
const ids = {} as Record<'first' | 'second' | 'health' | 'police', string>;
const soon = formatISO(addDays(new Date(), 5), { representation: 'date' });

const get = (who: Session | null, query = '') => call(t, who, 'GET', `${url}${query}`);
const descriptions = async (query: string) =>
  ((await get(admin, query)).json().actions as { description: string }[]).map((a) => a.description);

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  const first = await givenReview(t, pid, { title: 'Child Q' });
  const second = await givenReview(t, pid, { title: 'Child R' });
  const elsewhere = await givenReview(t, other.id);
  ids.first = first.id;
  ids.second = second.id;
  ids.health = (await givenAgency(t, pid, 'Community health trust')).id;
  ids.police = (await givenAgency(t, pid, 'Police')).id;
  const f1 = await givenFinding(t, first, {
    recommendations: [{ text: 'Audit the pathway', addressee: null }],
  });
  const f2 = await givenFinding(t, second);
  await givenAction(t, first, f1.id, {
    description: 'No date',
    ownerAgencyId: ids.health,
  });
  await givenAction(t, first, f1.id, {
    description: 'Late',
    dueOn: '2020-01-31',
    ownerAgencyId: ids.health,
    target: 'recommendation',
    targetIndex: 0,
  });
  await givenAction(t, second, f2.id, {
    description: 'Soon',
    dueOn: soon,
    status: 'in_progress',
    ownerAgencyId: ids.police,
  });
  await givenAction(t, second, f2.id, {
    description: '=Done',
    dueOn: '2020-01-01',
    status: 'done',
    completedOn: '2020-01-02',
    ownerAgencyId: ids.police,
  });
  await givenAction(t, elsewhere, (await givenFinding(t, elsewhere)).id, { description: 'Elsewhere' });
  url = `/api/partnerships/${pid}/actions`;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  boardMember = (await signedInWithRole(t, first, 'board_member')).session;
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('the partnership’s action tracker', () => {
  it('is for the partnership’s admins and business managers only', async () => {
    expect((await get(null)).statusCode).toBe(401);
    expect((await get(outsider)).statusCode).toBe(404);
    for (const who of [member, boardMember]) expect((await get(who)).statusCode).toBe(403);
    expect((await get(manager)).statusCode).toBe(200);
  });

  it('lists every review’s actions, overdue first then by due date, with counts', async () => {
    const res = await get(admin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.actions.map((a: { description: string }) => a.description)).toEqual([
      'Late',
      '=Done',
      'Soon',
      'No date',
    ]);
    expect(body.actions[0]).toMatchObject({
      reviewTitle: 'Child Q',
      overdue: true,
      targetText: 'Audit the pathway',
      abilities: { edit: true },
    });
    expect(body.actions[2]).toMatchObject({ overdue: false, dueSoon: true });
    expect(body.counts).toEqual({ open: 2, in_progress: 1, done: 1, impact_verified: 0, overdue: 1 });
    expect(body.abilities).toEqual({ export: true });
  });

  it('filters by status, review, agency and overdue', async () => {
    expect(await descriptions('?status=in_progress')).toEqual(['Soon']);
    expect(await descriptions(`?reviewId=${ids.first}`)).toEqual(['Late', 'No date']);
    expect(await descriptions(`?agencyId=${ids.police}`)).toEqual(['=Done', 'Soon']);
    expect(await descriptions('?overdue=true')).toEqual(['Late']);
    expect(await descriptions(`?agencyId=${ids.health}&status=open&overdue=false`)).toEqual(['No date']);
    const counted = (await get(admin, `?agencyId=${ids.police}&status=done`)).json().counts;
    expect(counted).toMatchObject({ in_progress: 1, done: 1, open: 0 });
  });

  it('names the filter that is not understood', async () => {
    const res = await get(admin, '?status=finished&overdue=yes');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'status',
      'overdue',
    ]);
  });
});

describe('exporting the tracker', () => {
  const exportUrl = () => `${url}/export`;

  it('is for the partnership’s admins and business managers only', async () => {
    expect((await call(t, null, 'GET', exportUrl())).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', exportUrl())).statusCode).toBe(404);
    for (const who of [member, boardMember])
      expect((await call(t, who, 'GET', exportUrl())).statusCode).toBe(403);
  });

  it('is an Excel workbook with a header row and a row per action, audited with its filters', async () => {
    const res = await call(t, admin, 'GET', `${exportUrl()}?agencyId=${ids.police}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="actions-${londonDate(new Date())}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Actions')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe('Review');
    expect(sheet.getRow(1).getCell(12).value).toBe('Evidence of impact');
    const done = sheet.getRow(2);
    expect(done.getCell(1).value).toBe('Child R');
    expect(done.getCell(4).value).toBe("'=Done");
    expect(done.getCell(7).value).toEqual(new Date('2020-01-01T00:00:00Z'));
    expect(done.getCell(8).value).toBe('Done');
    expect(sheet.getRow(3).getCell(4).value).toBe('Soon');
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnershipId, pid), eq(auditEvents.action, 'actions.exported')));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toEqual({ filters: { agencyId: ids.police }, rowCount: 2 });
  });
});
