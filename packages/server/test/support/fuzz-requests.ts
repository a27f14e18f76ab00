/**
 * Requests for the contract fuzz (issue 10 §3): the operations of an OpenAPI document, and for
 * each, generated requests: valid ones from the parameter and body schemas, and invalid ones
 * (one slot replaced by a NUL byte, a lone surrogate, a huge string, a bad date, a wrong type,
 * a missing key, a body that is not an object or not JSON). Deterministic for a seed.
 */
import fc from 'fast-check';
import { arbitraryOf, rec, type Hints, type Schema } from './json-schema';
import { DEPT_A, DEPT_B, DEPT_C } from './fixtures';

/** Generated requests per operation (half valid, half invalid), each sent twice. */
export const CASES = 16;
import {
  DRAW_ID,
  ITEM_A,
  ITEM_C,
  TASK_ID,
  USCC_1,
  USCC_2,
  type InspectionWorld,
} from './inspection-fixtures';

export interface Param {
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema;
}

export interface Documented {
  /** Content type → schema (a JSON schema for application/json, else the file's). */
  readonly content: Readonly<Record<string, Schema>>;
}

export interface Operation {
  readonly key: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly pathParams: readonly Param[];
  readonly queryParams: readonly Param[];
  readonly body: Schema | null;
  readonly responses: Readonly<Record<string, Documented>>;
}

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document, in a stable order. */
export function operationsOf(doc: unknown): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(rec(rec(doc)?.['paths']) ?? {})) {
    for (const m of METHODS) {
      const op = rec(rec(item)?.[m]);
      if (op === undefined) {
        continue;
      }
      const params = (Array.isArray(op['parameters']) ? op['parameters'] : []).flatMap((p) => {
        const r = rec(p);
        const name = r?.['name'];
        return r !== undefined && typeof name === 'string'
          ? [{ name, in: r['in'], required: r['required'] === true, schema: rec(r['schema']) ?? {} }]
          : [];
      });
      const body = rec(rec(rec(rec(op['requestBody'])?.['content'])?.['application/json'])?.['schema']);
      const responses: Record<string, Documented> = {};
      for (const [status, r] of Object.entries(rec(op['responses']) ?? {})) {
        const content: Record<string, Schema> = {};
        for (const [type, c] of Object.entries(rec(rec(r)?.['content']) ?? {})) {
          content[type] = rec(rec(c)?.['schema']) ?? {};
        }
        responses[status] = { content };
      }
      ops.push({
        key: `${m.toUpperCase()} ${path}`,
        method:
          m === 'get'
            ? 'GET'
            : m === 'post'
              ? 'POST'
              : m === 'put'
                ? 'PUT'
                : m === 'patch'
                  ? 'PATCH'
                  : 'DELETE',
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: body ?? null,
        responses,
      });
    }
  }
  return ops.sort((a, b) => a.key.localeCompare(b.key));
}

export interface Req {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
  /** A raw body instead of JSON (bad JSON, another media type). */
  readonly raw?: { readonly contentType: string; readonly payload: string };
  readonly note: string;
}

export const BAD_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  'x'.repeat(20_000),
  '0000-02-29',
  '2026-02-30',
  '9999-12-31T25:61:00Z',
  '-1',
  '1e309',
  'NaN',
  '../../etc/passwd',
  "' OR 1=1 --",
  '%',
  '',
  ' ',
];
export const WRONG_TYPES: readonly unknown[] = [12345, -1, 1.5, 1e308, true, null, [], {}, ['a'], { a: 1 }];
export const BAD_BODIES: readonly unknown[] = [null, [], 'text', 42, {}, [{}]];

/** The slots of a request: path and query parameters, and every node of the body. */
export function slotsOf(op: Operation, req: Req): (readonly (string | number)[])[] {
  const slots: (readonly (string | number)[])[] = [
    ...op.pathParams.map((p) => ['path', p.name]),
    ...op.queryParams.map((p) => ['query', p.name]),
  ];
  const walk = (v: unknown, at: (string | number)[]): void => {
    slots.push(at);
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...at, i]));
    } else {
      for (const [k, x] of Object.entries(rec(v) ?? {})) {
        walk(x, [...at, k]);
      }
    }
  };
  if (op.body !== null) {
    walk(req.body, ['body']);
  }
  return slots;
}

export function list(v: unknown[]): unknown[] {
  return v.map((x: unknown) => x);
}

/** A copy of `root` with the node at `path` replaced (or removed when `value` is undefined). */
export function replaceAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) {
    return value;
  }
  if (Array.isArray(root) && typeof head === 'number') {
    const copy: unknown[] = list(root);
    if (rest.length === 0 && value === undefined) {
      copy.splice(head, 1);
    } else {
      copy[head] = replaceAt(root[head], rest, value);
    }
    return copy;
  }
  const copy: Record<string, unknown> = { ...(rec(root) ?? {}) };
  if (rest.length === 0 && value === undefined) {
    delete copy[String(head)];
  } else {
    copy[String(head)] = replaceAt(copy[String(head)], rest, value);
  }
  return copy;
}

export type Mutation =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'type'; readonly value: unknown }
  | { readonly kind: 'drop' }
  | { readonly kind: 'body'; readonly value: unknown }
  | { readonly kind: 'raw'; readonly contentType: string; readonly payload: string };

export const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(...BAD_STRINGS).map((value) => ({ kind: 'string' as const, value })),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...WRONG_TYPES).map((value) => ({ kind: 'type' as const, value })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop' as const }) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_BODIES).map((value) => ({ kind: 'body' as const, value })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { kind: 'raw' as const, contentType: 'application/json', payload: '{"a":' },
      { kind: 'raw' as const, contentType: 'text/plain', payload: 'hello' },
      { kind: 'raw' as const, contentType: 'application/xml', payload: '<a/>' },
    ),
  },
);

export function mutate(op: Operation, req: Req, m: Mutation, pick: number): Req {
  if (m.kind === 'body') {
    return { ...req, body: m.value, note: `body ← ${JSON.stringify(m.value)}` };
  }
  if (m.kind === 'raw') {
    return { ...req, raw: { contentType: m.contentType, payload: m.payload }, note: `raw ${m.contentType}` };
  }
  const slots = slotsOf(op, req);
  const slot = slots[pick % Math.max(1, slots.length)];
  if (slot === undefined) {
    return { ...req, raw: { contentType: 'application/json', payload: '{"a":' }, note: 'raw bad JSON' };
  }
  const [part, ...at] = slot;
  const value = m.kind === 'drop' ? undefined : m.value;
  const note = `${slot.join('.')} ← ${m.kind === 'drop' ? '(removed)' : JSON.stringify(value)?.slice(0, 40)}`;
  if (part === 'path') {
    return { ...req, path: { ...req.path, [String(at[0])]: value ?? '' }, note };
  }
  if (part === 'query') {
    return { ...req, query: { ...req.query, [String(at[0])]: value }, note };
  }
  return { ...req, body: replaceAt(req.body, at, value), note };
}

/** encodeURIComponent, with lone surrogates sent as their (invalid) UTF-8 bytes. */
export function encode(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .split('')
      .map((c) =>
        /[\ud800-\udfff]/.test(c)
          ? `%ED%${(0xa0 + ((c.charCodeAt(0) >> 6) & 0x1f)).toString(16)}%80`
          : encodeURIComponent(c),
      )
      .join('');
  }
}

export function urlOf(op: Operation, req: Req): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(req.path[name] ?? 'x'));
  const query = Object.entries(req.query)
    .filter(([, v]) => v !== undefined)
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}=${encode(x)}`) : [`${k}=${encode(v)}`]))
    .join('&');
  return query === '' ? path : `${path}?${query}`;
}

/** Field names → fixture values (never the admin's own account, which the fuzz needs). */
export function hintsFor(world: InspectionWorld): Hints {
  const ids = [world.visit, world.joint, world.other, TASK_ID, DRAW_ID, ITEM_A, ITEM_C, USCC_1, USCC_2];
  const departments = [DEPT_A, DEPT_B, DEPT_C, '500000-SCJG'];
  const regions = ['500112', '500103', '500000'];
  return (name) => {
    if (/^(id|.*Id|targetId|inspectionId)$/.test(name)) {
      return ids;
    }
    if (/itemIds?$/.test(name)) {
      return [ITEM_A, ITEM_C];
    }
    if (/department|claimedBy|lead|cooperating/i.test(name)) {
      return departments;
    }
    if (/region|division/i.test(name)) {
      return regions;
    }
    if (/uscc/i.test(name)) {
      return [USCC_1, USCC_2];
    }
    if (/year/i.test(name)) {
      return [2026, 2027];
    }
    if (/username/i.test(name)) {
      return ['insp_a', 'admin_b'];
    }
    return [];
  };
}

export function requestArb(op: Operation, hints: Hints): fc.Arbitrary<Req> {
  const pathModel: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of op.pathParams) {
    pathModel[p.name] = arbitraryOf(p.schema, hints, p.name);
  }
  const queryModel: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of op.queryParams) {
    queryModel[p.name] = arbitraryOf(p.schema, hints, p.name);
  }
  const valid = fc.record({
    path: fc.record(pathModel),
    query: fc.record(queryModel, {
      requiredKeys: op.queryParams.filter((p) => p.required).map((p) => p.name),
    }),
    body: op.body === null ? fc.constant(undefined) : arbitraryOf(op.body, hints),
    note: fc.constant('valid'),
  });
  return valid;
}

/** The requests of one operation: half valid, half with one mutation. */
export function casesOf(op: Operation, hints: Hints, seed: number): Req[] {
  const half = CASES / 2;
  const valid = fc.sample(requestArb(op, hints), { seed, numRuns: half });
  const invalid = fc.sample(
    fc.tuple(requestArb(op, hints), MUTATION, fc.nat()).map(([r, m, pick]) => mutate(op, r, m, pick)),
    { seed: seed + 1, numRuns: half },
  );
  return [...valid, ...invalid];
}

/** Why a reply breaks the contract, or null. */
