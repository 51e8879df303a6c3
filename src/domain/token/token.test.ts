import { describe, expect, it } from 'vitest';
import {
  apiTokenPattern,
  apiTokenPrefix,
  apiTokenStatus,
  createApiTokenInput,
  expiryProblem,
  scopeForRoute,
} from './token.ts';

const p = '/api/partnerships/:partnershipId';

describe('API token rules', () => {
  it('opens only reads of its scope’s routes, and never a review’s evidence', () => {
    expect(scopeForRoute({ method: 'GET', url: `${p}/actions` })).toBe('actions:read');
    expect(scopeForRoute({ method: 'GET', url: `${p}/actions/export` })).toBe('actions:read');
    expect(scopeForRoute({ method: 'GET', url: `${p}/reviews/:reviewId/actions` })).toBe('actions:read');
    expect(scopeForRoute({ method: 'GET', url: `${p}/library/search` })).toBe('library:read');
    expect(scopeForRoute({ method: 'GET', url: `${p}/reviews` })).toBe('reviews:read');
    expect(scopeForRoute({ method: 'GET', url: `${p}/reviews/:reviewId` })).toBe('reviews:read');
    for (const url of [
      `${p}/reviews/:reviewId/conversations`,
      `${p}/reviews/:reviewId/documents/:documentId/file`,
      `${p}/reviews/:reviewId/pseudonym-register`,
      `${p}/reviews/:reviewId/narrative`,
      `${p}/audit-events`,
      `${p}/api-tokens`,
      '/api/session',
    ]) {
      expect(scopeForRoute({ method: 'GET', url }), url).toBeNull();
    }
    expect(scopeForRoute({ method: 'POST', url: `${p}/reviews/:reviewId/actions` })).toBeNull();
    expect(scopeForRoute({ method: 'PUT', url: `${p}/reviews/:reviewId/actions/:actionId` })).toBeNull();
  });

  it('recognises a token by its form and first characters', () => {
    const token = `sl_${'A'.repeat(43)}`;
    expect(apiTokenPattern.test(token)).toBe(true);
    expect(apiTokenPattern.test(`sl_${'A'.repeat(42)}`)).toBe(false);
    expect(apiTokenPattern.test(`xx_${'A'.repeat(43)}`)).toBe(false);
    expect(apiTokenPrefix(token)).toBe('sl_AAAAAAA');
  });

  it('expires after its last day in London, and stops at once when revoked', () => {
    const now = new Date('2027-06-30T22:30:00Z'); // 23:30 on 30 June in London
    expect(apiTokenStatus({ revokedAt: null, expiresOn: '2027-06-30' }, now)).toBe('active');
    expect(apiTokenStatus({ revokedAt: null, expiresOn: '2027-06-29' }, now)).toBe('expired');
    expect(apiTokenStatus({ revokedAt: null, expiresOn: null }, now)).toBe('active');
    expect(apiTokenStatus({ revokedAt: now, expiresOn: null }, now)).toBe('revoked');
  });

  it('takes an expiry after today and within a year', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    expect(expiryProblem('2027-01-10', now)).toMatch(/future/);
    expect(expiryProblem('2027-01-11', now)).toBeNull();
    expect(expiryProblem('2028-01-11', now)).toBeNull();
    expect(expiryProblem('2028-01-12', now)).toMatch(/within a year/);
  });

  it('names the field of bad input', () => {
    const paths = (v: unknown) =>
      createApiTokenInput.safeParse(v).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths({ name: '', scopes: [] })).toEqual(['name', 'scopes']);
    expect(paths({ name: 'Dashboard', scopes: ['actions:write'] })).toEqual(['scopes.0']);
    expect(paths({ name: 'Dashboard', scopes: ['actions:read'], expiresOn: '2027-02-30' })).toEqual([
      'expiresOn',
    ]);
    expect(
      createApiTokenInput.parse({ name: ' Dashboard ', scopes: ['reviews:read', 'reviews:read'] }),
    ).toEqual({
      name: 'Dashboard',
      scopes: ['reviews:read'],
    });
  });
});
