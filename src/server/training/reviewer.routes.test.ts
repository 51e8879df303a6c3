import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, reviewAgencies, reviewers } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenCohort, givenReviewer } from './testing.ts';

let t: TestApp;
let pid: string;
let url: string;
const as = {} as Record<'admin' | 'manager' | 'member' | 'outsider', Session>;
const ids = {} as Record<
  | 'police'
  | 'health'
  | 'otherAgency'
  | 'review'
  | 'otherReview'
  | 'cohort'
  | 'otherCohort'
  | 'supervisor'
  | 'lapsed'
  | 'otherReviewer'
  | 'memberUser'
  | 'outsiderUser',
  string
>;

const audited = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
const paths = (r: { json(): { error: { details: { fields: { path: string }[] } } } }) =>
  r
    .json()
    .error.details.fields.map((f) => f.path)
    .sort();

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  const other = (await givenPartnership(t)).id;
  url = `/api/partnerships/${pid}/reviewers`;
  as.admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  as.manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  const member = await givenMember(t, pid, 'member');
  ids.memberUser = member.id;
  as.member = await signInAs(t, member.email);
  const outsider = await givenMember(t, other, 'partnership_admin');
  ids.outsiderUser = outsider.id;
  as.outsider = await signInAs(t, outsider.email);
  ids.police = (await givenAgency(t, pid, 'Northshire Police')).id;
  ids.health = (await givenAgency(t, pid, 'Northshire NHS Trust')).id;
  ids.otherAgency = (await givenAgency(t, other, 'Southshire Police')).id;
  const review = await givenReview(t, pid, { title: 'Child M' });
  ids.review = review.id;
  await t.database.db
    .insert(reviewAgencies)
    .values({ reviewId: review.id, agencyId: ids.police, partnershipId: pid });
  ids.otherReview = (await givenReview(t, other)).id;
  ids.cohort = (await givenCohort(t, pid, { name: '2027 cohort' })).id;
  ids.otherCohort = (await givenCohort(t, other)).id;
  ids.supervisor = (await givenReviewer(t, pid, { name: 'Amara Okafor' })).id;
  ids.lapsed = (
    await givenReviewer(t, pid, { name: 'Bernard Lowe', status: 'lapsed', accreditedOn: '2019-05-01' })
  ).id;
  ids.otherReviewer = (await givenReviewer(t, other, { name: 'Someone Elsewhere' })).id;
});
afterAll(() => t.close());

const trainee = () => ({
  name: 'Chidi Mensah',
  email: 'Chidi.Mensah@example.org',
  userId: ids.memberUser,
  status: 'trainee',
  accreditingBody: 'Social Care Institute for Excellence',
  cohortId: ids.cohort,
  supervisorReviewerId: ids.supervisor,
  practiceReviewId: ids.review,
  expertise: ['Health visiting', 'Neglect', 'Neglect'],
  availability: 'Two days a week from March',
  conflicts: [
    { agencyId: ids.police, description: 'Worked in the public protection unit until 2024' },
    { agencyId: ids.health, description: 'Partner is a nurse there' },
  ],
});

describe('who may see and change the pool', () => {
  it('refuses anonymous requests, hides the pool from other partnerships and refuses members (403)', async () => {
    const at = `${url}/${ids.supervisor}`;
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(t, null, 'POST', url, trainee())).statusCode).toBe(401);
    expect((await call(t, null, 'PUT', at, { ...trainee(), version: 1 })).statusCode).toBe(401);
    expect((await call(t, as.outsider, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, as.outsider, 'POST', url, trainee())).statusCode).toBe(404);
    expect((await call(t, as.outsider, 'PUT', at, { ...trainee(), version: 1 })).statusCode).toBe(404);
    expect((await call(t, as.member, 'GET', url)).statusCode).toBe(403);
    expect((await call(t, as.member, 'POST', url, trainee())).statusCode).toBe(403);
    expect((await call(t, as.member, 'PUT', at, { ...trainee(), version: 1 })).statusCode).toBe(403);
  });

  it('does not find a reviewer of another partnership', async () => {
    const r = await call(t, as.admin, 'PUT', `${url}/${ids.otherReviewer}`, { ...trainee(), version: 1 });
    expect(r.statusCode).toBe(404);
  });
});

describe('adding a reviewer', () => {
  it('refuses what is missing or malformed, naming the fields', async () => {
    const r = await call(t, as.manager, 'POST', url, { name: ' ', status: 'expert', email: 'nope' });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(['email', 'name', 'status']);
  });

  it('refuses a cohort, supervisor, practice review, account or agency that is not the partnership’s', async () => {
    const r = await call(t, as.manager, 'POST', url, {
      ...trainee(),
      cohortId: ids.otherCohort,
      supervisorReviewerId: ids.otherReviewer,
      practiceReviewId: ids.otherReview,
      userId: ids.outsiderUser,
      conflicts: [
        { agencyId: ids.police, description: 'x' },
        { agencyId: ids.otherAgency, description: 'y' },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields).toEqual([
      { path: 'cohortId', message: 'Choose a cohort of this partnership' },
      { path: 'supervisorReviewerId', message: 'Choose a reviewer in this partnership’s pool' },
      { path: 'practiceReviewId', message: 'Choose a review of this partnership' },
      { path: 'userId', message: 'Choose a person with an account in this partnership' },
      { path: 'conflicts.1.agencyId', message: 'Choose an agency of this partnership' },
    ]);
    expect(await t.database.db.select().from(reviewers).where(eq(reviewers.name, 'Chidi Mensah'))).toEqual(
      [],
    );
  });

  it('refuses a supervisor who is not accredited and an accredited reviewer with no accreditation date', async () => {
    let r = await call(t, as.manager, 'POST', url, { ...trainee(), supervisorReviewerId: ids.lapsed });
    expect(r.json().error.details.fields).toEqual([
      { path: 'supervisorReviewerId', message: 'Choose a supervisor who is an accredited reviewer' },
    ]);
    r = await call(t, as.manager, 'POST', url, { ...trainee(), status: 'accredited' });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(['accreditedOn', 'practiceReviewId']);
  });

  it('adds a trainee with the names of their cohort, supervisor, practice review and conflict agencies, and audits it', async () => {
    const r = await call(t, as.manager, 'POST', url, trainee());
    expect(r.statusCode).toBe(201);
    const reviewer = r.json();
    expect(reviewer).toMatchObject({
      name: 'Chidi Mensah',
      email: 'chidi.mensah@example.org',
      userId: ids.memberUser,
      status: 'trainee',
      statusLabel: 'Trainee',
      accreditedOn: null,
      cohort: { id: ids.cohort, name: '2027 cohort' },
      supervisor: { id: ids.supervisor, name: 'Amara Okafor' },
      practiceReview: { id: ids.review, title: 'Child M' },
      expertise: ['Health visiting', 'Neglect'],
      conflicts: [
        { agencyId: ids.police, agencyName: 'Northshire Police' },
        { agencyId: ids.health, agencyName: 'Northshire NHS Trust' },
      ],
      warnings: [],
      version: 1,
    });
    const [event] = await audited(reviewer.id, 'reviewer.created');
    expect(event?.details).toEqual({ status: 'trainee', cohortId: ids.cohort });
    const again = await call(t, as.admin, 'POST', url, { ...trainee(), name: 'Another' });
    expect(again.json().error.details.fields).toEqual([
      { path: 'userId', message: 'This person is already in the pool as another reviewer' },
    ]);
  });
});

describe('listing the pool', () => {
  it('lists reviewers by name without warnings, filtered by status', async () => {
    const r = await call(t, as.manager, 'GET', url);
    expect(r.statusCode).toBe(200);
    const list = r.json();
    expect(list.abilities).toEqual({ manage: true });
    expect(list.reviewers.map((x: { name: string }) => x.name)).toEqual([
      'Amara Okafor',
      'Bernard Lowe',
      'Chidi Mensah',
    ]);
    expect(list.reviewers.every((x: { warnings: unknown[] }) => x.warnings.length === 0)).toBe(true);
    const lapsed = (await call(t, as.manager, 'GET', `${url}?status=lapsed`)).json();
    expect(lapsed.reviewers.map((x: { name: string }) => x.name)).toEqual(['Bernard Lowe']);
    expect((await call(t, as.manager, 'GET', `${url}?status=retired`)).statusCode).toBe(400);
  });

  it('warns, for a review, about a conflict with one of its agencies and about lapsed accreditation', async () => {
    const r = await call(t, as.admin, 'GET', `${url}?forReviewId=${ids.review}`);
    expect(r.statusCode).toBe(200);
    const byName = Object.fromEntries(
      r.json().reviewers.map((x: { name: string; warnings: unknown[] }) => [x.name, x.warnings]),
    );
    expect(byName['Amara Okafor']).toEqual([]);
    expect(byName['Bernard Lowe']).toEqual([
      { code: 'lapsed', message: 'Bernard Lowe’s accreditation has lapsed' },
    ]);
    expect(byName['Chidi Mensah']).toEqual([
      {
        code: 'not_accredited',
        message: 'Chidi Mensah is a trainee, not yet accredited: pair them with an accredited lead reviewer',
      },
      {
        code: 'conflict',
        message:
          'Chidi Mensah declared a conflict with Northshire Police: Worked in the public protection unit until 2024',
      },
    ]);
  });

  it('refuses a review that is not the partnership’s, naming forReviewId', async () => {
    const r = await call(t, as.admin, 'GET', `${url}?forReviewId=${ids.otherReview}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields).toEqual([
      { path: 'forReviewId', message: 'Choose a review of this partnership' },
    ]);
  });
});

describe('changing a reviewer', () => {
  it('changes the details, audits the fields that changed, and refuses a stale version with the current reviewer', async () => {
    const reviewer = await givenReviewer(t, pid, { name: 'Dana Reid', availability: 'Fully booked' });
    const at = `${url}/${reviewer.id}`;
    const body = {
      name: 'Dana Reid',
      status: 'accredited',
      accreditingBody: 'Social Care Institute for Excellence',
      accreditedOn: '2024-03-01',
      availability: 'From September',
      expertise: ['Adolescents'],
      version: 1,
    };
    const bad = await call(t, as.admin, 'PUT', at, { ...body, cohortId: ids.otherCohort });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['cohortId']);
    const r = await call(t, as.admin, 'PUT', at, body);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      availability: 'From September',
      expertise: ['Adolescents'],
      version: 2,
    });
    const [event] = await audited(reviewer.id, 'reviewer.updated');
    expect(event?.details).toEqual({ fields: ['expertise', 'availability'], version: 2 });
    const stale = await call(t, as.manager, 'PUT', at, { ...body, availability: 'Never' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ availability: 'From September', version: 2 });
    expect(await audited(reviewer.id, 'reviewer.updated')).toHaveLength(1);
  });

  it('refuses to make a reviewer their own supervisor', async () => {
    const r = await call(t, as.admin, 'PUT', `${url}/${ids.supervisor}`, {
      name: 'Amara Okafor',
      status: 'accredited',
      accreditedOn: '2024-03-01',
      supervisorReviewerId: ids.supervisor,
      version: 1,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields).toEqual([
      { path: 'supervisorReviewerId', message: 'Choose another reviewer as their supervisor' },
    ]);
  });
});
