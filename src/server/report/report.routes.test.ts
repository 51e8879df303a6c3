import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMethodology, narrativeKeys } from '#domain/report/report.ts';
import type { ReviewRole } from '#domain/review/policy.ts';
import { auditEvents, reportDrafts } from '../db/schema/index.ts';
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
import { reportUrl } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
const as = {} as Record<ReviewRole | 'noRole' | 'outsider' | 'manager', Session>;

const audited = (action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, review.id), eq(auditEvents.action, action)));
const sections = (text: Partial<Record<string, string>> = {}) =>
  Object.fromEntries(narrativeKeys.map((k) => [k, text[k] ?? '']));

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid);
  url = reportUrl(review);
  const roles: ReviewRole[] = [
    'lead_reviewer',
    'trainee_reviewer',
    'supervisor',
    'review_team_member',
    'case_group_member',
    'family_member',
    'business_manager',
    'chair',
    'board_member',
  ];
  for (const role of roles) as[role] = (await signedInWithRole(t, review, role)).session;
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  as.outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('reading the report', () => {
  it('refuses anonymous requests and hides the review from other partnerships and non-members', async () => {
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole]) expect((await call(t, who, 'GET', url)).statusCode).toBe(404);
  });

  it('shows the review team side every written section with its hint, the standard methodology until one is written', async () => {
    const r = await call(t, as.lead_reviewer, 'GET', url);
    expect(r.statusCode).toBe(200);
    const report = r.json();
    expect(report).toMatchObject({
      version: 0,
      updatedAt: null,
      updatedByName: null,
      versions: [],
      signOffChain: ['Lead reviewers', 'Review team', 'Safeguarding partners'],
      abilities: { edit: true, generate: true },
    });
    expect(report.narrative.map((s: { key: string }) => s.key)).toEqual(narrativeKeys);
    expect(report.narrative.find((s: { key: string }) => s.key === 'methodology').text).toBe(
      defaultMethodology,
    );
    expect(report.narrative[0]).toMatchObject({
      key: 'whyThisCase',
      title: 'Why this case was chosen',
      text: '',
    });
    expect(report.narrative[0].hint).toMatch(/safeguarding partners/);
    for (const who of [as.supervisor, as.chair, as.review_team_member]) {
      const seen = (await call(t, who, 'GET', url)).json();
      expect(seen.narrative).toHaveLength(narrativeKeys.length);
      expect(seen.abilities).toEqual({ edit: false, generate: false });
    }
    expect((await call(t, as.manager, 'GET', url)).json().abilities).toEqual({ edit: true, generate: true });
  });

  it('gives the case group, the family and board members no written sections', async () => {
    for (const who of [as.case_group_member, as.family_member, as.board_member]) {
      const r = await call(t, who, 'GET', url);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        narrative: [],
        versions: [],
        abilities: { edit: false, generate: false },
      });
    }
  });

  it('uses the sign-off chain the terms of reference name', async () => {
    const own = await givenReview(t, review.partnershipId, {
      signOffChain: ['Lead reviewers', 'Independent scrutineer'],
    });
    const lead = (await signedInWithRole(t, own, 'lead_reviewer')).session;
    expect((await call(t, lead, 'GET', reportUrl(own))).json().signOffChain).toEqual([
      'Lead reviewers',
      'Independent scrutineer',
    ]);
  });
});

describe('writing the narrative sections', () => {
  const at = () => `${url}/narrative`;

  it('refuses anonymous requests, other partnerships, non-members and those who do not write the report', async () => {
    const body = { version: 0, sections: sections() };
    expect((await call(t, null, 'PUT', at(), body)).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole])
      expect((await call(t, who, 'PUT', at(), body)).statusCode).toBe(404);
    for (const role of [
      'supervisor',
      'review_team_member',
      'chair',
      'case_group_member',
      'board_member',
    ] as const)
      expect((await call(t, as[role], 'PUT', at(), body)).statusCode).toBe(403);
  });

  it('refuses bad input naming the fields, and stores nothing', async () => {
    let r = await call(t, as.lead_reviewer, 'PUT', at(), {
      sections: sections({ whyThisCase: 'x'.repeat(30_001) }),
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['sections.whyThisCase', 'version']);
    r = await call(t, as.lead_reviewer, 'PUT', at(), { version: 0, sections: { caseSummary: 42 } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0].path).toBe('sections.caseSummary');
    expect(
      await t.database.db.select().from(reportDrafts).where(eq(reportDrafts.reviewId, review.id)),
    ).toEqual([]);
  });

  it('saves the whole set, auditing which sections changed and never what they say', async () => {
    const secret = 'Jane Smith was born at home in Northbrook.';
    const r = await call(t, as.trainee_reviewer, 'PUT', at(), {
      version: 0,
      sections: sections({ caseSummary: `  ${secret}  `, whyThisCase: 'The child was seriously hurt.' }),
    });
    expect(r.statusCode).toBe(200);
    const report = r.json();
    expect(report).toMatchObject({ version: 1, updatedByName: 'Test member' });
    expect(report.narrative.find((s: { key: string }) => s.key === 'caseSummary').text).toBe(secret);
    expect(report.narrative.find((s: { key: string }) => s.key === 'methodology').text).toBe(
      defaultMethodology,
    );
    const [log] = await audited('report.narrative_updated');
    expect(log!.details).toEqual({
      reviewId: review.id,
      version: 1,
      sections: ['whyThisCase', 'caseSummary'],
    });
    expect(JSON.stringify(log!.details)).not.toContain('Jane');
  });

  it('changes nothing when the same text is saved again, the standard methodology included', async () => {
    const current = (await call(t, as.lead_reviewer, 'GET', url)).json();
    const same = Object.fromEntries(
      current.narrative.map((s: { key: string; text: string }) => [s.key, s.text]),
    );
    const r = await call(t, as.lead_reviewer, 'PUT', at(), { version: 1, sections: same });
    expect(r.statusCode).toBe(200);
    expect(r.json().version).toBe(1);
    expect(await audited('report.narrative_updated')).toHaveLength(1);
  });

  it('answers a change based on an old version with 409 and the report as it is now', async () => {
    let r = await call(t, as.lead_reviewer, 'PUT', at(), {
      version: 1,
      sections: sections({ caseSummary: 'Child A lived with her mother.', methodology: 'Our own method.' }),
    });
    expect(r.json().version).toBe(2);
    expect((await audited('report.narrative_updated')).at(-1)!.details).toMatchObject({
      sections: ['whyThisCase', 'caseSummary', 'methodology'],
    });
    r = await call(t, as.manager, 'PUT', at(), {
      version: 1,
      sections: sections({ caseSummary: 'Overwritten' }),
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('stale_version');
    expect(r.json().error.details.current).toMatchObject({ version: 2 });
    const [row] = await t.database.db.select().from(reportDrafts).where(eq(reportDrafts.reviewId, review.id));
    expect(row!.sections.caseSummary).toBe('Child A lived with her mother.');
    expect(row!.sections.methodology).toBe('Our own method.');
  });
});
