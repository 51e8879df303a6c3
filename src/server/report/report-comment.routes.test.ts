import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, reportComments } from '../db/schema/index.ts';
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
import { givenCirculation, givenReportComment } from './review-testing.ts';
import { givenReportVersion, reportUrl } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
type Person =
  | 'lead'
  | 'supervisor'
  | 'caseGroup'
  | 'otherCaseGroup'
  | 'family'
  | 'board'
  | 'noRole'
  | 'outsider';
const as = {} as Record<Person, Session>;
const userIds = {} as Record<'caseGroup' | 'otherCaseGroup', string>;
/** Version 1 goes to the case group only; version 2 to the case group and the family; version 3 to nobody. */
const rounds = {} as Record<'caseGroup' | 'both' | 'family' | 'closed' | 'lapsed', string>;

const versionUrl = (n: number) => `${url}/versions/${n}`;
const commentUrl = (n: number, roundId: string) => `${versionUrl(n)}/circulations/${roundId}/comments`;
const comment = { sectionId: 'introduction.summary', body: 'The health visitor saw the family in March.' };

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid);
  url = reportUrl(review);
  const signIn = async (who: Person, role: Parameters<typeof signedInWithRole>[2], name: string) => {
    const person = await signedInWithRole(t, review, role, { name });
    as[who] = person.session;
    return person.user.id;
  };
  await signIn('lead', 'lead_reviewer', 'Lena Lead');
  await signIn('supervisor', 'supervisor', 'Sam Supervisor');
  userIds.caseGroup = await signIn('caseGroup', 'case_group_member', 'Cara Health Visitor');
  userIds.otherCaseGroup = await signIn('otherCaseGroup', 'case_group_member', 'Omar Social Worker');
  await signIn('family', 'family_member', 'Fay Family');
  await signIn('board', 'board_member', 'Bo Board');
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
  const first = await givenReportVersion(t, review);
  rounds.caseGroup = (await givenCirculation(t, review, first.id)).id;
  const second = await givenReportVersion(t, review);
  rounds.both = (await givenCirculation(t, review, second.id)).id;
  rounds.family = (await givenCirculation(t, review, second.id, { audience: 'family' })).id;
  rounds.closed = (await givenCirculation(t, review, second.id, { closed: true })).id;
  rounds.lapsed = (await givenCirculation(t, review, second.id, { closesOn: '2024-03-03' })).id;
  await givenReportVersion(t, review);
});
afterAll(() => t.close());

describe('who may comment', () => {
  it('refuses anonymous requests and hides the version from other partnerships, non-members and the board', async () => {
    expect((await call(t, null, 'POST', commentUrl(1, rounds.caseGroup), comment)).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole, as.board])
      expect((await call(t, who, 'POST', commentUrl(1, rounds.caseGroup), comment)).statusCode).toBe(404);
  });

  it('answers a case group member 404 for a version not circulated to them', async () => {
    expect((await call(t, as.caseGroup, 'GET', versionUrl(3))).statusCode).toBe(404);
    expect((await call(t, as.caseGroup, 'POST', commentUrl(3, rounds.caseGroup), comment)).statusCode).toBe(
      404,
    );
  });

  it('answers the family 404 for a version circulated only to the case group, and for the case group’s round of a version they may read, which they do not see', async () => {
    expect((await call(t, as.family, 'GET', versionUrl(1))).statusCode).toBe(404);
    expect((await call(t, as.family, 'POST', commentUrl(1, rounds.caseGroup), comment)).statusCode).toBe(404);
    expect((await call(t, as.family, 'POST', commentUrl(2, rounds.both), comment)).statusCode).toBe(404);
    const seen = await call(t, as.family, 'GET', versionUrl(2));
    expect(seen.json().circulations.map((c: { audience: string }) => c.audience)).toEqual(['family']);
    expect((await call(t, as.family, 'POST', commentUrl(2, rounds.family), comment)).statusCode).toBe(201);
  });

  it('answers a round of another version with 404', async () => {
    expect((await call(t, as.caseGroup, 'POST', commentUrl(1, rounds.both), comment)).statusCode).toBe(404);
  });

  it('refuses a closed round, and a round whose closing date has passed, saying when it closed (409)', async () => {
    let r = await call(t, as.caseGroup, 'POST', commentUrl(2, rounds.closed), comment);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toMatch(/^This round of comments closed on \d{1,2} \w+ \d{4}\.$/);
    r = await call(t, as.lead, 'POST', commentUrl(2, rounds.lapsed), comment);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('This round of comments closed on 3 March 2024.');
  });

  it('refuses a section that is not in the version and an empty comment, naming the field', async () => {
    let r = await call(t, as.caseGroup, 'POST', commentUrl(1, rounds.caseGroup), {
      ...comment,
      sectionId: 'findings.finding-9',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields).toEqual([
      { path: 'sectionId', message: 'Choose a section of this version of the report' },
    ]);
    r = await call(t, as.caseGroup, 'POST', commentUrl(1, rounds.caseGroup), { ...comment, body: '  ' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0].path).toBe('body');
  });
});

describe('a case group member comments on a version circulated to the case group', () => {
  let mine: string;

  it('reads the version and comments on a section, audited without the text', async () => {
    const read = await call(t, as.caseGroup, 'GET', versionUrl(1));
    expect(read.statusCode).toBe(200);
    expect(read.json().circulations[0].abilities).toEqual({ comment: true, close: false });
    const r = await call(t, as.caseGroup, 'POST', commentUrl(1, rounds.caseGroup), comment);
    expect(r.statusCode).toBe(201);
    const [created] = r.json().circulations[0].comments;
    expect(created).toMatchObject({
      sectionId: 'introduction.summary',
      sectionTitle: 'A short summary of the case',
      body: comment.body,
      authorName: 'Cara Health Visitor',
      resolution: null,
      abilities: { resolve: false },
    });
    mine = created.id;
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, mine), eq(auditEvents.action, 'report.commented')));
    expect(event?.details).toEqual({
      reviewId: review.id,
      versionNumber: 1,
      circulationId: rounds.caseGroup,
      sectionId: 'introduction.summary',
    });
    expect(JSON.stringify(event?.details)).not.toContain('health visitor');
  });

  it('sees only their own comments; the review team side sees every comment and may comment too', async () => {
    await givenReportComment(t, review, rounds.caseGroup, userIds.otherCaseGroup, { body: 'Another view' });
    const own = (await call(t, as.caseGroup, 'GET', versionUrl(1))).json().circulations[0].comments;
    expect(own.map((c: { id: string }) => c.id)).toEqual([mine]);
    const others = (await call(t, as.otherCaseGroup, 'GET', versionUrl(1))).json().circulations[0].comments;
    expect(others.map((c: { body: string }) => c.body)).toEqual(['Another view']);
    const r = await call(t, as.supervisor, 'POST', commentUrl(1, rounds.caseGroup), {
      sectionId: 'introduction',
      body: 'The introduction could say more about the period.',
    });
    expect(r.statusCode).toBe(201);
    const all = r.json().circulations[0].comments;
    expect(all.map((c: { authorName: string }) => c.authorName)).toEqual([
      'Cara Health Visitor',
      'Omar Social Worker',
      'Sam Supervisor',
    ]);
    expect(all[2].sectionTitle).toBe('Introduction');
    const lead = (await call(t, as.lead, 'GET', versionUrl(1))).json().circulations[0].comments;
    expect(lead.every((c: { abilities: { resolve: boolean } }) => c.abilities.resolve)).toBe(true);
    const stored = await t.database.db
      .select()
      .from(reportComments)
      .where(eq(reportComments.reviewId, review.id));
    expect(stored).toHaveLength(4);
  });
});
