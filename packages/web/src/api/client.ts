/**
 * The typed API client: openapi-fetch over `paths` from schema.d.ts (generated from the server's OpenAPI).
 * It sends the session cookie, adds the CSRF header on writes, and reports an expired session.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { sessionExpired } from './events';

/** Methods that change nothing on the server and so need no CSRF token. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Endpoints whose 401 is an answer (not logged in, wrong password, already logged out), not an expired session. */
const AUTH_PATHS: ReadonlySet<string> = new Set([
  '/api/auth/me',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/password',
]);

// Kept in memory only (never in storage): it comes with every /api/auth/me and login reply.
let csrfToken: string | null = null;

/** Remembers the CSRF token from the last /api/auth/me or login reply (null after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header for a request built by hand (multipart uploads, which the typed client cannot send). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken === null ? {} : { 'x-csrf-token': csrfToken };
}

/** True for methods that change state and so carry the CSRF token. */
export function needsCsrf(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** True when a 401 on this schema path means the session expired (rather than "not logged in" or "wrong password"). */
export function isSessionExpiry(status: number, schemaPath: string): boolean {
  return status === 401 && !AUTH_PATHS.has(schemaPath);
}

/** Adds `x-csrf-token` to every request that is not GET/HEAD/OPTIONS. */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (csrfToken !== null && needsCsrf(request.method)) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    return request;
  },
};

/** Signals an expired session when any non-auth request is answered 401. */
export const sessionMiddleware: Middleware = {
  onResponse({ response, schemaPath }) {
    if (isSessionExpiry(response.status, schemaPath)) {
      sessionExpired.emit();
    }
    return undefined;
  },
};

/** The one API client of the web app; same origin, cookie sent. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });
api.use(csrfMiddleware, sessionMiddleware);
