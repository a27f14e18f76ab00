/**
 * The one check on text that comes in over HTTP: no NUL byte and no lone UTF-16 surrogate in
 * any string of the validated params, query, body or headers. PostgreSQL rejects NUL in text
 * (a 500 before this check) and a lone surrogate is silently turned into U+FFFD, so both are
 * refused at the validation layer with a 400 that names the field.
 */
import { TEXT_FLAW_MESSAGES as MESSAGES, textFlaw, type TextFlaw } from '@openssj/core';
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

interface BadString {
  readonly path: readonly (string | number)[];
  readonly flaw: TextFlaw;
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
    const flaw = textFlaw(value);
    if (flaw !== null) {
      out.push({ path: [...path], flaw });
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findBadStrings(v, [...path, i], out));
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const keyFlaw = textFlaw(k);
      if (keyFlaw !== null) {
        out.push({ path: [...path, k], flaw: keyFlaw });
        continue;
      }
      findBadStrings(v, [...path, k], out);
    }
  }
  return out;
}

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
