import { describe, expect, it } from 'vitest';
import { mockApi } from '../testing/render.tsx';
import { ApiError, api, setCsrfToken } from './client.ts';

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
