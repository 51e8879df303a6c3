import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryImportColumns } from '#domain/library/library.ts';
import { goodRows, toCsv, upload as uploadChronology } from '../chronology/import-testing.ts';
import type { Config } from '../config.ts';
import { auditEvents, chronologyImports, documents, libraryEntries } from '../db/schema/index.ts';
import { samplePdf, upload } from '../document/testing.ts';
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
import { EICAR, type FakeClamd, startFakeClamd, unusedClamdSettings } from './clamd-testing.ts';

let t: TestApp;
let clamd: FakeClamd;
let silent: FakeClamd;
let pid: string;
let review: Awaited<ReturnType<typeof givenReview>>;
let lead: Session;
let admin: Session;
let documentsUrl: string;
let chronologyUrl: string;
let libraryUrl: string;
const fields = { kind: 'case_record', restriction: 'review_team' };

/** Points the running app at a scanner (or none), as SIGHTLINES_CLAMD would. */
const useScanner = (settings: Config['clamd']) => {
  t.config.clamd = settings;
};

const storedFiles = () => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else found.push(e.name);
    }
  };
  try {
    walk(join(t.config.dataDir, 'files'));
  } catch {}
  return found;
};

const documentCount = async () =>
  (await t.database.db.select({ n: count() }).from(documents).where(eq(documents.reviewId, review.id)))[0]!.n;
const rejections = () =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnershipId, pid), eq(auditEvents.action, 'document.upload_rejected')));

beforeAll(async () => {
  clamd = await startFakeClamd();
  silent = await startFakeClamd('silent', 300);
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid);
  const leadUser = await givenMember(t, pid, 'member');
  await givenParticipant(t, review, 'lead_reviewer', leadUser);
  lead = await signInAs(t, leadUser.email);
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  documentsUrl = `/api/partnerships/${pid}/reviews/${review.id}/documents`;
  const agency = await givenAgency(t, pid);
  chronologyUrl = `/api/partnerships/${pid}/reviews/${review.id}/chronology/imports?agencyId=${agency.id}`;
  libraryUrl = `/api/partnerships/${pid}/library/imports`;
});
afterAll(async () => {
  await t.close();
  await clamd.close();
  await silent.close();
});

describe('uploading a document with a virus scanner', () => {
  it('refuses a file holding a virus with 422 on `file`, stores nothing and audits the refusal', async () => {
    useScanner(clamd.settings);
    const before = await rejections();
    const res = await upload(
      t,
      lead,
      documentsUrl,
      { ...fields, title: 'Notes' },
      {
        name: 'notes.txt',
        content: EICAR,
        type: 'text/plain',
      },
    );
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields).toEqual([
      {
        path: 'file',
        message: 'The file notes.txt contains a virus (Eicar-Test-Signature) and was not saved',
      },
    ]);
    expect(await documentCount()).toBe(0);
    expect(storedFiles()).toEqual([]);
    const after = await rejections();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      actorUserId: lead.userId,
      entityType: 'review',
      entityId: review.id,
      details: {
        upload: 'document',
        signature: 'Eicar-Test-Signature',
        reviewId: review.id,
        sizeBytes: EICAR.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    // The file name is not kept in the audit log: it may name someone.
    expect(JSON.stringify(after.at(-1)?.details)).not.toContain('notes.txt');
  });

  it('scans a clean file and stores it', async () => {
    useScanner(clamd.settings);
    const scansBefore = clamd.streams.length;
    const pdf = samplePdf('Strategy meeting minutes');
    const res = await upload(
      t,
      lead,
      documentsUrl,
      { ...fields, title: 'Minutes' },
      {
        name: 'minutes.pdf',
        content: pdf,
        type: 'application/pdf',
      },
    );
    expect(res.statusCode).toBe(201);
    expect(clamd.streams.length).toBe(scansBefore + 1);
    expect(clamd.streams.at(-1)?.bytes.equals(pdf)).toBe(true);
    expect(await documentCount()).toBe(1);
  });

  it('refuses the upload (503) when the scanner does not answer in time, storing nothing', async () => {
    useScanner(silent.settings);
    const filesBefore = storedFiles().length;
    const docsBefore = await documentCount();
    const rejectedBefore = (await rejections()).length;
    const res = await upload(t, lead, documentsUrl, fields, {
      name: 'minutes.pdf',
      content: samplePdf('Another meeting'),
      type: 'application/pdf',
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      message: expect.stringContaining('could not be checked for viruses, so it was not saved'),
      details: { reason: 'virus_scanner_unavailable' },
    });
    expect(await documentCount()).toBe(docsBefore);
    expect(storedFiles()).toHaveLength(filesBefore);
    expect(await rejections()).toHaveLength(rejectedBefore);
  });

  it('refuses the upload (503) when the scanner cannot be reached', async () => {
    useScanner(await unusedClamdSettings());
    const res = await upload(t, lead, documentsUrl, fields, {
      name: 'notes.txt',
      content: Buffer.from('Plain notes'),
      type: 'text/plain',
    });
    expect(res.statusCode).toBe(503);
  });

  it('checks who may upload before scanning anything', async () => {
    useScanner(clamd.settings);
    const scansBefore = clamd.streams.length;
    const file = { name: 'notes.txt', content: EICAR, type: 'text/plain' };
    expect((await upload(t, null, documentsUrl, fields, file)).statusCode).toBe(401);
    expect(
      (await upload(t, admin, `/api/partnerships/${pid}/reviews/${pid}/documents`, fields, file)).statusCode,
    ).toBe(404);
    expect(clamd.streams.length).toBe(scansBefore);
  });

  it('does not scan when no scanner is set up', async () => {
    useScanner(undefined);
    const scansBefore = clamd.streams.length;
    const res = await upload(t, lead, documentsUrl, fields, {
      name: 'notes.txt',
      content: Buffer.from('Plain notes, unscanned'),
      type: 'text/plain',
    });
    expect(res.statusCode).toBe(201);
    expect(clamd.streams.length).toBe(scansBefore);
  });
});

describe('importing a chronology with a virus scanner', () => {
  it('refuses a file holding a virus with 422, keeping no import, and audits it', async () => {
    useScanner(clamd.settings);
    const rejectedBefore = (await rejections()).length;
    const csv = `${toCsv(goodRows(1))}\r\n${EICAR.toString('latin1')}`;
    const res = await uploadChronology(t, lead, `${chronologyUrl}&filename=hv.csv`, csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields).toEqual([
      { path: 'file', message: 'The file hv.csv contains a virus (Eicar-Test-Signature) and was not saved' },
    ]);
    const imports = await t.database.db
      .select({ n: count() })
      .from(chronologyImports)
      .where(eq(chronologyImports.reviewId, review.id));
    expect(imports[0]!.n).toBe(0);
    const rejected = await rejections();
    expect(rejected).toHaveLength(rejectedBefore + 1);
    expect(rejected.at(-1)).toMatchObject({
      entityType: 'review',
      entityId: review.id,
      details: { upload: 'chronology_import' },
    });
  });

  it('previews a clean file, and answers 503 when the scanner is silent', async () => {
    useScanner(clamd.settings);
    expect((await uploadChronology(t, lead, chronologyUrl, toCsv(goodRows(2)))).statusCode).toBe(201);
    useScanner(silent.settings);
    expect((await uploadChronology(t, lead, chronologyUrl, toCsv(goodRows(2)))).statusCode).toBe(503);
  });
});

describe('importing older findings into the library with a virus scanner', () => {
  const heading = Object.keys(libraryImportColumns).join(',');

  it('refuses a file holding a virus with 422 on `csv`, importing nothing, and audits it', async () => {
    useScanner(clamd.settings);
    const rejectedBefore = (await rejections()).length;
    const res = await call(t, admin, 'POST', libraryUrl, {
      fileName: 'older.csv',
      csv: `${heading}\r\n${EICAR.toString('latin1')}`,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields).toEqual([
      {
        path: 'csv',
        message: 'The file older.csv contains a virus (Eicar-Test-Signature) and was not saved',
      },
    ]);
    expect(
      await t.database.db.select().from(libraryEntries).where(eq(libraryEntries.partnershipId, pid)),
    ).toEqual([]);
    const rejected = await rejections();
    expect(rejected).toHaveLength(rejectedBefore + 1);
    expect(rejected.at(-1)).toMatchObject({
      entityType: 'partnership',
      entityId: pid,
      details: { upload: 'library_import' },
    });
  });

  it('answers 503 when the scanner is silent', async () => {
    useScanner(silent.settings);
    const res = await call(t, admin, 'POST', libraryUrl, { fileName: 'older.csv', csv: `${heading}\r\n` });
    expect(res.statusCode).toBe(503);
  });
});
