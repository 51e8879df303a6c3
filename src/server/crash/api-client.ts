/** A request the server answered: its status and, for JSON, the parsed body. */
export type Answer = { status: number; json: unknown; text: string };

/** The server did not answer: it was killed, or the connection broke. */
export class NoAnswer extends Error {}

export type ServerErrorSeen = { method: string; path: string; status: number; body: string };

/**
 * A small HTTP client that signs in like the web does (session cookie, CSRF header on writes),
 * and notes every 5xx the server sends.
 */
export class ApiClient {
  baseUrl = '';
  private cookie = '';
  private csrfToken = '';
  readonly serverErrors: ServerErrorSeen[] = [];

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = contentType;
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
        signal: AbortSignal.timeout(120_000),
      });
      text = await res.text();
    } catch (error) {
      throw new NoAnswer(`${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (res.status >= 500)
      this.serverErrors.push({ method, path, status: res.status, body: text.slice(0, 500) });
    const setCookie = res.headers.getSetCookie().find((c) => c.includes('sightlines_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    let json: unknown = null;
    if (res.headers.get('content-type')?.includes('application/json')) json = JSON.parse(text);
    return { status: res.status, json, text };
  }

  /** Signs in with a password; the session lives in the database, so it outlasts a restart. */
  async signIn(email: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/session', { email, password });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
    this.csrfToken = (res.json as { csrfToken: string }).csrfToken;
  }

  /** A request that must succeed with the given status; returns the JSON body. */
  async expect<T>(
    status: number,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const res = await this.request(method, path, body);
    if (res.status !== status)
      throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${res.text.slice(0, 500)}`);
    return res.json as T;
  }
}
