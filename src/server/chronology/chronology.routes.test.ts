import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, chronologyKnowledge } from '../db/schema/index.ts';
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
import { givenChronologyEvent } from './testing.ts';

let t: TestApp;
let pid: string;
let review: Awaited<ReturnType<typeof givenReview>>;
let lead: Session;
let supervisor: Session;
let caseGroup: Session;
let stranger: Session;
let outsider: Session;
let health: string;
let csc: string;
let url: string;

const paths = (res: { json(): { error: { details: { fields: { path: string }[] } } } }) =>
  res.json().error.details.fields.map((f) => f.path);
const audited = async (action: string, entityId: string) =>
  (
    await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
  ).length;

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
  caseGroup = await as('case_group_member');
  stranger = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  const other = await givenPartnership(t);
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
  health = (await givenAgency(t, pid, 'Community Health')).id;
  csc = (await givenAgency(t, pid, 'Children’s Social Care')).id;
  url = `/api/partnerships/${pid}/reviews/${review.id}/chronology`;
});
afterAll(() => t.close());

const event = {
  occurredOn: '2026-03-02',
  agencyId: '',
  practitionerRole: 'Health visitor',
  summary: 'Home visit: bruise on the child’s arm noticed',
  significance: 'high',
  tags: ['injury'],
};

describe('createChronologyEvent', () => {
  it('records an event; the recording agency knows from the date, and the agencies told from when they were told', async () => {
    const res = await call(t, lead, 'POST', `${url}/events`, {
      ...event,
      agencyId: health,
      sharedWith: [{ agencyId: csc, learnedOn: '2026-03-09', how: 'Referral' }],
      perspectives: [
        { agencyId: csc, personRole: 'Social worker', account: 'The referral said nothing about a bruise' },
      ],
      sources: [{ kind: 'agency_return', reference: 'HV record 14' }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ agencyName: 'Community Health', version: 1, disputed: false });
    expect(body.knowledge).toEqual([
      { agencyId: health, agencyName: 'Community Health', learnedOn: '2026-03-02', how: 'Recorded it' },
      { agencyId: csc, agencyName: 'Children’s Social Care', learnedOn: '2026-03-09', how: 'Referral' },
    ]);
    expect(body.perspectives).toHaveLength(1);
    expect(body.sources[0]).toMatchObject({ kind: 'agency_return', reference: 'HV record 14' });
    expect(await audited('chronology.event_recorded', body.id)).toBe(1);
  });

  it('400 naming the fields: sharing before the event, an agency from elsewhere, a document from another review', async () => {
    const elsewhere = (await givenAgency(t, (await givenPartnership(t)).id)).id;
    const res = await call(t, lead, 'POST', `${url}/events`, {
      ...event,
      agencyId: health,
      sharedWith: [
        { agencyId: csc, learnedOn: '2026-03-01' },
        { agencyId: elsewhere, learnedOn: '2026-03-05' },
      ],
      sources: [{ kind: 'document', documentId: crypto.randomUUID() }],
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['sharedWith.0.learnedOn', 'sharedWith.1.agencyId', 'sources.0.documentId']);
    const bad = await call(t, lead, 'POST', `${url}/events`, { summary: '', occurredOn: '2026-02-31' });
    expect(paths(bad).sort()).toEqual(['agencyId', 'occurredOn', 'summary']);
  });

  it('401 signed out, 404 outside the partnership or the review, 403 for a supervisor (who may read)', async () => {
    const body = { ...event, agencyId: health };
    expect((await call(t, null, 'POST', `${url}/events`, body)).statusCode).toBe(401);
    expect((await call(t, outsider, 'POST', `${url}/events`, body)).statusCode).toBe(404);
    expect((await call(t, stranger, 'POST', `${url}/events`, body)).statusCode).toBe(404);
    expect((await call(t, supervisor, 'POST', `${url}/events`, body)).statusCode).toBe(403);
    expect((await call(t, supervisor, 'GET', `${url}/events`)).statusCode).toBe(200);
  });
});

describe('listChronologyEvents and getChronologyEvent', () => {
  it('lists in date order with the total and each agency’s count, filtered', async () => {
    await givenChronologyEvent(t, review, {
      agencyId: csc,
      occurredOn: '2026-01-10',
      summary: 'Referral received',
      tags: ['referral'],
    });
    const res = await call(t, lead, 'GET', `${url}/events?limit=1`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.events).toHaveLength(1);
    expect(body.events[0].occurredOn).toBe('2026-01-10');
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.agencies.map((a: { name: string }) => a.name)).toContain('Community Health');
    expect(body.abilities).toEqual({ edit: true, import: true });
    const found = await call(
      t,
      lead,
      'GET',
      `${url}/events?q=bruise&agencyId=${health}&from=2026-03-01&tag=injury`,
    );
    expect(found.json().events.map((e: { summary: string }) => e.summary)).toEqual([event.summary]);
    expect((await call(t, supervisor, 'GET', `${url}/events`)).json().abilities.edit).toBe(false);
  });

  it('400 naming a bad filter; 403 for the case group; 404 for an event elsewhere', async () => {
    expect(paths(await call(t, lead, 'GET', `${url}/events?from=yesterday`))).toEqual(['from']);
    expect((await call(t, caseGroup, 'GET', `${url}/events`)).statusCode).toBe(403);
    expect((await call(t, null, 'GET', `${url}/events`)).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', `${url}/events`)).statusCode).toBe(404);
    const otherReview = await givenReview(t, pid);
    const elsewhere = await givenChronologyEvent(t, otherReview);
    expect((await call(t, lead, 'GET', `${url}/events/${elsewhere.id}`)).statusCode).toBe(404);
    const mine = await givenChronologyEvent(t, review, { agencyId: health });
    const got = await call(t, lead, 'GET', `${url}/events/${mine.id}`);
    expect(got.json()).toMatchObject({ id: mine.id, knowledge: [{ agencyId: health }] });
  });
});

describe('updateChronologyEvent and deleteChronologyEvent', () => {
  it('changes an event, replacing who knew when given; a stale version is 409 with the current event', async () => {
    const e = await givenChronologyEvent(t, review, { agencyId: health });
    const res = await call(t, lead, 'PATCH', `${url}/events/${e.id}`, {
      version: 1,
      summary: 'Changed',
      disputed: true,
      sharedWith: [{ agencyId: csc, learnedOn: '2026-04-01' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ summary: 'Changed', disputed: true, version: 2 });
    expect(res.json().knowledge.map((k: { agencyId: string }) => k.agencyId)).toEqual([health, csc]);
    const stale = await call(t, lead, 'PATCH', `${url}/events/${e.id}`, { version: 1, summary: 'Again' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale_version', details: { current: { version: 2 } } });
    const late = await call(t, lead, 'PATCH', `${url}/events/${e.id}`, {
      version: 2,
      occurredOn: '2026-05-01',
    });
    expect(paths(late)).toEqual(['occurredOn']);
    const moved = await call(t, lead, 'PATCH', `${url}/events/${e.id}`, {
      version: 2,
      occurredOn: '2026-03-20',
    });
    expect(moved.json().knowledge[0]).toMatchObject({ agencyId: health, learnedOn: '2026-03-20' });
    expect(await audited('chronology.event_updated', e.id)).toBe(2);
    expect((await call(t, supervisor, 'PATCH', `${url}/events/${e.id}`, { version: 3 })).statusCode).toBe(
      403,
    );
    expect(paths(await call(t, lead, 'PATCH', `${url}/events/${e.id}`, { summary: 'x' }))).toEqual([
      'version',
    ]);
  });

  it('deletes with its children; the version comes in the query or the body', async () => {
    const e = await givenChronologyEvent(t, review, { agencyId: health });
    expect(paths(await call(t, lead, 'DELETE', `${url}/events/${e.id}`, {}))).toEqual(['version']);
    expect((await call(t, lead, 'DELETE', `${url}/events/${e.id}?version=2`)).statusCode).toBe(409);
    expect((await call(t, caseGroup, 'DELETE', `${url}/events/${e.id}?version=1`)).statusCode).toBe(403);
    expect((await call(t, lead, 'DELETE', `${url}/events/${e.id}`, { version: 1 })).statusCode).toBe(204);
    expect((await call(t, lead, 'GET', `${url}/events/${e.id}`)).statusCode).toBe(404);
    expect(
      await t.database.db.select().from(chronologyKnowledge).where(eq(chronologyKnowledge.eventId, e.id)),
    ).toEqual([]);
    expect(await audited('chronology.event_deleted', e.id)).toBe(1);
  });
});

describe('mergeChronologyEvents', () => {
  it('makes the other agency’s record a perspective, keeps the earliest knowledge per agency, and removes it', async () => {
    const mine = await givenChronologyEvent(t, review, {
      agencyId: health,
      occurredOn: '2026-06-01',
      summary: 'Clinic visit',
    });
    const theirs = await givenChronologyEvent(t, review, {
      agencyId: csc,
      occurredOn: '2026-06-01',
      summary: 'Mother and child seen at clinic',
      practitionerRole: 'Social worker',
    });
    expect(
      paths(
        await call(t, lead, 'POST', `${url}/events/${mine.id}/merge`, { otherEventId: mine.id, version: 1 }),
      ),
    ).toEqual(['otherEventId']);
    const res = await call(t, lead, 'POST', `${url}/events/${mine.id}/merge`, {
      otherEventId: theirs.id,
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ version: 2, disputed: false });
    expect(body.perspectives).toEqual([
      expect.objectContaining({
        agencyId: csc,
        personRole: 'Social worker',
        account: 'Mother and child seen at clinic',
      }),
    ]);
    expect(
      body.knowledge.map((k: { agencyId: string; learnedOn: string }) => [k.agencyId, k.learnedOn]),
    ).toEqual([
      [health, '2026-06-01'],
      [csc, '2026-06-01'],
    ]);
    expect((await call(t, lead, 'GET', `${url}/events/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await call(t, lead, 'POST', `${url}/events/${mine.id}/merge`, { otherEventId: theirs.id, version: 1 }))
        .statusCode,
    ).toBe(409);
    expect(await audited('chronology.events_merged', mine.id)).toBe(1);
    const third = await givenChronologyEvent(t, review, { agencyId: csc, occurredOn: '2026-06-01' });
    const disputed = await call(t, lead, 'POST', `${url}/events/${mine.id}/merge`, {
      otherEventId: third.id,
      version: 2,
      disputed: true,
    });
    expect(disputed.json().disputed).toBe(true);
    expect(
      (
        await call(t, supervisor, 'POST', `${url}/events/${mine.id}/merge`, {
          otherEventId: third.id,
          version: 3,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('getTunnelView', () => {
  it('shows an agency, or a person through their agency, only what they knew by the date', async () => {
    const r = await givenReview(t, pid);
    const lead2 = await givenMember(t, pid, 'member');
    await givenParticipant(t, r, 'lead_reviewer', lead2);
    const s = await signInAs(t, lead2.email);
    const u = `/api/partnerships/${pid}/reviews/${r.id}/chronology`;
    const created = await call(t, s, 'POST', `${u}/events`, {
      ...event,
      agencyId: health,
      sharedWith: [{ agencyId: csc, learnedOn: '2026-03-20' }],
    });
    const id = created.json().id;
    const before = await call(t, s, 'GET', `${u}/tunnel?agencyId=${csc}&asOf=2026-03-10`);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({
      asOf: '2026-03-10',
      agencyIds: [csc],
      knownEventIds: [],
      hiddenCount: 1,
    });
    const after = await call(t, s, 'GET', `${u}/tunnel?agencyId=${csc}&asOf=2026-03-20`);
    expect(after.json().knownEventIds).toEqual([id]);
    const worker = await givenParticipant(t, r, 'case_group_member');
    const { participants } = await import('../db/schema/index.ts');
    await t.database.db.update(participants).set({ agencyId: health }).where(eq(participants.id, worker.id));
    const person = await call(t, s, 'GET', `${u}/tunnel?participantId=${worker.id}&asOf=2026-03-02`);
    expect(person.json()).toMatchObject({ agencyIds: [health], knownEventIds: [id] });
    const noAgency = await givenParticipant(t, r, 'case_group_member');
    expect(
      paths(await call(t, s, 'GET', `${u}/tunnel?participantId=${noAgency.id}&asOf=2026-03-02`)),
    ).toEqual(['participantId']);
    expect(paths(await call(t, s, 'GET', `${u}/tunnel?asOf=2026-03-02`))).toEqual(['agencyId']);
    expect(
      (await call(t, caseGroup, 'GET', `${url}/tunnel?agencyId=${csc}&asOf=2026-03-02`)).statusCode,
    ).toBe(403);
    expect((await call(t, outsider, 'GET', `${u}/tunnel?agencyId=${csc}&asOf=2026-03-02`)).statusCode).toBe(
      404,
    );
  });
});
