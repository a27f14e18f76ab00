/**
 * API errors: the server answers `{ error: { code, message, messageEn, details? } }` with a 4xx status.
 * `ApiError` carries both languages, so the UI shows the one the user chose.
 */
import type { Language } from '../i18n/types';
import { translate } from '../i18n/translate';
import type { paths } from './schema';

// Every error reply has the same shape; take it from one endpoint of the generated schema.
type ErrorReply = paths['/api/auth/me']['get']['responses'][401]['content']['application/json'];

/** Client-side codes for failures that never reached a JSON error reply. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const HTTP_ERROR = 'HTTP_ERROR';

/** An error from the API (or from the network), in both languages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: unknown;
  /** From the Retry-After header (seconds), when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    messageZh: string;
    messageEn: string;
    details?: unknown;
    retryAfterSeconds?: number | null;
  }) {
    super(init.messageEn);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.messageZh = init.messageZh;
    this.messageEn = init.messageEn;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** The message in the given UI language. */
  messageIn(lang: Language): string {
    return lang === 'en' ? this.messageEn : this.messageZh;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks at runtime that a body is the server's error reply (a proxy may answer with HTML instead). */
export function isErrorReply(body: unknown): body is ErrorReply {
  if (!isRecord(body) || !isRecord(body['error'])) {
    return false;
  }
  const e = body['error'];
  return (
    typeof e['code'] === 'string' && typeof e['message'] === 'string' && typeof e['messageEn'] === 'string'
  );
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) {
    return null;
  }
  return Number(header.trim());
}

/** Builds an ApiError from a non-2xx response and its parsed body. */
export function apiErrorFromResponse(response: Response, body: unknown): ApiError {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  if (isErrorReply(body)) {
    const { code, message, messageEn, details } = body.error;
    return new ApiError({
      status: response.status,
      code,
      messageZh: message,
      messageEn,
      details,
      retryAfterSeconds,
    });
  }
  const vars = { status: response.status };
  return new ApiError({
    status: response.status,
    code: HTTP_ERROR,
    messageZh: translate('zh-CN', 'error.http', vars),
    messageEn: translate('en', 'error.http', vars),
    retryAfterSeconds,
  });
}

/** Builds an ApiError for a request that got no response at all. */
export function networkError(cause: unknown): ApiError {
  const err = new ApiError({
    status: 0,
    code: NETWORK_ERROR,
    messageZh: translate('zh-CN', 'error.network'),
    messageEn: translate('en', 'error.network'),
  });
  err.cause = cause;
  return err;
}

/** The message of any thrown value in the UI language. */
export function errorMessage(error: unknown, lang: Language): string {
  if (error instanceof ApiError) {
    return error.messageIn(lang);
  }
  return translate(lang, 'error.network');
}

/** `details.lockedUntil` of a LOCKED error, if it is there. */
export function lockedUntil(error: ApiError): string | null {
  const d = error.details;
  return isRecord(d) && typeof d['lockedUntil'] === 'string' ? d['lockedUntil'] : null;
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<D>(
  pending: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    throw networkError(cause);
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined || data === undefined) {
    throw apiErrorFromResponse(response, error);
  }
  return data;
}
