import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import { auditEvents } from '../db/schema/index.ts';
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
import { givenDocument, samplePdf, samplePng, upload } from './testing.ts';

let t: TestApp;
let pid: string;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
const people = {} as Record<ReviewRole | 'outsider' | 'stranger', Session>;
let secret: Awaited<ReturnType<typeof givenDocument>>;
let team: Awaited<ReturnType<typeof givenDocument>>;
let shared: Awaited<ReturnType<typeof givenDocument>>;

const audited = async (action: string, entityId: string) =>
  (
    await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
  ).length;

beforeAll(async () => {
  t = await createTestApp({ dataDir: mkdtempSync(join(tmpdir(), 'sightlines-doc-')) });
  pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid);
  for (const role of ['lead_reviewer', 'review_team_member', 'case_group_member', 'chair'] as ReviewRole[]) {
    const user = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, role, user);
    people[role] = await signInAs(t, user.email);
  }
  people.stranger = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  people.outsider = await signInAs(
    t,
    (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
  );
  secret = await givenDocument(t, review, {
    restriction: 'lead_reviewers',
    title: 'Secret',
    content: samplePng(1),
  });
  team = await givenDocument(t, review, { restriction: 'review_team', title: 'Team', content: samplePng(2) });
  shared = await givenDocument(t, review, {
    restriction: 'case_group',
    title: 'Shared',
    content: samplePng(3),
  });
  url = `/api/partnerships/${pid}/reviews/${review.id}/documents`;
});
afterAll(() => t.close());

const titles = async (s: Session, query = '') =>
  (await call(t, s, 'GET', `${url}${query}`)).json().documents.map((d: { title: string }) => d.title);

describe('GET documents (listDocuments)', () => {
  it('lists only what each person’s circle may see', async () => {
    expect((await titles(people.lead_reviewer)).sort()).toEqual(['Secret', 'Shared', 'Team']);
    expect((await titles(people.review_team_member)).sort()).toEqual(['Shared', 'Team']);
    expect(await titles(people.case_group_member)).toEqual(['Shared']);
  });

  it('filters by agency and kind, and names a bad filter', async () => {
    const agency = await givenAgency(t, pid);
    const pdf = { name: 'police.pdf', content: samplePdf('Police log') };
    await upload(t, people.lead_reviewer, url, { kind: 'minutes', agencyId: agency.id }, pdf);
    expect(await titles(people.lead_reviewer, `?agencyId=${agency.id}`)).toEqual(['police.pdf']);
    expect(await titles(people.lead_reviewer, '?kind=minutes')).toEqual(['police.pdf']);
    const bad = await call(t, people.lead_reviewer, 'GET', `${url}?kind=poem&agencyId=x`);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['agencyId', 'kind']);
  });

  it('401, 404 other partnership and non-member, 403 a chair', async () => {
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(t, people.outsider, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, people.stranger, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, people.chair, 'GET', url)).statusCode).toBe(403);
  });
});

describe('GET documents/:documentId (getDocument)', () => {
  it('shows a visible document, and 404 for one outside the person’s circle', async () => {
    const res = await call(t, people.case_group_member, 'GET', `${url}/${shared.id}`);
    expect(res.json()).toMatchObject({
      title: 'Shared',
      restrictionLabel: 'Shared with the case group',
      abilities: { edit: false, preview: true },
    });
    expect((await call(t, people.case_group_member, 'GET', `${url}/${team.id}`)).statusCode).toBe(404);
    expect((await call(t, people.review_team_member, 'GET', `${url}/${secret.id}`)).statusCode).toBe(404);
    expect((await call(t, null, 'GET', `${url}/${shared.id}`)).statusCode).toBe(401);
    expect((await call(t, people.outsider, 'GET', `${url}/${shared.id}`)).statusCode).toBe(404);
    expect((await call(t, people.chair, 'GET', `${url}/${shared.id}`)).statusCode).toBe(403);
  });
});

describe('PATCH documents/:documentId (updateDocument)', () => {
  it('changes the details, audits it, and refuses a stale version with the current record', async () => {
    const doc = await givenDocument(t, review, { title: 'Before', content: samplePng(10) });
    const res = await call(t, people.lead_reviewer, 'PATCH', `${url}/${doc.id}`, {
      title: 'After',
      kind: 'assessment',
      dateFrom: '2023-05-01',
      restriction: 'case_group',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'After',
      kindLabel: 'Assessment',
      restriction: 'case_group',
      version: 2,
    });
    expect(await audited('document.updated', doc.id)).toBe(1);
    const stale = await call(t, people.lead_reviewer, 'PATCH', `${url}/${doc.id}`, {
      title: 'Again',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'stale_version',
      details: { current: { title: 'After' } },
    });
  });

  it('400 naming fields, 401, 404, 403 for a case group member', async () => {
    const target = `${url}/${team.id}`;
    const bad = await call(t, people.lead_reviewer, 'PATCH', target, {
      title: '',
      kind: 'x',
      dateTo: 'soon',
    });
    expect(
      bad
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['dateTo', 'kind', 'title', 'version']);
    expect((await call(t, null, 'PATCH', target, { version: 1 })).statusCode).toBe(401);
    expect((await call(t, people.outsider, 'PATCH', target, { version: 1 })).statusCode).toBe(404);
    expect(
      (await call(t, people.review_team_member, 'PATCH', `${url}/${secret.id}`, { version: 1 })).statusCode,
    ).toBe(404);
    expect((await call(t, people.case_group_member, 'PATCH', target, { version: 1 })).statusCode).toBe(403);
  });
});

describe('GET documents/:documentId/content and /preview', () => {
  it('downloads the exact bytes as an attachment, audited', async () => {
    const pdf = samplePdf('Exact bytes');
    const made = (
      await upload(
        t,
        people.lead_reviewer,
        url,
        { kind: 'other', title: 'Plan' },
        { name: 'plan:final é.pdf', content: pdf },
      )
    ).json();
    const res = await call(t, people.review_team_member, 'GET', `${url}/${made.id}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="plan_final _.pdf"; filename*=UTF-8''plan_final%20%C3%A9.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(await audited('document.downloaded', made.id)).toBe(1);
  });

  it('previews a PDF or image inline in a sandbox, audited; refuses other types with 415', async () => {
    const res = await call(t, people.case_group_member, 'GET', `${url}/${shared.id}/preview`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(samplePng(3))).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="genogram.png"/);
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    );
    expect(await audited('document.previewed', shared.id)).toBe(1);
    const csv = (
      await upload(
        t,
        people.lead_reviewer,
        url,
        { kind: 'other' },
        { name: 'a.csv', content: Buffer.from('a,b\n1,2\n') },
      )
    ).json();
    const refused = await call(t, people.lead_reviewer, 'GET', `${url}/${csv.id}/preview`);
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.message).toMatch(/Only PDFs and images can be previewed/);
    const text = await call(t, people.lead_reviewer, 'GET', `${url}/${csv.id}/content`);
    expect(text.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('401, 404 other partnership, non-member and outside the circle, 403 a chair; nothing audited', async () => {
    for (const path of ['content', 'preview']) {
      expect((await call(t, null, 'GET', `${url}/${team.id}/${path}`)).statusCode).toBe(401);
      expect((await call(t, people.outsider, 'GET', `${url}/${team.id}/${path}`)).statusCode).toBe(404);
      expect((await call(t, people.stranger, 'GET', `${url}/${team.id}/${path}`)).statusCode).toBe(404);
      expect((await call(t, people.case_group_member, 'GET', `${url}/${team.id}/${path}`)).statusCode).toBe(
        404,
      );
      expect((await call(t, people.chair, 'GET', `${url}/${team.id}/${path}`)).statusCode).toBe(403);
    }
    expect(await audited('document.downloaded', team.id)).toBe(0);
    expect(await audited('document.previewed', team.id)).toBe(0);
  });
});
