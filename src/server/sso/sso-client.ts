import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { isLoopbackHost } from '#domain/sso/sso.ts';

/** Seconds Sightlines waits for an identity provider before giving up. */
const TIMEOUT_SECONDS = 10;
/** How long a provider's discovered settings are reused before they are fetched again. */
const CACHE_MS = 60 * 60_000;

export type ProviderClient = { issuer: string; clientId: string; clientSecret: string };

const cache = new Map<string, { config: oidc.Configuration; at: number }>();

const cacheKey = (c: ProviderClient) =>
  createHash('sha256').update(`${c.issuer}\n${c.clientId}\n${c.clientSecret}`).digest('hex');

/** Plain HTTP is allowed only for a provider on this machine (a test provider), never elsewhere. */
const insecureAllowed = (issuer: URL) => issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);

/**
 * Fetches a provider's OpenID Connect discovery document and makes a client for it, checking that
 * the document names the same issuer. The client authenticates with its secret as HTTP Basic, or
 * in the form when the provider only supports that.
 */
export async function discoverProvider(client: ProviderClient): Promise<oidc.Configuration> {
  const issuer = new URL(client.issuer);
  const insecure = insecureAllowed(issuer);
  const discovered = await oidc.discovery(issuer, client.clientId, client.clientSecret, undefined, {
    timeout: TIMEOUT_SECONDS,
    ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
  const metadata = discovered.serverMetadata();
  const methods = metadata.token_endpoint_auth_methods_supported;
  const auth =
    !methods || methods.includes('client_secret_basic')
      ? oidc.ClientSecretBasic(client.clientSecret)
      : oidc.ClientSecretPost(client.clientSecret);
  const config = new oidc.Configuration(metadata, client.clientId, client.clientSecret, auth);
  config.timeout = TIMEOUT_SECONDS;
  if (insecure) oidc.allowInsecureRequests(config);
  return config;
}

/** The client for a provider, discovered once an hour at most. */
export async function providerFor(client: ProviderClient, now = Date.now()): Promise<oidc.Configuration> {
  const key = cacheKey(client);
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.config;
  const config = await discoverProvider(client);
  cache.set(key, { config, at: now });
  return config;
}

/** Forgets a provider's settings, so the next sign-in discovers them again (after a failure). */
export function forgetProvider(client: ProviderClient): void {
  cache.delete(cacheKey(client));
}

export type AuthorizationRequest = { url: string; state: string; nonce: string; codeVerifier: string };

/** The address of the provider's sign-in page for one sign-in, with a fresh state, nonce and PKCE (S256). */
export async function authorizationRequest(
  config: oidc.Configuration,
  redirectUri: string,
  loginHint: string | null,
): Promise<AuthorizationRequest> {
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  return { url: url.href, state, nonce, codeVerifier };
}

/** What Sightlines takes from the provider about the person who signed in. */
export type ProviderIdentity = {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  amr: unknown;
};

/**
 * Exchanges the code from the provider's answer for tokens and validates the ID token (signature,
 * issuer, audience, expiry, nonce), state and PKCE. When the ID token leaves the email address out
 * (providers that keep it for the userinfo endpoint), it is read from there for the same subject.
 */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<ProviderIdentity> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('the provider sent no ID token');
  let email = typeof claims.email === 'string' ? claims.email : null;
  // Microsoft Entra ID sends no `email_verified`; its optional claim `xms_edov` says the tenant has
  // verified the address's domain, which is what linking by email needs.
  let emailVerified = claims.email_verified === true || claims.xms_edov === true;
  let name = typeof claims.name === 'string' ? claims.name : null;
  if (email === null && config.serverMetadata().userinfo_endpoint) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    email = typeof info.email === 'string' ? info.email : null;
    emailVerified = info.email_verified === true || info.xms_edov === true;
    name ??= typeof info.name === 'string' ? info.name : null;
  }
  return { subject: claims.sub, email, emailVerified, name, amr: claims.amr };
}
