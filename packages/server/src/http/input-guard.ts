/**
 * The one check on text that comes in over HTTP: no NUL byte and no lone UTF-16 surrogate in
 * any string of the validated params, query, body or headers. PostgreSQL rejects NUL in text
 * (a 500 before this check) and a lone surrogate is silently turned into U+FFFD, so both are
 * refused at the validation layer with a 400 that names the field.
 */
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

/** Why a string was refused, for the error message. */
type Flaw = 'nul' | 'surrogate';

interface BadString {
  readonly path: readonly (string | number)[];
  readonly flaw: Flaw;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The flaw of a string, or null when it is safe to store. */
export function stringFlaw(s: string): Flaw | null {
  if (s.includes('\u0000')) {
    return 'nul';
  }
  return LONE_SURROGATE.test(s) ? 'surrogate' : null;
}

/** Every string (and object key) in a parsed value that holds a NUL or a lone surrogate. */
export function findBadStrings(
  value: unknown,
  path: (string | number)[] = [],
  out: BadString[] = [],
): BadString[] {
  if (out.length >= 20) {
    return out;
  }
  if (typeof value === 'string') {
    const flaw = stringFlaw(value);
    if (flaw !== null) {
      out.push({ path: [...path], flaw });
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findBadStrings(v, [...path, i], out));
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const keyFlaw = stringFlaw(k);
      if (keyFlaw !== null) {
        out.push({ path: [...path, k], flaw: keyFlaw });
        continue;
      }
      findBadStrings(v, [...path, k], out);
    }
  }
  return out;
}

const MESSAGES: Readonly<Record<Flaw, { zh: string; en: string }>> = {
  nul: { zh: '不能包含空字符（NUL, \\u0000）', en: 'must not contain a NUL character (\\u0000)' },
  surrogate: {
    zh: '含有不成对的代理字符（无效的 Unicode 文本）',
    en: 'contains a lone surrogate (not valid Unicode text)',
  },
};

/**
 * The zod validator compiler, plus the string check on what it accepted. Its issues have the
 * shape of fastify-type-provider-zod's, so the one error handler reports them by field.
 */
export const guardedValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = validatorCompiler(route);
  return (data) => {
    const result = validate(data);
    if (typeof result !== 'object' || !('value' in result)) {
      return result;
    }
    const bad = findBadStrings(result.value);
    if (bad.length === 0) {
      return result;
    }
    const issues = bad.map((b): FastifySchemaValidationError =>
      Object.assign(
        {
          keyword: 'custom',
          instancePath: `/${b.path.join('/')}`,
          schemaPath: `#/${b.path.join('/')}/custom`,
          message: MESSAGES[b.flaw].en,
          params: { messageZh: MESSAGES[b.flaw].zh },
        },
        { [Symbol.for('ZodFastifySchemaValidationError')]: true },
      ),
    );
    return { error: issues };
  };
};
