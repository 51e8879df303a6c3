import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import { auditEvents, reportVersions } from '../db/schema/index.ts';
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
import { givenHit, givenRegister, givenReportVersion, reportUrl, smallReportDocument } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
const as = {} as Record<ReviewRole | 'noRole' | 'outsider' | 'manager', Session>;

const audited = (versionId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, versionId), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.seq));
const storedVersion = async (id: string) =>
  (await t.database.db.select().from(reportVersions).where(eq(reportVersions.id, id)))[0]!;

const school = 'Oakfield Primary School';

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid);
  url = reportUrl(review);
  for (const role of ['lead_reviewer', 'trainee_reviewer', 'supervisor', 'chair', 'board_member'] as const)
    as[role] = (await signedInWithRole(t, review, role)).session;
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  as.outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('who may check a version for identifiers', () => {
  it('refuses anonymous requests, other partnerships, non-members, those without the register, and unreadable drafts', async () => {
    const v = await givenReportVersion(t, review);
    const at = `${url}/versions/${v.number}`;
    const ack = { key: 'x', reason: 'Public place' };
    const statuses = async (who: Session | null) => [
      (await call(t, who, 'POST', `${at}/scan`)).statusCode,
      (await call(t, who, 'POST', `${at}/acknowledgements`, ack)).statusCode,
      (await call(t, who, 'POST', `${at}/publishable`)).statusCode,
    ];
    expect(await statuses(null)).toEqual([401, 401, 401]);
    for (const who of [as.outsider, as.noRole]) expect(await statuses(who)).toEqual([404, 404, 404]);
    // A board member cannot read an unsigned draft at all.
    expect(await statuses(as.board_member)).toEqual([404, 404, 404]);
    for (const who of [as.trainee_reviewer, as.supervisor, as.chair])
      expect(await statuses(who)).toEqual([403, 403, 403]);
    expect((await call(t, as.lead_reviewer, 'POST', `${url}/versions/99/scan`)).statusCode).toBe(404);
    expect(await storedVersion(v.id)).toMatchObject({ publishable: false, hits: [] });
  });
});

describe('what readers outside the review team see of a scan', () => {
  it('gives them the counts but not what was found, nor the names behind an ambiguous replacement', async () => {
    const v = await givenReportVersion(t, review, { hits: [givenHit()], signedOff: true });
    await t.database.db
      .update(reportVersions)
      .set({
        ambiguous: [{ text: 'Smith', candidates: ['Child A', 'Father'], sectionTitle: 'Introduction' }],
      })
      .where(eq(reportVersions.id, v.id));
    const at = `${url}/versions/${v.number}`;
    const board = (await call(t, as.board_member, 'GET', at)).json();
    expect(board).toMatchObject({
      hitCount: 1,
      unacknowledgedCount: 1,
      scan: { hits: [] },
      ambiguousNames: [],
    });
    const supervisor = (await call(t, as.supervisor, 'GET', at)).json();
    expect(supervisor.scan.hits).toHaveLength(1);
    expect(supervisor.ambiguousNames).toEqual([]);
    const lead = (await call(t, as.lead_reviewer, 'GET', at)).json();
    expect(lead.ambiguousNames).toEqual([
      { text: 'Smith', candidates: ['Child A', 'Father'], sectionTitle: 'Introduction' },
    ]);
  });
});

describe('acknowledging hits and marking a version publishable', () => {
  const postcode = givenHit();
  const phone = givenHit({
    key: 'phone:introduction.summary:07700 900123:1',
    kind: 'phone',
    match: '07700 900123',
    context: 'called her on 07700 900123 that evening',
  });
  let v: Awaited<ReturnType<typeof givenReportVersion>>;
  let at: string;

  beforeAll(async () => {
    v = await givenReportVersion(t, review, { hits: [postcode, phone] });
    at = `${url}/versions/${v.number}`;
  });

  it('refuses to mark a version publishable while a hit is unacknowledged, listing what is left', async () => {
    const r = await call(t, as.lead_reviewer, 'POST', `${at}/publishable`);
    expect(r.statusCode).toBe(409);
    const { error } = r.json();
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/2 identifiers/);
    expect(error.details.reason).toBe('not_publishable');
    expect(error.details.unacknowledged.map((h: { key: string }) => h.key)).toEqual([
      postcode.key,
      phone.key,
    ]);
    expect(error.details.unacknowledged[0]).toMatchObject({ kindLabel: 'a postcode', acknowledgement: null });
    expect((await storedVersion(v.id)).publishable).toBe(false);
    expect(await audited(v.id, 'report.marked_publishable')).toEqual([]);
  });

  it('refuses an acknowledgement without a reason or of something the scan did not find, naming the field', async () => {
    let r = await call(t, as.lead_reviewer, 'POST', `${at}/acknowledgements`, { key: '', reason: ' ' });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['key', 'reason']);
    r = await call(t, as.lead_reviewer, 'POST', `${at}/acknowledgements`, {
      key: 'postcode:elsewhere',
      reason: 'Fine',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields).toEqual([
      { path: 'key', message: 'Choose something the latest scan of this version found' },
    ]);
  });

  it('records why a hit may stay, replacing the reason when acknowledged again, and audits it without the text', async () => {
    let r = await call(t, as.lead_reviewer, 'POST', `${at}/acknowledgements`, {
      key: postcode.key,
      reason: 'The postcode of the hospital',
    });
    expect(r.statusCode).toBe(200);
    r = await call(t, as.manager, 'POST', `${at}/acknowledgements`, {
      key: postcode.key,
      reason: 'The postcode of the hospital, named in the inquest report',
    });
    const hit = r.json().scan.hits.find((h: { key: string }) => h.key === postcode.key);
    expect(hit.acknowledgement).toMatchObject({
      reason: 'The postcode of the hospital, named in the inquest report',
      byName: 'Test business_manager',
    });
    expect(r.json()).toMatchObject({ hitCount: 2, unacknowledgedCount: 1, publishable: false });
    const logs = await audited(v.id, 'report.hit_acknowledged');
    expect(logs).toHaveLength(2);
    expect(logs[0]!.details).toEqual({
      reviewId: review.id,
      number: v.number,
      kind: 'postcode',
      sectionId: 'introduction.summary',
    });
    expect(JSON.stringify(logs.map((l) => l.details))).not.toContain('M1 1AA');
  });

  it('marks the version publishable once every hit is acknowledged, and audits it', async () => {
    await call(t, as.lead_reviewer, 'POST', `${at}/acknowledgements`, {
      key: phone.key,
      reason: 'The hospital switchboard',
    });
    const r = await call(t, as.lead_reviewer, 'POST', `${at}/publishable`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      publishable: true,
      unacknowledgedCount: 0,
      publishableByName: 'Test member',
    });
    expect(r.json().publishableAt).toEqual(expect.any(String));
    expect(await audited(v.id, 'report.marked_publishable')).toHaveLength(1);
    expect((await call(t, as.lead_reviewer, 'POST', `${at}/publishable`)).statusCode).toBe(200);
    expect(await audited(v.id, 'report.marked_publishable')).toHaveLength(1);
  });

  it('marks a version with a clean scan publishable straight away', async () => {
    const clean = await givenReportVersion(t, review);
    const r = await call(t, as.manager, 'POST', `${url}/versions/${clean.number}/publishable`);
    expect(r.statusCode).toBe(200);
    expect(r.json().publishable).toBe(true);
  });
});

describe('scanning a version again', () => {
  it('finds what the register now names, keeps it, and stops the version being publishable', async () => {
    const v = await givenReportVersion(t, review, {
      document: smallReportDocument(`Child A went to ${school} until she was six.`),
      publishable: true,
    });
    const at = `${url}/versions/${v.number}`;
    let r = await call(t, as.lead_reviewer, 'POST', `${at}/scan`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ hitCount: 0, publishable: true });

    await givenRegister(t, review, [
      { category: 'school', realValue: school, variants: [], replacement: 'her primary school' },
    ]);
    r = await call(t, as.manager, 'POST', `${at}/scan`);
    expect(r.statusCode).toBe(200);
    const scanned = r.json();
    expect(scanned).toMatchObject({
      hitCount: 1,
      unacknowledgedCount: 1,
      publishable: false,
      publishableAt: null,
    });
    expect(scanned.scan.hits[0]).toMatchObject({
      kind: 'register',
      kindLabel: 'a name or identifier from the register',
      match: school,
      sectionId: 'introduction.summary',
      sectionTitle: 'A short summary of the case',
      acknowledgement: null,
    });
    expect(scanned.scan.hits[0].context).toContain(school);
    expect(await storedVersion(v.id)).toMatchObject({ publishable: false, publishableBy: null });
    const logs = await audited(v.id, 'report.scanned');
    expect(logs.map((l) => l.details)).toEqual([
      { reviewId: review.id, number: v.number, hits: 0, unacknowledged: 0 },
      { reviewId: review.id, number: v.number, hits: 1, unacknowledged: 1, publishableRevoked: true },
    ]);

    // Acknowledged, it may be marked publishable again, and a later scan keeps the acknowledgement.
    await call(t, as.lead_reviewer, 'POST', `${at}/acknowledgements`, {
      key: scanned.scan.hits[0].key,
      reason: 'The school is closed and was never named in the press',
    });
    expect((await call(t, as.lead_reviewer, 'POST', `${at}/publishable`)).statusCode).toBe(200);
    r = await call(t, as.lead_reviewer, 'POST', `${at}/scan`);
    expect(r.json()).toMatchObject({ hitCount: 1, unacknowledgedCount: 0, publishable: true });
    await givenRegister(t, review, []);
  });
});
