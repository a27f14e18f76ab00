/**
 * Who may enter a draw's inspector pool (spec §5: "inactive or unavailable inspectors are simply
 * not in the pool"), and who may join a team by direct assignment. A law-enforcement officer needs
 * a 行政执法证 valid on every day of the task's window; an expert (专家) is never in the pool and
 * needs no 执法证, but joins a team only while active and with a professional qualification valid
 * through the window. Each refusal carries a stable code that the freeze stores and shows.
 */
import { z } from 'zod';
import { addDays, daysBetween, isIsoDate, type IsoDate } from '../calendar/iso-date';

/** The law-enforcement certificate (行政执法证) that 行政处罚法 art. 42 officers must hold. */
export const LAW_ENFORCEMENT_CERTIFICATE = '行政执法证';

/** Days ahead that the inspector library warns about an expiring 行政执法证. */
export const CERT_WARNING_DAYS = 30;

/** Why an inspector is left out of a pool (or refused as a direct assignment). */
export const POOL_EXCLUSION_CODES = [
  'INACTIVE',
  'CERT_EXPIRED',
  'CERT_EXPIRES_IN_WINDOW',
  'EXPERT_QUALIFICATION_EXPIRED',
] as const;
export type PoolExclusionCode = (typeof POOL_EXCLUSION_CODES)[number];

/** Labels of the pool exclusion codes, in both languages. */
export const POOL_EXCLUSION_LABELS: Readonly<
  Record<PoolExclusionCode, { readonly zh: string; readonly en: string }>
> = {
  INACTIVE: { zh: '不在岗（停用或不在启用期内）', en: 'Not active during the window' },
  CERT_EXPIRED: { zh: '行政执法证已过期', en: 'Law-enforcement certificate expired' },
  CERT_EXPIRES_IN_WINDOW: {
    zh: '行政执法证在任务期内到期',
    en: 'Law-enforcement certificate expires during the window',
  },
  EXPERT_QUALIFICATION_EXPIRED: {
    zh: '专家资格证书已过期',
    en: 'Expert qualification expired',
  },
};

/** What the rules read of a library entry. */
export interface PoolCandidate {
  readonly expert: boolean;
  readonly active: boolean;
  readonly activeFrom: string | null;
  readonly activeTo: string | null;
  readonly qualifications: readonly { readonly type: string; readonly expiresOn: string }[];
}

/** The task's window, first and last day (YYYY-MM-DD). */
export interface TaskWindow {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export interface PoolExclusion {
  readonly code: PoolExclusionCode;
  /** The expiry that decided it (certificate or qualification), when one did. */
  readonly expiresOn: string | null;
}

function inactive(c: PoolCandidate, w: TaskWindow): boolean {
  return (
    !c.active ||
    (c.activeFrom !== null && c.activeFrom > w.end) ||
    (c.activeTo !== null && c.activeTo < w.start)
  );
}

/** The latest expiry of the 行政执法证 entries; null when the library records none. */
export function certificateExpiry(quals: PoolCandidate['qualifications']): string | null {
  let best: string | null = null;
  for (const q of quals) {
    if (q.type === LAW_ENFORCEMENT_CERTIFICATE && (best === null || q.expiresOn > best)) {
      best = q.expiresOn;
    }
  }
  return best;
}

/**
 * Why a law-enforcement officer stays out of the pool for a window, or null when they enter it.
 * The certificate must be valid on every day of the window (expiry on or after its last day).
 * An officer whose library entry records no 行政执法证 expiry is not refused here: the badge number
 * is the certificate's number; the inspector library lists such entries so staff record the expiry.
 */
export function officerPoolExclusion(c: PoolCandidate, w: TaskWindow): PoolExclusion | null {
  if (inactive(c, w)) {
    return { code: 'INACTIVE', expiresOn: null };
  }
  const expiry = certificateExpiry(c.qualifications);
  if (expiry === null || expiry >= w.end) {
    return null;
  }
  return { code: expiry < w.start ? 'CERT_EXPIRED' : 'CERT_EXPIRES_IN_WINDOW', expiresOn: expiry };
}

/**
 * Why an expert may not join a team by direct assignment for a window, or null when they may.
 * Experts hold no 执法证 and never count toward art. 42's two officers; their own rule is to be
 * active and, when the library records professional qualifications, to hold one valid through the window.
 */
export function expertAssignmentExclusion(c: PoolCandidate, w: TaskWindow): PoolExclusion | null {
  if (inactive(c, w)) {
    return { code: 'INACTIVE', expiresOn: null };
  }
  if (c.qualifications.length === 0 || c.qualifications.some((q) => q.expiresOn >= w.end)) {
    return null;
  }
  const latest = c.qualifications.map((q) => q.expiresOn).sort()[c.qualifications.length - 1] ?? null;
  return { code: 'EXPERT_QUALIFICATION_EXPIRED', expiresOn: latest };
}

/** Why a library entry may not join a team for the window: the officers' rule or the experts' rule. */
export function teamMemberExclusion(c: PoolCandidate, w: TaskWindow): PoolExclusion | null {
  return c.expert ? expertAssignmentExclusion(c, w) : officerPoolExclusion(c, w);
}

export type CertificateState = 'valid' | 'expiring' | 'expired' | 'unrecorded' | 'notRequired';

export interface CertificateStatus {
  readonly state: CertificateState;
  readonly expiresOn: string | null;
  /** Days from today to the expiry (negative once past); null without an expiry. */
  readonly daysLeft: number | null;
}

/** A library entry's 行政执法证 as seen on `today`: expired, expiring within CERT_WARNING_DAYS, valid, or unrecorded. */
export function certificateStatus(
  c: Pick<PoolCandidate, 'expert' | 'qualifications'>,
  today: IsoDate,
  warnDays = CERT_WARNING_DAYS,
): CertificateStatus {
  if (c.expert) {
    return { state: 'notRequired', expiresOn: null, daysLeft: null };
  }
  const expiry = certificateExpiry(c.qualifications);
  if (expiry === null) {
    return { state: 'unrecorded', expiresOn: null, daysLeft: null };
  }
  const daysLeft = isIsoDate(expiry) ? daysBetween(today, expiry) : null;
  const state = expiry < today ? 'expired' : expiry <= addDays(today, warnDays) ? 'expiring' : 'valid';
  return { state, expiresOn: expiry, daysLeft };
}

/** The pool exclusion codes as a zod enum (for rows read back and API replies). */
export const poolExclusionCodeSchema = z.enum(POOL_EXCLUSION_CODES);
