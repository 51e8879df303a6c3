import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../testing/render.tsx';
import { ApiError, api, preloadGet, setCsrfToken } from './client.ts';

describe('api client', () => {
  it('sends the CSRF token and JSON on writes, but not when signing in', async () => {
    const calls = mockApi({
      'PATCH /api/partnerships/p/agencies/a': { status: 200, body: { id: 'a' } },
      'POST /api/session': { status: 200, body: {} },
    });
    setCsrfToken('token-1');
    await api.patch('/api/partnerships/p/agencies/a', { name: 'Police', version: 1 });
    await api.post('/api/session', { email: 'a@b.test', password: 'x' });
    expect(calls[0]?.headers).toMatchObject({
      'X-CSRF-Token': 'token-1',
      'Content-Type': 'application/json',
    });
    expect(calls[1]?.headers['X-CSRF-Token']).toBeUndefined();
    setCsrfToken(null);
  });

  it('throws an ApiError carrying the code, message and field errors', async () => {
    mockApi({
      'POST /api/x': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'There is a problem',
            details: { fields: [{ path: 'name', message: 'Enter the agency name' }] },
          },
        },
      },
    });
    const error = await api.post('/api/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'There is a problem' });
    expect((error as ApiError).fields).toEqual([{ path: 'name', message: 'Enter the agency name' }]);
  });

  it('treats a body that is not the error shape as a problem with the service', async () => {
    mockApi({});
    const error = await api.get('/api/anything').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, code: 'internal' });
  });
});

describe('preloaded requests', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers the first request for the same path from the preload, and asks again after that', async () => {
    let served = 0;
    const calls = mockApi({
      'GET /api/thing': () => {
        served += 1;
        return { status: 200, body: { served } };
      },
    });
    preloadGet('/api/thing');
    expect(calls).toHaveLength(1);
    expect(await api.get('/api/thing')).toEqual({ served: 1 });
    expect(calls).toHaveLength(1);
    expect(await api.get('/api/thing')).toEqual({ served: 2 });
    expect(calls).toHaveLength(2);
  });

  it('asks again when the preloaded answer was an error, so errors read as they always did', async () => {
    let served = 0;
    const calls = mockApi({
      'GET /api/refused': () => {
        served += 1;
        return served === 1
          ? { status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in' } } }
          : { status: 200, body: { ok: true } };
      },
    });
    preloadGet('/api/refused');
    expect(await api.get('/api/refused')).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('does not use a preloaded answer left waiting too long', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-12T10:00:00Z'));
    let served = 0;
    const calls = mockApi({
      'GET /api/old': () => {
        served += 1;
        return { status: 200, body: { served } };
      },
    });
    preloadGet('/api/old');
    vi.setSystemTime(new Date('2026-03-12T10:01:00Z'));
    expect(await api.get('/api/old')).toEqual({ served: 2 });
    expect(calls).toHaveLength(2);
  });

  it('never answers a write from a preload', async () => {
    const calls = mockApi({
      'GET /api/x': { status: 200, body: { read: true } },
      'DELETE /api/x': { status: 200, body: { deleted: true } },
    });
    preloadGet('/api/x');
    expect(await api.delete('/api/x')).toEqual({ deleted: true });
    expect(calls.map((c) => c.method)).toEqual(['GET', 'DELETE']);
    expect(await api.get('/api/x')).toEqual({ read: true });
    expect(calls).toHaveLength(2);
  });
});
