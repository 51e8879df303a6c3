import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, participants } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenParticipant,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenReviewFullOfPersonalData } from './testing.ts';

let t: TestApp;
let pid: string;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
});
afterAll(() => t.close());

const exportUrl = (query: string) => `/api/partnerships/${pid}/subject-access-export?${query}`;

describe('a subject access export', () => {
  it('holds everything about the person and nothing about anyone else', async () => {
    const mine = await givenReviewFullOfPersonalData(t, pid);
    const theirs = await givenReviewFullOfPersonalData(t, pid, { practitionerName: 'Sam Someone-Else' });

    const res = await call(t, admin, 'GET', exportUrl(`userId=${mine.practitioner.id}`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="subject-access-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const body = res.json();
    expect(body.account).toMatchObject({ id: mine.practitioner.id, email: mine.practitioner.email });
    expect(body.account).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(body)).not.toContain('$argon2');
    expect(body.memberships).toMatchObject([{ role: 'member', active: true }]);
    expect(body.participations.map((p: { id: string }) => p.id)).toEqual([mine.participant.id]);
    expect(body.conversations.map((c: { id: string }) => c.id)).toEqual([mine.conversation.id]);
    expect(body.conversations[0].content).toEqual({ account: 'Said by Zebedee Quartermaine' });
    expect(body.comments.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'episode_comment',
      'report_comment',
    ]);
    expect(body.meetingsAttended).toHaveLength(1);
    expect(body.actionsOwned.map((a: { reviewId: string }) => a.reviewId)).toEqual([mine.review.id]);

    // Nothing of the other review's practitioner, nor of the lead reviewer who uploaded the documents.
    const text = JSON.stringify(body);
    for (const other of [
      theirs.practitioner.id,
      theirs.practitioner.email,
      theirs.participant.id,
      theirs.conversation.id,
    ])
      expect(text).not.toContain(other);
    expect(text).not.toContain(mine.lead.email);
    expect(body.documentsUploaded).toEqual([]);

    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'subject_access.exported'),
          eq(auditEvents.entityId, mine.practitioner.id),
        ),
      );
    expect(audit).toMatchObject({ actorUserId: admin.userId, entityType: 'user' });
    expect(audit?.details).toMatchObject({ counts: { conversations: 1, participations: 1 } });
  });

  it('lists the documents someone uploaded, the comments they wrote and what they did', async () => {
    const data = await givenReviewFullOfPersonalData(t, pid);
    const lead = await signInAs(t, data.lead.email);
    await call(
      t,
      lead,
      'GET',
      `/api/partnerships/${pid}/reviews/${data.review.id}/conversations/${data.conversation.id}`,
    );
    const body = (await call(t, admin, 'GET', exportUrl(`userId=${data.lead.id}`))).json();
    expect(body.documentsUploaded).toMatchObject([{ id: data.document.id, originalFilename: 'case.png' }]);
    expect(body.documentsUploaded[0]).not.toHaveProperty('extractedText');
    expect(body.comments.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'supervision_comment',
      'supervision_reply',
    ]);
    const made = body.auditEvents.map((e: { action: string; actorUserId: string }) => [
      e.action,
      e.actorUserId,
    ]);
    expect(made).toContainEqual(['session.signed_in', data.lead.id]);
    expect(made).toContainEqual(['conversation.viewed', data.lead.id]);
  });

  it('covers a person named in a review who has no account', async () => {
    const review = await givenReview(t, pid);
    const someone = { id: crypto.randomUUID(), name: 'Jo Grandparent', email: 'jo.grandparent@example.org' };
    const [family] = await t.database.db
      .insert(participants)
      .values({
        partnershipId: pid,
        reviewId: review.id,
        role: 'family_member',
        name: someone.name,
        email: someone.email,
      })
      .returning();
    const other = await givenParticipant(t, review, 'family_member');
    const res = await call(t, admin, 'GET', exportUrl(`participantId=${family!.id}`));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      account: null,
      memberships: [],
      subject: { userId: null, participantIds: [family!.id], names: ['Jo Grandparent'] },
    });
    expect(JSON.stringify(res.json())).not.toContain(other.email);
  });

  it('asks who it is about, and does not find people of another partnership', async () => {
    const none = await call(t, admin, 'GET', exportUrl(''));
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.fields[0].path).toBe('userId');
    expect((await call(t, admin, 'GET', exportUrl('userId=nope'))).statusCode).toBe(400);
    const elsewhere = await givenPartnership(t);
    const stranger = await givenMember(t, elsewhere.id, 'member');
    expect((await call(t, admin, 'GET', exportUrl(`userId=${stranger.id}`))).statusCode).toBe(404);
    const theirReview = await givenReview(t, elsewhere.id);
    const theirs = await givenParticipant(t, theirReview, 'case_group_member', stranger);
    expect((await call(t, admin, 'GET', exportUrl(`participantId=${theirs.id}`))).statusCode).toBe(404);
  });
});
