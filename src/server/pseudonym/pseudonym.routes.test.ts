import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import { auditEvents, pseudonymEntries } from '../db/schema/index.ts';
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
let url: string;
let lead: Session;
let businessManager: Session;
let partnershipAdmin: Session;
let partnershipBusinessManager: Session;
let memberWithNoRole: Session;
let outsider: Session;
const others = {} as Record<ReviewRole, Session>;
const refusedRoles: ReviewRole[] = [
  'board_member',
  'supervisor',
  'trainee_reviewer',
  'review_team_member',
  'case_group_member',
  'chair',
  'family_member',
];

const names = ['Jane Smith', 'Janey', 'Tom Brown', 'Leyton Road', 'Preston', '12 March 2019'];
const register = [
  {
    category: 'child',
    realValue: 'Jane Smith',
    variants: ['Janey'],
    replacement: 'Child A',
    note: 'Known as Janey at school',
  },
  { category: 'family_member', realValue: 'Tom Brown', variants: [], replacement: 'Adult M', note: null },
  { category: 'address', realValue: 'Leyton Road', replacement: 'the family home' },
  {
    category: 'place',
    realValue: 'Preston',
    variants: [],
    replacement: 'a town in the north west',
    note: null,
  },
  { category: 'date_of_birth', realValue: '12 March 2019', variants: [], replacement: 'aged 4', note: null },
];

const auditRows = (action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, review.id), eq(auditEvents.action, action)));

const storedEntries = () =>
  t.database.db.select().from(pseudonymEntries).where(eq(pseudonymEntries.reviewId, review.id));

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid);
  url = `/api/partnerships/${pid}/reviews/${review.id}/pseudonym-register`;
  const person = async (role: ReviewRole) =>
    (await signedInWithRole(t, review, role, { name: `Reviewer ${role}` })).session;
  lead = await person('lead_reviewer');
  businessManager = await person('business_manager');
  for (const role of refusedRoles) others[role] = await person(role);
  partnershipAdmin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  partnershipBusinessManager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  memberWithNoRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('who may use the pseudonym register', () => {
  const requests = () =>
    [
      ['GET', url, undefined],
      ['PUT', url, { version: 0, entries: [] }],
      ['POST', `${url}/preview`, { text: 'Jane Smith' }],
    ] as const;

  it('refuses anonymous requests with 401', async () => {
    for (const [method, path, body] of requests())
      expect((await call(t, null, method, path, body)).statusCode).toBe(401);
  });

  it('hides the register from other partnerships and from members with no part in the review (404)', async () => {
    for (const who of [outsider, memberWithNoRole])
      for (const [method, path, body] of requests())
        expect((await call(t, who, method, path, body)).statusCode).toBe(404);
    const elsewhere = `/api/partnerships/${review.partnershipId}/reviews/${crypto.randomUUID()}/pseudonym-register`;
    expect((await call(t, lead, 'GET', elsewhere)).statusCode).toBe(404);
  });

  it('refuses board members, supervisors, trainees, the review team, the case group, the chair and family (403)', async () => {
    for (const role of refusedRoles)
      for (const [method, path, body] of requests()) {
        const r = await call(t, others[role], method, path, body);
        expect(r.statusCode, `${role} ${method} ${path}`).toBe(403);
        expect(r.body).not.toContain('Child A');
      }
    expect(await storedEntries()).toEqual([]);
  });

  it('lets the partnership’s admins and business managers read it, as the review’s business manager', async () => {
    expect((await call(t, partnershipAdmin, 'GET', url)).statusCode).toBe(200);
    expect((await call(t, partnershipBusinessManager, 'GET', url)).statusCode).toBe(200);
  });
});

describe('the pseudonym register', () => {
  it('is empty at version 0 until someone saves it, and every reading is audited', async () => {
    const before = (await auditRows('pseudonym_register.viewed')).length;
    const r = await call(t, lead, 'GET', url);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ version: 0, entries: [], updatedAt: null, updatedByName: null });
    await call(t, businessManager, 'GET', url);
    const rows = await auditRows('pseudonym_register.viewed');
    expect(rows).toHaveLength(before + 2);
    expect(rows.at(-1)).toMatchObject({
      entityType: 'pseudonym_register',
      actorUserId: businessManager.userId,
      details: { reviewId: review.id, version: 0, entries: 0, via: 'page' },
    });
  });

  it('saves the whole list in order with the next version and who changed it, audited with counts only', async () => {
    const r = await call(t, lead, 'PUT', url, { version: 0, entries: register });
    expect(r.statusCode).toBe(200);
    const saved = r.json();
    expect(saved).toMatchObject({ version: 1, updatedByName: 'Reviewer lead_reviewer' });
    expect(saved.updatedAt).toEqual(expect.any(String));
    expect(saved.entries.map((e: { realValue: string }) => e.realValue)).toEqual([
      'Jane Smith',
      'Tom Brown',
      'Leyton Road',
      'Preston',
      '12 March 2019',
    ]);
    expect(saved.entries[0]).toEqual({
      id: expect.any(String),
      category: 'child',
      realValue: 'Jane Smith',
      variants: ['Janey'],
      replacement: 'Child A',
      note: 'Known as Janey at school',
    });
    expect(saved.entries[2]).toMatchObject({ variants: [], note: null });
    const [audit] = await auditRows('pseudonym_register.updated');
    expect(audit).toMatchObject({
      actorUserId: lead.userId,
      details: { reviewId: review.id, version: 1, entries: 5, added: 5, removed: 0, changed: 0 },
    });

    const read = await call(t, businessManager, 'GET', url);
    expect(read.json()).toEqual(saved);
  });

  it('refuses a change based on an old version with 409 and the register as it is now, changing nothing', async () => {
    const before = await storedEntries();
    const r = await call(t, businessManager, 'PUT', url, {
      version: 0,
      entries: [{ category: 'child', realValue: 'Someone Else', replacement: 'Child B' }],
    });
    expect(r.statusCode).toBe(409);
    const body = r.json();
    expect(body.error.code).toBe('stale_version');
    expect(body.error.message).toMatch(/Someone else changed the pseudonym register/);
    expect(body.error.details.current).toMatchObject({ version: 1 });
    expect(body.error.details.current.entries).toHaveLength(5);
    expect(await storedEntries()).toEqual(before);
    // Answering with the register is a reading of it, so it is audited too.
    const [reading] = (await auditRows('pseudonym_register.viewed')).slice(-1);
    expect(reading).toMatchObject({ actorUserId: businessManager.userId, details: { via: 'stale_write' } });
  });

  it('counts what a later change added, removed and changed', async () => {
    const entries = [
      { ...register[0], replacement: 'Child L' },
      register[1],
      register[3],
      register[4],
      {
        category: 'school',
        realValue: 'St Mary’s Primary',
        variants: ['St Marys'],
        replacement: 'a primary school',
      },
    ];
    const r = await call(t, businessManager, 'PUT', url, { version: 1, entries });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: 2, updatedByName: 'Reviewer business_manager' });
    const rows = await auditRows('pseudonym_register.updated');
    expect(rows.at(-1)?.details).toEqual({
      reviewId: review.id,
      version: 2,
      entries: 5,
      added: 1,
      removed: 1,
      changed: 1,
    });
  });

  it('never writes a real name into the audit log', async () => {
    await call(t, lead, 'POST', `${url}/preview`, { text: 'Jane Smith lived in Preston.' });
    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, review.id));
    expect(rows.length).toBeGreaterThan(3);
    const json = JSON.stringify(rows);
    for (const name of [...names, 'St Mary’s Primary', 'St Marys']) expect(json).not.toContain(name);
  });
});

describe('checking a register before saving it', () => {
  const put = (entries: unknown[], version = 2) => call(t, lead, 'PUT', url, { version, entries });
  const fields = async (r: Awaited<ReturnType<typeof put>>) => {
    expect(r.statusCode).toBe(400);
    return r.json().error.details.fields as { path: string; message: string }[];
  };

  it('names the row and field of each missing or wrong value', async () => {
    const r = await put([
      register[0],
      { category: 'practitioner', realValue: 'Dr Patel', variants: [], replacement: '' },
      { category: 'pet', realValue: 'Rex', replacement: 'the dog' },
      { category: 'place', realValue: '   ', replacement: 'a town' },
    ]);
    expect(await fields(r)).toEqual([
      { path: 'entries.1.replacement', message: 'Enter what replaces it in the report' },
      { path: 'entries.2.category', message: 'Choose what the entry is' },
      { path: 'entries.3.realValue', message: 'Enter the real name or identifier' },
    ]);
  });

  it('refuses an empty other spelling', async () => {
    const r = await put([{ ...register[0], variants: ['Janey', ' '] }]);
    expect(await fields(r)).toEqual([
      { path: 'entries.0.variants.1', message: 'Enter the other spelling or nickname' },
    ]);
  });

  it('refuses the same real name twice, on the later row', async () => {
    const r = await put([register[1], register[0], { ...register[0], replacement: 'Child B' }]);
    expect(await fields(r)).toEqual([
      { path: 'entries.2.realValue', message: 'Jane Smith is already in the register (row 2)' },
    ]);
  });

  it('refuses a replacement that would still identify someone', async () => {
    const r = await put([register[0], { ...register[1], replacement: 'Janey’s stepfather' }]);
    const [problem, ...rest] = await fields(r);
    expect(rest).toEqual([]);
    expect(problem?.path).toBe('entries.1.replacement');
    expect(problem?.message).toMatch(/^The replacement would still identify someone/);
  });

  it('needs the version the change is based on', async () => {
    const r = await call(t, lead, 'PUT', url, { entries: [] });
    expect((await fields(r)).map((f) => f.path)).toEqual(['version']);
  });

  it('keeps what was stored when a change is refused', async () => {
    const r = await call(t, lead, 'GET', url);
    expect(r.json()).toMatchObject({ version: 2 });
    expect(r.json().entries).toHaveLength(5);
  });

  it('can empty the register', async () => {
    const r = await put([]);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: 3, entries: [] });
    expect(await storedEntries()).toEqual([]);
    await put(register, 3);
  });
});

describe('trying the register on some text', () => {
  const preview = (text: unknown, who = lead) => call(t, who, 'POST', `${url}/preview`, { text });

  it('replaces the names, counts the replacements and lists what may still identify someone, storing nothing', async () => {
    const before = (await auditRows('pseudonym_register.viewed')).length;
    const text =
      'Jane Smith (known as Janey) lived on Leyton Road in Preston with Tom Brown.\nCall 07700 900123 or write to BB1 2AB.';
    const r = await preview(text, businessManager);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.text).toBe(
      'Child A (known as Child A) lived on the family home in a town in the north west with Adult M.\nCall 07700 900123 or write to BB1 2AB.',
    );
    expect(body.replacements).toBe(5);
    for (const name of names) expect(body.text).not.toContain(name);
    expect(body.hits.map((h: { kind: string; text: string }) => [h.kind, h.text])).toEqual([
      ['phone', '07700 900123'],
      ['postcode', 'BB1 2AB'],
    ]);
    expect(body.hits[1]).toMatchObject({
      reason: 'a postcode',
      before: '… the north west with Adult M. Call 07700 900123 or write to ',
      after: '.',
      rows: [],
    });
    const rows = await auditRows('pseudonym_register.viewed');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actorUserId: businessManager.userId, details: { via: 'preview' } });
    expect(JSON.stringify(rows.at(-1))).not.toContain('07700');
  });

  it('replaces a name on its own, and leaves nothing for the scan to find', async () => {
    const r = await preview('Smith was at home; Janey’s coat was wet.');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      text: 'Child A was at home; Child A’s coat was wet.',
      replacements: 2,
      hits: [],
    });
  });

  it('refuses no text, and more than 200,000 characters, with 400', async () => {
    const empty = await preview('   ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields).toEqual([{ path: 'text', message: 'Enter some text to try' }]);
    const long = await preview('a'.repeat(200_001));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.fields).toEqual([
      { path: 'text', message: 'Try 200,000 characters or fewer at a time' },
    ]);
    expect((await preview(42)).statusCode).toBe(400);
  });
});
