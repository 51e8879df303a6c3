import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { sealSecret } from '../crypto/secret-box.ts';
import { partnershipSsoConfigs } from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

/** The claims a test account at the provider has; `sub` is its account id. */
export type TestClaims = { email?: string; email_verified?: boolean; xms_edov?: boolean; name?: string };

export type TestProvider = {
  issuer: string;
  clients: { clientId: string; clientSecret: string }[];
  /** Adds (or replaces) an account at the provider. */
  account(sub: string, claims: TestClaims): void;
  /** Who signs in at the provider's next login, and the `amr` it reports. */
  nextLogin(sub: string, amr?: string[]): void;
  close(): Promise<void>;
};

/**
 * A real OpenID Connect provider (oidc-provider) on an ephemeral 127.0.0.1 port, with confidential
 * clients for `redirectUri` and accounts whose claims the test controls. Its login step signs in
 * whoever `nextLogin` named, with consent to the scopes asked for, without a page.
 */
export async function startTestProvider(
  redirectUri: string,
  options: { clients?: number; idTokenHoldsEmail?: boolean } = {},
): Promise<TestProvider> {
  const accounts = new Map<string, TestClaims>();
  let login: { sub: string; amr: string[] } | null = null;
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients = Array.from({ length: options.clients ?? 1 }, (_, i) => ({
    clientId: `sightlines-${i + 1}`,
    clientSecret: `secret-${i + 1}-${'x'.repeat(32)}`,
  }));
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    })),
    async findAccount(_ctx, sub) {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
      // Entra ID and others send `amr` without being asked; this provider does when the scope is openid.
      openid: ['sub', 'amr', 'auth_time'],
      // `xms_edov`: Microsoft Entra ID's optional claim that the tenant verified the address's domain.
      email: ['email', 'email_verified', 'xms_edov'],
      profile: ['name'],
    },
    conformIdTokenClaims: !(options.idTokenHoldsEmail ?? true),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['test-provider-cookie-key'] },
  });
  const callback = provider.callback();

  async function interact(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (!login) throw new Error('nextLogin was not called');
    const grant = new provider.Grant({ accountId: login.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    const result = { login: { accountId: login.sub, amr: login.amr }, consent: { grantId } };
    login = null;
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      });
    } else callback(req, res);
  });

  return {
    issuer,
    clients,
    account: (sub, claims) => void accounts.set(sub, claims),
    nextLogin: (sub, amr = ['pwd']) => {
      login = { sub, amr };
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Cookies as a browser keeps them for one site, with no regard to path or expiry (enough here). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export type SsoJourney = {
  /** The answer to the start request. */
  start: { status: number; location: string };
  /** The callback address the provider sent the browser to (path and query), if it got that far. */
  callbackPath: string | null;
  /** The state cookie Sightlines set at the start. */
  stateCookie: string | undefined;
  /** The answer to the callback. */
  callback: { status: number; location: string; sessionCookie: string | null } | null;
};

/**
 * Walks a browser through signing in with an organisation account: Sightlines' start address, the
 * provider's authorization and login, and back to Sightlines' callback (unless `stopBeforeCallback`).
 */
export async function ssoJourney(
  t: TestApp,
  startQuery: Record<string, string>,
  options: { stopBeforeCallback?: boolean; callbackCookie?: string | null } = {},
): Promise<SsoJourney> {
  const sightlines = new CookieJar();
  const start = await t.app.inject({
    method: 'GET',
    url: `/api/auth/sso/start?${new URLSearchParams(startQuery)}`,
  });
  sightlines.take(([] as string[]).concat(start.headers['set-cookie'] ?? []));
  const location = String(start.headers.location ?? '');
  const journey: SsoJourney = {
    start: { status: start.statusCode, location },
    callbackPath: null,
    stateCookie: sightlines.get('sightlines_sso_state'),
    callback: null,
  };
  if (!location.startsWith('http')) return journey;

  const provider = new CookieJar();
  let next = location;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(next, { redirect: 'manual', headers: { cookie: provider.header() } });
    provider.take(res.headers.getSetCookie());
    const to = res.headers.get('location');
    if (!to) throw new Error(`the provider stopped at ${next}: ${res.status} ${await res.text()}`);
    const target = new URL(to, next);
    if (target.pathname === '/api/auth/sso/callback') {
      journey.callbackPath = `${target.pathname}${target.search}`;
      break;
    }
    next = target.href;
  }
  if (!journey.callbackPath || options.stopBeforeCallback) return journey;
  const cookie = 'callbackCookie' in options ? (options.callbackCookie ?? null) : sightlines.header();
  journey.callback = await completeJourney(t, journey.callbackPath, cookie);
  return journey;
}

/** Brings the browser back to Sightlines' callback with the cookies it holds. */
export async function completeJourney(t: TestApp, callbackPath: string, cookie: string | null) {
  const res = await t.app.inject({
    method: 'GET',
    url: callbackPath,
    headers: cookie ? { cookie } : {},
  });
  const session = res.cookies.find((c) => c.name.endsWith('sightlines_session') && c.value);
  return {
    status: res.statusCode,
    location: String(res.headers.location ?? ''),
    sessionCookie: session ? `${session.name}=${session.value}` : null,
  };
}

/** A partnership's single sign-on settings, stored directly, for one of the test provider's clients. */
export async function givenSsoConfig(
  t: TestApp,
  partnershipId: string,
  provider: TestProvider,
  options: { client?: number; allowedDomains?: string[]; enabled?: boolean } = {},
) {
  const client = provider.clients[options.client ?? 0];
  if (!client) throw new Error('no such client');
  const [row] = await t.database.db
    .insert(partnershipSsoConfigs)
    .values({
      partnershipId,
      enabled: options.enabled ?? true,
      displayName: 'Test provider',
      issuer: provider.issuer,
      clientId: client.clientId,
      clientSecret: sealSecret(t.config, client.clientSecret),
      allowedDomains: options.allowedDomains ?? [],
    })
    .returning();
  return row!;
}
