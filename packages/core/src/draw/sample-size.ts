/**
 * Sample size (spec §3): k = min(max(ceil(|F| × r), min), max, |F|) with exact decimal
 * arithmetic, and the canonical ratio form: `1`, or `0.` + digits not ending in `0`.
 */
import { domainError, type DomainError } from '../errors';
import { err, ok, type Result } from '../result';

/** A parsed canonical ratio: value = num / den exactly. */
export interface Ratio {
  readonly text: string;
  readonly num: bigint;
  readonly den: bigint;
}

/** The canonical ratio form of spec §3. */
export const CANONICAL_RATIO = /^(?:1|0\.[0-9]*[1-9])$/;

/** Parse a ratio written canonically (spec §3); anything else is an error. */
export function parseRatio(text: string): Result<Ratio, DomainError> {
  if (!CANONICAL_RATIO.test(text)) {
    return err(
      domainError(
        'VALIDATION',
        `抽查比例「${text}」不是规范写法：应为 1，或 0. 后接不以 0 结尾的数字（如 0.25）`,
        `ratio "${text}" is not canonical: write 1, or 0. followed by digits not ending in 0 (e.g. 0.25)`,
        { details: { ratio: text } },
      ),
    );
  }
  if (text === '1') {
    return ok({ text, num: 1n, den: 1n });
  }
  const digits = text.slice(2);
  return ok({ text, num: BigInt(digits), den: 10n ** BigInt(digits.length) });
}

/** k_s of spec §3 for a frame of `frameSize` ids. */
export function sampleSize(frameSize: number, ratio: Ratio, min: number, max: number | null): number {
  const n = BigInt(frameSize);
  let k = (n * ratio.num + ratio.den - 1n) / ratio.den; // ceil, exact
  if (k < BigInt(min)) {
    k = BigInt(min);
  }
  if (max !== null && k > BigInt(max)) {
    k = BigInt(max);
  }
  if (k > n) {
    k = n;
  }
  return Number(k);
}
