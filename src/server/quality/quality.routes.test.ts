import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '#domain/intake/deadlines.ts';
import { formatLongDate } from '#domain/publication/rules.ts';
import type { ReviewRole } from '#domain/review/policy.ts';
import { givenEpisode } from '../analysis/testing.ts';
import { auditEvents, qualityAssessments } from '../db/schema/index.ts';
import { givenNotification, givenRapidReview } from '../intake/intake.fixtures.ts';
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
let base: string;
let url: string;
const marker = (n: number | string) => `${url}/${n}`;
const people = {} as Record<ReviewRole, Session>;
let partnershipAdmin: Session;
let memberWithNoRole: Session;
let outsider: Session;

const assessment = {
  version: 0,
  rating: 'green',
  answers: ['yes', 'yes', 'partly'],
  evidence: 'The letter went to the mother and grandmother; the grandmother asked for a call.',
  acceptedEvidenceKeys: ['family_letter'],
};

const auditRows = () =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, review.id), eq(auditEvents.action, 'quality_marker.assessed')));
const stored = () =>
  t.database.db.select().from(qualityAssessments).where(eq(qualityAssessments.reviewId, review.id));
const summary = async (who: Session = people.lead_reviewer) => {
  const r = await call(t, who, 'GET', url);
  expect(r.statusCode).toBe(200);
  return r.json();
};
type MarkerBody = Record<string, unknown> & { number: number; autoEvidence: Array<Record<string, unknown>> };
const markerIn = (body: { markers: MarkerBody[] }, n: number) => body.markers.find((m) => m.number === n)!;

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  const notification = await givenNotification(t, pid, { submittedDate: '2026-04-08' });
  const rapidReview = await givenRapidReview(t, notification);
  review = await givenReview(t, pid, { rapidReviewId: rapidReview.id });
  base = `/api/partnerships/${pid}/reviews/${review.id}`;
  url = `${base}/quality-markers`;
  const roles: ReviewRole[] = [
    'lead_reviewer',
    'business_manager',
    'chair',
    'board_member',
    'trainee_reviewer',
    'case_group_member',
    'family_member',
  ];
  for (const role of roles)
    people[role] = (await signedInWithRole(t, review, role, { name: `Person ${role}` })).session;
  partnershipAdmin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  memberWithNoRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('who may see and assess the quality markers', () => {
  const requests = () =>
    [
      ['GET', url, undefined],
      ['PUT', marker(4), assessment],
    ] as const;

  it('refuses anonymous requests with 401', async () => {
    for (const [method, path, body] of requests())
      expect((await call(t, null, method, path, body)).statusCode).toBe(401);
  });

  it('hides them from other partnerships and from members with no part in the review (404)', async () => {
    for (const who of [outsider, memberWithNoRole])
      for (const [method, path, body] of requests())
        expect((await call(t, who, method, path, body)).statusCode, method).toBe(404);
    const elsewhere = url.replace(review.partnershipId, (await givenPartnership(t)).id);
    expect((await call(t, people.lead_reviewer, 'GET', elsewhere)).statusCode).toBe(404);
    expect((await call(t, people.lead_reviewer, 'PUT', marker(19), assessment)).statusCode).toBe(404);
    expect((await call(t, people.lead_reviewer, 'PUT', marker('first'), assessment)).statusCode).toBe(404);
  });

  it('refuses the case group and the family (403)', async () => {
    for (const role of ['case_group_member', 'family_member'] as const)
      for (const [method, path, body] of requests())
        expect((await call(t, people[role], method, path, body)).statusCode, `${role} ${method}`).toBe(403);
  });

  it('lets a board member and a trainee read the summary but not assess (403)', async () => {
    for (const who of [people.board_member, people.trainee_reviewer]) {
      expect((await summary(who)).abilities).toEqual({ assess: false });
      expect((await call(t, who, 'PUT', marker(4), assessment)).statusCode).toBe(403);
    }
    expect(await stored()).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });

  it('lets the lead reviewers, the business manager, the chair and the partnership’s admins assess', async () => {
    for (const who of [people.lead_reviewer, people.business_manager, people.chair, partnershipAdmin])
      expect((await summary(who)).abilities).toEqual({ assess: true });
  });
});

describe('the summary', () => {
  it('lists all 18 markers in their phases, none assessed yet, at version 0', async () => {
    const body = await summary();
    expect(body.markers.map((m: { number: number }) => m.number)).toEqual(
      Array.from({ length: 18 }, (_, i) => i + 1),
    );
    expect(body.counts).toEqual({ green: 0, amber: 0, red: 0, notAssessed: 18 });
    expect(
      body.byPhase.map((p: { phase: string; counts: { notAssessed: number } }) => [
        p.phase,
        p.counts.notAssessed,
      ]),
    ).toEqual([
      ['set_up', 5],
      ['running', 8],
      ['outputs', 5],
    ]);
    expect(markerIn(body, 4)).toMatchObject({
      title: 'Informing the family',
      phase: 'set_up',
      phaseLabel: 'Setting up the review',
      rating: null,
      ratingLabel: null,
      evidence: '',
      acceptedEvidenceKeys: [],
      assessedByName: null,
      assessedAt: null,
      version: 0,
    });
    expect((markerIn(body, 4).questions as unknown[]).length).toBe(3);
  });

  it('offers the notification against its deadline for the referral', async () => {
    expect(markerIn(await summary(), 1).autoEvidence).toEqual([
      {
        key: 'notification',
        label: 'Serious incident notification',
        detail:
          'Sent on 8 April 2026, within 5 working days of the local authority becoming aware on 2 April 2026 (due 13 April 2026)',
        supports: true,
        href: expect.stringMatching(/^\/partnerships\/[^/]+\/notifications\/[^/]+$/),
      },
    ]);
  });

  it('offers hindsight noted in episodes and the count of unresolved language flags for the analysis', async () => {
    await givenEpisode(t, review, { hindsight: 'We read the records in date order, blind to the outcome.' });
    await givenEpisode(t, review, {
      whatHappened: 'The health visitor failed to ask about the mark. Looking back, it was a missed chance.',
    });
    const evidence = markerIn(await summary(), 13).autoEvidence;
    // The same count as the review's list of episodes shows.
    const flags = (await call(t, people.lead_reviewer, 'GET', `${base}/episodes`)).json()
      .unresolvedLanguageFlags;
    expect(flags).toBeGreaterThan(1);
    expect(evidence.map((e) => [e.key, e.detail])).toEqual([
      [
        'hindsight',
        '1 of 2 episodes record what is known now that was not known then (hindsight kept apart)',
      ],
      ['methodology', 'The standard text: not yet written for this review'],
      ['language_flags', `${flags} flagged phrases neither reworded nor kept with a reason`],
    ]);
  });

  it('shows no family letter until one is generated, then the day it was', async () => {
    expect(markerIn(await summary(), 4).autoEvidence).toEqual([
      {
        key: 'family_letter',
        label: 'Letter to the family',
        detail: 'None generated in Sightlines',
        supports: false,
        href: `/partnerships/${review.partnershipId}/reviews/${review.id}/letters`,
      },
    ]);
    const letter = await call(t, people.business_manager, 'GET', `${base}/letters/family`);
    expect(letter.statusCode).toBe(200);
    expect(markerIn(await summary(), 4).autoEvidence[0]).toMatchObject({
      detail: `Generated on ${formatLongDate(londonDate(new Date()))}`,
      supports: true,
    });
  });
});

describe('assessing a marker', () => {
  it('records the whole assessment, audited with the marker and rating but never the evidence', async () => {
    const r = await call(t, people.lead_reviewer, 'PUT', marker(4), assessment);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      number: 4,
      rating: 'green',
      ratingLabel: 'Green',
      evidence: assessment.evidence,
      acceptedEvidenceKeys: ['family_letter'],
      assessedByName: 'Person lead_reviewer',
      assessedAt: expect.any(String),
      version: 1,
    });
    expect(body.questions.map((q: { answer: string }) => q.answer)).toEqual(['yes', 'yes', 'partly']);
    expect(body.autoEvidence[0].key).toBe('family_letter');
    const [audit] = await auditRows();
    expect(audit).toMatchObject({
      actorUserId: people.lead_reviewer.userId,
      entityType: 'quality_assessment',
      details: { reviewId: review.id, marker: 4, rating: 'green', version: 1 },
    });
    expect(JSON.stringify(audit?.details)).not.toContain('grandmother');
    const after = await summary(people.board_member);
    expect(after.counts).toEqual({ green: 1, amber: 0, red: 0, notAssessed: 17 });
    expect(markerIn(after, 4)).toEqual(body);
  });

  it('changes nothing when the same assessment is saved again', async () => {
    const r = await call(t, people.chair, 'PUT', marker(4), { ...assessment, version: 1 });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: 1, assessedByName: 'Person lead_reviewer' });
    expect(await auditRows()).toHaveLength(1);
  });

  it('records a marker in progress, with no rating and answers still to give', async () => {
    const r = await call(t, people.chair, 'PUT', marker(7), {
      version: 0,
      rating: null,
      answers: [null, 'yes', null],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ rating: null, evidence: '', acceptedEvidenceKeys: [], version: 1 });
    expect((await summary()).counts).toEqual({ green: 1, amber: 0, red: 0, notAssessed: 17 });
  });

  it('refuses a change based on an old version with 409 and the marker as it is now', async () => {
    const before = await stored();
    const r = await call(t, people.business_manager, 'PUT', marker(4), { ...assessment, rating: 'red' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('stale_version');
    expect(r.json().error.details.current).toMatchObject({ number: 4, rating: 'green', version: 1 });
    expect(await stored()).toEqual(before);
  });

  it('moves on a version with each change, by whoever made it', async () => {
    const r = await call(t, people.business_manager, 'PUT', marker(4), {
      ...assessment,
      version: 1,
      rating: 'amber',
      acceptedEvidenceKeys: [],
    });
    expect(r.json()).toMatchObject({
      rating: 'amber',
      version: 2,
      assessedByName: 'Person business_manager',
    });
    expect((await auditRows()).at(-1)?.details).toMatchObject({ marker: 4, rating: 'amber', version: 2 });
  });
});

describe('the rules of an assessment (400)', () => {
  const refused = async (n: number, body: Record<string, unknown>) => {
    const version = markerIn(await summary(), n).version;
    const r = await call(t, people.lead_reviewer, 'PUT', marker(n), { ...assessment, version, ...body });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('validation_failed');
    return r.json().error.details.fields as Array<{ path: string; message: string }>;
  };

  it('needs one answer per question of the marker', async () => {
    expect(await refused(4, { answers: ['yes'] })).toEqual([
      {
        path: 'answers',
        message:
          'Give one answer for each of the 3 questions of quality marker 4, leaving any not answered yet empty',
      },
    ]);
  });

  it('refuses evidence Sightlines did not offer for the marker', async () => {
    expect(await refused(5, { answers: ['yes', 'yes'], acceptedEvidenceKeys: ['family_letter'] })).toEqual([
      {
        path: 'acceptedEvidenceKeys',
        message: 'Choose only evidence Sightlines offers for quality marker 5',
      },
    ]);
  });

  it('needs a known rating and known answers', async () => {
    const fields = await refused(4, { rating: 'purple', answers: ['maybe', 'yes', 'yes'] });
    expect(fields.map((f) => f.path)).toEqual(expect.arrayContaining(['rating', 'answers.0']));
    expect(fields.find((f) => f.path === 'rating')?.message).toBe('Choose red, amber or green');
  });

  it('changes nothing when refused', async () => {
    const before = await stored();
    const audits = (await auditRows()).length;
    await refused(4, { answers: [] });
    expect(await stored()).toEqual(before);
    expect(await auditRows()).toHaveLength(audits);
  });
});
