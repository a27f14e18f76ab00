/**
 * DrawDifference: the first thing a verifier found wrong with a record (spec §7), with the
 * check it belongs to (in the spec's order), a stable rule code, and where and what differs.
 */

/** The checks of spec §7, in the order a verifier runs them. */
export const VERIFY_CHECKS = [
  'structure',
  'frames',
  'sampleSizes',
  'digests',
  'commitment',
  'selections',
  'assignments',
] as const;

export type VerifyCheck = (typeof VERIFY_CHECKS)[number];

/** Where and what differs; every field optional. */
export interface DifferenceDetail {
  readonly stratum?: string;
  readonly target?: string;
  readonly index?: number;
  readonly field?: string;
  readonly line?: number;
  readonly expected?: string;
  readonly actual?: string;
}

/** The first difference or broken rule found by `verifyRecord`. */
export interface DrawDifference extends DifferenceDetail {
  readonly check: VerifyCheck;
  /** 1–7: the step of spec §7. */
  readonly step: number;
  /** Stable code, e.g. FRAME_DIGEST, POOL_NOT_SORTED. */
  readonly rule: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** Build a DrawDifference for a check. */
export function difference(
  check: VerifyCheck,
  rule: string,
  messageZh: string,
  messageEn: string,
  detail: DifferenceDetail = {},
): DrawDifference {
  return { check, step: VERIFY_CHECKS.indexOf(check) + 1, rule, messageZh, messageEn, ...detail };
}

/** One-line English description, for the CLI. */
export function describeDifference(d: DrawDifference): string {
  const where: string[] = [];
  if (d.stratum !== undefined) {
    where.push(`stratum ${d.stratum}`);
  }
  if (d.index !== undefined) {
    where.push(`#${d.index + 1}`);
  }
  if (d.target !== undefined) {
    where.push(`target ${d.target}`);
  }
  if (d.field !== undefined) {
    where.push(d.field);
  }
  if (d.line !== undefined) {
    where.push(`line ${d.line}`);
  }
  let s = `${d.check} (step ${d.step}, ${d.rule})${where.length > 0 ? ' [' + where.join(', ') + ']' : ''}: ${d.messageEn}`;
  if (d.expected !== undefined || d.actual !== undefined) {
    s += `\n  expected: ${d.expected ?? '-'}\n  actual:   ${d.actual ?? '-'}`;
  }
  return s;
}
