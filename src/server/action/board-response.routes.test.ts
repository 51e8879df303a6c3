import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '#domain/intake/deadlines.ts';
import type { ReviewRole } from '#domain/review/policy.ts';
import { auditEvents, boardResponses } from '../db/schema/index.ts';
import { completeFinding, givenFinding } from '../finding/testing.ts';
import { docxText, pdfText } from '../report/render/extract.ts';
import { givenRegister } from '../report/testing.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signedInWithRole,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { reviewUrl } from './board-response-testing.ts';
import { givenAction } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
let first: { id: string };
let second: { id: string };
let elsewhere: { id: string };
const people = {} as Record<ReviewRole, Session>;
let memberWithNoRole: Session;
let outsider: Session;
const realNames = ['Jane Smith', 'Paul Smith', 'Helen Brown'];

const put = (findingId: string) => `${url}/findings/${findingId}/board-response`;
const response = {
  version: 0,
  response: 'The partners accept that Jane Smith’s bruise was not checked; the health service will audit it.',
  agreedOn: '2026-03-02',
};
const auditRows = (action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnershipId, review.partnershipId), eq(auditEvents.action, action)));

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t, 'Northbrook Safeguarding Children Partnership')).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid, { title: 'Child A' });
  url = `${reviewUrl(review)}`;
  for (const role of [
    'lead_reviewer',
    'business_manager',
    'chair',
    'board_member',
    'case_group_member',
    'family_member',
  ] as const)
    people[role] = (await signedInWithRole(t, review, role, { name: `Person ${role}` })).session;
  memberWithNoRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
  await givenRegister(t, review, [
    { category: 'child', realValue: 'Jane Smith', variants: [], replacement: 'Child A' },
    { category: 'family_member', realValue: 'Paul Smith', variants: [], replacement: 'Father' },
    { category: 'practitioner', realValue: 'Helen Brown', variants: [], replacement: 'the GP' },
  ]);
  first = await givenFinding(t, review, {
    ...completeFinding,
    statement: 'Accounts of injuries to non-mobile babies are accepted without a second opinion',
    boardQuestions: ['How does the board know that Helen Brown’s team checks bruises?'],
    recommendations: [{ text: 'Audit the bruising protocol', addressee: 'Health' }],
  });
  second = await givenFinding(t, review, { statement: 'Referrals from schools wait for a reply' });
  elsewhere = await givenFinding(t, await givenReview(t, pid));
  await givenAction(t, review, first.id);
  await givenAction(t, review, first.id);
});
afterAll(() => t.close());

describe('who may read and record the board’s response', () => {
  const requests = () =>
    [
      ['GET', `${url}/board-response`, undefined],
      ['PUT', put(first.id), response],
      ['GET', `${url}/board-response/files/pdf`, undefined],
    ] as const;

  it('refuses anonymous requests with 401', async () => {
    for (const [method, path, body] of requests())
      expect((await call(t, null, method, path, body)).statusCode).toBe(401);
  });

  it('hides the review from other partnerships and members with no part in it (404)', async () => {
    for (const who of [outsider, memberWithNoRole])
      for (const [method, path, body] of requests())
        expect((await call(t, who, method, path, body)).statusCode, method).toBe(404);
  });

  it('refuses the case group and the family (403)', async () => {
    for (const role of ['case_group_member', 'family_member'] as const)
      for (const [method, path, body] of requests())
        expect((await call(t, people[role], method, path, body)).statusCode, `${role} ${method}`).toBe(403);
  });

  it('lets a board member and a lead reviewer read it but not record it (403)', async () => {
    for (const who of [people.board_member, people.lead_reviewer]) {
      const r = await call(t, who, 'GET', `${url}/board-response`);
      expect(r.statusCode).toBe(200);
      expect(r.json().abilities).toEqual({ record: false, download: true });
      expect((await call(t, who, 'PUT', put(first.id), response)).statusCode).toBe(403);
    }
    expect(await t.database.db.select().from(boardResponses)).toEqual([]);
    expect(await auditRows('board_response.recorded')).toEqual([]);
  });

  it('answers 404 for a finding of another review, and for a format that is not docx or pdf', async () => {
    expect((await call(t, people.chair, 'PUT', put(elsewhere.id), response)).statusCode).toBe(404);
    expect((await call(t, people.chair, 'GET', `${url}/board-response/files/html`)).statusCode).toBe(404);
  });
});

describe('recording the board’s response', () => {
  it('lists every finding in order with no response yet', async () => {
    const r = await call(t, people.chair, 'GET', `${url}/board-response`);
    expect(r.json()).toMatchObject({ agreedCount: 0, abilities: { record: true, download: true } });
    expect(r.json().findings).toMatchObject([
      {
        findingId: first.id,
        findingNumber: 1,
        boardQuestions: ['How does the board know that Helen Brown’s team checks bruises?'],
        recommendations: [{ text: 'Audit the bruising protocol', addressee: 'Health' }],
        response: null,
        agreedOn: null,
        version: 0,
        actionCount: 2,
      },
      { findingId: second.id, findingNumber: 2, version: 0, actionCount: 0 },
    ]);
  });

  it('refuses an empty response or a date in the future, naming the field', async () => {
    const empty = await call(t, people.chair, 'PUT', put(first.id), { ...response, response: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['response']);
    const tomorrow = londonDate(new Date(Date.now() + 2 * 86_400_000));
    const future = await call(t, people.chair, 'PUT', put(first.id), { ...response, agreedOn: tomorrow });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['agreedOn']);
    expect(await t.database.db.select().from(boardResponses)).toEqual([]);
  });

  it('records the response and audits it without its text', async () => {
    const r = await call(t, people.chair, 'PUT', put(first.id), response);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      findingId: first.id,
      response: response.response,
      agreedOn: '2026-03-02',
      updatedByName: 'Person chair',
      version: 1,
      actionCount: 2,
    });
    const rows = await auditRows('board_response.recorded');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityId: first.id, details: { finding: 1, agreed: true, version: 1 } });
    expect(Object.keys(rows[0]!.details as object).sort()).toEqual([
      'agreed',
      'finding',
      'reviewId',
      'version',
    ]);
    const list = await call(t, people.board_member, 'GET', `${url}/board-response`);
    expect(list.json().agreedCount).toBe(1);
  });

  it('lets the business manager record a draft response without a date', async () => {
    const r = await call(t, people.business_manager, 'PUT', put(second.id), {
      version: 0,
      response: 'The partners are still considering this finding.',
    });
    expect(r.json()).toMatchObject({ agreedOn: null, version: 1 });
    expect((await auditRows('board_response.recorded')).at(-1)?.details).toMatchObject({ agreed: false });
  });

  it('refuses a stale version with 409 and the response as it is now', async () => {
    const r = await call(t, people.business_manager, 'PUT', put(first.id), {
      ...response,
      response: 'Other',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details.current).toMatchObject({ response: response.response, version: 1 });
  });

  it('changes nothing when the same response is saved again', async () => {
    const before = (await auditRows('board_response.recorded')).length;
    const r = await call(t, people.chair, 'PUT', put(first.id), { ...response, version: 1 });
    expect(r.json().version).toBe(1);
    expect(await auditRows('board_response.recorded')).toHaveLength(before);
  });
});

describe('downloading the board’s response', () => {
  it('gives a DOCX and a PDF with the responses and no name from the register, and audits each', async () => {
    for (const [format, read] of [
      ['docx', docxText],
      ['pdf', pdfText],
    ] as const) {
      const r = await call(t, people.board_member, 'GET', `${url}/board-response/files/${format}`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-disposition']).toBe(
        `attachment; filename="child-a-board-response.${format}"`,
      );
      const text = (await read(r.rawPayload)).replace(/\s+/g, ' ');
      expect(text).toContain('Child A: the safeguarding partners’ response');
      expect(text).toContain('Finding 1: Accounts of injuries to non-mobile babies');
      expect(text).toContain('the health service will audit it');
      expect(text).toContain('The partners are still considering this finding.');
      expect(text).toContain('the GP’s team checks bruises');
      for (const name of realNames) expect(text).not.toContain(name);
    }
    const rows = await auditRows('board_response.downloaded');
    expect(rows.map((r) => r.details)).toMatchObject([{ format: 'docx' }, { format: 'pdf' }]);
  });

  it('says where no response is recorded yet', async () => {
    const fresh = await givenReview(t, review.partnershipId, { title: 'Child B' });
    await givenFinding(t, fresh, { statement: 'Nobody owns the referral' });
    const chair = (await signedInWithRole(t, fresh, 'chair')).session;
    const r = await call(t, chair, 'GET', `${reviewUrl(fresh)}/board-response/files/docx`);
    expect(await docxText(r.rawPayload)).toContain('No response recorded yet');
  });
});
