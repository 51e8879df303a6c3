import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import { auditEvents } from '../db/schema/index.ts';
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
import { givenReportVersion, reportUrl, smallReportDocument } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
const as = {} as Record<ReviewRole | 'noRole' | 'outsider', Session>;
const ids = {} as Record<'draft' | 'circulated' | 'signedOff', string>;

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid, { title: 'Child A (Northbrook)' });
  url = reportUrl(review);
  for (const role of [
    'lead_reviewer',
    'supervisor',
    'case_group_member',
    'family_member',
    'board_member',
  ] as const)
    as[role] = (await signedInWithRole(t, review, role)).session;
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
  ids.draft = (await givenReportVersion(t, review, { note: 'First draft' })).id;
  ids.circulated = (
    await givenReportVersion(t, review, {
      document: smallReportDocument('Child A lived with her mother and her brother.'),
      circulatedTo: ['case_group'],
    })
  ).id;
  ids.signedOff = (
    await givenReportVersion(t, review, {
      document: smallReportDocument('Child A lived with her mother, her brother and her grandmother.'),
      signedOff: true,
      publishable: true,
    })
  ).id;
});
afterAll(() => t.close());

const numbersSeenBy = async (who: Session) =>
  (await call(t, who, 'GET', url)).json().versions.map((v: { number: number }) => v.number);

describe('who may read a version', () => {
  it('lists the versions each person may read, newest first', async () => {
    expect(await numbersSeenBy(as.lead_reviewer)).toEqual([3, 2, 1]);
    expect(await numbersSeenBy(as.supervisor)).toEqual([3, 2, 1]);
    expect(await numbersSeenBy(as.case_group_member)).toEqual([3, 2]);
    expect(await numbersSeenBy(as.family_member)).toEqual([3]);
    expect(await numbersSeenBy(as.board_member)).toEqual([3]);
    const [newest, , oldest] = (await call(t, as.lead_reviewer, 'GET', url)).json().versions;
    expect(newest).toMatchObject({
      publishable: true,
      signOffStatus: 'signed_off',
      signOffStatusLabel: 'Signed off',
    });
    expect(oldest).toMatchObject({
      number: 1,
      note: 'First draft',
      hitCount: 0,
      unacknowledgedCount: 0,
      publishable: false,
      signOffStatus: 'not_started',
      circulatedTo: [],
    });
  });

  it('answers a draft the person may not read with 404, as if it did not exist', async () => {
    for (const n of [1, 2]) {
      expect((await call(t, as.board_member, 'GET', `${url}/versions/${n}`)).statusCode).toBe(404);
      expect((await call(t, as.board_member, 'GET', `${url}/versions/${n}/files/pdf`)).statusCode).toBe(404);
      expect((await call(t, as.family_member, 'GET', `${url}/versions/${n}`)).statusCode).toBe(404);
    }
    expect((await call(t, as.case_group_member, 'GET', `${url}/versions/1`)).statusCode).toBe(404);
    expect((await call(t, as.case_group_member, 'GET', `${url}/versions/2`)).statusCode).toBe(200);
    expect((await call(t, as.board_member, 'GET', `${url}/versions/3`)).statusCode).toBe(200);
  });

  it('refuses anonymous requests, other partnerships, non-members, and versions that do not exist', async () => {
    expect((await call(t, null, 'GET', `${url}/versions/1`)).statusCode).toBe(401);
    expect((await call(t, null, 'GET', `${url}/versions/1/files/pdf`)).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole]) {
      expect((await call(t, who, 'GET', `${url}/versions/1`)).statusCode).toBe(404);
      expect((await call(t, who, 'GET', `${url}/versions/1/files/docx`)).statusCode).toBe(404);
    }
    for (const n of ['4', '0', 'one'])
      expect((await call(t, as.lead_reviewer, 'GET', `${url}/versions/${n}`)).statusCode).toBe(404);
    expect((await call(t, as.lead_reviewer, 'GET', `${url}/versions/1/files/txt`)).statusCode).toBe(404);
  });

  it('shows a version with its document, scan, circulations and what the person may do', async () => {
    const r = await call(t, as.lead_reviewer, 'GET', `${url}/versions/2`);
    expect(r.statusCode).toBe(200);
    const v = r.json();
    expect(v).toMatchObject({
      number: 2,
      circulatedTo: ['case_group'],
      scan: { hits: [] },
      ambiguousNames: [],
      unwrittenSections: [],
      signOffs: [],
      nextSignOffStep: { step: 0, label: 'Lead reviewers' },
      abilities: {
        download: true,
        scan: true,
        acknowledge: true,
        markPublishable: true,
        circulate: true,
        signOff: false,
      },
    });
    expect(v.document.sections[0].sections[0].blocks[0].text).toMatch(/her brother\.$/);
    expect(v.circulations).toHaveLength(1);
    const seen = (await call(t, as.case_group_member, 'GET', `${url}/versions/2`)).json();
    expect(seen.abilities).toEqual({
      download: true,
      scan: false,
      acknowledge: false,
      markPublishable: false,
      circulate: false,
      signOff: false,
    });
  });
});

describe('downloading a version', () => {
  it('sends each format as an attachment named after the review and version, and audits the download', async () => {
    const expected = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
      html: 'text/html; charset=utf-8',
    } as const;
    for (const format of ['docx', 'pdf', 'html'] as const) {
      const r = await call(t, as.lead_reviewer, 'GET', `${url}/versions/1/files/${format}`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe(expected[format]);
      expect(r.headers['content-disposition']).toBe(
        `attachment; filename="child-a-northbrook-report-v1.${format}"`,
      );
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await call(t, as.lead_reviewer, 'GET', `${url}/versions/1/files/pdf`)).body).toBe(
      '%PDF-1.7 placeholder',
    );
    const logs = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, ids.draft), eq(auditEvents.action, 'report.downloaded')))
      .orderBy(asc(auditEvents.seq));
    expect(logs.map((l) => l.details)).toEqual([
      { reviewId: review.id, number: 1, format: 'docx' },
      { reviewId: review.id, number: 1, format: 'pdf' },
      { reviewId: review.id, number: 1, format: 'html' },
      { reviewId: review.id, number: 1, format: 'pdf' },
    ]);
    expect((await call(t, as.board_member, 'GET', `${url}/versions/3/files/html`)).statusCode).toBe(200);
  });
});

describe('comparing two versions', () => {
  it('refuses anonymous requests, other partnerships, non-members and bad version numbers', async () => {
    expect((await call(t, null, 'GET', `${url}/compare?from=1&to=2`)).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole])
      expect((await call(t, who, 'GET', `${url}/compare?from=1&to=2`)).statusCode).toBe(404);
    const r = await call(t, as.lead_reviewer, 'GET', `${url}/compare?from=first&to=0`);
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['from', 'to']);
    expect((await call(t, as.lead_reviewer, 'GET', `${url}/compare?from=1&to=9`)).statusCode).toBe(404);
  });

  it('answers 404 when either version is one the person may not read', async () => {
    expect((await call(t, as.board_member, 'GET', `${url}/compare?from=1&to=3`)).statusCode).toBe(404);
    expect((await call(t, as.case_group_member, 'GET', `${url}/compare?from=2&to=1`)).statusCode).toBe(404);
    expect((await call(t, as.case_group_member, 'GET', `${url}/compare?from=2&to=3`)).statusCode).toBe(200);
  });

  it('shows the changes section by section, word by word', async () => {
    const r = await call(t, as.supervisor, 'GET', `${url}/compare?from=2&to=3`);
    expect(r.statusCode).toBe(200);
    const { from, to, sections } = r.json();
    expect([from, to]).toEqual([2, 3]);
    const summary = sections.find((s: { id: string }) => s.id === 'introduction.summary');
    expect(summary.status).toBe('changed');
    expect(
      summary.changes
        .filter((c: { added: boolean }) => c.added)
        .map((c: { value: string }) => c.value)
        .join(''),
    ).toMatch(/grandmother/);
  });
});
