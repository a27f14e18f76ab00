/**
 * Seed input at the ceremony (spec §2): what people type becomes the normalised seed. Dice
 * digits: full-width digits become ASCII, spaces and separators go; anything else is refused,
 * and at least 20 digits are needed. Beacon values: lowercase hex.
 */
import { domainError, type DomainError } from '../errors';
import { err, ok, type Result } from '../result';

/** spec §2: at least 20 decimal digits from public dice. */
export const MIN_DICE_DIGITS = 20;

// Spaces (incl. U+3000), commas, dots, hyphens, slashes, middle dots and their full-width forms.
const SEPARATORS = /[\s\u3000,，.。、·\-‐‑–—_/|;；:：]/gu;

/** Normalise dice digits (spec §2); an error names the first character that is not a digit. */
export function normaliseDiceSeed(input: string): Result<string, DomainError> {
  const ascii = input.replace(/[\uFF10-\uFF19]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30),
  );
  const stripped = ascii.replace(SEPARATORS, '');
  const bad = /[^0-9]/u.exec(stripped);
  if (bad !== null) {
    return err(
      domainError(
        'VALIDATION',
        `骰子读数只能包含数字，发现「${bad[0]}」`,
        `dice input may contain digits only, found "${bad[0]}"`,
        {
          details: { character: bad[0] },
        },
      ),
    );
  }
  if (stripped.length < MIN_DICE_DIGITS) {
    return err(
      domainError(
        'VALIDATION',
        `骰子读数至少 ${MIN_DICE_DIGITS} 位，当前 ${stripped.length} 位`,
        `dice input needs at least ${MIN_DICE_DIGITS} digits, got ${stripped.length}`,
        {
          details: { digits: stripped.length },
        },
      ),
    );
  }
  return ok(stripped);
}

/** Normalise a beacon round's randomness to lowercase hex (spec §2); `0x` and spaces are dropped. */
export function normaliseBeaconSeed(input: string): Result<string, DomainError> {
  const s = input.trim().replace(/^0x/i, '').replace(/\s+/g, '').toLowerCase();
  if (!/^[0-9a-f]{16,}$/.test(s)) {
    return err(
      domainError(
        'VALIDATION',
        '信标值须为十六进制（至少 16 位）',
        'a beacon value must be hex (at least 16 characters)',
      ),
    );
  }
  return ok(s);
}

/** A beacon seed plan must name the round in advance (spec §1), e.g. `drand quicknet round 1234567`. */
export function checkBeaconSeedPlan(plan: string): Result<string, DomainError> {
  const s = plan.trim();
  if (!/round\s*\d+|第\s*\d+\s*轮/i.test(s) || s.length > 200) {
    return err(
      domainError(
        'VALIDATION',
        '信标种子计划须事先写明轮次，如「drand quicknet round 1234567」',
        'a beacon seed plan must name the round in advance, e.g. "drand quicknet round 1234567"',
      ),
    );
  }
  return ok(s);
}
