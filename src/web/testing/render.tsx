import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { App } from '../app.tsx';

type Reply = { status: number; body?: unknown };
type Handler = (request: { body: unknown; headers: Record<string, string> }) => Reply;

/**
 * Stands in for the server: `routes` maps "METHOD /path" to a reply. Returns the calls made, so a
 * test can check what was sent. Any call without a route fails the test loudly with a 500.
 */
export function mockApi(routes: Record<string, Reply | Handler>) {
  const calls: { method: string; path: string; headers: Record<string, string>; body: unknown }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, headers, body });
    const route = routes[`${method} ${path}`];
    const reply =
      typeof route === 'function' ? route({ body, headers }) : (route ?? { status: 500, body: {} });
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

/** Renders the whole app at an address, as a person would arrive at it. */
export function renderApp(path: string) {
  return renderWithProviders(<App />, path);
}

export function renderWithProviders(ui: ReactNode, path = '/') {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

export const demoPartnershipId = '5f0c6f2e-8a43-4a8e-9d4c-0b1f3f0e1a01';

export function sessionBody(overrides: { mustChangePassword?: boolean } = {}) {
  return {
    user: {
      id: '8b6f0a0e-2b1c-4f3e-9a0d-6f1e2d3c4b5a',
      name: 'Alex Admin',
      email: 'admin@demo.sightlines.test',
      mustChangePassword: overrides.mustChangePassword ?? false,
    },
    memberships: [
      {
        partnershipId: demoPartnershipId,
        partnershipName: 'Demo Safeguarding Partnership',
        role: 'partnership_admin',
        roleLabel: 'Partnership admin',
        abilities: { manageAgencies: true, listUsers: true, manageUsers: true, viewAudit: true },
      },
    ],
    csrfToken: 'csrf-token-123',
    expiresAt: '2026-03-02T10:00:00.000Z',
    idleTimeoutMinutes: 30,
  };
}
