import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, conversations, conversationVersions } from '../db/schema/index.ts';
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

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
let lead: Session;
let leadPid: string;
let alex: Session;
let alexPid: string;
let sam: Session;
let samPid: string;

const content = {
  roleAndInvolvement: 'Health visitor for the family from birth',
  turningPoints: [
    {
      title: 'Six-week check',
      when: 'March 2025',
      description: 'Noticed a mark on the baby’s cheek',
      localRationality: { whatWasHappening: 'An accidental mark', optionsSeen: 'Refer or watch' },
    },
  ],
  contributoryFactors: [
    { group: 'conditions_of_work', factorType: 'Workload', description: 'Caseload of 400', rank: 2 },
    { group: 'family', description: 'Father answered every question', rank: 1 },
  ],
  wentWell: 'Quick contact with the GP',
  overviewQueries: [{ query: 'The GP record shows a second mark; was that known?' }],
  suggestedChanges: 'Shared notes between health visitors and GPs',
};

async function audited(entityId: string, action: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
}

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid);
  url = `/api/partnerships/${pid}/reviews/${review.id}/conversations`;
  const people = async (role: 'lead_reviewer' | 'case_group_member') => {
    const user = await givenMember(t, pid, 'member');
    const p = await givenParticipant(t, review, role, user);
    return { session: await signInAs(t, user.email), id: p.id };
  };
  ({ session: lead, id: leadPid } = await people('lead_reviewer'));
  ({ session: alex, id: alexPid } = await people('case_group_member'));
  ({ session: sam, id: samPid } = await people('case_group_member'));
});
afterAll(() => t.close());

const record = (participantId: string, extra: object = {}) =>
  call(t, lead, 'POST', url, {
    participantId,
    heldOn: '2026-10-01',
    conductedBy: [leadPid],
    consentGiven: true,
    audioRecorded: true,
    content,
    followUpQuestions: [{ question: 'Who supervised you then?' }],
    ...extra,
  });

describe('the life of a conversation record, through the API', () => {
  it('is recorded, shared, changed on request, confirmed and agreed, with a version and audit row each time', async () => {
    const created = await record(alexPid);
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      status: 'draft',
      participant: { id: alexPid, roleLabel: 'Case group member' },
      conductedBy: [{ id: leadPid }],
      content: { factorTaxonomyVersion: 'guide24-2008' },
      abilities: { edit: true, moveTo: ['shared'] },
    });
    const [stored] = await t.database.db.select().from(conversations).where(eq(conversations.id, c.id));
    expect(stored!.searchText).toContain('Caseload of 400');
    const at = `${url}/${c.id}`;

    // Not yet shared: Alex cannot see it, nor list it.
    expect((await call(t, alex, 'GET', at)).statusCode).toBe(404);
    expect((await call(t, alex, 'GET', url)).json().conversations).toEqual([]);

    let r = await call(t, lead, 'POST', `${at}/status`, { to: 'shared', version: 1 });
    expect(r.json()).toMatchObject({
      status: 'shared',
      version: 2,
      abilities: { edit: false, moveTo: ['draft'] },
    });

    // Shared records are not edited under the person's feet.
    r = await call(t, lead, 'PATCH', at, { wentWell: 'x', version: 2 });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('conflict');

    const mine = await call(t, alex, 'GET', at);
    expect(mine.json()).toMatchObject({
      isOwn: true,
      abilities: { edit: false, moveTo: ['confirmed', 'changes_requested'] },
    });
    expect((await call(t, alex, 'GET', url)).json().conversations).toHaveLength(1);

    // Alex may not agree it; the server says what they can do.
    r = await call(t, alex, 'POST', `${at}/status`, { to: 'agreed', version: 2 });
    expect(r.statusCode).toBe(409);
    r = await call(t, alex, 'POST', `${at}/status`, { to: 'draft', version: 2 });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toMatch(/Confirmed by the person.*Changes asked for/);
    r = await call(t, alex, 'POST', `${at}/status`, { to: 'changes_requested', version: 2 });
    expect(r.json().error.details.fields[0].path).toBe('comment');
    r = await call(t, alex, 'POST', `${at}/status`, {
      to: 'changes_requested',
      comment: 'It was the six-week check, not the eight-week one',
      version: 2,
    });
    expect(r.json()).toMatchObject({
      status: 'changes_requested',
      participantComment: expect.stringMatching(/six-week/),
    });

    r = await call(t, lead, 'PATCH', at, {
      content: { ...content, wentWell: 'Quick contact with the GP and the school nurse' },
      version: 3,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      version: 4,
      content: { wentWell: expect.stringMatching(/school nurse/) },
    });

    // A stale write gets the record as it is now.
    r = await call(t, lead, 'PATCH', at, { heldOn: '2026-10-02', version: 3 });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'stale_version', details: { current: { version: 4 } } });

    await call(t, lead, 'POST', `${at}/status`, { to: 'shared', version: 4 });
    r = await call(t, lead, 'POST', `${at}/status`, { to: 'confirmed', version: 5 });
    expect(r.statusCode).toBe(403);
    r = await call(t, alex, 'POST', `${at}/status`, { to: 'confirmed', version: 5 });
    expect(r.json().status).toBe('confirmed');
    r = await call(t, lead, 'POST', `${at}/status`, { to: 'agreed', version: 6 });
    expect(r.json()).toMatchObject({ status: 'agreed', version: 7, abilities: { edit: false, moveTo: [] } });

    const versions = await call(t, lead, 'GET', `${at}/versions`);
    expect(
      versions.json().versions.map((v: { version: number; change: string }) => [v.version, v.change]),
    ).toEqual([
      [7, 'Status: Agreed'],
      [6, 'Status: Confirmed by the person'],
      [5, 'Status: Shared with the person'],
      [4, 'Changed'],
      [3, 'Status: Changes asked for'],
      [2, 'Status: Shared with the person'],
      [1, 'Recorded'],
    ]);
    expect(versions.json().versions[4].comment).toMatch(/six-week/);
    const rows = await t.database.db
      .select()
      .from(conversationVersions)
      .where(eq(conversationVersions.conversationId, c.id));
    expect(rows).toHaveLength(7);
    expect(
      (rows.find((v) => v.version === 1)!.snapshot as { content: { wentWell: string } }).content.wentWell,
    ).toBe('Quick contact with the GP');
    expect((await call(t, alex, 'GET', `${at}/versions`)).statusCode).toBe(403);

    expect(await audited(c.id, 'conversation.recorded')).toHaveLength(1);
    expect(await audited(c.id, 'conversation.updated')).toHaveLength(1);
    expect(await audited(c.id, 'conversation.status_changed')).toHaveLength(5);
    expect(await audited(c.id, 'conversation.viewed')).toHaveLength(1);
    expect(await audited(c.id, 'conversation.versions_viewed')).toHaveLength(1);
  });

  it('lets a reviewer take a shared record back to draft to change it', async () => {
    const c = (await record(samPid, { audioRecorded: false })).json();
    const at = `${url}/${c.id}`;
    await call(t, lead, 'POST', `${at}/status`, { to: 'shared', version: 1 });
    const back = await call(t, lead, 'POST', `${at}/status`, { to: 'draft', version: 2 });
    expect(back.json()).toMatchObject({ status: 'draft', abilities: { edit: true } });
  });
});

describe('who sees what', () => {
  it('404 for a case group member reading another participant’s conversation, even once shared', async () => {
    const c = (await record(samPid)).json();
    await call(t, lead, 'POST', `${url}/${c.id}/status`, { to: 'shared', version: 1 });
    expect((await call(t, sam, 'GET', `${url}/${c.id}`)).statusCode).toBe(200);
    const r = await call(t, alex, 'GET', `${url}/${c.id}`);
    expect(r.statusCode).toBe(404);
    expect(
      (await call(t, alex, 'POST', `${url}/${c.id}/status`, { to: 'confirmed', version: 2 })).statusCode,
    ).toBe(404);
    const list = (await call(t, alex, 'GET', url)).json().conversations;
    expect(list.map((x: { id: string }) => x.id)).not.toContain(c.id);
  });

  it('403 for a case group member recording a conversation; 401 signed out', async () => {
    expect(
      (await call(t, alex, 'POST', url, { participantId: alexPid, consentGiven: true })).statusCode,
    ).toBe(403);
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
  });

  it('lists every conversation for reviewers with name, role, status and date', async () => {
    const r = (await call(t, lead, 'GET', url)).json();
    expect(r.abilities.record).toBe(true);
    expect(r.conversations[0]).toMatchObject({
      participant: { name: expect.any(String) },
      heldOn: '2026-10-01',
    });
    expect(r.participants.map((p: { id: string }) => p.id).sort()).toEqual([alexPid, samPid].sort());
    expect(r.conductors.map((p: { id: string }) => p.id)).toEqual([leadPid]);
  });
});

describe('bad input', () => {
  const paths = (r: { json(): { error: { details: { fields: { path: string }[] } } } }) =>
    r
      .json()
      .error.details.fields.map((f) => f.path)
      .sort();

  it('names duplicate ranks, an unknown factor group and a missing turning point title', async () => {
    const r = await record(alexPid, {
      content: {
        turningPoints: [{ title: '' }],
        contributoryFactors: [
          { group: 'family', description: 'a', rank: 1 },
          { group: 'horoscope', description: 'b', rank: 2 },
          { group: 'role', description: 'c', rank: 1 },
        ],
      },
    });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(['content.contributoryFactors.1.group', 'content.turningPoints.0.title']);
    const dup = await record(alexPid, {
      content: {
        contributoryFactors: [
          { group: 'family', description: 'a', rank: 1 },
          { group: 'role', description: 'c', rank: 1 },
        ],
      },
    });
    expect(paths(dup)).toEqual(['content.contributoryFactors.1.rank']);
  });

  it('refuses recording without consent, someone outside the case group, and a conductor who is not a reviewer', async () => {
    expect(paths(await record(alexPid, { consentGiven: false, audioRecorded: true }))).toEqual([
      'audioRecorded',
    ]);
    expect(paths(await record(leadPid))).toEqual(['participantId']);
    expect(paths(await record(crypto.randomUUID()))).toEqual(['participantId']);
    expect(paths(await record(alexPid, { conductedBy: [alexPid] }))).toEqual(['conductedBy.0']);
  });

  it('refuses turning off consent on a recorded conversation, and unknown statuses', async () => {
    const c = (await record(alexPid)).json();
    expect(
      paths(await call(t, lead, 'PATCH', `${url}/${c.id}`, { consentGiven: false, version: 1 })),
    ).toEqual(['audioRecorded']);
    expect(
      paths(await call(t, lead, 'POST', `${url}/${c.id}/status`, { to: 'published', version: 1 })),
    ).toEqual(['to']);
    expect((await call(t, lead, 'GET', `${url}/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});
