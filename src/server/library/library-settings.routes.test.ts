import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, librarySettings } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenLibraryEntry, givenLibraryImport } from './testing.ts';

let t: TestApp;
let pid: string;
let url: string;
const as = {} as Record<'admin' | 'manager' | 'member' | 'outsider', Session>;

const audited = () =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnershipId, pid), eq(auditEvents.action, 'library.settings_changed')));

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  url = `/api/partnerships/${pid}/library/settings`;
  as.admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin', { name: 'Ada Admin' })).email);
  as.manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  as.member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
  await givenLibraryEntry(t, pid);
  await givenLibraryEntry(t, pid, { publishedOn: null });
  await givenLibraryImport(t, pid, [{}, {}], { fileName: 'older.csv' });
  await givenLibraryEntry(t, other.id);
});
afterAll(() => t.close());

describe('who may see and change the library settings', () => {
  it('refuses anonymous requests, hides the partnership from outsiders and refuses members', async () => {
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(t, null, 'PUT', url, { version: 0, shareNationally: true })).statusCode).toBe(401);
    expect((await call(t, as.outsider, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, as.outsider, 'PUT', url, { version: 0, shareNationally: true })).statusCode).toBe(
      404,
    );
    expect((await call(t, as.member, 'GET', url)).statusCode).toBe(403);
    expect((await call(t, as.member, 'PUT', url, { version: 0, shareNationally: true })).statusCode).toBe(
      403,
    );
  });

  it('answers a bad choice with 400 naming the field', async () => {
    const r = await call(t, as.admin, 'PUT', url, { version: -1, shareNationally: 'yes' });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['shareNationally', 'version']);
  });
});

describe('sharing published findings', () => {
  it('starts unshared at version 0, counting the published findings it would share and listing imports', async () => {
    const r = await call(t, as.manager, 'GET', url);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      shareNationally: false,
      changedAt: null,
      publishedFindings: 3,
      version: 0,
      abilities: { manage: true },
      imports: [{ fileName: 'older.csv', rows: 2, importedByName: null }],
    });
  });

  it('records the choice, audited, and refuses a change based on an old version with 409 and the settings now', async () => {
    const r = await call(t, as.admin, 'PUT', url, { version: 0, shareNationally: true });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ shareNationally: true, version: 1 });
    expect(r.json().changedAt).not.toBeNull();
    const [row] = await t.database.db
      .select()
      .from(librarySettings)
      .where(eq(librarySettings.partnershipId, pid));
    expect(row).toMatchObject({ shareNationally: true, version: 1 });
    expect((await audited()).map((a) => a.details)).toEqual([
      { shareNationally: true, was: false, version: 1 },
    ]);

    const stale = await call(t, as.manager, 'PUT', url, { version: 0, shareNationally: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ shareNationally: true, version: 1 });
    expect((await call(t, as.manager, 'GET', url)).json().shareNationally).toBe(true);

    const same = await call(t, as.manager, 'PUT', url, { version: 1, shareNationally: true });
    expect(same.json().version).toBe(1);
    const off = await call(t, as.manager, 'PUT', url, { version: 1, shareNationally: false });
    expect(off.json()).toMatchObject({ shareNationally: false, version: 2 });
    expect(await audited()).toHaveLength(2);
  });
});
