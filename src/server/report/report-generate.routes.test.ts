import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { narrativeKeys } from '#domain/report/report.ts';
import { givenEpisode } from '../analysis/testing.ts';
import { auditEvents, reportVersions, researchQuestions } from '../db/schema/index.ts';
import { completeFinding, givenFinding } from '../finding/testing.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signedInWithRole,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { docxText, pdfText } from './render/extract.ts';
import { givenRegister, reportUrl } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
const as = {} as Record<
  'lead' | 'manager' | 'supervisor' | 'teamMember' | 'chair' | 'board' | 'noRole' | 'outsider',
  Session
>;

const realNames = ['Jane Smith', 'Jane', 'Paul Smith', 'Paul', 'Helen Brown', 'Brown'];
const versionRow = async (number: number) =>
  (
    await t.database.db
      .select()
      .from(reportVersions)
      .where(and(eq(reportVersions.reviewId, review.id), eq(reportVersions.number, number)))
  )[0]!;

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t, 'Northbrook Safeguarding Children Partnership')).id;
  const other = await givenPartnership(t);
  const health = await givenAgency(t, pid, 'Northbrook Community Health');
  review = await givenReview(t, pid, {
    title: 'Child A',
    scopeFrom: '2025-01-06',
    scopeTo: '2026-03-20',
    purposeStatement: 'To learn how agencies respond to bruising in babies.',
  });
  url = reportUrl(review);
  as.lead = (
    await signedInWithRole(t, review, 'lead_reviewer', {
      name: 'Morgan Reid',
      jobTitle: 'Independent lead reviewer',
    })
  ).session;
  as.supervisor = (await signedInWithRole(t, review, 'supervisor')).session;
  as.teamMember = (
    await signedInWithRole(t, review, 'review_team_member', {
      agencyId: health.id,
      jobTitle: 'Head of safeguarding',
    })
  ).session;
  as.chair = (await signedInWithRole(t, review, 'chair')).session;
  as.board = (await signedInWithRole(t, review, 'board_member')).session;
  await signedInWithRole(t, review, 'case_group_member', { agencyId: health.id, jobTitle: 'Health visitor' });
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  as.outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);

  await givenRegister(t, review, [
    { category: 'child', realValue: 'Jane Smith', variants: [], replacement: 'Child A' },
    { category: 'family_member', realValue: 'Paul Smith', variants: [], replacement: 'Father' },
    { category: 'practitioner', realValue: 'Helen Brown', variants: [], replacement: 'the GP' },
  ]);
  const [question] = await t.database.db
    .insert(researchQuestions)
    .values({
      partnershipId: pid,
      reviewId: review.id,
      position: 1,
      text: 'How are bruises in babies checked?',
    })
    .returning();
  const episode = await givenEpisode(t, review, {
    title: 'The six-week check',
    agencyIds: [health.id],
    whatHappened:
      'The health visitor saw a bruise on Jane’s cheek; Paul Smith said she had rolled off the sofa.',
    localRationality: 'Jane was feeding well and Helen Brown had seen her the week before.',
    appraisal: 'adequate',
  });
  await givenFinding(t, review, {
    ...completeFinding,
    statement: 'Accounts of injuries to non-mobile babies are accepted without a second opinion',
    howItShowed: 'When Jane Smith was seen with a bruise, her father’s account was accepted.',
    whyItMatters: 'Bruising in a baby who cannot move is a warning sign.',
    episodeIds: [episode.id],
    researchQuestionIds: [question!.id],
  });
  await call(t, as.lead, 'PUT', `${url}/narrative`, {
    version: 0,
    sections: {
      whyThisCase: 'Jane Smith was seriously hurt at home in NB1 4QT.',
      caseSummary:
        'Jane Smith lived with her father, Paul Smith. Jayne, as her grandmother called her, was 14 weeks old.',
    },
  });
});
afterAll(() => t.close());

describe('who may generate a version', () => {
  it('refuses anonymous requests, other partnerships, non-members and those who do not write the report', async () => {
    expect((await call(t, null, 'POST', `${url}/versions`, {})).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole])
      expect((await call(t, who, 'POST', `${url}/versions`, {})).statusCode).toBe(404);
    for (const who of [as.supervisor, as.teamMember, as.chair, as.board])
      expect((await call(t, who, 'POST', `${url}/versions`, {})).statusCode).toBe(403);
  });

  it('refuses a note that is too long, naming it, and stores nothing', async () => {
    const r = await call(t, as.lead, 'POST', `${url}/versions`, { note: 'x'.repeat(501) });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['note']);
    expect(await t.database.db.select().from(reportVersions)).toEqual([]);
  });
});

describe('generating a version', () => {
  let first: Record<string, unknown> & { scan: { hits: Array<Record<string, string>> } };

  it('builds, pseudonymises, renders and scans the report, and audits it without names', async () => {
    const r = await call(t, as.lead, 'POST', `${url}/versions`, { note: 'First draft for the review team' });
    expect(r.statusCode).toBe(201);
    first = r.json();
    expect(first).toMatchObject({
      number: 1,
      note: 'First draft for the review team',
      createdByName: 'Morgan Reid',
      publishable: false,
      signOffStatus: 'not_started',
      abilities: { download: true, scan: true, acknowledge: true, markPublishable: true },
    });
    expect(first.unwrittenSections).toContain('Acknowledgements');
    expect(first.unwrittenSections).not.toContain('Why this case was chosen');
    const text = JSON.stringify(first.document);
    for (const name of realNames) expect(text).not.toContain(name);
    expect(text).toContain('Child A');
    expect(text).toContain('Morgan Reid');

    const [log] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'report.generated'), eq(auditEvents.entityId, (await versionRow(1)).id)),
      );
    expect(log!.details).toMatchObject({ reviewId: review.id, number: 1, hits: first.scan.hits.length });
    expect(JSON.stringify(log!.details)).not.toMatch(/Jane|Jayne|NB1/);
  });

  it('leaves no real name in the DOCX, the PDF or the HTML', async () => {
    const row = await versionRow(1);
    const files = { docx: await docxText(row.docx), pdf: await pdfText(row.pdf), html: row.html };
    for (const [format, content] of Object.entries(files)) {
      for (const name of realNames) expect(content, `${format} holds ${name}`).not.toContain(name);
      expect(content, format).toContain('Child A');
    }
    const download = await call(t, as.lead, 'GET', `${url}/versions/1/files/docx`);
    expect(download.statusCode).toBe(200);
    expect(await docxText(download.rawPayload)).toContain('Accounts of injuries to non-mobile babies');
  });

  it('reports what the register misses, each hit with its section and context', async () => {
    const hits = first.scan.hits;
    expect(hits).toContainEqual(
      expect.objectContaining({
        kind: 'name_like',
        match: 'Jayne',
        sectionId: 'introduction.summary',
        acknowledgement: null,
      }),
    );
    expect(hits).toContainEqual(
      expect.objectContaining({
        kind: 'postcode',
        match: 'NB1 4QT',
        sectionId: 'introduction.why-this-case',
      }),
    );
    const jayne = hits.find((h) => h.match === 'Jayne')!;
    expect(jayne.context).toContain('as her grandmother called her');
    expect(first.unacknowledgedCount).toBe(hits.length);
    const r = await call(t, as.lead, 'POST', `${url}/versions/1/publishable`);
    expect(r.statusCode).toBe(409);
  });

  it('numbers each version after the last and never changes an earlier one', async () => {
    const before = await versionRow(1);
    await call(t, as.lead, 'PUT', `${url}/narrative`, {
      version: 1,
      sections: Object.fromEntries(narrativeKeys.map((k) => [k, `Written by the lead reviewers: ${k}.`])),
    });
    const r = await call(t, as.manager, 'POST', `${url}/versions`, {});
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ number: 2, note: null, unwrittenSections: [] });
    const after = await versionRow(1);
    expect(after.document).toEqual(before.document);
    expect(after.docx.equals(before.docx)).toBe(true);
    expect(after.pdf.equals(before.pdf)).toBe(true);
    expect(after.html).toBe(before.html);
    expect(after.createdAt).toEqual(before.createdAt);
    const versions = (await call(t, as.lead, 'GET', url)).json().versions;
    expect(versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const compared = (await call(t, as.lead, 'GET', `${url}/compare?from=1&to=2`)).json();
    const summary = compared.sections.find((s: { id: string }) => s.id === 'introduction.summary');
    expect(summary.status).toBe('changed');
  });

  it('keeps an unsigned draft from board members', async () => {
    expect((await call(t, as.board, 'GET', `${url}/versions/2`)).statusCode).toBe(404);
    expect((await call(t, as.board, 'GET', `${url}/versions/2/files/pdf`)).statusCode).toBe(404);
    expect((await call(t, as.board, 'GET', url)).json().versions).toEqual([]);
  });
});
