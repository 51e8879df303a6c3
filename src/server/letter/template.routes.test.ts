import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardLetterTemplates } from '#domain/letter/standard-templates.ts';
import { auditEvents, letterTemplates } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';

let t: TestApp;
let pid: string;
let admin: Session;
let manager: Session;
let member: Session;
let outsider: Session;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(
    t,
    (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
  );
});
afterAll(() => t.close());

const listUrl = () => `/api/partnerships/${pid}/letter-templates`;
const url = (kind: string) => `${listUrl()}/${kind}`;
const wording = '# About {{review.title}}\n\nDear {{participant.name}},\n\nOur own wording.';

describe('GET /api/partnerships/:id/letter-templates (listLetterTemplates)', () => {
  it('401 anonymous, 404 to another partnership', async () => {
    expect((await call(t, null, 'GET', listUrl())).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', listUrl())).statusCode).toBe(404);
  });

  it('gives both kinds in the standard wording, with the placeholders, to any member', async () => {
    const res = await call(t, member, 'GET', listUrl());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.templates.map((x: { kind: string }) => x.kind)).toEqual(['introductory', 'family']);
    expect(body.templates[0]).toMatchObject({
      kindLabel: 'Introductory letter to a participant',
      isStandard: true,
      version: null,
      body: standardLetterTemplates.introductory,
      abilities: { update: false },
    });
    expect(body.placeholders.map((p: { name: string }) => p.name)).toContain('participant.name');
    expect(body.abilities.update).toBe(false);
    expect((await call(t, manager, 'GET', listUrl())).json().abilities.update).toBe(true);
  });
});

describe('PUT /api/partnerships/:id/letter-templates/:kind (updateLetterTemplate)', () => {
  it('401 anonymous, 404 to another partnership or an unknown kind, 403 to a member', async () => {
    expect((await call(t, null, 'PUT', url('family'), { body: wording, version: null })).statusCode).toBe(
      401,
    );
    expect((await call(t, outsider, 'PUT', url('family'), {})).statusCode).toBe(404);
    expect((await call(t, admin, 'PUT', url('memo'), { body: wording, version: null })).statusCode).toBe(404);
    const res = await call(t, member, 'PUT', url('family'), { body: wording, version: null });
    expect(res.statusCode).toBe(403);
  });

  it('400 naming body for an unknown placeholder or an empty body, and version when missing', async () => {
    const res = await call(t, manager, 'PUT', url('family'), { body: 'Dear {{child.name}}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      {
        path: 'body',
        message: '{{child.name}} is not a placeholder you can use. Check the list of placeholders',
      },
      { path: 'version', message: 'Version must be a whole number' },
    ]);
    const empty = await call(t, manager, 'PUT', url('family'), { body: '  ', version: null });
    expect(empty.json().error.details.fields).toEqual([
      { path: 'body', message: 'Enter the wording of the letter' },
    ]);
    const rows = await t.database.db
      .select()
      .from(letterTemplates)
      .where(eq(letterTemplates.partnershipId, pid));
    expect(rows).toHaveLength(0);
  });

  it('saves the first wording over the standard one, then changes it, with audit rows; 409 when stale', async () => {
    const first = await call(t, manager, 'PUT', url('introductory'), { body: wording, version: null });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      kind: 'introductory',
      isStandard: false,
      version: 1,
      body: wording,
    });

    const again = await call(t, admin, 'PUT', url('introductory'), { body: 'Another first', version: null });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'stale_version',
      details: { current: { body: wording, version: 1 } },
    });

    const second = await call(t, admin, 'PUT', url('introductory'), {
      body: `${wording}\n\nMore.`,
      version: 1,
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().version).toBe(2);

    const stale = await call(t, manager, 'PUT', url('introductory'), { body: 'Overwrite', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ version: 2, isStandard: false });

    const listed = (await call(t, member, 'GET', listUrl())).json();
    expect(listed.templates[0]).toMatchObject({ isStandard: false, version: 2, body: `${wording}\n\nMore.` });
    expect(listed.templates[1]).toMatchObject({ kind: 'family', isStandard: true });

    const [row] = await t.database.db
      .select()
      .from(letterTemplates)
      .where(and(eq(letterTemplates.partnershipId, pid), eq(letterTemplates.kind, 'introductory')));
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, row!.id), eq(auditEvents.action, 'letter_template.updated')));
    expect(audit.map((a) => a.details)).toEqual([
      { kind: 'introductory', version: 1 },
      { kind: 'introductory', version: 2 },
    ]);
  });

  it('answers arbitrary wording with a 400 or 200, never a 500', async () => {
    const kind = 'family';
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300, unit: 'binary' }), async (text) => {
        const current = (await call(t, manager, 'GET', listUrl())).json().templates[1];
        const res = await call(t, manager, 'PUT', url(kind), {
          body: `{{${text}}} ${text}`,
          version: current.version,
        });
        expect([200, 400]).toContain(res.statusCode);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps each partnership’s wording to itself', async () => {
    const other = await givenPartnership(t);
    const otherAdmin = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
    await call(t, otherAdmin, 'PUT', `/api/partnerships/${other.id}/letter-templates/family`, {
      body: 'Elsewhere',
      version: null,
    });
    const mine = (await call(t, member, 'GET', listUrl())).json();
    expect(mine.templates[1].body).toBe(standardLetterTemplates.family);
  });
});
