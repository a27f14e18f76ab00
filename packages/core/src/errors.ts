/**
 * DomainError: the tagged union of expected failures, with a stable code and a
 * bilingual message. One server function maps these to HTTP (server/src/http/errors.ts).
 */

export type DomainErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INVALID_STATE'
  | 'LOCKED'
  | 'RATE_LIMITED'
  | 'BAD_CREDENTIALS'
  | 'SESSION_EXPIRED'
  | 'CSRF'
  | 'PASSWORD_POLICY';

/** One problem in an input, named by row (1-based, spreadsheet numbering) and field. */
export interface FieldIssue {
  readonly row?: number;
  readonly field: string;
  readonly value?: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

export interface DomainError {
  readonly code: DomainErrorCode;
  /** Chinese message for people. */
  readonly messageZh: string;
  /** English message for people. */
  readonly messageEn: string;
  readonly issues?: readonly FieldIssue[];
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Build a DomainError. */
export function domainError(
  code: DomainErrorCode,
  messageZh: string,
  messageEn: string,
  extra: { issues?: readonly FieldIssue[]; details?: Readonly<Record<string, unknown>> } = {},
): DomainError {
  return { code, messageZh, messageEn, ...extra };
}
