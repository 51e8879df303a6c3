import { and, eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '#domain/intake/deadlines.ts';
import { auditEvents, reviewers, trainingCohorts, trainingMilestones } from '../db/schema/index.ts';
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
import { givenCohort, givenMilestone, givenReviewer } from './testing.ts';

let t: TestApp;
let pid: string;
let base: string;
const as = {} as Record<'admin' | 'manager' | 'member' | 'outsider', Session>;
const ids = {} as Record<'cohort' | 'supervisor' | 'trainee' | 'otherReviewer', string>;

const audited = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
const fieldsOf = (r: { json(): { error: { details: { fields: unknown[] } } } }) =>
  r.json().error.details.fields;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  const other = (await givenPartnership(t)).id;
  base = `/api/partnerships/${pid}`;
  as.admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin', { name: 'Pat Admin' })).email);
  as.manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  as.member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.outsider = await signInAs(t, (await givenMember(t, other, 'partnership_admin')).email);
  ids.cohort = (await givenCohort(t, pid, { name: '2026 cohort', startsOn: '2026-01-19' })).id;
  ids.supervisor = (await givenReviewer(t, pid, { name: 'Amara Okafor' })).id;
  const review = await givenReview(t, pid, { title: 'Child M' });
  ids.trainee = (
    await givenReviewer(t, pid, {
      name: 'Chidi Mensah',
      status: 'trainee',
      accreditedOn: null,
      cohortId: ids.cohort,
      supervisorReviewerId: ids.supervisor,
      practiceReviewId: review.id,
    })
  ).id;
  ids.otherReviewer = (await givenReviewer(t, other)).id;
});
afterAll(() => t.close());

describe('cohorts', () => {
  const url = () => `${base}/cohorts`;
  const cohort = { name: '2028 cohort', startsOn: '2028-01-20', provider: 'SCIE' };

  it('refuses anonymous requests, hides cohorts from other partnerships and refuses members (403)', async () => {
    expect((await call(t, null, 'GET', url())).statusCode).toBe(401);
    expect((await call(t, null, 'POST', url(), cohort)).statusCode).toBe(401);
    expect((await call(t, as.outsider, 'GET', url())).statusCode).toBe(404);
    expect((await call(t, as.outsider, 'POST', url(), cohort)).statusCode).toBe(404);
    expect((await call(t, as.member, 'GET', url())).statusCode).toBe(403);
    expect((await call(t, as.member, 'POST', url(), cohort)).statusCode).toBe(403);
  });

  it('refuses a cohort with no name, a date that is not real, or a name already used', async () => {
    let r = await call(t, as.manager, 'POST', url(), { name: '', startsOn: '2028-02-30' });
    expect(r.statusCode).toBe(400);
    expect(fieldsOf(r).map((f) => (f as { path: string }).path)).toEqual(['name', 'startsOn']);
    r = await call(t, as.manager, 'POST', url(), { ...cohort, name: '2026 COHORT' });
    expect(fieldsOf(r)).toEqual([{ path: 'name', message: 'A cohort with this name already exists' }]);
  });

  it('adds a cohort, audits it, and lists cohorts with their trainees and milestones done', async () => {
    const r = await call(t, as.manager, 'POST', url(), cohort);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      name: '2028 cohort',
      startsOn: '2028-01-20',
      provider: 'SCIE',
      trainees: [],
    });
    const [event] = await audited(r.json().id, 'cohort.created');
    expect(event?.details).toEqual({ name: '2028 cohort', startsOn: '2028-01-20' });
    await givenMilestone(t, { id: ids.trainee, partnershipId: pid });
    const list = (await call(t, as.admin, 'GET', url())).json();
    expect(list.abilities).toEqual({ manage: true });
    expect(list.cohorts.map((c: { name: string }) => c.name)).toEqual(['2028 cohort', '2026 cohort']);
    expect(list.cohorts[1].trainees).toEqual([
      { id: ids.trainee, name: 'Chidi Mensah', status: 'trainee', milestonesDone: 1 },
    ]);
    await t.database.db.delete(trainingMilestones).where(eq(trainingMilestones.reviewerId, ids.trainee));
    await t.database.db.delete(trainingCohorts).where(eq(trainingCohorts.id, r.json().id));
  });
});

describe('a training record', () => {
  const at = (reviewerId: string, what = 'training') => `${base}/reviewers/${reviewerId}/${what}`;
  const day = { kind: 'training_day', on: '2026-01-23', notes: 'Systems thinking' };

  it('refuses anonymous requests, other partnerships and members, and does not find another partnership’s reviewer', async () => {
    for (const what of ['training', 'logbook']) {
      expect((await call(t, null, 'GET', at(ids.trainee, what))).statusCode).toBe(401);
      expect((await call(t, as.outsider, 'GET', at(ids.trainee, what))).statusCode).toBe(404);
      expect((await call(t, as.member, 'GET', at(ids.trainee, what))).statusCode).toBe(403);
      expect((await call(t, as.admin, 'GET', at(ids.otherReviewer, what))).statusCode).toBe(404);
    }
    expect((await call(t, null, 'POST', at(ids.trainee, 'milestones'), day)).statusCode).toBe(401);
    expect((await call(t, as.outsider, 'POST', at(ids.trainee, 'milestones'), day)).statusCode).toBe(404);
    expect((await call(t, as.member, 'POST', at(ids.trainee, 'milestones'), day)).statusCode).toBe(403);
    expect((await call(t, as.admin, 'POST', at(ids.otherReviewer, 'milestones'), day)).statusCode).toBe(404);
  });

  it('expects everything of a trainee with nothing recorded, and nothing of an accredited reviewer', async () => {
    const r = await call(t, as.manager, 'GET', at(ids.trainee));
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      reviewer: { name: 'Chidi Mensah', supervisor: { name: 'Amara Okafor' } },
      milestones: [],
      abilities: { record: true },
    });
    expect(r.json().outstanding).toHaveLength(6);
    expect((await call(t, as.manager, 'GET', at(ids.supervisor))).json().outstanding).toEqual([]);
  });

  it('refuses a milestone dated in the future in London, and an assessment with no outcome', async () => {
    const future = londonDate(new Date(Date.now() + 2 * 86_400_000));
    let r = await call(t, as.manager, 'POST', at(ids.trainee, 'milestones'), { ...day, on: future });
    expect(r.statusCode).toBe(400);
    expect(fieldsOf(r)).toEqual([{ path: 'on', message: 'The date must be today or in the past' }]);
    r = await call(t, as.manager, 'POST', at(ids.trainee, 'milestones'), {
      kind: 'assessment_outcome',
      on: day.on,
    });
    expect(fieldsOf(r)).toEqual([{ path: 'outcome', message: 'Enter the outcome of the assessment' }]);
    r = await call(t, as.manager, 'POST', at(ids.trainee, 'milestones'), { kind: 'graduation', on: 'soon' });
    expect(fieldsOf(r).map((f) => (f as { path: string }).path)).toEqual(['kind', 'on']);
    expect(await t.database.db.select().from(trainingMilestones)).toEqual([]);
  });

  it('records milestones by date, audits them, and makes the reviewer accredited on recording accreditation', async () => {
    const record = (body: object) => call(t, as.admin, 'POST', at(ids.trainee, 'milestones'), body);
    const r = await record({ kind: 'group_supervision', on: '2026-02-10', notes: 'Episode selection' });
    expect(r.statusCode).toBe(201);
    await record(day);
    const recorded = (
      await record({ kind: 'assessment_outcome', on: '2026-05-01', outcome: 'Passed' })
    ).json();
    expect(recorded.milestones).toMatchObject([
      { kind: 'training_day', kindLabel: 'Training day', on: '2026-01-23', recordedByName: 'Pat Admin' },
      { kind: 'group_supervision', on: '2026-02-10', notes: 'Episode selection' },
      { kind: 'assessment_outcome', on: '2026-05-01', outcome: 'Passed' },
    ]);
    expect(recorded.outstanding).toEqual([
      '3 more training days (1 of 4 recorded)',
      '2 more group supervision sessions (at least 3 in all)',
      'An individual session while writing the report',
      'Quality assurance of the practice review',
      'Accreditation',
    ]);
    expect(await audited(ids.trainee, 'training_milestone.recorded')).toHaveLength(3);

    const accredited = await record({ kind: 'accreditation', on: '2026-05-20' });
    expect(accredited.statusCode).toBe(201);
    expect(accredited.json().reviewer).toMatchObject({
      status: 'accredited',
      accreditedOn: '2026-05-20',
      practiceReview: { title: 'Child M' },
      version: 2,
    });
    expect(accredited.json().outstanding).toEqual([]);
    const [row] = await t.database.db.select().from(reviewers).where(eq(reviewers.id, ids.trainee));
    expect(row).toMatchObject({ status: 'accredited', accreditedOn: '2026-05-20' });
    const [event] = await audited(ids.trainee, 'reviewer.updated');
    expect(event?.details).toMatchObject({
      fields: ['status', 'accreditedOn'],
      accredited: true,
      from: 'trainee',
    });
    expect(await audited(ids.trainee, 'training_milestone.recorded')).toHaveLength(4);
  });

  it('downloads the logbook as a Word document with the milestones, and audits the download', async () => {
    const r = await call(t, as.manager, 'GET', at(ids.trainee, 'logbook'));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    expect(r.headers['content-disposition']).toBe(
      'attachment; filename="accreditation-logbook-chidi-mensah.docx"',
    );
    const { value } = await mammoth.extractRawText({ buffer: r.rawPayload });
    for (const text of [
      'Accreditation logbook: Chidi Mensah',
      'Accredited',
      'Social Care Institute for Excellence',
      '2026 cohort',
      'Amara Okafor',
      'Child M',
      '23 January 2026',
      'Training day',
      'Systems thinking',
      'Group supervision session',
      'Assessment outcome',
      'Passed',
      '20 May 2026',
      'Nothing: the programme expects no more milestones.',
    ])
      expect(value).toContain(text);
    expect(await audited(ids.trainee, 'logbook.downloaded')).toHaveLength(1);
  });

  it('lists what is outstanding in the logbook of a trainee with nothing recorded', async () => {
    const trainee = await givenReviewer(t, pid, { name: 'Dana Reid', status: 'trainee', accreditedOn: null });
    const r = await call(t, as.admin, 'GET', at(trainee.id, 'logbook'));
    const { value } = await mammoth.extractRawText({ buffer: r.rawPayload });
    expect(value).toContain('No milestones are recorded yet.');
    expect(value).toContain('4 more training days (0 of 4 recorded)');
    expect(value).toContain('Quality assurance of the practice review');
  });
});

describe('the API description', () => {
  it('describes the reviewer pool and training operations under their tags', async () => {
    const spec = (await call(t, null, 'GET', '/api/openapi.json')).json();
    const ops = Object.values(
      spec.paths as Record<string, Record<string, { operationId: string; tags: string[] }>>,
    )
      .flatMap((byMethod) => Object.values(byMethod))
      .filter((o) => o.tags?.includes('Reviewer pool') || o.tags?.includes('Training'))
      .map((o) => o.operationId)
      .sort();
    expect(ops).toEqual([
      'createCohort',
      'createReviewer',
      'downloadLogbook',
      'getTrainingRecord',
      'listCohorts',
      'listReviewers',
      'recordTrainingMilestone',
      'updateReviewer',
    ]);
  });
});
