import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRole } from '#domain/user/roles.ts';
import { apiRoutes } from '../app.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenPartnership,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';

type Who = 'anyone' | 'signedIn' | PartnershipRole[];

/**
 * Who may use each operation. A route added without a row here fails this suite, so nobody can
 * ship an endpoint whose access was never decided.
 */
const matrix: Record<string, Who> = {
  getHealth: 'anyone',
  login: 'anyone',
  getSession: 'signedIn',
  logout: 'signedIn',
  changePassword: 'signedIn',
  getPartnership: ['partnership_admin', 'business_manager', 'member'],
  listAgencies: ['partnership_admin', 'business_manager', 'member'],
  createAgency: ['partnership_admin', 'business_manager'],
  updateAgency: ['partnership_admin', 'business_manager'],
  listUsers: ['partnership_admin', 'business_manager'],
  createUser: ['partnership_admin'],
  updateUser: ['partnership_admin'],
  listAuditEvents: ['partnership_admin'],
};
const roles: PartnershipRole[] = ['partnership_admin', 'business_manager', 'member'];

let t: TestApp;
let pid: string;
let ids: Record<string, string>;
const emails = {} as Record<PartnershipRole | 'outsider', string>;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  for (const role of roles) emails[role] = (await givenMember(t, pid, role)).email;
  emails.outsider = (await givenMember(t, other.id, 'partnership_admin')).email;
  ids = {
    partnershipId: pid,
    agencyId: (await givenAgency(t, pid)).id,
    userId: (await givenMember(t, pid, 'member')).id,
  };
});
afterAll(() => t.close());

const routes = apiRoutes({ kind: 'pglite' } as never);
const urlFor = (url: string) => url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? name);

describe('authorization matrix', () => {
  it('has a row for every route', () => {
    const missing = routes.map((r) => r.operationId).filter((id) => !(id in matrix));
    expect(missing).toEqual([]);
  });

  for (const route of routes) {
    const who = matrix[route.operationId];
    const method = route.method;
    describe(`${route.operationId} (${method} ${route.url})`, () => {
      if (who === 'anyone') {
        it('answers an anonymous request', async () => {
          expect([401, 403, 404]).not.toContain(
            (await call(t, null, method, urlFor(route.url), {})).statusCode,
          );
        });
      } else {
        it('refuses an anonymous request with 401', async () => {
          expect((await call(t, null, method, urlFor(route.url), {})).statusCode).toBe(401);
        });
      }
      if (Array.isArray(who)) {
        it('answers 404 to a person from another partnership', async () => {
          const s = await signInAs(t, emails.outsider);
          expect((await call(t, s, method, urlFor(route.url), {})).statusCode).toBe(404);
        });
        for (const role of roles) {
          const allowed = who.includes(role);
          it(`${allowed ? 'lets' : 'refuses with 403'} a ${role}`, async () => {
            const s = await signInAs(t, emails[role]);
            const status = (await call(t, s, method, urlFor(route.url), {})).statusCode;
            if (allowed) expect([401, 403, 404]).not.toContain(status);
            else expect(status).toBe(403);
          });
        }
      }
    });
  }
});
