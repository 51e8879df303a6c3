import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInLanguageRules } from '#domain/reference/language.ts';
import { builtInReference, referenceKindKeys } from '#domain/reference/reference.ts';
import { auditEvents, referenceVersions } from '../db/schema/index.ts';
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
import { reviewReferenceOf } from './reference.service.ts';

let t: TestApp;
let pid: string;
let admin: Session;
let manager: Session;
let member: Session;
let outsider: Session;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(
    t,
    (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
  );
});
afterAll(() => t.close());

const listUrl = () => `/api/partnerships/${pid}/reference-data`;
const versionUrl = (kind: string, version: number | string) => `${listUrl()}/${kind}/versions/${version}`;
const publishUrl = (kind: string) => `${listUrl()}/${kind}/versions`;

const appraisal = {
  grades: [
    { key: 'good', label: 'Good', description: 'Met or went beyond the standard.' },
    { key: 'requires_improvement', label: 'Requires improvement' },
  ],
};

describe('GET /api/partnerships/:id/reference-data (listReferenceData)', () => {
  it('401 anonymous, 404 to another partnership or a malformed id', async () => {
    expect((await call(t, null, 'GET', listUrl())).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', listUrl())).statusCode).toBe(404);
    expect((await call(t, admin, 'GET', '/api/partnerships/not-a-uuid/reference-data')).statusCode).toBe(404);
  });

  it('gives every kind at version 1, what Sightlines ships, recording it on first use', async () => {
    const res = await call(t, member, 'GET', listUrl());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.kinds.map((k: { kind: string }) => k.kind)).toEqual(referenceKindKeys);
    for (const k of body.kinds) {
      const builtIn = builtInReference[k.kind as keyof typeof builtInReference];
      expect(k.current).toMatchObject({ version: 1, name: builtIn.name, publishedBy: null, reviewsUsing: 0 });
      expect(k.current.content).toEqual(builtIn.content);
      expect(k.versions).toHaveLength(1);
      expect(k.versions[0]).not.toHaveProperty('content');
    }
    expect(body.abilities).toEqual({ publish: false });
    expect((await call(t, manager, 'GET', listUrl())).json().abilities).toEqual({ publish: false });
    expect((await call(t, admin, 'GET', listUrl())).json().abilities).toEqual({ publish: true });
    const rows = await t.database.db
      .select()
      .from(referenceVersions)
      .where(eq(referenceVersions.partnershipId, pid));
    expect(rows).toHaveLength(referenceKindKeys.length);
  });
});

describe('GET …/reference-data/:kind/versions/:version (getReferenceVersion)', () => {
  it('401 anonymous; 404 to another partnership, an unknown kind or an unknown version', async () => {
    expect((await call(t, null, 'GET', versionUrl('language', 1))).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', versionUrl('language', 1))).statusCode).toBe(404);
    expect((await call(t, member, 'GET', versionUrl('colours', 1))).statusCode).toBe(404);
    expect((await call(t, member, 'GET', versionUrl('language', 99))).statusCode).toBe(404);
    expect((await call(t, member, 'GET', versionUrl('language', 'one'))).statusCode).toBe(404);
    expect((await call(t, member, 'GET', versionUrl('language', 0))).statusCode).toBe(404);
  });

  it('gives version 1 with its content, even to a partnership that never used the kind', async () => {
    const fresh = (await givenPartnership(t)).id;
    const someone = await signInAs(t, (await givenMember(t, fresh, 'member')).email);
    const res = await call(
      t,
      someone,
      'GET',
      `/api/partnerships/${fresh}/reference-data/language/versions/1`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'language',
      version: 1,
      content: { rules: builtInLanguageRules },
    });
  });
});

describe('POST …/reference-data/:kind/versions (publishReferenceVersion)', () => {
  const valid = { name: 'Local scale 2027', content: appraisal, basedOnVersion: 1 };

  it('401 anonymous, 404 to another partnership or an unknown kind, 403 to a business manager or member', async () => {
    expect((await call(t, null, 'POST', publishUrl('appraisal'), valid)).statusCode).toBe(401);
    expect((await call(t, outsider, 'POST', publishUrl('appraisal'), valid)).statusCode).toBe(404);
    expect((await call(t, admin, 'POST', publishUrl('colours'), valid)).statusCode).toBe(404);
    expect((await call(t, manager, 'POST', publishUrl('appraisal'), valid)).statusCode).toBe(403);
    expect((await call(t, member, 'POST', publishUrl('appraisal'), {})).statusCode).toBe(403);
  });

  it('400 naming the fields of the body', async () => {
    const res = await call(t, admin, 'POST', publishUrl('appraisal'), { content: appraisal });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['name', 'basedOnVersion']);
  });

  it('400 naming the item of the content and why, under content.', async () => {
    const rules = structuredClone(builtInLanguageRules);
    rules[3] = { ...rules[3]!, reason: ' ' };
    rules[5] = { ...rules[5]!, id: rules[0]!.id };
    const res = await call(t, admin, 'POST', publishUrl('language'), {
      name: 'Broken',
      content: { rules },
      basedOnVersion: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { path: 'content.rules.3.reason', message: 'Say why the wording is a problem' },
      { path: 'content.rules.5', message: 'The rule id “failed-to” is used twice' },
    ]);

    const shapeless = await call(t, admin, 'POST', publishUrl('typology'), {
      name: 'Empty',
      content: { categories: [{ code: 'Tools!', definition: 4 }] },
      basedOnVersion: 1,
    });
    expect(shapeless.json().error.details.fields).toEqual([
      {
        path: 'content.categories.0.code',
        message: 'The code must be lower-case letters, digits and underscores',
      },
      { path: 'content.categories.0.name', message: 'Enter the name' },
      { path: 'content.categories.0.definition', message: 'This must be text, in double quotes' },
    ]);

    const nothing = await call(t, admin, 'POST', publishUrl('factors'), { name: 'x', basedOnVersion: 1 });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['content']);
    const notAList = await call(t, admin, 'POST', publishUrl('factors'), {
      name: 'x',
      content: { groups: 'people' },
      basedOnVersion: 1,
    });
    expect(notAList.json().error.details.fields).toEqual([
      { path: 'content.groups', message: 'This must be a list, in square brackets' },
    ]);
    const rows = await t.database.db
      .select()
      .from(referenceVersions)
      .where(and(eq(referenceVersions.partnershipId, pid), eq(referenceVersions.version, 2)));
    expect(rows).toHaveLength(0);
  });

  it('publishes version 2 with an audit row; a review already pinned keeps version 1; stale is 409', async () => {
    const pinnedReview = await givenReview(t, pid);
    const before = await reviewReferenceOf(t.database.db, pinnedReview, 'appraisal');
    expect(before.version).toBe(1);

    const res = await call(t, admin, 'POST', publishUrl('appraisal'), valid);
    expect(res.statusCode).toBe(201);
    const published = res.json();
    expect(published).toMatchObject({
      kind: 'appraisal',
      version: 2,
      name: 'Local scale 2027',
      publishedBy: 'Test partnership_admin',
      reviewsUsing: 0,
    });
    // Defaults are filled in, so the stored content is in its checked shape.
    expect(published.content.grades[1]).toEqual({
      key: 'requires_improvement',
      label: 'Requires improvement',
      description: '',
    });

    const kept = await reviewReferenceOf(t.database.db, pinnedReview, 'appraisal');
    expect(kept).toEqual({ version: 1, content: builtInReference.appraisal.content });
    const newReview = await givenReview(t, pid);
    const fresh = await reviewReferenceOf(t.database.db, newReview, 'appraisal');
    expect(fresh.version).toBe(2);
    expect(fresh.content.grades.map((g) => g.key)).toEqual(['good', 'requires_improvement']);

    const listed = (await call(t, member, 'GET', listUrl())).json();
    const kind = listed.kinds.find((k: { kind: string }) => k.kind === 'appraisal');
    expect(kind.current).toMatchObject({ version: 2, reviewsUsing: 1 });
    expect(
      kind.versions.map((v: { version: number; reviewsUsing: number }) => [v.version, v.reviewsUsing]),
    ).toEqual([
      [1, 1],
      [2, 1],
    ]);
    const old = (await call(t, member, 'GET', versionUrl('appraisal', 1))).json();
    expect(old).toMatchObject({ version: 1, reviewsUsing: 1, content: builtInReference.appraisal.content });

    const stale = await call(t, admin, 'POST', publishUrl('appraisal'), { ...valid, name: 'Another' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'stale_version',
      details: { current: { version: 2, name: 'Local scale 2027', content: published.content } },
    });
    const ahead = await call(t, admin, 'POST', publishUrl('appraisal'), { ...valid, basedOnVersion: 7 });
    expect(ahead.statusCode).toBe(409);

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnershipId, pid), eq(auditEvents.action, 'reference.published')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entityType: 'reference_version',
      entityId: published.id,
      actorUserId: admin.userId,
      details: { kind: 'appraisal', version: 2, basedOnVersion: 1 },
    });
  });
});
