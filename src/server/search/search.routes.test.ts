import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, chronologyEvents, conversations, documents } from '../db/schema/index.ts';
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

let t: TestApp;
let url: string;
let lead: Session;
let teamMember: Session;
let caseGroup: Session;
let outsider: Session;
let reviewId: string;

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const review = await givenReview(t, pid);
  reviewId = review.id;
  url = `/api/partnerships/${pid}/reviews/${review.id}/search`;
  const as = async (role: Parameters<typeof givenParticipant>[2]) => {
    const user = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, role, user);
    return signInAs(t, user.email);
  };
  lead = await as('lead_reviewer');
  teamMember = await as('review_team_member');
  caseGroup = await as('case_group_member');
  outsider = await signInAs(
    t,
    (await givenMember(t, (await givenPartnership(t)).id, 'business_manager')).email,
  );
  const agency = await givenAgency(t, pid, 'Northbrook Police');
  const practitioner = await givenParticipant(t, review, 'case_group_member');
  const base = {
    partnershipId: pid,
    reviewId: review.id,
    kind: 'case_record',
    mediaType: 'text/plain',
    sizeBytes: 10,
    sha256: 'a'.repeat(64),
  };
  await t.database.db.insert(documents).values([
    {
      ...base,
      title: 'Health visiting record',
      originalFilename: 'hv.txt',
      extractedText: 'The health visitor noted the baby was underweight and the home was cold.',
    },
    {
      ...base,
      title: 'Strategy discussion notes',
      originalFilename: 'sd.txt',
      restriction: 'lead_reviewers',
      extractedText: 'Strategy discussion about the underweight baby.',
    },
  ]);
  await t.database.db.insert(conversations).values({
    partnershipId: pid,
    reviewId: review.id,
    participantId: practitioner.id,
    searchText: 'I was worried the baby was underweight but the clinic weights looked normal at the time.',
  });
  await t.database.db.insert(chronologyEvents).values({
    partnershipId: pid,
    reviewId: review.id,
    occurredOn: '2026-02-03',
    agencyId: agency.id,
    summary: 'Police attended a report of shouting; no concerns about the baby were recorded.',
  });
});
afterAll(() => t.close());

describe('GET search (searchReviewEvidence)', () => {
  it('401, 404 from another partnership, 403 for the case group, 400 for a one-letter search', async () => {
    expect((await call(t, null, 'GET', `${url}?q=baby`)).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', `${url}?q=baby`)).statusCode).toBe(404);
    expect((await call(t, caseGroup, 'GET', `${url}?q=baby`)).statusCode).toBe(403);
    const bad = await call(t, lead, 'GET', `${url}?q=b`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('q');
  });

  it('finds documents, conversations and events by stemmed words, with marked snippets and links', async () => {
    const res = await call(t, lead, 'GET', `${url}?q=underweight`);
    expect(res.statusCode).toBe(200);
    const kinds = res
      .json()
      .results.map((r: { kind: string }) => r.kind)
      .sort();
    expect(kinds).toEqual(['conversation', 'document', 'document']);
    const doc = res.json().results.find((r: { title: string }) => r.title === 'Health visiting record');
    expect(doc.snippet).toContainEqual({ text: 'underweight', match: true });
    expect(doc.path).toMatch(new RegExp(`/reviews/${reviewId}/documents/`));
    const events = (await call(t, lead, 'GET', `${url}?q=shouting&kinds=event`)).json().results;
    expect(events).toEqual([
      expect.objectContaining({ kind: 'event', title: 'Northbrook Police, 2026-02-03' }),
    ]);
  });

  it('keeps documents restricted to the lead reviewers out of a review team member’s results', async () => {
    const titles = (await call(t, teamMember, 'GET', `${url}?q=underweight&kinds=document`))
      .json()
      .results.map((r: { title: string }) => r.title);
    expect(titles).toEqual(['Health visiting record']);
  });

  it('audits the search by its size, never its words', async () => {
    await call(t, lead, 'GET', `${url}?q=cold+home`);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, reviewId), eq(auditEvents.action, 'evidence.searched')));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('cold');
  });
});
