/**
 * The audit trail's hash chain: hash = SHA-256(previous hash ‖ canonical JSON of the row).
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that the hash covers (everything but the hash itself). */
export interface AuditRowContent {
  readonly seq: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly actorRole: string | null;
  readonly departmentCode: string | null;
  /** Present only when set (migration 0012): rows written before it hash exactly as they did. */
  readonly ownerDepartment?: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
  readonly prevHash: string;
}

/** Canonical JSON: keys sorted, no whitespace (the data is JSON values read back from jsonb). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The chained hash of one row. */
export function auditHash(row: AuditRowContent): string {
  return createHash('sha256').update(row.prevHash).update(canonicalJson(row)).digest('hex');
}
