import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import { auditEvents, publications } from '../db/schema/index.ts';
import { givenReportVersion } from '../report/testing.ts';
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

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
let chair: Session;
let businessManager: Session;
let boardMember: Session;
let partnershipAdmin: Session;
let memberWithNoRole: Session;
let outsider: Session;
const others = {} as Record<ReviewRole, Session>;
const readers: ReviewRole[] = ['lead_reviewer', 'trainee_reviewer', 'supervisor', 'review_team_member'];
const hidden: ReviewRole[] = ['case_group_member', 'family_member'];

/** A complete record of a report published in full, all in the past. */
const published = {
  decision: 'publish',
  decisionReason: null,
  form: 'full',
  formReason: null,
  panelNoticeSentOn: '2025-02-19',
  dfeNoticeSentOn: '2025-02-20',
  plannedPublicationDate: '2025-03-02',
  publishedOn: '2025-03-03',
  url: 'https://www.northshirescp.org.uk/reviews/child-a',
  removalDate: '2026-03-03',
  repositorySentOn: '2025-03-10',
  notes: 'Published with the board’s response.',
};

const auditRows = () =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, review.id), eq(auditEvents.action, 'publication.recorded')));

const stored = () => t.database.db.select().from(publications).where(eq(publications.reviewId, review.id));

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid);
  url = `/api/partnerships/${pid}/reviews/${review.id}/publication`;
  const person = async (role: ReviewRole) =>
    (await signedInWithRole(t, review, role, { name: `Person ${role}` })).session;
  chair = await person('chair');
  businessManager = await person('business_manager');
  boardMember = await person('board_member');
  for (const role of [...readers, ...hidden]) others[role] = await person(role);
  partnershipAdmin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  memberWithNoRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('who may see and record the publication', () => {
  const requests = () =>
    [
      ['GET', url, undefined],
      ['PUT', url, { version: 0, decision: 'undecided' }],
    ] as const;

  it('refuses anonymous requests with 401', async () => {
    for (const [method, path, body] of requests())
      expect((await call(t, null, method, path, body)).statusCode).toBe(401);
  });

  it('hides it from other partnerships and from members with no part in the review (404)', async () => {
    for (const who of [outsider, memberWithNoRole])
      for (const [method, path, body] of requests())
        expect((await call(t, who, method, path, body)).statusCode, `${method}`).toBe(404);
    const missing = `/api/partnerships/${review.partnershipId}/reviews/${crypto.randomUUID()}/publication`;
    expect((await call(t, chair, 'GET', missing)).statusCode).toBe(404);
    // The review exists, but not in the partnership named in the address.
    const elsewhere = url.replace(review.partnershipId, (await givenPartnership(t)).id);
    expect((await call(t, chair, 'GET', elsewhere)).statusCode).toBe(404);
  });

  it('refuses the case group and the family (403)', async () => {
    for (const role of hidden)
      for (const [method, path, body] of requests())
        expect((await call(t, others[role], method, path, body)).statusCode, `${role} ${method}`).toBe(403);
  });

  it('lets a board member and the review team read it but not record it (403)', async () => {
    for (const who of [boardMember, ...readers.map((r) => others[r])]) {
      const read = await call(t, who, 'GET', url);
      expect(read.statusCode).toBe(200);
      expect(read.json().abilities).toEqual({ record: false });
      const write = await call(t, who, 'PUT', url, { ...published, version: 0 });
      expect(write.statusCode).toBe(403);
    }
    expect(await stored()).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });

  it('lets the chair, the business manager and the partnership’s admins record it', async () => {
    for (const who of [chair, businessManager, partnershipAdmin]) {
      const read = await call(t, who, 'GET', url);
      expect(read.json().abilities).toEqual({ record: true });
    }
  });
});

describe('the publication record', () => {
  it('is undecided at version 0 until someone records it, listing what is needed', async () => {
    const r = await call(t, boardMember, 'GET', url);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      version: 0,
      decision: 'undecided',
      decisionLabel: 'Not decided yet',
      decisionReason: null,
      form: null,
      formLabel: null,
      formReason: null,
      panelNoticeSentOn: null,
      dfeNoticeSentOn: null,
      plannedPublicationDate: null,
      publishedOn: null,
      url: null,
      earliestRemovalDate: null,
      removalDate: null,
      repositorySentOn: null,
      notes: null,
      checks: [
        'Record whether the report will be published',
        'Record when notice was sent to the Child Safeguarding Practice Review Panel',
        'Record when notice was sent to the Department for Education',
      ],
      updatedAt: null,
      updatedByName: null,
      abilities: { record: false },
    });
  });

  it('records a plan, computing the earliest date it may come down, audited with the fields changed', async () => {
    const r = await call(t, chair, 'PUT', url, {
      version: 0,
      decision: 'publish',
      form: 'delayed',
      formReason: '  Until the criminal trial ends  ',
      plannedPublicationDate: '2024-02-29',
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      version: 1,
      decision: 'publish',
      decisionLabel: 'Publish the report',
      form: 'delayed',
      formLabel: 'Delayed: for example until a trial or inquest ends',
      formReason: 'Until the criminal trial ends',
      plannedPublicationDate: '2024-02-29',
      earliestRemovalDate: '2025-02-28',
      updatedByName: 'Person chair',
    });
    expect(body.updatedAt).toEqual(expect.any(String));
    expect(body.checks).toEqual([
      'Record when notice was sent to the Child Safeguarding Practice Review Panel',
      'Record when notice was sent to the Department for Education',
      'Sign off a version of the report through the whole sign-off chain',
      'Record the date it was published',
      'Give the address where it is published',
      'Choose the date it comes down: 28 February 2025 or later',
      'Record when it was sent to the NSPCC national case review repository',
    ]);
    const [audit] = await auditRows();
    expect(audit).toMatchObject({
      actorUserId: chair.userId,
      entityType: 'publication',
      details: {
        reviewId: review.id,
        version: 1,
        decision: 'publish',
        decisionWas: 'undecided',
        fields: ['decision', 'form', 'formReason', 'plannedPublicationDate'],
      },
    });
    expect(JSON.stringify(audit?.details)).not.toContain('criminal trial');
    expect((await call(t, boardMember, 'GET', url)).json()).toEqual({
      ...body,
      abilities: { record: false },
    });
  });

  it('records the whole publication, and a later save of the same record changes nothing', async () => {
    // A version of the report signed off at every step, so nothing is left to do.
    await givenReportVersion(t, review, { publishable: true, signedOff: true });
    const r = await call(t, businessManager, 'PUT', url, { ...published, version: 1 });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      ...published,
      version: 2,
      earliestRemovalDate: '2026-03-03',
      checks: [],
      updatedByName: 'Person business_manager',
    });
    const [row] = await stored();
    expect(row).toMatchObject({ version: 2, form: 'full', formReason: null, publishedOn: '2025-03-03' });

    const again = await call(t, businessManager, 'PUT', url, { ...published, version: 2 });
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(2);
    expect(await auditRows()).toHaveLength(2);
  });

  it('refuses a change based on an old version with 409 and the record as it is now, changing nothing', async () => {
    const before = await stored();
    const r = await call(t, chair, 'PUT', url, { version: 1, decision: 'not_publish', decisionReason: 'x' });
    expect(r.statusCode).toBe(409);
    const body = r.json();
    expect(body.error.code).toBe('stale_version');
    expect(body.error.message).toMatch(/Someone else changed the publication record/);
    expect(body.error.details.current).toMatchObject({
      version: 2,
      decision: 'publish',
      publishedOn: '2025-03-03',
    });
    expect(await stored()).toEqual(before);
    expect(await auditRows()).toHaveLength(2);
  });

  it('clears what is left out, as a whole record does', async () => {
    const r = await call(t, chair, 'PUT', url, {
      version: 2,
      decision: 'not_publish',
      decisionReason: 'Publishing would identify the surviving sibling',
      panelNoticeSentOn: '2025-02-19',
      dfeNoticeSentOn: '2025-02-20',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      version: 3,
      decision: 'not_publish',
      form: null,
      publishedOn: null,
      url: null,
      removalDate: null,
      earliestRemovalDate: null,
      notes: null,
      checks: [],
    });
    const audits = await auditRows();
    expect(audits.at(-1)?.details).toMatchObject({ decision: 'not_publish', decisionWas: 'publish' });
  });
});

describe('the rules of the publication record (400)', () => {
  const refused = async (body: Record<string, unknown>) => {
    const version = (await call(t, chair, 'GET', url)).json().version;
    const r = await call(t, chair, 'PUT', url, { version, ...body });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('validation_failed');
    return r.json().error.details.fields as Array<{ path: string; message: string }>;
  };

  it('needs a decision, real dates and known choices', async () => {
    const fields = await refused({ decision: 'perhaps', publishedOn: '2025-02-30', form: 'partly' });
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'decision', message: 'Choose whether the report will be published' },
        { path: 'publishedOn', message: 'Enter the date it was published as a real date, like 2027-03-02' },
        { path: 'form', message: 'Choose in full, redacted or delayed' },
      ]),
    );
  });

  it('needs the reason for not publishing, and for a redacted or delayed report', async () => {
    expect(await refused({ decision: 'not_publish', decisionReason: '  ' })).toEqual([
      { path: 'decisionReason', message: 'Enter why the report will not be published' },
    ]);
    expect(await refused({ decision: 'publish', form: 'redacted' })).toEqual([
      { path: 'formReason', message: 'Enter why the report is published with parts taken out' },
    ]);
    expect(await refused({ decision: 'publish', form: 'delayed', formReason: '' })).toEqual([
      { path: 'formReason', message: 'Enter why publication is delayed' },
    ]);
  });

  it('keeps publication details to a report being published', async () => {
    const fields = await refused({ decision: 'undecided', publishedOn: '2025-03-03', url: published.url });
    expect(fields.map((f) => f.path)).toEqual(['publishedOn', 'url']);
    expect(fields[0]?.message).toMatch(/only be recorded when the decision is to publish/);
  });

  it('needs the notices on or before the publication date, and not in the future', async () => {
    const fields = await refused({
      ...published,
      panelNoticeSentOn: '2025-03-04',
      dfeNoticeSentOn: '2099-01-01',
    });
    expect(fields).toEqual([
      {
        path: 'panelNoticeSentOn',
        message:
          'Notice must be sent to the national panel before publication: the date it was sent must be on or before the date it was published, 3 March 2025',
      },
      {
        path: 'dfeNoticeSentOn',
        message: 'The date notice was sent to the Department for Education must be today or in the past',
      },
    ]);
  });

  it('accepts only an https address', async () => {
    expect(await refused({ ...published, url: 'http://www.northshirescp.org.uk/child-a' })).toEqual([
      {
        path: 'url',
        message:
          'The address must start with https://, like https://www.northshirescp.org.uk/reviews/child-a',
      },
    ]);
    expect((await refused({ ...published, url: 'northshire' }))[0]?.message).toMatch(/correct format/);
  });

  it('keeps the report online for at least 12 months, saying the earliest date allowed', async () => {
    expect(await refused({ ...published, removalDate: '2026-03-02' })).toEqual([
      {
        path: 'removalDate',
        message:
          'The report must stay online for at least 12 months: the date it comes down must be 3 March 2026 or later',
      },
    ]);
  });

  it('sends it to the NSPCC repository on or after it was published', async () => {
    expect((await refused({ ...published, repositorySentOn: '2025-03-01' }))[0]).toEqual({
      path: 'repositorySentOn',
      message:
        'The date it was sent to the NSPCC repository must be on or after the date it was published, 3 March 2025',
    });
  });

  it('changes nothing when refused', async () => {
    const before = await stored();
    const audits = (await auditRows()).length;
    await refused({ ...published, url: 'http://x.org' });
    expect(await stored()).toEqual(before);
    expect(await auditRows()).toHaveLength(audits);
  });
});
