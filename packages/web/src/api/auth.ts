/** Auth calls: login, the current session, logout. They keep the in-memory CSRF token up to date. */
import { api, setCsrfToken } from './client';
import { ApiError, unwrap } from './errors';
import type { LoginBody, SessionReply } from './session-types';

/** The current session, or null when nobody is logged in (401 UNAUTHENTICATED). */
export async function fetchSession(): Promise<SessionReply | null> {
  try {
    const reply = await unwrap(api.GET('/api/auth/me'));
    setCsrfToken(reply.csrfToken);
    return reply;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Logs in; the server sets the HttpOnly session cookie. */
export async function login(body: LoginBody): Promise<SessionReply> {
  const reply = await unwrap(api.POST('/api/auth/login', { body }));
  setCsrfToken(reply.csrfToken);
  return reply;
}

/** Logs out. A 401 means the session was already gone, which is the same outcome. */
export async function logout(): Promise<void> {
  try {
    await unwrap(api.POST('/api/auth/logout'));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      throw error;
    }
  } finally {
    setCsrfToken(null);
  }
}
