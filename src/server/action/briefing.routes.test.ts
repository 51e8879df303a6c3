import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import { auditEvents } from '../db/schema/index.ts';
import { completeFinding, givenFinding } from '../finding/testing.ts';
import { docxText, pdfText } from '../report/render/extract.ts';
import { givenRegister } from '../report/testing.ts';
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
import { givenPublished, reviewUrl } from './board-response-testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
const people = {} as Record<ReviewRole, Session>;
let memberWithNoRole: Session;
let outsider: Session;
const realNames = ['Jane Smith', 'Paul Smith', 'Helen Brown'];

const briefing = (format: string) => `${url}/learning-briefing/${format}`;
const auditRows = () =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.partnershipId, review.partnershipId), eq(auditEvents.action, 'briefing.generated')),
    );
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t, 'Northbrook Safeguarding Children Partnership')).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid, { title: 'Child A' });
  url = reviewUrl(review);
  for (const role of [
    'lead_reviewer',
    'business_manager',
    'chair',
    'board_member',
    'review_team_member',
    'case_group_member',
    'family_member',
  ] as const)
    people[role] = (await signedInWithRole(t, review, role, { name: `Person ${role}` })).session;
  memberWithNoRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
  await givenRegister(t, review, [
    { category: 'child', realValue: 'Jane Smith', variants: ['Jane'], replacement: 'Child A' },
    { category: 'family_member', realValue: 'Paul Smith', variants: [], replacement: 'Father' },
    { category: 'practitioner', realValue: 'Helen Brown', variants: [], replacement: 'the GP' },
  ]);
});
afterAll(() => t.close());

describe('who may generate the learning briefing', () => {
  it('refuses anonymous requests with 401', async () => {
    expect((await call(t, null, 'GET', briefing('pdf'))).statusCode).toBe(401);
  });

  it('hides the review from other partnerships and members with no part in it (404)', async () => {
    for (const who of [outsider, memberWithNoRole])
      expect((await call(t, who, 'GET', briefing('pdf'))).statusCode).toBe(404);
  });

  it('refuses anyone but the lead reviewers, the business manager and the chair (403)', async () => {
    for (const role of ['board_member', 'review_team_member', 'case_group_member', 'family_member'] as const)
      expect((await call(t, people[role], 'GET', briefing('docx'))).statusCode, role).toBe(403);
    expect(await auditRows()).toEqual([]);
  });

  it('answers 404 for a format that is not docx or pdf', async () => {
    expect((await call(t, people.lead_reviewer, 'GET', briefing('html'))).statusCode).toBe(404);
  });
});

describe('generating the learning briefing', () => {
  it('says the findings are not agreed yet while none is', async () => {
    await givenFinding(t, review, { statement: 'An emerging idea about referrals' });
    const r = await call(t, people.chair, 'GET', briefing('docx'));
    expect(r.statusCode).toBe(200);
    const text = flat(await docxText(r.rawPayload));
    expect(text).toContain('The review team has not agreed the findings yet.');
    expect(text).not.toContain('An emerging idea about referrals');
    expect((await auditRows()).at(-1)?.details).toMatchObject({ format: 'docx', findings: 0 });
  });

  it('makes a pseudonymised DOCX and PDF from the agreed findings, and audits each', async () => {
    await givenFinding(t, review, {
      ...completeFinding,
      status: 'agreed_by_review_team',
      statement: 'Accounts of injuries to non-mobile babies are accepted without a second opinion',
      whyItMatters: `Bruising in a baby who cannot move is a warning sign, as Helen Brown said. ${'It is easy to miss. '.repeat(20)}`,
      boardQuestions: ['How would your team check an account like Paul Smith’s?'],
      recommendations: [],
    });
    await call(t, people.lead_reviewer, 'PUT', `${url}/report/narrative`, {
      version: 0,
      sections: { caseSummary: 'Jane Smith lived with her father, Paul Smith. Jane was 14 weeks old.' },
    });
    await givenPublished(t, review, 'https://northbrook.example/reviews/child-a');
    for (const [format, read] of [
      ['docx', docxText],
      ['pdf', pdfText],
    ] as const) {
      const r = await call(t, people.lead_reviewer, 'GET', briefing(format));
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-disposition']).toBe(
        `attachment; filename="child-a-learning-briefing.${format}"`,
      );
      const text = flat(await read(r.rawPayload));
      for (const part of [
        'Background',
        'What the review found',
        'Why it matters',
        'Questions for your team',
        'What to do next',
        'Find out more',
      ])
        expect(text).toContain(part);
      expect(text).toContain('Child A lived with her father, Father. Child A was 14 weeks old.');
      expect(text).toContain(
        'Accounts of injuries to non-mobile babies are accepted without a second opinion',
      );
      expect(text).toContain('a warning sign, as the GP said.');
      expect(text).not.toContain('It is easy to miss. '.repeat(20).trim());
      expect(text).toContain('How would your team check an account like Father’s?');
      expect(text).toContain('Talk about these findings in your next team meeting');
      expect(text).toContain('https://northbrook.example/reviews/child-a');
      expect(text).not.toContain('An emerging idea about referrals');
      for (const name of [...realNames, 'Jane']) expect(text).not.toContain(name);
    }
    expect((await auditRows()).slice(-2).map((r) => r.details)).toMatchObject([
      { format: 'docx', findings: 1 },
      { format: 'pdf', findings: 1 },
    ]);
  });
});
