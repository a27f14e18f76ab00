/**
 * The subset of OpenAPI 3.0 JSON Schema that the app's document uses (the zod → JSON Schema
 * output of fastify-type-provider-zod), read without casts: a validator for replies and
 * fast-check arbitraries for valid requests, for the contract fuzz test.
 */
import fc from 'fast-check';

/** A JSON schema node, as a plain record. */
export type Schema = Readonly<Record<string, unknown>>;

/** The value as a record, or undefined when it is not a plain object. */
export function rec(v: unknown): Schema | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v))
    : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v.map((x: unknown) => x) : [];
}

function schemas(v: unknown): Schema[] {
  return list(v).flatMap((s): Schema[] => {
    const r = rec(s);
    return r === undefined ? [] : [r];
  });
}

function typeOf(v: unknown): string {
  if (v === null) {
    return 'null';
  }
  if (Array.isArray(v)) {
    return 'array';
  }
  if (typeof v === 'number') {
    return Number.isInteger(v) ? 'integer' : 'number';
  }
  return typeof v;
}

/** Where a value breaks the schema (empty when it conforms). Formats are not checked. */
export function validate(schema: Schema, value: unknown, at = '$'): string[] {
  if (value === null && schema['nullable'] === true) {
    return [];
  }
  const anyOf = schemas(schema['anyOf'] ?? schema['oneOf']);
  if (anyOf.length > 0) {
    const results = anyOf.map((s) => validate(s, value, at));
    if (!results.some((r) => r.length === 0)) {
      return [`${at}: matches no alternative (${results.map((r) => r[0] ?? '').join(' | ')})`];
    }
  }
  const problems = schemas(schema['allOf']).flatMap((s) => validate(s, value, at));
  const enumValues = schema['enum'];
  if (Array.isArray(enumValues) && !enumValues.some((e) => e === value)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(enumValues)}`);
  }
  const type = schema['type'];
  if (typeof type === 'string') {
    const actual = typeOf(value);
    const fits = actual === type || (type === 'number' && actual === 'integer');
    if (!fits) {
      return [...problems, `${at}: expected ${type}, got ${actual}`];
    }
  }
  if (typeof value === 'string') {
    const min = num(schema['minLength']);
    const max = num(schema['maxLength']);
    if (min !== undefined && value.length < min) {
      problems.push(`${at}: shorter than ${min}`);
    }
    if (max !== undefined && value.length > max) {
      problems.push(`${at}: longer than ${max}`);
    }
    const pattern = schema['pattern'];
    if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test(value)) {
      problems.push(`${at}: does not match ${pattern}`);
    }
  }
  if (typeof value === 'number') {
    const min = num(schema['minimum']);
    const max = num(schema['maximum']);
    if (min !== undefined && value < min) {
      problems.push(`${at}: below ${min}`);
    }
    if (max !== undefined && value > max) {
      problems.push(`${at}: above ${max}`);
    }
  }
  if (Array.isArray(value)) {
    const items = rec(schema['items']);
    if (items !== undefined) {
      value.forEach((v, i) => problems.push(...validate(items, v, `${at}[${i}]`)));
    }
  }
  const obj = rec(value);
  if (obj !== undefined) {
    const props = rec(schema['properties']) ?? {};
    for (const key of list(schema['required'])) {
      if (typeof key === 'string' && !(key in obj)) {
        problems.push(`${at}.${key}: missing`);
      }
    }
    const extra = rec(schema['additionalProperties']);
    for (const [k, v] of Object.entries(obj)) {
      const p = rec(props[k]);
      if (p !== undefined) {
        problems.push(...validate(p, v, `${at}.${k}`));
      } else if (schema['additionalProperties'] === false) {
        problems.push(`${at}.${k}: not allowed`);
      } else if (extra !== undefined) {
        problems.push(...validate(extra, v, `${at}.${k}`));
      }
    }
  }
  return problems;
}

const CJK = fc.constantFrom('重庆', '渝北区', '市场监督管理局', '食品', '张三', '检查', '有限公司', '双随机');

/** Strings of a length range: ASCII, CJK and the odd full Unicode character. */
function text(min: number, max: number): fc.Arbitrary<string> {
  const cap = Math.max(min, Math.min(max, 24));
  return fc
    .oneof(
      fc.string({ minLength: min, maxLength: cap }),
      fc.array(CJK, { minLength: 1, maxLength: 3 }).map((a) => a.join('')),
      fc.string({ minLength: min, maxLength: cap, unit: 'grapheme' }),
    )
    .filter((s) => s.length >= min && s.length <= max);
}

const DAY = fc
  .record({
    y: fc.integer({ min: 2000, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

function stringArb(schema: Schema): fc.Arbitrary<string> {
  const min = num(schema['minLength']) ?? 0;
  const max = num(schema['maxLength']) ?? 60;
  const pattern = schema['pattern'];
  switch (schema['format']) {
    case 'date':
      return DAY;
    case 'date-time':
      return fc
        .tuple(DAY, fc.integer({ min: 0, max: 86_399 }))
        .map(([d, s]) => `${d}T${new Date(s * 1000).toISOString().slice(11, 19)}+08:00`);
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      break;
  }
  if (typeof pattern === 'string') {
    // cut to maxLength only when the schema sets one: the default 60 would make a pattern of
    // 64 characters (a leaf hash) unsatisfiable, and the filter below would then never pass
    const patternMax = num(schema['maxLength']) ?? Number.MAX_SAFE_INTEGER;
    return fc
      .stringMatching(new RegExp(pattern, 'u'))
      .map((s) => s.slice(0, patternMax))
      .filter((s) => s.length >= min && new RegExp(pattern, 'u').test(s));
  }
  return text(min, max);
}

/** Known values for a field name (ids and codes of the fixtures), so valid requests reach data. */
export type Hints = (name: string) => readonly unknown[];

const NO_HINTS: Hints = () => [];

/** True when a hinted value fits the schema, format included. */
function fits(schema: Schema, v: unknown): boolean {
  if (validate(schema, v).length > 0) {
    return false;
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return schema['format'] !== 'uuid' || (typeof v === 'string' && uuid.test(v));
}

/** A fast-check arbitrary of values that conform to the schema (within small sizes). */
export function arbitraryOf(
  schema: Schema,
  hints: Hints = NO_HINTS,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const generated = baseArbitrary(schema, hints, depth);
  const known = hints(name).filter((v) => fits(schema, v));
  const base = known.length > 0 ? fc.oneof(fc.constantFrom(...known), generated) : generated;
  return schema['nullable'] === true ? fc.option(base, { nil: null, freq: 5 }) : base;
}

function baseArbitrary(schema: Schema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const enumValues = schema['enum'];
  const values = list(enumValues);
  if (values.length > 0) {
    return fc.constantFrom(...values);
  }
  const alternatives = schemas(schema['anyOf'] ?? schema['oneOf']);
  if (alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => arbitraryOf(s, hints, '', depth)));
  }
  const all = schemas(schema['allOf']);
  if (all.length > 0 && all[0] !== undefined) {
    return arbitraryOf(all[0], hints, '', depth);
  }
  switch (schema['type']) {
    case 'string':
      return stringArb(schema);
    case 'integer': {
      const min = num(schema['minimum']) ?? -1000;
      const max = num(schema['maximum']) ?? 100_000;
      return fc.integer({
        min: Math.ceil(min) + (schema['exclusiveMinimum'] === true ? 1 : 0),
        max: Math.floor(max),
      });
    }
    case 'number': {
      const min = num(schema['minimum']) ?? -1000;
      const max = num(schema['maximum']) ?? 100_000;
      return fc
        .double({ min, max, noNaN: true, noDefaultInfinity: true })
        .filter((n) => !(schema['exclusiveMinimum'] === true && n === min));
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = rec(schema['items']) ?? {};
      const min = num(schema['minItems']) ?? 0;
      const max = Math.max(min, Math.min(num(schema['maxItems']) ?? 3, depth > 1 ? min : 3));
      return fc.array(arbitraryOf(items, hints, '', depth + 1), { minLength: min, maxLength: max });
    }
    case 'object': {
      const props = rec(schema['properties']) ?? {};
      const required = list(schema['required']).filter((k) => typeof k === 'string');
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) {
        model[k] = arbitraryOf(rec(s) ?? {}, hints, k, depth + 1);
      }
      return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
    }
    default:
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
  }
}
