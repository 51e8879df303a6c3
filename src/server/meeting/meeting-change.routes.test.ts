import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, meetings, participants } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenMeeting, givenParticipantRecord, givenReviewPerson } from './testing.ts';

let t: TestApp;
let pid: string;
let review: Awaited<ReturnType<typeof givenReview>>;
let manager: Session;
let trainee: Session;
let noRole: Session;
let outsider: Session;
let caseGroup: { session: Session; participantId: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid, { title: 'Child R' });
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(
    t,
    (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
  );
  trainee = (await givenReviewPerson(t, review, 'trainee_reviewer')).session;
  caseGroup = await givenReviewPerson(t, review, 'case_group_member', 'Jordan Practitioner');
});
afterAll(() => t.close());

const url = (meetingId: string, path = '') =>
  `/api/partnerships/${pid}/reviews/${review.id}/meetings/${meetingId}${path}`;

describe('PATCH …/meetings/:meetingId (updateMeeting)', () => {
  it('401 anonymous, 404 to another partnership, to a member with no role, and to an uninvited case group member', async () => {
    const m = await givenMeeting(t, review);
    expect((await call(t, null, 'PATCH', url(m.id), { version: 1 })).statusCode).toBe(401);
    expect((await call(t, outsider, 'PATCH', url(m.id), {})).statusCode).toBe(404);
    expect((await call(t, noRole, 'PATCH', url(m.id), {})).statusCode).toBe(404);
    expect((await call(t, caseGroup.session, 'PATCH', url(m.id), {})).statusCode).toBe(404);
  });

  it('403 to a case group member invited to the meeting, before the input is read', async () => {
    const m = await givenMeeting(t, review, [caseGroup.participantId]);
    const res = await call(t, caseGroup.session, 'PATCH', url(m.id), { notes: 'x', version: 1 });
    expect(res.statusCode).toBe(403);
    expect((await call(t, caseGroup.session, 'PATCH', url(m.id), {})).statusCode).toBe(403);
  });

  it('400 naming the fields', async () => {
    const m = await givenMeeting(t, review);
    const res = await call(t, manager, 'PATCH', url(m.id), {
      durationMinutes: 700,
      notes: 'x'.repeat(50_001),
      kind: 'rapid_review',
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths.sort()).toEqual(['durationMinutes', 'kind', 'notes', 'version']);
  });

  it('200 records notes, decisions and follow-ups, with an audit row; 409 with the current meeting when stale', async () => {
    const m = await givenMeeting(t, review, [caseGroup.participantId]);
    const ok = await call(t, trainee, 'PATCH', url(m.id), {
      notes: 'Discussed the health visiting episode.',
      decisions: 'Add KPE 4.',
      followUps: 'Ask the school for its records.',
      location: '',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      notes: 'Discussed the health visiting episode.',
      decisions: 'Add KPE 4.',
      followUps: 'Ask the school for its records.',
      location: null,
      version: 2,
    });
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, m.id), eq(auditEvents.action, 'meeting.updated')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({
      reviewId: review.id,
      changed: ['location', 'notes', 'decisions', 'followUps'],
      version: 2,
    });

    const stale = await call(t, manager, 'PATCH', url(m.id), { notes: 'Overwritten', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'stale_version',
      details: { current: { id: m.id, notes: 'Discussed the health visiting episode.', version: 2 } },
    });
    const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(row!.notes).toBe('Discussed the health visiting episode.');
  });

  it('replaces the attendees, keeping a past attendee who has since left the review', async () => {
    const leaver = await givenParticipantRecord(t, review, 'case_group_member', { name: 'Lee Leaver' });
    const m = await givenMeeting(t, review, [leaver.id]);
    await t.database.db.update(participants).set({ active: false }).where(eq(participants.id, leaver.id));
    const res = await call(t, manager, 'PATCH', url(m.id), {
      attendeeParticipantIds: [leaver.id, caseGroup.participantId],
      startsAt: '2026-04-01T13:00:00+01:00',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().startsAt).toBe('2026-04-01T12:00:00.000Z');
    expect(res.json().attendees.map((a: { name: string }) => a.name)).toEqual([
      'Jordan Practitioner',
      'Lee Leaver',
    ]);
    const other = await givenParticipantRecord(t, review, 'case_group_member', { active: false });
    const refused = await call(t, manager, 'PATCH', url(m.id), {
      attendeeParticipantIds: [other.id],
      version: 2,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields[0].path).toBe('attendeeParticipantIds');
  });
});

describe('GET …/meetings/:meetingId/calendar.ics (downloadMeetingCalendar)', () => {
  const agenda = 'Discuss the mother’s disclosure to the GP';

  it('401 anonymous, 404 to another partnership, to a member with no role, and to an uninvited case group member', async () => {
    const m = await givenMeeting(t, review);
    expect((await call(t, null, 'GET', url(m.id, '/calendar.ics'))).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', url(m.id, '/calendar.ics'))).statusCode).toBe(404);
    expect((await call(t, noRole, 'GET', url(m.id, '/calendar.ics'))).statusCode).toBe(404);
    expect((await call(t, caseGroup.session, 'GET', url(m.id, '/calendar.ics'))).statusCode).toBe(404);
  });

  it('gives an invited person a calendar file with the time and place, but no agenda, notes or emails', async () => {
    const m = await givenMeeting(t, review, [caseGroup.participantId], {
      kind: 'joint',
      title: 'Joint meeting 1',
      startsAt: new Date('2026-06-15T09:30:00Z'),
      durationMinutes: 150,
      location: 'Room 4, Civic Centre',
      agenda,
      notes: 'Confidential notes',
    });
    const res = await call(t, caseGroup.session, 'GET', url(m.id, '/calendar.ics'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="joint-meeting-2026-06-15.ics"');
    expect(res.headers['cache-control']).toBe('no-store');
    const ics = res.body.replace(/\r?\n[ \t]/g, '');
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics).toContain(`UID:meeting-${m.id}@sightlines`);
    expect(ics).toContain('DTSTART:20260615T093000Z');
    expect(ics).toContain('DURATION:PT2H30M');
    expect(ics).toContain('SUMMARY:Joint meeting 1');
    expect(ics).toContain('LOCATION:Room 4\\, Civic Centre');
    expect(ics).toContain('DESCRIPTION:Joint meeting (review team and case group) for the review Child R.');
    expect(ics).toMatch(/END:VCALENDAR\s*$/);
    for (const secret of [agenda, 'Confidential notes', '@example.org', 'Jordan', 'mailto:']) {
      expect(ics).not.toContain(secret);
    }
  });

  it('keeps the same UID when the meeting changes, with a higher SEQUENCE', async () => {
    const m = await givenMeeting(t, review);
    const before = (await call(t, manager, 'GET', url(m.id, '/calendar.ics'))).body;
    await call(t, manager, 'PATCH', url(m.id), { startsAt: '2026-05-01T10:00:00Z', version: 1 });
    const after = (await call(t, manager, 'GET', url(m.id, '/calendar.ics'))).body;
    const uid = (text: string) => /UID:(.*)/.exec(text)?.[1];
    expect(uid(after)).toBe(uid(before));
    expect(before).toContain('SEQUENCE:0');
    expect(after).toContain('SEQUENCE:1');
    expect(after).toContain('DTSTART:20260501T100000Z');
  });
});
