/**
 * The one place where a DomainError becomes an HTTP status and a JSON body
 * `{ error: { code, message, messageEn, details } }`. Services never know HTTP.
 */
import { assertNever, type DomainError, type DomainErrorCode } from '@openssj/core';

/** The HTTP status of a domain error code. */
export function httpStatusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'PASSWORD_POLICY':
      return 400;
    case 'UNAUTHENTICATED':
    case 'BAD_CREDENTIALS':
    case 'SESSION_EXPIRED':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'INVALID_STATE':
      return 409;
    case 'LOCKED':
      return 423;
    case 'RATE_LIMITED':
      return 429;
    default:
      return assertNever(code, 'error code');
  }
}

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly messageEn: string;
    readonly details?: unknown;
  };
}

/** Shape a domain error as the HTTP reply. */
export function toHttpError(e: DomainError): { status: number; body: ErrorBody } {
  const details: Record<string, unknown> = { ...(e.details ?? {}) };
  if (e.issues !== undefined) {
    details['issues'] = e.issues;
  }
  return {
    status: httpStatusOf(e.code),
    body: {
      error: {
        code: e.code,
        message: e.messageZh,
        messageEn: e.messageEn,
        ...(Object.keys(details).length > 0 ? { details } : {}),
      },
    },
  };
}
