import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, meetingAttendees, meetings } from '../db/schema/index.ts';
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
let noRole: Session;
let outsider: Session;
let lead: Session;
let caseGroup: { session: Session; participantId: string };
let invitedMeetingId: string;
let otherMeetingId: string;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid, { title: 'Child Q' });
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(
    t,
    (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
  );
  lead = (await givenReviewPerson(t, review, 'lead_reviewer')).session;
  caseGroup = await givenReviewPerson(t, review, 'case_group_member');
  invitedMeetingId = (await givenMeeting(t, review, [caseGroup.participantId], { kind: 'joint' })).id;
  otherMeetingId = (await givenMeeting(t, review, [], { startsAt: new Date('2026-02-01T10:00:00Z') })).id;
});
afterAll(() => t.close());

const url = (path = '') => `/api/partnerships/${pid}/reviews/${review.id}/meetings${path}`;

describe('GET …/reviews/:reviewId/meetings (listMeetings)', () => {
  it('401 anonymous, 404 to another partnership and to a member with no role in the review', async () => {
    expect((await call(t, null, 'GET', url())).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', url())).statusCode).toBe(404);
    expect((await call(t, noRole, 'GET', url())).statusCode).toBe(404);
    const unknown = `/api/partnerships/${pid}/reviews/00000000-0000-4000-8000-000000000000/meetings`;
    expect((await call(t, manager, 'GET', unknown)).statusCode).toBe(404);
  });

  it('shows the review team side every meeting, earliest first, with abilities', async () => {
    const res = await call(t, lead, 'GET', url());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.review).toEqual({ id: review.id, title: 'Child Q' });
    expect(body.meetings.map((m: { id: string }) => m.id).slice(0, 2)).toEqual([
      otherMeetingId,
      invitedMeetingId,
    ]);
    expect(body.abilities).toEqual({ schedule: true, viewAll: true });
  });

  it('shows a case group member only the meetings they are invited to, and no scheduling', async () => {
    const res = await call(t, caseGroup.session, 'GET', url());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.meetings.map((m: { id: string }) => m.id)).toEqual([invitedMeetingId]);
    expect(body.meetings[0]).toMatchObject({ kind: 'joint', abilities: { update: false } });
    expect(body.meetings[0].attendees[0]).toMatchObject({
      participantId: caseGroup.participantId,
      roleLabel: 'Case group member',
    });
    expect(body.abilities).toEqual({ schedule: false, viewAll: false });
  });
});

describe('POST …/reviews/:reviewId/meetings (scheduleMeeting)', () => {
  const valid = () => ({
    kind: 'review_team',
    title: 'Review team meeting 1',
    startsAt: '2026-03-10T09:30:00.000Z',
    durationMinutes: 150,
    location: 'Room 4, Civic Centre',
    agenda: 'Agree the key practice episodes',
    attendeeParticipantIds: [caseGroup.participantId],
  });

  it('401 anonymous, 404 to another partnership and to a member with no role, before the input', async () => {
    expect((await call(t, null, 'POST', url(), valid())).statusCode).toBe(401);
    expect((await call(t, outsider, 'POST', url(), {})).statusCode).toBe(404);
    expect((await call(t, noRole, 'POST', url(), {})).statusCode).toBe(404);
  });

  it('403 to a case group member', async () => {
    const res = await call(t, caseGroup.session, 'POST', url(), valid());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('400 naming each field, and refuses a rapid review meeting in a review', async () => {
    const res = await call(t, manager, 'POST', url(), {
      kind: 'rapid_review',
      title: ' ',
      startsAt: '10 March',
      durationMinutes: 5,
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths.sort()).toEqual(['durationMinutes', 'kind', 'startsAt', 'title']);
  });

  it('400 naming attendeeParticipantIds for someone not taking part in this review, and stores nothing', async () => {
    const elsewhere = await givenReview(t, pid);
    const stranger = await givenParticipantRecord(t, elsewhere, 'case_group_member');
    const removed = await givenParticipantRecord(t, review, 'case_group_member', { active: false });
    for (const id of [stranger.id, removed.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await call(t, manager, 'POST', url(), { ...valid(), attendeeParticipantIds: [id] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields).toEqual([
        {
          path: 'attendeeParticipantIds',
          message: 'Choose attendees from the people taking part in this review',
        },
      ]);
    }
    const bad = await call(t, manager, 'POST', url(), { ...valid(), attendeeParticipantIds: ['nope'] });
    expect(bad.json().error.details.fields[0].path).toBe('attendeeParticipantIds.0');
    const stored = await t.database.db.select().from(meetings).where(eq(meetings.title, valid().title));
    expect(stored).toHaveLength(0);
  });

  it('201 schedules the meeting with its attendees and writes its audit row', async () => {
    const res = await call(t, lead, 'POST', url(), {
      ...valid(),
      attendeeParticipantIds: [caseGroup.participantId, caseGroup.participantId],
    });
    expect(res.statusCode).toBe(201);
    const meeting = res.json();
    expect(meeting).toMatchObject({
      kind: 'review_team',
      kindLabel: 'Review team meeting',
      startsAt: '2026-03-10T09:30:00.000Z',
      durationMinutes: 150,
      location: 'Room 4, Civic Centre',
      notes: null,
      version: 1,
      abilities: { update: true },
    });
    expect(meeting.attendees).toHaveLength(1);
    const rows = await t.database.db
      .select()
      .from(meetingAttendees)
      .where(eq(meetingAttendees.meetingId, meeting.id));
    expect(rows).toEqual([
      { meetingId: meeting.id, participantId: caseGroup.participantId, partnershipId: pid },
    ]);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, meeting.id), eq(auditEvents.action, 'meeting.scheduled')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ partnershipId: pid, entityType: 'meeting' });
    expect(audit[0]!.details).toEqual({ reviewId: review.id, kind: 'review_team', attendees: 1 });
    // The case group member now sees it; the agenda stays out of the audit log.
    expect(JSON.stringify(audit[0]!.details)).not.toContain('practice episodes');
    const list = (await call(t, caseGroup.session, 'GET', url())).json();
    expect(list.meetings.map((m: { id: string }) => m.id)).toContain(meeting.id);
  });
});

describe('scheduleMeeting with arbitrary input', () => {
  it('answers a clear 400 or 201, never a 500', async () => {
    const field = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            kind: fc.oneof(fc.constantFrom('review_team', 'family', 'x'), field),
            title: field,
            startsAt: field,
            durationMinutes: field,
            attendeeParticipantIds: field,
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const res = await call(t, manager, 'POST', url(), body);
          expect([201, 400]).toContain(res.statusCode);
          if (res.statusCode === 400) expect(res.json().error.details.fields.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('GET …/meetings/:meetingId (getMeeting)', () => {
  it('401 anonymous, 404 to another partnership, to a member with no role, and for a malformed id', async () => {
    expect((await call(t, null, 'GET', url(`/${invitedMeetingId}`))).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', url(`/${invitedMeetingId}`))).statusCode).toBe(404);
    expect((await call(t, noRole, 'GET', url(`/${invitedMeetingId}`))).statusCode).toBe(404);
    expect((await call(t, manager, 'GET', url('/not-a-meeting'))).statusCode).toBe(404);
  });

  it('404 to a case group member for a meeting they are not invited to; 200 for one they are', async () => {
    expect((await call(t, caseGroup.session, 'GET', url(`/${otherMeetingId}`))).statusCode).toBe(404);
    const res = await call(t, caseGroup.session, 'GET', url(`/${invitedMeetingId}`));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: invitedMeetingId, kind: 'joint', abilities: { update: false } });
  });

  it('404 for a meeting of another review addressed through this one', async () => {
    const elsewhere = await givenReview(t, pid);
    const foreign = await givenMeeting(t, elsewhere);
    expect((await call(t, manager, 'GET', url(`/${foreign.id}`))).statusCode).toBe(404);
    expect((await call(t, manager, 'GET', url(`/${otherMeetingId}`))).json().abilities.update).toBe(true);
  });
});
