import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '#domain/intake/deadlines.ts';
import { auditEvents, supervisionSessions } from '../db/schema/index.ts';
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
import { givenSupervisionSession } from './supervision-testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
let supervisor: Session;
let lead: Session;
let caseGroup: Session;
let board: Session;
let noRole: Session;
let outsider: Session;

const stored = () =>
  t.database.db.select().from(supervisionSessions).where(eq(supervisionSessions.reviewId, review.id));

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid);
  url = `/api/partnerships/${pid}/reviews/${review.id}/supervision-sessions`;
  supervisor = (await signedInWithRole(t, review, 'supervisor', { name: 'Sam Supervisor' })).session;
  lead = (await signedInWithRole(t, review, 'lead_reviewer', { name: 'Lee Lead' })).session;
  caseGroup = (await signedInWithRole(t, review, 'case_group_member')).session;
  board = (await signedInWithRole(t, review, 'board_member')).session;
  noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(
    t,
    (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
  );
});
afterAll(() => t.close());

describe('the supervision log', () => {
  const session = { kind: 'individual', heldOn: '2026-03-02' };

  it('refuses anonymous requests (401), other partnerships and non-members (404), and the case group and board (403)', async () => {
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(t, null, 'POST', url, session)).statusCode).toBe(401);
    for (const who of [outsider, noRole]) {
      expect((await call(t, who, 'GET', url)).statusCode).toBe(404);
      expect((await call(t, who, 'POST', url, session)).statusCode).toBe(404);
    }
    for (const who of [caseGroup, board]) {
      expect((await call(t, who, 'GET', url)).statusCode).toBe(403);
      expect((await call(t, who, 'POST', url, session)).statusCode).toBe(403);
    }
    expect(await stored()).toEqual([]);
  });

  it('refuses a session in the future, or bad fields, naming each', async () => {
    const tomorrow = londonDate(new Date(Date.now() + 36 * 60 * 60 * 1000));
    let r = await call(t, lead, 'POST', url, { kind: 'group', heldOn: tomorrow });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields).toEqual([
      { path: 'heldOn', message: 'The date of the session must be today or in the past' },
    ]);
    r = await call(t, lead, 'POST', url, { kind: 'team', heldOn: '2026-02-30', notes: 'x'.repeat(20_001) });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['heldOn', 'kind', 'notes']);
    expect(await stored()).toEqual([]);
  });

  it('records a session held today, audits its kind and date but not the notes, and lists newest first', async () => {
    const today = londonDate(new Date());
    const r = await call(t, lead, 'POST', url, {
      kind: 'individual',
      heldOn: today,
      attendees: 'Lee Lead and Sam Supervisor',
      notes: 'We went through the draft findings.',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      kind: 'individual',
      kindLabel: 'Individual session',
      heldOn: today,
      attendees: 'Lee Lead and Sam Supervisor',
      notes: 'We went through the draft findings.',
      recordedByName: 'Lee Lead',
    });
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, r.json().id), eq(auditEvents.action, 'supervision_session.recorded')),
      );
    expect(audit?.details).toEqual({ reviewId: review.id, kind: 'individual', heldOn: today });

    await givenSupervisionSession(t, review, { heldOn: '2026-01-15' });
    const list = await call(t, supervisor, 'GET', url);
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ record: true });
    expect(list.json().sessions).toMatchObject([
      { heldOn: today, kind: 'individual' },
      { heldOn: '2026-01-15', kind: 'group', kindLabel: 'Group supervision', recordedByName: null },
    ]);
  });

  it('stores empty attendees and notes as none', async () => {
    const r = await call(t, supervisor, 'POST', url, { kind: 'group', heldOn: '2026-01-20', attendees: ' ' });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ attendees: null, notes: null, recordedByName: 'Sam Supervisor' });
  });
});
