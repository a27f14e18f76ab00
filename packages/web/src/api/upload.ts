/**
 * Multipart uploads (imports, claim lists): the typed client has no multipart bodies, so these
 * go through fetch with the session cookie and CSRF header; replies are checked at runtime.
 */
import { csrfHeaders } from './client';
import { apiErrorFromResponse, networkError } from './errors';
import { sessionExpired } from './events';

/** POST `file` as multipart/form-data to `url`; the reply must pass `isReply`. */
export async function uploadFile<T>(
  url: string,
  file: File,
  isReply: (body: unknown) => body is T,
): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body: form,
      credentials: 'include',
      headers: csrfHeaders(),
    });
  } catch (cause) {
    throw networkError(cause);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.status === 401) {
    sessionExpired.emit();
  }
  if (!response.ok || !isReply(body)) {
    throw apiErrorFromResponse(response, body);
  }
  return body;
}

/** True for a record with these string keys. */
export function hasKeys(body: unknown, keys: readonly string[]): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && keys.every((k) => k in body);
}
