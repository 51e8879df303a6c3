import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, documents } from '../db/schema/index.ts';
import {
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
import { filesystemStorage } from './storage.ts';
import { sampleDocx, sampleExecutable, samplePdf, samplePng, upload } from './testing.ts';

let t: TestApp;
let dataDir: string;
let pid: string;
let lead: Session;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
const fields = { kind: 'case_record', restriction: 'review_team' };

const storedFiles = () => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else found.push(e.name);
    }
  };
  try {
    walk(join(dataDir, 'files'));
  } catch {}
  return found;
};
const paths = (res: { json(): { error: { details: { fields: { path: string }[] } } } }) =>
  res.json().error.details.fields.map((f) => f.path);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sightlines-doc-'));
  t = await createTestApp({ dataDir, uploadLimitBytes: 64 * 1024 });
  pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid);
  const leadUser = await givenMember(t, pid, 'member');
  await givenParticipant(t, review, 'lead_reviewer', leadUser);
  lead = await signInAs(t, leadUser.email);
  url = `/api/partnerships/${pid}/reviews/${review.id}/documents`;
});
afterAll(() => t.close());

describe('POST documents (uploadDocument)', () => {
  it('stores a PDF by its sha256, extracts its text and audits the upload', async () => {
    const agency = await givenAgency(t, pid);
    const pdf = samplePdf('Strategy meeting minutes');
    const res = await upload(
      t,
      lead,
      url,
      {
        ...fields,
        title: 'Strategy meeting',
        agencyId: agency.id,
        dateFrom: '2024-01-02',
        dateTo: '2024-03-01',
      },
      { name: 'minutes.pdf', content: pdf, type: 'application/pdf' },
    );
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      title: 'Strategy meeting',
      mediaType: 'application/pdf',
      agencyId: agency.id,
      dateFrom: '2024-01-02',
      sizeBytes: pdf.length,
      hasText: true,
      restriction: 'review_team',
      version: 1,
    });
    const [row] = await t.database.db.select().from(documents).where(eq(documents.id, doc.id));
    expect(row!.extractedText).toContain('Strategy meeting minutes');
    expect(await filesystemStorage(dataDir).has(doc.sha256)).toBe(true);
    expect(storedFiles()).toContain(doc.sha256);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'document.uploaded'), eq(auditEvents.entityId, doc.id)));
    expect(audit).toHaveLength(1);
  });

  it('keeps one copy of the same content uploaded twice', async () => {
    const png = samplePng(7);
    const first = await upload(t, lead, url, fields, { name: 'a.png', content: png });
    const second = await upload(t, lead, url, fields, { name: 'b.png', content: png });
    expect(second.json().sha256).toBe(first.json().sha256);
    expect(second.json().id).not.toBe(first.json().id);
    expect(first.json()).toMatchObject({ mediaType: 'image/png', title: 'a.png', hasText: false });
    expect(storedFiles().filter((f) => f === first.json().sha256)).toHaveLength(1);
  });

  it('extracts the text of a Word document, and takes CSV, plain text and email as they are', async () => {
    const docx = await sampleDocx('Health visitor saw Child A at home');
    const word = await upload(t, lead, url, fields, { name: 'visit.docx', content: docx });
    expect(word.json()).toMatchObject({
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      hasText: true,
    });
    const csv = await upload(t, lead, url, fields, {
      name: 'contacts.csv',
      content: Buffer.from('date,agency\n2024-01-02,Police\n'),
    });
    expect(csv.json().mediaType).toBe('text/csv');
    const txt = await upload(t, lead, url, fields, {
      name: 'note.txt',
      content: Buffer.from('Café visit — notes'),
    });
    expect(txt.json().mediaType).toBe('text/plain');
    const eml = Buffer.from(
      'From: a@example.org\r\nTo: b@example.org\r\nSubject: Referral\r\nDate: Tue, 2 Jan 2024 10:00:00 +0000\r\n\r\nHello',
    );
    const email = await upload(t, lead, url, fields, { name: 'referral.eml', content: eml });
    expect(email.json().mediaType).toBe('message/rfc822');
  });

  it('refuses a disguised executable renamed .pdf, and stores nothing', async () => {
    const before = storedFiles().length;
    const res = await upload(t, lead, url, fields, {
      name: 'report.pdf',
      content: sampleExecutable(),
      type: 'application/pdf',
    });
    expect(res.statusCode).toBe(400);
    const field = res.json().error.details.fields[0];
    expect(field.path).toBe('file');
    expect(field.message).toBe(
      'This file is not a PDF: it looks like a program (application/x-msdownload). Upload PDF, Word, Excel, CSV, text, image or email files.',
    );
    expect(storedFiles().length).toBe(before);
  });

  it('refuses binary that is not text, a plain ZIP named .docx, and an empty file', async () => {
    const bin = await upload(t, lead, url, fields, {
      name: 'notes.txt',
      content: Buffer.from([1, 2, 0, 255, 254]),
    });
    expect(bin.json().error.details.fields[0].message).toMatch(
      /^This file is not a text file: we could not tell/,
    );
    const zip = Buffer.from('504b0304140000000000000000000000000000000000000000000100000061', 'hex');
    const fake = await upload(t, lead, url, fields, {
      name: 'x.docx',
      content: Buffer.concat([zip, Buffer.alloc(50)]),
    });
    expect(fake.statusCode).toBe(400);
    expect(paths(fake)).toEqual(['file']);
    const empty = await upload(t, lead, url, fields, { name: 'empty.pdf', content: Buffer.alloc(0) });
    expect(empty.json().error.details.fields[0]).toEqual({
      path: 'file',
      message: 'The selected file is empty',
    });
  });

  it('413 for a file over the configured limit, with nothing stored', async () => {
    const before = storedFiles().length;
    const big = Buffer.concat([samplePdf('big'), Buffer.alloc(70 * 1024, 32)]);
    const res = await upload(t, lead, url, fields, { name: 'big.pdf', content: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'payload_too_large',
      details: { fields: [{ path: 'file' }] },
    });
    expect(storedFiles().length).toBe(before);
  });

  it('400 naming the fields: missing file, unknown kind, bad dates, agency from elsewhere', async () => {
    const none = await upload(t, lead, url, { kind: 'nonsense', dateFrom: '2024-13-01', dateTo: '' });
    expect(paths(none).sort()).toEqual(['dateFrom', 'file', 'kind']);
    const png = { name: 'p.png', content: samplePng(99) };
    const reversed = await upload(
      t,
      lead,
      url,
      { ...fields, dateFrom: '2024-03-01', dateTo: '2024-01-01' },
      png,
    );
    expect(paths(reversed)).toEqual(['dateTo']);
    const elsewhere = await givenAgency(t, (await givenPartnership(t)).id);
    expect(paths(await upload(t, lead, url, { ...fields, agencyId: elsewhere.id }, png))).toEqual([
      'agencyId',
    ]);
    const json = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: lead.cookie, 'x-csrf-token': lead.csrfToken },
      payload: { kind: 'other' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('401 anonymous, 404 other partnership and non-member, 403 case group member', async () => {
    const png = { name: 'p.png', content: samplePng(3) };
    expect((await upload(t, null, url, fields, png)).statusCode).toBe(401);
    const outsider = await signInAs(
      t,
      (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
    );
    expect((await upload(t, outsider, url, fields, png)).statusCode).toBe(404);
    const member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
    expect((await upload(t, member, url, fields, png)).statusCode).toBe(404);
    const cg = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, 'case_group_member', cg);
    expect((await upload(t, await signInAs(t, cg.email), url, fields, png)).statusCode).toBe(403);
  });

  it('refuses a restriction the uploader could not see themselves', async () => {
    const rt = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, 'review_team_member', rt);
    const s = await signInAs(t, rt.email);
    const res = await upload(
      t,
      s,
      url,
      { ...fields, restriction: 'lead_reviewers' },
      { name: 'p.png', content: samplePng(5) },
    );
    expect(paths(res)).toEqual(['restriction']);
  });
});
