import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, participants } from '../db/schema/index.ts';
import { givenParticipantRecord, givenReviewPerson, unzip } from '../meeting/testing.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';

let t: TestApp;
let pid: string;
let review: Awaited<ReturnType<typeof givenReview>>;
let manager: Session;
let noRole: Session;
let outsider: Session;
let lead: Session;
let caseGroup: { session: Session; participantId: string };
let familyId: string;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t, 'Northshire Safeguarding Partnership')).id;
  review = await givenReview(t, pid, { title: 'Child L' });
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(
    t,
    (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
  );
  lead = (await givenReviewPerson(t, review, 'lead_reviewer', 'Sam Lee')).session;
  await givenParticipantRecord(t, review, 'lead_reviewer', { name: 'Ola Ade' });
  await givenParticipantRecord(t, review, 'business_manager', {
    name: 'Pat Price',
    email: 'pat.price@example.org',
  });
  caseGroup = await givenReviewPerson(t, review, 'case_group_member', 'Jordan Okafor');
  const agency = await givenAgency(t, pid, 'Northshire Community Health');
  await t.database.db
    .update(participants)
    .set({ jobTitle: 'Health visitor', agencyId: agency.id })
    .where(eq(participants.id, caseGroup.participantId));
  familyId = (await givenParticipantRecord(t, review, 'family_member', { name: 'Morgan Family' })).id;
});
afterAll(() => t.close());

const base = () => `/api/partnerships/${pid}/reviews/${review.id}/letters`;
const letter = (kind: string, participantId?: string) =>
  `${base()}/${kind}${participantId ? `?participantId=${participantId}` : ''}`;
const documentXml = (body: Buffer) => unzip(body).get('word/document.xml')?.toString('utf8') ?? '';
const text = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');

describe('GET …/reviews/:reviewId/letters (listLetters)', () => {
  it('401 anonymous, 404 to another partnership and to a member with no role, 403 to a case group member', async () => {
    expect((await call(t, null, 'GET', base())).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', base())).statusCode).toBe(404);
    expect((await call(t, noRole, 'GET', base())).statusCode).toBe(404);
    expect((await call(t, caseGroup.session, 'GET', base())).statusCode).toBe(403);
  });

  it('lists the kinds of letter with who each can go to', async () => {
    const res = await call(t, lead, 'GET', base());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.review).toEqual({ id: review.id, title: 'Child L' });
    const [intro, family] = body.kinds;
    expect(intro).toMatchObject({ kind: 'introductory', participantRequired: true });
    expect(intro.recipientIds).toContain(caseGroup.participantId);
    expect(intro.recipientIds).not.toContain(familyId);
    expect(family).toMatchObject({ kind: 'family', participantRequired: false, recipientIds: [familyId] });
    expect(body.abilities).toEqual({ generate: true, editTemplates: false });
  });
});

describe('GET …/reviews/:reviewId/letters/:kind (generateLetter)', () => {
  it('401 anonymous, 404 to another partnership, a member with no role or an unknown kind, 403 to a case group member', async () => {
    const url = letter('introductory', caseGroup.participantId);
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, noRole, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, manager, 'GET', letter('memo', caseGroup.participantId))).statusCode).toBe(404);
    expect((await call(t, caseGroup.session, 'GET', url)).statusCode).toBe(403);
  });

  it('400 naming participantId when it is missing, malformed, elsewhere or does not fit the letter', async () => {
    const elsewhere = await givenParticipantRecord(t, await givenReview(t, pid), 'case_group_member');
    const cases = [
      letter('introductory'),
      letter('introductory', 'not-an-id'),
      letter('introductory', elsewhere.id),
      letter('introductory', familyId),
      letter('family', caseGroup.participantId),
    ];
    for (const url of cases) {
      const res = await call(t, manager, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details.fields[0].path).toBe('participantId');
    }
  });

  it('writes the introductory letter as an accessible DOCX and records it in the audit log', async () => {
    const res = await call(t, lead, 'GET', letter('introductory', caseGroup.participantId));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="introductory-letter-jordan-okafor.docx"',
    );
    const body = res.rawPayload;
    expect(body.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const files = unzip(body);
    const xml = documentXml(body);
    const words = text(xml);
    expect(words).toContain('Dear Jordan Okafor,');
    expect(words).toContain('Taking part in the review Child L');
    expect(words).toContain('as a case group member');
    expect(words).toContain('The lead reviewers for this review are Ola Ade and Sam Lee.');
    expect(words).toContain('pat.price@example.org');
    expect(words).toContain('Northshire Safeguarding Partnership');
    expect(words).toContain('conversation');
    expect(words).not.toMatch(/interview/i);
    expect(words).not.toContain('{{');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:numPr>');
    expect(files.get('docProps/core.xml')?.toString('utf8')).toContain('Taking part in the review Child L');
    expect(files.get('word/styles.xml')?.toString('utf8')).toContain('en-GB');

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, caseGroup.participantId), eq(auditEvents.action, 'letter.generated')),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ partnershipId: pid, entityType: 'letter' });
    expect(audit[0]!.details).toEqual({
      reviewId: review.id,
      kind: 'introductory',
      participantId: caseGroup.participantId,
    });
  });

  it('writes the family letter to the family as a whole or to a family member', async () => {
    const general = await call(t, manager, 'GET', letter('family'));
    expect(general.statusCode).toBe(200);
    expect(general.headers['content-disposition']).toBe(
      'attachment; filename="letter-to-the-family-child-l.docx"',
    );
    expect(text(documentXml(general.rawPayload))).toContain('Dear family member,');
    const named = await call(t, manager, 'GET', letter('family', familyId));
    const words = text(documentXml(named.rawPayload));
    expect(words).toContain('Dear Morgan Family,');
    expect(words).toContain('anonymised');
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, review.id), eq(auditEvents.action, 'letter.generated')));
    expect(audit[0]!.details).toMatchObject({ kind: 'family', participantId: null });
  });

  it('uses the partnership’s own wording once it has one, with its placeholders filled', async () => {
    const saved = await call(t, manager, 'PUT', `/api/partnerships/${pid}/letter-templates/introductory`, {
      body: '# Our letter\n\nHello {{participant.name}}, {{participant.jobTitle}} at {{participant.agency}}.\n\n- one\n- two',
      version: null,
    });
    expect(saved.statusCode).toBe(200);
    const res = await call(t, manager, 'GET', letter('introductory', caseGroup.participantId));
    const words = text(documentXml(res.rawPayload));
    expect(words).toContain('Hello Jordan Okafor, Health visitor at Northshire Community Health.');
    expect(words).not.toContain('Learning Together');
  });
});
