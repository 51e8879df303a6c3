import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, memberships, participants, users } from '../db/schema/index.ts';
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

let t: TestApp;
let pid: string;
let manager: Session;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  review = await givenReview(t, pid);
  url = `/api/partnerships/${pid}/reviews/${review.id}/participants`;
});
afterAll(() => t.close());

describe('POST participants (addParticipant)', () => {
  it('adds a person already in the partnership, with no invitation', async () => {
    const person = await givenMember(t, pid, 'member');
    const res = await call(t, manager, 'POST', url, { role: 'lead_reviewer', userId: person.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      invitationUrl: null,
      participant: { role: 'lead_reviewer', status: 'active', userId: person.id },
    });
    const again = await call(t, manager, 'POST', url, { role: 'lead_reviewer', userId: person.id });
    expect(again.json().error.details.fields[0].path).toBe('role');
  });

  it('400 naming the fields when neither a person nor a name and email are given, or they are from elsewhere', async () => {
    const res = await call(t, manager, 'POST', url, { role: 'case_group_member' });
    expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['name', 'email']);
    const outsider = await givenMember(t, (await givenPartnership(t)).id, 'member');
    expect(
      (await call(t, manager, 'POST', url, { role: 'case_group_member', userId: outsider.id })).json().error
        .details.fields[0].path,
    ).toBe('userId');
    const bad = await call(t, manager, 'POST', url, { role: 'wizard', email: 'x' });
    expect(
      bad
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['email', 'role']);
  });

  it('invites someone new with a one-time link that creates their account and signs them in', async () => {
    const agency = await givenAgency(t, pid);
    const res = await call(t, manager, 'POST', url, {
      role: 'case_group_member',
      name: 'Robin Health-Visitor',
      email: 'robin.hv@nhs.example.org',
      jobTitle: 'Health visitor',
      agencyId: agency.id,
    });
    expect(res.statusCode).toBe(201);
    const { participant, invitationUrl } = res.json();
    expect(participant.status).toBe('invited');
    expect(invitationUrl).toMatch(/^\/invitations\/[\w-]{40,}$/);
    const token = invitationUrl.split('/').pop();
    const [stored] = await t.database.db
      .select()
      .from(participants)
      .where(eq(participants.id, participant.id));
    expect(stored!.invitationTokenHash).not.toBe(token);

    const invitation = await call(t, null, 'GET', `/api/invitations/${token}`);
    expect(invitation.json()).toMatchObject({
      reviewTitle: review.title,
      roleLabel: 'Case group member',
      email: 'robin.hv@nhs.example.org',
    });

    const weak = await call(t, null, 'POST', `/api/invitations/${token}/accept`, {
      name: 'Robin',
      password: 'password1234',
    });
    expect(weak.json().error.details.fields[0].path).toBe('password');

    const accepted = await call(t, null, 'POST', `/api/invitations/${token}/accept`, {
      name: 'Robin Ellis',
      password: 'tidal-copper-finch-42',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.cookies[0]?.name).toBe('sightlines_session');
    const session: Session = {
      cookie: `sightlines_session=${accepted.cookies[0]!.value}`,
      csrfToken: accepted.json().csrfToken,
      userId: accepted.json().user.id,
    };
    const seen = await call(t, session, 'GET', `/api/partnerships/${pid}/reviews/${review.id}`);
    expect(seen.json()).toMatchObject({ myRoles: ['Case group member'], termsOfReference: null });
    const [membership] = await t.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, session.userId));
    expect(membership).toMatchObject({ role: 'member', agencyId: agency.id, jobTitle: 'Health visitor' });
    expect((await call(t, null, 'GET', `/api/invitations/${token}`)).statusCode).toBe(404);
    expect(
      (
        await call(t, null, 'POST', `/api/invitations/${token}/accept`, {
          name: 'Again',
          password: 'tidal-copper-finch-42',
        })
      ).statusCode,
    ).toBe(404);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, participant.id),
          eq(auditEvents.action, 'participant.invitation_accepted'),
        ),
      );
    expect(audit).toHaveLength(1);
  });

  it('an expired invitation is not found', async () => {
    const res = await call(t, manager, 'POST', url, {
      role: 'family_member',
      name: 'A Relative',
      email: 'relative@example.org',
    });
    const token = res.json().invitationUrl.split('/').pop();
    await t.database.db
      .update(participants)
      .set({ invitationExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(participants.id, res.json().participant.id));
    expect((await call(t, null, 'GET', `/api/invitations/${token}`)).statusCode).toBe(404);
  });

  it('adds an account from another partnership as a member here, without an invitation', async () => {
    const elsewhere = await givenMember(t, (await givenPartnership(t)).id, 'member', {
      email: 'independent.reviewer@example.org',
    });
    const res = await call(t, manager, 'POST', url, {
      role: 'lead_reviewer',
      name: 'Ignored',
      email: 'independent.reviewer@example.org',
    });
    expect(res.json()).toMatchObject({
      invitationUrl: null,
      participant: { userId: elsewhere.id, status: 'active' },
    });
    const [u] = await t.database.db.select().from(users).where(eq(users.id, elsewhere.id));
    expect(u!.passwordHash).toBe(elsewhere.passwordHash);
  });
});

describe('GET participants (listParticipants) and line management', () => {
  it('flags a review team member who line-manages a case group member; the case group sees only the review team side and themselves', async () => {
    const r = await givenReview(t, pid);
    const u = `/api/partnerships/${pid}/reviews/${r.id}/participants`;
    const head = await givenParticipant(t, r, 'review_team_member');
    const worker = await givenMember(t, pid, 'member');
    const cg = await givenParticipant(t, r, 'case_group_member', worker);
    await givenParticipant(t, r, 'case_group_member');
    const set = await call(t, manager, 'PATCH', `${u}/${cg.id}`, {
      lineManagerParticipantId: head.id,
      version: 1,
    });
    expect(set.json().flags).toEqual([
      { code: 'line_managed_by_review_team_member', message: expect.stringContaining(head.name) },
    ]);
    const all = (await call(t, manager, 'GET', u)).json();
    expect(all.participants.find((p: { id: string }) => p.id === head.id).flags[0].code).toBe(
      'line_manages_case_group_member',
    );
    const asWorker = (await call(t, await signInAs(t, worker.email), 'GET', u)).json();
    expect(asWorker.participants.map((p: { id: string }) => p.id).sort()).toEqual([head.id, cg.id].sort());
    expect(
      asWorker.participants.every(
        (p: { email: string | null; flags: unknown[] }) => p.email === null && p.flags.length === 0,
      ),
    ).toBe(true);
    expect((await call(t, manager, 'PATCH', `${u}/${cg.id}`, { active: false, version: 1 })).statusCode).toBe(
      409,
    );
    expect(
      (
        await call(t, manager, 'PATCH', `${u}/${cg.id}`, { lineManagerParticipantId: cg.id, version: 2 })
      ).json().error.details.fields[0].path,
    ).toBe('lineManagerParticipantId');
  });
});

describe('removing, re-adding and re-inviting', () => {
  it('re-adds a removed person in the same role and replaces a lost invitation link', async () => {
    const r = await givenReview(t, pid);
    const u = `/api/partnerships/${pid}/reviews/${r.id}/participants`;
    const first = (
      await call(t, manager, 'POST', u, {
        role: 'case_group_member',
        name: 'Kim Lost-Link',
        email: 'kim@example.org',
      })
    ).json();
    const oldToken = first.invitationUrl.split('/').pop();
    const reissued = await call(t, manager, 'POST', `${u}/${first.participant.id}/invitation`);
    expect(reissued.statusCode).toBe(200);
    const newToken = reissued.json().invitationUrl.split('/').pop();
    expect(newToken).not.toBe(oldToken);
    expect((await call(t, null, 'GET', `/api/invitations/${oldToken}`)).statusCode).toBe(404);
    expect((await call(t, null, 'GET', `/api/invitations/${newToken}`)).statusCode).toBe(200);

    const removed = await call(t, manager, 'PATCH', `${u}/${first.participant.id}`, {
      active: false,
      version: 2,
    });
    expect(removed.json().status).toBe('removed');
    expect((await call(t, null, 'GET', `/api/invitations/${newToken}`)).statusCode).toBe(404);
    const back = await call(t, manager, 'POST', u, {
      role: 'case_group_member',
      name: 'Kim Lost-Link',
      email: 'kim@example.org',
    });
    expect(back.statusCode).toBe(201);
    expect(back.json()).toMatchObject({
      participant: { id: first.participant.id, status: 'invited' },
      invitationUrl: expect.any(String),
    });

    const accepted = await call(
      t,
      null,
      'POST',
      `/api/invitations/${back.json().invitationUrl.split('/').pop()}/accept`,
      {
        name: 'Kim Ellison',
        password: 'quiet-harbour-lamp-19',
      },
    );
    expect(accepted.json()).toMatchObject({ reviewId: r.id, partnershipId: pid });
    expect((await call(t, manager, 'POST', `${u}/${first.participant.id}/invitation`)).statusCode).toBe(409);
  });
});
