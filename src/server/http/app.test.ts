import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  signInAs,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/harness.ts';
import { loggerOptions } from './logging.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ bodyLimitBytes: 10_000 });
});
afterAll(() => t.close());

describe('health', () => {
  it('answers ok with the database kind', async () => {
    const res = await call(t, null, 'GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
    });
  });
});

describe('OpenAPI description', () => {
  it('is OpenAPI 3.1 with a camelCase operationId on every operation', async () => {
    const spec = (await call(t, null, 'GET', '/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    const ids: string[] = Object.values(spec.paths).flatMap((ops) =>
      Object.values(ops as Record<string, { operationId: string }>).map((o) => o.operationId),
    );
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'login',
        'logout',
        'getSession',
        'listAgencies',
        'createAgency',
        'listUsers',
        'createUser',
        'listAuditEvents',
      ]),
    );
    expect(
      spec.paths['/api/partnerships/{partnershipId}/agencies'].post.requestBody.content['application/json']
        .schema.required,
    ).toEqual(['name', 'sector']);
  });

  it('has a readable reference page', async () => {
    const res = await call(t, null, 'GET', '/api/docs');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('createAgency');
    expect(res.body).not.toMatch(/<script/i);
  });
});

describe('security headers and limits', () => {
  it('sends a strict CSP, nosniff, no framing and no caching of API answers', async () => {
    const res = await call(t, null, 'GET', '/api/health');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves the web app with fresh CSP nonces on its script and styles, and no inline script', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'sightlines-web-'));
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><html lang="en"><head><link rel="stylesheet" href="/assets/a.css"><script type="module" src="/assets/a.js"></script></head><body></body></html>',
    );
    const web = await createTestApp({ webDir });
    try {
      const page = (url: string) => web.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      const pages = [await page('/partnerships'), await page('/sign-in')];
      const nonces = pages.map((page) => {
        const csp = page.headers['content-security-policy'] as string;
        const script = /script-src 'self' 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
        const style = /style-src 'self' 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
        expect(script).toBeDefined();
        expect(page.body).toContain(`<script nonce="${script}" type="module"`);
        expect(page.body).toContain(`<link nonce="${style}" rel="stylesheet"`);
        expect(csp).not.toContain('unsafe-inline');
        return script;
      });
      expect(nonces[0]).not.toBe(nonces[1]);
    } finally {
      await web.close();
      rmSync(webDir, { recursive: true, force: true });
    }
  });

  it('refuses a body over the limit with 413 in the usual error shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'a@b.org', password: 'x'.repeat(20_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers malformed JSON with 400, and an unknown API path with a 404 in the error shape', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const missing = await call(t, null, 'GET', '/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });
});

describe('logs', () => {
  it('never contain email addresses, passwords, cookies or tokens', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _enc, cb) => {
        lines.push(String(chunk));
        cb();
      },
    });
    const logged = await createTestApp({}, pino(loggerOptions('trace'), sink));
    try {
      const p = await givenPartnership(logged);
      const user = await givenMember(logged, p.id, 'partnership_admin', { email: 'pat.private@example.org' });
      const s = await signInAs(logged, user.email);
      await logged.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: user.email, password: 'wrong-wrong-wrong' },
      });
      await call(
        logged,
        s,
        'GET',
        `/api/partnerships/${p.id}/audit-events?entityType=pat.private@example.org`,
      );
      const text = lines.join('');
      expect(lines.length).toBeGreaterThan(4);
      expect(text).not.toContain('pat.private');
      expect(text).not.toContain(TEST_PASSWORD);
      expect(text).not.toContain('wrong-wrong-wrong');
      expect(text).not.toContain(s.csrfToken);
      expect(text).not.toContain(s.cookie.split('=')[1]);
    } finally {
      await logged.close();
    }
  });
});

describe('control characters', () => {
  it('answers a NUL character in any text field with 400 naming the field, not 500', async () => {
    const p = await givenPartnership(t);
    const s = await signInAs(t, (await givenMember(t, p.id, 'business_manager')).email);
    const res = await call(t, s, 'POST', `/api/partnerships/${p.id}/agencies`, {
      name: 'Bad\u0000Agency',
      sector: 'police',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { path: 'name', message: expect.stringMatching(/NUL/) },
    ]);
    const nested = await call(t, s, 'POST', `/api/partnerships/${p.id}/reviews`, {
      title: 'Child Z',
      type: 'lcspr',
      variant: 'full',
      initiatedDate: '2026-01-05',
      researchQuestions: ['fine', 'bad\u0000'],
    });
    expect(nested.json().error.details.fields[0].path).toBe('researchQuestions.1');
  });
});
